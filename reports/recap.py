"""The *récapitulatif* of a basket before payment (A4), as the portal shows it.

The portal's recap table (Date | Élément | Tarification | Coût), the family's
balance and the total to pay: for a family that wants it on paper before
paying. It is not a receipt, and says so.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports.data import Recap
from reports.style import (
    A4_CONTENT_WIDTH,
    AmountRow,
    a4_heading,
    a4_pdf,
    amounts_table,
    day_text,
    gap,
    grid_table,
    instant_text,
    money,
    para,
    signed_money,
    text_styles,
)

TITLE = "Récapitulatif des modifications en cours"
_SIZE = 9.5


def recap_a4(recap: Recap) -> bytes:
    """The recap of the family's basket, on A4."""
    regie = recap.regie
    styles = text_styles(_SIZE)
    family = recap.family
    details = [f"Établi le {instant_text(recap.printed_at)}"]
    addressee = (family.name, f"Dossier {family.dossier_number}", *family.addressee_lines)
    story: list[Flowable] = [*a4_heading(regie, TITLE, details, styles, addressee=addressee), _table(recap)]
    story += [gap(_SIZE * 1.2), _totals(recap)]
    story += [gap(_SIZE * 2), *_notes(recap)]
    return a4_pdf(story, title=f"{TITLE} · {family.name}", author=regie.regie_name,
                  footer=f"{regie.town} · {regie.regie_name} · Récapitulatif, dossier {family.dossier_number}")


def _table(recap: Recap) -> Flowable:
    styles = text_styles(_SIZE)
    if not recap.rows:
        return para("Aucune modification en cours.", styles.body)
    rows = [[day_text(row.day), para(row.element, styles.body), para(row.pricing, styles.body),
             money(row.cost_cents) if row.cost_cents >= 0 else signed_money(row.cost_cents)] for row in recap.rows]
    widths = [24 * mm, 0.0, 28 * mm, 26 * mm]
    widths[1] = A4_CONTENT_WIDTH - sum(widths)
    return grid_table(("Date", "Élément", "Tarification", "Coût"), rows, widths, _SIZE, right_columns=(3,))


def _totals(recap: Recap) -> Flowable:
    styles = text_styles(_SIZE)
    rows = [AmountRow("Total des éléments", signed_money(recap.elements_cents) if recap.elements_cents < 0
                      else money(recap.elements_cents))]
    if recap.balance_cents < 0:
        rows.append(AmountRow("Avoir de la famille", signed_money(recap.balance_cents)))
    elif recap.balance_cents > 0:
        rows.append(AmountRow("Restant dû de la famille", signed_money(recap.balance_cents)))
    rows.append(AmountRow("À payer", money(recap.to_pay_cents), strong=True))
    table = amounts_table(rows, [95 * mm, 35 * mm], styles)
    table.hAlign = "RIGHT"
    return table


def _notes(recap: Recap) -> list[Flowable]:
    styles = text_styles(_SIZE)
    notes = ["Ce récapitulatif n'est pas un reçu : les réservations ne sont confirmées qu'après paiement."]
    if recap.hold_expires_at is not None:
        notes.append(f"Les places sont retenues jusqu'au {instant_text(recap.hold_expires_at)} ; "
                     "sans paiement d'ici là, elles sont libérées.")
    if recap.elements_cents + recap.balance_cents < 0:
        notes.append(f"Il n'y a rien à payer : {money(-recap.elements_cents - recap.balance_cents)} "
                     "restent en avoir au compte de la famille.")
    elif recap.balance_cents < 0:
        notes.append("L'avoir de la famille est déduit du montant à payer.")
    elif recap.balance_cents > 0:
        notes.append("Le restant dû de la famille est ajouté au montant à payer.")
    return [para(note, styles.muted) for note in notes]
