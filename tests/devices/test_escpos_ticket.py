"""The ticket de règlement on a thermal printer: sent over TCP to the simulated printer and read back."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

import reports.ticket
from desk.clock import PARIS
from desk.devices import escpos_ticket
from desk.devices.escpos_ticket import drawer_pulse, printable, ticket_escpos
from desk.devices.printer import print_receipt, print_test_page
from desk.devices.printer_simulator import Cut, PrinterSimulator, PrintJob, QrCode, decode_job
from reports.data import BookedLine, Receipt, RegieIdentity, Tendered
from tests.reports.conftest import AT, DURAND, WEDNESDAYS, cash

REGIE = RegieIdentity("Albertville", "Régie Accueil Loisirs Sport Culture",
                      "Hôtel de ville, 12 cours de l'Hôtel-de-Ville, 73200 Albertville",
                      act="Régie instituée par arrêté n° 2024-117 du 3 juin 2024 · Régisseur titulaire : Sophie Martin")
HOLIDAYS = "Centre de loisirs des Pommiers, vacances de Noël 2026 (accueil à la journée avec repas)"
CARD = Tendered("Carte bancaire (TPE)", 1150, authorisation_number="A1B2C3", card_last4="4242")
CHEQUE = Tendered("Chèque", 500, cheque_number="7654321", cheque_bank="La Banque Postale")


@pytest.fixture
def printer():
    with PrinterSimulator() as simulator:
        yield simulator


@pytest.fixture
def receipt() -> Receipt:
    """Three bookings (one with a long activity name), one cancellation, paid by cash, cheque and card."""
    lines = (BookedLine(date(2026, 12, 2), "Noah", WEDNESDAYS, "Mercredi journée", 1000),
             BookedLine(date(2026, 12, 9), "Léa", WEDNESDAYS, "Mercredi matin", 200),
             BookedLine(date(2026, 12, 21), "Éloïse", HOLIDAYS, "Journée avec repas", 1850))
    return Receipt(
        regie=REGIE, code="2026-000042", issued_at=AT, agent_name="Camille", family=DURAND, lines=lines,
        cancelled_lines=(BookedLine(date(2026, 12, 16), "Hugo", WEDNESDAYS, "Mercredi journée", 1000),),
        tenders=(cash(2000, 1400), CHEQUE, CARD), amount_cents=3050, credit_used_cents=1000, balance_settled_cents=1000,
        balance_after_cents=250, journal_hash="3f9a1c0b7d2e" + "0" * 52,
    )


def printed(printer: PrinterSimulator, receipt: Receipt, columns: int = 48) -> PrintJob:
    print_receipt(printer.url, receipt, columns)
    [job] = printer.wait_for_jobs(1)
    return job


def flat(job: PrintJob) -> str:
    """The job's text as one line, wrapped lines joined back."""
    return " ".join(job.text.split())


def words(job: PrintJob) -> list[str]:
    """The words printed, rules left out."""
    return [word for word in job.text.split() if set(word) - set("-=")]


def line_with(job: PrintJob, start: str) -> str:
    [line] = [line.text for line in job.lines if line.text.startswith(start)]
    return line


@pytest.mark.parametrize("columns", [42, 48])
def test_the_printer_prints_everything_the_ticket_says_in_order(printer, receipt, columns):
    job = printed(printer, receipt, columns)
    expected_in_order = [
        "Albertville", "Régie Accueil Loisirs Sport Culture", "Hôtel de ville, 12 cours de l'Hôtel-de-Ville",
        "73200 Albertville", "Régie instituée par arrêté n° 2024-117 du 3 juin 2024", "TICKET DE RÈGLEMENT",
        "N° 2026-000042", "Date 26/11/2026 à 10:00", "Agent Camille", "Famille DURAND", "Dossier F-00001",
        "Canal Guichet", "Réservations réglées", "02/12/26 Noah · Mercredi journée 10,00 €", WEDNESDAYS,
        "09/12/26 Léa · Mercredi matin 2,00 €", "21/12/26 Éloïse · Journée avec repas 18,50 €", HOLIDAYS,
        "Annulations (avoir porté au compte)", "16/12/26 Hugo · Mercredi journée -10,00 €",
        "Réservations (3) 30,50 €", "Avoir déduit -10,00 €", "Restant dû antérieur réglé +10,00 €",
        "Total réglé 30,50 €", "Règlement", "Espèces 14,00 €", "Remis : 20,00 € · Rendu : 6,00 €",
        "Chèque 5,00 €", "N° 7654321 · La Banque Postale", "Carte bancaire (TPE) 11,50 €",
        "**** **** **** 4242 · Autorisation : A1B2C3", "Restant dû après règlement 2,50 €",
        "Code de vérification 3f9a1c0b7d2e", "Ticket n° 2026-000042",
        "À rapprocher du journal des règlements de la régie.", "Ce ticket vaut reçu : conservez-le.",
    ]
    text, position = flat(job), 0
    for expected in expected_in_order:
        found = text.find(expected, position)
        assert found >= 0, f"{expected!r} missing or out of order"
        position = found + len(expected)
    assert "3f9a1c0b7d2e0" not in text  # only the first characters of the hash
    assert job.unknown_commands == ()


@pytest.mark.parametrize("columns", [42, 48])
def test_no_line_is_wider_than_the_printer_and_amounts_end_on_its_last_column(printer, receipt, columns):
    job = printed(printer, receipt, columns)
    assert max(line.width for line in job.lines) == columns
    for start, price in [("02/12/26 Noah", "10,00 €"), ("16/12/26 Hugo", "-10,00 €"), ("Total réglé", "30,50 €"),
                         ("Espèces", "14,00 €"), ("Carte bancaire (TPE)", "11,50 €")]:
        line = line_with(job, start)
        assert line.endswith(" " + price) and len(line) == columns
    activity_lines = [line.text.strip() for line in job.lines if line.text.startswith(" " * 9)]
    assert len(activity_lines) > 4  # the long activity wraps under the booking, indented past the date
    assert " ".join(activity_lines).count(HOLIDAYS) == 1


def test_a_narrower_printer_gets_a_narrower_ticket_with_the_same_words(printer, receipt):
    wide, narrow = printed(printer, receipt, 48), None
    printer.clear()
    narrow = printed(printer, receipt, 42)
    assert len(narrow.lines) > len(wide.lines)
    assert words(narrow) == words(wide)
    with pytest.raises(ValueError, match="42 ou 48 colonnes"):
        ticket_escpos(receipt, columns=40)


def test_the_total_is_bold_and_double_height_and_the_headings_bold(printer, receipt):
    job = printed(printer, receipt)
    total = line_with(job, "Total réglé")
    assert total in job.bold_lines and total in job.double_height_lines
    assert line_with(job, "Réservations (3)") not in job.bold_lines
    assert {"TICKET DE RÈGLEMENT", "Réservations réglées", "Règlement", "3f9a1c0b7d2e"} <= set(job.bold_lines)
    assert line_with(job, "Restant dû après règlement") in job.bold_lines
    assert line_with(job, "Date") not in job.bold_lines + job.double_height_lines


def test_the_qr_code_is_native_and_carries_the_pdf_tickets_value(printer, receipt, monkeypatch):
    pdf_values = []
    draw = reports.ticket.qr_code
    monkeypatch.setattr(reports.ticket, "qr_code", lambda value, size: pdf_values.append(value) or draw(value, size))
    reports.ticket.ticket_80mm(receipt)
    job = printed(printer, receipt)
    assert job.qr_codes == pdf_values == ["2026-000042 3f9a1c0b7d2e"]
    assert b"\x1d(k" in job.raw  # GS ( k: the printer draws the code itself, no raster image
    kinds = [type(event) for event in job.events]
    assert kinds.index(QrCode) > job.events.index(next(line for line in job.lines if line.text == "3f9a1c0b7d2e"))
    assert job.cuts == 1 and kinds[-1] is Cut


def test_the_euro_sign_and_the_accents_come_out_of_the_printer(printer, receipt):
    job = printed(printer, receipt)
    assert job.raw.startswith(b"\x1b@\x1bt\x13")  # reset, then code page 19: CP858, Latin-1 with the euro
    assert "€" in job.text and "?" not in job.text
    for word in ["Régie", "Hôtel", "RÈGLEMENT", "Éloïse", "Léa", "Chèque", "réglé", "À rapprocher", "n° 2026-000042"]:
        assert word in job.text
    assert b"\xd5" in job.raw and "€".encode("cp858") == b"\xd5"


def test_letters_the_code_page_lacks_are_spelt_with_letters_it_has(printer, receipt):
    family = dataclasses.replace(DURAND, name="CŒUR “la sœur” – Nguyễn Łukasz")
    paid = dataclasses.replace(receipt, family=family, amount_cents=123456,
                               tenders=(dataclasses.replace(CARD, amount_cents=123456),))
    job = printed(printer, paid)
    assert "Famille  COEUR \"la soeur\" - Nguyen ?ukasz" in job.text.splitlines()
    assert line_with(job, "Total réglé").endswith(" 1 234,56 €")  # babel's narrow no-break space, printed plain
    assert printable("−10,00\u00a0€ …") == "-10,00\u00a0€ ..."


def test_a_name_cannot_slip_printer_commands_into_the_ticket(printer, receipt):
    family = dataclasses.replace(DURAND, name="DURAND\x1bp\x00\x19\x19\x1dV\x00")
    job = printed(printer, dataclasses.replace(receipt, family=family))
    assert job.drawer_pulses == [] and job.cuts == 1
    assert "Famille  DURAND?p????V?" in job.text.splitlines()


def test_a_reprint_says_duplicata_under_the_title_and_at_the_foot(printer, receipt):
    reprint = dataclasses.replace(receipt, copy_number=2, reprinted_at=datetime(2026, 12, 1, 14, 5, tzinfo=PARIS))
    job = printed(printer, reprint)
    text = flat(job)
    assert text.index("N° 2026-000042") < text.index("DUPLICATA n° 2") < text.index("réimprimé le 01/12/2026 à 14:05")
    assert "DUPLICATA n° 2" in job.bold_lines and "DUPLICATA n° 2" in job.double_height_lines
    assert "DUPLICATA n° 2 du ticket émis le 26/11/2026 à 10:00." in text
    assert "DUPLICATA" not in flat(decode_job(ticket_escpos(receipt)))


def test_a_ticket_never_opens_the_drawer(printer, receipt):
    job = printed(printer, receipt)
    assert job.drawer_pulses == []
    assert drawer_pulse() not in job.raw


def test_the_ticket_is_the_same_bytes_every_time(receipt):
    assert ticket_escpos(receipt, 42) == ticket_escpos(receipt, 42) != ticket_escpos(receipt, 48)


def test_nothing_received_and_no_booking_are_said_in_words(printer, receipt):
    credit_only = dataclasses.replace(receipt, lines=(), tenders=(), amount_cents=0, credit_used_cents=0,
                                      balance_settled_cents=0, credit_created_cents=1000, balance_after_cents=-1000)
    text = flat(printed(printer, credit_only))
    for expected in ["Aucune réservation : montant porté en avoir.", reports.ticket.NOTHING_RECEIVED,
                     "Excédent porté en avoir +10,00 €", "Total réglé 0,00 €", "Avoir après règlement 10,00 €"]:
        assert expected in text


@pytest.mark.parametrize("columns", [42, 48])
def test_the_test_page_shows_the_width_the_accents_the_euro_and_a_qr_code(printer, columns):
    print_test_page(printer.url, columns)
    [job] = printer.wait_for_jobs(1)
    assert escpos_ticket.column_ruler(columns) in job.text.splitlines()
    assert len(escpos_ticket.column_ruler(columns)) == columns
    assert max(line.width for line in job.lines) == columns
    assert f"Largeur : {columns} colonnes" in job.text
    for expected in ["TEST D'IMPRESSION", "à â ç é è ê ë î ï ô ù û ü", "À Â Ç É È Ê", "14,00 €"]:
        assert expected in job.text
    assert len(job.qr_codes) == 1 and job.cuts == 1 and job.drawer_pulses == [] and job.unknown_commands == ()
