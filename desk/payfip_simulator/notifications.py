"""The calls to ``urlnotif``: once an operation's result is known, PayFiP posts ``idOp=<idop>`` to it.

One background thread sends them, every second and whenever a request
wakes it; an operation is marked notified in the file once its call
succeeded, so a restarted simulator does not call twice. A failed call is
logged and tried again on a later tick, a few times, each wait longer
than the last.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from desk.payfip_simulator.store import MAX_NOTIFICATION_ATTEMPTS, DueNotification, OperationStore

TICK_SECONDS = 1.0
NOTIFICATION_TIMEOUT_SECONDS = 5.0
RETRY_DELAY_SECONDS = 2.0  # after the n-th failure, wait n times this

_log = logging.getLogger(__name__)


class Notifier:
    """Sends the due notifications of a store from its own thread (``start``, ``wake``, ``stop``)."""

    def __init__(self, store: OperationStore, *, timeout: float = NOTIFICATION_TIMEOUT_SECONDS,
                 tick_seconds: float = TICK_SECONDS, retry_delay_seconds: float = RETRY_DELAY_SECONDS) -> None:
        self.store = store
        self.timeout = timeout
        self.tick_seconds = tick_seconds
        self.retry_delay_seconds = retry_delay_seconds
        self._not_before: dict[str, float] = {}  # idop → monotonic time of its next attempt, after a failure
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._sending = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="payfip-notifications", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Look for due notifications now rather than at the next tick."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(self.timeout + 5)

    def deliver_due(self) -> list[str]:
        """Send every due notification once (one sender at a time); returns the idops notified."""
        with self._sending:
            if self._stopping.is_set():
                return []
            now = time.monotonic()
            due = [due for due in self.store.due_notifications() if self._not_before.get(due.idop, 0) <= now]
            return [notification.idop for notification in due if self._delivered(notification)]

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(self.tick_seconds)
            self._wake.clear()
            try:
                self.deliver_due()
            except Exception:  # a closed or broken file must not end the thread silently
                if not self._stopping.is_set():
                    _log.exception("les notifications PayFiP n'ont pas pu être traitées")

    def _delivered(self, due: DueNotification) -> bool:
        try:
            post_notification(due.urlnotif, due.idop, self.timeout)
        except (OSError, ValueError) as error:
            attempts_left = self.store.record_failed_notification(due.idop)
            failures = MAX_NOTIFICATION_ATTEMPTS - attempts_left
            self._not_before[due.idop] = time.monotonic() + self.retry_delay_seconds * failures
            _log.warning("notification de l'opération %s à %s en échec (%s) ; encore %d essai(s)",
                         due.idop, due.urlnotif, error, attempts_left)
            return False
        self.store.mark_notified(due.idop)
        self._not_before.pop(due.idop, None)
        _log.info("opération %s notifiée à %s", due.idop, due.urlnotif)
        return True


def post_notification(url: str, idop: str, timeout: float) -> None:
    """POST ``idOp=<idop>`` (form-encoded) to ``url``; OSError when it does not answer 2xx."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"idOp": idop}).encode("ascii"), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only, see the store)
        response.read(10_000)
        if not 200 <= response.status < 300:
            raise urllib.error.HTTPError(url, response.status, "réponse inattendue", response.headers, None)
