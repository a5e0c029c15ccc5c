"""``desk --demo`` starts the PayFiP simulator when it is the configured service and nothing answers there.

It runs as its own process (``desk-payfip``; in the bundle, the desk's own
executable with ``--payfip-simulator``), keeps its operations in a file of
the desk's data folder, and is stopped when the desk that started it quits.
A simulator already running (another desk, or one left by a desk that was
killed) is used as it is and left running.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from pathlib import Path

from desk.gateway.payfip import PayfipEndpoint

_log = logging.getLogger(__name__)


def answering(endpoint: PayfipEndpoint, timeout: float = 0.3) -> bool:
    """Whether something accepts connections at the endpoint's address."""
    try:
        with socket.create_connection((_host(endpoint), endpoint.port), timeout=timeout):
            return True
    except OSError:
        return False


def simulator_command(port: int, data_file: Path) -> list[str]:
    arguments = ["--port", str(port), "--data", str(data_file)]
    if getattr(sys, "frozen", False):  # the bundle: its one executable runs the simulator too
        return [sys.executable, "--payfip-simulator", *arguments]
    return [sys.executable, "-m", "desk.payfip_simulator", *arguments]


class LocalSimulator:
    """A simulator process this desk started; ``stop`` ends it."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process

    def stop(self, wait_seconds: float = 5) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(wait_seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(wait_seconds)


def start_if_needed(endpoint: PayfipEndpoint, data_file: Path) -> LocalSimulator | None:
    """Start the simulator when the endpoint is on this machine and nothing answers there; None otherwise
    (or when it cannot be started: the online payment then says that the service does not answer)."""
    if not endpoint.is_local or answering(endpoint):
        return None
    try:
        data_file.parent.mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(simulator_command(endpoint.port, data_file), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as error:
        _log.warning("the PayFiP simulator could not be started: %s", error)
        return None
    return LocalSimulator(process)


def _host(endpoint: PayfipEndpoint) -> str:
    from urllib.parse import urlsplit

    return urlsplit(endpoint.url).hostname or "127.0.0.1"
