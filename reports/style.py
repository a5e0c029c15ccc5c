"""What the four documents share: fonts, text styles, tables, headers, page templates.

The fonts are DejaVu Sans, shipped in ``resources/fonts`` (euro sign, French
accents, the narrow no-break spaces of French amounts), so that a document
looks the same on Windows and on Linux. Documents are built in reportlab's
invariant mode: the same data gives the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, partial
from importlib.resources import files
from itertools import accumulate
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from desk.clock import PARIS
from desk.money import format_cents
from reports.data import RegieIdentity

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#c3cad3")
BAND = colors.HexColor("#e6ebf1")
ZEBRA = colors.HexColor("#f5f7f9")
CARRY = colors.HexColor("#edf1f6")

A4_MARGIN = 16 * mm
A4_TOP_MARGIN = 15 * mm
A4_BOTTOM_MARGIN = 18 * mm
A4_CONTENT_WIDTH = A4[0] - 2 * A4_MARGIN
CREATOR = "desk, guichet unique"


# -- fonts -------------------------------------------------------------------


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) from the package resources, once per process."""
    folder = files("desk.resources") / "fonts"
    for name, file_name in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, io.BytesIO((folder / file_name).read_bytes())))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return pdfmetrics.stringWidth(text, FONT_BOLD if bold else FONT, size)


# -- words and numbers for people --------------------------------------------


def money(cents: int) -> str:
    """``1400`` → ``14,00 €``."""
    return format_cents(cents)


def signed_money(cents: int) -> str:
    """An amount that may go either way, with an explicit sign: ``+2,00 €``, ``−2,00 €``."""
    if cents > 0:
        return "+" + format_cents(cents)
    if cents < 0:
        return "\u2212" + format_cents(-cents)
    return format_cents(0)


def balance_label(balance_cents: int) -> str:
    """What a balance is called: *avoir* when the régie owes the family, else *restant dû*."""
    return "Avoir" if balance_cents < 0 else "Restant dû"



def day_text(day: date, *, short: bool = False) -> str:
    """``02/12/2026``, or ``02/12/26`` where room is short."""
    return f"{day:%d/%m/%y}" if short else f"{day:%d/%m/%Y}"


def instant_text(instant: datetime) -> str:
    """``26/11/2026 à 10:00``, in the town's time."""
    return f"{instant.astimezone(PARIS):%d/%m/%Y à %H:%M}"


def short_instant_text(instant: datetime) -> str:
    """``26/11 10:00``, in the town's time: for the rows of long lists."""
    return f"{instant.astimezone(PARIS):%d/%m %H:%M}"


def masked_card(last4: str) -> str:
    """Only the last four digits, ever: ``**** **** **** 4242``."""
    return f"**** **** **** {last4}"


def fit_text(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """The text, shortened with an ellipsis when it is wider than ``width``."""
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text + "…", size, bold=bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrapped_lines(text: str, width: float, size: float) -> list[str]:
    """The text broken into lines that fit ``width`` (for plain table cells)."""
    return [line for part in text.split("\n") for line in (simpleSplit(part, FONT, size, width) or [""])]


# -- paragraphs ----------------------------------------------------------------


@dataclass(frozen=True)
class TextStyles:
    """The paragraph styles of a document, derived from its body size."""

    size: float
    body: ParagraphStyle
    body_center: ParagraphStyle
    body_right: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    title_center: ParagraphStyle
    heading: ParagraphStyle
    strong: ParagraphStyle
    strong_center: ParagraphStyle


@cache
def text_styles(size: float) -> TextStyles:
    """Styles for a document whose body text is ``size`` points."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.3, textColor=INK)
    small = ParagraphStyle("small", body, fontSize=size * 0.88, leading=size * 0.88 * 1.3)
    strong = ParagraphStyle("strong", body, fontName=FONT_BOLD)
    title = ParagraphStyle("title", body, fontName=FONT_BOLD, fontSize=size * 1.7, leading=size * 2.1)
    return TextStyles(
        size=size,
        body=body,
        body_center=ParagraphStyle("body_center", body, alignment=TA_CENTER),
        body_right=ParagraphStyle("body_right", body, alignment=TA_RIGHT),
        small=small,
        small_center=ParagraphStyle("small_center", small, alignment=TA_CENTER),
        muted=ParagraphStyle("muted", small, textColor=MUTED),
        label=ParagraphStyle("label", body, textColor=MUTED),
        title=title,
        title_center=ParagraphStyle("title_center", title, alignment=TA_CENTER),
        heading=ParagraphStyle("heading", strong, fontSize=size * 1.2, leading=size * 1.5,
                               spaceBefore=size * 1.3, spaceAfter=size * 0.45),
        strong=strong,
        strong_center=ParagraphStyle("strong_center", strong, alignment=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: names may hold ``&`` or ``<``).

    Paragraphs break lines at a narrow no-break space (babel's thousands
    separator), so it becomes a no-break space there: ``1 234,56 €`` never splits.
    """
    return Paragraph(escape(text.replace("\u202f", "\u00a0")), style)


def rich(markup: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph whose markup the caller wrote; data inside it must go through ``escape``."""
    return Paragraph(markup, style)


def table_heading(text: str, styles: TextStyles, *, room: float = 40 * mm) -> list[Flowable]:
    """The heading of a long table; with less than ``room`` left on the page, heading and table start the next one."""
    return [CondPageBreak(room), para(text, styles.heading)]


def rule(width: str | float = "100%", *, thickness: float = 0.6, space: float = 4) -> HRFlowable:
    return HRFlowable(width=width, thickness=thickness, color=RULE, spaceBefore=space, spaceAfter=space)


def gap(height: float) -> Spacer:
    return Spacer(1, height)


# -- blocks --------------------------------------------------------------------


def regie_lines(regie: RegieIdentity, styles: TextStyles, *, centered: bool = False) -> list[Flowable]:
    """The issuer: town, régie, address, and the act that institutes the régie when known; centred (on a narrow
    strip) the postcode and town start a line."""
    act = [para(regie.act, styles.small_center if centered else styles.muted)] if regie.act else []
    if not centered:
        return [para(regie.town, styles.strong), para(regie.regie_name, styles.body),
                para(regie.address, styles.muted), *act]
    address = [para(part, styles.small_center) for part in re.split(r",\s*(?=\d{5}\b)", regie.address)]
    return [para(regie.town, styles.strong_center), para(regie.regie_name, styles.body_center), *address, *act]


def a4_heading(regie: RegieIdentity, title: str, details: Sequence[str], styles: TextStyles,
               *, addressee: Sequence[str] = ()) -> list[Flowable]:
    """The top of an A4 document: the régie on the left, an addressee or the details on the right, then the title."""
    left = regie_lines(regie, styles)
    right = [para(line, styles.strong if index == 0 else styles.body) for index, line in enumerate(addressee)]
    half = A4_CONTENT_WIDTH / 2
    banner = layout_table([[left, right]], [half + 30 * mm, half - 30 * mm])
    return [
        banner,
        rule(thickness=1.2, space=8),
        para(title, styles.title),
        *(para(line, styles.body) for line in details),
        gap(styles.size * 0.8),
    ]


def layout_table(data: list[list[object]], widths: Sequence[float], commands: Sequence[tuple] = (), *,
                 row_heights: Sequence[float] | None = None) -> Table:
    """A table used to place blocks side by side: no padding, top-aligned, in the document's font."""
    table = Table(data, colWidths=list(widths), rowHeights=row_heights, hAlign="LEFT")
    table.setStyle(TableStyle([*_bare_cells(), *commands]))
    return table


def _bare_cells(size: float = 9) -> list[tuple]:
    """No padding, top-aligned, DejaVu Sans (a table's default font would be Helvetica, which is not embedded)."""
    return [("FONT", (0, 0), (-1, -1), FONT, size), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *((side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"))]


# -- tables --------------------------------------------------------------------


def grid_commands(size: float, *, right_columns: Iterable[int] = (), header: bool = True,
                  zebra: bool = True) -> list[tuple]:
    """The look of a data table: a banded bold header, thin rules, light zebra rows."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, size, size * 1.25),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    commands += [("ALIGN", (column, 0), (column, -1), "RIGHT") for column in right_columns]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, size, size * 1.25),
            ("BACKGROUND", (0, 0), (-1, 0), BAND),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, ZEBRA]))
    return commands


def grid_table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], size: float,
               *, right_columns: Iterable[int] = (), total: Sequence[object] | None = None) -> Table:
    """A data table with a header repeated on every page and an optional bold total row."""
    data = [list(header), *(list(row) for row in rows)]
    right_columns = tuple(right_columns)
    commands = grid_commands(size, right_columns=right_columns)
    if total is not None:
        data.append(list(total))
        commands += total_row_commands(size, len(data) - 1)
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def total_row_commands(size: float, row: int) -> list[tuple]:
    return [
        ("FONT", (0, row), (-1, row), FONT_BOLD, size, size * 1.25),
        ("BACKGROUND", (0, row), (-1, row), BAND),
        ("LINEABOVE", (0, row), (-1, row), 0.8, INK),
    ]


def facts_table(facts: Sequence[tuple[str, str]], widths: Sequence[float], styles: TextStyles) -> Table:
    """Short labelled facts (date, agent, family…): muted labels, values beside them."""
    data = [[para(label, styles.label), para(value, styles.body)] for label, value in facts]
    return layout_table(data, widths, [("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])


@dataclass(frozen=True)
class AmountRow:
    """A label and an amount in a totals block; ``strong`` rows stand out; ``note`` goes under the label."""

    label: str
    amount: str
    strong: bool = False
    note: str = ""


def amounts_table(rows: Sequence[AmountRow], widths: Sequence[float], styles: TextStyles) -> Table:
    """Labels on the left, amounts aligned on the right; strong rows bold with a rule above.

    A row's note takes the whole width under it, so that references and
    authorisation numbers stay on one line where they can.
    """
    size, leading = styles.size, styles.body.leading
    data: list[list[object]] = []
    commands: list[tuple] = [("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                             ("FONT", (0, 0), (-1, -1), FONT, size, leading)]
    for row in rows:
        index = len(data)
        # Amounts are plain strings: drawn as they are, narrow no-break spaces included.
        if row.strong:
            data.append([para(row.label, styles.strong), row.amount])
            commands += [("LINEABOVE", (0, index), (-1, index), 0.8, INK), ("TOPPADDING", (0, index), (-1, index), 3),
                         ("FONT", (1, index), (1, index), FONT_BOLD, size, leading)]
        else:
            data.append([para(row.label, styles.body), row.amount])
        if row.note:
            data.append([para(row.note, styles.muted), ""])
            commands += [("SPAN", (0, index + 1), (-1, index + 1)), ("BOTTOMPADDING", (0, index), (-1, index), 0),
                         ("BOTTOMPADDING", (0, index + 1), (-1, index + 1), 3.5)]
    return layout_table(data, widths, commands)


def unbroken(text: str) -> str:
    """The text with no-break spaces, so that a line never breaks inside it."""
    return text.replace(" ", "\u00a0")


# -- long tables whose running total is carried from page to page -------------


@dataclass(frozen=True)
class CarriedTableSpec:
    """How a long table with a running total looks.

    The running total is the last column. Every page piece ends with a
    *carried forward* row and the next starts with a *brought forward* row;
    the first piece may open with an opening row, the last ends with a
    closing row. ``wrap_columns`` break into lines, other columns are
    shortened with an ellipsis.
    """

    header: tuple[str, ...]
    widths: tuple[float, ...]
    size: float
    format_total: Callable[[int], str]
    closing_label: str
    brought_forward_label: str = "Report de la page précédente"
    carried_forward_label: str = "À reporter"
    opening_label: str | None = None
    right_columns: tuple[int, ...] = ()
    wrap_columns: tuple[int, ...] = ()

    @property
    def leading(self) -> float:
        return self.size * 1.25

    @property
    def single_row_height(self) -> float:
        return self.leading + 5


@dataclass(frozen=True)
class _PreparedRow:
    cells: tuple[str, ...]
    height: float
    total_after: int


class CarriedTable(Flowable):
    """A long table that splits across pages with its running total carried over.

    Built with ``carried_table``; platypus asks it to split where a page ends.
    """

    def __init__(self, spec: CarriedTableSpec, rows: Sequence[_PreparedRow], *, total_before: int,
                 continued: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.rows = rows
        self.total_before = total_before
        self.continued = continued

    def _opening_row(self) -> tuple[str, int] | None:
        if self.continued:
            return self.spec.brought_forward_label, self.total_before
        if self.spec.opening_label is not None:
            return self.spec.opening_label, self.total_before
        return None

    def _fixed_height(self) -> float:
        special_rows = 1 + (self._opening_row() is not None)
        return self.spec.single_row_height * (1 + special_rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        self.width = sum(self.spec.widths)
        self.height = self._fixed_height() + sum(row.height for row in self.rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab API)
        room = availHeight - self._fixed_height()
        heights = accumulate(row.height for row in self.rows)
        fitting = sum(1 for height in heights if height <= room)
        if fitting < min(3, len(self.rows)) or fitting >= len(self.rows):
            return []
        head = _TablePiece(self._table(self.rows[:fitting], last=False))
        rest = CarriedTable(self.spec, self.rows[fitting:], total_before=self.rows[fitting - 1].total_after,
                            continued=True)
        return [head, rest]

    def draw(self) -> None:
        table = self._table(self.rows, last=True)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def _table(self, rows: Sequence[_PreparedRow], *, last: bool) -> Table:
        spec = self.spec
        data: list[list[str]] = [list(spec.header)]
        heights = [spec.single_row_height]
        special: list[int] = []
        opening = self._opening_row()
        if opening is not None:
            data.append(self._special_cells(*opening))
            heights.append(spec.single_row_height)
            special.append(1)
        data += [list(row.cells) for row in rows]
        heights += [row.height for row in rows]
        total = rows[-1].total_after if rows else self.total_before
        data.append(self._special_cells(spec.closing_label if last else spec.carried_forward_label, total))
        heights.append(spec.single_row_height)
        special.append(len(data) - 1)
        commands = grid_commands(spec.size, right_columns=spec.right_columns)
        for row in special:
            commands += [("SPAN", (0, row), (-2, row)), ("FONT", (0, row), (-1, row), FONT_BOLD, spec.size, spec.leading),
                         ("BACKGROUND", (0, row), (-1, row), CARRY), ("ALIGN", (0, row), (-2, row), "RIGHT")]
        commands.append(("LINEABOVE", (0, len(data) - 1), (-1, len(data) - 1), 0.8, INK))
        table = Table(data, colWidths=list(spec.widths), rowHeights=heights)
        table.setStyle(TableStyle(commands))
        return table

    def _special_cells(self, label: str, total: int) -> list[str]:
        return [label, *[""] * (len(self.spec.widths) - 2), self.spec.format_total(total)]


class _TablePiece(Flowable):
    """One page's piece of a ``CarriedTable``: an ordinary table that is not split again."""

    def __init__(self, table: Table) -> None:
        super().__init__()
        self.table = table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        self.width, self.height = self.table.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)


def carried_table(spec: CarriedTableSpec, rows: Iterable[tuple[Sequence[str], int]], *, start: int = 0) -> CarriedTable:
    """A ``CarriedTable`` of ``(cells, amount)`` rows; the running total column is appended to the cells."""
    register_fonts()
    padding = spec.single_row_height - spec.leading
    prepared = []
    total = start
    for cells, amount in rows:
        total += amount
        texts = [*cells, spec.format_total(total)]
        fitted, lines = [], 1
        for column, (text, width) in enumerate(zip(texts, spec.widths, strict=True)):
            room = width - 6
            if column in spec.wrap_columns:
                parts = wrapped_lines(text, room, spec.size)
                lines = max(lines, len(parts))
                fitted.append("\n".join(parts))
            else:
                fitted.append(fit_text(text, room, spec.size))
        prepared.append(_PreparedRow(tuple(fitted), lines * spec.leading + padding, total))
    return CarriedTable(spec, prepared, total_before=start)


# -- page templates ------------------------------------------------------------


class _NumberedCanvas(Canvas):
    """A canvas that writes ``Page n / total`` and a footer line once the page count is known."""

    def __init__(self, *args, footer: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(len(self._pages))
            super().showPage()
        super().save()

    def _draw_footer(self, page_count: int) -> None:
        width = self._pagesize[0]
        y = A4_BOTTOM_MARGIN - 9 * mm
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(A4_MARGIN, y + 9, width - A4_MARGIN, y + 9)
        self.setFillColor(MUTED)
        self.setFont(FONT, 7.5)
        self.drawString(A4_MARGIN, y, self._footer)
        self.drawRightString(width - A4_MARGIN, y, f"Page {self._pageNumber} / {page_count}")


def _document(buffer: io.BytesIO, pagesize: tuple[float, float], *, title: str, author: str,
              margins: tuple[float, float, float, float]) -> BaseDocTemplate:
    """A one-frame document template; ``margins`` are left, right, top, bottom."""
    left, right, top, bottom = margins
    document = BaseDocTemplate(buffer, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                               bottomMargin=bottom, title=title, author=author, creator=CREATOR, invariant=True,
                               lang="fr-FR", initialFontName=FONT, initialFontSize=9, initialLeading=11)
    frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return document


def a4_pdf(story: list[Flowable], *, title: str, author: str, footer: str) -> bytes:
    """An A4 portrait document with a footer line and page numbers on every page."""
    register_fonts()
    buffer = io.BytesIO()
    document = _document(buffer, A4, title=title, author=author,
                         margins=(A4_MARGIN, A4_MARGIN, A4_TOP_MARGIN, A4_BOTTOM_MARGIN))
    document.build(story, canvasmaker=partial(_NumberedCanvas, footer=footer))
    return buffer.getvalue()


def strip_pdf(story: list[Flowable], *, width: float, margin: float, title: str, author: str) -> bytes:
    """A single page ``width`` wide whose height fits the content, as on a thermal-printer roll."""
    register_fonts()
    content_width = width - 2 * margin
    height = stacked_height(story, content_width) + 2 * margin + 2
    buffer = io.BytesIO()
    document = _document(buffer, (width, height), title=title, author=author,
                         margins=(margin, margin, margin, margin))
    document.build(story)
    return buffer.getvalue()


def stacked_height(story: Sequence[Flowable], width: float) -> float:
    """The height a frame needs for the story, spacing included, as ``Frame._add`` lays it out."""
    total = 0.0
    previous_after = 0.0
    for index, flowable in enumerate(story):
        _, height = flowable.wrap(width, 1e6)
        space = 0.0
        if index:
            space = flowable.getSpaceBefore()
            if rl_config.overlapAttachedSpace:
                space = max(space - previous_after, 0)
            space += previous_after
        total += space + height
        previous_after = flowable.getSpaceAfter()
    return total


def a4_widths(*fixed_mm: float) -> tuple[float, ...]:
    """Column widths of an A4 table: the given ones in millimetres, the last column takes what remains."""
    widths = [width * mm for width in fixed_mm]
    return (*widths, A4_CONTENT_WIDTH - sum(widths))


@dataclass(frozen=True)
class Signatory:
    """A signature box: who signs, their name, and the lines left blank for them."""

    role: str
    name: str = ""
    blanks: tuple[str, ...] = ("Date :", "Signature :")


def signature_boxes(left: Signatory, right: Signatory, styles: TextStyles, *, height_mm: float = 36) -> Table:
    """Two boxed signature places side by side, across the page."""
    space = 8 * mm
    box = (A4_CONTENT_WIDTH - space) / 2
    cells = [[para(who.role, styles.strong), para(who.name, styles.body),
              *(flowable for blank in who.blanks for flowable in (gap(4), para(blank, styles.label)))]
             for who in (left, right)]
    return layout_table([[cells[0], "", cells[1]]], [box, space, box], [
        ("BOX", (0, 0), (0, 0), 0.8, INK), ("BOX", (2, 0), (2, 0), 0.8, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5),
    ], row_heights=[height_mm * mm])
