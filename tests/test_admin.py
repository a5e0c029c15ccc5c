"""desk-admin, driven as a user would from a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC

import pytest

from desk.admin import main
from desk.db.migrate import head_revision
from tests.conftest import behind_the_applications_back


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    """The real console command, in a fresh process (as the README has it)."""
    return subprocess.run(
        [sys.executable, "-m", "desk.admin", *argv], capture_output=True, text=True, timeout=300, check=False
    )


def test_upgrade_status_demo_and_verify_on_a_new_file(sqlite_url):
    first = run("--database-url", sqlite_url, "db", "upgrade")
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


def test_generate_reports_what_it_wrote(database_url, capsys):
    assert main(["--database-url", database_url, "generate", "--families", "40", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "40 familles" in out and "réservations" in out


def test_a_tampered_journal_fails_verification(sqlite_url, capsys):
    assert main(["--database-url", sqlite_url, "generate", "--families", "30"]) == 0
    from desk.db.engine import open_database

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


def test_environment_variable_chooses_the_database(tmp_path, monkeypatch, capsys):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("DESK_DATABASE_URL", f"sqlite:///{target}")
    assert main(["db", "upgrade"]) == 0
    assert target.exists()


def test_create_agent_asks_the_password_twice(sqlite_url, monkeypatch, capsys):
    answers = iter(["motdepasse", "motdepasse"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["--database-url", sqlite_url, "create-agent", "--login", "Lucie", "--name", "Lucie Petit", "--role", "regisseur"]) == 0
    assert "« lucie » créé (regisseur)" in capsys.readouterr().out
    mismatched = iter(["motdepasse", "autre"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(mismatched))
    assert main(["--database-url", sqlite_url, "create-agent", "--login", "marc", "--name", "Marc"]) == 2


def test_expire_holds_frees_what_has_expired(sqlite_url, capsys):
    from datetime import datetime, timedelta

    from sqlalchemy import select

    from desk.clock import FrozenClock
    from desk.db.engine import open_database
    from desk.db.enums import LIVE_BOOKING_STATES, Role
    from desk.db.models import Booking, Child, Enrolment, OpenDay, Unit
    from desk.services.access import Actor
    from desk.services.basket import toggle_booking

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


def test_receipt_export_for_reprint(sqlite_url, tmp_path, capsys):
    from pypdf import PdfReader

    assert main(["--database-url", sqlite_url, "demo"]) == 0  # a régie and its paid history
    output = tmp_path / "ticket.pdf"
    assert main(["--database-url", sqlite_url, "receipt", "2026-000001", "--output", str(output), "--format", "a4"]) == 0
    assert "Ticket 2026-000001 écrit" in capsys.readouterr().out
    reader = PdfReader(output)
    assert "2026-000001" in reader.pages[0].extract_text()
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert main(["--database-url", sqlite_url, "receipt", "2026-999999", "--output", str(output)]) == 2
    assert "Aucun ticket 2026-999999" in capsys.readouterr().err
    assert main(["--database-url", sqlite_url, "receipt", "douze", "--output", str(output)]) == 2


def test_the_self_test_runs_the_whole_journey_offscreen():
    result = subprocess.run([sys.executable, "-m", "desk", "--self-test"], capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok : ticket de règlement en PDF" in result.stdout
    assert result.stdout.strip().endswith("Auto-test réussi.")
