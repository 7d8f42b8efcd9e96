"""A listing page of a news section: ~10 dated items, numbered pages and a Next link.

The last page shows no Next link, or one that leads back to itself or nowhere.
"""

from __future__ import annotations

from crawler.items import Listing, NewsLink
from crawler.pages import labels
from crawler.pages.dom import Document, Link
from crawler.pages.items import news_items
from crawler.pages.language import page_language
from crawler.pages.lazy import cached_property
from crawler.pages.navigation import breadcrumb_trail
from crawler.pages.urls import (
    absolute_url,
    canonical_url,
    is_front_page,
    looks_like_news_list,
    without_tracking,
)

_DISABLED = frozenset(("disabled", "disable", "inactive"))
_IMAGE_WORDS_MAX = 40  # "下一页", "Next page": a pager's words, not a caption


class ListingPage:
    """Extraction of one listing page; every public method is one field."""

    def __init__(self, doc: Document):
        self.doc = doc

    @cached_property
    def _fetched(self) -> str:
        return absolute_url(self.doc.url, self.doc.url) or self.doc.url

    def url(self) -> str:
        """The page's address as fetched, without tracking keys (``?page=3`` is the page)."""
        return without_tracking(self._fetched)

    def language(self) -> str:
        return page_language(self.doc.html_lang, self.url(),
                             lambda: " ".join(line.text for line in self.doc.lines[:200]))

    @cached_property
    def _related_ranges(self) -> tuple[tuple[float, float], ...]:
        return tuple(self.doc.block_under_heading(line)
                     for line in self.doc.related_headings)

    @cached_property
    def _items(self) -> list[NewsLink]:
        doc = self.doc
        return news_items(doc, doc.start(doc.body), doc.end(doc.body), skip=self._related_ranges)

    def items(self) -> list[NewsLink]:
        return list(self._items)

    def _pager_links(self) -> list[Link]:
        doc = self.doc
        # Pagination often sits in a <nav>: only sidebars are ruled out here.
        return [link for link in doc.links if not link.news_id
                and not any(low < link.key < high for low, high in doc.sidebar_ranges)]

    def next_page(self) -> str | None:
        """The pager's Next (by its words, an arrow or ``rel=next``); failing that, a "Load
        more" button leading to another page of this news section."""
        links = self._pager_links()
        found = next((link.url for link in links if self._leads_on(link)
                      and (_says_next(link) or "next" in _rel(link))), None)
        if found is None and not is_front_page(self.url()):  # the home page's "more" leads off
            found = next((link.url for link in links if labels.LOAD_MORE.match(link.text)
                          and looks_like_news_list(link.url) and self._leads_on(link)), None)
        return found

    def _leads_on(self, link: Link) -> bool:
        """Not greyed out, and not back to this very page (as fetched, or without its
        tracking keys)."""
        if _looks_disabled(link):
            return False
        here = self.url()
        if link.url in (here, self._fetched) or without_tracking(link.url) == here:
            return False
        return not (canonical_url(link.url) == canonical_url(here)
                    and link.url.split("?", 1)[-1] == here.split("?", 1)[-1])

    def page_urls(self) -> list[str]:
        found: list[str] = []
        for link in self._pager_links():
            if labels.PAGE_NUMBER.match(link.text) and link.url not in found:
                found.append(link.url)
        return found

    def section(self) -> str | None:
        trail = breadcrumb_trail(self.doc, links_only=False)
        return trail[-1] if trail else None

    def is_listing(self) -> bool:
        items = self._items
        if not (len(items) >= 2 or any(item.published_on for item in items)):
            return False
        return not self._is_home_page_teaser()

    def _is_home_page_teaser(self) -> bool:
        """The site's home page shows its newest few items under a "News" heading; with no
        pager and no section named it is the front page, not a page of a news section."""
        return (is_front_page(self.url()) and self.next_page() is None
                and not self.page_urls() and self.section() is None)

    def to_item(self) -> Listing:
        return Listing(
            url=self.url(),
            language=self.language(),
            items=self.items(),
            next_page=self.next_page(),
            page_urls=self.page_urls(),
            section=self.section(),
        )


def _rel(link: Link) -> list[str]:
    return (link.element.get("rel") or "").lower().split()


def _says_next(link: Link) -> bool:
    return labels.is_page_next(link.text or _image_words(link))


def _looks_disabled(link: Link) -> bool:
    """A greyed-out Next on the last page (``class="disabled"``, ``aria-disabled``)."""
    element, parent = link.element, link.element.getparent()
    words = f"{element.get('class') or ''} {parent.get('class') if parent is not None else ''}"
    return element.get("aria-disabled") == "true" or not _DISABLED.isdisjoint(
        words.lower().split())


def _image_words(link: Link) -> str:
    """What a link drawn as a picture says (``<a><img alt="下一页"></a>``)."""
    image = next(link.element.iter("img"), None)
    words = " ".join((image.get("alt") or image.get("title") or "").split()) \
        if image is not None else ""
    return words if len(words) <= _IMAGE_WORDS_MAX else ""
