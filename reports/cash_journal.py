"""The *journal de caisse* of a cash-desk session (A4, as many pages as it takes).

Opening float, every payment in order with its receipt number and modes, the
cancellations and the credits they gave (each list with its running total
carried from page to page), totals per mode, cash expected against cash
counted and the difference, the session's totals and the payment journal's
perpetual grand totals, and signature boxes for the agent and the régisseur.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from reports.data import CashJournal, JournalCancellation, JournalPayment, Tendered
from reports.style import (
    A4_CONTENT_WIDTH,
    INK,
    AmountRow,
    CarriedTableSpec,
    TextStyles,
    a4_heading,
    a4_pdf,
    amounts_table,
    carried_table,
    facts_table,
    gap,
    grid_table,
    instant_text,
    layout_table,
    money,
    para,
    short_instant_text,
    signed_money,
    table_heading,
    text_styles,
)

TITLE = "Journal de caisse"
_SIZE = 9.0
_TABLE_SIZE = 8.0


def _widths(*fixed_mm: float) -> tuple[float, ...]:
    """Column widths: the given ones in millimetres, the last column takes what remains."""
    widths = [width * mm for width in fixed_mm]
    return (*widths, A4_CONTENT_WIDTH - sum(widths))


_FULL_WIDTH_AMOUNTS = _widths(147)

PAYMENTS = CarriedTableSpec(
    header=("Date", "Reçu", "Famille", "Mode de règlement", "Montant", "Cumul"),
    widths=_widths(23, 22, 46, 45, 21),
    size=_TABLE_SIZE,
    format_total=money,
    closing_label="Total des règlements",
    right_columns=(4, 5),
    wrap_columns=(2, 3),
)

CANCELLATIONS = CarriedTableSpec(
    header=("Date", "Famille", "Réservation annulée", "Avoir", "Cumul"),
    widths=_widths(23, 40, 75, 21),
    size=_TABLE_SIZE,
    format_total=money,
    closing_label="Total des avoirs accordés",
    right_columns=(3, 4),
    wrap_columns=(1, 2),
)


def cash_journal_a4(journal: CashJournal) -> bytes:
    """The session's journal, ready to print, sign and file."""
    regie = journal.regie
    styles = text_styles(_SIZE)
    story = [*a4_heading(regie, TITLE, _session_lines(journal), styles), _opening(journal, styles)]
    story += _payments(journal, styles)
    story += _cancellations(journal, styles)
    story += _mode_totals(journal, styles)
    story += _cash_count(journal, styles)
    story.append(KeepTogether([*_grand_totals(journal, styles), *_signatures(journal, styles)]))
    return a4_pdf(story, title=f"{TITLE} · session n° {journal.session_number}", author=regie.regie_name,
                  footer=f"{regie.town} · {regie.regie_name} · {TITLE}, session n° {journal.session_number}")


def _session_lines(journal: CashJournal) -> list[str]:
    lines = [f"Session n° {journal.session_number} · {journal.desk_label}",
             f"Ouverte le {instant_text(journal.opened_at)} par {journal.opened_by}"]
    if journal.closed_at is not None:
        lines.append(f"Clôturée le {instant_text(journal.closed_at)} par {journal.closed_by or '—'}")
    else:
        lines.append(f"Session en cours, non clôturée · état au {instant_text(journal.printed_at)}")
    return lines


def _opening(journal: CashJournal, styles: TextStyles) -> Flowable:
    facts = [("Fond de caisse à l'ouverture", money(journal.opening_float_cents)),
             ("Règlements", str(len(journal.payments))),
             ("Annulations", str(len(journal.cancellations))),
             ("Imprimé le", instant_text(journal.printed_at))]
    return facts_table(facts, [52 * mm, A4_CONTENT_WIDTH - 52 * mm], styles)


def _payments(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    heading = table_heading(f"Règlements ({len(journal.payments)})", styles)
    if not journal.payments:
        return [*heading, para("Aucun règlement pendant cette session.", styles.body)]
    return [*heading, carried_table(PAYMENTS, (_payment_row(payment) for payment in journal.payments))]


def _payment_row(payment: JournalPayment) -> tuple[list[str], int]:
    cells = [short_instant_text(payment.paid_at), payment.receipt_code,
             f"{payment.family_name} ({payment.dossier_number})", _modes_text(payment.tenders),
             money(payment.amount_cents)]
    return cells, payment.amount_cents


def _modes_text(tenders: tuple[Tendered, ...]) -> str:
    """One line per mode; a cheque's number; each amount when the payment was split."""
    if not tenders:
        return "Sans encaissement (avoir)"
    lines = []
    for tender in tenders:
        text = tender.label + (f" n° {tender.cheque_number}" if tender.cheque_number else "")
        if len(tenders) > 1:
            text += f" : {money(tender.amount_cents)}"
        lines.append(text)
    return "\n".join(lines)


def _cancellations(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    heading = table_heading(f"Annulations et avoirs ({len(journal.cancellations)})", styles)
    if not journal.cancellations:
        return [*heading, para("Aucune annulation pendant cette session.", styles.body)]
    return [*heading, carried_table(CANCELLATIONS, (_cancellation_row(c) for c in journal.cancellations))]


def _cancellation_row(cancellation: JournalCancellation) -> tuple[list[str], int]:
    cells = [short_instant_text(cancellation.at),
             f"{cancellation.family_name} ({cancellation.dossier_number})", cancellation.description,
             money(cancellation.credit_cents)]
    return cells, cancellation.credit_cents


def _mode_totals(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    rows = [[total.label, str(total.count), money(total.amount_cents)] for total in journal.totals_by_mode]
    count = sum(total.count for total in journal.totals_by_mode)
    table = grid_table(("Mode de règlement", "Nombre", "Montant"), rows, _widths(80, 25, 30)[:3], _SIZE,
                       right_columns=(1, 2), total=("Total", str(count), money(journal.total_received_cents)))
    table.hAlign = "LEFT"
    return [KeepTogether([para("Totaux par mode de règlement", styles.heading), table])]


def _cash_count(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    counted = journal.counted_cash_cents
    rows = [
        AmountRow("Fond de caisse à l'ouverture", money(journal.opening_float_cents)),
        AmountRow("Espèces encaissées (monnaie rendue déduite)", money(journal.cash_received_cents)),
        AmountRow("Espèces attendues en caisse", money(journal.expected_cash_cents), strong=True),
        AmountRow("Espèces comptées", money(counted) if counted is not None else "non comptées"),
        AmountRow("Écart de caisse", _difference_text(journal.difference_cents), strong=True),
        AmountRow("Chèques encaissés", money(journal.cheques_received_cents)),
        AmountRow("Chèques remis",
                  money(journal.counted_cheques_cents) if journal.counted_cheques_cents is not None else "non comptés"),
    ]
    return [KeepTogether([para("Caisse : attendu et compté", styles.heading),
                          amounts_table(rows, _FULL_WIDTH_AMOUNTS, styles)])]


def _difference_text(difference_cents: int | None) -> str:
    if difference_cents is None:
        return "à la clôture"
    if difference_cents == 0:
        return "aucun écart"
    return signed_money(difference_cents)


def _grand_totals(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    rows = [AmountRow("Total encaissé pendant la session", money(journal.total_received_cents), strong=True),
            AmountRow("Total des avoirs accordés pendant la session", money(journal.total_credits_cents))]
    if journal.last_journal_sequence is not None:
        where = f"du journal des règlements (écriture n° {journal.last_journal_sequence})"
        rows += [AmountRow(f"Cumul perpétuel des entrées {where}", money(journal.grand_total_in_cents or 0)),
                 AmountRow(f"Cumul perpétuel des sorties {where}", money(journal.grand_total_out_cents or 0))]
    flowables: list[Flowable] = [para("Totaux", styles.heading), amounts_table(rows, _FULL_WIDTH_AMOUNTS, styles)]
    if journal.closing_comment:
        flowables += [gap(4), para(f"Observation à la clôture : {journal.closing_comment}", styles.body)]
    return flowables


def _signatures(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    agents = ", ".join(journal.agents) or journal.opened_by
    boxes = [_signature_box("L'agent", agents, styles), _signature_box("Le régisseur", journal.closed_by or "", styles)]
    space = 8 * mm
    box = (A4_CONTENT_WIDTH - space) / 2
    table = layout_table([[boxes[0], "", boxes[1]]], [box, space, box], [
        ("BOX", (0, 0), (0, 0), 0.8, INK), ("BOX", (2, 0), (2, 0), 0.8, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5),
    ], row_heights=[40 * mm])
    return [para("Signatures", styles.heading), table]


def _signature_box(role: str, names: str, styles: TextStyles) -> list[Flowable]:
    return [para(role, styles.strong), para(names, styles.body), gap(3),
            para("Date :", styles.label), gap(3), para("Signature :", styles.label)]

