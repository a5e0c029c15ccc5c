"""How fast the 80 mm payment ticket renders (target: under 50 ms, printed while the family waits).

The first benchmark renders a large ticket from plain data; the second reads
recorded payments of the town of 100 000 families back from the database and
renders their tickets, as a reprint does.

Run on its own: ``python -m pytest tests/benchmarks/test_receipt_speed.py -m benchmark``.
"""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desk.clock import PARIS
from desk.db.models import Payment
from desk.services.documents import receipt_document
from reports.data import BookedLine, FamilyIdentity, Receipt, RegieIdentity, Tendered
from reports.ticket import ticket_80mm
from tests.benchmarks.conftest import bench_cashier, report_p95, time_each

pytestmark = pytest.mark.benchmark

TARGET_SECONDS = 0.050
ACTIVITY = "Pommiers mercredis 2026-2027"


def a_busy_receipt() -> Receipt:
    """Three children, six bookings, a split payment: a large ticket of an ordinary day."""
    children = ("Noah", "Léa", "Hugo")
    lines = tuple(BookedLine(date(2026, 12, day), child, ACTIVITY, "Mercredi journée", 1000)
                  for day in (2, 9) for child in children)
    return Receipt(
        regie=RegieIdentity("Albertville", "Régie Accueil Loisirs Sport Culture",
                            "Hôtel de ville, 12 cours de l'Hôtel-de-Ville, 73200 Albertville"),
        code="2026-000123", issued_at=datetime(2026, 11, 26, 10, 0, tzinfo=PARIS), agent_name="Camille",
        family=FamilyIdentity("DURAND", "F-00001"), lines=lines,
        tenders=(Tendered("Chèques vacances", 4000, voucher_count=2, voucher_value_cents=2000),
                 Tendered("Carte bancaire (TPE)", 1500, authorisation_number="A1B2C3", card_last4="4242"),
                 Tendered("Espèces", 500, tendered_cents=1000, change_cents=500, cash=True)),
        amount_cents=6000, journal_hash="3f9a1c0b7d2e" + "a" * 52,
    )


def test_receipt_renders_in_under_50_ms(benchmark):
    receipt = a_busy_receipt()
    ticket_80mm(receipt)  # fonts registered once per process, as in the application
    pdf = benchmark(ticket_80mm, receipt)
    assert pdf.startswith(b"%PDF")
    benchmark.extra_info["bytes"] = len(pdf)
    assert benchmark.stats.stats.mean < TARGET_SECONDS


def test_receipt_of_a_recorded_payment_read_and_rendered(benchmark, town):
    bench_cashier(town)  # the régie's identity heads every ticket
    with town.read_session_factory() as session:
        top = session.scalar(select(func.max(Payment.id)))
    payment_ids = random.Random(5).sample(range(1, top + 1), 100)
    ticket_80mm(a_busy_receipt())

    def reprint(payment_id: int) -> None:
        with town.read_session_factory() as session:
            assert ticket_80mm(receipt_document(session, payment_id)).startswith(b"%PDF")

    timings = time_each(benchmark, payment_ids, reprint)
    assert report_p95(benchmark, town, "receipt read and rendered", timings) < TARGET_SECONDS * 1000
