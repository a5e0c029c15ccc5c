"""Starting desk on the town of 100 000 families, and what it then holds in memory.

- application start to usable main window (offscreen): target under 1.5 s;
- resident memory after working the counter a moment: target under 250 MB.

Each start is a fresh process running the real ``start()`` (see
``desk_startup.py``); a first, unmeasured start warms the system's file cache,
as the agent's machine has after its first start of the day. Run on its own:
``python -m pytest tests/benchmarks -m benchmark -k startup -s``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.db.engine import Database
from tests.benchmarks.conftest import BENCH_LOGIN, BENCH_PASSWORD, bench_cashier

pytestmark = pytest.mark.benchmark

START_TARGET_S = 1.5
RESIDENT_TARGET_MB = 250.0
STARTS = 5
GIVE_UP_S = 60
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Start:
    usable_after_s: float
    resident_mb: float
    peak_mb: float


def start_desk(database: Database, config_home: Path) -> Start:
    """One start, timed from the moment the process is launched."""
    command = [sys.executable, "-m", "tests.benchmarks.desk_startup",
               "--database-url", database.url.render_as_string(hide_password=False),
               "--login", BENCH_LOGIN, "--password", BENCH_PASSWORD]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config_home)}
    errors = config_home / "stderr.txt"
    with errors.open("w") as stderr:
        launched = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=stderr, text=True)
        watchdog = threading.Timer(GIVE_UP_S, process.kill)  # a desk that hangs fails the benchmark, never blocks it
        watchdog.start()
        usable_after = resident = peak = None
        assert process.stdout is not None
        try:
            for line in process.stdout:
                if line.startswith("usable"):
                    usable_after = time.perf_counter() - launched
                elif line.startswith("rss"):
                    resident, peak = (float(figure) for figure in line.split()[1:])
                else:
                    pytest.fail(f"desk did not start: {line}")
        finally:
            watchdog.cancel()
    assert process.wait() == 0, errors.read_text()[-2000:]
    assert usable_after is not None and resident is not None and peak is not None
    return Start(usable_after, resident, peak)


def test_start_to_usable_main_window_and_resident_memory(benchmark, town, tmp_path):
    bench_cashier(town)
    starts: list[Start] = []
    benchmark.pedantic(lambda: starts.append(start_desk(town, tmp_path)), rounds=STARTS, warmup_rounds=1)
    measured = starts[-STARTS:]
    median_start = statistics.median(start.usable_after_s for start in measured)
    slowest_start = max(start.usable_after_s for start in measured)
    resident = max(start.resident_mb for start in measured)
    peak = max(start.peak_mb for start in measured)
    benchmark.extra_info.update({"median_start_s": round(median_start, 3), "slowest_start_s": round(slowest_start, 3),
                                 "resident_mb": round(resident, 1), "peak_mb": round(peak, 1)})
    print(f"\n{town.describe()}: start to usable main window, median {median_start:.2f} s, "
          f"slowest {slowest_start:.2f} s of {STARTS}; resident {resident:.0f} MB (peak {peak:.0f} MB)")
    assert median_start < START_TARGET_S
    assert resident < RESIDENT_TARGET_MB
