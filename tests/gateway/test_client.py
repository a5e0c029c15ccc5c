"""The desk's PayFiP client (eopayment) and the card page's reader, on their own."""

from __future__ import annotations

import pytest

from desk.gateway import card_page
from desk.gateway.payfip import (
    GatewayUnreachableError,
    PayfipClient,
    PayfipEndpoint,
    PayfipError,
    ResultPendingError,
    UnknownOperationError,
)
from tests.payfip import running_simulator

ORDER = dict(numcli="123456", exer="2026", refdet="20261126x1x1", montant="1400", mel="julie@example.fr",
             objet="Reservations", saisie="T", urlnotif="", urlredirect="")


def test_an_endpoint_says_in_french_what_is_wrong_with_it():
    with pytest.raises(ValueError, match="adresse du service PayFiP invalide"):
        PayfipEndpoint("ftp://payfip")
    with pytest.raises(ValueError, match="saisie PayFiP invalide"):
        PayfipEndpoint("https://www.payfip.gouv.fr", "Q")
    dgfip = PayfipEndpoint("https://www.payfip.gouv.fr/", "W")
    assert dgfip.is_dgfip and not dgfip.is_local and dgfip.port == 443
    assert dgfip.card_page_url("a b") == "https://www.payfip.gouv.fr/tpa/paiementws.web?idop=a%20b"
    assert PayfipEndpoint().is_local and PayfipEndpoint().wsdl_url.endswith("/tpa/services/securite?wsdl")


def test_a_service_that_does_not_answer_is_unreachable_not_an_answer():
    client = PayfipClient(PayfipEndpoint("http://127.0.0.1:9", timeout_seconds=2))
    with pytest.raises(GatewayUnreachableError):
        client.recuperer_detail_paiement_securise("whatever")
    with pytest.raises(GatewayUnreachableError):
        card_page.cancel(client.endpoint, "whatever")


def test_the_services_answers_become_the_desks_errors_and_text_fields(tmp_path):
    with running_simulator(tmp_path / "payfip.sqlite3", None) as simulator:
        client = PayfipClient(PayfipEndpoint(simulator.url, timeout_seconds=10))
        idop = client.creer_paiement_securise(**ORDER)
        with pytest.raises(ResultPendingError):
            client.recuperer_detail_paiement_securise(idop)
        with pytest.raises(UnknownOperationError):
            client.recuperer_detail_paiement_securise("0" * 36)
        with pytest.raises(PayfipError) as refused:
            client.creer_paiement_securise(**{**ORDER, "numcli": "12"})
        assert refused.value.code.startswith("R")
        answer = card_page.pay_by_card(client.endpoint, idop, "4970 1000 0000 0006", 12, 2030, "123")
        assert answer == card_page.PageAnswer("paid")
        detail = client.recuperer_detail_paiement_securise(idop)
        assert (detail["resultrans"], detail["montant"], detail["refdet"], detail["idOp"]) == (
            "P", "1400", "20261126x1x1", idop)
        assert all(value is None or isinstance(value, str) for value in detail.values())
        assert card_page.pay_by_card(client.endpoint, idop, "4970100000000006", 12, 2030, "123").error


def test_the_page_reader_takes_the_state_and_the_error_and_nothing_else():
    page = '<main class="x" data-state="card_form"><p id="erreur">Le num&eacute;ro <b>de carte</b>\n est invalide.</p>'
    assert card_page.read_page(page) == card_page.PageAnswer("card_form", "Le numéro de carte est invalide.")
    assert card_page.read_page("<html>rien</html>") == card_page.PageAnswer("unknown", "")
