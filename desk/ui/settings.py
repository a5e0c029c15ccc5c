"""The one place that reads and writes the desk's QSettings."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QByteArray, QSettings

from desk.gateway.payfip import SIMULATOR_URL, PayfipEndpoint
from desk.services.booking_rules import DEFAULT_HOLD_MINUTES
from desk.services.tenders import DEFAULT_CASH_CEILING_CENTS

ORGANISATION = "GuichetUnique"
APPLICATION = "desk"
# How often a desk asks the gateway about the online payments still open: a bank confirmation that arrives
# after the bookings expired becomes a credit within this delay, even if no one looks at that family.
ONLINE_RECONCILIATION_MS = 3 * 60_000


class DeskSettings:
    """Typed access to the per-user settings of the desk (window state, preferences)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANISATION, APPLICATION)

    @property
    def main_window_geometry(self) -> QByteArray | None:
        value = self._settings.value("mainWindow/geometry")
        return value if isinstance(value, QByteArray) else None

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("mainWindow/geometry", value)

    @property
    def last_login(self) -> str:
        return str(self._settings.value("login/last", "") or "")

    @last_login.setter
    def last_login(self, value: str) -> None:
        self._settings.setValue("login/last", value)

    @property
    def receipt_format(self) -> str:
        """``ticket`` (80 mm thermal strip) or ``a4``."""
        value = str(self._settings.value("receipt/format", "ticket") or "ticket")
        return value if value in ("ticket", "a4") else "ticket"

    @receipt_format.setter
    def receipt_format(self, value: str) -> None:
        self._settings.setValue("receipt/format", value)

    @property
    def database_url(self) -> str | None:
        """This desk's database when neither --database-url nor DESK_DATABASE_URL says otherwise."""
        return str(self._settings.value("database/url", "") or "") or None

    @database_url.setter
    def database_url(self, value: str | None) -> None:
        self._settings.setValue("database/url", value or "")

    @property
    def printer_name(self) -> str:
        """The printer tickets go to first (the print dialog still lets the agent choose)."""
        return str(self._settings.value("receipt/printer", "") or "")

    @printer_name.setter
    def printer_name(self, value: str) -> None:
        self._settings.setValue("receipt/printer", value)

    @property
    def hold_minutes(self) -> int:
        """How long a pending booking holds its place."""
        return _bounded(self._settings.value("booking/holdMinutes", DEFAULT_HOLD_MINUTES), 5, 60, DEFAULT_HOLD_MINUTES)

    @hold_minutes.setter
    def hold_minutes(self, value: int) -> None:
        self._settings.setValue("booking/holdMinutes", int(value))

    @property
    def cash_ceiling_cents(self) -> int:
        """The most a single payment may take in cash (300 € by the public-revenue rules)."""
        return _bounded(self._settings.value("payment/cashCeilingCents", DEFAULT_CASH_CEILING_CENTS), 0, 10_000_000,
                        DEFAULT_CASH_CEILING_CENTS)

    @cash_ceiling_cents.setter
    def cash_ceiling_cents(self, value: int) -> None:
        self._settings.setValue("payment/cashCeilingCents", int(value))

    @property
    def payfip_endpoint(self) -> PayfipEndpoint:
        """Where this desk reaches PayFiP: ``DESK_PAYFIP_URL`` / ``DESK_PAYFIP_SAISIE`` first, then the settings,
        else the PayFiP simulator on this machine in test mode. A value that is not an address falls back to it."""
        url = os.environ.get("DESK_PAYFIP_URL") or str(self._settings.value("payfip/url", "") or "") or SIMULATOR_URL
        saisie = os.environ.get("DESK_PAYFIP_SAISIE") or str(self._settings.value("payfip/saisie", "T") or "T")
        try:
            return PayfipEndpoint(url, saisie)
        except ValueError as error:  # never a silent switch to the simulator: the log says why
            logging.getLogger(__name__).warning("PayFiP setting ignored, the local simulator is used: %s", error)
            return PayfipEndpoint()

    @payfip_endpoint.setter
    def payfip_endpoint(self, value: PayfipEndpoint) -> None:
        self._settings.setValue("payfip/url", value.url)
        self._settings.setValue("payfip/saisie", value.saisie)

    @property
    def ticket_printer(self) -> str:
        """This desk's ESC/POS ticket printer (``tcp://…``, ``usb://…``, ``serial://…``, ``file://…``), or
        ``DESK_TICKET_PRINTER``; empty: none, tickets go through the system's print dialog as PDF."""
        return os.environ.get("DESK_TICKET_PRINTER") or str(self._settings.value("devices/ticketPrinter", "") or "")

    @ticket_printer.setter
    def ticket_printer(self, value: str) -> None:
        self._settings.setValue("devices/ticketPrinter", value.strip())

    @property
    def print_ticket_on_payment(self) -> bool:
        """The ticket printed on the thermal printer as soon as a payment is recorded, without a key (on by
        default: the ticket is the family's quittance); off, the agent prints it from the ticket's window."""
        return bool(self._settings.value("devices/printOnPayment", True, type=bool))

    @print_ticket_on_payment.setter
    def print_ticket_on_payment(self, value: bool) -> None:
        self._settings.setValue("devices/printOnPayment", bool(value))

    @property
    def ticket_columns(self) -> int:
        """Characters per line of the ticket printer: 48 (80 mm, font A) or 42."""
        value = _bounded(self._settings.value("devices/ticketColumns", 48), 42, 48, 48)
        return value if value in (42, 48) else 48

    @ticket_columns.setter
    def ticket_columns(self, value: int) -> None:
        self._settings.setValue("devices/ticketColumns", int(value))

    @property
    def card_terminal(self) -> str:
        """This desk's card terminal on Caisse-AP IP (``hôte:port``), or ``DESK_CARD_TERMINAL``; empty: the agent
        types what the terminal printed."""
        return os.environ.get("DESK_CARD_TERMINAL") or str(self._settings.value("devices/cardTerminal", "") or "")

    @card_terminal.setter
    def card_terminal(self, value: str) -> None:
        self._settings.setValue("devices/cardTerminal", value.strip())

    def sync(self) -> None:
        self._settings.sync()


def _bounded(value, low: int, high: int, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default
