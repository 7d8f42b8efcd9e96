"""Re-crawls cost what changed: counted requests on a 500-article-per-edition replica.

One full crawl is made per module; each test copies its database and the replica's state,
changes the replica, re-crawls, and counts what the replica served and what was written.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from crawler.sample_site import build_site, running_replica
from tests.conftest import run_crawl

pytestmark = pytest.mark.integration

ARTICLES = 500
SEED = 23
RECENT = 5  # the newest articles of each edition count as "recent" in these tests


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A replica state and a database holding a complete first crawl of it."""
    base = tmp_path_factory.mktemp("incremental")
    state = base / "state"
    build_site(articles=ARTICLES, seed=SEED, state_dir=state)
    db_file = base / "news.sqlite3"
    with running_replica(state_dir=state) as site:
        result = run_crawl(site.base_url, f"sqlite:///{db_file}", log_path=base / "first.log")
    assert result.returncode == 0, (base / "first.log").read_text()[-3000:]
    return state, db_file


@pytest.fixture
def copy(crawled, tmp_path):
    state, db_file = crawled
    shutil.copytree(state, tmp_path / "state")
    shutil.copy(db_file, tmp_path / "news.sqlite3")
    return tmp_path / "state", f"sqlite:///{tmp_path / 'news.sqlite3'}"


def recent_days_covering(manifest: dict, count: int) -> int:
    """A VCARE_RECENT_DAYS that makes exactly the ``count`` newest articles per edition recent."""
    days = []
    now = datetime.now(UTC)
    for language in ("en", "zh"):
        times = sorted(
            (datetime.fromisoformat(a["published_at"]) for a in manifest["articles"]
             if a["language"] == language),
            reverse=True,
        )
        newest_old, oldest_recent = times[count], times[count - 1]
        assert (now - oldest_recent).days < (now - newest_old).days, "pick another seed"
        days.append((now - oldest_recent).days + 1)
    return min(days)


def recrawl(state, db_url, tmp_path, *, mode=None, recent_days=14, name="recrawl"):
    with running_replica(state_dir=state) as site:
        site.request_log.clear()
        result = run_crawl(
            site.base_url, db_url, log_path=tmp_path / f"{name}.log", mode=mode,
            settings={"VCARE_RECENT_DAYS": recent_days},
        )
        log = list(site.request_log)
    assert result.returncode == 0, (tmp_path / f"{name}.log").read_text()[-3000:]
    return log


def snapshot(db_url: str) -> dict[str, list]:
    """Every table's rows, without the columns an unchanged re-check may touch."""
    volatile = {"last_seen_at", "last_fetched_at", "updated_at"}
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            tables = {}
            for table in ("news_items", "related_news", "item_revisions"):
                rows = connection.execute(sa.text(f"SELECT * FROM {table}")).mappings().all()
                tables[table] = sorted(
                    tuple(sorted((k, str(v)) for k, v in r.items() if k not in volatile))
                     for r in rows
                )
            return tables
    finally:
        engine.dispose()


def last_run(db_url: str) -> dict:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            return dict(connection.execute(
                sa.text("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")
            ).mappings().one())
    finally:
        engine.dispose()


def article_fetches(log) -> list[tuple[str, int]]:
    return [(path, status) for method, path, status in log if "/news_detail/" in path]


def test_unchanged_recrawl_fetches_first_listing_pages_and_rechecks_recent_articles(
    copy, tmp_path
):
    state, db_url = copy
    manifest = build_site(state_dir=state).manifest()
    days = recent_days_covering(manifest, RECENT)
    before = snapshot(db_url)
    log = recrawl(state, db_url, tmp_path, recent_days=days)

    sections = manifest["sections"]
    allowed = {"/robots.txt", "/", "/zh/"} | {s["listing_url"] for s in sections}
    other = [(p, s) for _, p, s in log if "/news_detail/" not in p]
    assert {p for p, _ in other} <= allowed, other
    assert len(other) == len({p for p, _ in other}), "a page was fetched twice"
    rechecks = article_fetches(log)
    assert {s for _, s in rechecks} <= {304}
    assert 2 <= len(rechecks) <= 2 * RECENT
    assert snapshot(db_url) == before
    run = last_run(db_url)
    assert run["request_count"] == len(log)
    assert (run["items_new"], run["items_changed"]) == (0, 0)


def test_added_articles_are_the_only_article_pages_fetched(copy, tmp_path):
    state, db_url = copy
    added = build_site(state_dir=state).add(3, language="en")
    log = recrawl(state, db_url, tmp_path, recent_days=0)

    fetched = article_fetches(log)
    added_ids = {a.news_id for a in added}
    assert len(fetched) == 3
    assert {p.rsplit("/", 1)[-1].split("-")[0] for p, _ in fetched} == added_ids
    run = last_run(db_url)
    assert run["items_new"] == 3
    assert run["request_count"] == len(log)


def test_edited_recent_article_gives_exactly_one_revision(copy, tmp_path):
    state, db_url = copy
    site = build_site(state_dir=state)
    manifest = site.manifest()
    days = recent_days_covering(manifest, RECENT)
    newest = max(
        (a for a in manifest["articles"] if a["language"] == "en"),
        key=lambda a: a["published_at"],
    )
    edited = site.edit(newest["news_id"])
    recrawl(state, db_url, tmp_path, recent_days=days)

    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        revisions = connection.execute(sa.text("SELECT count(*) FROM item_revisions")).scalar()
        title = connection.execute(
            sa.text("SELECT title FROM news_items WHERE news_id = :id AND language = 'en'"),
            {"id": newest["news_id"]},
        ).scalar()
    engine.dispose()
    assert revisions == 1
    assert title == edited.title
    assert last_run(db_url)["items_changed"] == 1


def test_edited_old_article_is_found_by_the_full_revalidation_run(copy, tmp_path):
    state, db_url = copy
    site = build_site(state_dir=state)
    oldest = min(
        (a for a in site.manifest()["articles"] if a["language"] == "zh"),
        key=lambda a: a["published_at"],
    )
    site.edit(oldest["news_id"])

    incremental_log = recrawl(state, db_url, tmp_path, recent_days=0, name="incremental")
    assert not any(oldest["news_id"] in p for p, _ in article_fetches(incremental_log))

    full_log = recrawl(state, db_url, tmp_path, mode="full", recent_days=0, name="full")
    fetched = article_fetches(full_log)
    full_downloads = [p for p, status in fetched if status == 200]
    assert len(fetched) == 2 * ARTICLES
    assert len(full_downloads) == 1 and oldest["news_id"] in full_downloads[0]
    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        revisions = connection.execute(sa.text("SELECT count(*) FROM item_revisions")).scalar()
    engine.dispose()
    assert revisions == 1


def forget_pages_of(db_url: str, news_ids: list[str], last_run_status: str) -> None:
    """Make some articles stubs again, as if a crawl had died before fetching them."""
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE news_items SET page_fetched = :no, etag = NULL WHERE news_id = :id"),
            [{"no": False, "id": news_id} for news_id in news_ids],
        )
        connection.execute(
            sa.text(
                "UPDATE crawl_runs SET status = :status "
                "WHERE id = (SELECT max(id) FROM crawl_runs)"
            ),
            {"status": last_run_status},
        )
    engine.dispose()


def deep_listing_ids(state) -> list[str]:
    section = max(build_site(state_dir=state).manifest()["sections"], key=lambda s: s["page_count"])
    return section["news_ids"][-3:]  # on the section's last listing page


@pytest.mark.parametrize(
    ("last_run_status", "refetched"), [("aborted", True), ("succeeded", False)]
)
def test_after_a_crawl_that_did_not_succeed_the_walk_reaches_older_pages(
    copy, tmp_path, last_run_status, refetched
):
    state, db_url = copy
    missing = deep_listing_ids(state)
    forget_pages_of(db_url, missing, last_run_status)
    log = recrawl(state, db_url, tmp_path, recent_days=0)
    fetched_ids = {p.rsplit("/", 1)[-1].split("-")[0] for p, _ in article_fetches(log)}
    assert fetched_ids == (set(missing) if refetched else set())
