"""PayFiP's WSDL and its three schemas, as eopayment ships them, pointed at this simulator.

The files are read from the installed eopayment package; the service's
``soap:address`` becomes the simulator's own address and every schema import
a URL the simulator serves (``…/securite?xsd=1`` to ``?xsd=3``, as JAX-WS
publishes them).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from lxml import etree

SERVICE_PATH = "/tpa/services/securite"
WSDL_FILE = "PaiementSecuriseService.wsdl"
SCHEMA_NUMBERS = (1, 2, 3)

_XSD = "http://www.w3.org/2001/XMLSchema"
_WSDL_SOAP = "http://schemas.xmlsoap.org/wsdl/soap/"
_SCHEMA_FILE = re.compile(r"PaiementSecuriseService_schema(\d)\.xsd$")


def service_url(base_url: str) -> str:
    return base_url.rstrip("/") + SERVICE_PATH


def schema_url(base_url: str, number: int) -> str:
    return f"{service_url(base_url)}?xsd={number}"


def wsdl_document(base_url: str) -> bytes:
    """The WSDL with this simulator's address as the service's location and as its schemas' home."""
    root = _parsed(WSDL_FILE)
    for address in root.iter(f"{{{_WSDL_SOAP}}}address"):
        address.set("location", service_url(base_url))
    _point_imports_at(root, base_url)
    return _serialized(root)


def schema_document(number: int, base_url: str) -> bytes:
    """Schema ``number`` (1 to 3), its own imports pointed at this simulator; KeyError for another number."""
    if number not in SCHEMA_NUMBERS:
        raise KeyError(number)
    root = _parsed(f"PaiementSecuriseService_schema{number}.xsd")
    _point_imports_at(root, base_url)
    return _serialized(root)


def _point_imports_at(root: etree._Element, base_url: str) -> None:
    for schema_import in root.iter(f"{{{_XSD}}}import"):
        found = _SCHEMA_FILE.search(schema_import.get("schemaLocation", ""))
        if found:
            schema_import.set("schemaLocation", schema_url(base_url, int(found.group(1))))


def _parsed(name: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(_resource(name), parser)


@cache
def _resource(name: str) -> bytes:
    return resources.files("eopayment").joinpath("resource", name).read_bytes()


def _serialized(root: etree._Element) -> bytes:
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")
