"""A Caisse-AP IP card terminal on a TCP port, for the tests and ``desk --demo``.

It speaks the message format of ``desk.devices.caisse_ap`` and, like the
terminal simulator of ``akretion/caisse-ap-ip``, repeats the request's fields
in its answer and adds ``AE`` (``10`` done, ``01`` not done), ``AF`` on a
failure, and on success ``AC`` (authorisation number), ``AA`` (the card
number masked in its middle), ``CC``, ``CI`` and ``AB``. A request missing one
of ``CZ CJ CA CB CD CE`` is answered at once with ``AE=01 AF=09``.

The outcome follows the last two digits of the amount in cents:

- ``…01`` (e.g. 14,01 €): refused by the bank (``AF=04``);
- ``…02``: cancelled at the terminal by the operator (``AF=11``);
- ``…03``: slow: accepted, but only after ``slow_delay`` seconds (30 by
  default, beyond any short timeout of a test);
- any other amount: accepted after ``answer_delay`` seconds.

A test may instead set ``simulator.next_outcome = Outcome.REFUSED`` (any
``Outcome``, ``HANG_UP`` included: the connection is closed without an
answer) or ``simulator.next_raw_answer = b"…"`` (sent as is, to forge a broken
answer); either applies to the next request only. ``simulator.requests``
lists what was received, what was answered and whether the till hung up
first; ``simulator.wait_for(...)`` waits for a condition on that list.

Demo: ``python -m desk.devices.terminal_simulator --port 8888``.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import enum
import logging
import random
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desk.devices.caisse_ap import (
    DEFAULT_PORT,
    PROTOCOL_VERSION,
    STATUS_DONE,
    STATUS_NOT_DONE,
    MessageFormatError,
    TruncatedMessage,
    decode_fields,
    encode_fields,
)

_log = logging.getLogger(__name__)

MANDATORY_TAGS = ("CZ", "CJ", "CA", "CB", "CD", "CE")
POLL_SECONDS = 0.02
REQUEST_READ_SECONDS = 5.0


class Outcome(enum.Enum):
    ACCEPTED = "acceptée"
    REFUSED = "refusée par la banque"
    CANCELLED = "annulée sur le terminal"
    SLOW = "acceptée, lentement"
    HANG_UP = "raccrochage sans réponse"


_OUTCOME_BY_LAST_TWO_DIGITS = {"01": Outcome.REFUSED, "02": Outcome.CANCELLED, "03": Outcome.SLOW}
_FAILURE_REASONS = {Outcome.REFUSED: "04", Outcome.CANCELLED: "11"}


@dataclass
class ReceivedRequest:
    """One request as the terminal saw it, and what became of it."""

    fields: dict[str, str]
    outcome: Outcome | None  # None: a forged answer was set by the test
    answer: bytes = b""  # what was (or, if forged, is to be) sent
    answered: bool = False
    hung_up_by_till: bool = False

    @property
    def amount_cents(self) -> int | None:
        amount = self.fields.get("CB", "")
        return int(amount) if amount.isdigit() else None


@dataclass
class _Connection:
    client: socket.socket
    thread: threading.Thread | None = field(default=None)


class TerminalSimulator:
    """A Caisse-AP terminal listening on ``host:port`` (port 0: a free one), each connection served by a thread."""

    def __init__(self, port: int = 0, *, host: str = "127.0.0.1", answer_delay: float = 0.0,
                 slow_delay: float = 30.0, seed: int | None = None) -> None:
        self.answer_delay = answer_delay
        self.slow_delay = slow_delay
        self.next_outcome: Outcome | None = None
        self.next_raw_answer: bytes | None = None
        self._address = (host, port)
        self._random = random.Random(seed)
        self._changed = threading.Condition()
        self._requests: list[ReceivedRequest] = []
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._accepting: threading.Thread | None = None
        self._connections: list[_Connection] = []

    # --- life cycle ---------------------------------------------------------------------------------------------

    def start(self) -> TerminalSimulator:
        listener = socket.create_server(self._address)
        self._address = listener.getsockname()[:2]
        self._listener = listener
        self._accepting = threading.Thread(target=self._accept_loop, name="caisse-ap-terminal", daemon=True)
        self._accepting.start()
        _log.info("terminal Caisse-AP simulé à l'écoute sur %s:%s", self.host, self.port)
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._accepting is not None:
            self._accepting.join()
        for connection in list(self._connections):
            if connection.thread is not None:
                connection.thread.join()
        if self._listener is not None:
            self._listener.close()

    def __enter__(self) -> TerminalSimulator:
        return self if self._listener is not None else self.start()

    def __exit__(self, *_exc_info: object) -> None:
        self.stop()

    @property
    def host(self) -> str:
        return str(self._address[0])

    @property
    def port(self) -> int:
        return int(self._address[1])

    # --- what the tests look at ---------------------------------------------------------------------------------

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._changed:
            return copy.deepcopy(self._requests)

    def wait_for(self, condition: Callable[[list[ReceivedRequest]], bool], timeout: float = 5.0) -> bool:
        """Whether ``condition(requests)`` became true within ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: condition(self._requests), timeout)

    # --- serving ------------------------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            while not self._stopping.is_set():
                if selector.select(POLL_SECONDS):
                    self._start_serving(self._listener.accept()[0])

    def _start_serving(self, client: socket.socket) -> None:
        connection = _Connection(client)
        connection.thread = threading.Thread(target=self._serve, args=(client,), daemon=True,
                                             name="caisse-ap-terminal-connection")
        self._connections.append(connection)
        connection.thread.start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            fields = self._read_request(client)
            if fields is None:
                return
            record = self._record(fields)
            self._answer(client, record)

    def _read_request(self, client: socket.socket) -> dict[str, str] | None:
        """The request's fields, once it holds every mandatory tag or nothing more comes after a whole field."""
        received = bytearray()
        deadline = time.monotonic() + REQUEST_READ_SECONDS
        while time.monotonic() < deadline and not self._stopping.is_set():
            chunk = _receive(client)
            if chunk == b"":
                return None
            received += chunk or b""
            fields = _fields_if_complete(received) if received else None
            if fields is not None and (chunk is None or not _missing_tags(fields)):
                return fields
        return None

    def _record(self, fields: dict[str, str]) -> ReceivedRequest:
        with self._changed:
            outcome, self.next_outcome = self.next_outcome, None
            raw_answer, self.next_raw_answer = self.next_raw_answer, None
            record = ReceivedRequest(fields, None if raw_answer else outcome or _outcome_for(fields))
            record.answer = raw_answer or b""
            self._requests.append(record)
            self._changed.notify_all()
        _log.info("demande reçue : %s centimes, suite prévue : %s", fields.get("CB", "?"),
                  record.outcome.value if record.outcome else "réponse forgée")
        return record

    def _answer(self, client: socket.socket, record: ReceivedRequest) -> None:
        if record.outcome is Outcome.HANG_UP:
            return
        answer = record.answer or self._answer_for(record)
        till_still_waiting = self._wait_while_till_waits(client, self._delay_for(record))
        if self._stopping.is_set():
            return
        if not till_still_waiting:
            self._note(record, hung_up_by_till=True)
            return
        self._note(record, answer=answer)  # before sending: a test reading the requests may not run ahead of it
        try:
            client.sendall(answer)
        except OSError:
            self._note(record, hung_up_by_till=True)

    def _delay_for(self, record: ReceivedRequest) -> float:
        if record.outcome is None or _missing_tags(record.fields):
            return 0.0
        return self.slow_delay if record.outcome is Outcome.SLOW else self.answer_delay

    def _wait_while_till_waits(self, client: socket.socket, seconds: float) -> bool:
        """Wait ``seconds`` (less if the simulator stops); False if the till hung up meanwhile."""
        deadline = time.monotonic() + seconds
        with selectors.DefaultSelector() as selector:
            selector.register(client, selectors.EVENT_READ)
            while (remaining := deadline - time.monotonic()) > 0 and not self._stopping.is_set():
                if selector.select(min(POLL_SECONDS, remaining)) and _receive(client) == b"":
                    return False
        return True

    def _note(self, record: ReceivedRequest, *, answer: bytes = b"", hung_up_by_till: bool = False) -> None:
        with self._changed:
            record.answer = answer or record.answer
            record.answered = bool(answer)
            record.hung_up_by_till = hung_up_by_till
            self._changed.notify_all()
        if hung_up_by_till:
            _log.info("le guichet a raccroché avant la réponse")

    def _answer_for(self, record: ReceivedRequest) -> bytes:
        missing = _missing_tags(record.fields)
        answer = dict(record.fields, CZ=record.fields.get("CZ", PROTOCOL_VERSION))
        if missing:
            answer.update(AE=STATUS_NOT_DONE, AF="09")
        elif record.outcome in _FAILURE_REASONS:
            answer.update(AE=STATUS_NOT_DONE, AF=_FAILURE_REASONS[record.outcome])
        else:
            answer.update(AE=STATUS_DONE, **self._card_fields())
        return encode_fields(answer)

    def _card_fields(self) -> dict[str, str]:
        digits = self._random
        return {
            "CC": "001",  # CB contact
            "CI": "1",  # read by contact
            "AC": f"{digits.randint(0, 999_999):06d}",
            "AA": f"497010######{digits.randint(0, 9999):04d}",
            "AB": f"{digits.randint(27, 30)}{digits.randint(1, 12):02d}",
        }


def _receive(client: socket.socket) -> bytes | None:
    """What arrived within a poll: None if nothing, ``b""`` if the till hung up."""
    client.settimeout(POLL_SECONDS)
    try:
        return client.recv(4096)
    except TimeoutError:
        return None
    except OSError:
        return b""


def _fields_if_complete(received: bytes | bytearray) -> dict[str, str] | None:
    try:
        return decode_fields(received)
    except TruncatedMessage:
        return None
    except MessageFormatError:
        return {}  # answered as a message format error


def _missing_tags(fields: dict[str, str]) -> list[str]:
    return [tag for tag in MANDATORY_TAGS if tag not in fields]


def _outcome_for(fields: dict[str, str]) -> Outcome:
    return _OUTCOME_BY_LAST_TWO_DIGITS.get(fields.get("CB", "")[-2:], Outcome.ACCEPTED)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Terminal de paiement Caisse-AP IP simulé.")
    parser.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1 par défaut)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port TCP ({DEFAULT_PORT} par défaut)")
    parser.add_argument("--delay", type=float, default=3.0, help="secondes avant de répondre (3 par défaut)")
    parser.add_argument("--slow-delay", type=float, default=30.0,
                        help="secondes avant de répondre aux montants finissant par 03 (30 par défaut)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    with TerminalSimulator(args.port, host=args.host, answer_delay=args.delay, slow_delay=args.slow_delay) as terminal:
        print(f"Terminal Caisse-AP simulé sur {terminal.host}:{terminal.port}. Montants finissant par 01 : refusé, "
              "02 : annulé sur le terminal, 03 : lent ; les autres sont acceptés. Ctrl+C pour arrêter.")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
