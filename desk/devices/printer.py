"""The desk's thermal ticket printer, chosen per desk by an address, and sending it ESC/POS jobs.

The address is a URL, one form per way a printer is plugged in:

- ``tcp://192.168.1.50:9100``: a network printer (raw TCP, port 9100 when omitted);
- ``usb://04b8:0202``: a USB printer by its vendor and product ids, in hexadecimal;
- ``serial:///dev/ttyUSB0?baudrate=19200`` or ``serial://COM3``: a serial port (9600 bauds when omitted);
- ``file:///dev/usb/lp0``: a device file the system already exposes.

``parse_printer_url`` checks an address as the agent types it (``PrinterAddressError``,
a ``ValueError``, names the faulty part in French); ``send`` writes a job through
python-escpos's Network, Usb, Serial or File printer, built only when a job goes out,
and raises ``PrinterUnavailableError``, an ``OSError``, with a French message when the
printer is off or cannot be reached.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, urlsplit

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import File, Network, Serial, Usb

from desk.devices.escpos_ticket import drawer_pulse, test_page, ticket_escpos
from desk.errors import DeskError, ValidationError
from reports.data import Receipt

DEFAULT_TIMEOUT = 5.0  # seconds to reach the printer and hand it a job
NETWORK_PORT = 9100
SERIAL_BAUDRATE = 9600
SERIAL_BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
SCHEMES = ("tcp", "usb", "serial", "file")
EXAMPLES = ("tcp://192.168.1.50:9100, usb://04b8:0202, serial:///dev/ttyUSB0?baudrate=19200 "
            "ou file:///dev/usb/lp0")
_HOST = re.compile(r"[A-Za-z0-9._:-]+")
_USB_ID = re.compile(r"(?:0x)?([0-9a-fA-F]{1,4})")
_WINDOWS_COM_PORT = re.compile(r"/?(COM[0-9]+)", re.IGNORECASE)
_RETRY_HINT = "Vérifiez qu'elle est allumée, qu'elle a du papier et qu'elle est bien reliée au poste, puis recommencez."


class PrinterAddressError(ValidationError, ValueError):
    """An address of the ticket printer that cannot be used; ``field`` names the faulty part."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(f"Adresse de l'imprimante de tickets : {message}", f"Exemples : {EXAMPLES}.", field=field)


class PrinterUnavailableError(DeskError, OSError):
    """The ticket printer is off, unplugged or unreachable: nothing, or not all, was printed."""


# -- the four kinds of printer ------------------------------------------------


@dataclass(frozen=True)
class NetworkPrinter:
    host: str
    port: int = NETWORK_PORT

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self.port}"

    @property
    def description(self) -> str:
        return f"l'imprimante réseau {self.url.removeprefix('tcp://')}"

    def connect(self, timeout: float) -> Escpos:
        return Network(self.host, self.port, timeout=timeout)


@dataclass(frozen=True)
class UsbPrinter:
    vendor_id: int
    product_id: int

    @property
    def url(self) -> str:
        return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"

    @property
    def description(self) -> str:
        return f"l'imprimante USB {self.vendor_id:04x}:{self.product_id:04x}"

    def connect(self, timeout: float) -> Escpos:
        _require_driver(Usb, self, "pyusb")
        return Usb(self.vendor_id, self.product_id, timeout=round(timeout * 1000))


@dataclass(frozen=True)
class SerialPrinter:
    device: str
    baudrate: int = SERIAL_BAUDRATE

    @property
    def url(self) -> str:
        return f"serial://{self.device}?baudrate={self.baudrate}"  # serial:///dev/ttyUSB0, serial://COM3

    @property
    def description(self) -> str:
        return f"l'imprimante série {self.device}"

    def connect(self, timeout: float) -> Escpos:
        _require_driver(Serial, self, "pyserial")
        return Serial(self.device, baudrate=self.baudrate, timeout=timeout)


@dataclass(frozen=True)
class FilePrinter:
    path: str

    @property
    def url(self) -> str:
        return f"file://{self.path}"

    @property
    def description(self) -> str:
        return f"l'imprimante {self.path}"

    def connect(self, timeout: float) -> Escpos:
        return File(self.path)


PrinterAddress = NetworkPrinter | UsbPrinter | SerialPrinter | FilePrinter


def _require_driver(kind: type[Escpos], printer: PrinterAddress, module: str) -> None:
    if not kind.is_usable():
        raise PrinterUnavailableError(f"Impossible d'utiliser {printer.description} : le module {module} "
                                      "n'est pas installé sur ce poste.",
                                      "Installez-le, ou reliez l'imprimante par le réseau (tcp://…).")


# -- reading an address -------------------------------------------------------


def parse_printer_url(url: str) -> PrinterAddress:
    """The printer an address names, or ``PrinterAddressError`` saying which part is wrong."""
    text = url.strip()
    if not text:
        raise PrinterAddressError("l'adresse est vide.", "url")
    scheme, separator, _ = text.partition("://")
    if not separator:
        raise PrinterAddressError(f"« {text} » ne commence pas par un type d'imprimante suivi de « :// ».", "scheme")
    if scheme.lower() not in SCHEMES:
        raise PrinterAddressError(f"le type « {scheme} » est inconnu ; tcp, usb, serial ou file.", "scheme")
    parts = urlsplit(text)
    return _PARSERS[scheme.lower()](parts)


def _network_printer(parts: SplitResult) -> NetworkPrinter:
    _refuse_query(parts, allowed=())
    _refuse_path(parts)
    host = parts.hostname
    if not host or "@" in parts.netloc or not _HOST.fullmatch(host):
        raise PrinterAddressError("l'hôte (nom ou adresse IP de l'imprimante) manque ou ne se lit pas, par "
                                  "exemple tcp://192.168.1.50:9100.", "host")
    return NetworkPrinter(host, _port(parts))


def _port(parts: SplitResult) -> int:
    after_host = parts.netloc.rpartition("]")[2]  # past an IPv6 address in brackets
    _, colon, written = after_host.rpartition(":")
    if not colon:
        return NETWORK_PORT
    if not written:
        raise PrinterAddressError("le port manque après les deux-points, par exemple :9100.", "port")
    if not written.isdigit() or not 1 <= int(written) <= 65535:
        raise PrinterAddressError(f"le port « {written} » n'est pas un port TCP (un nombre de 1 à 65535, "
                                  "souvent 9100).", "port")
    return int(written)


def _usb_printer(parts: SplitResult) -> UsbPrinter:
    _refuse_query(parts, allowed=())
    _refuse_path(parts)
    vendor, separator, product = parts.netloc.partition(":")
    if not separator:
        raise PrinterAddressError(f"« {parts.netloc} » n'est pas de la forme usb://VID:PID, par exemple "
                                  "usb://04b8:0202.", "product_id")
    return UsbPrinter(_usb_id(vendor, "vendor_id", "l'identifiant du fabricant (VID)"),
                      _usb_id(product, "product_id", "l'identifiant du produit (PID)"))


def _usb_id(written: str, field: str, name: str) -> int:
    match = _USB_ID.fullmatch(written)
    if match is None or int(match[1], 16) == 0:
        raise PrinterAddressError(f"{name} « {written} » n'est pas un nombre hexadécimal de 1 à 4 chiffres, "
                                  "par exemple 04b8.", field)
    return int(match[1], 16)


def _serial_printer(parts: SplitResult) -> SerialPrinter:
    _refuse_query(parts, allowed=("baudrate",))
    device = parts.netloc + parts.path
    com_port = _WINDOWS_COM_PORT.fullmatch(device)
    if com_port:
        device = com_port[1].upper()
    if not device or device == "/":
        raise PrinterAddressError("le port série manque, par exemple serial:///dev/ttyUSB0 ou serial://COM3.",
                                  "device")
    return SerialPrinter(device, _baudrate(parts))


def _baudrate(parts: SplitResult) -> int:
    written = dict(parse_qsl(parts.query, keep_blank_values=True)).get("baudrate")
    if written is None:
        return SERIAL_BAUDRATE
    if not written.isdigit() or int(written) not in SERIAL_BAUDRATES:
        speeds = ", ".join(map(str, SERIAL_BAUDRATES))
        raise PrinterAddressError(f"la vitesse (baudrate) « {written} » n'est pas une vitesse série ; {speeds}.",
                                  "baudrate")
    return int(written)


def _file_printer(parts: SplitResult) -> FilePrinter:
    _refuse_query(parts, allowed=())
    if parts.netloc or not parts.path.startswith("/") or parts.path == "/":
        raise PrinterAddressError("le chemin du fichier de l'imprimante doit être absolu, avec trois barres : "
                                  "file:///dev/usb/lp0.", "path")
    return FilePrinter(parts.path)


def _refuse_query(parts: SplitResult, *, allowed: tuple[str, ...]) -> None:
    for name, _value in parse_qsl(parts.query, keep_blank_values=True):
        if name not in allowed:
            known = f" ; seul « {allowed[0]} » l'est" if allowed else ""
            raise PrinterAddressError(f"le paramètre « {name} » est inconnu pour une imprimante {parts.scheme}"
                                      f"{known}.", "query")
    if parts.query and not parse_qsl(parts.query, keep_blank_values=True):
        raise PrinterAddressError(f"les paramètres « {parts.query} » ne se lisent pas (nom=valeur).", "query")


def _refuse_path(parts: SplitResult) -> None:
    if parts.path not in ("", "/"):
        raise PrinterAddressError(f"« {parts.path} » est en trop après l'adresse.", "path")


_PARSERS: dict[str, Callable[[SplitResult], PrinterAddress]] = {"tcp": _network_printer, "usb": _usb_printer, "serial": _serial_printer, "file": _file_printer}


# -- sending jobs -------------------------------------------------------------


def send(printer: str | PrinterAddress, payload: bytes, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Write one job to the printer, whole; ``PrinterUnavailableError`` if it cannot be reached or stops answering."""
    address = parse_printer_url(printer) if isinstance(printer, str) else printer
    device = address.connect(timeout)
    try:
        _open(device, address)
        _write(device, address, payload)
    finally:
        _close(device)


def print_receipt(printer: str | PrinterAddress, receipt: Receipt, columns: int = 48,
                  timeout: float = DEFAULT_TIMEOUT) -> None:
    """Print the *ticket de règlement* (``ticket_escpos``), cut at the end."""
    send(printer, ticket_escpos(receipt, columns), timeout)


def open_cash_drawer(printer: str | PrinterAddress, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Open the cash drawer plugged into the printer: a job of its own, never part of a ticket."""
    send(printer, drawer_pulse(), timeout)


def print_test_page(printer: str | PrinterAddress, columns: int = 48, timeout: float = DEFAULT_TIMEOUT) -> None:
    send(printer, test_page(columns), timeout)


def _open(device: Escpos, address: PrinterAddress) -> None:
    try:
        device.open()
    except (EscposError, OSError, RuntimeError, ValueError) as error:  # pyusb: ValueError without libusb
        raise PrinterUnavailableError(f"{_capitalised(address.description)} ne répond pas : elle est éteinte, "
                                      "débranchée ou injoignable.", _RETRY_HINT) from error


def _write(device: Escpos, address: PrinterAddress, payload: bytes) -> None:
    try:
        device._raw(payload)  # python-escpos's way to send ready-made bytes
    except (EscposError, OSError, RuntimeError) as error:
        raise PrinterUnavailableError(f"{_capitalised(address.description)} a cessé de répondre pendant "
                                      "l'impression : le ticket est peut-être incomplet.", _RETRY_HINT) from error


def _close(device: Escpos) -> None:
    with contextlib.suppress(EscposError, OSError, RuntimeError):  # the job is out, or its failure reported
        device.close()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
