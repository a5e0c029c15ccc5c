"""One unit of work in one transaction, tried again when PostgreSQL asks for it.

Every use case takes its locks in one order (``desk.services.lifecycle.locks``),
so two desks wait for each other rather than deadlock. What PostgreSQL may
still refuse — a deadlock with a statement outside the order, a
serialisation failure — leaves nothing written: the whole unit of work runs
again, a few times, after a short random pause, and the agent never sees it.
Only if it keeps failing does the agent get a French message saying that
nothing was recorded.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desk.db.engine import Database
from desk.db.pipeline import committed_ahead, first_exchange_lost
from desk.errors import DeskError

T = TypeVar("T")

ATTEMPTS = 5
# serialization_failure, deadlock_detected, lock_not_available
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})


@dataclass
class TransactionStats:
    """What this process's units of work met: retried conflicts, and those the agent saw."""

    retries: int = 0
    surfaced: int = 0


STATS = TransactionStats()
_log = logging.getLogger(__name__)


class BusyDatabaseError(DeskError):
    def __init__(self) -> None:
        super().__init__("La base de données est très sollicitée par d'autres guichets : rien n'a été enregistré.",
                         "Refaites l'action dans un instant ; votre saisie est conservée.")


class RecordedThenFailedError(DeskError):
    """The unit of work was committed with its last batch; what followed, to show it, failed."""

    def __init__(self) -> None:
        super().__init__("L'action a été enregistrée, mais son résultat n'a pas pu s'afficher.",
                         "Rouvrez le dossier pour voir ce qui a été enregistré (un ticket se réimprime depuis "
                         "l'onglet Paiements, Ctrl+R) ; ne refaites pas l'action.")


def is_retryable(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES


def run_in_transaction(database: Database, work: Callable[[Session], T], *, attempts: int = ATTEMPTS,
                       pause: Callable[[float], None] = time.sleep) -> T:
    """Run ``work`` in a write transaction, committed on return; again from scratch after a conflict."""
    for attempt in range(1, attempts + 1):
        try:
            with database.session_factory.begin() as session:
                try:
                    return work(session)
                except Exception as error:
                    if committed_ahead(session):
                        raise RecordedThenFailedError() from error
                    raise
        except DBAPIError as error:
            if attempt == 1 and attempts > 1 and first_exchange_lost(error.orig):
                # a pooled connection the server had closed (a restart, a VPN), found dead before anything of
                # the unit of work reached the server: once more, on the fresh connection the pool now gives
                continue
            if not is_retryable(error):
                raise
            if attempt == attempts:
                STATS.surfaced += 1
                raise BusyDatabaseError() from error
            STATS.retries += 1
            _log.info("unit of work tried again after: %s", str(error.orig).splitlines()[0])
            pause(random.uniform(0.005, 0.05) * attempt)
    raise AssertionError("unreachable")
