"""Alembic environment: runs on the connection ``storage.db.upgrade_schema`` hands over.

``render_as_batch`` lets SQLite alter tables by re-creating them. A view that selects from a
table must be dropped before such a batch operation on that table and created again after it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from storage.models import Base

config = context.config
connection = config.attributes.get("connection")


def run(conn) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    context.configure(
        connection=conn,
        target_metadata=Base.metadata,
        render_as_batch=conn.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; use `vcare-news db upgrade`")
elif connection is not None:
    run(connection)
else:  # the alembic command line, given -x url=...
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
