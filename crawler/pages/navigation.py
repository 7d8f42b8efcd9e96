"""Links a page offers besides its content: sections, editions, breadcrumbs, pagination."""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.pages import labels
from crawler.pages.dom import Document, Line, element_text, normalize
from crawler.pages.urls import canonical_url, is_front_page, looks_like_news_list

_TITLE_SEPARATORS = re.compile(r"\s+[-|–—_]\s+|\s*[|｜_]\s*")
_BREADCRUMB_CLASS = re.compile(r"crumb|position|location|weizhi", re.IGNORECASE)
_EDGE_SEPARATOR = re.compile(r"^\s*(?:>>|->|[>»›＞/\\|])|(?:>>|->|[>»›＞/\\|])\s*$")
# A site's menus and footer repeat their links on every page (and within one): an address
# is read once while it stays among the 4,096 last asked, not once per link.
_looks_like_news_list = lru_cache(maxsize=4096)(looks_like_news_list)


def title_from_title_tag(title: str) -> str:
    """``<title>`` minus the site name it usually carries (``Title - Vcare``)."""
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    return normalize(parts[0]) if parts else ""


def canonical_link(doc: Document) -> str | None:
    """The URL the page declares for itself (``<link rel=canonical>``, ``og:url``)."""
    return doc.declared_url


def section_links(doc: Document) -> list[str]:
    """Links to news section listings, named like one or shaped like one."""
    found: list[str] = []
    here = canonical_url(doc.url)
    # A "Load more" under a listing is its pager; on the home page it leads to a section.
    front_page = is_front_page(doc.url)
    for link in doc.links:
        if link.news_id or link.url in found:
            continue
        text = link.text
        named_or_shaped = labels.SECTION_NAME.match(text) or (
            _looks_like_news_list(link.url) and not labels.is_edition_name(text)
        )
        # Pager links ("2", "Next »") are shaped like a section: told apart only when kept.
        if not named_or_shaped or labels.PAGE_NUMBER.match(text) or labels.is_page_next(text) \
                or labels.PAGER_WORD.match(text) \
                or (not front_page and labels.LOAD_MORE.match(text)):
            continue
        url = link.url
        if canonical_url(url) != here:
            found.append(url)
    return found


def edition_links(doc: Document) -> list[str]:
    """The language switch: links reading English / EN / 中文 / CN / 简体中文."""
    found: list[str] = []
    for link in doc.links:
        text = link.text or link.element.get("title") or ""
        if labels.is_edition_name(text) and link.url not in found:
            found.append(link.url)
    return found


def breadcrumb_trail(doc: Document, *, links_only: bool) -> list[str]:
    """The names in "Home > News > Company News", without Home and location prefixes."""
    for element in doc.body.iter("nav", "ol", "ul", "div"):
        label = f"{element.get('aria-label') or ''} {element.get('class') or ''}"
        if "breadcrumb" in label.lower():  # fast path; the visible "Home >" line is the anchor
            names = _marked_trail(doc, element, links_only=links_only)
            names = [name for name in names if name and not labels.BREADCRUMB_HOME.match(name)]
            if names:
                return names
    for line in doc.lines:
        text = line.text
        if len(text) > 300:
            continue
        by_words = (labels.starts_breadcrumb(text) and labels.BREADCRUMB_SEPARATOR.search(text)
                    and _separates_steps(doc, line))
        if not (by_words or _BREADCRUMB_CLASS.search(line.block.get("class") or "")):
            continue
        if links_only:
            names = [doc.text(a) for a in line.block.iter("a")]
        else:
            names = labels.BREADCRUMB_SEPARATOR.split(labels.BREADCRUMB_PREFIX.sub("", text))
        names = [name for name in (normalize(n) for n in names)
                 if name and not labels.BREADCRUMB_HOME.match(name)
                 and not labels.BREADCRUMB_PREFIX.fullmatch(name)]
        if names:
            return names
    return []


def _separates_steps(doc: Document, line: Line) -> bool:
    """Whether a separator stands between the line's steps: outside its links' text, or at
    a link text's edge ("Home >"). A flat menu of links whose only "/" is inside one entry
    ("CRO/CDMO") is navigation, not a trail."""
    anchors = [(doc.start(a), doc.end(a)) for a in line.block.iter("a")]
    for word, key in zip(line.words, line.keys, strict=True):
        if not any(low < key < high for low, high in anchors):
            if labels.BREADCRUMB_SEPARATOR.search(word):
                return True
        elif _EDGE_SEPARATOR.search(word):
            return True
    return False


def _marked_trail(doc: Document, element, *, links_only: bool) -> list[str]:
    """The names in a marked-up trail; the current page is often plain text, not a link."""
    if links_only:
        return [doc.text(a) for a in element.iter("a")]
    items = [element_text(li) for li in element.iter("li")]
    if items:
        return items
    text = labels.BREADCRUMB_PREFIX.sub("", element_text(element))
    return [normalize(name) for name in labels.BREADCRUMB_SEPARATOR.split(text)]
