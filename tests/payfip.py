"""The PayFiP simulator over HTTP, as the tests use it: the desk's eopayment client, and a browser's hands.

``SimulatedBank`` is what the desk's services get as their gateway: every
question goes to a running simulator through eopayment, as in production;
``pay_by_card`` and ``abandon`` fill the simulator's card page as the family's
browser would. A subclass may rewrite the answers on their way (a forged or
broken reply).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desk.gateway import card_page
from desk.gateway.payfip import PayfipClient, PayfipEndpoint
from desk.payfip_simulator.server import PayfipSimulator


class SimulatedBank:
    def __init__(self, url: str, saisie: str = "T") -> None:
        self.endpoint = PayfipEndpoint(url, saisie, timeout_seconds=10)
        self.client = PayfipClient(self.endpoint)

    # -- what the desk asks (PayfipService) -------------------------------------

    @property
    def saisie(self) -> str:
        return self.client.saisie

    def card_page_url(self, idop: str) -> str:
        return self.client.card_page_url(idop)

    def creer_paiement_securise(self, **fields: str) -> str:
        return self.client.creer_paiement_securise(**fields)

    def recuperer_detail_paiement_securise(self, idop: str) -> Mapping[str, str | None]:
        return self.client.recuperer_detail_paiement_securise(idop)

    # -- what the family does on the card page ----------------------------------

    def pay_by_card(self, idop: str, number: str, month: int, year: int, cvv: str) -> card_page.PageAnswer:
        return card_page.pay_by_card(self.endpoint, idop, number, month, year, cvv)

    def abandon(self, idop: str) -> card_page.PageAnswer:
        return card_page.cancel(self.endpoint, idop)


@contextmanager
def running_simulator(data_file: Path, clock: Callable[[], datetime] | None) -> Iterator[PayfipSimulator]:
    """A simulator on a free port of this machine, on its own thread, following ``clock``."""
    simulator = PayfipSimulator(data_file, clock=clock).start()
    try:
        yield simulator
    finally:
        simulator.stop()
