"""A desk in its own process that starts an online payment and then waits, to be killed (``test_online_restarts``).

    python -m tests.services.online_worker DATABASE_URL PAYFIP_URL FAMILY_ID AGENT_ID CLOCK_ISO

Prints ``started IDOP ONLINE_ID`` once the operation is created and recorded,
then waits on its standard input for ever (the test kills it).
"""

from __future__ import annotations

import sys
from datetime import datetime

from desk.clock import FrozenClock
from desk.db.engine import open_database
from desk.db.enums import Role
from desk.gateway.payfip import PayfipClient, PayfipEndpoint
from desk.services.access import Actor
from desk.services.lifecycle.online import start_online_payment


def main(database_url: str, payfip_url: str, family_id: str, agent_id: str, now: str) -> None:
    database = open_database(database_url)
    gateway = PayfipClient(PayfipEndpoint(payfip_url, timeout_seconds=10))
    with database.session_factory.begin() as session:
        started = start_online_payment(session, FrozenClock(datetime.fromisoformat(now)), gateway,
                                       family_id=int(family_id), actor=Actor(int(agent_id), Role.AGENT))
    print(f"started {started.idop} {started.online_payment_id}", flush=True)
    sys.stdin.readline()  # the desk at work, until it is killed


if __name__ == "__main__":
    main(*sys.argv[1:6])
