"""The plain data each document is made of.

No database and no Qt: the services assemble these frozen dataclasses and the
document modules turn them into PDF bytes. Amounts are integer cents; instants
are timezone-aware (the documents show them in Europe/Paris); calendar days
are plain dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate

VERIFICATION_CODE_LENGTH = 12
# The part of a chain head a régisseur copies from the journal de caisse (verification.Anchor reads 16 or more).
ANCHOR_HASH_LENGTH = 16


@dataclass(frozen=True)
class RegieIdentity:
    """Who issues the document: the town's régie, as printed in every header."""

    town: str
    regie_name: str
    address: str
    act: str = ""  # "Régie instituée par arrêté n° … du … · Régisseur titulaire : …", when the act is known


@dataclass(frozen=True)
class FamilyIdentity:
    """The family a document is about; ``addressee_lines`` are for a mailed statement."""

    name: str
    dossier_number: str
    addressee_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class BookedLine:
    """One booking on a ticket: a child, a unit of an activity, a day, a price."""

    day: date
    child: str
    activity: str
    unit: str
    price_cents: int


@dataclass(frozen=True)
class Tendered:
    """One mode of a payment and the details the régie must be able to check.

    Card data is limited to the last four digits and the authorisation number.
    """

    label: str
    amount_cents: int
    tendered_cents: int | None = None
    change_cents: int | None = None
    cheque_number: str | None = None
    cheque_bank: str | None = None
    authorisation_number: str | None = None
    card_last4: str | None = None
    voucher_count: int | None = None
    voucher_value_cents: int | None = None
    refdet: str | None = None
    cash: bool = False  # notes and coins: the cash drawer opens for it


@dataclass(frozen=True)
class Receipt:
    """A *ticket de règlement*: what was paid, how, and what the account holds after."""

    regie: RegieIdentity
    code: str
    issued_at: datetime
    agent_name: str
    family: FamilyIdentity
    lines: tuple[BookedLine, ...]
    tenders: tuple[Tendered, ...]
    amount_cents: int
    journal_hash: str
    cancelled_lines: tuple[BookedLine, ...] = ()
    credit_used_cents: int = 0
    balance_settled_cents: int = 0
    credit_created_cents: int = 0
    balance_after_cents: int = 0
    online: bool = False
    copy_number: int | None = None
    reprinted_at: datetime | None = None

    @property
    def is_duplicate(self) -> bool:
        """A reprint (*DUPLICATA*): the original is the ticket printed at payment, which has no copy number."""
        return self.copy_number is not None

    @property
    def bookings_cents(self) -> int:
        return sum(line.price_cents for line in self.lines)

    @property
    def cancelled_cents(self) -> int:
        return sum(line.price_cents for line in self.cancelled_lines)

    @property
    def verification_code(self) -> str:
        """The first characters of the payment's journal hash, enough to find and check the entry."""
        return self.journal_hash[:VERIFICATION_CODE_LENGTH]


@dataclass(frozen=True)
class RecapRow:
    """A line of the portal's recap: ``Date | Élément | Tarification | Coût``."""

    day: date
    element: str
    pricing: str
    cost_cents: int


@dataclass(frozen=True)
class Recap:
    """The basket of a family before payment, for a family that wants it on paper."""

    regie: RegieIdentity
    family: FamilyIdentity
    printed_at: datetime
    rows: tuple[RecapRow, ...]
    balance_cents: int
    to_pay_cents: int
    hold_expires_at: datetime | None = None

    @property
    def elements_cents(self) -> int:
        """The sum of the recap's lines: bookings less cancellations."""
        return sum(row.cost_cents for row in self.rows)


@dataclass(frozen=True)
class JournalPayment:
    """A payment of a cash-desk session, as the journal lists it."""

    paid_at: datetime
    receipt_code: str
    family_name: str
    dossier_number: str
    tenders: tuple[Tendered, ...]
    amount_cents: int


@dataclass(frozen=True)
class JournalCancellation:
    """A paid booking cancelled during the session, and the credit it gave."""

    at: datetime
    family_name: str
    dossier_number: str
    description: str
    credit_cents: int


@dataclass(frozen=True)
class ModeTotal:
    label: str
    count: int
    amount_cents: int


@dataclass(frozen=True)
class CashJournal:
    """The *journal de caisse* of one cash-desk session.

    ``counted_*`` and ``difference_cents`` are ``None`` while the session is
    open (nothing counted yet). ``grand_total_*`` are the payment journal's
    perpetual totals at its head: the closing's own entry once the session is
    closed, the journal's current last entry while it is open (provisional).
    """

    regie: RegieIdentity
    session_number: int
    desk_label: str
    opened_at: datetime
    opened_by: str
    printed_at: datetime
    opening_float_cents: int
    payments: tuple[JournalPayment, ...]
    cancellations: tuple[JournalCancellation, ...]
    totals_by_mode: tuple[ModeTotal, ...]
    cash_received_cents: int
    expected_cash_cents: int
    cheques_received_cents: int
    agents: tuple[str, ...] = ()
    cash_refunded_cents: int = 0  # credits paid back in cash out of the till
    closed_at: datetime | None = None
    closed_by: str | None = None
    counted_cash_cents: int | None = None
    counted_cheques_cents: int | None = None
    difference_cents: int | None = None
    closing_comment: str | None = None
    last_journal_sequence: int | None = None
    grand_total_in_cents: int | None = None
    grand_total_out_cents: int | None = None
    journal_head_hash: str | None = None

    @property
    def anchor(self) -> str | None:
        """The chain head as a régisseur copies it for a later verification: ``1234:3f2a9c0d81e5b7a4``."""
        if self.last_journal_sequence is None or not self.journal_head_hash:
            return None
        return f"{self.last_journal_sequence}:{self.journal_head_hash[:ANCHOR_HASH_LENGTH]}"

    @property
    def anchor_is_provisional(self) -> bool:
        """While the session is open, the head moves on with every payment: only the closing's is an anchor."""
        return self.closed_at is None

    @property
    def total_received_cents(self) -> int:
        return sum(payment.amount_cents for payment in self.payments)

    @property
    def total_credits_cents(self) -> int:
        return sum(cancellation.credit_cents for cancellation in self.cancellations)


@dataclass(frozen=True)
class StatementMovement:
    """A movement of the family account: a debit is owed by the family, a credit is in its favour."""

    day: date
    label: str
    debit_cents: int = 0
    credit_cents: int = 0

    @property
    def change_cents(self) -> int:
        """What the movement adds to the balance (positive: more owed by the family)."""
        return self.debit_cents - self.credit_cents


@dataclass(frozen=True)
class Statement:
    """A *relevé de compte*: the family account over a period, from its opening balance.

    Balances are positive when the family owes the régie (*restant dû*) and
    negative when the régie owes the family (*avoir*).
    """

    regie: RegieIdentity
    family: FamilyIdentity
    first_day: date
    last_day: date
    printed_at: datetime
    opening_balance_cents: int
    movements: tuple[StatementMovement, ...]

    @property
    def total_debit_cents(self) -> int:
        return sum(movement.debit_cents for movement in self.movements)

    @property
    def total_credit_cents(self) -> int:
        return sum(movement.credit_cents for movement in self.movements)

    @property
    def closing_balance_cents(self) -> int:
        return self.opening_balance_cents + self.total_debit_cents - self.total_credit_cents

    def running_balances(self) -> list[int]:
        """The balance after each movement, in order."""
        return list(accumulate((m.change_cents for m in self.movements), initial=self.opening_balance_cents))[1:]


# --------------------------------------------------------------------------
# The régie towards the comptable public (issue 18)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RegieAct:
    """The régie's constituting act and officers, printed on every régie document.

    ``act_reference``/``act_date``: the *arrêté constitutif*; ``titulaire``: the
    régisseur titulaire's name; ``mandataires``: the mandataires' names.
    """

    act_reference: str
    act_date: date | None
    titulaire: str
    mandataires: tuple[str, ...] = ()
    max_cash_cents: int = 0
    float_cents: int = 0
    authorised_modes: tuple[str, ...] = ()  # labels, in the order of the act


@dataclass(frozen=True)
class HeldCheque:
    """A cheque received at the counter: on a remittance slip, or still held by the régie."""

    receipt_code: str
    received_at: datetime
    drawer: str
    bank: str
    number: str
    amount_cents: int
    late: bool = False  # held beyond the next working day


@dataclass(frozen=True)
class ChequeRemittance:
    """A *bordereau de remise de chèques*: the cheques handed to the bank in one go."""

    regie: RegieIdentity
    act: RegieAct
    number: str  # "2026-0004"
    made_at: datetime
    made_by: str
    cheques: tuple[HeldCheque, ...]
    journal_hash: str = ""

    @property
    def count(self) -> int:
        return len(self.cheques)

    @property
    def total_cents(self) -> int:
        return sum(cheque.amount_cents for cheque in self.cheques)

    @property
    def verification_code(self) -> str:
        return self.journal_hash[:VERIFICATION_CODE_LENGTH]


@dataclass(frozen=True)
class ElectronicTaking:
    """One card or online payment of a day, with what the bank statement shows of it."""

    receipt_code: str
    at: datetime
    amount_cents: int
    reference: str  # the card's authorisation number, or PayFiP's "refdet / idop"


@dataclass(frozen=True)
class DayTakings:
    """One day's card-terminal or PayFiP takings, to match against the bank statement."""

    day: date
    mode_label: str  # "Carte bancaire" or "Paiement en ligne (PayFiP)"
    takings: tuple[ElectronicTaking, ...]

    @property
    def count(self) -> int:
        return len(self.takings)

    @property
    def total_cents(self) -> int:
        return sum(taking.amount_cents for taking in self.takings)


@dataclass(frozen=True)
class ReceiptRange:
    """The receipts a document covers: first and last number, and how many."""

    first: str | None
    last: str | None
    count: int

    def text(self) -> str:
        if not self.count or self.first is None:
            return "aucun ticket"
        if self.first == self.last:
            return f"ticket {self.first}"
        return f"tickets {self.first} à {self.last} ({self.count})"


@dataclass(frozen=True)
class Versement:
    """A *versement* to the comptable public: a period's takings by mode, equal to the journal.

    ``modes`` has one line per kind of takings (cash, remitted cheques with the
    slips' numbers, card, online, vouchers). ``recorded``: the versement is
    recorded (numbered, in the journal), not a preview.
    """

    regie: RegieIdentity
    act: RegieAct
    number: str | None
    first_day: date
    last_day: date
    made_at: datetime
    made_by: str
    modes: tuple[ModeTotal, ...]
    receipts: ReceiptRange
    journal_total_cents: int
    remittances: tuple[str, ...] = ()
    cash_refunded_cents: int = 0
    journal_hash: str = ""

    @property
    def total_cents(self) -> int:
        return sum(mode.amount_cents for mode in self.modes)

    @property
    def recorded(self) -> bool:
        return self.number is not None

    @property
    def verification_code(self) -> str:
        return self.journal_hash[:VERIFICATION_CODE_LENGTH]


@dataclass(frozen=True)
class ActivityTakings:
    """What one activity (or another destination of the money: a balance settled, a credit) received."""

    label: str
    count: int  # bookings paid, or payments for the other destinations
    amount_cents: int


@dataclass(frozen=True)
class MonthJustification:
    """The *état justificatif des recettes* of a month, for the ordonnateur's *titre de recette*.

    Both breakdowns, per activity and per payment mode, add up to the journal's
    takings of the month (``journal_total_cents``).
    """

    regie: RegieIdentity
    act: RegieAct
    month: date  # its first day
    printed_at: datetime
    by_activity: tuple[ActivityTakings, ...]
    by_mode: tuple[ModeTotal, ...]
    receipts: ReceiptRange
    journal_total_cents: int
    refunds_cents: int = 0  # credits paid back during the month (to regularise by a mandat)
    versements: tuple[str, ...] = ()  # the versements that cover the month, if any

    @property
    def total_cents(self) -> int:
        return sum(line.amount_cents for line in self.by_activity)
