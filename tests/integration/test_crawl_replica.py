"""The real ``scrapy crawl vcare_news`` against the replica over HTTP, vs. its manifest."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

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


def test_second_crawl_of_unchanged_site_keeps_the_same_rows(tmp_path, manifest):
    db_url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    with running_replica(articles=ARTICLES, seed=SEED) as site:
        first_code, _ = crawl_into(db_url, tmp_path, site)
        first = stored_articles(db_url)
        second_code, _ = crawl_into(db_url, tmp_path, site)
        second = stored_articles(db_url)
    assert (first_code, second_code) == (0, 0)
    strip = {"id"}
    assert {k: {f: v for f, v in r.items() if f not in strip} for k, r in first.items()} == {
        k: {f: v for f, v in r.items() if f not in strip} for k, r in second.items()
    }


def test_crawl_into_postgresql_matches_manifest(tmp_path, manifest, fresh_pg_url):
    with running_replica(articles=ARTICLES, seed=SEED) as site:
        code, _ = crawl_into(fresh_pg_url, tmp_path, site)
    assert code == 0, (tmp_path / "crawl.log").read_text()[-3000:]
    assert mismatches_with_manifest(manifest, stored_articles(fresh_pg_url)) == []
