"""A crawl killed with SIGKILL at any point loses nothing once the next crawl has run.

Each case starts ``scrapy crawl vcare_news`` as a child process, kills it (SIGKILL: no
cleanup, no ``finally``) at one point of the crawl, then runs a normal crawl on the same
database. The second crawl must mark the killed run ``aborted`` and leave the database equal
to the manifest, with no duplicates and no half-written rows.
"""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from crawler.sample_site import build_site, running_replica
from tests.conftest import run_crawl
from tests.integration.helpers import crawled_urls, mismatches_with_manifest, stored_articles
from tests.reliability.helpers import (
    ARTICLES,
    SITE_SEED,
    crawl_runs,
    duplicates,
    partial_rows,
    spawn_crawl,
    sqlite_url,
    tail,
)

pytestmark = pytest.mark.integration

TOTAL = 2 * ARTICLES
# Slow enough (one request at a time, 30 ms apart) that every kill point is reached while the
# crawl is still running; small batches so that the late points fall between commits.
KILLED_RUN_SETTINGS = {
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "DOWNLOAD_DELAY": 0.03,
    "VCARE_BATCH_SIZE": 5,
    "VCARE_FLUSH_SECONDS": 0.3,
}
# No commit at all before the end of the crawl: items pile up in the pipeline's memory.
NEVER_FLUSH = {**KILLED_RUN_SETTINGS, "VCARE_BATCH_SIZE": 100_000, "VCARE_FLUSH_SECONDS": 3600}


@dataclass(frozen=True)
class KillPoint:
    name: str
    settings: dict
    responses: int = 0  # kill once the log shows this many responses...
    fetched: int = 0  # ...and the database holds this many fetched articles


KILL_POINTS = [
    # The run is recorded, robots.txt and the first listings are in, nothing is committed.
    KillPoint("before_any_commit", NEVER_FLUSH, responses=3),
    # Many pages parsed and held in memory, still nothing committed.
    KillPoint("items_pending_uncommitted", NEVER_FLUSH, responses=60),
    KillPoint("after_first_batches", KILLED_RUN_SETTINGS, fetched=10),
    KillPoint("mid_crawl", KILLED_RUN_SETTINGS, fetched=50),
    KillPoint("during_last_batches", KILLED_RUN_SETTINGS, fetched=TOTAL - 8),
]


@pytest.fixture(scope="module")
def manifest() -> dict:
    return build_site(articles=ARTICLES, seed=SITE_SEED).manifest()


@pytest.fixture(scope="module")
def site():
    with running_replica(articles=ARTICLES, seed=SITE_SEED) as replica:
        yield replica


class Watcher:
    """Reads a running crawl's progress from its log and its database."""

    def __init__(self, db_url: str, log_path):
        self.engine = sa.create_engine(db_url)
        self.log_path = log_path

    def responses(self) -> int:
        if not self.log_path.exists():
            return 0
        return len(crawled_urls(self.log_path))

    def fetched(self) -> int:
        try:
            with self.engine.connect() as connection:
                return connection.execute(
                    sa.text("SELECT COUNT(*) FROM news_items WHERE page_fetched")
                ).scalar_one()
        except sa.exc.OperationalError:  # schema not created yet, or the file is locked
            return 0

    def run_started(self) -> bool:
        try:
            with self.engine.connect() as connection:
                return bool(connection.execute(
                    sa.text("SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'")
                ).scalar_one())
        except sa.exc.OperationalError:
            return False

    def reached(self, point: KillPoint) -> bool:
        return (
            self.run_started()
            and self.responses() >= point.responses
            and self.fetched() >= point.fetched
        )

    def close(self) -> None:
        self.engine.dispose()


def kill_at(point: KillPoint, site, db_url: str, log_path) -> dict:
    """Start a crawl, SIGKILL it when ``point`` is reached; what the database held then."""
    process = spawn_crawl(site.base_url, db_url, log_path=log_path, settings=point.settings)
    watcher = Watcher(db_url, log_path)
    try:
        deadline = time.monotonic() + 60
        while not watcher.reached(point):
            assert process.poll() is None, (
                f"the crawl ended before reaching {point.name}: {tail(log_path)}"
            )
            assert time.monotonic() < deadline, f"{point.name} not reached: {tail(log_path)}"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return {"pid": process.pid, "fetched": watcher.fetched(), "code": process.returncode}
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        watcher.close()


@pytest.mark.parametrize("point", KILL_POINTS, ids=[p.name for p in KILL_POINTS])
def test_crawl_killed_then_rerun_ends_equal_to_the_manifest(point, site, manifest, tmp_path):
    db_url = sqlite_url(tmp_path)
    killed = kill_at(point, site, db_url, tmp_path / "killed.log")
    assert killed["code"] == -signal.SIGKILL
    if point.settings is NEVER_FLUSH:
        assert killed["fetched"] == 0, "an item was committed although no batch was due"
    else:
        assert 0 < killed["fetched"] < TOTAL, killed
    [run] = crawl_runs(db_url)
    assert (run["status"], run["pid"]) == ("running", killed["pid"])

    result = run_crawl(site.base_url, db_url, log_path=tmp_path / "rerun.log")

    assert result.returncode == 0, tail(tmp_path / "rerun.log")
    first, second = crawl_runs(db_url)
    assert first["status"] == "aborted" and str(killed["pid"]) in first["finish_reason"]
    assert second["status"] == "succeeded"
    assert mismatches_with_manifest(manifest, stored_articles(db_url)) == []
    assert duplicates(db_url) == {"news_items": [], "news_items_url": [], "related_news": []}
    assert partial_rows(db_url) == []
