"""Item pipelines: validate what the spider yields, then store it in batches.

Writes run on one background thread so that the crawl never waits for the database on
every item; a batch is written when it is full or when ``VCARE_FLUSH_SECONDS`` have passed.
A batch the database refuses for something in it is written again in halves, down to the
item at fault, so that one bad item costs only itself; a database that is down or locked
fails the batch at once.
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
from storage.errors import is_refusal_of_the_data

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
        except Exception as exc:  # a failed write must not kill the crawl; the run is failed
            if len(batch) > 1 and is_refusal_of_the_data(exc):
                # Halves in order: an item's links before its article, as in one batch.
                middle = len(batch) // 2
                self.write(batch[:middle])
                self.write(batch[middle:])
                return
            what = _describe(batch[0]) if len(batch) == 1 else f"{len(batch)} items"
            message = f"could not store {what}: {type(exc).__name__}: {exc}".splitlines()[0]
            logger.error(message)
            self.write_errors.append(message)
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


def _describe(item) -> str:
    """One item, as a log line names it."""
    if isinstance(item, ArticleItem):
        return f"article {item.article.news_id} ({item.fetch.url})"
    if isinstance(item, NotModifiedItem):
        return f"unchanged article {item.news_id} ({item.fetch.url})"
    if isinstance(item, LinksItem):
        source = f" of {item.related_of}" if item.related_of else ""
        return f"{len(item.links)} {item.language} links{source}"
    return type(item).__name__
