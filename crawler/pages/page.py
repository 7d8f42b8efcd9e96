"""The entry points: any page in, a typed result out."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from crawler.items import Article, Listing
from crawler.pages.article import ArticlePage
from crawler.pages.dom import Document, parse_tree
from crawler.pages.encoding import decode_html
from crawler.pages.errors import PageParseError
from crawler.pages.listing import ListingPage
from crawler.pages.navigation import edition_links, section_links

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class ParsedPage:
    """What a page is and what it offers. ``kind`` is "article", "listing" or "other"."""

    url: str
    kind: str
    article: Article | None = None
    listing: Listing | None = None
    section_links: list[str] = field(default_factory=list)
    edition_links: list[str] = field(default_factory=list)


def load_document(url: str, html: bytes | str, encoding: str | None = None) -> Document | None:
    """The page's tree and line index; None when there is no markup. Raises
    ``PageParseError`` when the bytes are not text."""
    markup = decode_html(html, encoding)
    root = parse_tree(markup)
    return Document(url, root, markup) if root is not None else None


def extract_page(url: str, html: bytes | str, *, encoding: str | None = None) -> ParsedPage:
    """``parse_page`` without its safety net (tests run malformed input through this)."""
    doc = load_document(url, html, encoding)
    if doc is None:
        return ParsedPage(url=url, kind="other")
    page = ParsedPage(url=url, kind="other", section_links=section_links(doc),
                      edition_links=edition_links(doc))
    article = ArticlePage(doc)
    if article.is_article():
        page.kind, page.article = "article", article.to_item()
        return page
    listing = ListingPage(doc)
    if listing.is_listing():
        page.kind, page.listing = "listing", listing.to_item()
    return page


def parse_page(url: str, html: bytes | str, *, encoding: str | None = None) -> ParsedPage:
    """Classify and parse any page. Only ``PageParseError`` (bytes that are not text) escapes;
    anything the parser did not foresee is logged and the page reported as "other"."""
    try:
        return extract_page(url, html, encoding=encoding)
    except PageParseError:
        raise
    except Exception:  # a parser bug must not stop a crawl; the log says where it was
        logger.exception("could not parse %s", url)
        return ParsedPage(url=url, kind="other")


def parse_article(url: str, html: bytes | str, *, encoding: str | None = None) -> Article:
    """The article on ``url``; ``PageParseError`` if the page is not an article."""
    doc = load_document(url, html, encoding)
    page = ArticlePage(doc) if doc is not None else None
    if page is None or not page.is_article():
        raise PageParseError(f"{url} is not an article page")
    return page.to_item()


def parse_listing(url: str, html: bytes | str, *, encoding: str | None = None) -> Listing:
    """The news items on a listing page (an empty section gives an empty ``items``)."""
    doc = load_document(url, html, encoding)
    if doc is None:
        raise PageParseError(f"{url} has no markup")
    return ListingPage(doc).to_item()
