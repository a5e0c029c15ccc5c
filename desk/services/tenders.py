"""What the family hands over, and whether it settles the amount to pay.

Pure functions over integer cents, used live by the payment window and again
by the checkout, which never trusts the window's arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desk.db.enums import PaymentMode
from desk.money import format_cents

DEFAULT_CASH_CEILING_CENTS = 30_000  # public-revenue cash ceiling: 300 € per payment

VOUCHER_MODES = (PaymentMode.HOLIDAY_VOUCHER, PaymentMode.CESU)
MODE_LABELS = {
    PaymentMode.CASH: "Espèces",
    PaymentMode.CHEQUE: "Chèque",
    PaymentMode.CARD: "Carte bancaire (TPE)",
    PaymentMode.HOLIDAY_VOUCHER: "Chèques vacances",
    PaymentMode.CESU: "CESU",
    PaymentMode.PAYFIP: "Paiement en ligne (PayFiP)",
}


@dataclass(frozen=True)
class Tender:
    """One mode of payment as entered at the counter.

    ``amount_cents`` is what the mode pays; for cash, ``tendered_cents`` is
    what the family hands over (the amount is worked out by ``settle``), and
    for vouchers the face value times the count.
    """

    mode: PaymentMode
    amount_cents: int = 0
    tendered_cents: int | None = None
    cheque_number: str | None = None
    cheque_bank: str | None = None
    cheque_drawer: str | None = None
    authorisation_number: str | None = None
    card_last4: str | None = None
    voucher_count: int | None = None
    voucher_value_cents: int | None = None
    refdet: str | None = None
    idop: str | None = None

    @classmethod
    def cash(cls, tendered_cents: int) -> Tender:
        return cls(PaymentMode.CASH, tendered_cents=tendered_cents)

    @classmethod
    def cheque(cls, amount_cents: int, number: str, bank: str, drawer: str) -> Tender:
        return cls(PaymentMode.CHEQUE, amount_cents, cheque_number=number, cheque_bank=bank, cheque_drawer=drawer)

    @classmethod
    def card(cls, amount_cents: int, authorisation_number: str, last4: str) -> Tender:
        return cls(PaymentMode.CARD, amount_cents, authorisation_number=authorisation_number, card_last4=last4)

    @classmethod
    def vouchers(cls, mode: PaymentMode, count: int, value_cents: int) -> Tender:
        return cls(mode, count * value_cents, voucher_count=count, voucher_value_cents=value_cents)


@dataclass(frozen=True)
class SettledLine:
    """A tender as it will be recorded: the amount it pays and, for cash, the change."""

    tender: Tender
    amount_cents: int
    change_cents: int = 0


@dataclass(frozen=True)
class Settlement:
    to_pay_cents: int
    lines: tuple[SettledLine, ...] = ()
    change_cents: int = 0
    voucher_excess_cents: int = 0
    remaining_cents: int = 0
    errors: tuple[str, ...] = field(default=())

    @property
    def received_cents(self) -> int:
        """Money kept by the régie: what the lines pay (the change went back)."""
        return sum(line.amount_cents for line in self.lines)

    @property
    def is_complete(self) -> bool:
        return not self.errors and self.remaining_cents == 0


def settle(to_pay_cents: int, tenders: list[Tender], *, cash_ceiling_cents: int = DEFAULT_CASH_CEILING_CENTS,
           accept_voucher_excess: bool = False) -> Settlement:
    """Apply the tenders to the amount to pay: vouchers, cheques and cards first, cash last.

    Vouchers give no change: an excess becomes a credit only when the agent
    accepts it. Cheques and cards are for exact amounts. Cash gives change and
    pays at most the cash ceiling.
    """
    errors: list[str] = []
    lines: list[SettledLine] = []
    remaining = to_pay_cents
    excess = 0
    for tender in sorted(tenders, key=lambda t: t.mode is PaymentMode.CASH):
        errors += _check(tender)
        if tender.mode is PaymentMode.CASH:
            tendered = tender.tendered_cents or 0
            applied = min(tendered, remaining)
            if applied > cash_ceiling_cents:
                errors.append(f"Les espèces sont limitées à {format_cents(cash_ceiling_cents)} par règlement.")
            if applied > 0:
                lines.append(SettledLine(tender, applied, tendered - applied))
                remaining -= applied
            elif tendered > 0:
                errors.append("Le montant est déjà réglé : ne prenez pas d'espèces en plus.")
            continue
        if tender.amount_cents <= 0:
            continue
        if tender.mode in VOUCHER_MODES and tender.amount_cents > remaining:
            excess += tender.amount_cents - remaining
            if not accept_voucher_excess:
                errors.append(
                    f"Les {MODE_LABELS[tender.mode].lower()} dépassent le montant de {format_cents(tender.amount_cents - remaining)} "
                    "et ne rendent pas de monnaie : confirmez que l'excédent devient un avoir."
                )
            lines.append(SettledLine(tender, tender.amount_cents))
            remaining = 0
            continue
        if tender.amount_cents > remaining:
            errors.append(f"{MODE_LABELS[tender.mode]} : {format_cents(tender.amount_cents)} dépasse le reste à payer "
                          f"({format_cents(remaining)}).")
            continue
        lines.append(SettledLine(tender, tender.amount_cents))
        remaining -= tender.amount_cents
    return Settlement(
        to_pay_cents=to_pay_cents,
        lines=tuple(lines),
        change_cents=sum(line.change_cents for line in lines),
        voucher_excess_cents=excess,
        remaining_cents=remaining,
        errors=tuple(errors),
    )


def _check(tender: Tender) -> list[str]:
    if tender.mode is PaymentMode.CHEQUE and not (tender.cheque_number or "").strip():
        return ["Chèque : indiquez le numéro du chèque."]
    if tender.mode is PaymentMode.CARD:
        problems = []
        if not re.fullmatch(r"\d{4}", tender.card_last4 or ""):
            problems.append("Carte : indiquez les 4 derniers chiffres de la carte, et eux seuls.")
        if not re.fullmatch(r"[A-Za-z0-9]{4,12}", tender.authorisation_number or ""):
            problems.append("Carte : indiquez le numéro d'autorisation du terminal.")
        return problems
    if tender.mode in VOUCHER_MODES and (not tender.voucher_count or not tender.voucher_value_cents
                                         or tender.voucher_count < 0 or tender.voucher_value_cents < 0):
        return [f"{MODE_LABELS[tender.mode]} : indiquez le nombre et la valeur des titres."]
    if tender.mode is PaymentMode.CASH and (tender.tendered_cents is None or tender.tendered_cents < 0):
        return ["Espèces : indiquez la somme remise."]
    return []
