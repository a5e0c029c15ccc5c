"""The journal chain and its seals: appending, the key of the desks, what a wrong or missing key does."""

from __future__ import annotations

import stat
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from desk.db.enums import RefundMeans, UnitKind
from desk.db.models import JournalEntry
from desk.errors import DeskError
from desk.services import journal_key
from desk.services.journal_key import JournalKey, MissingJournalKeyError
from desk.services.lifecycle.credits import refund_credit
from desk.services.tenders import Tender
from desk.services.verification import verify_journal
from tests.conftest import behind_the_applications_back

DEC_2, DEC_9 = date(2026, 12, 2), date(2026, 12, 9)


@pytest.fixture
def journal(database, clock, town):
    """Two payments, a cancellation paid with its credit, a refund."""
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(1000)])
    clock.advance(timedelta(minutes=3))
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    town.pay(database, clock, [Tender.card(400, "A1B2", "4242")])
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2, actor=town.cashier)
    town.pay(database, clock, [], actor=town.cashier)
    with database.session_factory.begin() as session:
        refund_credit(session, clock, family_id=town.family_id, amount_cents=1000, actor=town.cashier, means=RefundMeans.TRANSFER)
    return database


def entries(database):
    with database.read_session_factory() as session:
        return session.scalars(select(JournalEntry).order_by(JournalEntry.sequence)).all()


def test_entries_chain_are_sealed_and_keep_running_totals(journal):
    rows = entries(journal)
    assert [e.sequence for e in rows] == [1, 2, 3, 4, 5]
    assert [e.kind.value for e in rows] == ["payment", "payment", "cancellation", "payment", "refund"]
    assert rows[0].previous_hash is None
    assert all(later.previous_hash == earlier.hash for earlier, later in zip(rows, rows[1:], strict=False))
    key = journal_key.configured_key()
    assert all(key.seals(e.hash, e.seal) for e in rows)
    assert (rows[-1].grand_total_in_cents, rows[-1].grand_total_out_cents) == (1400, 2000)
    with journal.read_session_factory() as session:
        result = verify_journal(session)
    assert result.ok and result.entries_checked == 5 and result.head.sequence == 5


def test_an_amount_altered_behind_the_applications_back_is_found(journal):
    with behind_the_applications_back(journal) as connection:
        connection.execute(update(JournalEntry).where(JournalEntry.sequence == 3).values(amount_cents=-40))
    with journal.read_session_factory() as session:
        result = verify_journal(session)
    assert result.first_bad_sequence == 3
    assert "l'écriture n° 3 a été modifiée" in result.problem


def test_the_database_itself_refuses_to_change_or_remove_an_entry(journal):
    from sqlalchemy import delete
    from sqlalchemy.exc import DBAPIError

    for statement in (update(JournalEntry).values(amount_cents=1), delete(JournalEntry)):
        with pytest.raises(DBAPIError, match="accepte que des ajouts"), journal.engine.begin() as connection:
            connection.execute(statement)
    assert len(entries(journal)) == 5


def test_the_first_desk_creates_the_key_and_a_desk_without_it_records_nothing(database, clock, town, tmp_path,
                                                                              monkeypatch):
    monkeypatch.delenv(journal_key.KEY_ENV)
    monkeypatch.setenv(journal_key.KEY_FILE_ENV, str(tmp_path / "journal.key"))
    town.toggle(database, clock, "noah", UnitKind.FULL_DAY, DEC_2)
    town.pay(database, clock, [Tender.cash(1000)])
    key_file = tmp_path / "journal.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = journal_key.configured_key()
    assert key is not None and key.seals(entries(database)[0].hash, entries(database)[0].seal)

    monkeypatch.setenv(journal_key.KEY_FILE_ENV, str(tmp_path / "elsewhere" / "journal.key"))  # another desk, no key
    town.toggle(database, clock, "lea", UnitKind.MORNING, DEC_9)
    with pytest.raises(MissingJournalKeyError, match="n'a pas la clé du journal") as refusal:
        town.pay(database, clock, [Tender.cash(400)])
    assert "journal.key" in refusal.value.hint
    assert len(entries(database)) == 1
    assert not (tmp_path / "elsewhere" / "journal.key").exists()  # it never made one of its own


def test_an_unreadable_key_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv(journal_key.KEY_ENV, "pas une clé")
    with pytest.raises(DeskError, match="illisible"):
        journal_key.configured_key()
    assert JournalKey.from_hex("ab" * 32, "test").secret == b"\xab" * 32
