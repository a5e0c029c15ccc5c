"""The closed vocabularies of the domain, stored by value."""

import enum


class Role(enum.StrEnum):
    AGENT = "agent"
    CASHIER = "regisseur"
    ADMIN = "admin"


class PaymentRule(enum.StrEnum):
    """When an activity type is paid: at booking (the portal's rule) or on invoice."""

    AT_BOOKING = "at_booking"
    INVOICED = "invoiced"


class UnitKind(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    FULL_DAY = "full_day"
    OTHER = "other"


class BasketState(enum.StrEnum):
    OPEN = "open"
    PAYMENT_IN_PROGRESS = "payment_in_progress"  # online payment running: no toggles
    PAID = "paid"
    CLEARED = "cleared"


class BookingState(enum.StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


LIVE_BOOKING_STATES = (BookingState.PENDING, BookingState.CONFIRMED)


class PaymentChannel(enum.StrEnum):
    COUNTER = "counter"
    ONLINE = "online"


class PaymentMode(enum.StrEnum):
    CASH = "cash"
    CHEQUE = "cheque"
    CARD = "card"
    HOLIDAY_VOUCHER = "ancv"  # chèques vacances
    CESU = "cesu"
    PAYFIP = "payfip"


class LedgerKind(enum.StrEnum):
    """Family account movements; positive amounts are owed by the family."""

    DEBT = "debt"
    PAYMENT = "payment"
    CREDIT = "credit"
    CREDIT_USE = "credit_use"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"


class JournalKind(enum.StrEnum):
    PAYMENT = "payment"
    CANCELLATION = "cancellation"
    CREDIT = "credit"
    REFUND = "refund"
    CORRECTION = "correction"
    CLOSING = "closing"
    REMITTANCE = "remittance"  # cheques handed to the bank
    VERSEMENT = "versement"  # a period's takings paid over to the comptable public


class CashSessionKind(enum.StrEnum):
    COUNTER = "counter"
    ONLINE = "online"


class OnlinePaymentState(enum.StrEnum):
    CREATED = "created"
    PAID = "paid"
    REFUSED = "refused"
    ABANDONED = "abandoned"
    EXPIRED = "expired"
    LATE_PAID = "late_paid"  # bank confirmed after the bookings expired: kept as credit
    DISPUTED = "disputed"  # the gateway's answer does not match the operation: nothing recorded, for the régisseur


class RefundMeans(enum.StrEnum):
    """How a credit is paid back; cash comes out of the open cash session's till."""

    CASH = "cash"
    TRANSFER = "transfer"
    CHEQUE = "cheque"


class AuditOutcome(enum.StrEnum):
    OK = "ok"
    REFUSED = "refused"


class OfficerKind(enum.StrEnum):
    """Who answers for the régie, as the acte constitutif names them."""

    TITULAIRE = "titulaire"
    MANDATAIRE = "mandataire"
