"""Typed SQLAlchemy models of the news store (the schema documented in ``docs/schema.md``).

The migrations under ``storage/migrations`` create this schema; the models are the reference the
code reads and writes through. Every timestamp is stored in UTC and read back timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

RUN_MODES = ("incremental", "full")
RUN_STATUSES = ("running", "succeeded", "failed", "degraded", "aborted")


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC; read back as an aware UTC datetime on every dialect.

    SQLite has no time zone type: values are stored there as naive UTC text
    (``YYYY-MM-DD HH:MM:SS.ffffff``), which sorts and compares correctly.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the store needs timezone-aware values")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class NewsItem(Base):
    """One news item of one edition; a stub (``page_fetched`` False) until its page is fetched."""

    __tablename__ = "news_items"
    __table_args__ = (
        UniqueConstraint("language", "news_id"),
        Index(None, "published_at"),
        Index(None, "language", "published_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    news_id: Mapped[str] = mapped_column(String(64))
    # NULL only while the row is known solely as the owner of a Related News block.
    url: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    published_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    body_text: Mapped[str | None] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    images: Mapped[list[Any]] = mapped_column(default=list)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    page_fetched: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    etag: Mapped[str | None] = mapped_column(Text)
    http_last_modified: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    last_fetched_at: Mapped[datetime | None]
    last_changed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class RelatedNews(Base):
    """An entry of an item's Related News block; ``position`` is 0-based in block order."""

    __tablename__ = "related_news"
    __table_args__ = (Index(None, "related_item_id"),)

    item_id: Mapped[int] = mapped_column(
        ForeignKey("news_items.id", ondelete="CASCADE"), primary_key=True
    )
    related_item_id: Mapped[int] = mapped_column(
        ForeignKey("news_items.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)


class CrawlRun(Base):
    """One crawl: who ran it, when, how it ended, and what it saw."""

    __tablename__ = "crawl_runs"
    __table_args__ = (
        CheckConstraint(f"mode IN {RUN_MODES!r}", name="mode"),
        CheckConstraint(f"status IN {RUN_STATUSES!r}", name="status"),
        Index(None, "started_at"),
        Index(None, "status", "hostname"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spider: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(20))
    start_urls: Mapped[list[Any]] = mapped_column(default=list)
    pid: Mapped[int] = mapped_column(Integer)
    hostname: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20))
    request_count: Mapped[int] = mapped_column(Integer, default=0)
    response_count: Mapped[int] = mapped_column(Integer, default=0)
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    items_changed: Mapped[int] = mapped_column(Integer, default=0)
    items_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    finish_reason: Mapped[str | None] = mapped_column(Text)
    errors: Mapped[list[Any]] = mapped_column(default=list)
    coverage: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ItemRevision(Base):
    """The EARLIER content of an item, recorded whenever a fetch finds it changed."""

    __tablename__ = "item_revisions"
    __table_args__ = (Index(None, "item_id", "recorded_at"), Index(None, "recorded_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("news_items.id", ondelete="CASCADE"))
    title: Mapped[str | None] = mapped_column(Text)
    body_text: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[datetime | None]
    source: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))


def utc_now() -> datetime:
    return datetime.now(UTC)
