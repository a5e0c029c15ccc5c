"""PayFiP's SOAP 1.1 web service: reading a call, answering it from the store, writing the envelope.

The three operations of eopayment's WSDL are served (document/literal: the
operation's element holds one ``arg0``, whose fields are unqualified, and the
answer's element one ``return``). Errors are SOAP faults as PayFiP sends them:
the ``faultstring`` names the Java exception, and the ``detail`` holds a
``FonctionnelleErreur`` (or a technical error) with ``code``, ``descriptif``,
``libelle``, ``message`` and ``severite``; eopayment's client turns the
functional ones into ``PayFiPError(code=…)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lxml import etree

from desk.payfip_simulator.store import OperationStore, client_detail

SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE_NAMESPACE = ("http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
                     "contrat_paiement_securise/PaiementSecuriseService")
EXCEPTION_PREFIX = "fr.gouv.finances.cp.tpa.webservice.exceptions."
FUNCTIONAL_ERROR = "FonctionnelleErreur"
PROTOCOL_ERROR = "TechProtocolaireErreur"
MALFUNCTION_ERROR = "TechDysfonctionnementErreur"
MAX_REQUEST_BYTES = 1_000_000


class SoapProtocolError(ValueError):
    """The request is not a call of this service (not XML, not SOAP 1.1, unknown operation); said in French."""


@dataclass(frozen=True)
class SoapCall:
    operation: str
    arguments: Mapping[str, str | None]


def read_call(body: bytes) -> SoapCall:
    """The operation called and its ``arg0`` fields; SoapProtocolError when the request is not one."""
    envelope = _parsed_envelope(body)
    soap_body = envelope.find(f"{{{SOAP_ENVELOPE}}}Body")
    if soap_body is None:
        raise SoapProtocolError("L'enveloppe SOAP n'a pas de corps (Body).")
    elements = [child for child in soap_body if isinstance(child.tag, str)]
    if len(elements) != 1:
        raise SoapProtocolError("Le corps SOAP doit contenir exactement une opération.")
    operation = etree.QName(elements[0])
    if operation.namespace != SERVICE_NAMESPACE or operation.localname not in OPERATIONS:
        raise SoapProtocolError(f"Opération inconnue de ce service : « {operation.localname} ».")
    return SoapCall(operation.localname, _arguments(elements[0]))


def perform(store: OperationStore, call: SoapCall) -> dict[str, str]:
    """The fields of the operation's answer; PayfipFault for what PayFiP refuses."""
    return OPERATIONS[call.operation](store, call.arguments)


def response_envelope(operation: str, fields: Mapping[str, str | None]) -> bytes:
    envelope, body = _envelope()
    answer = etree.SubElement(body, f"{{{SERVICE_NAMESPACE}}}{operation}Response", nsmap={"ns2": SERVICE_NAMESPACE})
    returned = etree.SubElement(answer, "return")
    for name, value in fields.items():
        etree.SubElement(returned, name).text = value or ""
    return _serialized(envelope)


def fault_envelope(error_kind: str, code: str, libelle: str, descriptif: str, *, client_fault: bool = False) -> bytes:
    """A SOAP fault naming PayFiP's exception ``error_kind``, its detail read as eopayment reads it."""
    envelope, body = _envelope()
    fault = etree.SubElement(body, f"{{{SOAP_ENVELOPE}}}Fault")
    etree.SubElement(fault, "faultcode").text = "S:Client" if client_fault else "S:Server"
    etree.SubElement(fault, "faultstring").text = EXCEPTION_PREFIX + error_kind
    detail = etree.SubElement(fault, "detail")
    error = etree.SubElement(detail, f"{{{SERVICE_NAMESPACE}}}{error_kind}", nsmap={"ns2": SERVICE_NAMESPACE})
    for name, value in (("code", code), ("descriptif", descriptif), ("libelle", libelle), ("message", libelle),
                        ("severite", "2")):
        etree.SubElement(error, name).text = value
    return _serialized(envelope)


# -- the operations ----------------------------------------------------------------


def _create_payment(store: OperationStore, arguments: Mapping[str, str | None]) -> dict[str, str]:
    idop = store.create(**{name: arguments.get(name) for name in (
        "numcli", "exer", "refdet", "montant", "mel", "objet", "saisie", "urlnotif", "urlredirect")})
    return {"idOp": idop}


def _payment_detail(store: OperationStore, arguments: Mapping[str, str | None]) -> dict[str, str]:
    return store.detail(arguments.get("idOp"))


def _client_detail(store: OperationStore, arguments: Mapping[str, str | None]) -> dict[str, str]:
    return client_detail(arguments.get("numCli"))


OPERATIONS: dict[str, Callable[[OperationStore, Mapping[str, str | None]], dict[str, str]]] = {
    "creerPaiementSecurise": _create_payment,
    "recupererDetailPaiementSecurise": _payment_detail,
    "recupererDetailClient": _client_detail,
}


# -- the envelopes -----------------------------------------------------------------


def _parsed_envelope(body: bytes) -> etree._Element:
    if not body.strip():
        raise SoapProtocolError("La requête est vide : une enveloppe SOAP 1.1 est attendue.")
    if len(body) > MAX_REQUEST_BYTES:
        raise SoapProtocolError("La requête est trop volumineuse.")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise SoapProtocolError(f"La requête n'est pas du XML bien formé ({error}).") from error
    if root.tag != f"{{{SOAP_ENVELOPE}}}Envelope":
        raise SoapProtocolError("Une enveloppe SOAP 1.1 est attendue.")
    return root


def _arguments(operation: etree._Element) -> dict[str, str | None]:
    """The fields of the call's ``arg0`` by local name (an absent ``arg0`` gives no field)."""
    arg0 = next((child for child in operation if isinstance(child.tag, str) and etree.QName(child).localname == "arg0"),
                None)
    if arg0 is None:
        return {}
    return {etree.QName(child).localname: child.text for child in arg0 if isinstance(child.tag, str)}


def _envelope() -> tuple[etree._Element, etree._Element]:
    envelope = etree.Element(f"{{{SOAP_ENVELOPE}}}Envelope", nsmap={"S": SOAP_ENVELOPE})
    return envelope, etree.SubElement(envelope, f"{{{SOAP_ENVELOPE}}}Body")


def _serialized(envelope: etree._Element) -> bytes:
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")
