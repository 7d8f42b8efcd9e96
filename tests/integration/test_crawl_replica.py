"""The real ``scrapy crawl vcare_news`` against the replica over HTTP, vs. its manifest."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from crawler.sample_site import build_site, running_replica
from tests.conftest import run_crawl
from tests.integration.helpers import crawled_urls, mismatches_with_manifest, stored_articles

pytestmark = pytest.mark.integration

ARTICLES = 40
SEED = 11


@pytest.fixture(scope="module")
def manifest() -> dict:
    return build_site(articles=ARTICLES, seed=SEED).manifest()


def crawl_into(db_url: str, tmp_path, site) -> tuple[int, list[str]]:
    log = tmp_path / "crawl.log"
    result = run_crawl(site.base_url, db_url, log_path=log)
    return result.returncode, crawled_urls(log)


def test_crawl_stores_every_article_of_both_editions_once(tmp_path, manifest):
    db_url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    with running_replica(articles=ARTICLES, seed=SEED) as site:
        code, urls = crawl_into(db_url, tmp_path, site)
        origin = urlsplit(site.base_url).netloc
    assert code == 0, (tmp_path / "crawl.log").read_text()[-3000:]
    assert {a["language"] for a in manifest["articles"]} == {"en", "zh"}
    assert mismatches_with_manifest(manifest, stored_articles(db_url)) == []
    assert urls, "the crawl log shows no crawled URL"
    assert {urlsplit(u).netloc for u in urls} == {origin}


def without_ids(rows: dict) -> dict:
    return {key: {f: v for f, v in row.items() if f != "id"} for key, row in rows.items()}


def count(db_url: str, table: str) -> int:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def test_second_crawl_of_unchanged_site_keeps_the_same_rows(tmp_path, manifest, db_url):
    with running_replica(articles=ARTICLES, seed=SEED) as site:
        first_code, _ = crawl_into(db_url, tmp_path, site)
        first = stored_articles(db_url)
        second_code, _ = crawl_into(db_url, tmp_path, site)
        second = stored_articles(db_url)
    assert (first_code, second_code) == (0, 0)
    assert without_ids(first) == without_ids(second)
    assert count(db_url, "item_revisions") == 0


def test_editing_one_article_gives_exactly_one_revision(tmp_path, db_url):
    state = tmp_path / "state"
    site_model = build_site(articles=ARTICLES, seed=SEED, state_dir=state)
    with running_replica(state_dir=state) as site:
        assert crawl_into(db_url, tmp_path, site)[0] == 0
        target = site_model.manifest()["articles"][7]
        edited = site_model.edit(target["news_id"])
        log = tmp_path / "full.log"
        assert run_crawl(site.base_url, db_url, log_path=log, mode="full").returncode == 0
    assert count(db_url, "item_revisions") == 1
    stored = stored_articles(db_url)[(target["language"], target["news_id"])]
    assert stored["title"] == edited.title != target["title"]


def test_crawl_into_postgresql_matches_manifest(tmp_path, manifest, fresh_pg_url):
    with running_replica(articles=ARTICLES, seed=SEED) as site:
        code, _ = crawl_into(fresh_pg_url, tmp_path, site)
    assert code == 0, (tmp_path / "crawl.log").read_text()[-3000:]
    assert mismatches_with_manifest(manifest, stored_articles(fresh_pg_url)) == []
