"""The ticket de règlement, on an 80 mm strip and on A4, read back from the PDF."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from desk.clock import PARIS
from reports.data import BookedLine, Tendered
from reports.ticket import qr_code, ticket_80mm, ticket_a4
from tests.reports.conftest import A4_SIZE, THERMAL_WIDTH, WEDNESDAYS, normalise, page_sizes, pdf_pages, pdf_text

EVERYTHING_A_TICKET_SAYS = [
    "Albertville", "Régie Accueil Loisirs Sport Culture", "Hôtel de ville, 12 cours de l'Hôtel-de-Ville", "73200 Albertville",
    "2026-000001", "Date 26/11/2026 à 10:00", "Agent Camille", "DURAND", "F-00001",
    "Noah", "Mercredi journée", WEDNESDAYS, "10,00 €", "Léa", "Éloïse", "Mercredi matin", "2,00 €",
    "Réservations (3) 14,00 €", "Total réglé 14,00 €", "Espèces 14,00 €", "Remis : 20,00 € · Rendu : 6,00 €",
    "Solde après règlement 0,00 €", "Code de vérification 3f9a1c0b7d2e",
]


@pytest.mark.parametrize("render", [ticket_80mm, ticket_a4])
def test_the_ticket_says_who_what_when_and_how(receipt, render):
    text = pdf_text(render(receipt))
    for expected in EVERYTHING_A_TICKET_SAYS:
        assert expected in text
    assert "ticket de règlement" in text.lower()
    assert ("02/12/26" if render is ticket_80mm else "02/12/2026") in text
    assert "3f9a1c0b7d2e0" not in text  # only the first characters of the hash


def test_the_thermal_ticket_is_80_mm_wide_and_as_tall_as_its_content(receipt):
    pdf = ticket_80mm(receipt)
    [(width, height)] = page_sizes(pdf)
    assert width == pytest.approx(THERMAL_WIDTH, abs=0.01)
    assert 300 < height < A4_SIZE[1]
    many_lines = tuple(BookedLine(date(2026, 12, 2), "Noah", WEDNESDAYS, "Mercredi matin", 400) for _ in range(40))
    [(_, taller)] = page_sizes(ticket_80mm(dataclasses.replace(receipt, lines=many_lines)))
    assert taller > height + 40 * 15
    assert "Ce ticket vaut reçu" in pdf_text(ticket_80mm(dataclasses.replace(receipt, lines=many_lines)))


def test_the_a4_ticket_is_one_a4_page(receipt):
    pdf = ticket_a4(receipt)
    assert page_sizes(pdf) == [pytest.approx(A4_SIZE, abs=0.01)]
    assert pdf_pages(pdf)[0].endswith("Page 1 / 1")


@pytest.mark.parametrize("render", [ticket_80mm, ticket_a4])
def test_every_mode_shows_its_details_and_a_card_only_its_last_four_digits(receipt, render):
    tenders = (
        Tendered("Chèque", 400, cheque_number="1234567", cheque_bank="La Banque Postale"),
        Tendered("Carte bancaire (TPE)", 300, authorisation_number="A1B2C3", card_last4="4242"),
        Tendered("Chèques vacances", 2000, voucher_count=2, voucher_value_cents=1000),
        Tendered("Paiement en ligne (PayFiP)", 100, refdet="20261126x2678x99108", authorisation_number="654321"),
    )
    paid = dataclasses.replace(receipt, tenders=tenders, amount_cents=2800, credit_created_cents=1400,
                               balance_after_cents=-1400, online=True)
    text = pdf_text(render(paid))
    for expected in ["Chèque 4,00 €", "N° 1234567 · La Banque Postale", "Carte bancaire (TPE) 3,00 €",
                     "**** **** **** 4242 · Autorisation : A1B2C3", "Chèques vacances 20,00 €", "2 titres × 10,00 €",
                     "Paiement en ligne (PayFiP) 1,00 €", "Référence de la dette : 20261126x2678x99108",
                     "Autorisation : 654321", "Excédent porté en avoir +14,00 €", "Total réglé 28,00 €",
                     "Avoir après règlement 14,00 €", "Canal Paiement en ligne"]:
        assert expected in text


def test_credits_used_balances_settled_and_cancellations_add_up_on_the_ticket(receipt):
    cancelled = (BookedLine(date(2026, 12, 16), "Hugo", WEDNESDAYS, "Mercredi journée", 1000),)
    paid = dataclasses.replace(receipt, cancelled_lines=cancelled, credit_used_cents=1000, balance_settled_cents=250,
                               amount_cents=650, tenders=(Tendered("Carte bancaire (TPE)", 650, card_last4="0006",
                                                                   authorisation_number="XK42"),),
                               balance_after_cents=350)
    text = pdf_text(ticket_80mm(paid))
    for expected in ["Annulations (avoir porté au compte)", "Hugo · Mercredi journée", "−10,00 €",
                     "Avoir déduit −10,00 €", "Restant dû antérieur réglé +2,50 €", "Total réglé 6,50 €",
                     "Restant dû après règlement 3,50 €"]:
        assert expected in text


def test_the_verification_code_is_also_a_qr_code(receipt):
    assert qr_code(f"{receipt.code} {receipt.verification_code}", 60).value == "2026-000001 3f9a1c0b7d2e"
    page = PdfReader(io.BytesIO(ticket_80mm(receipt))).pages[0]
    assert page.get_contents().get_data().count(b" re f") > 60  # the QR modules, drawn as filled rectangles


def test_names_are_printed_as_written_even_with_markup_characters(receipt):
    family = dataclasses.replace(receipt.family, name="DUPONT & FILS <SARL>")
    assert "DUPONT & FILS <SARL>" in pdf_text(ticket_a4(dataclasses.replace(receipt, family=family)))


def test_amounts_keep_babel_s_no_break_spaces(receipt):
    big = dataclasses.replace(receipt, amount_cents=123456, tenders=(Tendered("Chèque", 123456, cheque_number="1"),))
    raw = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(ticket_a4(big))).pages)
    assert "1 234,56 €" in normalise(raw)
    assert "1\u202f234,56" in raw  # the narrow no-break space itself, as babel wrote it


def test_the_same_receipt_gives_the_same_bytes(receipt):
    assert ticket_80mm(receipt) == ticket_80mm(receipt)


@pytest.mark.parametrize("render", [ticket_80mm, ticket_a4])
def test_a_reprint_says_duplicata_with_its_copy_number_and_date_and_the_original_does_not(receipt, render):
    assert "DUPLICATA" not in pdf_text(render(receipt)).upper()
    reprint = dataclasses.replace(receipt, copy_number=2, reprinted_at=datetime(2026, 12, 1, 14, 5, tzinfo=PARIS))
    pdf = render(reprint)
    text = pdf_text(pdf)
    assert text.count("DUPLICATA n° 2") >= 2  # under the title and again at the foot
    assert "réimprimé le 01/12/2026 à 14:05" in text
    assert "DUPLICATA n° 2 du ticket émis le 26/11/2026 à 10:00." in text
    assert EVERYTHING_A_TICKET_SAYS[4] in text and "Date 26/11/2026 à 10:00" in text  # the original's facts, unchanged
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Ticket de règlement 2026-000001 (duplicata n° 2)"


def test_the_a4_duplicate_says_so_in_the_footer_too(receipt):
    reprint = dataclasses.replace(receipt, copy_number=3, reprinted_at=datetime(2026, 12, 1, 14, 5, tzinfo=PARIS))
    assert pdf_pages(ticket_a4(reprint))[0].endswith("Ticket de règlement n° 2026-000001 · DUPLICATA n° 3 Page 1 / 1")
