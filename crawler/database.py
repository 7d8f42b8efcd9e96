"""The crawl's handle on the SQL store, shared by the store pipeline and the run recorder.

One ``CrawlDatabase`` per crawler: it opens the engine once, records the run in
``crawl_runs`` and hands sessions to whoever writes. All SQL stays in ``storage``.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime

from storage import db as storage_db
from storage import queries, runs, store


def utcnow() -> datetime:
    return datetime.now(UTC)


class CrawlDatabase:
    """Engine, session factory and the ``crawl_runs`` row of one crawl."""

    def __init__(self, url: str):
        self.url = url
        self.engine = storage_db.open_engine(url)
        self.sessions = storage_db.make_sessionmaker(self.engine)
        self.run_id: int | None = None
        self.schema_ready = False

    def upgrade_schema(self) -> None:
        """Create or migrate the schema, once. Our crawl command calls it under the crawl lock."""
        if not self.schema_ready:
            storage_db.upgrade_schema(self.engine)
            self.schema_ready = True

    @classmethod
    def for_crawler(cls, crawler) -> CrawlDatabase:
        """The crawler's database, opened on first use."""
        existing = getattr(crawler, "vcare_database", None)
        if existing is None:
            url = storage_db.resolve_db_url(crawler.settings.get("VCARE_DB_URL"))
            existing = crawler.vcare_database = cls(url)
        return existing

    def start_run(self, *, spider: str, mode: str, start_urls: list[str]) -> int:
        self.upgrade_schema()  # a no-op after the crawl command's; needed for other runners
        with self.sessions() as session, session.begin():
            runs.abort_stale_runs(session, now=utcnow())
            self.run_id = runs.start_run(
                session,
                spider=spider,
                mode=mode,
                start_urls=start_urls,
                pid=os.getpid(),
                hostname=socket.gethostname(),
                now=utcnow(),
            )
        return self.run_id

    def finish_run(self, **outcome) -> None:
        if self.run_id is None:
            return
        with self.sessions() as session, session.begin():
            runs.finish_run(session, self.run_id, now=utcnow(), **outcome)

    def previous_run_status(self) -> str | None:
        """How the crawl before this one ended (None for the first crawl)."""
        with self.sessions() as session:
            return queries.previous_run_status(session, before_run_id=self.run_id)

    def known_articles(self, language: str) -> dict:
        with self.sessions() as session:
            return store.known_articles(session, language)

    def close(self) -> None:
        self.engine.dispose()
