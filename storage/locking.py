"""One crawl at a time per database, across processes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from filelock import FileLock, Timeout
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from storage.db import advisory_key, database_error, mask_url, sqlite_path
from storage.errors import CrawlLocked

POLL_SECONDS = 0.2


@contextmanager
def crawl_lock(engine: Engine, *, wait_seconds: float = 0) -> Iterator[None]:
    """Hold the crawl lock of ``engine``'s database for the duration of the block.

    SQLite: a file lock on ``<database path>.lock`` (released by the OS if the process dies).
    PostgreSQL: a session advisory lock on a dedicated connection held open for the block
    (released by the server when that connection ends). Raises ``CrawlLocked`` when another
    process still holds the lock after ``wait_seconds``.
    """
    if engine.dialect.name == "sqlite":
        with _file_lock(engine, wait_seconds):
            yield
    else:
        with _advisory_lock(engine, wait_seconds):
            yield


def _locked(engine: Engine) -> CrawlLocked:
    return CrawlLocked(f"another crawl is running on {mask_url(engine.url)}")


@contextmanager
def _file_lock(engine: Engine, wait_seconds: float) -> Iterator[None]:
    path = sqlite_path(engine.url)
    if path is None:  # an in-memory database belongs to this process alone
        yield
        return
    lock = FileLock(f"{path}.lock", timeout=max(wait_seconds, 0), thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise _locked(engine) from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def _advisory_lock(engine: Engine, wait_seconds: float) -> Iterator[None]:
    try:
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    except SQLAlchemyError as exc:
        raise database_error(exc, engine, "cannot take the crawl lock on") from None
    try:
        _exempt_from_idle_timeout(conn)
        key = advisory_key(conn, "crawl")
        deadline = time.monotonic() + max(wait_seconds, 0)
        while not conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}):
            if time.monotonic() >= deadline:
                raise _locked(engine)
            time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            # If the connection is gone, the server released the lock with it.
            with suppress(SQLAlchemyError):
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                if _has_idle_session_timeout(conn):
                    conn.execute(text("RESET idle_session_timeout"))  # back in the pool as it was
    finally:
        conn.close()


def _has_idle_session_timeout(conn: Connection) -> bool:
    return (conn.dialect.server_version_info or (0,)) >= (14,)


def _exempt_from_idle_timeout(conn: Connection) -> None:
    """The lock's connection sits idle for the whole crawl: a server set to end idle
    sessions (``idle_session_timeout``, PostgreSQL 14+) would end it, and the lock with it,
    without a word. This session opts out."""
    if _has_idle_session_timeout(conn):
        conn.execute(text("SET idle_session_timeout = 0"))
