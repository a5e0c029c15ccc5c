"""What each counter action costs the database, counted: statements and transactions, from the key to the screen.

At 20 ms of round trip every statement is felt, so these counts are what must
not regress (the seconds are measured by ``tests/benchmarks/test_latency.py``).
The ceilings are today's figures: the payment meets issue 16's target (12 statements, the ticket, the
account and the grid included). The click is 7 here, on SQLite, where the place and the booking are two
writes; on PostgreSQL they are one statement (a data-modifying ``WITH``), and the click's six statements
reach the server in two exchanges (``tests/services/test_round_trips_postgres.py`` counts both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from sqlalchemy import event

from tests.ui.conftest import cell_index, settle
from tests.ui.test_payment import payment_dialog

DEC_2, DEC_9 = date(2026, 12, 2), date(2026, 12, 9)


@dataclass
class Statements:
    """Every statement the desk sends, by kind; ``take`` hands over what one action sent and starts again."""

    sent: list[str] = field(default_factory=list)

    def __call__(self, _connection, _cursor, statement: str, *_args) -> None:
        self.sent.append(" ".join(statement.split()[:4]).upper())

    def take(self) -> tuple[int, int]:
        """(statements, transactions) since the last call; BEGIN counts as a transaction, not a statement."""
        sent, self.sent = self.sent, []
        begins = sum(1 for kind in sent if kind.startswith("BEGIN"))
        return len(sent) - begins, begins

    def take_first(self) -> tuple[int, int]:
        """The first transaction since the last call: (its statements, 1); what followed is dropped."""
        sent, self.sent = self.sent, []
        begins = [index for index, kind in enumerate(sent) if kind.startswith("BEGIN")] + [len(sent)]
        return begins[1] - begins[0] - 1, 1


def test_the_counter_journey_costs_a_bounded_number_of_statements(qtbot, window):
    context = window.testing[0]
    window.data_changes.stop()  # SQLite cannot tell this desk's echo from another desk's: keep it out of the count
    window.overview_timer.stop()  # nor the home figures, which a change heard before may have scheduled
    qtbot.waitUntil(lambda: not window.runner.waiting)
    panel = window.family.planning
    family_id = window.family.file.id
    counted = Statements()
    event.listen(context.database.engine, "before_cursor_execute", counted)
    try:
        window.show_family(family_id)  # the file and the month's grid; then its payments and activity lines
        settle(qtbot, panel)
        qtbot.waitUntil(lambda: not window.database_runner.waiting)
        open_file = counted.take_first()
        panel.go_to(DEC_2)
        settle(qtbot, panel)
        counted.take()
        panel.modify_button.setChecked(True)
        panel.model.setData(cell_index(panel.model, "Mercredi journée", DEC_2), Qt.CheckState.Checked,
                            Qt.ItemDataRole.CheckStateRole)
        settle(qtbot, panel)
        first_click = counted.take()
        panel.model.setData(cell_index(panel.model, "Mercredi matin", DEC_9), Qt.CheckState.Checked,
                            Qt.ItemDataRole.CheckStateRole)
        settle(qtbot, panel)
        click = max(first_click, counted.take())  # the second renews the first one's hold
        panel.finish_button.click()
        settle(qtbot, panel)
        recap = counted.take()
        panel.checkout.findChild(QPushButton, "payButton").click()
        settle(qtbot, panel)  # the amount and e-mail are read off the GUI thread
        dialog = payment_dialog(window)
        settle(qtbot, panel)  # the recap closing reads the grid again
        counted.take()
        dialog.findChild(QLineEdit, "cashTenderedEdit").setText("20")
        dialog.findChild(QPushButton, "confirmPaymentButton").click()
        qtbot.waitUntil(lambda: getattr(window.family, "receipt_dialog", None) is not None
                        and window.family.receipt_dialog.isVisible())
        settle(qtbot, panel)
        payment = counted.take()
    finally:
        event.remove(context.database.engine, "before_cursor_execute", counted)
    print(f"\nstatements, transactions: open {open_file}, click {click}, recap {recap}, payment {payment}")
    assert click[1] == 1, "a planning click is one transaction"
    assert click[0] <= 7
    assert open_file[0] <= 5, "the file and its month, what is on screen, come in one transaction of five statements"
    assert recap[0] <= 3 and recap[1] == 1
    assert payment[0] <= 12 and payment[1] == 1, "the payment, its ticket, the account and the grid are one transaction"
