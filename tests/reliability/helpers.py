"""Shared pieces of the reliability suite: crawl settings, crawl processes, database checks."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa

from crawler.runner import crawl_command, crawl_environment, local_replica_settings, start_crawl
from tests.conftest import REPO_ROOT

# Per edition; the replica builds this many articles in each of the two editions.
ARTICLES = 50
SITE_SEED = 7
# The replica's "slow" fault answers after FAULT_DELAY seconds; the crawler gives up on a
# response after DOWNLOAD_TIMEOUT and retries. Transient faults fail the first 1 or 2 requests
# of a path, so RETRY_TIMES = 4 always recovers. A 429's Retry-After (1 s) would slow the
# whole host down for the rest of the crawl; VCARE_RETRY_AFTER_MAX caps that for the tests.
FAULT_DELAY = 3.0
FAULT_SETTINGS = {
    "VCARE_RETRY_BACKOFF": 0.1,
    "VCARE_RETRY_AFTER_MAX": 0.1,
    "DOWNLOAD_TIMEOUT": 1.5,
    "RETRY_TIMES": 4,
}


def sqlite_url(directory: Path, name: str = "news.sqlite3") -> str:
    return f"sqlite:///{directory / name}"


def spawn_crawl(
    start_url: str, db_url: str, *, log_path: Path, settings: dict | None = None
) -> subprocess.Popen:
    """``scrapy crawl vcare_news`` in a child process that the test can signal."""
    command = crawl_command(
        start_urls=[start_url],
        db_url=db_url,
        settings=local_replica_settings(LOG_LEVEL="DEBUG", **(settings or {})),
    )
    return start_crawl(command, log_path=str(log_path), cwd=REPO_ROOT, env=crawl_environment())


def wait_until(condition: Callable[[], bool], *, timeout: float, interval: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def query(db_url: str, sql: str, **params) -> list[sa.Row]:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(sa.text(sql), params))
    finally:
        engine.dispose()


def scalar(db_url: str, sql: str, **params):
    rows = query(db_url, sql, **params)
    return rows[0][0] if rows else None


def crawl_runs(db_url: str) -> list[dict]:
    """Every crawl_runs row, oldest first, with ``errors``/``coverage`` decoded."""
    runs = []
    for row in query(db_url, "SELECT * FROM crawl_runs ORDER BY id"):
        run = dict(row._mapping)
        for column in ("errors", "coverage", "start_urls"):
            if isinstance(run[column], str):
                run[column] = json.loads(run[column])
        runs.append(run)
    return runs


def partial_rows(db_url: str) -> list[tuple]:
    """Fetched rows missing a title, a publication time or a body: must never exist."""
    return [
        tuple(row)
        for row in query(
            db_url,
            "SELECT language, news_id FROM news_items WHERE page_fetched AND ("
            "title IS NULL OR title = '' OR published_at IS NULL "
            "OR body_text IS NULL OR body_text = '')",
        )
    ]


def duplicates(db_url: str) -> dict[str, list[tuple]]:
    """Duplicate keys per table (news items, related links, revisions): must all be empty."""
    return {
        "news_items": [tuple(r) for r in query(
            db_url,
            "SELECT language, news_id, COUNT(*) FROM news_items "
            "GROUP BY language, news_id HAVING COUNT(*) > 1",
        )],
        "news_items_url": [tuple(r) for r in query(
            db_url,
            "SELECT url, COUNT(*) FROM news_items WHERE url IS NOT NULL "
            "GROUP BY url HAVING COUNT(*) > 1",
        )],
        "related_news": [tuple(r) for r in query(
            db_url,
            "SELECT item_id, related_item_id, COUNT(*) FROM related_news "
            "GROUP BY item_id, related_item_id HAVING COUNT(*) > 1",
        )],
    }


def no_duplicates(db_url: str) -> bool:
    return not any(duplicates(db_url).values())


def fetched_count(db_url: str) -> int:
    try:
        return int(scalar(db_url, "SELECT COUNT(*) FROM news_items WHERE page_fetched") or 0)
    except sa.exc.OperationalError:  # the schema is not there yet
        return 0


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def log_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def tail(path: Path, chars: int = 3000) -> str:
    return log_text(path)[-chars:]
