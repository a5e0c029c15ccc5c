"""The simulator as a program: ``desk-payfip`` / ``python -m desk.payfip_simulator``, killed and restarted, its test clock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from eopayment.payfip_ws import PayFiPError

from desk.payfip_simulator.server import PayfipSimulator, main
from desk.payfip_simulator.store import CARD_BANK_DELAY, CARD_PAYS
from tests.payfip_simulator.helpers import create_operation, eopayment_client, open_card_page, pay, post

STARTUP_SECONDS = 20
FORM = "application/x-www-form-urlencoded"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answering(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@contextmanager
def simulator_process(port: int, data_file: Path, *options: str) -> Iterator[subprocess.Popen]:
    """``python -m desk.payfip_simulator`` on ``port``, once it answers; killed at the end if still running."""
    process = subprocess.Popen([sys.executable, "-m", "desk.payfip_simulator", "--port", str(port), "--data",
                                str(data_file), *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parents[2])
    try:
        _wait_until_answering(process, port)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        process.stdout.close()
        process.stderr.close()


def _wait_until_answering(process: subprocess.Popen, port: int) -> None:
    for _attempt in range(STARTUP_SECONDS * 10):
        if answering(port):
            return
        try:
            process.wait(timeout=0.1)  # the pause between two tries, which also sees an early exit
        except subprocess.TimeoutExpired:
            continue
        pytest.fail(f"the simulator exited with {process.returncode}: {process.stderr.read()}")
    pytest.fail(f"the simulator did not answer on port {port} within {STARTUP_SECONDS} s")


def advance(url: str, minutes: int) -> int:
    return post(url + "/simulateur/avancer", f"minutes={minutes}".encode(), FORM)[0]


def payfip_code(call) -> str:
    with pytest.raises(PayFiPError) as caught:
        call()
    return caught.value.code


def test_killed_and_restarted_on_the_same_file_it_still_answers_for_every_operation(tmp_path):
    port, data_file = free_port(), tmp_path / "payfip.sqlite3"
    url = f"http://127.0.0.1:{port}"
    with simulator_process(port, data_file, "--test-clock") as process:
        client = eopayment_client(url)
        paid, waiting, delayed = create_operation(client), create_operation(client), create_operation(client)
        assert pay(url, paid, CARD_PAYS).state == "paid"
        numauto = client.get_info_paiement(paid).numauto
        assert pay(url, delayed, CARD_BANK_DELAY).state == "bank_wait"
        assert advance(url, 3) == 200
        process.kill()  # SIGKILL: no chance to close anything
        process.wait(10)
    assert not answering(port)

    with simulator_process(port, data_file, "--test-clock"):
        client = eopayment_client(url)
        detail = client.get_info_paiement(paid)
        assert (detail.resultrans, detail.numauto) == ("P", numauto)
        assert payfip_code(lambda: client.get_info_paiement(waiting)) == "P5"
        assert pay(url, waiting, CARD_PAYS).state == "paid"  # created before the kill, paid after the restart
        assert client.get_info_paiement(waiting).resultrans == "P"
        assert payfip_code(lambda: client.get_info_paiement(delayed)) == "P5"
        assert advance(url, 2) == 200  # 3 minutes kept in the file + 2: the bank's 5 minutes are over
        assert client.get_info_paiement(delayed).resultrans == "P"
        assert payfip_code(lambda: client.get_info_paiement("inconnu")) == "P1"


@pytest.mark.skipif(os.name == "nt", reason="SIGTERM ends a Windows process without letting it clean up")
def test_it_says_where_it_listens_and_stops_cleanly_on_sigterm(tmp_path):
    port, data_file = free_port(), tmp_path / "données" / "payfip.sqlite3"
    with simulator_process(port, data_file) as process:
        assert process.stdout.readline() == f"PayFiP simulé sur http://127.0.0.1:{port} (données : {data_file})\n"
        idop = create_operation(eopayment_client(f"http://127.0.0.1:{port}"))
        process.terminate()
        assert process.wait(10) == 0
        assert process.stderr.read() == ""
    assert not answering(port)
    with PayfipSimulator(data_file) as restarted:
        assert open_card_page(restarted.url, idop).state == "card_form"


def test_without_the_test_clock_option_the_clock_cannot_be_moved(tmp_path):
    port = free_port()
    with simulator_process(port, tmp_path / "payfip.sqlite3"):
        assert advance(f"http://127.0.0.1:{port}", 20) == 404


def test_a_port_in_use_is_refused_in_french(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--port", str(port), "--data", str(tmp_path / "payfip.sqlite3")]) == 2
    error = capsys.readouterr().err
    assert f"le port {port} est déjà utilisé" in error and "--port" in error


def test_an_unreadable_data_file_is_refused_in_french(tmp_path, capsys):
    not_a_database = tmp_path / "payfip.sqlite3"
    not_a_database.write_text("ceci n'est pas une base SQLite " * 100)
    assert main(["--port", "0", "--data", str(not_a_database)]) == 2
    assert "illisible" in capsys.readouterr().err


def test_the_test_clock_moves_the_simulators_time_and_only_forward(tmp_path, clock):
    with PayfipSimulator(tmp_path / "payfip.sqlite3", clock=clock.now, test_clock=True) as simulator:
        idop = create_operation(eopayment_client(simulator.url))
        status, _type, body = post(simulator.url + "/simulateur/avancer", b"minutes=15", FORM)
        assert status == 200 and "avance totale : 15 min" in body.decode()
        assert open_card_page(simulator.url, idop).state == "expired"
        for wrong in (b"minutes=-3", b"minutes=dix", b""):
            assert post(simulator.url + "/simulateur/avancer", wrong, FORM)[0] == 400


def test_the_test_clock_route_is_not_found_unless_asked_for(simulator):
    assert post(simulator.url + "/simulateur/avancer", b"minutes=20", FORM)[0] == 404


def test_a_context_manager_serves_on_a_free_port_and_stops(tmp_path):
    with PayfipSimulator(tmp_path / "payfip.sqlite3") as simulator:
        port = simulator.port
        assert simulator.url == f"http://127.0.0.1:{port}" and answering(port)
    assert not answering(port)
