"""Fixtures shared by the whole suite: PostgreSQL databases and crawl runs."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL_ENV = "VCARE_TEST_PG_URL"
REPO_ROOT = Path(__file__).resolve().parent.parent


def pg_base_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def require_pg() -> str:
    """The PostgreSQL URL, or a visible skip (a failure in CI, where it must be there)."""
    url = pg_base_url()
    if url:
        return url
    reason = f"{PG_URL_ENV} is not set: PostgreSQL tests need a server"
    if os.environ.get("VCARE_REQUIRE_PG"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def fresh_pg_url() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards."""
    import sqlalchemy as sa

    base = require_pg()
    name = f"vcare_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database of each kind the store supports (SQLite file, PostgreSQL)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'news.sqlite3'}"
    return request.getfixturevalue("fresh_pg_url")


def run_crawl(
    start_url: str,
    db_url: str,
    *,
    log_path: Path,
    mode: str | None = None,
    settings: dict | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess:
    """Run the real ``scrapy crawl vcare_news`` in a child process, as a user would."""
    from crawler.runner import crawl_command, crawl_environment, local_replica_settings

    command = crawl_command(
        start_urls=[start_url],
        db_url=db_url,
        mode=mode,
        settings=local_replica_settings(LOG_LEVEL="DEBUG", **(settings or {})),
    )
    with open(log_path, "wb") as log:
        return subprocess.run(
            command,
            cwd=REPO_ROOT,
            env=crawl_environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
