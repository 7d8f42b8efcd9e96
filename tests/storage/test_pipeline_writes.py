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


@pytest.mark.parametrize(
    "failure",
    [
        sa_exc.OperationalError("INSERT ...", {}, Exception("database is locked")),
        sa_exc.ProgrammingError("INSERT ...", {}, Exception('relation "news_items" is missing')),
        sa_exc.InternalError("INSERT ...", {}, Exception("read-only transaction")),
        KeyError("published_on"),  # a bug in the merge meets every item alike
    ],
    ids=["locked", "no schema", "read-only", "merge bug"],
)
def test_a_failure_that_is_not_about_one_item_fails_the_batch_in_one_write(
    pipeline: StorePipeline, db: Db, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    calls = []

    def failing(session, items, **kwargs):
        calls.append(len(items))
        raise failure

    monkeypatch.setattr(store, "save_batch", failing)
    pipeline.write([article(f"1{n:03d}") for n in range(20)])
    assert calls == [20]  # not retried in parts: every part would fail alike
    assert len(pipeline.write_errors) == 1
    assert pipeline.write_errors[0].startswith(
        f"could not store 20 items: {type(failure).__name__}: ")
