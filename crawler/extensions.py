"""Scrapy extensions: the ``crawl_runs`` record and the end-of-run verdict."""

from __future__ import annotations

import logging
import time

from scrapy import signals

from crawler.database import CrawlDatabase
from crawler.monitoring import (
    DEFAULT_THRESHOLDS,
    coverage_from_stats,
    fields_below_threshold,
    run_status,
)

logger = logging.getLogger(__name__)

EXIT_CODES = {"succeeded": 0, "aborted": 1, "failed": 1, "degraded": 1}
# Scrapy logs an unreachable robots.txt with a full traceback; the message alone already
# names the URL and the cause (e.g. "DNS lookup failed: ... en.vcarepharmatech.com").
QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)


class DropTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


class CrawlRunRecorder:
    """Opens a ``crawl_runs`` row when the spider opens and completes it when it closes.

    Also sets the stat ``vcare/exit_code``, which our ``crawl`` command turns into the exit
    status, and logs one summary line per run.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.started = time.monotonic()
        self.thresholds = {
            **DEFAULT_THRESHOLDS,
            **crawler.settings.getdict("VCARE_COVERAGE_THRESHOLDS"),
        }

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        for name in QUIET_LOGGERS:
            logging.getLogger(name).addFilter(DropTraceback())
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.started = time.monotonic()
        database = CrawlDatabase.for_crawler(self.crawler)
        run_id = database.start_run(
            spider=spider.name,
            mode=getattr(spider, "mode", "incremental"),
            start_urls=list(getattr(spider, "start_urls", [])),
        )
        self.crawler.stats.set_value("vcare/run_id", run_id)

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats.get_stats()
        try:
            outcome = self.outcome(spider, reason, stats)
        except Exception as exc:  # the run must be closed whatever went wrong in judging it
            logger.error("could not judge the run: %s: %s", type(exc).__name__, exc)
            outcome = {"status": "failed", "finish_reason": f"run recorder error: {exc}"}
        status = outcome["status"]
        database = getattr(self.crawler, "vcare_database", None)
        if database is not None:
            try:
                database.finish_run(**outcome)
            except Exception as exc:
                logger.error("could not record the end of the run: %s", str(exc).splitlines()[0])
                status = "failed"
            finally:
                database.close()
        self.crawler.stats.set_value("vcare/status", status)
        self.crawler.stats.set_value("vcare/exit_code", EXIT_CODES[status])
        logger.info(
            "run %s %s: %d new, %d changed, %d unchanged, %d errors, %d requests, %.1fs",
            stats.get("vcare/run_id"),
            status,
            outcome.get("items_new", 0),
            outcome.get("items_changed", 0),
            outcome.get("items_unchanged", 0),
            outcome.get("error_count", 0),
            outcome.get("request_count", 0),
            time.monotonic() - self.started,
        )

    def outcome(self, spider, reason: str, stats: dict) -> dict:
        """The ``crawl_runs`` values of a finished crawl, verdict included."""
        coverage = coverage_from_stats(stats)
        low = fields_below_threshold(coverage, self.thresholds)
        readable = int(stats.get("vcare/pages/article", 0) or 0) + int(
            stats.get("vcare/pages/listing", 0) or 0
        )
        # An edition whose host gave nothing readable (gone, renamed, redesigned) is a problem
        # even when the other edition crawled fine.
        silent = [
            host for host in getattr(spider, "allowed_domains", [])
            if readable and not stats.get(f"vcare/readable_pages/{host}")
        ]
        low += [f"edition:{host}" for host in silent]
        failures = list(getattr(spider, "failures", []))
        store_errors = int(stats.get("vcare/store_errors", 0) or 0)
        status = run_status(
            finish_reason=reason, readable_pages=readable, store_errors=store_errors, low_fields=low
        )
        if low:
            examples = ", ".join(
                (getattr(spider, "poor_page_examples", None)
                 or getattr(spider, "unrecognized_page_examples", []))[:3]
            ) or "none recorded"
            logger.warning(
                "layout check: coverage below threshold for %s (%s); example pages: %s",
                ", ".join(low),
                ", ".join(f"{f}={coverage.get(f, 0)}" for f in low),
                examples,
            )
        return {
            "status": status,
            "request_count": int(stats.get("downloader/request_count", 0) or 0),
            "response_count": int(stats.get("downloader/response_count", 0) or 0),
            "items_new": int(stats.get("vcare/items_new", 0) or 0),
            "items_changed": int(stats.get("vcare/items_changed", 0) or 0),
            "items_unchanged": int(stats.get("vcare/items_unchanged", 0) or 0),
            "error_count": len(failures) + store_errors,
            "finish_reason": reason,
            "errors": failures[:500],
            "coverage": {**coverage, "below_threshold": low},
        }
