"""Plain data carried between the page parsers, the spider and the store.

No logic lives here (cleaning belongs to the page objects in ``crawler.pages``);
Scrapy handles these dataclasses through ``itemadapter``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class NewsLink:
    """A dated news item as a listing page or a Related News block shows it."""

    news_id: str
    url: str  # absolute, canonical (no query, no fragment)
    title: str | None
    summary: str | None
    published_on: date | None


@dataclass(slots=True)
class Article:
    """Everything one article page says about itself."""

    news_id: str
    url: str  # absolute, canonical
    language: str  # "en" or "zh"
    title: str | None
    published_at: datetime | None  # timezone-aware, China Standard Time as shown
    source: str | None  # None when the page's Source line is empty
    body_text: str  # paragraphs separated by "\n"
    body_html: str  # sanitized HTML of the body
    images: list[str] = field(default_factory=list)  # absolute URLs
    previous: str | None = None  # absolute URL of the neighbouring article
    next: str | None = None
    related: list[NewsLink] = field(default_factory=list)
    section: str | None = None  # e.g. "Company News", when the page names it


@dataclass(slots=True)
class Listing:
    """A page of a news section: dated items plus the way to the next page."""

    url: str
    language: str
    items: list[NewsLink] = field(default_factory=list)
    next_page: str | None = None
    page_urls: list[str] = field(default_factory=list)  # every numbered page linked
    section: str | None = None


# --- what the spider hands to the pipelines -------------------------------------------


@dataclass(slots=True)
class FetchInfo:
    """HTTP facts about one response, kept for conditional re-fetches."""

    url: str
    status: int
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class ArticleItem:
    """An article page was fetched and parsed."""

    article: Article
    fetch: FetchInfo


@dataclass(slots=True)
class NotModifiedItem:
    """A conditional re-check answered 304: the stored article is still current."""

    language: str
    news_id: str
    fetch: FetchInfo


@dataclass(slots=True)
class LinksItem:
    """Dated items seen on a listing page or in an article's Related News block.

    ``related_of`` is the news id of the article whose Related News block listed them
    (None for a listing page); ``language`` is the edition the links belong to.
    """

    language: str
    links: list[NewsLink]
    section: str | None = None
    related_of: str | None = None
