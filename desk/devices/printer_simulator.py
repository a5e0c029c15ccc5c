"""A network thermal printer for the tests and ``desk --demo``: it reads ESC/POS and says what it would print.

``PrinterSimulator`` listens on TCP like a printer on port 9100; each
connection is one job, decoded into what comes out of the printer, in order:
lines of text (decoded from the selected code page, with their bold, double
size and alignment), native QR codes (the data stored by ``GS ( k``), cuts and
cash-drawer pulses (``ESC p``). Commands it does not know are kept apart, so
that a test sees garbage instead of a quietly wrong ticket. It can be switched
off (connections refused) and on again on the same port.

``python -m desk.devices.printer_simulator --port 9100`` prints what it decodes.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import select
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from escpos.capabilities import get_profile

ESC, GS, LF, CR, HT = 0x1B, 0x1D, 0x0A, 0x0D, 0x09
JOB_IDLE_SECONDS = 3.0  # a job ends when the sender closes, or after this long without a byte
POLL_SECONDS = 0.05
_ALIGNMENTS = {0: "left", 48: "left", 1: "center", 49: "center", 2: "right", 50: "right"}
_QR = 49  # cn of GS ( k for QR codes
_QR_STORE, _QR_PRINT = 80, 81
_CUT_WITH_FEED = (65, 66, 97, 98, 103, 104)  # GS V m n: these modes take a feed byte
_ONE_BYTE_ESC = {ord(c) for c in "-GMRV{ 3JU"}  # ESC commands whose one parameter byte changes nothing decoded here
_ONE_BYTE_GS = {ord(c) for c in "BbHhfwa"}
_TWO_BYTE_GS = {ord(c) for c in "LW"}


# -- what comes out of the printer --------------------------------------------


@dataclass(frozen=True)
class PrintedLine:
    text: str
    bold: bool = False
    double_height: bool = False
    double_width: bool = False
    align: str = "left"

    @property
    def width(self) -> int:
        """The columns the line takes on paper: a double-width character takes two."""
        return len(self.text) * (2 if self.double_width else 1)


@dataclass(frozen=True)
class QrCode:
    data: str


@dataclass(frozen=True)
class Cut:
    partial: bool


@dataclass(frozen=True)
class DrawerPulse:
    pin: int  # the drawer connector's pin, 2 or 5
    on_ms: int
    off_ms: int


PrintEvent = PrintedLine | QrCode | Cut | DrawerPulse


@dataclass(frozen=True)
class PrintJob:
    """One job as the printer carried it out: ``events`` in order, and what it could not read."""

    raw: bytes
    events: tuple[PrintEvent, ...]
    unknown_commands: tuple[bytes, ...] = ()

    @property
    def lines(self) -> list[PrintedLine]:
        return [event for event in self.events if isinstance(event, PrintedLine)]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def bold_lines(self) -> list[str]:
        return [line.text for line in self.lines if line.bold]

    @property
    def double_height_lines(self) -> list[str]:
        return [line.text for line in self.lines if line.double_height]

    @property
    def qr_codes(self) -> list[str]:
        return [event.data for event in self.events if isinstance(event, QrCode)]

    @property
    def cuts(self) -> int:
        return sum(1 for event in self.events if isinstance(event, Cut))

    @property
    def drawer_pulses(self) -> list[DrawerPulse]:
        return [event for event in self.events if isinstance(event, DrawerPulse)]

    def rendering(self) -> str:
        """The job as a person would see it: ``G`` bold, ``H`` double height, then the QR codes, cuts and pulses."""
        return "\n".join(_rendered(event) for event in self.events)


def _rendered(event: PrintEvent) -> str:
    if isinstance(event, PrintedLine):
        marks = ("G" if event.bold else "") + ("H" if event.double_height else "") + ("L" if event.double_width else "")
        return f"{marks:>3} | {event.text}"
    if isinstance(event, QrCode):
        return f"[QR] {event.data}"
    if isinstance(event, Cut):
        return "[COUPE PARTIELLE]" if event.partial else "[COUPE]"
    return f"[TIROIR-CAISSE broche {event.pin}, {event.on_ms} ms]"


# -- reading ESC/POS ----------------------------------------------------------


def _code_pages() -> dict[int, str]:
    """The code pages of python-escpos's default printer profile, by their ``ESC t`` number, as Python codecs."""
    pages = {}
    for name, number in get_profile().get_code_pages().items():
        with contextlib.suppress(LookupError):
            pages[int(number)] = codecs.lookup(name.lower()).name
    return pages


CODE_PAGES = _code_pages()


def decode_job(raw: bytes) -> PrintJob:
    """What a printer does with these bytes."""
    decoder = _Decoder(raw)
    decoder.run()
    return PrintJob(raw, tuple(decoder.events), tuple(decoder.unknown))


@dataclass
class _Style:
    bold: bool = False
    width: int = 1
    height: int = 1
    align: str = "left"


@dataclass
class _Decoder:
    raw: bytes
    position: int = 0
    codec: str = "cp437"
    style: _Style = field(default_factory=_Style)
    events: list[PrintEvent] = field(default_factory=list)
    unknown: list[bytes] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    line_style: _Style | None = None
    pending_text: bytearray = field(default_factory=bytearray)
    stored_qr: bytes | None = None

    def run(self) -> None:
        while self.position < len(self.raw):
            byte = self.raw[self.position]
            self.position += 1
            if byte >= 0x20:
                self._character(byte)
            else:
                self._flush_text()
                self._control(byte)
        self._flush_text()
        if self.line:
            self._end_line()  # a printer prints what is left in its buffer at the end of a job

    def _control(self, byte: int) -> None:
        if byte == LF:
            self._end_line()
        elif byte == HT:
            self.pending_text += b" "
        elif byte == ESC:
            self._esc_command()
        elif byte == GS:
            self._gs_command()
        elif byte != CR:
            self.unknown.append(bytes([byte]))

    # text

    def _character(self, byte: int) -> None:
        if self.line_style is None:
            self.line_style = _Style(align=self.style.align)
        self.line_style.bold |= self.style.bold
        self.line_style.width = max(self.line_style.width, self.style.width)
        self.line_style.height = max(self.line_style.height, self.style.height)
        self.pending_text.append(byte)

    def _flush_text(self) -> None:
        if self.pending_text:
            self.line.append(bytes(self.pending_text).decode(self.codec, errors="replace"))
            self.pending_text.clear()

    def _end_line(self) -> None:
        self._flush_text()
        style = self.line_style or _Style(align=self.style.align)
        self.events.append(PrintedLine("".join(self.line), style.bold, style.height > 1, style.width > 1, style.align))
        self.line, self.line_style = [], None

    def _end_pending_line(self) -> None:
        self._flush_text()
        if self.line:
            self._end_line()

    # commands

    def _take(self, count: int) -> bytes | None:
        """The next ``count`` parameter bytes, or None (the command is cut short) when the job ends first."""
        if self.position + count > len(self.raw):
            self.unknown.append(self.raw[self.position - 2:])
            self.position = len(self.raw)
            return None
        taken = self.raw[self.position:self.position + count]
        self.position += count
        return taken

    def _esc_command(self) -> None:
        command = self._take(1)
        if command is None:
            return
        handler = _ESC_HANDLERS.get(command[0])
        if handler is not None:
            handler(self)
        elif command[0] in _ONE_BYTE_ESC:
            self._take(1)
        elif command[0] != ord("2"):  # ESC 2: default line spacing, no parameter
            self.unknown.append(bytes([ESC]) + command)

    def _gs_command(self) -> None:
        command = self._take(1)
        if command is None:
            return
        handler = _GS_HANDLERS.get(command[0])
        if handler is not None:
            handler(self)
        elif command[0] in _ONE_BYTE_GS:
            self._take(1)
        elif command[0] in _TWO_BYTE_GS:
            self._take(2)
        else:
            self.unknown.append(bytes([GS]) + command)

    def _initialise(self) -> None:
        self._end_pending_line()
        self.style, self.codec = _Style(), "cp437"

    def _select_code_page(self) -> None:
        number = self._take(1)
        if number is None:
            return
        if number[0] in CODE_PAGES:
            self.codec = CODE_PAGES[number[0]]
        else:
            self.unknown.append(b"\x1bt" + number)

    def _print_mode(self) -> None:
        """ESC ! n: bit 3 bold, bit 4 double height, bit 5 double width."""
        mode = self._take(1)
        if mode is not None:
            self.style.bold = bool(mode[0] & 0x08)
            self.style.height = 2 if mode[0] & 0x10 else 1
            self.style.width = 2 if mode[0] & 0x20 else 1

    def _bold(self) -> None:
        on = self._take(1)
        if on is not None:
            self.style.bold = bool(on[0] & 1)

    def _align(self) -> None:
        alignment = self._take(1)
        if alignment is not None:
            self.style.align = _ALIGNMENTS.get(alignment[0], self.style.align)

    def _print_and_feed(self) -> None:
        """ESC d n: print the line in the buffer, then feed: n lines in all."""
        count = self._take(1)
        if count is not None:
            for _ in range(max(count[0], 1)):
                self._end_line()

    def _drawer_pulse(self) -> None:
        """ESC p m t1 t2: m 0 or 48 for pin 2, 1 or 49 for pin 5; times in units of 2 ms."""
        parameters = self._take(3)
        if parameters is not None:
            pin, on, off = parameters
            self.events.append(DrawerPulse(2 if pin in (0, 48) else 5, on * 2, off * 2))

    def _character_size(self) -> None:
        """GS ! n: width multiplier in the high nibble, height in the low one."""
        size = self._take(1)
        if size is not None:
            self.style.width, self.style.height = (size[0] >> 4) + 1, (size[0] & 0x0F) + 1

    def _cut(self) -> None:
        mode = self._take(1)
        if mode is None:
            return
        if mode[0] in _CUT_WITH_FEED:
            self._take(1)
        self._end_pending_line()
        self.events.append(Cut(partial=mode[0] in (1, 49, 66, 98, 104)))

    def _extended(self) -> None:
        """GS ( x pL pH data: the 2D codes (x = k) are read, other functions skipped whole."""
        header = self._take(3)
        if header is None:
            return
        function, low, high = header
        body = self._take(low + 256 * high)
        if body is None:
            return
        if function == ord("k") and len(body) >= 2 and body[0] == _QR:
            self._qr_function(body[1], body[2:])
        elif function != ord("L"):
            self.unknown.append(b"\x1d(" + header + body)

    def _qr_function(self, function: int, parameters: bytes) -> None:
        if function == _QR_STORE:
            self.stored_qr = parameters[1:]  # after m = 48
        elif function == _QR_PRINT and self.stored_qr is not None:
            self._end_pending_line()
            self.events.append(QrCode(self.stored_qr.decode("utf-8", errors="replace")))


_ESC_HANDLERS: dict[int, Callable[[_Decoder], None]] = {
    ord("@"): _Decoder._initialise, ord("t"): _Decoder._select_code_page, ord("!"): _Decoder._print_mode,
    ord("E"): _Decoder._bold, ord("a"): _Decoder._align, ord("d"): _Decoder._print_and_feed,
    ord("p"): _Decoder._drawer_pulse,
}
_GS_HANDLERS: dict[int, Callable[[_Decoder], None]] = {
    ord("!"): _Decoder._character_size, ord("V"): _Decoder._cut, ord("("): _Decoder._extended,
}


# -- the printer on the network -----------------------------------------------


class PrinterSimulator:
    """A thermal printer on ``tcp://host:port`` (port 0: any free port) that keeps the jobs it receives."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1",
                 on_job: Callable[[PrintJob], None] | None = None) -> None:
        self.host, self.port = host, port
        self._on_job = on_job
        self._jobs: list[PrintJob] = []
        self._changed = threading.Condition()
        self._powered = True
        self._listener: socket.socket | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    @property
    def jobs(self) -> list[PrintJob]:
        with self._changed:
            return list(self._jobs)

    @property
    def is_on(self) -> bool:
        return self._powered

    def start(self) -> PrinterSimulator:
        self._listener = self._listen() if self._powered else None
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, name=f"printer-simulator-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=JOB_IDLE_SECONDS + 1)
            self._thread = None
        self._close_listener()

    def __enter__(self) -> PrinterSimulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def switch_off(self, timeout: float = 5.0) -> None:
        """From now on connections are refused, as by a printer that is off or unplugged."""
        self._switch(False, timeout)

    def switch_on(self, timeout: float = 5.0) -> None:
        """Listen again, on the same port."""
        self._switch(True, timeout)

    def wait_for_jobs(self, count: int = 1, timeout: float = 5.0) -> list[PrintJob]:
        """The jobs received, once there are at least ``count`` (``TimeoutError`` after ``timeout`` seconds)."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._jobs) >= count, timeout):
                raise TimeoutError(f"{len(self._jobs)} job(s) reçu(s) sur les {count} attendus")
            return list(self._jobs)

    def clear(self) -> None:
        with self._changed:
            self._jobs.clear()

    # the serving thread

    def _switch(self, powered: bool, timeout: float) -> None:
        """Ask the serving thread, which owns the listening socket, and wait until it has opened or closed it."""
        with self._changed:
            self._powered = powered
            self._changed.notify_all()
            if self._thread is not None and not self._changed.wait_for(
                    lambda: (self._listener is not None) == powered, timeout):
                raise TimeoutError("l'imprimante simulée n'a pas changé d'état")

    def _serve(self) -> None:
        while not self._stopping.is_set():
            listener = self._listener_matching_power()
            if listener is None:
                self._stopping.wait(POLL_SECONDS)
            elif select.select([listener], [], [], POLL_SECONDS)[0]:
                self._take_job(listener)

    def _listener_matching_power(self) -> socket.socket | None:
        with self._changed:
            if self._powered and self._listener is None:
                self._listener = self._listen()
            elif not self._powered and self._listener is not None:
                self._close_listener()
            self._changed.notify_all()
            return self._listener

    def _listen(self) -> socket.socket:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(8)
        self.port = listener.getsockname()[1]
        return listener

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _take_job(self, listener: socket.socket) -> None:
        connection, _ = listener.accept()
        with connection:
            raw = _received(connection)
        if raw:
            self._keep(decode_job(raw))

    def _keep(self, job: PrintJob) -> None:
        with self._changed:
            self._jobs.append(job)
            self._changed.notify_all()
        if self._on_job is not None:
            self._on_job(job)


def _received(connection: socket.socket) -> bytes:
    """Everything the sender writes until it closes, or falls silent for ``JOB_IDLE_SECONDS``."""
    connection.settimeout(JOB_IDLE_SECONDS)
    chunks = []
    with contextlib.suppress(OSError):  # a timeout or a reset ends the job with what came
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


# -- python -m desk.devices.printer_simulator ---------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Imprimante de tickets ESC/POS simulée, sur le réseau.")
    parser.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1 par défaut)")
    parser.add_argument("--port", type=int, default=9100, help="port TCP (9100 par défaut, 0 : un port libre)")
    arguments = parser.parse_args(argv)
    simulator = PrinterSimulator(arguments.port, arguments.host, on_job=_show).start()
    print(f"Imprimante simulée sur {simulator.url} (Ctrl+C pour l'arrêter)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()


def _show(job: PrintJob) -> None:
    print(f"--- travail reçu ({len(job.raw)} octets) ---", job.rendering(), sep="\n", flush=True)
    if job.unknown_commands:
        print("Commandes inconnues :", *(command.hex(" ") for command in job.unknown_commands), flush=True)


if __name__ == "__main__":
    main()
