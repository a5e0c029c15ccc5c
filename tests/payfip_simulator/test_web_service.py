"""eopayment's PayFiP client against the running simulator, over HTTP, for every outcome."""

from __future__ import annotations

import socket
import threading
import urllib.request
from datetime import timedelta

import pytest
from eopayment.common import CANCELLED, DENIED, PAID
from eopayment.payfip_ws import PayFiPError, Payment
from lxml import etree

from desk.payfip_simulator.server import PayfipSimulator
from desk.payfip_simulator.store import CARD_BANK_DELAY, CARD_PAYS, CARD_REFUSED, CARD_TOO_LATE
from tests.payfip_simulator.helpers import cancel, create_operation, eopayment_client, get, open_card_page, pay, post

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE = ("http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/"
           "PaiementSecuriseService")


def payfip_code(call) -> str:
    with pytest.raises(PayFiPError) as caught:
        call()
    return caught.value.code


def test_the_wsdl_served_has_this_server_as_the_location_of_the_service_and_of_its_schemas(simulator):
    status, content_type, body = get(simulator.url + "/tpa/services/securite?wsdl")
    assert status == 200 and content_type.startswith("text/xml")
    wsdl = etree.fromstring(body)
    locations = wsdl.xpath("//soap:address/@location", namespaces={"soap": "http://schemas.xmlsoap.org/wsdl/soap/"})
    assert locations == [simulator.url + "/tpa/services/securite"]
    schemas = wsdl.xpath("//xsd:import/@schemaLocation", namespaces={"xsd": "http://www.w3.org/2001/XMLSchema"})
    assert schemas == [f"{simulator.url}/tpa/services/securite?xsd={number}" for number in (1, 2, 3)]
    for schema in schemas:
        status, _content_type, body = get(schema)
        document = etree.fromstring(body)
        assert status == 200 and document.tag == "{http://www.w3.org/2001/XMLSchema}schema"
        for location in document.xpath("//xs:import/@schemaLocation", namespaces={"xs": "http://www.w3.org/2001/XMLSchema"}):
            assert location.startswith(simulator.url + "/tpa/services/securite?xsd=")


def test_the_operations_of_the_wsdl_are_those_eopayment_calls(client):
    operations = set(client.client.service._operations)
    assert operations == {"creerPaiementSecurise", "recupererDetailPaiementSecurise", "recupererDetailClient"}
    assert client.client.service._binding_options["address"].endswith("/tpa/services/securite")


def test_a_new_operation_is_pending_until_the_family_pays(simulator, client, clock):
    idop = create_operation(client)
    assert isinstance(idop, str) and len(idop) <= 64
    assert payfip_code(lambda: client.get_info_paiement(idop)) == "P5"
    clock.advance(timedelta(minutes=3))
    assert pay(simulator.url, idop, CARD_PAYS).state == "paid"
    detail = client.get_info_paiement(idop)
    assert (detail.resultrans, detail.idOp, detail.refdet, detail.montant, detail.mel, detail.exer, detail.numcli,
            detail.saisie, detail.objet) == ("P", idop, "20261126x1x42", "1400", "julie.durand@exemple.fr", "2026",
                                             "012345", "T", "Pommiers reservations de Noah")
    assert (detail.dattrans, detail.heurtrans) == ("26112026", "1003")  # Paris time of the payment
    assert len(detail.numauto) == 6 and detail.numauto.isdigit()
    response = Payment.payfip_response_to_eopayment_response(idop, detail)
    assert response.result == PAID and response.test


@pytest.mark.parametrize(
    ("family_does", "resultrans", "eopayment_result"),
    [
        (lambda url, idop: pay(url, idop, CARD_REFUSED), "R", DENIED),
        (lambda url, idop: cancel(url, idop), "A", CANCELLED),
    ],
    ids=["refused", "abandoned"],
)
def test_refused_and_abandoned_payments(simulator, client, family_does, resultrans, eopayment_result):
    idop = create_operation(client)
    family_does(simulator.url, idop)
    detail = client.get_info_paiement(idop)
    assert detail.resultrans == resultrans and not detail.numauto
    assert Payment.payfip_response_to_eopayment_response(idop, detail).result == eopayment_result


def test_a_bank_delay_keeps_the_result_pending_for_five_minutes(simulator, client, clock):
    idop = create_operation(client)
    assert pay(simulator.url, idop, CARD_BANK_DELAY).state == "bank_wait"
    clock.advance(timedelta(minutes=4, seconds=59))
    assert payfip_code(lambda: client.get_info_paiement(idop)) == "P5"
    clock.advance(timedelta(seconds=1))
    detail = client.get_info_paiement(idop)
    assert (detail.resultrans, detail.heurtrans) == ("P", "1005")


def test_a_bank_that_confirms_after_twenty_minutes_confirms_after_the_operation_expired(simulator, client, clock):
    idop = create_operation(client)
    pay(simulator.url, idop, CARD_TOO_LATE)
    clock.advance(timedelta(minutes=16))
    assert payfip_code(lambda: client.get_info_paiement(idop)) == "P5"
    assert open_card_page(simulator.url, idop).state == "bank_wait"
    clock.advance(timedelta(minutes=4))
    assert client.get_info_paiement(idop).resultrans == "P"


def test_an_operation_untouched_for_fifteen_minutes_stays_pending_and_the_card_page_refuses_it(simulator, client, clock):
    idop = create_operation(client)
    clock.advance(timedelta(minutes=15))
    assert payfip_code(lambda: client.get_info_paiement(idop)) == "P5"
    page = pay(simulator.url, idop, CARD_PAYS)
    assert page.state == "expired" and "15 minutes" in page.error
    assert payfip_code(lambda: client.get_info_paiement(idop)) == "P5"


def test_an_unknown_operation_answers_p1(client):
    assert payfip_code(lambda: client.get_info_paiement("00000000-0000-0000-0000-000000000000")) == "P1"
    assert payfip_code(lambda: client.get_info_paiement("")) == "P1"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [("numcli", "12345", "R1"), ("exer", "26", "R2"), ("refdet", "2026-11-26", "R3"), ("montant", "99", "R4"),
     ("montant", "14.00", "R4"), ("mel", "a@b", "R5"), ("saisie", "P", "R6")],
)
def test_bad_parameters_are_refused_with_their_codes(client, field, value, code):
    with pytest.raises(PayFiPError) as caught:
        create_operation(client, **{field: value})
    assert caught.value.code == code
    assert caught.value.message  # the French sentence of the fault's descriptif


def test_the_client_detail_names_the_regie(client):
    detail = client.get_info_client("012345")
    assert detail.numcli == "012345" and detail.libelleN1 and detail.libelleN2
    assert payfip_code(lambda: client.get_info_client("12")) == "R1"


def test_functional_errors_are_faults_as_payfip_sends_them(simulator):
    status, content_type, body = post(simulator.url + "/tpa/services/securite", _call(
        "recupererDetailPaiementSecurise", "<idOp>inconnu</idOp>"))
    fault = etree.fromstring(body).find(f"{{{SOAP}}}Body/{{{SOAP}}}Fault")
    assert status == 500 and content_type.startswith("text/xml")
    assert fault.findtext("faultstring") == "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur"
    error = fault.find(f"detail/{{{SERVICE}}}FonctionnelleErreur")
    assert (error.findtext("code"), error.findtext("libelle"), error.findtext("severite")) == ("P1", "IdOp incorrect.", "2")
    assert "inconnu" in error.findtext("descriptif")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"ceci n'est pas du XML",
        b"<Envelope/>",
        f'<S:Envelope xmlns:S="{SOAP}"/>'.encode(),
        f'<S:Envelope xmlns:S="{SOAP}"><S:Body/></S:Envelope>'.encode(),
        f'<S:Envelope xmlns:S="{SOAP}"><S:Body><x:supprimerTout xmlns:x="{SERVICE}"/></S:Body></S:Envelope>'.encode(),
        f'<S:Envelope xmlns:S="{SOAP}"><S:Body><creerPaiementSecurise/></S:Body></S:Envelope>'.encode(),
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>',
        "<é>".encode("latin-1"),
    ],
    ids=["empty", "not-xml", "not-soap", "no-body", "empty-body", "unknown-operation", "no-namespace", "dtd", "latin-1"],
)
def test_malformed_requests_get_a_soap_fault(simulator, body):
    status, content_type, answer = post(simulator.url + "/tpa/services/securite", body)
    fault = etree.fromstring(answer).find(f"{{{SOAP}}}Body/{{{SOAP}}}Fault")
    assert status == 500 and content_type.startswith("text/xml") and fault is not None
    assert fault.findtext("faultcode") == "S:Client"
    assert fault.findtext("faultstring") == "fr.gouv.finances.cp.tpa.webservice.exceptions.TechProtocolaireErreur"
    assert b"Traceback" not in answer


def test_a_call_without_arg0_is_answered_with_the_first_missing_parameter(simulator):
    status, _content_type, body = post(simulator.url + "/tpa/services/securite", _call("creerPaiementSecurise", None))
    assert status == 500 and b"<code>R1</code>" in body


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /tpa/services/securite HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n<S:Envelope",
        b"POST /tpa/services/securite HTTP/1.1\r\nHost: x\r\nContent-Length: beaucoup\r\n\r\n<a/>",
        b"POST /tpa/services/securite HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n<a/>",
    ],
    ids=["shorter-than-announced", "length-not-a-number", "too-large"],
)
def test_a_request_whose_body_is_not_as_announced_gets_a_fault_without_waiting(simulator, request_bytes):
    with socket.create_connection(("127.0.0.1", simulator.port), timeout=10) as connection:
        connection.sendall(request_bytes)
        connection.shutdown(socket.SHUT_WR)
        answer = _read_all(connection)
    assert answer.startswith(b"HTTP/1.0 500") and b"TechProtocolaireErreur" in answer


def test_the_server_answers_many_clients_at_once(simulator):
    idops: list[str] = []
    errors: list[Exception] = []

    def create() -> None:
        try:
            idops.append(create_operation(eopayment_client(simulator.url)))
        except Exception as error:  # collected: the test fails below with it
            errors.append(error)

    threads = [threading.Thread(target=create) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == [] and len(set(idops)) == 12


def test_other_paths_are_not_found(simulator):
    assert get(simulator.url + "/ailleurs")[0] == 404
    assert post(simulator.url + "/ailleurs", b"x")[0] == 404
    assert get(simulator.url + "/")[0] == 200


def _call(operation: str, arguments: str | None) -> bytes:
    arg0 = "" if arguments is None else f"<arg0>{arguments}</arg0>"
    return (f'<S:Envelope xmlns:S="{SOAP}"><S:Body><ns:{operation} xmlns:ns="{SERVICE}">{arg0}</ns:{operation}>'
            "</S:Body></S:Envelope>").encode()


def _read_all(connection: socket.socket) -> bytes:
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_listening_on_all_addresses_the_wsdl_names_the_address_the_client_used(tmp_path, clock):
    with PayfipSimulator(tmp_path / "payfip.sqlite3", host="0.0.0.0", clock=clock.now) as simulator:
        assert simulator.url == f"http://127.0.0.1:{simulator.port}"
        request = urllib.request.Request(simulator.url + "/tpa/services/securite?wsdl",
                                         headers={"Host": f"guichet.local:{simulator.port}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            wsdl = response.read().decode()
        assert f'location="http://guichet.local:{simulator.port}/tpa/services/securite"' in wsdl
        assert create_operation(eopayment_client(simulator.url))
