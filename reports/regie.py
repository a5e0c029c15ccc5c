"""The régie's documents towards the comptable public (A4, and a CSV for the ordonnateur).

- the *bordereau de remise de chèques*: the cheques handed to the bank in one
  go, with the running total carried from page to page;
- the *bordereau de versement*: a period's takings by mode paid over to the
  comptable public, checked against the journal (or its preview, not recorded);
- the *état justificatif des recettes* of a month, per activity and per payment
  mode, as PDF and as CSV, for the ordonnateur's *titre de recette*;
- the card and online takings per day, to match against the bank statement.

Every document names the régie's act and officers (arrêté constitutif,
régisseur titulaire, mandataires).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from reports.data import (
    ActivityTakings,
    ChequeRemittance,
    DayTakings,
    HeldCheque,
    ModeTotal,
    MonthJustification,
    RegieAct,
    RegieIdentity,
    Versement,
)
from reports.style import (
    A4_CONTENT_WIDTH,
    CARRY,
    FONT_BOLD,
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
    day_text,
    facts_table,
    gap,
    grid_commands,
    grid_table,
    instant_text,
    layout_table,
    money,
    para,
    rich,
    signature_boxes,
    signed_money,
    table_heading,
    text_styles,
    text_width,
    total_row_commands,
    unbroken,
    wrapped_lines,
)

REMITTANCE_TITLE = "Bordereau de remise de chèques"
VERSEMENT_TITLE = "Bordereau de versement au comptable public"
VERSEMENT_PREVIEW_TITLE = "Projet de versement — non enregistré"
JUSTIFICATION_TITLE = "État justificatif des recettes"
DAY_TAKINGS_TITLE = "Recettes par carte et en ligne"
NO_TAKINGS = "Aucune recette par carte ou en ligne sur la période."

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_SIZE = 9.0
_TABLE_SIZE = 8.0
# The town's clock, for the days and hours printed (the data's instants are UTC).
_TOWN_TIME = ZoneInfo("Europe/Paris")


_FACT_WIDTHS = a4_widths(42)
_AMOUNT_WIDTHS = a4_widths(138)
# Label, count, amount: the summary tables by mode or by activity.
_COUNTED_WIDTHS = a4_widths(118, 24)
_CHEQUE_WIDTHS = a4_widths(8, 22, 15, 42, 33, 18, 19)
_TAKINGS_WIDTHS = a4_widths(26, 16, 108)
_CELL_PADDING = 6  # a data table's left and right padding (``grid_commands``)


def month_text(month: date) -> str:
    """``novembre 2026``."""
    return f"{MONTHS[month.month - 1]} {month.year}"


def weekday_text(day: date) -> str:
    """``mardi 03/11/2026``."""
    return f"{WEEKDAYS[day.weekday()]} {day_text(day)}"


def _month_end(month: date) -> date:
    first = month.replace(day=1)
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _town_time(instant: datetime) -> datetime:
    return instant.astimezone(_TOWN_TIME)


def numbered(number: str | None) -> str:
    """``n° R2026-0004`` that a title never breaks apart."""
    return unbroken(f"n° {number}")


def plural(count: int, word: str) -> str:
    """``1 chèque``, ``3 chèques``, ``0 chèque``."""
    return f"{count} {word}{'s' if count > 1 else ''}"


# -- what every régie document shows ------------------------------------------


def act_facts(act: RegieAct) -> list[tuple[str, str]]:
    """The act and the officers, as labelled facts."""
    reference = act.act_reference or "non renseigné"
    if act.act_date is not None:
        reference += f" du {day_text(act.act_date)}"
    mandataires = "Mandataires" if len(act.mandataires) > 1 else "Mandataire"
    return [("Acte constitutif", reference), ("Régisseur titulaire", act.titulaire or "non désigné"),
            (mandataires, ", ".join(act.mandataires) or "aucun")]


def _top(regie: RegieIdentity, act: RegieAct, title: str, details: Sequence[str], facts: Sequence[tuple[str, str]],
         styles: TextStyles) -> list[Flowable]:
    """Heading, title, details, then the act and the document's own facts.

    The act is printed in full under the title, so the banner does not repeat the identity's short act line.
    """
    banner_regie = dataclasses.replace(regie, act="")
    return [*a4_heading(banner_regie, title, details, styles),
            facts_table([*act_facts(act), *facts], _FACT_WIDTHS, styles)]


def _footer(regie: RegieIdentity, what: str) -> str:
    return f"{regie.town} · {regie.regie_name} · {what}"


def _verification(journal_hash: str, code: str, styles: TextStyles) -> list[Flowable]:
    if not journal_hash:
        return []
    return [gap(styles.size * 0.6),
            rich(f"Code de vérification : <b>{escape(code)}</b> (début de l'empreinte de l'écriture au journal "
                 "des règlements)", styles.body)]


def _journal_rows(total_cents: int, journal_cents: int, what: str, before: str) -> list[AmountRow]:
    """The journal's total and a plain line saying whether ``what`` agrees with it (to explain ``before`` what)."""
    rows = [AmountRow("Total des règlements au journal sur la période", money(journal_cents))]
    difference = total_cents - journal_cents
    if difference == 0:
        rows.append(AmountRow(f"Concordance entre {what} et le journal", "oui, aucun écart", strong=True))
    else:
        rows.append(AmountRow(f"ÉCART entre {what} et le journal", signed_money(difference), strong=True,
                              note=f"Le total ne concorde pas avec le journal des règlements : à expliquer {before}."))
    return rows


def _refund_row(refunds_cents: int) -> list[AmountRow]:
    if not refunds_cents:
        return []
    return [AmountRow("Avoirs remboursés en espèces sur la période", money(refunds_cents),
                      note="Remboursements payés sur la caisse : à régulariser par un mandat de l'ordonnateur.")]


def _signatures(left: Signatory, right: Signatory, styles: TextStyles) -> list[Flowable]:
    return [gap(styles.size * 1.5), signature_boxes(left, right, styles)]


def _counted_table(header: Sequence[str], lines: Sequence[ModeTotal | ActivityTakings], total_label: str) -> Table:
    """Label, count, amount per line, and a bold total; long labels wrap."""
    rows = [[wrapped_cell(line.label, _COUNTED_WIDTHS[0], _SIZE), str(line.count), money(line.amount_cents)]
            for line in lines]
    total = (total_label, str(sum(line.count for line in lines)), money(sum(line.amount_cents for line in lines)))
    return grid_table(header, rows, _COUNTED_WIDTHS, _SIZE, right_columns=(1, 2), total=total)


# -- bordereau de remise de chèques ----------------------------------------------


def breakable(text: str, width: float, size: float) -> str:
    """The text with each word wider than ``width`` cut in pieces that fit (after a hyphen where there is one).

    A table cell wraps at spaces only: a long hyphenated surname would spill over the next column.
    """
    words = []
    for word in text.split(" "):
        while text_width(word, size) > width:
            fitting = next(end for end in range(len(word) - 1, 0, -1) if text_width(word[:end], size) <= width)
            hyphen = word.rfind("-", 0, fitting) + 1
            cut = hyphen if hyphen > 0 else fitting
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    return " ".join(words)


def wrapped_cell(text: str, width: float, size: float) -> str:
    """A plain table cell's text broken into lines that fit its column (``width`` with the cell's padding)."""
    room = width - _CELL_PADDING
    return "\n".join(wrapped_lines(breakable(text, room, size), room, size))


def _cheques_spec(remittance: ChequeRemittance) -> CarriedTableSpec:
    return CarriedTableSpec(
        header=("N°", "Ticket", "Reçu le", "Tireur", "Banque", "N° chèque", "Montant", "Cumul"),
        widths=_CHEQUE_WIDTHS,
        size=_TABLE_SIZE,
        format_total=money,
        closing_label=f"Total de la remise : {plural(remittance.count, 'chèque')}",
        right_columns=(0, 6, 7),
        wrap_columns=(3, 4),
    )


def _cheque_cells(index: int, cheque: HeldCheque) -> tuple[list[str], int]:
    cells = [str(index), cheque.receipt_code, day_text(_town_time(cheque.received_at).date(), short=True),
             wrapped_cell(cheque.drawer, _CHEQUE_WIDTHS[3], _TABLE_SIZE),
             wrapped_cell(cheque.bank, _CHEQUE_WIDTHS[4], _TABLE_SIZE), cheque.number, money(cheque.amount_cents)]
    return cells, cheque.amount_cents


def remittance_slip_a4(remittance: ChequeRemittance) -> bytes:
    """The slip handed to the bank with the cheques, and kept by the régie."""
    regie = remittance.regie
    styles = text_styles(_SIZE)
    title = f"{REMITTANCE_TITLE} {numbered(remittance.number)}"
    details = [f"Remise faite le {instant_text(remittance.made_at)} par {remittance.made_by}"]
    facts = [("Chèques remis", plural(remittance.count, "chèque")),
             ("Montant total", money(remittance.total_cents))]
    story = _top(regie, remittance.act, title, details, facts, styles)
    story += table_heading(f"Chèques remis ({remittance.count})", styles)
    if remittance.cheques:
        story.append(carried_table(_cheques_spec(remittance),
                                   (_cheque_cells(index, cheque)
                                    for index, cheque in enumerate(remittance.cheques, start=1))))
    else:
        story.append(para("Aucun chèque sur ce bordereau.", styles.body))
    rows = [AmountRow("Nombre de chèques remis", str(remittance.count)),
            AmountRow("Montant total de la remise", money(remittance.total_cents), strong=True)]
    story.append(KeepTogether([
        gap(styles.size), amounts_table(rows, _AMOUNT_WIDTHS, styles),
        *_verification(remittance.journal_hash, remittance.verification_code, styles),
        *_signatures(Signatory("Le régisseur", remittance.made_by),
                     Signatory("Cachet de la banque", "", ("Reçu le :", "Cachet et signature :")), styles),
    ]))
    return a4_pdf(story, title=title, author=regie.regie_name,
                  footer=_footer(regie, f"Remise de chèques n° {remittance.number}"))


# -- bordereau de versement -------------------------------------------------------


def versement_title(versement: Versement) -> str:
    return f"{VERSEMENT_TITLE} {numbered(versement.number)}" if versement.recorded else VERSEMENT_PREVIEW_TITLE


def versement_a4(versement: Versement) -> bytes:
    """The period's takings paid over to the comptable public, equal to the journal; a preview until recorded."""
    regie = versement.regie
    styles = text_styles(_SIZE)
    title = versement_title(versement)
    period = f"du {day_text(versement.first_day)} au {day_text(versement.last_day)}"
    details = [f"Recettes {period}", f"Établi le {instant_text(versement.made_at)} par {versement.made_by}"]
    facts = [("Reçus délivrés", versement.receipts.text()),
             ("Remises de chèques", ", ".join(versement.remittances) or "aucune")]
    story = _top(regie, versement.act, title, details, facts, styles)
    if not versement.recorded:
        story += [gap(styles.size * 0.8), _boxed(para(
            "Projet : ce versement n'est pas enregistré et ne porte pas de numéro. Il ne vaut pas bordereau de "
            "versement ; enregistrez le versement pour imprimer le bordereau à remettre au comptable.",
            styles.strong))]
    story += [*table_heading("Recettes versées par mode de règlement", styles),
              _counted_table(("Mode de règlement", "Nombre", "Montant"), versement.modes, "Total du versement")]
    rows = [AmountRow("Total du versement", money(versement.total_cents), strong=True),
            *_journal_rows(versement.total_cents, versement.journal_total_cents, "le versement",
                           "avant le versement"),
            *_refund_row(versement.cash_refunded_cents)]
    # A preview is for checking: it is not signed nor handed over.
    signatures = _signatures(Signatory("Le régisseur", versement.made_by),
                             Signatory("Le comptable public", "", ("Reçu le :", "Signature et cachet :")), styles)
    story.append(KeepTogether([
        para("Contrôle", styles.heading), amounts_table(rows, _AMOUNT_WIDTHS, styles),
        *_verification(versement.journal_hash, versement.verification_code, styles),
        *(signatures if versement.recorded else []),
    ]))
    what = f"Versement n° {versement.number}" if versement.recorded else "Projet de versement, non enregistré"
    return a4_pdf(story, title=title, author=regie.regie_name, footer=_footer(regie, f"{what}, {period}"))


def _boxed(flowable: Flowable) -> Table:
    padding = [(side, (0, 0), (-1, -1), 6) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
    return layout_table([[flowable]], [A4_CONTENT_WIDTH], [("BOX", (0, 0), (-1, -1), 1.2, INK), *padding])


# -- état justificatif des recettes du mois ----------------------------------------


def justification_title(justification: MonthJustification) -> str:
    return f"{JUSTIFICATION_TITLE} — {month_text(justification.month)}"


def _mode_gap(activity_cents: int, mode_cents: int) -> list[AmountRow]:
    if activity_cents == mode_cents:
        return []
    return [AmountRow("ÉCART entre le total par activité et le total par mode", signed_money(activity_cents - mode_cents),
                      strong=True)]


def _mode_total_cents(justification: MonthJustification) -> int:
    return sum(mode.amount_cents for mode in justification.by_mode)


def month_justification_a4(justification: MonthJustification) -> bytes:
    """The month's takings per activity and per mode, for the ordonnateur to issue the titre de recette."""
    regie = justification.regie
    styles = text_styles(_SIZE)
    title = justification_title(justification)
    first, last = justification.month.replace(day=1), _month_end(justification.month)
    details = [f"Recettes encaissées du {day_text(first)} au {day_text(last)}",
               f"Établi le {instant_text(justification.printed_at)}, pour l'émission du titre de recette par "
               "l'ordonnateur"]
    facts = [("Reçus délivrés", justification.receipts.text()),
             ("Versements", ", ".join(justification.versements) or "aucun versement ne couvre encore ce mois")]
    story = _top(regie, justification.act, title, details, facts, styles)
    story += [*table_heading("Par activité", styles),
              _counted_table(("Activité", "Nombre", "Montant"), justification.by_activity, "Total par activité")]
    story += [*table_heading("Par mode de règlement", styles),
              _counted_table(("Mode de règlement", "Nombre", "Montant"), justification.by_mode,
                             "Total par mode de règlement")]
    mode_total = _mode_total_cents(justification)
    rows = [AmountRow("Total par activité", money(justification.total_cents), strong=True),
            AmountRow("Total par mode de règlement", money(mode_total)),
            *_mode_gap(justification.total_cents, mode_total),
            *_journal_rows(justification.total_cents, justification.journal_total_cents, "cet état",
                           "avant l'émission du titre de recette"),
            *_refund_row(justification.refunds_cents)]
    story.append(KeepTogether([
        para("Contrôle", styles.heading), amounts_table(rows, _AMOUNT_WIDTHS, styles),
        *_signatures(Signatory("Certifié exact, le régisseur", justification.act.titulaire),
                     Signatory("L'ordonnateur", "", ("Titre de recette n° :", "Date :", "Signature :")), styles),
    ]))
    return a4_pdf(story, title=title, author=regie.regie_name,
                  footer=_footer(regie, f"État des recettes de {month_text(justification.month)}"))


def csv_amount(cents: int) -> str:
    """``123450`` → ``1234,50``: comma decimals, no thousands separator, as a spreadsheet reads it."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


def inert(label: str) -> str:
    """A label a spreadsheet shows as text: one starting like a formula (``=``, ``+``, ``-``, ``@``) gets a
    leading apostrophe, so an activity named ``=HYPERLINK(…)`` is never run when the file is opened."""
    return f"'{label}" if label[:1] in ("=", "+", "-", "@", "\t", "\r") else label


def month_justification_csv(justification: MonthJustification) -> bytes:
    """The same état as a spreadsheet: UTF-8 with BOM, ``;`` between fields, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    regie, act, receipts = justification.regie, justification.act, justification.receipts
    first, last = justification.month.replace(day=1), _month_end(justification.month)
    writer.writerows([
        [JUSTIFICATION_TITLE, month_text(justification.month)],
        ["Régie", f"{regie.town} · {regie.regie_name}"],
        *([label, value] for label, value in act_facts(act)),
        ["Période", day_text(first), day_text(last)],
        ["Premier ticket", receipts.first or ""],
        ["Dernier ticket", receipts.last or ""],
        ["Nombre de tickets", receipts.count],
        ["Total du journal", csv_amount(justification.journal_total_cents)],
        ["Avoirs remboursés en espèces", csv_amount(justification.refunds_cents)],
        ["Versements", ", ".join(justification.versements)],
        ["Établi le", instant_text(justification.printed_at)],
    ])
    for section, header, lines in (("Par activité", "Activité", justification.by_activity),
                                   ("Par mode de règlement", "Mode de règlement", justification.by_mode)):
        writer.writerows([[], [section], [header, "Nombre", "Montant"]])
        writer.writerows([inert(line.label), line.count, csv_amount(line.amount_cents)] for line in lines)
        writer.writerow(["Total", sum(line.count for line in lines),
                         csv_amount(sum(line.amount_cents for line in lines))])
    return buffer.getvalue().encode("utf-8-sig")


# -- recettes par carte et en ligne --------------------------------------------------


def _day_table(takings: DayTakings) -> list[Flowable]:
    """One day's takings of one mode; the day and mode, and the columns, head the table again on every page."""
    rows = [[taking.receipt_code, f"{_town_time(taking.at):%H:%M}",
             wrapped_cell(taking.reference or "—", _TAKINGS_WIDTHS[2], _TABLE_SIZE), money(taking.amount_cents)]
            for taking in takings.takings]
    data = [[f"{weekday_text(takings.day).capitalize()} · {takings.mode_label}", "", "", ""],
            ["Ticket", "Heure", "Référence", "Montant"], *rows,
            [f"Total du {day_text(takings.day)} : {plural(takings.count, 'règlement')}", "", "",
             money(takings.total_cents)]]
    size, leading = _TABLE_SIZE, _TABLE_SIZE * 1.25
    commands = [*grid_commands(size, right_columns=(3,)),
                ("SPAN", (0, 0), (-1, 0)), ("FONT", (0, 0), (-1, 0), FONT_BOLD, _SIZE, _SIZE * 1.25),
                ("TOPPADDING", (0, 0), (-1, 0), 3.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 3.5),
                ("FONT", (0, 1), (-1, 1), FONT_BOLD, size, leading), ("BACKGROUND", (0, 1), (-1, 1), CARRY),
                ("LINEBELOW", (0, 1), (-1, 1), 0.8, INK),
                *total_row_commands(size, len(data) - 1), ("SPAN", (0, -1), (2, -1))]
    table = Table(data, colWidths=list(_TAKINGS_WIDTHS), repeatRows=2)
    table.setStyle(TableStyle(commands))
    return [CondPageBreak(40 * mm), gap(_SIZE * 1.2), table]


def _mode_totals(days: Sequence[DayTakings]) -> list[tuple[str, int, int, int]]:
    """Per mode, in the order they come: label, days, takings, cents."""
    totals: dict[str, tuple[int, int, int]] = {}
    for day in days:
        day_count, count, cents = totals.get(day.mode_label, (0, 0, 0))
        totals[day.mode_label] = (day_count + 1, count + day.count, cents + day.total_cents)
    return [(label, *figures) for label, figures in totals.items()]


def day_takings_a4(days: Sequence[DayTakings], regie: RegieIdentity, act: RegieAct, first: date, last: date,
                   printed_at: datetime) -> bytes:
    """The card-terminal and PayFiP takings of each day, with their references, for the bank statement."""
    styles = text_styles(_SIZE)
    title = f"{DAY_TAKINGS_TITLE} {unbroken(f'du {day_text(first)} au {day_text(last)}')}"
    count = sum(day.count for day in days)
    details = [f"Établi le {instant_text(printed_at)}, à rapprocher des relevés bancaires "
               "(télécollectes du terminal de paiement et virements PayFiP)"]
    facts = [("Règlements", f"{plural(count, 'règlement')} · {money(sum(day.total_cents for day in days))}")]
    story = _top(regie, act, title, details, facts, styles)
    if not days:
        story += [gap(styles.size), para(NO_TAKINGS, styles.strong)]
    for day in days:
        story += _day_table(day)
    if days:
        totals = _mode_totals(days)
        rows = [[label, str(day_count), str(taking_count), money(cents)]
                for label, day_count, taking_count, cents in totals]
        total = ("Total", str(sum(row[1] for row in totals)), str(count), money(sum(row[3] for row in totals)))
        table = grid_table(("Mode de règlement", "Jours", "Règlements", "Montant"), rows, a4_widths(94, 24, 30),
                           _SIZE, right_columns=(1, 2, 3), total=total)
        story.append(KeepTogether([para("Totaux par mode de règlement", styles.heading), table]))
    return a4_pdf(story, title=title, author=regie.regie_name,
                  footer=_footer(regie, f"Carte et en ligne du {day_text(first)} au {day_text(last)}"))
