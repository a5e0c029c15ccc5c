import pytest

from desk.db.enums import Role
from desk.errors import ValidationError
from desk.money import format_cents
from desk.services.agents import create_agent, find_agent, password_matches


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
     ("", None), ("abc", None), ("1,234", None), ("-5", None), ("1,2,3", None)],
)
def test_amounts_are_read_as_agents_type_them(typed, cents):
    from desk.money import parse_euros

    assert parse_euros(typed) == cents
