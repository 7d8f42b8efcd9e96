"""Politeness toward the company's server beyond Scrapy's defaults.

- ``RetryAfterMiddleware``: Scrapy's retries, but a ``429``/``503`` carrying ``Retry-After``
  waits as long as the server asks (capped), other retryable failures back off
  exponentially, and the host's download slot slows down for every request, not just the
  retried one.
- ``CrawlDelayExtension``: honours ``Crawl-delay`` from robots.txt, which Scrapy parses but
  does not apply; AutoThrottle may lower a slot's delay later, so it is re-applied after each
  response.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, *, now: datetime | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def keep_gaps_of_at_least(slot, seconds: float) -> bool:
    """Make a download slot wait at least ``seconds`` between requests; True if it changed.

    Scrapy varies a slot's delay by ±``slot.jitter``, so the delay is raised until even its
    shortest variant is ``seconds``.
    """
    jitter = min(max(getattr(slot, "jitter", 0.0) or 0.0, 0.0), 0.9)
    needed = seconds / (1 - jitter)
    if slot.delay < needed:
        slot.delay = needed
        return True
    return False


async def sleep(seconds: float) -> None:
    # Imported here: importing the reactor at module level would install Twisted's default
    # one before Scrapy installs the asyncio reactor it is configured for.
    from twisted.internet import reactor

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("VCARE_RETRY_AFTER_MAX", 120.0)
        self.backoff_base = settings.getfloat("VCARE_RETRY_BACKOFF", 1.0)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        wait = self.wait_before_retry(retry, response)
        if wait > 0:
            self.slow_down_host(request, wait)
            await sleep(wait)
        return retry

    async def process_exception(self, request, exception, spider=None):
        """Resets and timeouts are retried after the same exponential back-off."""
        retry = super().process_exception(request, exception)
        if retry is not None:
            await sleep(self.wait_before_retry(retry, None))
        return retry

    def wait_before_retry(self, retry, response) -> float:
        asked = None if response is None else retry_after_seconds(
            response.headers.get(b"Retry-After")
        )
        if asked is not None:
            return min(asked, self.max_wait)
        attempt = max(1, int(retry.meta.get("retry_times", 1)))
        return min(self.backoff_base * 2 ** (attempt - 1), self.max_wait)

    def slow_down_host(self, request, wait: float) -> None:
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None and keep_gaps_of_at_least(slot, wait):
            logger.info("server asked to slow down: %s now waits %.1fs between requests",
                        downloader.get_slot_key(request), wait)


class CrawlDelayExtension:
    def __init__(self, crawler):
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.max_delay = crawler.settings.getfloat("VCARE_CRAWL_DELAY_MAX", 60.0)
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        return ext

    def robots_parsed(self, robotparser, request):
        delay = robotparser.crawl_delay(self.user_agent)
        if not delay:
            return
        key = self.crawler.engine.downloader.get_slot_key(request)
        self.delays[key] = min(float(delay), self.max_delay)
        self.crawler.stats.set_value(f"vcare/crawl_delay/{key}", self.delays[key])
        logger.info("robots.txt asks for Crawl-delay %.1fs on %s", self.delays[key], key)
        self.apply(key)

    def response_downloaded(self, response, request, spider=None):
        if self.delays:
            self.apply(self.crawler.engine.downloader.get_slot_key(request))

    def apply(self, key: str) -> None:
        delay = self.delays.get(key)
        slot = self.crawler.engine.downloader.slots.get(key)
        if delay and slot is not None:
            keep_gaps_of_at_least(slot, delay)
