"""``desk --demo`` ended by SIGTERM (the session logging out, the machine shutting down) stops what it started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.payfip_simulator.test_server import answering, free_port

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")


def _within(seconds: float, condition) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_terminated_demo_desk_stops_its_payfip_simulator(tmp_path):
    port = free_port()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_DATA_DIR": str(tmp_path),
           "DESK_PAYFIP_URL": f"http://127.0.0.1:{port}"}
    desk = subprocess.Popen([sys.executable, "-m", "desk", "--demo"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _within(60, lambda: answering(port) or desk.poll() is not None), "the simulator never answered"
        assert desk.poll() is None, desk.stderr.read()
        desk.send_signal(signal.SIGTERM)
        assert desk.wait(20) == 0
        assert _within(10, lambda: not answering(port)), "the simulator outlived the desk"
    finally:
        if desk.poll() is None:
            desk.kill()
            desk.wait()
