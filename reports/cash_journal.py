"""The *journal de caisse* of a cash-desk session (A4, as many pages as it takes).

Opening float, every payment in order with its receipt number and modes, the
cancellations and the credits they gave (each list with its running total
carried from page to page), totals per mode, cash expected against cash
counted and the difference, the session's totals and the payment journal's
perpetual grand totals, the journal's chain head (the anchor the régisseur
files on paper, outside the database: it later proves the journal was not
cut short), and signature boxes for the agent and the régisseur.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from reports.data import CashJournal, JournalCancellation, JournalPayment, Tendered
from reports.style import (
    A4_CONTENT_WIDTH,
    INK,
    AmountRow,
    CarriedTableSpec,
    Signatory,
    TextStyles,
    a4_heading,
    a4_pdf,
    a4_widths,
    amounts_table,
    carried_table,
    facts_table,
    gap,
    grid_table,
    instant_text,
    layout_table,
    money,
    para,
    rich,
    short_instant_text,
    signature_boxes,
    signed_money,
    table_heading,
    text_styles,
    unbroken,
)

TITLE = "Journal de caisse"
_SIZE = 9.0
_TABLE_SIZE = 8.0


_FULL_WIDTH_AMOUNTS = a4_widths(147)

PAYMENTS = CarriedTableSpec(
    header=("Date", "Reçu", "Famille", "Mode de règlement", "Montant", "Cumul"),
    widths=a4_widths(23, 22, 46, 45, 21),
    size=_TABLE_SIZE,
    format_total=money,
    closing_label="Total des règlements",
    right_columns=(4, 5),
    wrap_columns=(2, 3),
)

CANCELLATIONS = CarriedTableSpec(
    header=("Date", "Famille", "Réservation annulée", "Avoir", "Cumul"),
    widths=a4_widths(23, 40, 75, 21),
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
    story.append(KeepTogether([*_grand_totals(journal, styles), *_anchor(journal, styles),
                               *_signatures(journal, styles)]))
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
    table = grid_table(("Mode de règlement", "Nombre", "Montant"), rows, a4_widths(80, 25, 30)[:3], _SIZE,
                       right_columns=(1, 2), total=("Total", str(count), money(journal.total_received_cents)))
    table.hAlign = "LEFT"
    return [KeepTogether([para("Totaux par mode de règlement", styles.heading), table])]


def _cash_count(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    counted = journal.counted_cash_cents
    rows = [
        AmountRow("Fond de caisse à l'ouverture", money(journal.opening_float_cents)),
        AmountRow("Espèces encaissées (monnaie rendue déduite)", money(journal.cash_received_cents)),
        AmountRow("Avoirs remboursés en espèces", signed_money(-journal.cash_refunded_cents)
                  if journal.cash_refunded_cents else money(0)),
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


KEEP_THIS_PAGE = ("Conservez cette page imprimée, hors de l'ordinateur : elle prouvera plus tard que le journal des "
                  "règlements n'a pas été tronqué. Pour le vérifier, recopiez la ligne ci-dessus dans Caisse → "
                  "Vérifier le journal, ou sur un poste de la régie :")
PROVISIONAL = ("Provisoire : la session est en cours et le journal continue. Seule l'empreinte du journal imprimé à "
               "la clôture sert de preuve ; ne conservez pas celle-ci à sa place.")


def grouped_hash(digest: str, group: int = 8) -> str:
    """``3f2a9c0d 81e5b7a4 …``: the whole hash, in groups a person reads and compares."""
    return " ".join(digest[start:start + group] for start in range(0, len(digest), group))


def _anchor(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    """The chain head in a box: the closing's own entry, or the journal's current one while the session is open."""
    anchor = journal.anchor
    if anchor is None or journal.journal_head_hash is None:
        return []
    provisional = journal.anchor_is_provisional
    title = "Empreinte du journal" + (" (provisoire)" if provisional else "")
    lines: list[Flowable] = [
        para(f"{title} : écriture n° {journal.last_journal_sequence}",
             ParagraphStyle("anchor_title", styles.heading, spaceBefore=0, spaceAfter=2)),
        para(grouped_hash(journal.journal_head_hash), styles.strong),
        gap(4),
        rich(f"{'Tête du journal à cette heure' if provisional else 'Ligne à recopier'} : "
             f"<b><font size={styles.size * 1.3:g}>{escape(anchor)}</font></b>", styles.body),
        gap(4),
    ]
    if provisional:
        lines.append(para(PROVISIONAL, styles.small))
    else:
        lines += [para(KEEP_THIS_PAGE, styles.small), para(unbroken(f"desk-admin verify-journal --anchor {anchor}"),
                                                           styles.small)]
    padding = [(side, (0, 0), (-1, -1), 7) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
    box = layout_table([[lines]], [A4_CONTENT_WIDTH], [("BOX", (0, 0), (-1, -1), 0.6 if provisional else 1.4, INK),
                                                        *padding])
    return [gap(styles.size * 1.3), box]


def _signatures(journal: CashJournal, styles: TextStyles) -> list[Flowable]:
    agents = ", ".join(journal.agents) or journal.opened_by
    return [para("Signatures", styles.heading),
            signature_boxes(Signatory("L'agent", agents), Signatory("Le régisseur", journal.closed_by or ""), styles,
                            height_mm=40)]

