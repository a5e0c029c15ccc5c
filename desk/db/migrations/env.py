"""Alembic environment: always run with a connection handed over by desk.db.migrate."""

from alembic import context

import desk.db.models  # noqa: F401  (registers every table on Base.metadata)
from desk.db.base import Base

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    compare_server_default=True,
)

with context.begin_transaction():
    context.run_migrations()
