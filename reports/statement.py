"""The *relevé de compte* of a family over a period (A4).

The balance at the start of the period, every movement in order (bookings
charged, payments received, credits granted) with the running balance carried
from page to page, the totals and the balance at the end.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports.data import Statement, StatementMovement
from reports.style import (
    A4_CONTENT_WIDTH,
    AmountRow,
    CarriedTableSpec,
    a4_heading,
    a4_pdf,
    amounts_table,
    balance_label,
    carried_table,
    day_text,
    gap,
    instant_text,
    money,
    para,
    text_styles,
)

TITLE = "Relevé de compte"
_SIZE = 9.0
_TABLE_SIZE = 8.0


def balance_cell(balance_cents: int) -> str:
    """A running balance, unambiguous in one column: ``4,00 € dû``, ``6,00 € avoir``, ``0,00 €``."""
    if balance_cents > 0:
        return f"{money(balance_cents)} dû"
    if balance_cents < 0:
        return f"{money(-balance_cents)} avoir"
    return money(0)


def _spec(statement: Statement) -> CarriedTableSpec:
    widths = [22 * mm, 0.0, 22 * mm, 22 * mm, 28 * mm]
    widths[1] = A4_CONTENT_WIDTH - sum(widths)
    return CarriedTableSpec(
        header=("Date", "Opération", "Débit", "Crédit", "Solde"),
        widths=tuple(widths),
        size=_TABLE_SIZE,
        format_total=balance_cell,
        opening_label=f"Solde au {day_text(statement.first_day)}, début de la période",
        closing_label=f"Solde au {day_text(statement.last_day)}",
        brought_forward_label="Solde reporté de la page précédente",
        carried_forward_label="Solde à reporter",
        right_columns=(2, 3, 4),
        wrap_columns=(1,),
    )


def statement_a4(statement: Statement) -> bytes:
    """The family's account over the period, on A4."""
    regie = statement.regie
    family = statement.family
    styles = text_styles(_SIZE)
    details = [f"Période du {day_text(statement.first_day)} au {day_text(statement.last_day)}",
               f"Établi le {instant_text(statement.printed_at)}"]
    addressee = (family.name, f"Dossier {family.dossier_number}", *family.addressee_lines)
    story: list[Flowable] = [*a4_heading(regie, TITLE, details, styles, addressee=addressee), _summary(statement),
                             gap(_SIZE * 1.5)]
    rows = ((_cells(movement), movement.change_cents) for movement in statement.movements)
    story.append(carried_table(_spec(statement), rows, start=statement.opening_balance_cents))
    if not statement.movements:
        story.append(para("Aucune opération sur la période.", styles.muted))
    story += [gap(_SIZE * 0.6), para("Débit : somme due par la famille. Crédit : règlement reçu ou avoir accordé. "
                                     "Un avoir est déduit du prochain règlement.", styles.muted)]
    return a4_pdf(story, title=f"{TITLE} · {family.name}", author=regie.regie_name,
                  footer=f"{regie.town} · {regie.regie_name} · {TITLE}, dossier {family.dossier_number}")


def _cells(movement: StatementMovement) -> list[str]:
    return [day_text(movement.day), movement.label,
            money(movement.debit_cents) if movement.debit_cents else "",
            money(movement.credit_cents) if movement.credit_cents else ""]


def _summary(statement: Statement) -> Flowable:
    styles = text_styles(_SIZE)
    closing = statement.closing_balance_cents
    rows = [AmountRow(f"Solde au {day_text(statement.first_day)}", balance_cell(statement.opening_balance_cents)),
            AmountRow("Total des débits", money(statement.total_debit_cents)),
            AmountRow("Total des crédits", money(statement.total_credit_cents)),
            AmountRow(f"{balance_label(closing)} au {day_text(statement.last_day)}", money(abs(closing)), strong=True)]
    return amounts_table(rows, [95 * mm, 35 * mm], styles)
