"""URL handling and open_engine: every unusable database is one clear, masked error line."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess

import pytest
from sqlalchemy import text

from storage.db import (
    DEFAULT_DB_URL,
    current_revision,
    head_revision,
    mask_url,
    open_engine,
    resolve_db_url,
    storage_errors,
    upgrade_schema,
)
from storage.errors import StorageError


def test_explicit_url_beats_environment_and_default(monkeypatch):
    monkeypatch.setenv("VCARE_DB_URL", "sqlite:///env.sqlite3")
    assert resolve_db_url("sqlite:///explicit.sqlite3") == "sqlite:///explicit.sqlite3"
    assert resolve_db_url() == "sqlite:///env.sqlite3"
    monkeypatch.delenv("VCARE_DB_URL")
    assert resolve_db_url() == DEFAULT_DB_URL == "sqlite:///data/vcare_news.sqlite3"


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_plain_postgres_urls_select_psycopg(scheme):
    assert resolve_db_url(f"{scheme}://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_db_url("postgresql+psycopg://h/db") == "postgresql+psycopg://h/db"


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgresql+psycopg://news:s3cr%40t@db:5432/n", "postgresql+psycopg://news:***@db:5432/n"),
        ("postgresql://news:pw@db/n", "postgresql://news:***@db/n"),
        ("postgresql://news@db/n", "postgresql://news@db/n"),
        ("sqlite:///data/x.sqlite3", "sqlite:///data/x.sqlite3"),
        ("not a url user:pw@", "not a url user:pw@"),
    ],
)
def test_mask_url_hides_the_password(url, masked):
    assert mask_url(url) == masked


def test_sqlite_parent_directory_is_created_with_wal_and_foreign_keys(tmp_path):
    engine = open_engine(f"sqlite:///{tmp_path / 'a' / 'b' / 'news.sqlite3'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    engine.dispose()


def test_relative_sqlite_path_is_relative_to_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_engine(DEFAULT_DB_URL).dispose()
    assert (tmp_path / "data" / "vcare_news.sqlite3").exists()


@pytest.mark.parametrize(
    "url",
    [
        "nonsense",
        "mysql://news:hunter2@db/news",
        "postgresql+psycopg://news:hunter2@db:notaport/news",
        "postgresql+nodriver://news:hunter2@db/news",
    ],
)
def test_bad_url_is_a_storage_error_naming_it_masked(url):
    with pytest.raises(StorageError) as raised:
        open_engine(url)
    message = str(raised.value)
    assert "hunter2" not in message and "\n" not in message
    assert raised.value.exit_code == 2
    if "hunter2" in url:
        assert "***" in message


def test_unreachable_postgres_is_one_masked_line():
    with pytest.raises(StorageError) as raised:
        open_engine("postgresql+psycopg://news:hunter2@127.0.0.1:1/news")
    message = str(raised.value)
    assert message.startswith(
        "cannot use database 'postgresql+psycopg://news:***@127.0.0.1:1/news'"
    )
    assert "hunter2" not in message and "\n" not in message
    assert raised.value.exit_code == 1


def test_sqlite_directory_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="cannot create the directory of database"):
        open_engine(f"sqlite:///{blocker / 'sub' / 'news.sqlite3'}")


def test_read_only_sqlite_database(tmp_path):
    path = tmp_path / "news.sqlite3"
    open_engine(f"sqlite:///{path}").dispose()
    with pytest.raises(StorageError, match="readonly"):
        open_engine(f"sqlite:///file:{path}?mode=ro&uri=true")


@contextlib.contextmanager
def read_only(path):
    """Make ``path`` unwritable, for root too (root ignores mode bits, not the immutable flag)."""
    path.chmod(0o444)
    if os.geteuid() != 0:
        yield
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("as root, without chattr +i on this file system, no file is read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_sqlite_file(tmp_path):
    path = tmp_path / "news.sqlite3"
    open_engine(f"sqlite:///{path}").dispose()
    with read_only(path), pytest.raises(StorageError, match="readonly"):
        open_engine(f"sqlite:///{path}")


def test_locked_sqlite_database(tmp_path):
    path = tmp_path / "news.sqlite3"
    open_engine(f"sqlite:///{path}").dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="database is locked"):
            open_engine(f"sqlite:///{path}", busy_timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_storage_errors_wraps_failures_of_a_working_engine(db):
    with (
        pytest.raises(StorageError, match="database error on") as raised,
        storage_errors(db.engine),
        db.engine.connect() as conn,
    ):
        conn.execute(text("SELECT * FROM no_such_table"))
    assert "\n" not in str(raised.value)


def test_upgrade_is_idempotent_and_reaches_head(db):
    upgrade_schema(db.engine)
    upgrade_schema(db.engine)
    assert current_revision(db.engine) == head_revision() == "0002"


def test_migrations_match_the_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from storage.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_in_memory_sqlite_keeps_one_database_across_sessions():
    from storage.db import make_sessionmaker
    from storage.queries import item_count
    from storage.store import save_batch
    from tests.storage.conftest import NOW, article

    engine = open_engine("sqlite://")
    upgrade_schema(engine)
    with make_sessionmaker(engine)() as session:
        save_batch(session, [article("1")], now=NOW)
        session.commit()
    with make_sessionmaker(engine)() as session:
        assert item_count(session) == 1
    engine.dispose()
