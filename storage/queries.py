"""Read helpers for reports, the CLI and tests (downstream SQL readers: see docs/schema.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from storage.models import CrawlRun, ItemRevision, NewsItem, RelatedNews


class NewsSummary(NamedTuple):
    language: str
    news_id: str
    title: str | None
    published_at: datetime | None
    published_on: date | None
    url: str | None
    section: str | None
    page_fetched: bool


def count_by_edition_and_section(session: Session) -> list[tuple[str, str | None, int]]:
    """(language, section, number of items), sorted by language then section."""
    query = (
        select(NewsItem.language, NewsItem.section, func.count())
        .group_by(NewsItem.language, NewsItem.section)
        .order_by(NewsItem.language, NewsItem.section)
    )
    return [(language, section, count) for language, section, count in session.execute(query)]


def newest(session: Session, limit: int = 5, language: str | None = None) -> list[NewsSummary]:
    """The most recently published items (by China-local date, then time), newest first."""
    query = select(
        NewsItem.language,
        NewsItem.news_id,
        NewsItem.title,
        NewsItem.published_at,
        NewsItem.published_on,
        NewsItem.url,
        NewsItem.section,
        NewsItem.page_fetched,
    )
    if language is not None:
        query = query.where(NewsItem.language == language)
    query = query.order_by(
        NewsItem.published_on.desc().nulls_last(),
        NewsItem.published_at.desc().nulls_last(),
        NewsItem.id.desc(),
    ).limit(limit)
    return [NewsSummary(*row) for row in session.execute(query)]


def related_link_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(RelatedNews)) or 0


def item_count(session: Session, *, fetched: bool | None = None) -> int:
    query = select(func.count()).select_from(NewsItem)
    if fetched is not None:
        query = query.where(NewsItem.page_fetched.is_(fetched))
    return session.scalar(query) or 0


def revision_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ItemRevision)) or 0


def recent_runs(session: Session, limit: int = 5) -> list[CrawlRun]:
    query = select(CrawlRun).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
    return list(session.scalars(query.limit(limit)))


def run_of_process(
    session: Session, *, pid: int, hostname: str, since: datetime
) -> CrawlRun | None:
    """The newest run started by process ``pid`` on ``hostname`` at or after ``since``.

    None as well when the schema does not exist yet (the crawl stopped before creating it).
    """
    query = (
        select(CrawlRun)
        .where(CrawlRun.pid == pid, CrawlRun.hostname == hostname, CrawlRun.started_at >= since)
        .order_by(CrawlRun.id.desc())
        .limit(1)
    )
    try:
        return session.scalars(query).first()
    except SQLAlchemyError:
        return None


def previous_run_status(session: Session, *, before_run_id: int | None) -> str | None:
    """Status of the newest run older than ``before_run_id`` (of all runs, when None)."""
    query = select(CrawlRun.status).order_by(CrawlRun.id.desc()).limit(1)
    if before_run_id is not None:
        query = query.where(CrawlRun.id < before_run_id)
    return session.scalars(query).first()
