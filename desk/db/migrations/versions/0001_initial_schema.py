"""Initial schema: families, catalogue, bookings, payments, journal, staff.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('activity_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_activity_category_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_category')),
    sa.UniqueConstraint('name', name=op.f('uq_activity_category_name'))
    )
    op.create_table('agent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('agent', 'regisseur', 'admin', name='role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('failed_login_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('failed_login_count >= 0', name=op.f('ck_agent_failed_login_count_not_negative')),
    sa.CheckConstraint('length(trim(display_name)) > 0', name=op.f('ck_agent_display_name_not_blank')),
    sa.CheckConstraint('length(trim(login)) > 0', name=op.f('ck_agent_login_not_blank')),
    sa.CheckConstraint('login = lower(login)', name=op.f('ck_agent_login_lowercase')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent')),
    sa.UniqueConstraint('login', name=op.f('uq_agent_login'))
    )
    op.create_table('counter',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.CheckConstraint('last_value >= 0', name=op.f('ck_counter_last_value_not_negative')),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counter'))
    )
    op.create_table('family',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_number', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address_line', sa.String(length=200), nullable=True),
    sa.Column('postal_code', sa.String(length=10), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('quotient_familial', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("dossier_number LIKE 'F-%'", name=op.f('ck_family_dossier_number_format')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_family_name_not_blank')),
    sa.CheckConstraint('quotient_familial IS NULL OR quotient_familial >= 0', name=op.f('ck_family_quotient_familial_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family')),
    sa.UniqueConstraint('dossier_number', name=op.f('uq_family_dossier_number'))
    )
    op.create_table('quotient_bracket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('lower_bound', sa.Integer(), nullable=False),
    sa.Column('upper_bound', sa.Integer(), nullable=True),
    sa.CheckConstraint('lower_bound >= 0', name=op.f('ck_quotient_bracket_lower_bound_not_negative')),
    sa.CheckConstraint('upper_bound IS NULL OR upper_bound > lower_bound', name=op.f('ck_quotient_bracket_bounds_ordered')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotient_bracket')),
    sa.UniqueConstraint('label', name=op.f('uq_quotient_bracket_label')),
    sa.UniqueConstraint('lower_bound', name=op.f('uq_quotient_bracket_lower_bound'))
    )
    op.create_table('regie_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('town', sa.String(length=100), nullable=False),
    sa.Column('regie_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('payfip_client_number', sa.String(length=6), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_regie_settings_single_row')),
    sa.CheckConstraint('length(payfip_client_number) = 6', name=op.f('ck_regie_settings_payfip_client_number_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regie_settings'))
    )
    op.create_table('activity_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('payment_rule', sa.Enum('at_booking', 'invoiced', name='payment_rule', native_enum=False, create_constraint=True), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_activity_type_name_not_blank')),
    sa.ForeignKeyConstraint(['category_id'], ['activity_category.id'], name=op.f('fk_activity_type_category_id_activity_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_type')),
    sa.UniqueConstraint('category_id', 'name', name=op.f('uq_activity_type_category_id_name'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.Enum('ok', 'refused', name='audit_outcome', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.CheckConstraint('length(trim(action)) > 0', name=op.f('ck_audit_entry_action_not_blank')),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_audit_entry_agent_id_agent')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_audit_entry_family_id_family')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)

    op.create_table('basket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('open', 'payment_in_progress', 'paid', 'cleared', name='basket_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('next_online_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['agent.id'], name=op.f('fk_basket_created_by_id_agent')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_basket_family_id_family')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_basket'))
    )
    with op.batch_alter_table('basket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_basket_family_id'), ['family_id'], unique=False)
        batch_op.create_index('uq_basket_active_per_family', ['family_id'], unique=True, sqlite_where=sa.text("state IN ('open', 'payment_in_progress')"), postgresql_where=sa.text("state IN ('open', 'payment_in_progress')"))

    op.create_table('cash_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('counter', 'online', name='cash_session_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=False),
    sa.Column('opening_float_cents', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('expected_cash_cents', sa.Integer(), nullable=True),
    sa.Column('counted_cash_cents', sa.Integer(), nullable=True),
    sa.Column('counted_cheques_cents', sa.Integer(), nullable=True),
    sa.Column('difference_cents', sa.Integer(), nullable=True),
    sa.Column('closing_comment', sa.Text(), nullable=True),
    sa.CheckConstraint('(closed_at IS NULL AND closed_by_id IS NULL) OR (closed_at IS NOT NULL AND closed_by_id IS NOT NULL AND counted_cash_cents IS NOT NULL)', name=op.f('ck_cash_session_closing_complete')),
    sa.CheckConstraint('opening_float_cents >= 0', name=op.f('ck_cash_session_opening_float_cents_not_negative')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['agent.id'], name=op.f('fk_cash_session_closed_by_id_agent')),
    sa.ForeignKeyConstraint(['opened_by_id'], ['agent.id'], name=op.f('fk_cash_session_opened_by_id_agent')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_session'))
    )
    with op.batch_alter_table('cash_session', schema=None) as batch_op:
        batch_op.create_index('uq_cash_session_one_open_per_kind', ['kind'], unique=True, sqlite_where=sa.text('closed_at IS NULL'), postgresql_where=sa.text('closed_at IS NULL'))

    op.create_table('child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('symbol_index', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(trim(first_name)) > 0', name=op.f('ck_child_first_name_not_blank')),
    sa.CheckConstraint('length(trim(last_name)) > 0', name=op.f('ck_child_last_name_not_blank')),
    sa.CheckConstraint('symbol_index >= 0', name=op.f('ck_child_symbol_index_not_negative')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_child_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child')),
    sa.UniqueConstraint('family_id', 'symbol_index', name=op.f('uq_child_family_id_symbol_index'))
    )
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_family_id'), ['family_id'], unique=False)

    op.create_table('guardian',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('relationship_label', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.CheckConstraint('length(trim(first_name)) > 0', name=op.f('ck_guardian_first_name_not_blank')),
    sa.CheckConstraint('length(trim(last_name)) > 0', name=op.f('ck_guardian_last_name_not_blank')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_guardian_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardian'))
    )
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guardian_family_id'), ['family_id'], unique=False)
        batch_op.create_index('uq_guardian_primary_per_family', ['family_id'], unique=True, sqlite_where=sa.text('is_primary = 1'), postgresql_where=sa.text('is_primary'))

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('enrolment_opens_on', sa.Date(), nullable=False),
    sa.Column('enrolment_closes_on', sa.Date(), nullable=False),
    sa.Column('min_age_years', sa.Integer(), nullable=False),
    sa.Column('max_age_years', sa.Integer(), nullable=False),
    sa.Column('booking_deadline_days', sa.Integer(), nullable=False),
    sa.Column('booking_deadline_hour', sa.Integer(), nullable=False),
    sa.CheckConstraint('booking_deadline_days >= 0', name=op.f('ck_activity_booking_deadline_days_not_negative')),
    sa.CheckConstraint('booking_deadline_hour BETWEEN 0 AND 23', name=op.f('ck_activity_booking_deadline_hour_range')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_activity_period_ordered')),
    sa.CheckConstraint('enrolment_closes_on >= enrolment_opens_on', name=op.f('ck_activity_enrolment_window_ordered')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_activity_name_not_blank')),
    sa.CheckConstraint('min_age_years >= 0 AND max_age_years >= min_age_years', name=op.f('ck_activity_age_bounds')),
    sa.ForeignKeyConstraint(['type_id'], ['activity_type.id'], name=op.f('fk_activity_type_id_activity_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity')),
    sa.UniqueConstraint('name', name=op.f('uq_activity_name'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_type_id'), ['type_id'], unique=False)

    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('basket_id', sa.Integer(), nullable=True),
    sa.Column('cash_session_id', sa.Integer(), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.Enum('counter', 'online', name='payment_channel', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount_cents >= 0', name=op.f('ck_payment_amount_cents_not_negative')),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_payment_agent_id_agent')),
    sa.ForeignKeyConstraint(['basket_id'], ['basket.id'], name=op.f('fk_payment_basket_id_basket')),
    sa.ForeignKeyConstraint(['cash_session_id'], ['cash_session.id'], name=op.f('fk_payment_cash_session_id_cash_session')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_payment_family_id_family')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment')),
    sa.UniqueConstraint('basket_id', name=op.f('uq_payment_basket_id'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_cash_session_id'), ['cash_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_family_id'), ['family_id'], unique=False)

    op.create_table('enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_enrolment_activity_id_activity')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_enrolment_child_id_child')),
    sa.ForeignKeyConstraint(['created_by_id'], ['agent.id'], name=op.f('fk_enrolment_created_by_id_agent')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolment')),
    sa.UniqueConstraint('child_id', 'activity_id', name=op.f('uq_enrolment_child_id_activity_id')),
    sa.UniqueConstraint('id', 'child_id', name=op.f('uq_enrolment_id_child_id'))
    )
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrolment_activity_id'), ['activity_id'], unique=False)

    op.create_table('journal_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('payment', 'cancellation', 'credit', 'refund', 'correction', 'closing', name='journal_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('cash_session_id', sa.Integer(), nullable=True),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('grand_total_in_cents', sa.Integer(), nullable=False),
    sa.Column('grand_total_out_cents', sa.Integer(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('previous_hash', sa.String(length=64), nullable=True),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('(sequence = 1 AND previous_hash IS NULL) OR (sequence > 1 AND previous_hash IS NOT NULL)', name=op.f('ck_journal_entry_chained')),
    sa.CheckConstraint('grand_total_in_cents >= 0', name=op.f('ck_journal_entry_grand_total_in_cents_not_negative')),
    sa.CheckConstraint('grand_total_out_cents >= 0', name=op.f('ck_journal_entry_grand_total_out_cents_not_negative')),
    sa.CheckConstraint('length(hash) = 64', name=op.f('ck_journal_entry_hash_length')),
    sa.CheckConstraint('sequence >= 1', name=op.f('ck_journal_entry_sequence_positive')),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_journal_entry_agent_id_agent')),
    sa.ForeignKeyConstraint(['cash_session_id'], ['cash_session.id'], name=op.f('fk_journal_entry_cash_session_id_cash_session')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_journal_entry_family_id_family')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_journal_entry_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entry')),
    sa.UniqueConstraint('hash', name=op.f('uq_journal_entry_hash')),
    sa.UniqueConstraint('previous_hash', name=op.f('uq_journal_entry_previous_hash')),
    sa.UniqueConstraint('sequence', name=op.f('uq_journal_entry_sequence'))
    )
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entry_cash_session_id'), ['cash_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_payment_id'), ['payment_id'], unique=False)

    op.create_table('online_payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('basket_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('refdet', sa.String(length=30), nullable=False),
    sa.Column('idop', sa.String(length=64), nullable=True),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=80), nullable=False),
    sa.Column('state', sa.Enum('created', 'paid', 'refused', 'abandoned', 'expired', 'late_paid', name='online_payment_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('result_code', sa.String(length=2), nullable=True),
    sa.Column('authorisation_number', sa.String(length=20), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('needs_cashier_review', sa.Boolean(), nullable=False),
    sa.CheckConstraint('amount_cents BETWEEN 100 AND 10000000', name=op.f('ck_online_payment_payfip_amount_range')),
    sa.CheckConstraint('expires_at > created_at', name=op.f('ck_online_payment_expiry_after_creation')),
    sa.ForeignKeyConstraint(['basket_id'], ['basket.id'], name=op.f('fk_online_payment_basket_id_basket')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_online_payment_family_id_family')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_online_payment_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_payment')),
    sa.UniqueConstraint('idop', name=op.f('uq_online_payment_idop')),
    sa.UniqueConstraint('payment_id', name=op.f('uq_online_payment_payment_id')),
    sa.UniqueConstraint('refdet', name=op.f('uq_online_payment_refdet'))
    )
    with op.batch_alter_table('online_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_online_payment_basket_id'), ['basket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_online_payment_family_id'), ['family_id'], unique=False)

    op.create_table('payment_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.Enum('cash', 'cheque', 'card', 'ancv', 'cesu', 'payfip', name='payment_mode', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('tendered_cents', sa.Integer(), nullable=True),
    sa.Column('change_cents', sa.Integer(), nullable=True),
    sa.Column('cheque_number', sa.String(length=20), nullable=True),
    sa.Column('cheque_bank', sa.String(length=100), nullable=True),
    sa.Column('cheque_drawer', sa.String(length=100), nullable=True),
    sa.Column('authorisation_number', sa.String(length=20), nullable=True),
    sa.Column('card_last4', sa.String(length=4), nullable=True),
    sa.Column('voucher_count', sa.Integer(), nullable=True),
    sa.Column('voucher_value_cents', sa.Integer(), nullable=True),
    sa.Column('refdet', sa.String(length=30), nullable=True),
    sa.Column('idop', sa.String(length=64), nullable=True),
    sa.CheckConstraint("mode <> 'cash' OR (tendered_cents IS NOT NULL AND change_cents IS NOT NULL AND change_cents >= 0 AND tendered_cents - change_cents = amount_cents)", name=op.f('ck_payment_line_cash_change_consistent')),
    sa.CheckConstraint("mode <> 'cheque' OR cheque_number IS NOT NULL", name=op.f('ck_payment_line_cheque_numbered')),
    sa.CheckConstraint("mode <> 'payfip' OR refdet IS NOT NULL", name=op.f('ck_payment_line_payfip_has_refdet')),
    sa.CheckConstraint("mode NOT IN ('ancv', 'cesu') OR (voucher_count > 0 AND voucher_value_cents > 0)", name=op.f('ck_payment_line_vouchers_counted')),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_payment_line_amount_positive')),
    sa.CheckConstraint('card_last4 IS NULL OR length(card_last4) = 4', name=op.f('ck_payment_line_card_last4_length')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_payment_line_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_line'))
    )
    with op.batch_alter_table('payment_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_line_payment_id'), ['payment_id'], unique=False)

    op.create_table('receipt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('number > 0', name=op.f('ck_receipt_number_positive')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_receipt_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipt')),
    sa.UniqueConstraint('payment_id', name=op.f('uq_receipt_payment_id')),
    sa.UniqueConstraint('year', 'number', name=op.f('uq_receipt_year_number'))
    )
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.Enum('morning', 'afternoon', 'full_day', 'other', name='unit_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_unit_name_not_blank')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_unit_activity_id_activity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('activity_id', 'name', name=op.f('uq_unit_activity_id_name')),
    sa.UniqueConstraint('activity_id', 'position', name=op.f('uq_unit_activity_id_position'))
    )
    op.create_table('open_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('places_taken', sa.Integer(), nullable=False),
    sa.CheckConstraint('capacity > 0', name=op.f('ck_open_day_capacity_positive')),
    sa.CheckConstraint('places_taken >= 0 AND places_taken <= capacity', name=op.f('ck_open_day_within_capacity')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_open_day_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_open_day')),
    sa.UniqueConstraint('unit_id', 'day', name=op.f('uq_open_day_unit_id_day'))
    )
    with op.batch_alter_table('open_day', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_open_day_day'), ['day'], unique=False)

    op.create_table('tariff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('bracket_id', sa.Integer(), nullable=False),
    sa.Column('price_cents', sa.Integer(), nullable=False),
    sa.CheckConstraint('price_cents >= 0', name=op.f('ck_tariff_price_cents_not_negative')),
    sa.ForeignKeyConstraint(['bracket_id'], ['quotient_bracket.id'], name=op.f('fk_tariff_bracket_id_quotient_bracket')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_tariff_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariff')),
    sa.UniqueConstraint('unit_id', 'bracket_id', name=op.f('uq_tariff_unit_id_bracket_id'))
    )
    op.create_table('unit_exclusion',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('excluded_unit_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('unit_id <> excluded_unit_id', name=op.f('ck_unit_exclusion_distinct_units')),
    sa.ForeignKeyConstraint(['excluded_unit_id'], ['unit.id'], name=op.f('fk_unit_exclusion_excluded_unit_id_unit')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_exclusion_unit_id_unit')),
    sa.PrimaryKeyConstraint('unit_id', 'excluded_unit_id', name=op.f('pk_unit_exclusion'))
    )
    op.create_table('booking',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('open_day_id', sa.Integer(), nullable=False),
    sa.Column('basket_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('pending', 'confirmed', 'cancelled', 'expired', name='booking_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('price_cents', sa.Integer(), nullable=False),
    sa.Column('hold_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('cancellation_basket_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("cancellation_basket_id IS NULL OR state = 'confirmed'", name=op.f('ck_booking_only_confirmed_cancellable')),
    sa.CheckConstraint("state <> 'confirmed' OR confirmed_at IS NOT NULL", name=op.f('ck_booking_confirmed_has_date')),
    sa.CheckConstraint("state <> 'pending' OR (hold_expires_at IS NOT NULL AND basket_id IS NOT NULL)", name=op.f('ck_booking_pending_is_held')),
    sa.CheckConstraint("state NOT IN ('cancelled', 'expired') OR ended_at IS NOT NULL", name=op.f('ck_booking_ended_has_date')),
    sa.CheckConstraint('price_cents >= 0', name=op.f('ck_booking_price_cents_not_negative')),
    sa.ForeignKeyConstraint(['basket_id'], ['basket.id'], name=op.f('fk_booking_basket_id_basket')),
    sa.ForeignKeyConstraint(['cancellation_basket_id'], ['basket.id'], name=op.f('fk_booking_cancellation_basket_id_basket')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_booking_child_id_child')),
    sa.ForeignKeyConstraint(['created_by_id'], ['agent.id'], name=op.f('fk_booking_created_by_id_agent')),
    sa.ForeignKeyConstraint(['enrolment_id', 'child_id'], ['enrolment.id', 'enrolment.child_id'], name=op.f('fk_booking_enrolment_id_child_id_enrolment')),
    sa.ForeignKeyConstraint(['open_day_id'], ['open_day.id'], name=op.f('fk_booking_open_day_id_open_day')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_booking_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking'))
    )
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booking_basket_id'), ['basket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_booking_cancellation_basket_id'), ['cancellation_basket_id'], unique=False)
        batch_op.create_index('ix_booking_open_day_id_state', ['open_day_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_booking_payment_id'), ['payment_id'], unique=False)
        batch_op.create_index('ix_booking_pending_hold', ['hold_expires_at'], unique=False, sqlite_where=sa.text("state = 'pending'"), postgresql_where=sa.text("state = 'pending'"))
        batch_op.create_index('uq_booking_live_child_open_day', ['child_id', 'open_day_id'], unique=True, sqlite_where=sa.text("state IN ('pending', 'confirmed')"), postgresql_where=sa.text("state IN ('pending', 'confirmed')"))

    op.create_table('ledger_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.Enum('debt', 'payment', 'credit', 'credit_use', 'refund', 'adjustment', name='ledger_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('booking_id', sa.Integer(), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('amount_cents <> 0', name=op.f('ck_ledger_entry_amount_not_zero')),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_ledger_entry_agent_id_agent')),
    sa.ForeignKeyConstraint(['booking_id'], ['booking.id'], name=op.f('fk_ledger_entry_booking_id_booking')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_ledger_entry_family_id_family')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_ledger_entry_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entry'))
    )
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entry_booking_id'), ['booking_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entry_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entry_payment_id'), ['payment_id'], unique=False)

    op.create_table('payment_allocation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=True),
    sa.Column('ledger_entry_id', sa.Integer(), nullable=True),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.CheckConstraint('(booking_id IS NULL) <> (ledger_entry_id IS NULL)', name=op.f('ck_payment_allocation_exactly_one_target')),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_payment_allocation_amount_positive')),
    sa.ForeignKeyConstraint(['booking_id'], ['booking.id'], name=op.f('fk_payment_allocation_booking_id_booking')),
    sa.ForeignKeyConstraint(['ledger_entry_id'], ['ledger_entry.id'], name=op.f('fk_payment_allocation_ledger_entry_id_ledger_entry')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_payment_allocation_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_allocation'))
    )
    with op.batch_alter_table('payment_allocation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_allocation_booking_id'), ['booking_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_allocation_ledger_entry_id'), ['ledger_entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_allocation_payment_id'), ['payment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('payment_allocation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_allocation_payment_id'))
        batch_op.drop_index(batch_op.f('ix_payment_allocation_ledger_entry_id'))
        batch_op.drop_index(batch_op.f('ix_payment_allocation_booking_id'))

    op.drop_table('payment_allocation')
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_entry_payment_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_entry_family_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_entry_booking_id'))

    op.drop_table('ledger_entry')
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.drop_index('uq_booking_live_child_open_day', sqlite_where=sa.text("state IN ('pending', 'confirmed')"), postgresql_where=sa.text("state IN ('pending', 'confirmed')"))
        batch_op.drop_index('ix_booking_pending_hold', sqlite_where=sa.text("state = 'pending'"), postgresql_where=sa.text("state = 'pending'"))
        batch_op.drop_index(batch_op.f('ix_booking_payment_id'))
        batch_op.drop_index('ix_booking_open_day_id_state')
        batch_op.drop_index(batch_op.f('ix_booking_cancellation_basket_id'))
        batch_op.drop_index(batch_op.f('ix_booking_basket_id'))

    op.drop_table('booking')
    op.drop_table('unit_exclusion')
    op.drop_table('tariff')
    with op.batch_alter_table('open_day', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_open_day_day'))

    op.drop_table('open_day')
    op.drop_table('unit')
    op.drop_table('receipt')
    with op.batch_alter_table('payment_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_line_payment_id'))

    op.drop_table('payment_line')
    with op.batch_alter_table('online_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_online_payment_family_id'))
        batch_op.drop_index(batch_op.f('ix_online_payment_basket_id'))

    op.drop_table('online_payment')
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_entry_payment_id'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_family_id'))
        batch_op.drop_index(batch_op.f('ix_journal_entry_cash_session_id'))

    op.drop_table('journal_entry')
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrolment_activity_id'))

    op.drop_table('enrolment')
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_family_id'))
        batch_op.drop_index(batch_op.f('ix_payment_cash_session_id'))

    op.drop_table('payment')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_type_id'))

    op.drop_table('activity')
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.drop_index('uq_guardian_primary_per_family', sqlite_where=sa.text('is_primary = 1'), postgresql_where=sa.text('is_primary'))
        batch_op.drop_index(batch_op.f('ix_guardian_family_id'))

    op.drop_table('guardian')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_family_id'))

    op.drop_table('child')
    with op.batch_alter_table('cash_session', schema=None) as batch_op:
        batch_op.drop_index('uq_cash_session_one_open_per_kind', sqlite_where=sa.text('closed_at IS NULL'), postgresql_where=sa.text('closed_at IS NULL'))

    op.drop_table('cash_session')
    with op.batch_alter_table('basket', schema=None) as batch_op:
        batch_op.drop_index('uq_basket_active_per_family', sqlite_where=sa.text("state IN ('open', 'payment_in_progress')"), postgresql_where=sa.text("state IN ('open', 'payment_in_progress')"))
        batch_op.drop_index(batch_op.f('ix_basket_family_id'))

    op.drop_table('basket')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_agent_id'))

    op.drop_table('audit_entry')
    op.drop_table('activity_type')
    op.drop_table('regie_settings')
    op.drop_table('quotient_bracket')
    op.drop_table('family')
    op.drop_table('counter')
    op.drop_table('agent')
    op.drop_table('activity_category')
