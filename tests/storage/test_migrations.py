"""A database created by the early schema (0001) upgrades to head without losing rows."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text

from storage.db import (
    current_revision,
    downgrade_schema,
    head_revision,
    make_sessionmaker,
    open_engine,
    script_head,
    upgrade_schema,
)
from storage.models import NewsItem, RelatedNews
from storage.store import SaveCounts
from tests.storage.conftest import CST, Db, article, links
from tests.storage.helpers import count, get, related_ids, save

EARLY_ROWS = """
INSERT INTO news_items (id, news_id, url, language, title, published_at, source, body_text)
VALUES
  (1, '101', 'https://www.vcarepharmatech.com/en/news/101.html', 'en', 'Article title',
   :published_at, 'Vcare', 'First paragraph.' || :nl || 'Second.'),
  (2, '102', 'https://www.vcarepharmatech.com/en/news/102.html', 'en', 'Listed only',
   NULL, NULL, NULL)
"""


def early_database(url: str) -> Db:
    engine = open_engine(url)
    upgrade_schema(engine, "0001")
    with engine.begin() as conn:
        # 2025-03-01 17:30 UTC is already 2 March in China.
        published_at = datetime(2025, 3, 1, 17, 30, tzinfo=UTC)
        if engine.dialect.name == "sqlite":
            published_at = published_at.replace(tzinfo=None)
        conn.execute(text(EARLY_ROWS), {"published_at": published_at, "nl": "\n"})
        conn.execute(text("INSERT INTO related_news VALUES (1, 2, 0)"))
    return Db(url, engine, make_sessionmaker(engine))


def test_upgrade_from_0001_keeps_every_row(empty_db_url):
    db = early_database(empty_db_url)
    try:
        assert current_revision(db.engine) == "0001"
        upgrade_schema(db.engine)
        assert current_revision(db.engine) == "0002"
        assert (count(db, NewsItem), count(db, RelatedNews)) == (2, 1)
        fetched, stub = get(db, "101"), get(db, "102")
        assert fetched.page_fetched and not stub.page_fetched
        assert fetched.published_at == datetime(2025, 3, 1, 17, 30, tzinfo=UTC)
        assert fetched.published_on == date(2025, 3, 2)
        assert fetched.images == [] and fetched.first_seen_at is not None
        assert related_ids(db, "101") == ["102"]
    finally:
        db.engine.dispose()


def test_migrated_rows_merge_like_any_other(empty_db_url):
    db = early_database(empty_db_url)
    try:
        upgrade_schema(db.engine)
        same = article("101", published_at=datetime(2025, 3, 2, 1, 30, tzinfo=CST), related=[])
        assert save(db, same, links("102")) == SaveCounts(unchanged=1)
        edited = article("101", published_at=same.article.published_at, body_text="Edited.")
        assert save(db, edited) == SaveCounts(changed=1)
        assert get(db, "102").summary == "A summary"
    finally:
        db.engine.dispose()


def test_downgrade_to_0001_and_back(db):
    save(db, article("1"), links("2", related_of="1"))
    downgrade_schema(db.engine, "0001")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM news_items")).scalar() == 2
    upgrade_schema(db.engine)
    assert related_ids(db, "1") == ["2"]


def test_script_head_is_alembics_head():
    assert script_head() == head_revision()


def test_upgrade_of_a_database_at_head_leaves_alembic_out(db, monkeypatch):
    from alembic import command

    def refuse(*args, **kwargs):
        raise AssertionError("Alembic ran on a database already at head")

    monkeypatch.setattr(command, "upgrade", refuse)
    upgrade_schema(db.engine)
    assert current_revision(db.engine) == head_revision()
