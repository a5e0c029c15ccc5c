"""desk-admin, driven as a user would from a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, timedelta

import pytest
from sqlalchemy import select

from desk.admin import main
from desk.db.engine import open_database
from desk.db.enums import OnlinePaymentState, UnitKind
from desk.db.migrate import head_revision
from desk.db.models import AuditEntry, OnlinePayment, ReceiptPrint
from desk.payfip_simulator.store import CARD_TOO_LATE
from desk.services.cash_desk import close_cash_desk, open_session
from desk.services.documents import cash_journal_document
from desk.services.lifecycle.online import start_online_payment
from desk.services.pricing import family_balance
from desk.services.tenders import Tender
from tests.conftest import behind_the_applications_back
from tests.db.test_database_failures import on_every_connection
from tests.db.test_engine import foreign_sqlite_file
from tests.payfip import SimulatedBank, running_simulator
from tests.services import conftest as services

on_sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
DEC_2 = date(2026, 12, 2)
clock, town = services.clock, services.town  # the services' fixtures: a régie, a family, an agent, a régisseur


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """desk-admin's log goes to the data folder: a throwaway one, never the tester's."""
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    """The real console command, in a fresh process (as the README has it)."""
    return subprocess.run(
        [sys.executable, "-m", "desk.admin", *argv], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def desk_url(database_url) -> str:
    """A desk database at the current schema, as `desk-admin db upgrade --create` makes it."""
    assert main(["--database-url", database_url, "db", "upgrade", "--create"]) == 0
    return database_url


def test_upgrade_status_demo_and_verify_on_a_new_file(sqlite_url):
    first = run("--database-url", sqlite_url, "db", "upgrade", "--create")
    assert first.returncode == 0, first.stderr
    assert f"vide → {head_revision()}" in first.stdout
    assert "déjà au schéma" in run("--database-url", sqlite_url, "db", "upgrade").stdout
    assert "(current)" in run("--database-url", sqlite_url, "db", "status").stdout

    demo = run("--database-url", sqlite_url, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "300 familles" in demo.stdout
    again = run("--database-url", sqlite_url, "demo")
    assert "rien n'a été ajouté" in again.stdout

    verified = run("--database-url", sqlite_url, "verify-journal")
    assert verified.returncode == 0
    assert "Journal intègre" in verified.stdout


def test_generate_reports_what_it_wrote(desk_url, capsys):
    assert main(["--database-url", desk_url, "generate", "--families", "40", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "40 familles" in out and "réservations" in out


@on_sqlite_only
def test_a_tampered_journal_fails_verification(desk_url, sqlite_url, capsys):
    assert main(["--database-url", sqlite_url, "generate", "--families", "30"]) == 0
    database = open_database(sqlite_url)
    with behind_the_applications_back(database) as connection:
        connection.exec_driver_sql("UPDATE journal_entry SET amount_cents = amount_cents + 100 WHERE sequence = 2")
    database.dispose()
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "verify-journal"]) == 1
    assert "n° 2 a été modifiée" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/desk", "pas pris en charge"),
        ("postgresql://postgres@127.0.0.1:1/desk", "ne répond pas"),
    ],
)
def test_bad_database_urls_give_a_message_not_a_traceback(url, message):
    result = run("--database-url", url, "db", "status")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["db", "upgrade"], ["db", "status"], ["demo"], ["verify-journal"]])
@pytest.mark.parametrize("empty", [False, True], ids=["missing", "empty"])
def test_a_missing_or_empty_file_becomes_a_database_only_with_create(tmp_path, command, empty, capsys):
    path = tmp_path / "desk.sqlite3"
    if empty:
        path.touch()
    assert main(["--database-url", f"sqlite:///{path}", *command]) == 2
    err = capsys.readouterr().err
    assert f"« {path} » " + ("est vide" if empty else "n'existe pas") in err
    assert "db upgrade --create" in err and "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == ([path] if empty else [])
    assert not empty or path.stat().st_size == 0


@pytest.mark.parametrize("command", [["db", "upgrade", "--create"], ["db", "status"], ["demo"]])
def test_a_file_of_another_program_is_refused_and_left_byte_for_byte(tmp_path, command, capsys):
    path = tmp_path / "contacts.sqlite3"
    foreign_sqlite_file(path)
    before = path.read_bytes()
    assert main(["--database-url", f"sqlite:///{path}", *command]) == 2
    assert "base SQLite d'un autre logiciel" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_full_disk_at_the_upgrade_is_explained(sqlite_url, capsys):
    with on_every_connection("PRAGMA max_page_count = 8"):  # room for a few pages only: SQLITE_FULL
        assert main(["--database-url", sqlite_url, "db", "upgrade", "--create"]) == 2
    err = capsys.readouterr().err
    assert "Le disque qui contient la base de données" in err and "est plein. Rien n'a été enregistré." in err
    assert "Traceback" not in err
    assert "(current)" not in run("--database-url", sqlite_url, "db", "status").stdout


def test_a_file_locked_by_another_desk_is_explained(sqlite_url, monkeypatch, capsys):
    from desk.db import engine as engine_module

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    other_desk = open_database(sqlite_url, create=True)
    try:
        with other_desk.engine.begin():  # BEGIN IMMEDIATE: the write lock, held through the upgrade below
            assert main(["--database-url", sqlite_url, "db", "upgrade"]) == 2
    finally:
        other_desk.dispose()
    err = capsys.readouterr().err
    assert "est occupé par un autre poste" in err and "Rien n'a été enregistré." in err


def test_an_unexpected_error_gives_a_message_and_a_log_not_a_traceback(desk_url, data_dir, monkeypatch, capsys):
    def broken(_database):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("desk.admin.schema_state", broken)
    assert main(["--database-url", desk_url, "db", "status"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Erreur inattendue : la commande n'a pas abouti (ZeroDivisionError).")
    assert f"Les détails sont dans {data_dir / 'desk.log'}." in err and "Traceback" not in err
    log = (data_dir / "desk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError: a bug" in log


def test_environment_variable_chooses_the_database(tmp_path, monkeypatch, capsys):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("DESK_DATABASE_URL", f"sqlite:///{target}")
    assert main(["db", "upgrade", "--create"]) == 0
    assert target.exists()


@on_sqlite_only
def test_create_agent_asks_the_password_twice(desk_url, sqlite_url, monkeypatch, capsys):
    answers = iter(["motdepasse", "motdepasse"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["--database-url", sqlite_url, "create-agent", "--login", "Lucie", "--name", "Lucie Petit", "--role", "regisseur"]) == 0
    assert "« lucie » créé (regisseur)" in capsys.readouterr().out
    mismatched = iter(["motdepasse", "autre"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(mismatched))
    assert main(["--database-url", sqlite_url, "create-agent", "--login", "marc", "--name", "Marc"]) == 2


@on_sqlite_only
def test_expire_holds_frees_what_has_expired(desk_url, sqlite_url, capsys):
    from datetime import datetime, timedelta

    from sqlalchemy import select

    from desk.clock import FrozenClock
    from desk.db.enums import LIVE_BOOKING_STATES, Role
    from desk.db.models import Booking, Child, Enrolment, OpenDay, Unit
    from desk.services.access import Actor
    from desk.services.lifecycle.baskets import toggle_booking

    assert main(["--database-url", sqlite_url, "generate", "--families", "20"]) == 0
    database = open_database(sqlite_url)
    twenty_minutes_ago = FrozenClock(datetime.now(UTC) - timedelta(minutes=20))
    with database.session_factory.begin() as session:
        child_id, family_id, activity_id = session.execute(
            select(Child.id, Child.family_id, Enrolment.activity_id).join(Enrolment, Enrolment.child_id == Child.id).limit(1)
        ).one()
        booked_days = (select(OpenDay.day).join(Booking, Booking.open_day_id == OpenDay.id)
                       .where(Booking.child_id == child_id, Booking.state.in_(LIVE_BOOKING_STATES)))
        open_day_id = session.scalar(
            select(OpenDay.id).join(Unit).where(Unit.activity_id == activity_id, OpenDay.day.not_in(booked_days),
                                                OpenDay.day > datetime.now().date() + timedelta(days=7)).limit(1)
        )
        toggle_booking(session, twenty_minutes_ago, family_id=family_id, child_id=child_id, open_day_id=open_day_id,
                       actor=Actor(None, Role.AGENT))
    database.dispose()
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "expire-holds"]) == 0
    assert "1 réservation(s) en attente expirée(s)" in capsys.readouterr().out


@on_sqlite_only
def test_receipt_export_for_reprint(desk_url, sqlite_url, tmp_path, capsys):
    from pypdf import PdfReader

    assert main(["--database-url", sqlite_url, "demo"]) == 0  # a régie and its paid history
    output = tmp_path / "ticket.pdf"
    assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--output", str(output), "--format", "a4"]) == 0
    assert "Ticket 2026-000001 (duplicata n° 1) écrit" in capsys.readouterr().out
    reader = PdfReader(output)
    assert "2026-000001" in reader.pages[0].extract_text() and "DUPLICATA n° 1" in reader.pages[0].extract_text()
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--output", str(output)]) == 0
    assert "DUPLICATA n° 2" in PdfReader(output).pages[0].extract_text()
    assert main(["--database-url", sqlite_url, "receipt", "2026-999999", "--output", str(output)]) == 2
    assert "Aucun ticket 2026-999999" in capsys.readouterr().err
    assert main(["--database-url", sqlite_url, "receipt", "douze", "--output", str(output)]) == 2
    database = open_database(sqlite_url)
    with database.read_session_factory() as session:
        assert session.execute(select(ReceiptPrint.copy_number, ReceiptPrint.agent_id)).all() == [(1, None), (2, None)]
        details = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "reprint_receipt")).all()
    database.dispose()
    assert details == [f"Ticket 2026-000001 réimprimé par desk-admin : duplicata n° {n}" for n in (1, 2)]


@on_sqlite_only
def test_a_reprint_whose_file_cannot_be_written_says_its_copy_is_recorded(desk_url, sqlite_url, tmp_path, capsys):
    assert main(["--database-url", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    missing_folder = tmp_path / "nowhere" / "ticket.pdf"
    assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--output", str(missing_folder)]) == 2
    err = capsys.readouterr().err
    assert "le duplicata n° 1 du ticket 2026-000001 est enregistré sans fichier" in err and "Traceback" not in err


def closed_session_anchor(database, clock, town) -> str:
    """The régisseur closes the fixture's session; the anchor its journal de caisse prints."""
    with database.session_factory.begin() as session:
        cash_session_id = open_session(session).id
        close_cash_desk(session, clock, actor=town.cashier, counts={10000: 1, 5000: 1, 1000: 1}, cheques_counted_cents=0)
    with database.read_session_factory() as session:
        return cash_journal_document(session, cash_session_id, clock=clock).anchor


def test_verify_journal_checks_the_anchors_printed_on_journals_de_caisse(database, clock, town, capsys):
    url = database.url.render_as_string(hide_password=False)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(1000)])
    anchor = closed_session_anchor(database, clock, town)
    sequence, prefix = anchor.split(":")
    capsys.readouterr()
    assert main(["--database-url", url, "verify-journal", "--anchor", anchor, "--anchor", f" {sequence} : {prefix} "]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Journal intègre : 2 écritures et 1 règlements vérifiés")
    assert "2 empreinte(s) de journal de caisse retrouvée(s)" in out and f"Tête du journal : écriture n° 2, empreinte {prefix}" in out

    assert main(["--database-url", url, "verify-journal", "--anchor", f"{sequence}:{'0' * 16}"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Journal altéré : 1 anomalie(s).")
    assert f"- l'écriture n° {sequence} n'a plus l'empreinte imprimée sur le journal de caisse" in err

    with behind_the_applications_back(database) as connection:  # the tail cut, its counter rewound to match
        connection.exec_driver_sql(f"DELETE FROM journal_entry WHERE sequence = {sequence}")
        connection.exec_driver_sql(f"UPDATE counter SET last_value = {int(sequence) - 1} WHERE name = 'journal'")
    assert main(["--database-url", url, "verify-journal", "--anchor", anchor]) == 1
    assert f"l'écriture n° {sequence}, imprimée sur un journal de caisse, n'est plus dans le journal" in capsys.readouterr().err


@pytest.mark.parametrize("anchor", ["douze", "12:3f2a9c", "12-3f2a9c0d81e5b7a4"])
def test_an_unreadable_anchor_is_refused_before_anything_is_read(desk_url, anchor, capsys):
    assert main(["--database-url", desk_url, "verify-journal", "--anchor", anchor]) == 2
    err = capsys.readouterr().err
    assert f"« {anchor} » n'est pas une empreinte de journal." in err and "1234:3f2a9c0d81e5b7a4" in err
    assert "Traceback" not in err


def test_reconcile_online_asks_the_service_and_keeps_a_late_confirmation_as_a_credit(database, clock, town, payfip,
                                                                                      tmp_path, capsys):
    url = database.url.render_as_string(hide_password=False)
    assert main(["--database-url", url, "reconcile-online", "--payfip-url", payfip.url]) == 0
    assert capsys.readouterr().out.strip() == "Aucun paiement en ligne en attente."

    gateway = SimulatedBank(payfip.url)
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    with database.session_factory.begin() as session:
        started = start_online_payment(session, clock, gateway, family_id=town.family_id, actor=town.agent)
    gateway.pay_by_card(started.idop, CARD_TOO_LATE, 12, 2028, "123")  # the bank confirms after 20 minutes
    clock.advance(timedelta(minutes=25))

    # A service that does not answer, or one that does not know the operation, leaves it as it was.
    assert main(["--database-url", url, "reconcile-online", "--payfip-url", "http://127.0.0.1:9"]) == 1
    assert "ne répond pas" in capsys.readouterr().out
    with running_simulator(tmp_path / "another.sqlite3", clock.now) as another:
        assert main(["--database-url", url, "reconcile-online", "--payfip-url", another.url]) == 1
    out = capsys.readouterr().out
    assert out.startswith("1 paiement(s) en ligne interrogé(s)") and "ne connaît pas cette opération" in out
    with database.read_session_factory() as session:
        assert session.get(OnlinePayment, started.online_payment_id).state is OnlinePaymentState.CREATED

    assert main(["--database-url", url, "reconcile-online", "--payfip-url", payfip.url]) == 0
    assert capsys.readouterr().out.strip() == ("1 paiement(s) en ligne interrogé(s) : "
                                               "1 payé(s) après expiration (avoir).")
    with database.read_session_factory() as session:
        online = session.get(OnlinePayment, started.online_payment_id)
        assert online.state is OnlinePaymentState.LATE_PAID and online.needs_cashier_review
        assert family_balance(session, town.family_id) == -1000
    assert main(["--database-url", url, "reconcile-online", "--payfip-url", "ftp://x"]) == 2
    assert "adresse du service PayFiP invalide" in capsys.readouterr().err


def test_the_self_test_runs_the_whole_journey_offscreen():
    result = subprocess.run([sys.executable, "-m", "desk", "--self-test"], capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok : ticket de règlement en PDF" in result.stdout
    assert result.stdout.strip().endswith("Auto-test réussi.")


def test_the_month_end_of_the_regie_from_the_command_line(sqlite_url, tmp_path, capsys):
    """The demo leaves cheques held and the current month not paid over: remit, pay over, justify the month,
    each once; a second time says there is nothing to do, with a non-zero exit."""
    import csv
    import io

    from pypdf import PdfReader

    from desk.clock import SystemClock, local_today
    from desk.services.regie_books import first_day_to_pay_over

    assert main(["--database-url", sqlite_url, "db", "upgrade", "--create"]) == 0
    assert main(["--database-url", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    slip = tmp_path / "remise.pdf"
    assert main(["--database-url", sqlite_url, "cheque-remittance", "--output", str(slip)]) == 0
    assert "chèque(s)" in capsys.readouterr().out
    assert "Bordereau de remise" in PdfReader(slip).pages[0].extract_text()
    assert main(["--database-url", sqlite_url, "cheque-remittance", "--output", str(tmp_path / "again.pdf")]) != 0
    assert "Aucun chèque" in capsys.readouterr().err and not (tmp_path / "again.pdf").exists()

    database = open_database(sqlite_url)
    with database.read_session_factory() as session:
        first = first_day_to_pay_over(session)
    database.dispose()
    yesterday = local_today(SystemClock()) - timedelta(days=1)
    period = ["--from", first.isoformat(), "--to", yesterday.isoformat()]
    paid_over = tmp_path / "versement.pdf"
    assert main(["--database-url", sqlite_url, "versement", *period, "--output", str(paid_over)]) == 0, \
        capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.startswith("Versement V") and "tickets" in out
    assert "comptable" in PdfReader(paid_over).pages[0].extract_text()
    assert main(["--database-url", sqlite_url, "versement", *period, "--output", str(tmp_path / "twice.pdf")]) != 0
    assert "déjà versées" in capsys.readouterr().err and not (tmp_path / "twice.pdf").exists()

    month = f"{first:%Y-%m}"
    sheet = tmp_path / "recettes.csv"
    assert main(["--database-url", sqlite_url, "recettes", "--month", month, "--output", str(sheet)]) == 0
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert any("activit" in " ".join(row).lower() for row in rows)
    assert main(["--database-url", sqlite_url, "recettes", "--month", month, "--output", str(tmp_path / "r.pdf")]) == 0
    assert "recettes" in PdfReader(tmp_path / "r.pdf").pages[0].extract_text().lower()
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "recettes", "--month", "2001-01", "--output", str(sheet)]) != 0
    assert "Aucune recette en 01/2001" in capsys.readouterr().err
    assert main(["--database-url", sqlite_url, "recettes", "--month", month, "--output", str(tmp_path / "r.txt")]) != 0
    assert ".csv ou .pdf" in capsys.readouterr().err


@on_sqlite_only
def test_receipt_reprint_on_the_ticket_printer(desk_url, sqlite_url, capsys):
    from desk.devices.printer_simulator import PrinterSimulator

    assert main(["--database-url", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    with PrinterSimulator() as printer:
        assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--escpos", printer.url,
                     "--columns", "42"]) == 0
        assert "Ticket 2026-000001 (duplicata n° 1) imprimé sur" in capsys.readouterr().out
        [job] = printer.wait_for_jobs(1, timeout=10)
        assert "2026-000001" in job.text and "DUPLICATA" in job.text and job.cuts == 1 and not job.drawer_pulses
        assert max(line.width for line in job.lines) <= 42
        printer.switch_off()
        assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--escpos", printer.url]) == 2
        assert "duplicata n° 2 du ticket 2026-000001 est enregistré sans papier" in capsys.readouterr().err
    assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--escpos", "lpt://x"]) == 2
    assert "Adresse de l'imprimante de tickets" in capsys.readouterr().err
    database = open_database(sqlite_url)
    with database.read_session_factory() as session:  # the wrong address recorded no copy
        assert session.scalars(select(ReceiptPrint.copy_number)).all() == [1, 2]
    database.dispose()
