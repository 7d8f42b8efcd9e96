"""Item pipelines: validate what the spider yields, then store it in batches.

Writes run on one background thread so that the crawl never waits for the database on
every item; a batch is written when it is full or when ``VCARE_FLUSH_SECONDS`` have passed.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from scrapy.exceptions import DropItem

from crawler.database import CrawlDatabase, utcnow
from crawler.items import ArticleItem, LinksItem, NotModifiedItem
from storage import store

logger = logging.getLogger(__name__)


class ValidatePipeline:
    """Drops items that cannot be stored (no news id, no URL) with a clear reason."""

    def process_item(self, item, spider=None):
        if isinstance(item, ArticleItem):
            if not item.article.news_id or not item.article.url:
                raise DropItem(f"article without news id or URL: {item.fetch.url}")
        elif isinstance(item, LinksItem):
            item.links = [link for link in item.links if link.news_id and link.url]
            if not item.links:
                raise DropItem("no usable links")
        elif not isinstance(item, NotModifiedItem):
            raise DropItem(f"unexpected item type {type(item).__name__}")
        return item


class StorePipeline:
    """Saves items into the SQL store through ``storage.store.save_batch``."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.batch_size = crawler.settings.getint("VCARE_BATCH_SIZE", 200)
        self.flush_seconds = crawler.settings.getfloat("VCARE_FLUSH_SECONDS", 5.0)
        self.database: CrawlDatabase | None = None
        self.pending: list = []
        self.last_flush = time.monotonic()
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vcare-store")
        self.ticker = None
        self.counts = store.SaveCounts()
        self.counts_lock = threading.Lock()
        self.write_errors: list[str] = []

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        from twisted.internet import task  # the reactor is installed by now

        self.database = CrawlDatabase.for_crawler(self.crawler)
        # Items also reach the database when none follow them (long polite delays, retries).
        self.ticker = task.LoopingCall(self.flush_if_due)
        self.ticker.start(self.flush_seconds, now=False)

    def flush_if_due(self) -> None:
        if time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()

    def process_item(self, item, spider=None):
        self.pending.append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        self.last_flush = time.monotonic()
        if batch:
            self.writer.submit(self.write, batch)

    def write(self, batch: list) -> None:
        assert self.database is not None
        try:
            with self.database.sessions() as session, session.begin():
                counts = store.save_batch(
                    session, batch, now=utcnow(), run_id=self.database.run_id
                )
        except Exception as exc:  # one bad batch must not kill the crawl; the run is failed
            message = f"could not store {len(batch)} items: {type(exc).__name__}: {exc}"
            logger.error(message.splitlines()[0])
            self.write_errors.append(message.splitlines()[0])
            return
        with self.counts_lock:
            self.counts += counts

    def close_spider(self, spider=None):
        if self.ticker is not None and self.ticker.running:
            self.ticker.stop()
        self.flush()
        self.writer.shutdown(wait=True)
        stats = self.crawler.stats
        stats.set_value("vcare/items_new", self.counts.new)
        stats.set_value("vcare/items_changed", self.counts.changed)
        stats.set_value("vcare/items_unchanged", self.counts.unchanged)
        stats.set_value("vcare/store_errors", len(self.write_errors))
