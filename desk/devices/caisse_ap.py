"""The card terminal over Caisse-AP IP: the desk sends the amount, the terminal answers with the outcome.

Caisse-AP is the protocol of the Association du Paiement that French card
terminals (Ingenico, Verifone, PAX) speak to tills; since its version 3 it runs
over IP. The facts used here come from public sources (read, not copied):

- ``akretion/caisse-ap-ip``, ``README.md``: over IP, till (client) and
  terminal (server) exchange plain ASCII text over a raw TCP socket; tested on
  an Ingenico Desk/5000 with the CONCERT V3 application.
- ``akretion/caisse-ap-ip``, ``caisse_ap_ip_client.py``: a message is a run of
  fields, each a 2-letter tag, its length on 3 zero-padded digits and a value
  of 1 to 999 characters; ``CZ`` (protocol version, ``0300``) comes first, the
  other tags in any order; ``CJ`` the till's Concert protocol identifier
  (``012345678901``), ``CA`` the till number (``01``), ``CB`` the amount in
  cents (at least 2 and at most 12 digits), ``CD`` the action (``0`` debit,
  ``1`` refund), ``CE`` the ISO 4217 currency number (``978`` for the euro),
  ``BA`` ``0`` for an answer at the end of the transaction (``1``: at once);
  TCP port 8888 by default, answer awaited up to 180 s.
- ``akretion/caisse-ap-ip``, ``caisse_ap_ip_server.py`` (the terminal
  simulator): ``CZ CJ CA CB CD CE`` are mandatory in a request (else
  ``AE=01 AF=09``); the answer repeats the request's fields and adds ``AE``
  (``10`` done, ``01`` not done, ``11`` request taken into account when
  ``BA=1``), ``AF`` on failures (``04`` refused, ``05`` forbidden, ``08``
  input time-out, ``11`` abandon), and on success ``AC`` (authorisation
  number, 6 digits), ``AA`` (card number masked in its middle with ``#``:
  ``123456######1234``), ``CC`` (payment application), ``CI`` (read mode),
  ``AI`` (card AID), ``AB`` (card expiry YYMM), ``CF``, ``CG``.
- ``OCA/l10n-france``, ``l10n_fr_pos_caisse_ap_ip/models/pos_payment_method.py``
  (Akretion's Odoo integration): ``CA``, ``CD`` and ``CE`` of a successful
  answer must equal the request's, and ``CB`` too once its leading zeros are
  stripped; the labels of ``AF`` ``00`` to ``13``.

Only the last four digits of the card number leave this module: the masked
number is neither kept, logged nor put in an error message, and neither is the
raw answer.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import select
import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desk.errors import DeskError, ValidationError
from desk.money import format_cents

_log = logging.getLogger(__name__)

DEFAULT_PORT = 8888
PROTOCOL_VERSION = "0300"
TILL_PROTOCOL_ID = "012345678901"
EURO = "978"
ACTION_DEBIT = "0"
ANSWER_AT_END_OF_TRANSACTION = "0"
STATUS_DONE = "10"
STATUS_NOT_DONE = "01"
MAX_AMOUNT_CENTS = 10**12 - 1
MAX_MESSAGE_BYTES = 16 * 1024
POLL_SECONDS = 0.05

_TAG = re.compile(r"[A-Z]{2}")
_LENGTH = re.compile(r"[0-9]{3}")
_VALUE = re.compile(r"[\x20-\x7e]+")
_VERSION_3 = re.compile(r"03[0-9]{2}")
_AMOUNT = re.compile(r"[0-9]{2,12}")
_AUTHORISATION = re.compile(r"[0-9A-Za-z]{1,6}")
_MASKED_CARD_NUMBER = re.compile(r"[0-9#*Xx]{0,15}[0-9]{4}")
_REASON = re.compile(r"[0-9]{2}")
_TILL_NUMBER = re.compile(r"[0-9]{2}")

_BANK_REFUSALS = {
    "02": "la banque demande un appel (appel phonie)",
    "03": "forçage demandé par la banque",
    "04": "refusé par la banque",
    "05": "carte interdite",
    "07": "transaction non aboutie",
}
_TERMINAL_CANCELLATIONS = {
    "06": "abandon sur le terminal",
    "08": "délai de saisie dépassé sur le terminal",
    "11": "abandon par l'opérateur sur le terminal",
}
_REQUEST_REJECTIONS = {
    "00": "motif inconnu",
    "09": "erreur de format du message",
    "10": "erreur de sélection",
    "12": "type d'action inconnu du terminal",
    "13": "devise non prise en charge par le terminal",
}

_CHECK_THE_TERMINAL = ("Rien n'a été enregistré. Regardez sur le terminal (ou son ticket) si le paiement est passé "
                       "avant de recommencer.")


# --- errors ---------------------------------------------------------------------------------------------------------


class CardPaymentError(DeskError):
    """A card payment that did not go through; nothing is to be recorded.

    ``outcome_uncertain`` is true when the request had reached the terminal and
    its outcome is unknown (no answer, a broken or unreadable one): the agent
    must look at the terminal before trying again.
    """

    outcome_uncertain = False


class CardPaymentRefused(CardPaymentError):
    """The bank (or the card) refused the payment."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(f"Paiement par carte refusé : {reason}.",
                         "Rien n'a été encaissé. Proposez une autre carte ou un autre moyen de paiement.")
        self.code = code


class CardPaymentCancelled(CardPaymentError):
    """Cancelled at the terminal (by the customer or the agent), or from the desk."""

    def __init__(self, message: str, hint: str = "", *, by_desk: bool = False, outcome_uncertain: bool = False) -> None:
        super().__init__(message, hint)
        self.by_desk = by_desk
        self.outcome_uncertain = outcome_uncertain

    @classmethod
    def at_terminal(cls, reason: str) -> CardPaymentCancelled:
        return cls(f"Paiement par carte annulé : {reason}.", "Rien n'a été encaissé.")

    @classmethod
    def from_desk(cls, *, request_sent: bool) -> CardPaymentCancelled:
        hint = ("Si le client avait déjà validé sur le terminal, regardez son ticket avant de recommencer."
                if request_sent else "Rien n'a été envoyé au terminal.")
        return cls("Paiement par carte annulé depuis le guichet.", hint, by_desk=True, outcome_uncertain=request_sent)


class CardTerminalRequestRejected(CardPaymentError):
    """The terminal did not carry out the request (format, currency, action it does not know)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Le terminal de paiement n'a pas effectué l'opération : {reason}.",
                         "Rien n'a été encaissé. Vérifiez le réglage du terminal (mode caisse, devise).")


class CardTerminalUnreachable(CardPaymentError):
    """Nothing answers at the terminal's address: the request was never sent."""

    def __init__(self, config: TerminalConfig) -> None:
        super().__init__(f"Le terminal de paiement ne répond pas à l'adresse {config.host}:{config.port}.",
                         "Vérifiez qu'il est allumé, relié au réseau et en mode caisse, puis recommencez.")


class CardTerminalTimeout(CardPaymentError):
    """The terminal got the request but gave no answer in time."""

    outcome_uncertain = True

    def __init__(self, seconds: float) -> None:
        delay = f"{seconds:g}".replace(".", ",")
        super().__init__(f"Le terminal de paiement n'a pas répondu dans le délai ({delay} s).", _CHECK_THE_TERMINAL)


class CardTerminalConnectionLost(CardPaymentError):
    """The connection broke after the request was sent and before a full answer."""

    outcome_uncertain = True

    def __init__(self) -> None:
        super().__init__("La liaison avec le terminal de paiement a été coupée avant sa réponse.", _CHECK_THE_TERMINAL)


class CardTerminalAnswerInvalid(CardPaymentError):
    """The terminal's answer breaks the protocol; it is not trusted."""

    outcome_uncertain = True

    def __init__(self, reason: str) -> None:
        super().__init__(f"Réponse du terminal de paiement invalide : {reason}.", _CHECK_THE_TERMINAL)
        self.reason = reason


class CardAmountMismatch(CardTerminalAnswerInvalid):
    """The terminal answered for another amount than the one sent."""

    def __init__(self, sent_cents: int, answered_cents: int) -> None:
        super().__init__(f"montant répondu {format_cents(answered_cents)} différent du montant envoyé "
                         f"{format_cents(sent_cents)}")
        self.sent_cents = sent_cents
        self.answered_cents = answered_cents


class MessageFormatError(ValueError):
    """Bytes that are not a well-formed Caisse-AP message; ``reason`` is in French and quotes no value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TruncatedMessage(MessageFormatError):
    """Well-formed so far, but the last field is not complete: more bytes may follow."""

    def __init__(self) -> None:
        super().__init__("message tronqué")


# --- configuration and result ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TerminalConfig:
    """Where the desk's card terminal listens, and how long to wait for it.

    ``timeout_seconds`` bounds the wait for the answer once the amount is sent
    (the customer types the PIN meanwhile); ``connect_timeout_seconds`` the
    wait for the connection itself. ``till_number`` is the ``CA`` field.
    """

    host: str
    port: int = DEFAULT_PORT
    timeout_seconds: float = 180.0
    connect_timeout_seconds: float = 5.0
    till_number: str = "01"

    def __post_init__(self) -> None:
        if not self.host:
            raise ValueError("the terminal's host is empty")
        if not 1 <= self.port <= 65535:
            raise ValueError(f"TCP port {self.port} out of 1..65535")
        if self.timeout_seconds <= 0 or self.connect_timeout_seconds <= 0:
            raise ValueError("timeouts must be positive")
        if not _TILL_NUMBER.fullmatch(self.till_number):
            raise ValueError("the till number (CA) is two digits")


def terminal_from_address(address: str) -> TerminalConfig:
    """``hôte`` or ``hôte:port`` as the agent types it in Réglages; a French ``ValidationError`` naming the part."""
    text = address.strip()
    host, _colon, port_text = text.rpartition(":") if ":" in text and not text.endswith("]") else (text, "", "")
    host = host.strip("[]")
    if not host or not re.fullmatch(r"[A-Za-z0-9.\-:]{1,253}", host):
        raise ValidationError(f"Terminal de paiement : l'hôte « {host[:40]} » n'est pas une adresse.",
                              "Exemple : 192.168.1.60:8888", field="host")
    if port_text and not (port_text.isdigit() and 1 <= int(port_text) <= 65535):
        raise ValidationError(f"Terminal de paiement : le port « {port_text[:10]} » doit être un nombre de 1 à 65535.",
                              "Exemple : 192.168.1.60:8888", field="port")
    return TerminalConfig(host, int(port_text) if port_text else DEFAULT_PORT)


@dataclass(frozen=True)
class CardResult:
    """An accepted card payment: all the desk records of it."""

    authorisation: str
    card_last_four: str
    amount_cents: int


# --- the message codec ----------------------------------------------------------------------------------------------


def encode_fields(fields: Mapping[str, str]) -> bytes:
    """The message for these fields, ``CZ`` first and the others in their order."""
    ordered = sorted(fields.items(), key=lambda field: field[0] != "CZ")
    return b"".join(_encode_field(tag, value) for tag, value in ordered)


def _encode_field(tag: str, value: str) -> bytes:
    if not _TAG.fullmatch(tag):
        raise ValueError(f"invalid Caisse-AP tag {tag!r}")
    if not _VALUE.fullmatch(value) or len(value) > 999:
        raise ValueError(f"invalid value for Caisse-AP tag {tag}")
    return f"{tag}{len(value):03d}{value}".encode("ascii")


def decode_fields(data: bytes | bytearray) -> dict[str, str]:
    """The fields of a whole message; raises ``TruncatedMessage`` if it stops inside a field.

    Every tag is two capital letters, every length three digits from 001 to
    999, every value printable ASCII, and no tag comes twice.
    """
    if len(data) > MAX_MESSAGE_BYTES:
        raise MessageFormatError("message trop long")
    text = _ascii(data)
    fields: dict[str, str] = {}
    position = 0
    while position < len(text):
        tag, value, position = _read_field(text, position)
        if tag in fields:
            raise MessageFormatError(f"champ {tag} répété")
        fields[tag] = value
    return fields


def _ascii(data: bytes | bytearray) -> str:
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        raise MessageFormatError("caractères hors ASCII") from None


def _read_field(text: str, position: int) -> tuple[str, str, int]:
    header_end = position + 5
    if header_end > len(text):
        _raise_if_malformed_prefix(text[position:])
        raise TruncatedMessage()
    tag, length_text = text[position:position + 2], text[position + 2:header_end]
    _check_header(tag, length_text)
    value_end = header_end + int(length_text)
    value = text[header_end:value_end]
    if value and not _VALUE.fullmatch(value):
        raise MessageFormatError(f"valeur du champ {tag} non imprimable")
    if value_end > len(text):
        raise TruncatedMessage()
    return tag, value, value_end


def _raise_if_malformed_prefix(partial_header: str) -> None:
    """A header cut short is fine so far only if its letters and digits are where they belong."""
    tag_part, length_part = partial_header[:2], partial_header[2:]
    if not all("A" <= char <= "Z" for char in tag_part) or not all("0" <= char <= "9" for char in length_part):
        raise MessageFormatError("en-tête de champ invalide")


def _check_header(tag: str, length_text: str) -> None:
    if not _TAG.fullmatch(tag):
        raise MessageFormatError("étiquette de champ invalide")
    if not _LENGTH.fullmatch(length_text) or length_text == "000":
        raise MessageFormatError(f"longueur du champ {tag} invalide")


# --- the debit exchange ---------------------------------------------------------------------------------------------


def debit_request(amount_cents: int, till_number: str = "01") -> dict[str, str]:
    """The fields of a card debit of exactly ``amount_cents`` euro cents, answered at the end of the transaction."""
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int):
        raise TypeError("the amount is an integer number of cents")
    if not 1 <= amount_cents <= MAX_AMOUNT_CENTS:
        raise ValueError(f"amount {amount_cents} out of 1..{MAX_AMOUNT_CENTS} cents")
    return {
        "CZ": PROTOCOL_VERSION,
        "CJ": TILL_PROTOCOL_ID,
        "CA": till_number,
        "CB": f"{amount_cents:02d}",
        "CD": ACTION_DEBIT,
        "CE": EURO,
        "BA": ANSWER_AT_END_OF_TRANSACTION,
    }


_REQUIRED_WHEN_DONE = ("CA", "CB", "CD", "CE", "AC", "AA")


def answer_is_complete(fields: Mapping[str, str]) -> bool:
    """Whether the answer holds all it should for its status (more fields may still be on their way otherwise)."""
    status = fields.get("AE")
    if status == STATUS_DONE:
        return all(tag in fields for tag in _REQUIRED_WHEN_DONE)
    if status == STATUS_NOT_DONE:
        return "AF" in fields
    return status is not None


def read_debit_answer(fields: Mapping[str, str], request: Mapping[str, str]) -> CardResult:
    """The accepted payment the answer reports, or the error it stands for; the answer is checked field by field."""
    _check_version(fields)
    status = fields.get("AE")
    if status == STATUS_DONE:
        return _accepted_payment(fields, request)
    if status == STATUS_NOT_DONE:
        raise _failure(fields.get("AF"))
    raise CardTerminalAnswerInvalid("statut de l'opération absent ou inattendu")


def _check_version(fields: Mapping[str, str]) -> None:
    version = fields.get("CZ")
    if version is not None and not _VERSION_3.fullmatch(version):
        raise CardTerminalAnswerInvalid("version du protocole non prise en charge")


def _accepted_payment(fields: Mapping[str, str], request: Mapping[str, str]) -> CardResult:
    for tag, label in (("CA", "numéro de caisse"), ("CD", "type d'action"), ("CE", "devise")):
        if fields.get(tag) != request[tag]:
            raise CardTerminalAnswerInvalid(f"{label} ({tag}) absent ou différent de la demande")
    sent, answered = int(request["CB"]), _answered_amount(fields)
    if answered != sent:
        raise CardAmountMismatch(sent, answered)
    return CardResult(authorisation=_authorisation(fields), card_last_four=_card_last_four(fields),
                      amount_cents=answered)


def _answered_amount(fields: Mapping[str, str]) -> int:
    amount = fields.get("CB", "")
    if not _AMOUNT.fullmatch(amount):
        raise CardTerminalAnswerInvalid("montant (CB) absent ou mal formé")
    return int(amount)


def _authorisation(fields: Mapping[str, str]) -> str:
    authorisation = fields.get("AC", "")
    if not _AUTHORISATION.fullmatch(authorisation):
        raise CardTerminalAnswerInvalid("numéro d'autorisation (AC) absent ou mal formé")
    return authorisation


def _card_last_four(fields: Mapping[str, str]) -> str:
    card_number = fields.get("AA", "")
    if not _MASKED_CARD_NUMBER.fullmatch(card_number):
        raise CardTerminalAnswerInvalid("numéro de carte masqué (AA) absent ou mal formé")
    if len(card_number) > 4 and card_number.isdigit():
        _log.warning("le terminal a transmis un numéro de carte non masqué : seuls ses 4 derniers chiffres sont gardés")
    return card_number[-4:]


def _failure(reason_code: str | None) -> CardPaymentError:
    if reason_code is None:
        return CardTerminalRequestRejected("motif non précisé")
    if not _REASON.fullmatch(reason_code):
        return CardTerminalAnswerInvalid("motif d'échec (AF) mal formé")
    if reason_code in _BANK_REFUSALS:
        return CardPaymentRefused(_BANK_REFUSALS[reason_code], reason_code)
    if reason_code in _TERMINAL_CANCELLATIONS:
        return CardPaymentCancelled.at_terminal(_TERMINAL_CANCELLATIONS[reason_code])
    if reason_code == "01":
        return CardTerminalAnswerInvalid("opération non effectuée mais transaction autorisée")
    return CardTerminalRequestRejected(_REQUEST_REJECTIONS.get(reason_code, f"motif {reason_code} inconnu"))


# --- over TCP -------------------------------------------------------------------------------------------------------


def request_payment(config: TerminalConfig, amount_cents: int, *, cancel: threading.Event | None = None) -> CardResult:
    """Have the terminal debit exactly ``amount_cents`` and wait for its answer.

    Blocks until the terminal answers, the timeout passes or ``cancel`` is set
    (from another thread: the connection is then closed and
    ``CardPaymentCancelled`` raised). Every failure is a ``CardPaymentError``
    with a French message; only a returned ``CardResult`` is to be recorded.
    """
    request = debit_request(amount_cents, config.till_number)
    cancel = cancel or threading.Event()
    _raise_if_cancelled(cancel, request_sent=False)
    with _connect(config, cancel) as connection:
        _send(connection, encode_fields(request), config)
        _log.info("paiement par carte de %s demandé au terminal %s:%s", format_cents(amount_cents),
                  config.host, config.port)
        try:
            fields = _await_answer(connection, config, cancel)
        finally:
            _hang_up(connection)
    return _read_and_log(fields, request)


def _raise_if_cancelled(cancel: threading.Event, *, request_sent: bool) -> None:
    if cancel.is_set():
        _log.info("paiement par carte annulé depuis le guichet")
        raise CardPaymentCancelled.from_desk(request_sent=request_sent)


def _connect(config: TerminalConfig, cancel: threading.Event) -> socket.socket:
    """The connection to the terminal, opened without blocking: a cancel from the desk is heard while a terminal
    that is off or unplugged lets the connection hang (up to ``connect_timeout_seconds``), not after. Each
    address of the terminal's name is tried in turn, as ``socket.create_connection`` does."""
    deadline = time.monotonic() + config.connect_timeout_seconds
    failure: OSError = OSError("aucune adresse")
    try:
        addresses = socket.getaddrinfo(config.host, config.port, type=socket.SOCK_STREAM)
    except OSError as error:
        addresses, failure = [], error
    for family, kind, protocol, _name, address in addresses:
        connection = socket.socket(family, kind, protocol)
        try:
            _connect_within(connection, address, deadline, cancel)
            return connection
        except (OSError, ValueError) as error:  # ValueError: select() on a descriptor above its limit
            connection.close()
            failure = error if isinstance(error, OSError) else OSError(str(error))
        except BaseException:
            connection.close()
            raise
    _log.warning("terminal de paiement %s:%s injoignable : %s", config.host, config.port, failure)
    raise CardTerminalUnreachable(config) from None


_CONNECTING = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, 10035}  # 10035: WSAEWOULDBLOCK (Windows)


def _connect_within(connection: socket.socket, address: Any, deadline: float, cancel: threading.Event) -> None:
    connection.setblocking(False)
    code = connection.connect_ex(address)
    while code in _CONNECTING:
        _raise_if_cancelled(cancel, request_sent=False)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("connexion trop longue")
        _readable, writable, failed = select.select([], [connection], [connection], min(remaining, POLL_SECONDS))
        if writable or failed:
            code = connection.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if code:
        raise OSError(code, os.strerror(code))
    _raise_if_cancelled(cancel, request_sent=False)
    connection.setblocking(True)


def _send(connection: socket.socket, message: bytes, config: TerminalConfig) -> None:
    connection.settimeout(config.connect_timeout_seconds)
    try:
        connection.sendall(message)
    except OSError as error:
        _log.warning("envoi au terminal de paiement interrompu : %s", error)
        raise CardTerminalConnectionLost() from None


def _await_answer(connection: socket.socket, config: TerminalConfig, cancel: threading.Event) -> dict[str, str]:
    deadline = time.monotonic() + config.timeout_seconds
    received = bytearray()
    while True:
        _raise_if_cancelled(cancel, request_sent=True)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return _fields_at_the_end(received, CardTerminalTimeout(config.timeout_seconds))
        chunk = _receive(connection, min(remaining, POLL_SECONDS))
        if chunk is None:
            continue
        if chunk == b"":
            return _fields_at_the_end(received, CardTerminalConnectionLost())
        received += chunk
        fields = _fields_so_far(received)
        if fields is not None and answer_is_complete(fields):
            return fields


def _receive(connection: socket.socket, seconds: float) -> bytes | None:
    """What arrived within ``seconds``: None if nothing, ``b""`` if the terminal hung up."""
    connection.settimeout(seconds)
    try:
        return connection.recv(4096)
    except TimeoutError:
        return None
    except OSError as error:
        _log.warning("liaison avec le terminal de paiement rompue : %s", error)
        return b""


def _fields_so_far(received: bytes | bytearray) -> dict[str, str] | None:
    try:
        return decode_fields(received)
    except TruncatedMessage:
        return None
    except MessageFormatError as error:
        raise CardTerminalAnswerInvalid(error.reason) from None


def _fields_at_the_end(received: bytes | bytearray, error: CardPaymentError) -> dict[str, str]:
    """The answer as it stands when no more will come: read if it has a status, else ``error``."""
    fields = _fields_so_far(received)
    if fields is None and received:
        raise CardTerminalAnswerInvalid("réponse tronquée")
    if fields is None or "AE" not in fields:
        raise error
    return fields


def _hang_up(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):  # the terminal may have closed it already
        connection.shutdown(socket.SHUT_RDWR)


def _read_and_log(fields: Mapping[str, str], request: Mapping[str, str]) -> CardResult:
    _log.debug("réponse du terminal : champs %s, statut %s, motif %s", " ".join(fields),
               _code_or_placeholder(fields.get("AE")), _code_or_placeholder(fields.get("AF")))
    try:
        result = read_debit_answer(fields, request)
    except CardPaymentError as error:
        _log.info("paiement par carte non effectué : %s", error.message)
        raise
    _log.info("paiement par carte accepté : %s, autorisation %s, carte se terminant par %s",
              format_cents(result.amount_cents), result.authorisation, result.card_last_four)
    return result


def _code_or_placeholder(code: str | None) -> str:
    """A status or reason code fit for the log: two digits, never a forged value that could hold a card number."""
    return code if code is not None and _REASON.fullmatch(code) else "-"
