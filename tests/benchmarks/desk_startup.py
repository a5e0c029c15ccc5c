"""One start of the real application, driven as an agent would, for the start-up benchmark.

    python -m tests.benchmarks.desk_startup --database-url URL --login L --password P

Starts desk exactly as ``desk`` does (same ``start()``: open and check the
database, login dialog), signs in at once, and prints ``usable`` when the main
window shows its home figures. Then it works the counter for a moment (finds a
family, opens its file and month planning, looks at a few more) and prints the
resident memory, in MB, as ``rss <now> <peak>``. The parent process times the
lines; the agent's typing is the only thing left out.
"""

from __future__ import annotations

import argparse
import resource
import sys

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from desk.app import configure, start
from desk.ui.dialogs import RecordingDialogService
from desk.ui.search_panel import FamilyRole

SEARCHES = ("MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "PETIT", "DURAND", "LEROY")


def resident_mb() -> tuple[float, float]:
    with open("/proc/self/status", encoding="ascii") as status:
        fields = dict(line.split(":", 1) for line in status)
    now = int(fields["VmRSS"].split()[0]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return now, peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    app = QApplication([sys.argv[0]])
    configure(app)
    dialogs = RecordingDialogService()
    desk = start(["--database-url", args.database_url], dialogs)
    if isinstance(desk, int):
        print(f"failed {dialogs.shown}", flush=True)
        return desk

    def work_the_counter(window) -> None:
        print("usable", flush=True)
        search = window.search
        families = []
        for name in SEARCHES:
            search.search_edit.setText(name)
            finished = QEventLoop()
            search.search_finished.connect(finished.quit)
            search.search_now()
            finished.exec()
            search.search_finished.disconnect(finished.quit)
            families.extend(search.model.index(row).data(FamilyRole.FAMILY_ID)
                            for row in range(min(2, search.model.rowCount())))
        for family_id in families:
            opened = QEventLoop()
            window.family_shown.connect(opened.quit)
            window.show_family(family_id)
            opened.exec()  # read off the GUI thread
            window.family_shown.disconnect(opened.quit)
            window.family.tabs.setCurrentWidget(window.family.planning)
            app.processEvents()
        print("rss {:.1f} {:.1f}".format(*resident_mb()), flush=True)
        window.close()  # as the agent signs off: background work and the change watcher stop
        QTimer.singleShot(0, app.quit)

    def signed_in(window) -> None:
        window.overview_loaded.connect(lambda _overview: work_the_counter(window), Qt.ConnectionType.SingleShotConnection)

    desk.main_window_shown.connect(signed_in)
    desk.login.findChild(QLineEdit, "loginUserEdit").setText(args.login)
    desk.login.findChild(QLineEdit, "loginPasswordEdit").setText(args.password)
    QTimer.singleShot(0, desk.login.try_login)
    app.exec()
    desk.context.database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
