"""What the family hands over, and whether it settles the amount to pay.

Pure functions over integer cents, used live by the payment window and again
by the checkout, which never trusts the window's arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from desk.db.enums import PaymentMode
from desk.db.models import PaymentLine
from desk.errors import ValidationError
from desk.money import format_cents
from desk.services.validation import ascii_digits, checked_text, column_length

DEFAULT_CASH_CEILING_CENTS = 30_000  # public-revenue cash ceiling: 300 € per payment
MAX_CHANGE_CENTS = 10_000  # more change than this means a slip of the keys, not a note handed over
LARGE_CHANGE_CENTS = 5_000  # this much change or more: the agent confirms the sum handed over before cashing in
MAX_PAYMENT_CENTS = 10_000_000  # 100 000 €, PayFiP's own maximum: far below any integer column's limit
MAX_VOUCHERS = 200
MIN_VOUCHER_VALUE_CENTS = 100
MAX_VOUCHER_VALUE_CENTS = 10_000

VOUCHER_MODES = (PaymentMode.HOLIDAY_VOUCHER, PaymentMode.CESU)
MODE_LABELS = {
    PaymentMode.CASH: "Espèces",
    PaymentMode.CHEQUE: "Chèque",
    PaymentMode.CARD: "Carte bancaire (TPE)",
    PaymentMode.HOLIDAY_VOUCHER: "Chèques vacances",
    PaymentMode.CESU: "CESU",
    PaymentMode.PAYFIP: "Paiement en ligne (PayFiP)",
}
MODE_ORDER = (PaymentMode.CASH, PaymentMode.CHEQUE, PaymentMode.CARD, PaymentMode.PAYFIP,
              PaymentMode.HOLIDAY_VOUCHER, PaymentMode.CESU)


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

    @property
    def large_change(self) -> bool:
        """So much change that the sum typed may be a slip (``100`` for ``10,0``): to confirm before cashing in."""
        return self.change_cents >= LARGE_CHANGE_CENTS


def settle(to_pay_cents: int, tenders: list[Tender], *, cash_ceiling_cents: int = DEFAULT_CASH_CEILING_CENTS,
           accept_voucher_excess: bool = False) -> Settlement:
    """Apply the tenders to the amount to pay: vouchers, cheques and cards first, cash last.

    Vouchers give no change: an excess becomes a credit only when the agent
    accepts it. Cheques and cards are for exact amounts. Cash gives change, at
    most ``MAX_CHANGE_CENTS``, and pays at most the cash ceiling per payment,
    however many cash lines there are; a desk may set a lower ceiling, never
    a higher one than the public-revenue rule.
    """
    ceiling = min(cash_ceiling_cents, DEFAULT_CASH_CEILING_CENTS)
    errors: list[str] = []
    lines: list[SettledLine] = []
    remaining = to_pay_cents
    excess = 0
    cash_paid = 0
    for tender in sorted(tenders, key=lambda t: t.mode is PaymentMode.CASH):
        cleaned, problems = checked_tender(tender)
        errors += problems
        if problems:
            continue
        tender = cleaned
        if tender.mode is PaymentMode.CASH:
            tendered = tender.tendered_cents or 0
            applied = min(tendered, remaining)
            if applied > 0:
                lines.append(SettledLine(tender, applied, tendered - applied))
                remaining -= applied
                cash_paid += applied
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
    change = sum(line.change_cents for line in lines)
    if cash_paid > ceiling:
        errors.append(f"Les espèces sont limitées à {format_cents(ceiling)} par règlement "
                      f"({format_cents(cash_paid)} en espèces ici) : réglez le reste par un autre moyen.")
    if change > MAX_CHANGE_CENTS:
        errors.append(f"La monnaie à rendre ({format_cents(change)}) dépasserait {format_cents(MAX_CHANGE_CENTS)} : "
                      "vérifiez la somme remise.")
    return Settlement(
        to_pay_cents=to_pay_cents,
        lines=tuple(lines),
        change_cents=change,
        voucher_excess_cents=excess,
        remaining_cents=remaining,
        errors=tuple(errors),
    )


def checked_tender(tender: Tender) -> tuple[Tender, list[str]]:
    """The tender with its texts cleaned, and what is wrong with it, each message naming the mode and the field.

    Only the fields of its own mode are kept: a card carries no cheque bank, cash
    no authorisation number, whatever the caller filled in.
    """
    if tender.mode not in _OWN_FIELDS:
        return tender, [f"{MODE_LABELS[tender.mode]} : ce moyen de paiement ne s'encaisse pas au guichet."]
    tender = Tender(tender.mode, 0 if tender.mode is PaymentMode.CASH else tender.amount_cents,
                    **{name: getattr(tender, name) for name in _OWN_FIELDS[tender.mode]})
    problems = _amount_problems(tender)
    label = MODE_LABELS[tender.mode]
    texts = {}
    for name, field_label in _TEXT_FIELDS.get(tender.mode, ()):
        try:
            texts[name] = checked_text(getattr(tender, name), field=name, label=field_label,
                                       max_length=column_length(getattr(PaymentLine, name)))
        except ValidationError as error:
            problems.append(f"{label} : {error.message[0].lower()}{error.message[1:]}")
    cleaned = replace(tender, **texts)
    problems += _mode_problems(cleaned)
    return cleaned, problems


def _amount_problems(tender: Tender) -> list[str]:
    label = MODE_LABELS[tender.mode]
    if tender.mode is PaymentMode.CASH:
        if tender.tendered_cents is None or tender.tendered_cents < 0:
            return ["Espèces : indiquez la somme remise."]
        if tender.tendered_cents > DEFAULT_CASH_CEILING_CENTS + MAX_CHANGE_CENTS:
            return [f"Espèces : la somme remise ({format_cents(tender.tendered_cents)}) dépasse ce qu'une caisse "
                    f"peut recevoir ({format_cents(DEFAULT_CASH_CEILING_CENTS)} au plus, plus la monnaie)."]
        return []
    if tender.mode in VOUCHER_MODES:
        return _voucher_problems(tender)
    if not 0 <= tender.amount_cents <= MAX_PAYMENT_CENTS:
        return [f"{label} : le montant doit être compris entre 0,01 € et {format_cents(MAX_PAYMENT_CENTS)}."]
    return []


def _voucher_problems(tender: Tender) -> list[str]:
    label = MODE_LABELS[tender.mode]
    count, value = tender.voucher_count, tender.voucher_value_cents
    if not count or not value or count < 0 or value < 0:
        return [f"{label} : indiquez le nombre et la valeur des titres."]
    if count > MAX_VOUCHERS:
        return [f"{label} : {MAX_VOUCHERS} titres au plus par règlement."]
    if not MIN_VOUCHER_VALUE_CENTS <= value <= MAX_VOUCHER_VALUE_CENTS:
        return [f"{label} : la valeur d'un titre doit être comprise entre {format_cents(MIN_VOUCHER_VALUE_CENTS)} "
                f"et {format_cents(MAX_VOUCHER_VALUE_CENTS)}."]
    if tender.amount_cents != count * value:
        return [f"{label} : {count} × {format_cents(value)} font {format_cents(count * value)}, "
                f"pas {format_cents(tender.amount_cents)}."]
    return []


def _mode_problems(tender: Tender) -> list[str]:
    if tender.mode is PaymentMode.CHEQUE and not ascii_digits(tender.cheque_number or ""):
        return ["Chèque : indiquez le numéro du chèque (chiffres seulement)."]
    if tender.mode is PaymentMode.CARD:
        problems = []
        if not re.fullmatch(r"[0-9]{4}", tender.card_last4 or ""):
            problems.append("Carte : indiquez les 4 derniers chiffres de la carte, et eux seuls.")
        if not re.fullmatch(r"[A-Za-z0-9]{4,12}", tender.authorisation_number or ""):
            problems.append("Carte : indiquez le numéro d'autorisation du terminal (4 à 12 lettres ou chiffres).")
        return problems
    return []


# The fields each mode taken at the counter records (PayFiP's come from the gateway, never from a form).
_OWN_FIELDS = {
    PaymentMode.CASH: ("tendered_cents",),
    PaymentMode.CHEQUE: ("cheque_number", "cheque_bank", "cheque_drawer"),
    PaymentMode.CARD: ("authorisation_number", "card_last4"),
    PaymentMode.HOLIDAY_VOUCHER: ("voucher_count", "voucher_value_cents"),
    PaymentMode.CESU: ("voucher_count", "voucher_value_cents"),
}
_TEXT_FIELDS = {
    PaymentMode.CHEQUE: (("cheque_number", "Le numéro du chèque"), ("cheque_bank", "La banque"),
                         ("cheque_drawer", "Le tireur")),
}


# -- what the régie's act authorises ------------------------------------------------


def refusal_text(mode: PaymentMode) -> str:
    return (f"L'acte constitutif de la régie n'autorise pas ce mode de règlement ({MODE_LABELS[mode]}) : "
            "choisissez-en un autre.")


def mode_refusals(stored: str | None) -> dict[PaymentMode, str]:
    """Each mode the act (``regie_settings.authorised_modes``) does not authorise, with why; none without a régie."""
    if stored is None:
        return {}
    authorised = parse_modes(stored)
    return {mode: refusal_text(mode) for mode in MODE_ORDER if mode not in authorised}


def parse_modes(stored: str) -> tuple[PaymentMode, ...]:
    """The modes of ``regie_settings.authorised_modes``, in the usual order; unknown words are ignored."""
    words = {word.strip() for word in stored.split(",")}
    return tuple(mode for mode in MODE_ORDER if mode.value in words)
