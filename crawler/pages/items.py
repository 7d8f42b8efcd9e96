"""Dated news items (a listing, a Related News block) read from a range of the page.

Each item is found from its link to ``/news_detail/<id>``: the item is the largest element
around the link that holds no link to another article. Inside it the date may be split
over several boxes (``18`` / ``2024`` / ``/`` / ``11``), the title may be missing, and the
summary is the remaining line of prose.
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from crawler.items import NewsLink
from crawler.pages import labels
from crawler.pages.dates import from_iso, is_date_only, parse_date
from crawler.pages.dom import HEADING_TAGS, Document, Line, Link, element_text

_TITLE_MAX = 160
_SENTENCE_ENDS = (".", "。", "!", "！", "?", "？", "…")


def news_items(doc: Document, start: float, end: float, *, respect_chrome: bool = True,
               skip: tuple[tuple[float, float], ...] = ()) -> list[NewsLink]:
    """Every dated item linking to an article between keys ``start`` and ``end``.

    ``respect_chrome`` leaves out links in navigation, sidebars and footer; ``skip`` names
    further key ranges to leave out.
    """
    links = [
        link for link in doc.article_links_between(start, end)
        if not (respect_chrome and doc.in_chrome(link.key))
        and not any(low < link.key < high for low, high in skip)
    ]
    items: list[NewsLink] = []
    seen: set[str] = set()
    for link in links:
        if link.news_id in seen:
            continue
        seen.add(link.news_id)
        container = item_element(doc, link, links, start, end)
        items.append(news_link(doc, link, container))
    return items


def item_element(doc: Document, link: Link, links: list[Link], start: float,
                 end: float) -> etree._Element:
    """The largest element around ``link`` whose article links all name the same article."""
    node = link.element
    while True:
        parent = node.getparent()
        if parent is None or parent is doc.body:
            return node
        low, high = doc.start(parent), doc.end(parent)
        if low < start or high > end:
            return node
        if any(other.news_id != link.news_id for other in links if low < other.key < high):
            return node
        node = parent


def news_link(doc: Document, link: Link, container: etree._Element) -> NewsLink:
    lines = doc.lines_in(container)
    published = item_date(container, lines)
    prose = [line for line in lines if not _is_furniture(line)]
    title = item_title(doc, link, container, prose)
    summary = item_summary(prose, title)
    return NewsLink(news_id=link.news_id or "", url=link.url, title=title, summary=summary,
                    published_on=published)


def _is_furniture(line: Line) -> bool:
    """Date boxes and "Read more" buttons: lines that are neither title nor summary."""
    text = line.text
    return (not text or text.isdigit() or is_date_only(line.spaced)
            or bool(labels.READ_MORE.match(text)))


def item_date(container: etree._Element, lines: list[Line]) -> date | None:
    for time in container.iter("time"):
        machine = from_iso(time.get("datetime"))
        if machine:
            return machine.date()
    date_lines = " ".join(line.spaced for line in lines if not _looks_like_prose(line.text))
    return parse_date(date_lines) or parse_date(" ".join(line.spaced for line in lines))


def _looks_like_prose(text: str) -> bool:
    return len(text) > 40 or sum(ch.isalpha() for ch in text) > 12


def _heading_in(container: etree._Element) -> etree._Element | None:
    for element in container.iter():
        if element.tag in HEADING_TAGS:
            return element
    return None


def item_title(doc: Document, link: Link, container: etree._Element,
               prose: list[Line]) -> str | None:
    """The item's heading; None when the item shows only a summary."""
    heading = _heading_in(container)
    if heading is not None:
        return element_text(heading) or None
    link_lines = [line for line in prose if doc.contains(link.element, line.start)]
    if len(link_lines) == 1 and len(prose) > 1:
        return link_lines[0].text
    if len(prose) >= 2:
        return prose[0].text
    if len(prose) == 1 and not _is_sentence(prose[0].text):
        return prose[0].text
    return None


def _is_sentence(text: str) -> bool:
    return len(text) > _TITLE_MAX or (text.endswith(_SENTENCE_ENDS) and len(text.split()) > 12) \
        or (text.endswith(_SENTENCE_ENDS) and len(text) > 60)


def item_summary(prose: list[Line], title: str | None) -> str | None:
    others = [line.text for line in prose if line.text != title]
    return max(others, key=len) if others else None
