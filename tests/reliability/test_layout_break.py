"""The site is redesigned under us: the run says so loudly, and the stored news stays as it was.

The replica's ``redesign`` layout serves the same articles, readable to a visitor but not to
our parser (no labels, dates in words, ``/item?id=`` links, no page numbers). Pages still
arrive, so this is not an outage: the run is ``degraded`` (a crawl that reads nothing on a
database that holds nothing would be ``failed`` — there is no earlier state to compare with).
"""

from __future__ import annotations

import re

import pytest

from crawler.sample_site import running_replica
from tests.conftest import run_crawl
from tests.reliability.helpers import (
    ARTICLES,
    SITE_SEED,
    crawl_runs,
    log_text,
    query,
    scalar,
    sqlite_url,
    tail,
)

pytestmark = pytest.mark.integration


def snapshot(db_url: str) -> dict:
    """Every stored value: news items (all columns) and related links."""
    items = {
        (row.language, row.news_id): dict(row._mapping)
        for row in query(db_url, "SELECT * FROM news_items")
    }
    related = sorted(
        tuple(row) for row in query(db_url, "SELECT item_id, related_item_id, position "
                                            "FROM related_news")
    )
    return {"items": items, "related": related}


@pytest.fixture(scope="module")
def redesigned(tmp_path_factory):
    directory = tmp_path_factory.mktemp("layout")
    db_url = sqlite_url(directory)
    with running_replica(articles=ARTICLES, seed=SITE_SEED) as site:
        first = run_crawl(site.base_url, db_url, log_path=directory / "first.log")
    assert first.returncode == 0, tail(directory / "first.log")
    before = snapshot(db_url)
    log = directory / "redesign.log"
    with running_replica(articles=ARTICLES, seed=SITE_SEED, layout="redesign") as site:
        result = run_crawl(site.base_url, db_url, log_path=log, mode="full")
    return {"db_url": db_url, "before": before, "log": log, "code": result.returncode}


def test_redesigned_site_makes_a_degraded_run(redesigned):
    run = crawl_runs(redesigned["db_url"])[-1]
    assert run["status"] == "degraded", run
    assert run["coverage"]["below_threshold"] == ["article_pages", "listing_pages"]
    assert run["coverage"]["pages_seen"] > 0


def test_degraded_run_exits_non_zero(redesigned):
    assert redesigned["code"] == 1


def test_log_warns_naming_the_fields_and_example_pages(redesigned):
    text = log_text(redesigned["log"])
    warnings = [line for line in text.splitlines()
                if "WARNING" in line and "layout check" in line]
    assert len(warnings) == 1, text[-3000:]
    assert "article_pages" in warnings[0] and "listing_pages" in warnings[0]
    assert re.search(r"example pages: http://127\.0\.0\.1:\d+/", warnings[0])
    assert "Traceback" not in text


def test_stored_rows_are_unchanged(redesigned):
    assert snapshot(redesigned["db_url"]) == redesigned["before"]


def test_no_revisions_are_written(redesigned):
    assert scalar(redesigned["db_url"], "SELECT COUNT(*) FROM item_revisions") == 0
