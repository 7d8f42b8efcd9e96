"""Two crawls started together on one database: one runs, the other waits or steps aside.

The crawl lock (``storage/locking.py``) is a file lock for SQLite and an advisory lock for
PostgreSQL. Without ``VCARE_LOCK_WAIT`` the second crawl exits 2 with one clear line; with
it, the second waits for the first and then crawls. Either way the database ends equal to the
manifest, with no duplicate and no half-written row.
"""

from __future__ import annotations

import pytest

from crawler.sample_site import build_site, running_replica
from tests.integration.helpers import mismatches_with_manifest, stored_articles
from tests.reliability.helpers import (
    ARTICLES,
    SITE_SEED,
    crawl_runs,
    duplicates,
    log_text,
    partial_rows,
    spawn_crawl,
)

pytestmark = pytest.mark.integration

# Long enough (a few seconds) that the two crawls certainly overlap.
OVERLAP = {"CONCURRENT_REQUESTS_PER_DOMAIN": 2, "DOWNLOAD_DELAY": 0.02}
LOCKED_LINE = "another crawl is running"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return build_site(articles=ARTICLES, seed=SITE_SEED).manifest()


@pytest.fixture(scope="module")
def site():
    with running_replica(articles=ARTICLES, seed=SITE_SEED) as replica:
        yield replica


def crawl_twice_at_once(site, db_url: str, tmp_path, settings: dict) -> list[tuple[int, str]]:
    """Start two crawls at the same moment; (exit code, log) of each."""
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = [
        spawn_crawl(site.base_url, db_url, log_path=log, settings={**OVERLAP, **settings})
        for log in logs
    ]
    try:
        codes = [process.wait(timeout=180) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return [(code, log_text(log)) for code, log in zip(codes, logs, strict=True)]


def assert_database_is_whole(db_url: str, manifest: dict) -> None:
    assert mismatches_with_manifest(manifest, stored_articles(db_url)) == []
    assert duplicates(db_url) == {"news_items": [], "news_items_url": [], "related_news": []}
    assert partial_rows(db_url) == []


def test_second_crawl_exits_2_with_one_clear_line(site, manifest, db_url, tmp_path):
    outcomes = crawl_twice_at_once(site, db_url, tmp_path, {})
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 2], [text[-3000:] for _, text in outcomes]
    _, refused = next(o for o in outcomes if o[0] == 2)
    error_lines = [line for line in refused.splitlines() if "error" in line.lower()]
    assert len(error_lines) == 1 and LOCKED_LINE in error_lines[0], refused[-3000:]
    assert "Traceback" not in refused
    [run] = crawl_runs(db_url)  # the refused crawl never started a run
    assert run["status"] == "succeeded"
    assert_database_is_whole(db_url, manifest)


def test_second_crawl_waits_for_the_first_then_succeeds(site, manifest, db_url, tmp_path):
    outcomes = crawl_twice_at_once(site, db_url, tmp_path, {"VCARE_LOCK_WAIT": 120})
    assert [code for code, _ in outcomes] == [0, 0], [text[-3000:] for _, text in outcomes]
    assert all("Traceback" not in text for _, text in outcomes)
    first, second = crawl_runs(db_url)
    assert (first["status"], second["status"]) == ("succeeded", "succeeded")
    assert first["finished_at"] <= second["started_at"], "the two crawls overlapped"
    assert_database_is_whole(db_url, manifest)
