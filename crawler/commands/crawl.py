"""``scrapy crawl``, with checks up front and an exit status that tells how the crawl went.

Scrapy's own command exits 0 even when every request failed. Ours:
- checks the arguments, the database URL and the database before Twisted starts, so a bad
  one is one clear line and exit code 2, never a traceback;
- holds the cross-process crawl lock for the whole crawl, so two crawls never write the
  same database at once; when another crawl holds it, exits 2 with one line saying so;
- exits with the run's verdict (``vcare/exit_code``: 0 succeeded, 1 failed/degraded/aborted).
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from crawler.errors import UserError

SPIDER_ARGUMENTS = ("start_urls", "mode")
# Our numeric settings: name -> (Settings getter, smallest sensible value, what is expected).
NUMERIC_SETTINGS = {
    "VCARE_BATCH_SIZE": ("getint", 1, "a whole number of items, at least 1"),
    "VCARE_FLUSH_SECONDS": ("getfloat", 0, "a number of seconds"),
    "VCARE_LOCK_WAIT": ("getfloat", 0, "a number of seconds"),
    "VCARE_RECENT_DAYS": ("getint", 0, "a whole number of days"),
    "VCARE_RETRY_BACKOFF": ("getfloat", 0, "a number of seconds"),
    "VCARE_RETRY_AFTER_MAX": ("getfloat", 0, "a number of seconds"),
    "DOWNLOAD_TIMEOUT": ("getfloat", 0, "a number of seconds"),
    "DOWNLOAD_DELAY": ("getfloat", 0, "a number of seconds"),
    "RETRY_TIMES": ("getint", 0, "a whole number"),
    "CLOSESPIDER_TIMEOUT": ("getfloat", 0, "a number of seconds (0: no limit)"),
    "CONCURRENT_REQUESTS": ("getint", 1, "a whole number, at least 1"),
    "CONCURRENT_REQUESTS_PER_DOMAIN": ("getint", 1, "a whole number, at least 1"),
}


def check_settings(settings) -> None:
    """One clear line for a setting that would otherwise fail mid-crawl with a traceback."""
    for name, (getter, lowest, expected) in NUMERIC_SETTINGS.items():
        try:
            value = getattr(settings, getter)(name)
        except (TypeError, ValueError):
            value = None
        if value is None or value < lowest:
            raise UserError(f"invalid setting {name}={settings.get(name)!r}: expected {expected}")
    if settings.getfloat("DOWNLOAD_TIMEOUT") <= 0:
        raise UserError(f"invalid setting DOWNLOAD_TIMEOUT={settings.get('DOWNLOAD_TIMEOUT')!r}: "
                        "expected a number of seconds above 0")
    expected = 'a JSON object of shares from 0 to 1, such as {"title": 0.9}'
    try:
        thresholds = settings.getdict("VCARE_COVERAGE_THRESHOLDS")
    except (TypeError, ValueError):
        raise UserError(f"invalid setting VCARE_COVERAGE_THRESHOLDS: expected {expected}") from None
    for field, share in thresholds.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise UserError(
                f"invalid setting VCARE_COVERAGE_THRESHOLDS: {field}={share!r}, expected {expected}"
            )


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) != 1:
            raise UsageError("expected exactly one spider name")
        assert self.crawler_process is not None
        try:
            self.exitcode = self.run_checked(args[0], opts)
        except UserError as exc:
            print(f"scrapy crawl: error: {exc}", file=sys.stderr)
            self.exitcode = exc.exit_code

    def run_checked(self, spider_name: str, opts) -> int:
        from crawler.database import CrawlDatabase  # noqa: PLC0415 (keeps `scrapy list` fast)
        from crawler.spiders.vcare_news import MODES, VcareNewsSpider, resolve_start_urls
        from storage.locking import crawl_lock

        try:
            crawler = self._create_crawler(spider_name)
        except KeyError:
            raise UserError(f"unknown spider {spider_name!r}: expected vcare_news") from None
        settings = crawler.settings
        check_settings(settings)
        if issubclass(crawler.spidercls, VcareNewsSpider):
            unknown = sorted(set(opts.spargs) - set(SPIDER_ARGUMENTS))
            if unknown:
                raise UserError(
                    f"unknown spider argument {unknown[0]!r}: expected "
                    + " or ".join(f"-a {name}=..." for name in SPIDER_ARGUMENTS)
                )
            resolve_start_urls(opts.spargs.get("start_urls"), settings.get("VCARE_START_URLS"))
            mode = opts.spargs.get("mode", "incremental")
            if mode not in MODES:
                raise UserError(f"invalid mode {mode!r}: expected {' or '.join(MODES)}")
        database = CrawlDatabase.for_crawler(crawler)
        with crawl_lock(database.engine, wait_seconds=settings.getfloat("VCARE_LOCK_WAIT", 0)):
            # Migrate only while holding the lock: never under another crawl's feet.
            database.upgrade_schema()
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
            if database.run_id is not None and crawler.stats.get_value("vcare/status") is None:
                # The engine stopped before spider_closed could record the outcome (a signal
                # during start-up, a forced second Ctrl-C, or a recorder error): close the
                # run here rather than leave it "running".
                try:
                    database.finish_run(
                        status="aborted",
                        finish_reason="crawl ended without closing its run (forced shutdown)",
                    )
                finally:
                    database.close()
        if self.crawler_process.bootstrap_failed:
            return 1
        return int(crawler.stats.get_value("vcare/exit_code", 1))
