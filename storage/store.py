"""Writing crawl results: merge items into ``news_items`` and record revisions.

Crawl runs (``crawl_runs``) are kept by ``storage.runs``.

Every function takes a session created by the caller and never commits: the caller commits
once per write (or rolls back), so a write is stored entirely or not at all. (The crawl's
pipeline writes a batch in one write; a batch refused for one item's value, again in parts.)

Merge rules of ``save_batch`` (see ``docs/schema.md`` for the reader's view):

* The batch is deduplicated first: items about the same ``(language, news_id)`` are merged
  (a later non-empty link value wins over an earlier one; the last article wins; an article
  beats a link; a 304 counts only when the batch has no article for that key).
* Links (listings, Related News blocks) only fill gaps: they never replace a stored value.
* A fetched article is the authority, but a missing value never blanks a stored one.
* A *poor* article (no title, or no publication time, or an empty body where a body is stored
  or where the page has no image either) only fills gaps: it overwrites nothing, does not mark
  the row fetched, writes no revision.
* ``content_hash`` covers (title, published_at, source, body_text). When a fetch changes it,
  the earlier values go to ``item_revisions`` and ``last_changed_at`` moves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, NamedTuple

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crawler.items import Article, ArticleItem, FetchInfo, LinksItem, NewsLink, NotModifiedItem
from storage.models import ItemRevision, NewsItem, RelatedNews

CHINA = timezone(timedelta(hours=8))  # China Standard Time; no daylight saving since 1991
CHUNK = 500  # rows per IN (...) list and per multi-row statement

items_table: Table = NewsItem.__table__  # type: ignore[assignment]
related_table: Table = RelatedNews.__table__  # type: ignore[assignment]
revisions_table: Table = ItemRevision.__table__  # type: ignore[assignment]

Key = tuple[str, str]  # (language, news_id)

# Columns a save may change, apart from the bookkeeping timestamps.
CONTENT_COLUMNS = (
    "url",
    "section",
    "title",
    "summary",
    "published_at",
    "published_on",
    "source",
    "body_text",
    "body_html",
    "images",
    "content_hash",
    "page_fetched",
    "etag",
    "http_last_modified",
)
TIMESTAMP_COLUMNS = (
    "first_seen_at",
    "last_seen_at",
    "last_fetched_at",
    "last_changed_at",
    "updated_at",
)
ROW_COLUMNS = ("language", "news_id", *CONTENT_COLUMNS, *TIMESTAMP_COLUMNS)


@dataclass
class SaveCounts:
    """What a save did, counted per news item (each ``(language, news_id)`` once per batch).

    * ``new``: article pages stored for the first time (a new row, or a stub completed);
    * ``changed``: fetched again with a different content hash (a revision was written);
    * ``unchanged``: fetched again with the same hash, or answered 304 Not Modified;
    * ``stubs``: rows created from links alone (listing or Related News), not yet fetched;
    * ``poor``: article pages too incomplete to trust (they only filled gaps).
    """

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    stubs: int = 0
    poor: int = 0

    def __iadd__(self, other: SaveCounts) -> SaveCounts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


class KnownArticle(NamedTuple):
    """What an incremental crawl needs to know about a stored item."""

    page_fetched: bool
    published_at: datetime | None
    etag: str | None
    http_last_modified: str | None


def content_hash(
    title: str | None, published_at: datetime | None, source: str | None, body_text: str | None
) -> str:
    """SHA-256 (hex) over the values whose change makes a revision."""
    when = published_at.astimezone(UTC).isoformat() if published_at else None
    payload = json.dumps([title, when, source, body_text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def china_date(value: datetime) -> date:
    return as_utc(value).astimezone(CHINA).date()


def aware_now(now: datetime) -> datetime:
    """``now`` in UTC; a naive ``now`` is a caller's bug (whose clock would it be?)."""
    if now.tzinfo is None:
        raise ValueError(f"naive datetime {now!r}: pass a timezone-aware 'now'")
    return now.astimezone(UTC)


def as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as China time, as the site shows it."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA)
    return value.astimezone(UTC)


# --- batch dedupe ---------------------------------------------------------------------------


@dataclass
class _Incoming:
    """Everything one batch says about one news item."""

    link: dict[str, Any]
    article: ArticleItem | None = None
    not_modified: FetchInfo | None = None


@dataclass
class _Batch:
    incoming: dict[Key, _Incoming]
    related: dict[Key, list[Key]]  # owner -> related items in block order
    related_owners: set[Key]  # owners that are not otherwise in the batch


def _link_values(link: NewsLink, section: str | None) -> dict[str, Any]:
    return {
        "url": link.url,
        "title": link.title,
        "summary": link.summary,
        "published_on": link.published_on,
        "section": section,
    }


def _dedupe(items: Iterable[ArticleItem | LinksItem | NotModifiedItem]) -> _Batch:
    incoming: dict[Key, _Incoming] = {}
    related: dict[Key, list[Key]] = {}
    article_related: set[Key] = set()

    def entry(key: Key) -> _Incoming:
        return incoming.setdefault(key, _Incoming(link={}))

    def add_link(language: str, link: NewsLink, section: str | None) -> Key:
        key = (language, link.news_id)
        merged = entry(key).link
        for name, value in _link_values(link, section).items():
            if not _empty(value):
                merged[name] = value
        return key

    for item in items:
        if isinstance(item, ArticleItem):
            article = item.article
            key = (article.language, article.news_id)
            entry(key).article = item
            keys = [add_link(article.language, link, None) for link in article.related]
            if keys:
                related[key] = keys
                article_related.add(key)
        elif isinstance(item, LinksItem):
            keys = [add_link(item.language, link, item.section) for link in item.links]
            if item.related_of is not None and keys:
                owner = (item.language, item.related_of)
                if owner not in article_related:  # the article's own block is the authority
                    related[owner] = keys
        elif isinstance(item, NotModifiedItem):
            entry((item.language, item.news_id)).not_modified = item.fetch
        else:
            raise TypeError(f"save_batch cannot store {type(item).__name__}")
    owners = {key for key in related if key not in incoming}
    return _Batch(incoming, related, owners)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


# --- merge ----------------------------------------------------------------------------------


def _is_poor(article: Article, stored: dict[str, Any] | None) -> bool:
    """A parse too incomplete to be the authority (see the merge rules above)."""
    if _empty(article.title) or article.published_at is None:
        return True
    if not _empty(article.body_text):
        return False
    # No body: poor when a body is stored, and when there is nothing else to show either
    # (an image-only article is a real article; an empty one is a misread page, and marking
    # it fetched would stop incremental crawls from ever fetching it again).
    stored_body = stored.get("body_text") if stored else None
    return not _empty(stored_body) or not article.images


def _stored_hash(stored: dict[str, Any]) -> str | None:
    if not stored["page_fetched"]:
        return None
    return stored["content_hash"] or content_hash(
        stored["title"], stored["published_at"], stored["source"], stored["body_text"]
    )


def _article_values(article: Article) -> dict[str, Any]:
    published_at = as_utc(article.published_at) if article.published_at else None
    return {
        "url": article.url,
        "section": article.section,
        "title": article.title,
        "published_at": published_at,
        "published_on": china_date(published_at) if published_at else None,
        "source": article.source,
        "body_text": article.body_text,
        "body_html": article.body_html,
        "images": list(article.images),
    }


def _fill_gaps(row: dict[str, Any], values: dict[str, Any]) -> None:
    for name, value in values.items():
        if _empty(row.get(name)) and not _empty(value):
            row[name] = value


def _overwrite(row: dict[str, Any], values: dict[str, Any]) -> None:
    for name, value in values.items():
        if not _empty(value):
            row[name] = value


class _Outcome(NamedTuple):
    row: dict[str, Any]  # the values to store
    kind: str  # "new", "changed", "unchanged", "stub", "poor", "seen"
    revision: dict[str, Any] | None  # the earlier values, when the content changed


def _merge(key: Key, stored: dict[str, Any] | None, inc: _Incoming, now: datetime) -> _Outcome:
    row: dict[str, Any] = dict(stored) if stored else _blank_row(key, now)
    kind = "stub" if stored is None else "seen"
    revision = None
    _fill_gaps(row, inc.link)
    row["last_seen_at"] = now

    if inc.article is not None:
        article, fetch = inc.article.article, inc.article.fetch
        values = _article_values(article)
        row["last_fetched_at"] = now
        if _is_poor(article, stored):
            _fill_gaps(row, values)
            kind = "poor"
        else:
            old_hash = _stored_hash(stored) if stored else None
            _overwrite(row, values)
            new_hash = content_hash(
                row["title"], row["published_at"], row["source"], row["body_text"]
            )
            row.update(
                page_fetched=True,
                content_hash=new_hash,
                etag=fetch.etag,
                http_last_modified=fetch.last_modified,
            )
            if old_hash is None:
                kind = "new"
                row["last_changed_at"] = now
            elif old_hash != new_hash:
                kind = "changed"
                row["last_changed_at"] = now
                revision = {
                    "title": stored["title"],
                    "body_text": stored["body_text"],
                    "content_hash": old_hash,
                    "published_at": stored["published_at"],
                    "source": stored["source"],
                }
            else:
                kind = "unchanged"
    elif inc.not_modified is not None and stored is not None:
        row["last_fetched_at"] = now
        if inc.not_modified.etag:
            row["etag"] = inc.not_modified.etag
        if inc.not_modified.last_modified:
            row["http_last_modified"] = inc.not_modified.last_modified
        kind = "unchanged"

    if stored is None or any(row[c] != stored[c] for c in CONTENT_COLUMNS):
        row["updated_at"] = now
    return _Outcome(row, kind, revision)


def _blank_row(key: Key, now: datetime) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_COLUMNS)
    row.update(
        language=key[0],
        news_id=key[1],
        images=[],
        page_fetched=False,
        first_seen_at=now,
        last_seen_at=now,
        updated_at=now,
    )
    return row


# --- save_batch -----------------------------------------------------------------------------


def save_batch(
    session: Session,
    items: Sequence[ArticleItem | LinksItem | NotModifiedItem],
    *,
    now: datetime,
    run_id: int | None = None,
) -> SaveCounts:
    """Merge ``items`` into the store (see the module docstring); does not commit.

    Order: stubs from links and articles go in one multi-row upsert (link values first, the
    article over them), then revisions, then Related News rows. A NotModifiedItem for an item
    the store does not know is ignored.
    """
    now = aware_now(now)
    batch = _dedupe(items)
    counts = SaveCounts()
    if not batch.incoming and not batch.related:
        return counts

    stored = _load_rows(session, batch.incoming.keys() | batch.related_owners)
    upserts: list[dict[str, Any]] = []
    seen_only: list[int] = []
    fetched_only: list[int] = []
    revisions: list[tuple[Key, dict[str, Any]]] = []
    for key, inc in batch.incoming.items():
        old = stored.get(key)
        if old is None and inc.article is None and not inc.link:
            continue  # a 304 for an item we never stored
        outcome = _merge(key, old, inc, now)
        if outcome.kind == "stub":
            counts.stubs += 1
        elif outcome.kind != "seen":
            setattr(counts, outcome.kind, getattr(counts, outcome.kind) + 1)
        if outcome.revision is not None:
            revisions.append((key, outcome.revision))
        if old is not None and all(outcome.row[c] == old[c] for c in CONTENT_COLUMNS):
            (fetched_only if outcome.row["last_fetched_at"] == now else seen_only).append(old["id"])
        else:
            upserts.append(outcome.row)
    for key in batch.related_owners:
        if key not in stored:
            upserts.append(_blank_row(key, now))
            counts.stubs += 1

    ids = {key: row["id"] for key, row in stored.items()}
    ids.update(_upsert_rows(session, upserts))
    _touch(session, seen_only, {"last_seen_at": now})
    _touch(session, fetched_only, {"last_seen_at": now, "last_fetched_at": now})
    if revisions:
        session.execute(
            insert(revisions_table),
            [
                {**old, "item_id": ids[key], "recorded_at": now, "run_id": run_id}
                for key, old in revisions
            ],
        )
    _replace_related(session, batch.related, ids)
    return counts


def _load_rows(session: Session, keys: Iterable[Key]) -> dict[Key, dict[str, Any]]:
    by_language: dict[str, list[str]] = {}
    for language, news_id in keys:
        by_language.setdefault(language, []).append(news_id)
    columns = [items_table.c.id, *(items_table.c[name] for name in ROW_COLUMNS)]
    rows: dict[Key, dict[str, Any]] = {}
    for language, news_ids in by_language.items():
        for chunk in _chunks(news_ids):
            query = select(*columns).where(
                items_table.c.language == language, items_table.c.news_id.in_(chunk)
            )
            for row in session.execute(query).mappings():
                rows[(row["language"], row["news_id"])] = dict(row)
    return rows


def _upsert_rows(session: Session, rows: list[dict[str, Any]]) -> dict[Key, int]:
    """Insert or update whole rows (values already merged); returns their ids."""
    if not rows:
        return {}
    dialect_insert = (
        postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    )
    stmt = dialect_insert(items_table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[items_table.c.language, items_table.c.news_id],
        set_={
            name: stmt.excluded[name] for name in ROW_COLUMNS if name not in ("language", "news_id")
        },
    ).returning(items_table.c.id, items_table.c.language, items_table.c.news_id)
    ids: dict[Key, int] = {}
    params = [{name: row[name] for name in ROW_COLUMNS} for row in rows]
    for chunk in _chunks(params):
        for row_id, language, news_id in session.execute(stmt, chunk):
            ids[(language, news_id)] = row_id
    return ids


def _touch(session: Session, ids: list[int], values: dict[str, datetime]) -> None:
    for chunk in _chunks(ids):
        session.execute(update(items_table).where(items_table.c.id.in_(chunk)).values(values))


def _replace_related(session: Session, related: dict[Key, list[Key]], ids: dict[Key, int]) -> None:
    """Store each owner's Related News block; an unchanged block writes nothing."""
    wanted: dict[int, list[int]] = {}
    for owner, keys in related.items():
        owner_id = ids[owner]
        seen: list[int] = []
        for key in keys:
            related_id = ids[key]
            if related_id != owner_id and related_id not in seen:
                seen.append(related_id)
        wanted[owner_id] = seen
    if not wanted:
        return
    current: dict[int, list[tuple[int, int]]] = {owner_id: [] for owner_id in wanted}
    for chunk in _chunks(list(wanted)):
        query = select(
            related_table.c.item_id, related_table.c.related_item_id, related_table.c.position
        ).where(related_table.c.item_id.in_(chunk))
        for item_id, related_id, position in session.execute(query):
            current[item_id].append((position, related_id))
    changed = [
        owner_id
        for owner_id, related_ids in wanted.items()
        if [related_id for _, related_id in sorted(current[owner_id])] != related_ids
    ]
    for chunk in _chunks(changed):
        session.execute(delete(related_table).where(related_table.c.item_id.in_(chunk)))
    new_rows = [
        {"item_id": owner_id, "related_item_id": related_id, "position": position}
        for owner_id in changed
        for position, related_id in enumerate(wanted[owner_id])
    ]
    if new_rows:
        session.execute(insert(related_table), new_rows)


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


# --- incremental crawling -------------------------------------------------------------------


def known_articles(session: Session, language: str) -> dict[str, KnownArticle]:
    """Every stored item of an edition: news_id -> what a conditional re-fetch needs."""
    t = items_table
    query = select(
        t.c.news_id, t.c.page_fetched, t.c.published_at, t.c.etag, t.c.http_last_modified
    ).where(t.c.language == language)
    return {
        news_id: KnownArticle(bool(fetched), published_at, etag, last_modified)
        for news_id, fetched, published_at, etag, last_modified in session.execute(query)
    }


__all__ = [
    "KnownArticle",
    "SaveCounts",
    "content_hash",
    "known_articles",
    "save_batch",
]
