"""The ticket printer's address, sending jobs over real sockets, the cash drawer, and the printer switched off."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import date

import pytest

from desk.devices.escpos_ticket import drawer_pulse, ticket_escpos
from desk.devices.printer import (
    FilePrinter,
    NetworkPrinter,
    PrinterAddressError,
    PrinterUnavailableError,
    SerialPrinter,
    UsbPrinter,
    open_cash_drawer,
    parse_printer_url,
    print_receipt,
    send,
)
from desk.devices.printer_simulator import DrawerPulse, PrinterSimulator, decode_job
from desk.errors import ValidationError
from reports.data import BookedLine, Receipt
from tests.reports.conftest import AT, DURAND, REGIE, WEDNESDAYS, cash


@pytest.fixture
def printer():
    with PrinterSimulator() as simulator:
        yield simulator


@pytest.fixture
def receipt() -> Receipt:
    return Receipt(regie=REGIE, code="2026-000007", issued_at=AT, agent_name="Camille", family=DURAND,
                   lines=(BookedLine(date(2026, 12, 2), "Noah", WEDNESDAYS, "Mercredi journée", 1000),),
                   tenders=(cash(2000, 1000),), amount_cents=1000, journal_hash="9b1e" * 16)


def free_port() -> int:
    """A port nothing listens on any more."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- the cash drawer ----------------------------------------------------------


def test_the_drawer_pulse_reaches_the_printer_as_a_pulse_and_nothing_else(printer):
    open_cash_drawer(printer.url)
    [job] = printer.wait_for_jobs(1)
    assert job.drawer_pulses == [DrawerPulse(pin=2, on_ms=100, off_ms=100)]
    assert job.lines == [] and job.cuts == 0 and job.qr_codes == [] and job.unknown_commands == ()
    assert decode_job(drawer_pulse(5)).drawer_pulses[0].pin == 5
    with pytest.raises(ValueError, match="broche 3"):
        drawer_pulse(3)


def test_a_cash_payment_is_two_jobs_the_ticket_and_the_drawer(printer, receipt):
    print_receipt(printer.url, receipt, columns=42)
    open_cash_drawer(printer.url)
    ticket, drawer = printer.wait_for_jobs(2)
    assert ticket.drawer_pulses == [] and ticket.cuts == 1 and "2026-000007" in ticket.text
    assert len(drawer.drawer_pulses) == 1 and drawer.text == ""


# -- a printer that is off ----------------------------------------------------


def test_a_printer_switched_off_is_a_french_oserror_and_the_ticket_prints_once_it_is_back(printer, receipt):
    printer.switch_off()
    with pytest.raises(PrinterUnavailableError) as raised:
        print_receipt(printer.url, receipt, timeout=2)
    assert isinstance(raised.value, OSError)
    assert str(raised.value).startswith(f"L'imprimante réseau 127.0.0.1:{printer.port} ne répond pas")
    assert "allumée" in raised.value.hint
    with pytest.raises(PrinterUnavailableError):
        open_cash_drawer(printer.url, timeout=2)
    assert printer.jobs == []
    printer.switch_on()
    print_receipt(printer.url, receipt)
    [job] = printer.wait_for_jobs(1)
    assert "2026-000007" in job.text and job.cuts == 1


def test_no_printer_at_the_address_is_the_same_french_error():
    with pytest.raises(PrinterUnavailableError, match="ne répond pas : elle est éteinte, débranchée ou injoignable"):
        send(f"tcp://127.0.0.1:{free_port()}", drawer_pulse(), timeout=2)


@pytest.mark.parametrize("url, described", [("usb://04b8:0202", "l'imprimante USB 04b8:0202"),
                                            ("serial:///dev/ttyDESKTEST9", "l'imprimante série /dev/ttyDESKTEST9"),
                                            ("file:///nonexistent-desk-folder/lp0", "l'imprimante "
                                                                                    "/nonexistent-desk-folder/lp0")])
def test_usb_serial_and_file_printers_that_are_not_there_give_the_french_error(url, described):
    """Nothing is opened when the address is read; sending finds the device missing, or its driver."""
    parse_printer_url(url)
    with pytest.raises(PrinterUnavailableError) as raised:
        send(url, drawer_pulse(), timeout=1)
    assert isinstance(raised.value, OSError) and described.lower() in str(raised.value).lower()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full, a device that refuses every write")
def test_a_printer_that_stops_taking_the_job_is_the_french_error_too(receipt):
    with pytest.raises(PrinterUnavailableError, match="a cessé de répondre pendant l'impression"):
        send("file:///dev/full", ticket_escpos(receipt))


def test_a_file_printer_receives_the_job_byte_for_byte(tmp_path, receipt):
    device = tmp_path / "lp0"
    device.touch()
    send(f"file://{device}", ticket_escpos(receipt, 48))
    assert device.read_bytes() == ticket_escpos(receipt, 48)
    assert decode_job(device.read_bytes()).qr_codes == ["2026-000007 9b1e9b1e9b1e"]


def test_a_parsed_address_can_be_sent_to_as_well_as_a_url(printer):
    send(parse_printer_url(printer.url), drawer_pulse())
    assert len(printer.wait_for_jobs(1)[0].drawer_pulses) == 1


# -- addresses ----------------------------------------------------------------


@pytest.mark.parametrize("url, address", [
    ("tcp://192.168.1.50:9100", NetworkPrinter("192.168.1.50", 9100)),
    ("tcp://imprimante-accueil.mairie.local", NetworkPrinter("imprimante-accueil.mairie.local", 9100)),
    (" tcp://[fe80::1]:9101 ", NetworkPrinter("fe80::1", 9101)),
    ("usb://04b8:0202", UsbPrinter(0x04B8, 0x0202)),
    ("usb://0x0416:0x5011", UsbPrinter(0x0416, 0x5011)),
    ("serial:///dev/ttyUSB0?baudrate=19200", SerialPrinter("/dev/ttyUSB0", 19200)),
    ("serial:///dev/ttyS0", SerialPrinter("/dev/ttyS0", 9600)),
    ("serial://COM3?baudrate=115200", SerialPrinter("COM3", 115200)),
    ("file:///dev/usb/lp0", FilePrinter("/dev/usb/lp0")),
])
def test_each_way_of_plugging_a_printer_has_its_address(url, address):
    assert parse_printer_url(url) == address
    assert parse_printer_url(address.url) == address


@pytest.mark.parametrize("url, field, named", [
    ("", "url", "l'adresse est vide"),
    ("192.168.1.50:9100", "scheme", "ne commence pas par un type d'imprimante"),
    ("http://192.168.1.50", "scheme", "le type « http » est inconnu"),
    ("tcp://:9100", "host", "l'hôte"),
    ("tcp://imprimante accueil:9100", "host", "l'hôte"),
    ("tcp://192.168.1.50:70000", "port", "le port « 70000 »"),
    ("tcp://192.168.1.50:neuf", "port", "le port « neuf »"),
    ("tcp://192.168.1.50:", "port", "le port manque"),
    ("tcp://192.168.1.50:9100/ticket", "path", "« /ticket » est en trop"),
    ("tcp://192.168.1.50?baudrate=9600", "query", "le paramètre « baudrate » est inconnu"),
    ("usb://04b8", "product_id", "usb://VID:PID"),
    ("usb://epson:0202", "vendor_id", "l'identifiant du fabricant (VID) « epson »"),
    ("usb://04b8:20202", "product_id", "l'identifiant du produit (PID) « 20202 »"),
    ("serial://", "device", "le port série manque"),
    ("serial:///dev/ttyUSB0?baudrate=19201", "baudrate", "la vitesse (baudrate) « 19201 »"),
    ("serial:///dev/ttyUSB0?vitesse=19200", "query", "le paramètre « vitesse » est inconnu"),
    ("file://dev/usb/lp0", "path", "le chemin du fichier de l'imprimante doit être absolu"),
])
def test_a_wrong_address_is_a_french_value_error_naming_the_part(url, field, named):
    with pytest.raises(PrinterAddressError) as raised:
        parse_printer_url(url)
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, ValidationError)
    assert error.field == field
    assert error.message.startswith("Adresse de l'imprimante de tickets : ") and named in error.message
    assert "tcp://192.168.1.50:9100" in error.hint


# -- the simulator, as the demo runs it ---------------------------------------


def test_the_simulator_runs_on_its_own_and_prints_what_it_decodes():
    command = [sys.executable, "-u", "-m", "desk.devices.printer_simulator", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, encoding="utf-8") as process:
        try:
            url = process.stdout.readline().split()[3]
            open_cash_drawer(url)
            assert process.stdout.readline().startswith("--- travail reçu")
            assert process.stdout.readline() == "[TIROIR-CAISSE broche 2, 100 ms]\n"
        finally:
            process.terminate()


def test_the_simulator_reads_esc_pos_as_a_printer_does():
    """Bytes written by hand, not by python-escpos: the decoder follows the printer's rules, not the library's."""
    job = decode_job(b"\x1b@\x1bE\x01gras\n\x1b!\x00normal\n\x1b!\x18grand\n\x1d!\x11\x1ba\x01large\n\x1d!\x00"
                     b"\x1bt\x10\x80 \x1bt\x13\xd5\n\x1d(k\x06\x001P0abc\x1d(k\x03\x001Q0"
                     b"\x1bp\x01\x19\x32\x1b\x07fin\x1dV\x42\x00")
    assert [(line.text, line.bold, line.double_height, line.double_width, line.align) for line in job.lines] == [
        ("gras", True, False, False, "left"), ("normal", False, False, False, "left"),
        ("grand", True, True, False, "left"), ("large", True, True, True, "center"),
        ("€ €", True, False, False, "center"), ("fin", True, False, False, "center")]
    assert job.qr_codes == ["abc"] and job.drawer_pulses == [DrawerPulse(pin=5, on_ms=50, off_ms=100)]
    assert job.cuts == 1 and job.unknown_commands == (b"\x1b\x07",)
    assert job.lines[3].width == 10
