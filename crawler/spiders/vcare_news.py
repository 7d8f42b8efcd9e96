"""The ``vcare_news`` spider: walks both editions' news sections and yields what the pages say.

Crawling only: which URLs to fetch, and which item to hand on. Reading the pages is
``crawler.pages``' job, storing them ``storage``'s.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from urllib.parse import urlsplit

import scrapy
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from crawler.database import CrawlDatabase, utcnow
from crawler.errors import UserError
from crawler.items import ArticleItem, FetchInfo, LinksItem, NotModifiedItem
from crawler.pages import PageParseError, news_id_from_url, parse_page
from crawler.refresh import DEFAULT_RECENT_DAYS, RefreshPolicy

# The English edition is known from a real article URL; the Chinese edition's host is the
# company's main domain (believed, not verified from here).
DEFAULT_START_URLS = ("https://en.vcarepharmatech.com/", "https://www.vcarepharmatech.com/")
MODES = ("incremental", "full")
EDITIONS = ("en", "zh")
MAX_RECORDED_FAILURES = 1000
# A page that opens <html> but closes neither <body> nor <html> was cut off on the way (the
# server sent less than the whole page, with a matching length); it is fetched again rather
# than half-stored. HTML lets a page omit one closing tag, which CMS templates sometimes do,
# so either one is enough to count the page as whole.
HTML_OPEN = re.compile(rb"<html[\s>]", re.IGNORECASE)
DOCUMENT_CLOSE = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)


def resolve_start_urls(argument: str | list[str] | None, setting: str | None) -> list[str]:
    """Start URLs from ``-a start_urls=``, else the VCARE_START_URLS setting, else the real site."""
    raw = argument or setting or ""
    if isinstance(raw, str):
        urls = [u.strip() for u in raw.split(",") if u.strip()]
    else:
        urls = [u.strip() for u in raw if u.strip()]
    urls = urls or list(DEFAULT_START_URLS)
    for url in urls:
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError:
            raise UserError(f"invalid start URL {url!r}: bad port") from None
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or not host or any(c.isspace() for c in host):
            raise UserError(f"invalid start URL {url!r}: expected http(s)://host/...")
    return urls


def describe_failure(failure) -> str:
    """One line saying why a request failed, naming the host where that is the point."""
    request = getattr(failure, "request", None)
    host = urlsplit(request.url).hostname if request is not None else "?"
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(DNSLookupError, CannotResolveHostError):
        return f"cannot resolve host {host} (DNS lookup failed; no network?)"
    if failure.check(ConnectionRefusedError, DownloadConnectionRefusedError):
        return f"connection refused by {host}"
    if failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
        return f"timed out talking to {host}"
    if failure.check(ResponseDataLossError):
        return f"incomplete response from {host} (connection lost mid-page)"
    return f"{type(failure.value).__name__}: {failure.getErrorMessage()}"


class VcareNewsSpider(scrapy.Spider):
    name = "vcare_news"

    def __init__(self, start_urls=None, mode: str = "incremental", *args, **kwargs):
        super().__init__(*args, **kwargs)
        if mode not in MODES:
            raise UserError(f"invalid mode {mode!r}: expected one of {', '.join(MODES)}")
        self.mode = mode
        self._start_urls_argument = start_urls
        self.failures: list[dict] = []
        self.poor_page_examples: list[str] = []
        self.unrecognized_page_examples: list[str] = []
        self.known: dict[tuple[str, str], object] = {}
        self.listed_this_run: set[tuple[str, str]] = set()
        self.policy = RefreshPolicy(mode=mode, now=utcnow())

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.start_urls = resolve_start_urls(
            spider._start_urls_argument, crawler.settings.get("VCARE_START_URLS")
        )
        # Only the hosts we were pointed at are ever fetched (redirects included).
        spider.allowed_domains = sorted({urlsplit(u).hostname for u in spider.start_urls})
        spider.policy = RefreshPolicy(
            mode=spider.mode,
            now=utcnow(),
            recent_days=crawler.settings.getint("VCARE_RECENT_DAYS", DEFAULT_RECENT_DAYS),
        )
        return spider

    async def start(self):
        database = CrawlDatabase.for_crawler(self.crawler)
        for language in EDITIONS:
            for news_id, known in database.known_articles(language).items():
                self.known[(language, news_id)] = known
        fetched = sum(1 for known in self.known.values() if known.page_fetched)
        self.crawler.stats.set_value("vcare/known_articles", fetched)
        previous = database.previous_run_status()
        if previous not in (None, "succeeded"):
            self.logger.info("previous crawl %s: walking every listing page once", previous)
            self.policy = dataclasses.replace(self.policy, stop_at_known_ground=False)
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.on_error)

    # --- responses ---------------------------------------------------------------------

    def parse(self, response: Response):
        if response.status == 304:
            yield self.not_modified(response)
            return
        if not isinstance(response, TextResponse):
            return
        if problem := incomplete_page(response.body):
            retry = get_retry_request(
                response.request, spider=self, reason=problem, give_up_log_level=logging.DEBUG
            )
            if retry is not None:
                yield retry
            else:
                self.record_failure(response.url, problem)
            return
        try:
            page = parse_page(response.url, response.body, encoding=header_encoding(response))
        except PageParseError as exc:
            self.record_failure(response.url, f"unreadable page: {exc}")
            return
        self.crawler.stats.inc_value(f"vcare/pages/{page.kind}")
        if page.article is not None or page.listing is not None:
            host = urlsplit(response.url).hostname
            self.crawler.stats.inc_value(f"vcare/readable_pages/{host}")
        unrecognized = page.article is None and page.listing is None
        if unrecognized and len(self.unrecognized_page_examples) < 10:
            self.unrecognized_page_examples.append(response.url)
        if page.article is not None:
            yield from self.article_found(response, page.article)
        elif "/news_detail/" in response.url:
            self.record_poor_page(response.url, "article page without a readable title or date")
        if page.listing is not None:
            yield from self.listing_found(response, page.listing)
        for url in (*page.section_links, *page.edition_links):
            yield self.follow(response, url)

    def article_found(self, response: Response, article):
        self.count_article_fields(article)
        # The item carries its Related News block: the store keeps the links and stubs.
        yield ArticleItem(article=article, fetch=fetch_info(response))
        for url in (article.previous, article.next, *(r.url for r in article.related)):
            if url and (request := self.article_request(response, url, article.language)):
                yield request

    def listing_found(self, response: Response, listing):
        stats = self.crawler.stats
        stats.inc_value("vcare/listing_pages")
        if listing.items:
            stats.inc_value("vcare/listing_pages_with_items")
            yield LinksItem(language=listing.language, links=listing.items, section=listing.section)
        for link in listing.items:
            if request := self.article_request(response, link.url, listing.language):
                yield request
        keys = [(listing.language, link.news_id) for link in listing.items]
        if self.policy.is_known_ground(keys, self.known):
            # Everything here is stored already, and older pages hold older items.
            self.crawler.stats.inc_value("vcare/listing_walks_stopped")
            return
        if keys and self.listed_this_run.issuperset(keys):
            # Some CMSs answer a page number past the end with the last page again, Next
            # link included: a page that lists nothing new this run ends the walk.
            self.crawler.stats.inc_value("vcare/listing_walks_stopped")
            return
        self.listed_this_run.update(keys)
        # An incremental walk goes page by page so that it can stop; a full one fans out.
        pages = [listing.next_page] if self.mode == "incremental" else [
            listing.next_page, *listing.page_urls
        ]
        for url in pages:
            if url:
                yield self.follow(response, url)

    def follow(self, response: Response, url: str) -> scrapy.Request:
        return response.follow(url, callback=self.parse, errback=self.on_error)

    def article_request(self, response: Response, url: str, language: str):
        """A request for an article, conditional when it is a re-check; None when not due."""
        news_id = news_id_from_url(url)
        if news_id is None:
            return self.follow(response, url)
        known = self.known.get((language, news_id))
        if not self.policy.should_fetch(known):
            self.crawler.stats.inc_value("vcare/articles_not_due")
            return None
        return response.follow(
            url,
            callback=self.parse,
            errback=self.on_error,
            headers=self.policy.conditional_headers(known),
            meta={"vcare_article": (language, news_id), "handle_httpstatus_list": [304]},
        )

    def not_modified(self, response: Response) -> NotModifiedItem:
        self.crawler.stats.inc_value("vcare/not_modified")
        language, news_id = response.meta["vcare_article"]
        return NotModifiedItem(language=language, news_id=news_id, fetch=fetch_info(response))

    # --- bookkeeping -------------------------------------------------------------------

    def count_article_fields(self, article) -> None:
        stats = self.crawler.stats
        stats.inc_value("vcare/article_pages")
        present = {
            "title": bool(article.title),
            "published_at": article.published_at is not None,
            "body": bool(article.body_text.strip()),
            "related": bool(article.related),
        }
        for field, ok in present.items():
            if ok:
                stats.inc_value(f"vcare/article_fields/{field}")
        if not (present["title"] and present["published_at"] and present["body"]):
            self.record_poor_page(article.url, "article page missing title, date or body")

    def record_poor_page(self, url: str, reason: str) -> None:
        if len(self.poor_page_examples) < 10:
            self.poor_page_examples.append(url)
        self.record_failure(url, reason, level="warning")

    def on_error(self, failure):
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            # Dropped on purpose (robots.txt, off-site): policy, not a failure of the run.
            self.crawler.stats.inc_value("vcare/ignored_requests")
            self.logger.info("skipped %s: %s", request.url, failure.getErrorMessage())
            return
        self.record_failure(request.url, describe_failure(failure))

    def record_failure(self, url: str, reason: str, level: str = "error") -> None:
        getattr(self.logger, level)("could not use %s: %s", url, reason)
        self.crawler.stats.inc_value("vcare/failures")
        if len(self.failures) < MAX_RECORDED_FAILURES:
            self.failures.append({"url": url, "reason": reason})


class RedirectLoopDupeFilter(RFPDupeFilter):
    """Scrapy's duplicate filter, but a redirect back into its own chain is a recorded failure.

    A loop (A -> A?x -> A) is otherwise dropped silently as a duplicate of A.
    """

    def log(self, request, spider) -> None:
        super().log(request, spider)
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain and hasattr(spider, "record_failure"):
            reason = f"redirect loop ({len(chain)} hops, back to {request.url})"
            spider.record_failure(chain[0], reason)


def incomplete_page(body: bytes) -> str | None:
    """Why a 200 page is not worth parsing (empty, or cut off mid-document), or None."""
    if not body.strip():
        return "empty page (0 bytes of content)"
    if HTML_OPEN.search(body[:4096]) and not DOCUMENT_CLOSE.search(body):
        return "truncated page (no closing </body> or </html>)"
    return None


def header_encoding(response: TextResponse) -> str | None:
    """The charset the server declared, if any (the parser double-checks it)."""
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    if "charset=" in content_type:
        return content_type.split("charset=", 1)[1].split(";")[0].strip() or None
    return None


def fetch_info(response: Response) -> FetchInfo:
    headers = response.headers
    return FetchInfo(
        url=response.url,
        status=response.status,
        etag=(headers.get(b"ETag") or b"").decode("latin-1") or None,
        last_modified=(headers.get(b"Last-Modified") or b"").decode("latin-1") or None,
    )
