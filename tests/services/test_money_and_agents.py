import pytest

from desk.db.enums import Role
from desk.db.models import Agent
from desk.errors import ValidationError
from desk.money import MAX_CENTS, format_cents, parse_euros
from desk.services.agents import MAX_PASSWORD_LENGTH, create_agent, find_agent, password_matches
from desk.services.auth import log_in
from desk.services.validation import column_length
from tests.services.test_validation import misjudged


@pytest.mark.parametrize(
    ("cents", "text"),
    [(1400, "14,00\u00a0€"), (5, "0,05\u00a0€"), (123456, "1\u202f234,56\u00a0€"), (-250, "-2,50\u00a0€")],
)
def test_money_reads_the_french_way(cents, text):
    assert format_cents(cents) == text


def test_agents_keep_an_argon2_hash_never_the_password(database, clock):
    with database.session_factory.begin() as session:
        info = create_agent(session, clock, login=" Camille ", display_name="Camille Martin", password="s3cret!", role=Role.AGENT)
    assert info.login == "camille"
    with database.read_session_factory() as session:
        agent = find_agent(session, "CAMILLE")
        assert agent is not None
        assert agent.password_hash.startswith("$argon2")
        assert "s3cret!" not in agent.password_hash
        assert password_matches(agent.password_hash, "s3cret!")
        assert not password_matches(agent.password_hash, "s3cret")


def test_agent_creation_explains_what_is_wrong(database, clock):
    with database.session_factory.begin() as session:
        create_agent(session, clock, login="camille", display_name="Camille", password="s3cret!", role=Role.AGENT)
    cases = [
        (dict(login="camille", display_name="Autre", password="longenough"), "déjà utilisé"),
        (dict(login="  ", display_name="X", password="longenough"), "identifiant est obligatoire"),
        (dict(login="bob", display_name="Bob", password="abc"), "au moins"),
    ]
    for values, message in cases:
        with pytest.raises(ValidationError, match=message), database.session_factory.begin() as session:
            create_agent(session, clock, role=Role.AGENT, **values)


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("20", 2000), ("20,5", 2050), ("20,50 €", 2050), ("1 234,00", 123400), ("0,05", 5), (",5", 50), ("14.00", 1400),
     ("1\u202f234,56\u00a0€", 123456), ("5,", 500), ("1000000", 100_000_000),
     ("", None), ("abc", None), ("1,234", None), ("-5", None), ("1,2,3", None), ("²", None), ("2²", None), ("1e3", None),
     ("٣", None), ("１２", None), ("12,345", None), ("--1", None), ("+5", None), ("\x00", None), ("1\x00", None),
     (",", None), ("1000000,01", None), ("21474836,48", None), ("9" * 5000, None)],
)
def test_amounts_are_read_as_agents_type_them(typed, cents):
    assert parse_euros(typed) == cents


def test_the_largest_amount_fits_an_integer_column_with_room_to_add():
    assert parse_euros(format_cents(MAX_CENTS)) == MAX_CENTS
    assert 20 * MAX_CENTS <= 2_147_483_647


AGENT_TEXTS = {"login": column_length(Agent.login), "display_name": column_length(Agent.display_name),
               "password": MAX_PASSWORD_LENGTH}


def test_agent_texts_too_long_or_unstorable_are_refused_naming_their_field(database, clock):
    def create(field: str, value: str) -> None:
        values = {"login": "camille", "display_name": "Camille", "password": "s3cret!", field: value}
        with database.session_factory.begin() as session:
            create_agent(session, clock, role=Role.AGENT, **values)

    assert misjudged(create, AGENT_TEXTS) == []


def test_a_login_is_lowercase_ascii_the_database_lowers_the_same_way():
    for login in ("élodie", "İnci", "ca mille", "camille!"):
        with pytest.raises(ValidationError, match="lettres sans accent") as caught:  # before any query
            create_agent(None, None, login=login, display_name="X", password="s3cret!", role=Role.AGENT)
        assert caught.value.field == "login"


def test_agent_texts_at_their_longest_are_stored_and_sign_in(database, clock):
    login = ("lucie.petit-" * 4)[:40]
    display_name = ("Élodie 𝔸 " * 20)[:99] + "é"
    password = (" pâss  wörd 𝔸" * 20)[:MAX_PASSWORD_LENGTH]  # kept as typed: spaces are not folded
    with database.session_factory.begin() as session:
        create_agent(session, clock, login=login.upper(), display_name=display_name, password=password, role=Role.AGENT)
    with database.session_factory.begin() as session:
        signed_in = log_in(session, clock, login, password)
    assert signed_in.ok and (signed_in.agent.login, signed_in.agent.display_name) == (login, display_name)
