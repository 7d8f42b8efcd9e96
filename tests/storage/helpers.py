"""Small read/write shortcuts for storage tests (each opens and commits its own session)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from storage.models import ItemRevision, NewsItem, RelatedNews
from storage.store import SaveCounts, save_batch
from tests.storage.conftest import NOW, Db


def save(db: Db, *items: Any, now: datetime = NOW, run_id: int | None = None) -> SaveCounts:
    with db.Session() as session:
        counts = save_batch(session, list(items), now=now, run_id=run_id)
        session.commit()
    return counts


def get(db: Db, news_id: str, language: str = "en") -> NewsItem:
    with db.Session() as session:
        return session.scalars(
            select(NewsItem).where(NewsItem.language == language, NewsItem.news_id == news_id)
        ).one()


def count(db: Db, model: type) -> int:
    with db.Session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def revisions(db: Db, news_id: str, language: str = "en") -> list[ItemRevision]:
    with db.Session() as session:
        return list(
            session.scalars(
                select(ItemRevision)
                .join(NewsItem, NewsItem.id == ItemRevision.item_id)
                .where(NewsItem.language == language, NewsItem.news_id == news_id)
                .order_by(ItemRevision.id)
            )
        )


def related_ids(db: Db, news_id: str, language: str = "en") -> list[str]:
    """The news ids of an item's Related News block, in position order."""
    with db.Session() as session:
        owner = get(db, news_id, language).id
        related = NewsItem.__table__.alias("related")
        query = (
            select(related.c.news_id)
            .join(RelatedNews, RelatedNews.related_item_id == related.c.id)
            .where(RelatedNews.item_id == owner)
            .order_by(RelatedNews.position)
        )
        return list(session.scalars(query))
