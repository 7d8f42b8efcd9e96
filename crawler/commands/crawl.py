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

# Another crawl holds the lock: nothing was attempted, like bad input (the scheduler reads
# exit 2 as "bad input or another crawl is running").
EXIT_LOCK_BUSY = 2


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) != 1:
            raise UsageError("expected exactly one spider name")
        assert self.crawler_process is not None
        try:
            self.exitcode = self.run_checked(args[0], opts)
        except UserError as exc:
            from storage.errors import CrawlLocked  # noqa: PLC0415

            print(f"scrapy crawl: error: {exc}", file=sys.stderr)
            self.exitcode = EXIT_LOCK_BUSY if isinstance(exc, CrawlLocked) else exc.exit_code

    def run_checked(self, spider_name: str, opts) -> int:
        from crawler.database import CrawlDatabase  # noqa: PLC0415 (keeps `scrapy list` fast)
        from crawler.spiders.vcare_news import VcareNewsSpider, resolve_start_urls
        from storage.locking import crawl_lock

        crawler = self._create_crawler(spider_name)
        settings = crawler.settings
        if issubclass(crawler.spidercls, VcareNewsSpider):
            resolve_start_urls(opts.spargs.get("start_urls"), settings.get("VCARE_START_URLS"))
            mode = opts.spargs.get("mode", "incremental")
            if mode not in ("incremental", "full"):
                raise UserError(f"invalid mode {mode!r}: expected incremental or full")
        database = CrawlDatabase.for_crawler(crawler)
        with crawl_lock(database.engine, wait_seconds=settings.getfloat("VCARE_LOCK_WAIT", 0)):
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            return 1
        return int(crawler.stats.get_value("vcare/exit_code", 1))
