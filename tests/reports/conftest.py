"""Sample data for the documents, and reading PDFs back as text."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from desk.clock import PARIS
from reports.data import (
    BookedLine,
    CashJournal,
    FamilyIdentity,
    JournalCancellation,
    JournalPayment,
    ModeTotal,
    Recap,
    RecapRow,
    Receipt,
    RegieIdentity,
    Statement,
    StatementMovement,
    Tendered,
)

A4_SIZE = (595.28, 841.89)
THERMAL_WIDTH = 226.77
AT = datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
WEDNESDAYS = "Pommiers mercredis 2026-2027"
HEAD_HASH = "3f2a9c0d81e5b7a4" + "0123456789abcdef" * 3

REGIE = RegieIdentity("Albertville", "Régie Accueil Loisirs Sport Culture",
                      "Hôtel de ville, 12 cours de l'Hôtel-de-Ville, 73200 Albertville")
DURAND = FamilyIdentity("DURAND", "F-00001", ("Julie DURAND", "14 rue des Pommiers", "73200 Albertville"))


def normalise(text: str) -> str:
    """Every kind of space (babel's no-break and narrow no-break ones included) as one plain space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace normalised."""
    return [normalise(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(pdf_pages(pdf))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
            for page in PdfReader(io.BytesIO(pdf)).pages]


def cash(tendered: int, amount: int) -> Tendered:
    return Tendered("Espèces", amount, tendered_cents=tendered, change_cents=tendered - amount, cash=True)


@pytest.fixture
def receipt() -> Receipt:
    """Noah's journée and Léa's and Éloïse's mornings, paid 14,00 € in cash, 20,00 € handed over."""
    return Receipt(
        regie=REGIE, code="2026-000001", issued_at=AT, agent_name="Camille", family=DURAND,
        lines=(BookedLine(date(2026, 12, 2), "Noah", WEDNESDAYS, "Mercredi journée", 1000),
               BookedLine(date(2026, 12, 9), "Léa", WEDNESDAYS, "Mercredi matin", 200),
               BookedLine(date(2026, 12, 9), "Éloïse", WEDNESDAYS, "Mercredi matin", 200)),
        tenders=(cash(2000, 1400),), amount_cents=1400, journal_hash="3f9a1c0b7d2e" + "0" * 52,
    )


@pytest.fixture
def recap() -> Recap:
    rows = (RecapRow(date(2026, 12, 2), f"Noah - {WEDNESDAYS} - Mercredi journée", "à l'unité", 1000),
            RecapRow(date(2026, 12, 9), f"Léa - {WEDNESDAYS} - Mercredi matin", "à l'unité", 400),
            RecapRow(date(2026, 12, 16), f"Éloïse - {WEDNESDAYS} - Mercredi journée (annulation)", "avoir", -1000))
    return Recap(REGIE, DURAND, AT, rows, balance_cents=250, to_pay_cents=650, hold_expires_at=AT + timedelta(minutes=30))


FAMILIES = ("DURAND", "MARTIN", "LEFÈVRE", "NGUYEN", "FAURÉ-DELACROIX")
MODES = ((cash(2000, 1400),), (Tendered("Chèque", 1400, cheque_number="7654321"),),
         (Tendered("Carte bancaire (TPE)", 1400, authorisation_number="A1B2", card_last4="4242"),),
         (Tendered("Chèques vacances", 1000, voucher_count=1, voucher_value_cents=1000), cash(400, 400)))


def make_journal(payment_count: int, cancellation_count: int = 2) -> CashJournal:
    """A closed session of ``payment_count`` payments of 14,00 € each, in four ways of paying."""
    payments = tuple(
        JournalPayment(AT + timedelta(seconds=20 * index), f"2026-{index + 1:06d}", FAMILIES[index % len(FAMILIES)],
                       f"F-{index % 500 + 1:05d}", MODES[index % 4], 1400)
        for index in range(payment_count)
    )
    cancellations = tuple(
        JournalCancellation(AT + timedelta(minutes=index), "DURAND", "F-00001",
                            "Léa · Mercredi journée du 16/12/2026 · annulation au guichet", 1000)
        for index in range(cancellation_count)
    )
    lines = [tender for payment in payments for tender in payment.tenders]
    totals = tuple(ModeTotal(label, sum(1 for t in lines if t.label == label),
                             sum(t.amount_cents for t in lines if t.label == label))
                   for label in dict.fromkeys(t.label for t in lines))
    cash_received = sum(t.amount_cents for t in lines if t.label == "Espèces")
    cheques = sum(t.amount_cents for t in lines if t.label == "Chèque")
    return CashJournal(
        regie=REGIE, session_number=7, desk_label="Guichet", opened_at=AT - timedelta(hours=1), opened_by="Sophie",
        printed_at=AT + timedelta(hours=12), opening_float_cents=15000, payments=payments,
        cancellations=cancellations, totals_by_mode=totals, cash_received_cents=cash_received,
        expected_cash_cents=15000 + cash_received, cheques_received_cents=cheques, agents=("Camille", "Sophie"),
        closed_at=AT + timedelta(hours=11), closed_by="Sophie", counted_cash_cents=15000 + cash_received - 200,
        counted_cheques_cents=cheques, difference_cents=-200, closing_comment="Une pièce de 2 € manque.",
        last_journal_sequence=payment_count + cancellation_count, grand_total_in_cents=1400 * payment_count,
        grand_total_out_cents=1000 * cancellation_count, journal_head_hash=HEAD_HASH,
    )


@pytest.fixture
def statement() -> Statement:
    movements = (
        StatementMovement(date(2026, 9, 2), f"Réservation Léa · {WEDNESDAYS} · Mercredi matin du 09/09/2026",
                          debit_cents=400),
        StatementMovement(date(2026, 9, 2), "Règlement, ticket 2026-000004 · Espèces", credit_cents=400),
        StatementMovement(date(2026, 10, 5), "Avoir : annulation Éloïse - Mercredi journée du 14/10/2026",
                          credit_cents=1000),
        StatementMovement(date(2026, 11, 3), "Régularisation de tarif", debit_cents=150),
    )
    return Statement(REGIE, DURAND, date(2026, 9, 1), date(2026, 11, 30), AT, 300, movements)
