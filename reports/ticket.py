"""The *ticket de règlement*: an 80 mm thermal-printer strip, or an A4 page.

Both layouts tell the same thing in the same order: the régie, the ticket
number, date, agent and family, the bookings paid, the totals, each mode of
payment with its details, the account after payment, and a verification code
(the first characters of the journal hash) printed also as a QR code. A
reprint says *DUPLICATA* with its copy number and date, boxed under the title
and again at the foot, so that it can never pass for the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from reports.data import BookedLine, Receipt, Tendered
from reports.style import (
    A4_CONTENT_WIDTH,
    INK,
    AmountRow,
    TextStyles,
    a4_heading,
    a4_pdf,
    amounts_table,
    day_text,
    facts_table,
    gap,
    grid_table,
    instant_text,
    layout_table,
    masked_card,
    money,
    para,
    regie_lines,
    rich,
    rule,
    signed_money,
    strip_pdf,
    text_styles,
    unbroken,
)

TITLE = "Ticket de règlement"
NOTHING_RECEIVED = "Aucun encaissement : l'avoir de la famille couvre le montant."


@dataclass(frozen=True)
class _Layout:
    """What differs between the thermal strip and the A4 page."""

    content_width: float
    size: float
    qr_size: float
    narrow: bool


THERMAL_WIDTH = 80 * mm
THERMAL_MARGIN = 4 * mm
_THERMAL = _Layout(THERMAL_WIDTH - 2 * THERMAL_MARGIN, 8.0, 21 * mm, narrow=True)
_A4 = _Layout(A4_CONTENT_WIDTH, 9.5, 26 * mm, narrow=False)


def ticket_80mm(receipt: Receipt) -> bytes:
    """The ticket as an 80 mm wide strip whose height fits its content."""
    return strip_pdf(_story(receipt, _THERMAL), width=THERMAL_WIDTH, margin=THERMAL_MARGIN,
                     title=_document_title(receipt), author=receipt.regie.regie_name)


def ticket_a4(receipt: Receipt) -> bytes:
    """The ticket on an A4 page, to print on an office printer or to send as PDF."""
    regie = receipt.regie
    footer = f"{regie.town} · {regie.regie_name} · {TITLE} n° {receipt.code}"
    if receipt.is_duplicate:
        footer += f" · {duplicate_headline(receipt)}"
    return a4_pdf(_story(receipt, _A4), title=_document_title(receipt), author=regie.regie_name, footer=footer)


def _document_title(receipt: Receipt) -> str:
    title = f"{TITLE} {receipt.code}"
    return f"{title} ({duplicate_headline(receipt).lower()})" if receipt.is_duplicate else title


def duplicate_headline(receipt: Receipt) -> str:
    """``DUPLICATA n° 2``."""
    return f"DUPLICATA n° {receipt.copy_number}"


def duplicate_detail(receipt: Receipt) -> str:
    """``réimprimé le 01/12/2026 à 14:05``."""
    return f"réimprimé le {instant_text(receipt.reprinted_at)}" if receipt.reprinted_at else "réimprimé"


def _story(receipt: Receipt, layout: _Layout) -> list[Flowable]:
    styles = text_styles(layout.size)
    story = _heading(receipt, layout, styles)
    story += _section("Réservations réglées", styles, layout)
    story.append(_lines_table(receipt.lines, layout, styles, empty="Aucune réservation : montant porté en avoir."))
    if receipt.cancelled_lines:
        story += _section("Annulations (avoir porté au compte)", styles, layout)
        story.append(_lines_table(receipt.cancelled_lines, layout, styles, negative=True))
    story += [gap(layout.size * (0.6 if layout.narrow else 1.2)), _totals(receipt, layout, styles)]
    story += _section("Règlement", styles, layout)
    story += [_tenders(receipt.tenders, layout, styles), gap(layout.size * 0.5), _balance_after(receipt, layout, styles)]
    story += [rule(space=layout.size * 0.6), _verification(receipt, layout, styles)]
    if receipt.is_duplicate:
        story += [gap(layout.size * 0.6), para(f"{duplicate_headline(receipt)} du ticket émis le "
                                               f"{instant_text(receipt.issued_at)}.", styles.strong_center)]
    if layout.narrow:
        story += [gap(layout.size * 0.6), para("Ce ticket vaut reçu : conservez-le.", styles.small_center)]
    return story


def _duplicate_banner(receipt: Receipt, layout: _Layout, styles: TextStyles) -> list[Flowable]:
    """A boxed *DUPLICATA n° 2 — réimprimé le …* under the title; nothing on the original."""
    if not receipt.is_duplicate:
        return []
    headline, detail = escape(duplicate_headline(receipt)), escape(duplicate_detail(receipt))
    if layout.narrow:
        cells = [[rich(f"<b>{headline}</b>", styles.title_center)], [para(detail, styles.body_center)]]
    else:
        cells = [[rich(f"<b>{headline}</b><font size={styles.size:g}> — {detail}</font>", styles.title_center)]]
    box = layout_table(cells, [layout.content_width], [
        ("BOX", (0, 0), (-1, -1), 1.6, INK),
        ("TOPPADDING", (0, 0), (-1, 0), layout.size * 0.5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), layout.size * 0.6),
    ])
    return [gap(layout.size * 0.5), box, gap(layout.size * 0.7)]


def _heading(receipt: Receipt, layout: _Layout, styles: TextStyles) -> list[Flowable]:
    family = receipt.family
    facts = [("Date", instant_text(receipt.issued_at)), ("Agent", receipt.agent_name),
             ("Canal", "Paiement en ligne" if receipt.online else "Guichet")]
    if layout.narrow:
        facts[2:2] = [("Famille", family.name), ("Dossier", family.dossier_number)]
        return [
            *regie_lines(receipt.regie, styles, centered=True),
            rule(space=layout.size * 0.7),
            para(TITLE.upper(), styles.strong_center),
            para(f"N° {receipt.code}", styles.title_center),
            *(_duplicate_banner(receipt, layout, styles) or [gap(layout.size * 0.4)]),
            facts_table(facts, [16 * mm, layout.content_width - 16 * mm], styles),
        ]
    addressee = (family.name, f"Dossier {family.dossier_number}", *family.addressee_lines)
    return [
        *a4_heading(receipt.regie, f"{TITLE} n° {receipt.code}", [], styles, addressee=addressee),
        *_duplicate_banner(receipt, layout, styles),
        facts_table(facts, [25 * mm, layout.content_width - 25 * mm], styles),
    ]


def _section(title: str, styles: TextStyles, layout: _Layout) -> list[Flowable]:
    if layout.narrow:
        return [rule(space=layout.size * 0.6), para(title, styles.strong), gap(2)]
    return [para(title, styles.heading)]


def _lines_table(lines: tuple[BookedLine, ...], layout: _Layout, styles: TextStyles, *, negative: bool = False,
                 empty: str = "") -> Flowable:
    if not lines:
        return para(empty, styles.muted)
    price = (lambda cents: signed_money(-cents)) if negative else money
    if layout.narrow:
        width = layout.content_width
        rows = [[day_text(line.day, short=True),
                 rich(f"<b>{escape(line.child)}</b> · {escape(line.unit)}<br/>{escape(line.activity)}", styles.small),
                 price(line.price_cents)] for line in lines]
        return grid_table(("Date", "Enfant, unité, activité", "Prix"), rows, [13.5 * mm, width - 28 * mm, 14.5 * mm],
                          styles.size * 0.92, right_columns=(2,))
    rows = [[day_text(line.day), para(line.child, styles.body), para(line.activity, styles.body),
             para(line.unit, styles.body), price(line.price_cents)] for line in lines]
    widths = [24 * mm, 32 * mm, 62 * mm, 40 * mm]
    widths.append(layout.content_width - sum(widths))
    return grid_table(("Date", "Enfant", "Activité", "Unité", "Prix"), rows, widths, styles.size, right_columns=(4,))


def _amount_widths(layout: _Layout) -> list[float]:
    """Totals: the whole strip, or a block on the right of the A4 page, under the prices."""
    if layout.narrow:
        return _full_width(layout)
    return [95 * mm, 35 * mm]


def _full_width(layout: _Layout) -> list[float]:
    amount = 24 * mm if layout.narrow else 35 * mm
    return [layout.content_width - amount, amount]


def _totals(receipt: Receipt, layout: _Layout, styles: TextStyles) -> Flowable:
    count = len(receipt.lines)
    rows = [AmountRow(f"Réservations ({count})", money(receipt.bookings_cents))]
    if receipt.credit_used_cents:
        rows.append(AmountRow("Avoir déduit", signed_money(-receipt.credit_used_cents)))
    if receipt.balance_settled_cents:
        rows.append(AmountRow("Restant dû antérieur réglé", signed_money(receipt.balance_settled_cents)))
    if receipt.credit_created_cents:
        rows.append(AmountRow("Excédent porté en avoir", signed_money(receipt.credit_created_cents)))
    rows.append(AmountRow("Total réglé", money(receipt.amount_cents), strong=True))
    return _aligned(amounts_table(rows, _amount_widths(layout), styles), layout)


def _tenders(tenders: tuple[Tendered, ...], layout: _Layout, styles: TextStyles) -> Flowable:
    if not tenders:
        return para(NOTHING_RECEIVED, styles.body)
    rows = [AmountRow(tender.label, money(tender.amount_cents), note=" · ".join(map(unbroken, tender_details(tender))))
            for tender in tenders]
    return amounts_table(rows, _full_width(layout), styles)


def tender_details(tender: Tendered) -> list[str]:
    """What identifies a mode of payment on paper; card data masked to the last four digits."""
    details = []
    if tender.tendered_cents is not None:
        details.append(f"Remis : {money(tender.tendered_cents)}")
        details.append(f"Rendu : {money(tender.change_cents or 0)}")
    if tender.cheque_number:
        details.append(f"N° {tender.cheque_number}")
    if tender.cheque_bank:
        details.append(tender.cheque_bank)
    if tender.card_last4:
        details.append(masked_card(tender.card_last4))
    if tender.voucher_count:
        unit = f" × {money(tender.voucher_value_cents)}" if tender.voucher_value_cents else ""
        details.append(f"{tender.voucher_count} titre{'s' if tender.voucher_count > 1 else ''}{unit}")
    if tender.refdet:
        details.append(f"Référence de la dette : {tender.refdet}")
    if tender.authorisation_number:
        details.append(f"Autorisation : {tender.authorisation_number}")
    return details


def _balance_after(receipt: Receipt, layout: _Layout, styles: TextStyles) -> Flowable:
    balance = receipt.balance_after_cents
    if balance < 0:
        row = AmountRow("Avoir après règlement", money(-balance), strong=True)
    elif balance > 0:
        row = AmountRow("Restant dû après règlement", money(balance), strong=True)
    else:
        row = AmountRow("Solde après règlement", money(0), strong=True)
    return amounts_table([row], _full_width(layout), styles)


def _aligned(table: Table, layout: _Layout) -> Table:
    """Totals sit on the right of an A4 page, under the prices; on the strip they take the width."""
    table.hAlign = "LEFT" if layout.narrow else "RIGHT"
    return table


def _verification(receipt: Receipt, layout: _Layout, styles: TextStyles) -> Flowable:
    code = receipt.verification_code
    text = [para("Code de vérification", styles.muted), para(code, styles.title if not layout.narrow else styles.strong),
            para(f"Ticket n° {receipt.code}", styles.muted),
            para("À rapprocher du journal des règlements de la régie.", styles.muted)]
    gutter = 3 * mm
    text_width = (layout.content_width if layout.narrow else 130 * mm) - layout.qr_size - gutter
    return layout_table([[qr_code(f"{receipt.code} {code}", layout.qr_size), text]],
                        [layout.qr_size + gutter, text_width], [("VALIGN", (0, 0), (-1, -1), "MIDDLE")])


def qr_code(value: str, size: float) -> Flowable:
    """A square QR code of ``size`` points, drawn with reportlab's own barcode module."""
    return QrCode(value, width=size, height=size, qrBorder=0)
