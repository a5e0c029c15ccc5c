"""The *ticket de règlement* as ESC/POS bytes for an 80 mm thermal printer, and the printer's other jobs.

The ticket says what the PDF strip of ``reports.ticket`` says, in the same
order: the régie, the title and number (and the *DUPLICATA* banner of a
reprint), date, agent and family, the bookings paid and cancelled, the totals
with the total in bold double height, each mode of payment with its details,
the account after payment, the verification code and its QR code (a native
ESC/POS QR code carrying the PDF's value), then the cut.

Lines hold at most the printer's columns (42 or 48 in font A); amounts are
right-aligned, long labels wrap. Text goes out in code page CP858 (Latin-1
with the euro sign); what CP858 lacks is spelled with what it has.
Everything is rendered through python-escpos's ``Dummy`` printer: these are
pure functions that return bytes, ``desk.devices.printer`` sends them.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from functools import cache

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from reports.data import BookedLine, Receipt, RegieIdentity, Tendered
from reports.style import day_text, instant_text, money, signed_money, unbroken
from reports.ticket import NOTHING_RECEIVED, TITLE, duplicate_detail, duplicate_headline, tender_details

TICKET_COLUMNS = (42, 48)
CODE_PAGE = "CP858"  # ESC t 19 on Epson-compatible printers
_PYTHON_CODEC = "cp858"
QR_MODULE_DOTS = 6  # a version 2 code is then about 19 mm wide at 203 dpi, like the PDF's 21 mm
DRAWER_PINS = (2, 5)

NO_BREAK = "\u00a0"  # glues words while wrapping; printed as a plain space
DAY_WIDTH = 9  # "02/12/26 "
FACT_LABEL_WIDTH = 9  # "Famille  "
DETAIL_INDENT = 2

_SUBSTITUTES = {
    NO_BREAK: NO_BREAK, "\u202f": NO_BREAK, "\u2007": NO_BREAK, "\u2009": " ",  # babel's narrow no-break and thin spaces
    "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...",
    "œ": "oe", "Œ": "OE", "Ÿ": "Y",
}


# -- the ticket ---------------------------------------------------------------


def ticket_escpos(receipt: Receipt, columns: int = 48) -> bytes:
    """The whole ticket for a printer of ``columns`` columns, cut at the end."""
    strip = _Strip(columns)
    for part in (_heading, _bookings, _cancellations, _totals, _tenders, _balance_after, _verification, _foot):
        part(strip, receipt)
    strip.cut()
    return strip.output


def verification_qr_value(receipt: Receipt) -> str:
    """What the ticket's QR code carries, on paper and on PDF alike: the ticket number and its verification code."""
    return f"{receipt.code} {receipt.verification_code}"


def _heading(strip: _Strip, receipt: Receipt) -> None:
    _regie(strip, receipt.regie)
    strip.rule()
    strip.text(TITLE.upper(), align="center", bold=True)
    strip.text(f"N° {receipt.code}", align="center", bold=True, tall=True)
    _duplicate_banner(strip, receipt)
    for label, value in _facts(receipt):
        strip.text(label.ljust(FACT_LABEL_WIDTH) + value, hanging=FACT_LABEL_WIDTH)


def _regie(strip: _Strip, regie: RegieIdentity) -> None:
    """Town, régie, the address with the postcode and town starting a line, and the act when known."""
    strip.text(regie.town, align="center", bold=True)
    strip.text(regie.regie_name, align="center")
    for part in re.split(r",\s*(?=\d{5}\b)", regie.address):
        strip.text(part, align="center")
    if regie.act:
        strip.text(regie.act, align="center")


def _duplicate_banner(strip: _Strip, receipt: Receipt) -> None:
    if not receipt.is_duplicate:
        return
    strip.rule("=")
    strip.text(duplicate_headline(receipt), align="center", bold=True, tall=True)
    strip.text(duplicate_detail(receipt), align="center")
    strip.rule("=")


def _facts(receipt: Receipt) -> list[tuple[str, str]]:
    return [("Date", instant_text(receipt.issued_at)), ("Agent", receipt.agent_name),
            ("Famille", receipt.family.name), ("Dossier", receipt.family.dossier_number),
            ("Canal", "Paiement en ligne" if receipt.online else "Guichet")]


def _section(strip: _Strip, title: str) -> None:
    strip.rule()
    strip.text(title, bold=True)


def _bookings(strip: _Strip, receipt: Receipt) -> None:
    _section(strip, "Réservations réglées")
    if not receipt.lines:
        strip.text("Aucune réservation : montant porté en avoir.")
    for line in receipt.lines:
        _booked_line(strip, line, money(line.price_cents))


def _cancellations(strip: _Strip, receipt: Receipt) -> None:
    if not receipt.cancelled_lines:
        return
    _section(strip, "Annulations (avoir porté au compte)")
    for line in receipt.cancelled_lines:
        _booked_line(strip, line, signed_money(-line.price_cents))


def _booked_line(strip: _Strip, line: BookedLine, price: str) -> None:
    """``02/12/26 Noah · Mercredi journée      10,00 €`` and the activity under the child."""
    strip.amount(f"{day_text(line.day, short=True)} {line.child} · {line.unit}", price, hanging=DAY_WIDTH)
    strip.text(line.activity, indent=DAY_WIDTH)


def _totals(strip: _Strip, receipt: Receipt) -> None:
    strip.rule()
    for label, amount in total_rows(receipt):
        strip.amount(label, amount)
    strip.amount("Total réglé", money(receipt.amount_cents), bold=True, tall=True)


def total_rows(receipt: Receipt) -> list[tuple[str, str]]:
    """The rows above *Total réglé*, as on the PDF ticket: bookings, then what credit and balance changed."""
    rows = [(f"Réservations ({len(receipt.lines)})", money(receipt.bookings_cents))]
    if receipt.credit_used_cents:
        rows.append(("Avoir déduit", signed_money(-receipt.credit_used_cents)))
    if receipt.balance_settled_cents:
        rows.append(("Restant dû antérieur réglé", signed_money(receipt.balance_settled_cents)))
    if receipt.credit_created_cents:
        rows.append(("Excédent porté en avoir", signed_money(receipt.credit_created_cents)))
    return rows


def _tenders(strip: _Strip, receipt: Receipt) -> None:
    _section(strip, "Règlement")
    if not receipt.tenders:
        strip.text(NOTHING_RECEIVED)
    for tender in receipt.tenders:
        _tender(strip, tender)


def _tender(strip: _Strip, tender: Tendered) -> None:
    """The mode and its amount, then its details, each kept whole on a line when it fits."""
    strip.amount(tender.label, money(tender.amount_cents))
    details = tender_details(tender)
    if details:
        strip.text(" · ".join(unbroken(detail) for detail in details), indent=DETAIL_INDENT)


def _balance_after(strip: _Strip, receipt: Receipt) -> None:
    strip.rule()
    strip.amount(*balance_after_row(receipt), bold=True)


def balance_after_row(receipt: Receipt) -> tuple[str, str]:
    """What the family account holds after the payment, said the way the PDF ticket says it."""
    balance = receipt.balance_after_cents
    if balance < 0:
        return "Avoir après règlement", money(-balance)
    if balance > 0:
        return "Restant dû après règlement", money(balance)
    return "Solde après règlement", money(0)


def _verification(strip: _Strip, receipt: Receipt) -> None:
    strip.rule()
    strip.text("Code de vérification", align="center")
    strip.text(receipt.verification_code, align="center", bold=True, tall=True)
    strip.text(f"Ticket n° {receipt.code}", align="center")
    strip.text("À rapprocher du journal des règlements de la régie.", align="center")
    strip.qr(verification_qr_value(receipt))


def _foot(strip: _Strip, receipt: Receipt) -> None:
    if receipt.is_duplicate:
        strip.text(f"{duplicate_headline(receipt)} du ticket émis le {instant_text(receipt.issued_at)}.",
                   align="center", bold=True)
    strip.text("Ce ticket vaut reçu : conservez-le.", align="center")


# -- the printer's other jobs -------------------------------------------------


def drawer_pulse(pin: int = 2) -> bytes:
    """The pulse that opens the cash drawer plugged into the printer (ESC p), on connector pin 2 or 5."""
    if pin not in DRAWER_PINS:
        raise ValueError(f"Tiroir-caisse : broche {pin} inconnue (2 ou 5).")
    printer = Dummy()
    printer.cashdraw(pin)
    return printer.output


def test_page(columns: int = 48) -> bytes:
    """A short page to check a printer from *Réglages*: its width, the accents, the euro sign, a QR code, the cut."""
    strip = _Strip(columns)
    strip.text("TEST D'IMPRESSION", align="center", bold=True, tall=True)
    strip.text("desk · guichet unique", align="center")
    strip.rule("=")
    strip.text(f"Largeur : {columns} colonnes")
    strip.text(column_ruler(columns))
    strip.rule()
    strip.text("Accents : à â ç é è ê ë î ï ô ù û ü ÿ « »")
    strip.text("Capitales : À Â Ç É È Ê Ë Î Ï Ô Ù Û Ü")
    strip.amount("Euro", money(1400))
    strip.amount("Montant en gras", money(123456), bold=True)
    strip.qr("desk : test d'impression")
    strip.text("Si tout est lisible, l'imprimante est prête.", align="center")
    strip.cut()
    return strip.output


test_page.__test__ = False  # type: ignore[attr-defined]  # a printer's page, not a test for pytest to collect


def column_ruler(columns: int) -> str:
    """``123456789012…`` over exactly ``columns`` characters: the last digit sits in the last column."""
    return "".join(str(position % 10) for position in range(1, columns + 1))


def check_columns(columns: int) -> int:
    if columns not in TICKET_COLUMNS:
        raise ValueError(f"Largeur du ticket : {columns} colonnes, la largeur doit être de 42 ou 48 colonnes.")
    return columns


# -- text the printer can print -----------------------------------------------


def printable(text: str) -> str:
    """The text in characters of the printer's code page.

    Typographic spaces, dashes and quotes become plain ones (no-break spaces
    stay, to glue words while wrapping), ``œ`` becomes ``oe``, a letter with
    an accent CP858 lacks loses the accent, and anything else is ``?``.
    """
    return "".join(_printable_character(character) for character in unicodedata.normalize("NFC", text))


def _printable_character(character: str) -> str:
    if character in _SUBSTITUTES:
        return _SUBSTITUTES[character]
    if _encodable(character):
        return character
    bare = "".join(part for part in unicodedata.normalize("NFKD", character) if not unicodedata.combining(part))
    return bare if bare and all(map(_encodable, bare)) else "?"


@cache
def _encodable(character: str) -> bool:
    try:
        character.encode(_PYTHON_CODEC)
    except UnicodeEncodeError:
        return False
    return character.isprintable()


def wrapped(text: str, width: int, *, indent: int = 0, hanging: int = 0) -> list[str]:
    """The text in lines of at most ``width`` characters.

    Every line starts with ``indent`` spaces, the lines after the first with
    ``hanging`` more; a word longer than a line is cut.
    """
    first = " " * indent
    lines = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=first + " " * hanging,
                          break_on_hyphens=False)
    return lines or [""]


class _Strip:
    """A python-escpos ``Dummy`` printer written line by line, no line wider than ``columns``."""

    def __init__(self, columns: int) -> None:
        self.columns = check_columns(columns)
        self._printer = Dummy()
        self._printer.hw("INIT")
        self._printer.charcode(CODE_PAGE)
        self._style = ("left", False, False)

    @property
    def output(self) -> bytes:
        return self._printer.output

    def text(self, text: str, *, align: str = "left", bold: bool = False, tall: bool = False, indent: int = 0,
             hanging: int = 0) -> None:
        for line in wrapped(printable(text), self.columns, indent=indent, hanging=hanging):
            self._line(line, (align, bold, tall))

    def amount(self, label: str, amount: str, *, bold: bool = False, tall: bool = False, hanging: int = 0) -> None:
        """The label on the left, wrapped short of the amount; the amount right-aligned on its last line."""
        amount = printable(amount)
        room = self.columns - len(amount) - 1
        *lines, last = wrapped(printable(label), room, hanging=hanging)
        for line in lines:
            self._line(line, ("left", bold, tall))
        self._line(last.ljust(room + 1) + amount, ("left", bold, tall))

    def rule(self, character: str = "-") -> None:
        self._line(character * self.columns, ("left", False, False))

    def qr(self, value: str) -> None:
        """A native QR code, centred, with a line of paper after it."""
        self._restyle(("center", False, False))
        self._printer.qr(value, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
        self._printer.ln()

    def cut(self) -> None:
        self._restyle(("left", False, False))
        self._printer.cut()

    def _line(self, line: str, style: tuple[str, bool, bool]) -> None:
        self._restyle(style)
        self._printer.textln(line.replace(NO_BREAK, " "))

    def _restyle(self, style: tuple[str, bool, bool]) -> None:
        """Send the alignment, bold and size of the next line when they change (ESC a, ESC !, ESC E)."""
        if style == self._style:
            return
        align, bold, tall = style
        self._printer.set(align=align, normal_textsize=not tall, double_height=tall, bold=bold)
        self._style = style
