"""Database setup: URL resolution and masking, engine creation with checks, schema upgrades."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from storage.errors import StorageError

DEFAULT_DB_URL = "sqlite:///data/vcare_news.sqlite3"  # relative to the working directory
ENV_DB_URL = "VCARE_DB_URL"
SQLITE_BUSY_TIMEOUT_S = 30.0
# Deliberately small (the sqlite3 module keeps 128 per connection): a multi-row upsert has a
# different SQL text for every row count, and each prepared one holds ~0.4 MB, so a full crawl
# of 2,000 articles per edition kept ~28 MB of statements used once.
SQLITE_CACHED_STATEMENTS = 10
PG_CONNECT_TIMEOUT_S = 10

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# `revision = "0002"` / `down_revision = "0001"` in a migration script.
_REVISION_LINE = re.compile(
    r"^(revision|down_revision)\s*=\s*(?:[\"']([\w-]+)[\"']|None)\s*$", re.M
)
_PASSWORD_IN_URL = re.compile(r"(?P<head>[a-zA-Z][\w+.-]*://[^:/@\s]*:)(?P<pw>[^@\s]*)(?=@)")


def resolve_db_url(url: str | None = None) -> str:
    """The database URL to use: ``url`` if given, else ``$VCARE_DB_URL``, else the default.

    ``postgres://`` and ``postgresql://`` select the psycopg 3 driver.
    """
    chosen = (url or "").strip() or os.environ.get(ENV_DB_URL, "").strip() or DEFAULT_DB_URL
    for prefix in ("postgres://", "postgresql://"):
        if chosen.startswith(prefix):
            return "postgresql+psycopg://" + chosen[len(prefix) :]
    return chosen


def mask_url(url: str | URL) -> str:
    """``url`` with its password replaced by ``***`` (works on unparseable URLs too)."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    return _PASSWORD_IN_URL.sub(lambda m: m["head"] + "***", url)


def sqlite_path(url: str | URL) -> Path | None:
    """The absolute file path of a SQLite URL, or None for an in-memory database."""
    url = make_url(url)
    database = url.database or ""
    if url.query.get("uri") in ("true", "1"):
        database = database.removeprefix("file:")
        if url.query.get("mode") == "memory":
            return None
    if database in ("", ":memory:"):
        return None
    return Path(database).expanduser().absolute()


def open_engine(url: str, *, busy_timeout: float = SQLITE_BUSY_TIMEOUT_S) -> Engine:
    """An engine for ``url``, checked to be reachable and writable.

    SQLite: creates the parent directory, turns on WAL, ``busy_timeout`` (seconds) and foreign
    keys on every connection. Any problem is raised as a one-line ``StorageError``.
    """
    masked = mask_url(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StorageError(f"invalid database URL {masked!r}: {exc}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(parsed, masked, busy_timeout)
    elif backend == "postgresql":
        try:
            # pool_pre_ping: a server restart between batches costs a reconnect, not a batch.
            engine = create_engine(
                parsed,
                connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S},
                pool_pre_ping=True,
            )
        except (ArgumentError, NoSuchModuleError) as exc:
            raise StorageError(f"invalid database URL {masked!r}: {one_line(exc)}") from None
    else:
        raise StorageError(
            f"unsupported database URL {masked!r}: use sqlite:///PATH or postgresql://..."
        )
    try:
        _check_writable(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise database_error(exc, engine, "cannot use database") from None
    return engine


def _sqlite_engine(parsed: URL, masked: str, busy_timeout: float) -> Engine:
    path = sqlite_path(parsed)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the directory of database {masked!r}: {exc.strerror or exc}",
                exit_code=1,
            ) from None
    connect_args = {"cached_statements": SQLITE_CACHED_STATEMENTS}
    options: dict = {"connect_args": {**connect_args, "timeout": busy_timeout}}
    if path is None:  # one shared connection, or every connection would see its own database
        options = {
            "connect_args": {**connect_args, "check_same_thread": False},
            "poolclass": StaticPool,
        }
    try:
        engine = create_engine(parsed, **options)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StorageError(f"invalid database URL {masked!r}: {one_line(exc)}") from None

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI connection
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if path is not None and not _read_only_uri(parsed):
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    return engine


def _read_only_uri(url: URL) -> bool:
    return url.query.get("uri") in ("true", "1") and url.query.get("mode") == "ro"


def _check_writable(engine: Engine) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            # A write that is rolled back: fails on a read-only or locked database.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                version = conn.exec_driver_sql("PRAGMA user_version").scalar()
                conn.exec_driver_sql(f"PRAGMA user_version = {int(version or 0)}")
            finally:
                conn.exec_driver_sql("ROLLBACK")
        else:
            if conn.scalar(text("SELECT current_setting('transaction_read_only')")) == "on":
                raise StorageError(f"database {mask_url(engine.url)!r} is read-only", exit_code=1)
        conn.rollback()


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message (drivers add hints and SQL on later lines)."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def database_error(exc: BaseException, engine: Engine, what: str) -> StorageError:
    """A one-line ``StorageError`` for a failure on ``engine``, its password masked."""
    if isinstance(exc, StorageError):
        return exc
    message = one_line(exc)
    password = engine.url.password
    if password:
        message = message.replace(str(password), "***")
    return StorageError(f"{what} {mask_url(engine.url)!r}: {message}", exit_code=1)


@contextmanager
def storage_errors(engine: Engine, what: str = "database error on") -> Iterator[None]:
    """Turn SQLAlchemy errors raised inside the block into a one-line ``StorageError``."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise database_error(exc, engine, what) from None


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions for ``engine``; objects stay usable after commit (``expire_on_commit=False``)."""
    return sessionmaker(engine, expire_on_commit=False)


# --- migrations ---------------------------------------------------------------------------


def alembic_config(connection: Connection | None = None):  # noqa: ANN201 - alembic Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database (None when it has no schema yet)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def script_head() -> str | None:
    """The head revision, read from the migration scripts without Alembic (None if unclear).

    A merge or any script this cannot read makes it None; callers then ask Alembic.
    """
    revisions: set[str] = set()
    parents: set[str | None] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            if "down_revision" not in found:
                return None
            revisions.add(found["revision"])
            parents.add(found["down_revision"] or None)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """Whether the database's stored revision is the scripts' head (one cheap query)."""
    head = script_head()
    if head is None:
        return False
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        stored = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return stored == [head]


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (Alembic, programmatic); idempotent.

    Safe when several processes start at once: SQLite runs the whole upgrade inside
    ``BEGIN IMMEDIATE`` (the others wait for the write lock, then find nothing to do);
    PostgreSQL takes a transaction-level advisory lock before Alembic reads the version table.
    A database already at head is left alone without importing Alembic (~10 MB of a crawl's
    memory: Alembic, Mako and the loaded scripts).
    """
    try:
        if revision == "head" and _at_head(engine):
            return
    except SQLAlchemyError as exc:
        raise database_error(exc, engine, "cannot read the schema revision of") from None
    from alembic import command

    try:
        with engine.connect() as conn, _migration_transaction(conn):
            command.upgrade(alembic_config(conn), revision)
    except SQLAlchemyError as exc:
        raise database_error(exc, engine, "cannot upgrade the schema of") from None


def downgrade_schema(engine: Engine, revision: str) -> None:
    from alembic import command

    try:
        with engine.connect() as conn, _migration_transaction(conn):
            command.downgrade(alembic_config(conn), revision)
    except SQLAlchemyError as exc:
        raise database_error(exc, engine, "cannot downgrade the schema of") from None


@contextmanager
def _migration_transaction(conn: Connection) -> Iterator[None]:
    if conn.dialect.name == "sqlite":
        with _sqlite_migration_transaction(conn):
            yield
        return
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_key(conn, "migrate")})
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@contextmanager
def _sqlite_migration_transaction(conn: Connection) -> Iterator[None]:
    # Batch migrations re-create tables: with foreign keys on, dropping the old news_items
    # would cascade-delete related rows. The pragma only works outside a transaction.
    dbapi_connection = conn.connection.driver_connection
    conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    saved_isolation = dbapi_connection.isolation_level
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, DDL included
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StorageError(f"migration left broken foreign keys: {problems[:3]}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:
        dbapi_connection.isolation_level = saved_isolation
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        conn.commit()


def advisory_key(conn: Connection, purpose: str) -> int:
    """A PostgreSQL advisory lock key for ``purpose`` on this database and schema."""
    schema = conn.scalar(text("SELECT current_database() || '.' || current_schema()"))
    digest = hashlib.sha256(f"vcare-news:{purpose}:{schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
