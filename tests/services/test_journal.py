"""The journal chain: appending, and finding the first altered, inserted or removed entry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select, update

from desk.db.enums import JournalKind
from desk.db.models import JournalEntry
from desk.services.journal import append_entry, verify_journal
from tests.conftest import behind_the_applications_back


@pytest.fixture
def journal(database, clock):
    for amount in (1400, 1000, -400, 2500, 800):
        clock.advance(timedelta(minutes=3))
        with database.session_factory.begin() as session:
            append_entry(
                session, kind=JournalKind.PAYMENT if amount > 0 else JournalKind.REFUND,
                created_at=clock.now(), amount_cents=amount, payload={"note": "Léa – mercredi"},
            )
    return database


def verification(database):
    with database.read_session_factory() as session:
        return verify_journal(session)


def test_entries_chain_and_keep_running_totals(journal):
    with journal.read_session_factory() as session:
        entries = session.scalars(select(JournalEntry).order_by(JournalEntry.sequence)).all()
    assert [e.sequence for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].previous_hash is None
    assert all(later.previous_hash == earlier.hash for earlier, later in zip(entries, entries[1:], strict=False))
    assert (entries[-1].grand_total_in_cents, entries[-1].grand_total_out_cents) == (5700, 400)
    result = verification(journal)
    assert result.ok and result.entries_checked == 5


def test_an_amount_altered_behind_the_applications_back_is_found(journal):
    with behind_the_applications_back(journal) as connection:
        connection.execute(update(JournalEntry).where(JournalEntry.sequence == 3).values(amount_cents=-40))
    result = verification(journal)
    assert result.first_bad_sequence == 3
    assert "modifiée" in result.problem


def test_a_removed_entry_is_found(journal):
    with behind_the_applications_back(journal) as connection:
        connection.execute(delete(JournalEntry).where(JournalEntry.sequence == 4))
    result = verification(journal)
    assert result.first_bad_sequence == 5
    assert "n° 4 manque" in result.problem


def test_a_rewritten_payload_is_found(journal):
    with behind_the_applications_back(journal) as connection:
        connection.execute(update(JournalEntry).where(JournalEntry.sequence == 2).values(payload='{"note":"rien"}'))
    assert verification(journal).first_bad_sequence == 2


def test_the_database_itself_refuses_to_change_or_remove_an_entry(journal):
    from sqlalchemy.exc import DBAPIError

    for statement in (update(JournalEntry).values(amount_cents=1), delete(JournalEntry)):
        with pytest.raises(DBAPIError, match="accepte que des ajouts"), journal.engine.begin() as connection:
            connection.execute(statement)
    assert verification(journal).entries_checked == 5
