"""Reading a crawled database back and comparing it with the replica's ground truth."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa

CRAWLED_LINE = re.compile(r"Crawled \(\d+\) <(?:GET|HEAD) (\S+)>")


def stored_articles(db_url: str) -> dict[tuple[str, str], dict]:
    """(language, news_id) -> row, for every row of news_items (fetched or stub)."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT id, language, news_id, url, title, published_at, source, "
                    "page_fetched, body_text FROM news_items"
                )
            ).mappings()
            items = {}
            for row in rows:
                key = (row["language"], row["news_id"])
                assert key not in items, f"duplicate row for {key}"
                items[key] = dict(row)
            related = connection.execute(
                sa.text(
                    "SELECT r.item_id, n.news_id FROM related_news r "
                    "JOIN news_items n ON n.id = r.related_item_id ORDER BY r.item_id, r.position"
                )
            ).all()
    finally:
        engine.dispose()
    by_id = {row["id"]: row for row in items.values()}
    for row in items.values():
        row["related"] = []
    for item_id, news_id in related:
        by_id[item_id]["related"].append(news_id)
    return items


def as_utc_instant(value) -> datetime | None:
    """A stored timestamp as an aware instant: SQLite gives back naive UTC text."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def mismatches_with_manifest(manifest: dict, stored: dict) -> list[str]:
    """Every difference between the manifest's articles and the stored rows, as text."""
    problems = []
    for article in manifest["articles"]:
        key = (article["language"], article["news_id"])
        row = stored.get(key)
        if row is None:
            problems.append(f"missing {key}")
            continue
        if not row["page_fetched"]:
            problems.append(f"{key}: page never fetched")
        if row["title"] != article["title"]:
            problems.append(f"{key}: title {row['title']!r} != {article['title']!r}")
        expected_time = datetime.fromisoformat(article["published_at"])
        stored_time = as_utc_instant(row["published_at"])
        if stored_time != expected_time:
            problems.append(f"{key}: published_at {stored_time} != {expected_time}")
        if row["source"] != article["source"]:
            problems.append(f"{key}: source {row['source']!r} != {article['source']!r}")
        if sorted(row["related"]) != sorted(article["related"]):
            problems.append(f"{key}: related {row['related']} != {article['related']}")
        if urlsplit(row["url"]).path != article["url"]:
            problems.append(f"{key}: url {row['url']} != {article['url']}")
    expected_keys = {(a["language"], a["news_id"]) for a in manifest["articles"]}
    extra = set(stored) - expected_keys
    if extra:
        problems.append(f"rows not in the manifest: {sorted(extra)[:5]}")
    return problems


def crawled_urls(log_path: Path) -> list[str]:
    """URLs Scrapy reports as crawled (needs LOG_LEVEL=DEBUG)."""
    return CRAWLED_LINE.findall(log_path.read_text(encoding="utf-8", errors="replace"))
