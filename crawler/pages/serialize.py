"""Parsed pages as plain JSON-ready dicts (the ``vcare-news parse`` output)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from crawler.items import Article, Listing, NewsLink
from crawler.pages.page import ParsedPage


def news_link_to_dict(link: NewsLink) -> dict[str, Any]:
    return {
        "news_id": link.news_id,
        "url": link.url,
        "title": link.title,
        "summary": link.summary,
        "published_on": _iso(link.published_on),
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "news_id": article.news_id,
        "url": article.url,
        "language": article.language,
        "title": article.title,
        "published_at": _iso(article.published_at),
        "source": article.source,
        "section": article.section,
        "body_text": article.body_text,
        "body_html": article.body_html,
        "images": list(article.images),
        "previous": article.previous,
        "next": article.next,
        "related": [news_link_to_dict(link) for link in article.related],
    }


def listing_to_dict(listing: Listing) -> dict[str, Any]:
    return {
        "url": listing.url,
        "language": listing.language,
        "section": listing.section,
        "items": [news_link_to_dict(link) for link in listing.items],
        "next_page": listing.next_page,
        "page_urls": list(listing.page_urls),
    }


def parsed_page_to_dict(page: ParsedPage) -> dict[str, Any]:
    return {
        "url": page.url,
        "kind": page.kind,
        "article": article_to_dict(page.article) if page.article else None,
        "listing": listing_to_dict(page.listing) if page.listing else None,
        "section_links": list(page.section_links),
        "edition_links": list(page.edition_links),
    }


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
