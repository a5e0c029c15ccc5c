"""How long the régisseur's full verification takes on a town of 100 000 families (target: under two minutes).

It reads every journal entry, payment, line, allocation, receipt, account
movement, closed session and open day back, recomputes the chain, the seals
and every digest: the figure is the price of an audit, paid in the background.

Run on its own: ``python -m pytest tests/benchmarks/test_verify_speed.py -m benchmark -s``.
"""

from __future__ import annotations

import time

import pytest

from desk.services.verification import verify_journal

pytestmark = pytest.mark.benchmark

TARGET_SECONDS = 120.0


def test_the_whole_town_verifies_within_two_minutes(benchmark, town):
    with town.read_session_factory() as session:
        started = time.perf_counter()
        report = benchmark.pedantic(verify_journal, args=(session,), rounds=1, iterations=1)
        seconds = time.perf_counter() - started
    assert report.ok, report.findings[:5]
    benchmark.extra_info.update({"seconds": round(seconds, 1), "entries": report.entries_checked,
                                 "payments": report.payments_checked})
    print(f"\n{town.describe()}: {report.entries_checked} journal entries and {report.payments_checked} payments "
          f"verified in {seconds:.1f} s ({report.payments_checked / seconds:.0f} payments/s)")
    assert seconds < TARGET_SECONDS
