"""A ``db`` fixture over SQLite (always) and PostgreSQL (when VCARE_TEST_PG_URL is set).

Each test gets its own database: a fresh SQLite file, or a fresh PostgreSQL schema selected
through the URL's ``search_path`` (dropped after the test).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from crawler.items import Article, ArticleItem, FetchInfo, LinksItem, NewsLink, NotModifiedItem
from storage.db import make_sessionmaker, open_engine, upgrade_schema

PG_ENV = "VCARE_TEST_PG_URL"
CST = timezone(timedelta(hours=8))
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
BASE = "https://www.vcarepharmatech.com"


@dataclass
class Db:
    url: str
    engine: Engine
    Session: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV} (e.g. postgresql+psycopg://...)")
    return url


@pytest.fixture
def empty_db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The URL of an empty database of the requested dialect (no schema)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'news.sqlite3'}"
        return
    admin = create_engine(pg_url(), isolation_level="AUTOCOMMIT")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(pg_url()).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


DIALECTS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every database test runs on each dialect, unless it names its own (``ONLY_POSTGRES``)."""
    chosen = any("empty_db_url" in mark.args[0]
                 for mark in metafunc.definition.iter_markers("parametrize"))
    if "empty_db_url" in metafunc.fixturenames and not chosen:
        metafunc.parametrize("empty_db_url", DIALECTS, indirect=True)


# For a behaviour only a database server has: ``@ONLY_POSTGRES`` on the test.
ONLY_POSTGRES = pytest.mark.parametrize("empty_db_url", DIALECTS[1:], indirect=True)


@pytest.fixture
def db(empty_db_url: str) -> Iterator[Db]:
    engine = open_engine(empty_db_url)
    upgrade_schema(engine)
    try:
        yield Db(empty_db_url, engine, make_sessionmaker(engine))
    finally:
        engine.dispose()


@pytest.fixture
def session(db: Db) -> Iterator[Session]:
    with db.Session() as s:
        yield s


# --- item factories -------------------------------------------------------------------------


def link(
    news_id: str,
    title: str | None = "Listing title",
    *,
    language: str = "en",
    summary: str | None = "A summary",
    published_on: date | None = date(2025, 3, 1),
) -> NewsLink:
    return NewsLink(news_id, f"{BASE}/{language}/news/{news_id}.html", title, summary, published_on)


def links(
    *news_ids: str,
    language: str = "en",
    section: str | None = "Company News",
    related_of: str | None = None,
    **kwargs,
) -> LinksItem:
    return LinksItem(
        language,
        [link(n, language=language, **kwargs) for n in news_ids],
        section=section,
        related_of=related_of,
    )


def article(
    news_id: str,
    *,
    language: str = "en",
    title: str | None = "Article title",
    published_at: datetime | None = datetime(2025, 3, 1, 9, 30, tzinfo=CST),
    source: str | None = "Vcare",
    body_text: str = "First paragraph.\nSecond.",
    body_html: str = "<p>First paragraph.</p><p>Second.</p>",
    related: list[NewsLink] | None = None,
    section: str | None = "Company News",
    etag: str | None = '"v1"',
    last_modified: str | None = None,
    images: list[str] | None = None,
) -> ArticleItem:
    url = f"{BASE}/{language}/news/{news_id}.html"
    return ArticleItem(
        Article(
            news_id,
            url,
            language,
            title,
            published_at,
            source,
            body_text,
            body_html,
            images=[f"{BASE}/img/{news_id}.jpg"] if images is None else images,
            related=related or [],
            section=section,
        ),
        FetchInfo(url, 200, etag=etag, last_modified=last_modified),
    )


def not_modified(
    news_id: str, *, language: str = "en", etag: str | None = '"v1"'
) -> NotModifiedItem:
    url = f"{BASE}/{language}/news/{news_id}.html"
    return NotModifiedItem(language, news_id, FetchInfo(url, 304, etag=etag))
