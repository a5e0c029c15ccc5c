"""The counter's thermal printer and cash drawer, from the windows: every job on a runner of its own.

A printer that is off must never hold the family file's database work, so
the jobs go through ``DeviceRunner``, one at a time, off the GUI thread; a
failure is said where the agent looks and loses nothing (the payment is
recorded, the ticket can be printed again).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desk.errors import DeskError
from desk.ui.settings import DeskSettings
from desk.ui.tasks import BackgroundRunner
from reports import data

if TYPE_CHECKING:
    from desk.devices.caisse_ap import CardResult


class CounterDevices(QObject):
    """This desk's ESC/POS printer and the cash drawer on its port, as ``settings`` name them."""

    def __init__(self, settings: DeskSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = BackgroundRunner(self, threads=1)  # the jobs in order, never beside the database's
        self.terminal_runner = BackgroundRunner(self, threads=1)  # a card payment waits minutes for the PIN

    @property
    def has_ticket_printer(self) -> bool:
        return bool(self.settings.ticket_printer)

    def print_ticket(self, receipt: data.Receipt, done: Callable[[], None], failed: Callable[[str], None]) -> None:
        url, columns = self.settings.ticket_printer, self.settings.ticket_columns

        def job() -> None:
            from desk.devices.printer import print_receipt

            print_receipt(url, receipt, columns)

        self.runner.run(job, lambda _none: done(), lambda error: failed(_reason(error)))

    def open_drawer(self, failed: Callable[[str], None]) -> None:
        """The drawer opens: for a cash payment and for the closing count, never for a card or a cheque."""
        if not self.has_ticket_printer:
            return
        url = self.settings.ticket_printer

        def job() -> None:
            from desk.devices.printer import open_cash_drawer

            open_cash_drawer(url)

        self.runner.run(job, lambda _none: None, lambda error: failed(_reason(error)))

    def print_test_page(self, url: str, columns: int, done: Callable[[], None], failed: Callable[[str], None]) -> None:
        def job() -> None:
            from desk.devices.printer import print_test_page

            print_test_page(url, columns)

        self.runner.run(job, lambda _none: done(), lambda error: failed(_reason(error)))


    @property
    def has_card_terminal(self) -> bool:
        return bool(self.settings.card_terminal)

    def request_card_payment(self, amount_cents: int, cancel: threading.Event, done: Callable[[CardResult], None],
                             failed: Callable[[DeskError], None]) -> None:
        """The amount sent to the terminal; its answer (authorisation, last four digits) or why there is none."""
        address = self.settings.card_terminal

        def job() -> CardResult:
            from desk.devices.caisse_ap import request_payment, terminal_from_address

            return request_payment(terminal_from_address(address), amount_cents, cancel=cancel)

        def not_paid(error: Exception) -> None:
            if not isinstance(error, DeskError):
                raise error
            failed(error)

        self.terminal_runner.run(job, done, not_paid)


def opens_the_drawer(receipt: data.Receipt) -> bool:
    """Notes and coins were taken (or change given back): card, cheque and vouchers leave the drawer shut."""
    return any(tender.cash for tender in receipt.tenders)


def _reason(error: Exception) -> str:
    if isinstance(error, DeskError):
        return f"{error.message} {error.hint}".strip()
    if isinstance(error, OSError | ValueError):
        return str(error)
    raise error
