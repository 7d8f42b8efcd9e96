"""Scrapy settings for the vcare_news crawler.

Defaults are polite toward the company's real site; the offline replica runs (tests, demo,
benchmarks) switch the delays off with ``LOCAL_REPLICA_SETTINGS``. Every tunable a deployment
is likely to change can also be set from the environment (``VCARE_*``).
"""

from __future__ import annotations

import os

BOT_NAME = "vcare_news"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Our `crawl` command replaces Scrapy's so that a failed or degraded run exits non-zero.
COMMANDS_MODULE = "crawler.commands"

# Where items go: any SQLAlchemy URL; see storage.db.DEFAULT_DB_URL for the default.
VCARE_DB_URL = os.environ.get("VCARE_DB_URL") or None
# Comma-separated start URLs; the spider's -a start_urls=... wins over this.
VCARE_START_URLS = os.environ.get("VCARE_START_URLS", "")
# Seconds a crawl waits for another crawl on the same database to finish before giving up.
VCARE_LOCK_WAIT = os.environ.get("VCARE_LOCK_WAIT", "0")
# Items per database transaction; the pipeline also flushes every VCARE_FLUSH_SECONDS.
VCARE_BATCH_SIZE = os.environ.get("VCARE_BATCH_SIZE", "200")
VCARE_FLUSH_SECONDS = os.environ.get("VCARE_FLUSH_SECONDS", "5")
# Articles published within this many days are re-checked (conditional GET) on every run;
# older ones only by a full re-validation run (-a mode=full).
VCARE_RECENT_DAYS = os.environ.get("VCARE_RECENT_DAYS", "14")

# --- politeness toward the real site -----------------------------------------------------
VCARE_CONTACT_URL = os.environ.get("VCARE_CONTACT_URL", "")
USER_AGENT = os.environ.get("VCARE_USER_AGENT") or (
    "vcare-news/0.1 (company news archiver"
    + (f"; +{VCARE_CONTACT_URL}" if VCARE_CONTACT_URL else "")
    + ")"
)
ROBOTSTXT_OBEY = True
# Two hosts (en., www.) at two requests each. A larger global queue only makes a graceful stop
# wait for more in-flight requests at the polite delay.
CONCURRENT_REQUESTS = 4
# The company's site is a small corporate server: two requests at a time at most.
CONCURRENT_REQUESTS_PER_DOMAIN = os.environ.get("VCARE_CONCURRENCY", "2")
DOWNLOAD_DELAY = os.environ.get("VCARE_DOWNLOAD_DELAY", "1.0")
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# --- robustness ----------------------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = os.environ.get("VCARE_DOWNLOAD_TIMEOUT", "30")
DNS_TIMEOUT = 15
# News pages are a few dozen KB; anything near this is not a news page.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
# A backstop, not a schedule: a crawl still running after this many seconds (a pager that never
# ends, a server crawling along) stops and is recorded as failed. 0 disables it.
CLOSESPIDER_TIMEOUT = os.environ.get("VCARE_CRAWL_TIME_LIMIT", "21600")
# A redirect back into its own chain is recorded as a failure, not dropped as a duplicate.
DUPEFILTER_CLASS = "crawler.spiders.vcare_news.RedirectLoopDupeFilter"
# No remote consoles into a crawl process (Scrapy's telnet console and remote control).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
COOKIES_ENABLED = False

# Waits as long as a 429/503's Retry-After asks (at most VCARE_RETRY_AFTER_MAX seconds) and
# otherwise backs off exponentially from VCARE_RETRY_BACKOFF seconds.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.politeness.RetryAfterMiddleware": 550,
}
VCARE_RETRY_AFTER_MAX = os.environ.get("VCARE_RETRY_AFTER_MAX", "120")
VCARE_RETRY_BACKOFF = os.environ.get("VCARE_RETRY_BACKOFF", "1.0")

ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.StorePipeline": 500,
}
EXTENSIONS = {
    "crawler.extensions.CrawlRunRecorder": 100,
    "crawler.politeness.CrawlDelayExtension": 200,
}

LOG_LEVEL = os.environ.get("VCARE_LOG_LEVEL", "INFO")
# Environment values above stay strings: Scrapy's getters convert them, and the crawl command
# checks every number first (crawler.commands.crawl.NUMERIC_SETTINGS), so a bad value is one
# clear line and exit 2, not a traceback at import.
FEED_EXPORT_ENCODING = "utf-8"

# Settings for crawling the bundled replica on 127.0.0.1 (tests, demo, benchmarks):
# no delays, no throttling, high concurrency. Never use these against the real site.
LOCAL_REPLICA_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "INFO",
}
