"""The store pipeline's writes: one bad item costs only itself, a failing database the batch.

The pipeline is driven directly (its background writer is only a thread around ``write``),
against a real database of each dialect.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest
from scrapy.settings import Settings
from sqlalchemy import exc as sa_exc

from crawler.database import CrawlDatabase
from crawler.pipelines import StorePipeline
from storage import store
from storage.models import NewsItem
from tests.storage.conftest import Db, article, links
from tests.storage.helpers import count, get


@pytest.fixture
def pipeline(db: Db):
    crawler = SimpleNamespace(settings=Settings({"VCARE_BATCH_SIZE": 50}))
    writer = StorePipeline(crawler)
    writer.database = CrawlDatabase(db.url)
    yield writer
    writer.writer.shutdown(wait=True)
    writer.database.close()


def _refused(news_id: str, dialect: str):
    """An article with a title the database refuses: SQLite an integer past 64 bits,
    PostgreSQL a NUL character."""
    title = 2**70 if dialect == "sqlite" else "Title\x00with a NUL"
    good = article(news_id)
    return dataclasses.replace(good, article=dataclasses.replace(good.article, title=title))


def test_one_refused_item_costs_only_itself(pipeline: StorePipeline, db: Db) -> None:
    batch = [links(*(f"9{n:03d}" for n in range(5)))]
    batch += [article(f"1{n:03d}") for n in range(20)]
    batch.insert(13, _refused("2000", db.dialect))
    pipeline.write(batch)
    assert count(db, NewsItem) == 25  # 20 articles, 5 links; not the refused one
    assert pipeline.counts.new == 20
    assert get(db, "1019").title == "Article title"
    assert len(pipeline.write_errors) == 1
    error = pipeline.write_errors[0]
    assert error.startswith("could not store article 2000 (https://")
    assert "\n" not in error


def test_a_batch_the_database_cannot_take_at_all_fails_in_one_write(
    pipeline: StorePipeline, db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def database_gone(session, items, **kwargs):
        calls.append(len(items))
        raise sa_exc.OperationalError("INSERT ...", {}, Exception("database is locked"))

    monkeypatch.setattr(store, "save_batch", database_gone)
    pipeline.write([article(f"1{n:03d}") for n in range(20)])
    assert calls == [20]  # not retried item by item: every part would wait and fail alike
    assert pipeline.write_errors == [
        "could not store 20 items: OperationalError: (builtins.Exception) database is locked"
    ]
