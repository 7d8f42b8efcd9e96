"""A page as a visitor reads it: lines of text in document order, tied back to the tree.

Every element gets a position in document order; every text run a *key* on the same axis
(an element's own text right after its start tag, its tail right after its last
descendant), so "what lies between the header and the Related News heading" is a
comparison of numbers. Lines break where a browser would break them: at block elements
and ``<br>``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree
from lxml import html as lxml_html

from crawler.pages import labels
from crawler.pages.urls import absolute_url, canonical_url, news_id_from_url

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
_CHROME_ROLES = frozenset(("navigation", "contentinfo", "complementary", "banner", "search"))
# Fast path only: if a redesign renames these, the text anchors below still find the chrome.
_CHROME_CLASS_WORDS = frozenset(
    (
        "nav",
        "navbar",
        "navigation",
        "menu",
        "footer",
        "sidebar",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "langs",
        "language",
    )
)
_CLASS_SPLIT = re.compile(r"[\s_-]+")
_WS = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def normalize(text: str | None) -> str:
    return _WS.sub(" ", text).strip() if text else ""


def element_text(element: etree._Element) -> str:
    return normalize(element.text_content()) if isinstance(element.tag, str) else ""


def _has_chrome_class(element: etree._Element) -> bool:
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(words.strip()) and not _CHROME_CLASS_WORDS.isdisjoint(_CLASS_SPLIT.split(words))


def parse_tree(text: str) -> etree._Element | None:
    """The lxml tree of ``text``, or None when there is no markup to speak of."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    if root is None:
        return None
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    return root


@dataclass(slots=True)
class Line:
    """One visual line: consecutive text runs sharing a block element."""

    block: etree._Element
    start: float
    end: float
    raw: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    keys: list[float] = field(default_factory=list)
    text: str = ""  # the line as read, with the page's own spacing
    spaced: str = ""  # a space wherever the markup splits it (<span>18</span><span>2024</span>)

    def finish(self) -> None:
        self.text = normalize("".join(self.raw))
        self.spaced = " ".join(self.words)


@dataclass(slots=True)
class Link:
    key: float
    element: etree._Element
    url: str
    news_id: str | None


class Document:
    """A parsed page plus the positional index every extractor shares."""

    def __init__(self, url: str, root: etree._Element):
        self.url = url
        self.root = root
        body = root.find("body")
        self.body = body if body is not None else root
        self.position: dict[etree._Element, int] = {
            element: index for index, element in enumerate(root.iter())
        }
        self._last: dict[etree._Element, int] = {}
        self._depth: dict[etree._Element, int] = {}
        for br in self.body.iter("br"):
            br.tail = "\n" + (br.tail or "")
        self.lines: list[Line] = self._read_lines()
        self.line_starts = [line.start for line in self.lines]

    # --- positions -------------------------------------------------------------------

    def last_position(self, element: etree._Element) -> int:
        """Position of the last element inside ``element`` (itself if it has no children)."""
        cached = self._last.get(element)
        if cached is None:
            node = element
            while len(node):
                node = node[-1]
            cached = self._last[element] = self.position.get(node, 0)
        return cached

    def depth(self, element: etree._Element) -> int:
        cached = self._depth.get(element)
        if cached is None:
            parent = element.getparent()
            cached = self._depth[element] = 0 if parent is None else self.depth(parent) + 1
        return cached

    def start(self, element: etree._Element) -> float:
        return float(self.position.get(element, 0))

    def end(self, element: etree._Element) -> float:
        """Key just past the element's content, its descendants' tails included."""
        return self.last_position(element) + 0.5 + 0.4 / (self.depth(element) + 1.5)

    def tail_key(self, element: etree._Element) -> float:
        """Key of the text after ``element``'s end tag: deeper elements' tails come first."""
        return self.last_position(element) + 0.5 + 0.4 / (self.depth(element) + 1)

    def contains(self, element: etree._Element, key: float) -> bool:
        return self.start(element) < key < self.end(element)

    # --- lines -------------------------------------------------------------------

    def _block_of(self, element: etree._Element, cache: dict) -> etree._Element:
        found = cache.get(element)
        if found is None:
            node = element
            while node is not None and node.tag not in BLOCK_TAGS:
                node = node.getparent()
            found = cache[element] = node if node is not None else element
        return found

    def _read_lines(self) -> list[Line]:
        lines: list[Line] = []
        cache: dict = {}
        current: Line | None = None
        pending_break = False
        for run in self.body.xpath("descendant-or-self::*/text()"):
            holder = run.getparent()
            if holder is None:
                continue
            is_tail = run.is_tail
            owner = holder.getparent() if is_tail else holder
            if owner is None or not isinstance(owner.tag, str):
                continue
            stripped = run.strip()
            if is_tail and holder.tag == "br":
                pending_break = True
            if not stripped:
                if current is not None:
                    current.raw.append(" ")
                continue
            key = self.tail_key(holder) if is_tail else self.position[holder] + 0.25
            block = self._block_of(owner, cache)
            breaks = pending_break or (is_tail and holder.tag in BLOCK_TAGS)
            pending_break = False
            if current is None or current.block is not block or breaks:
                current = Line(block=block, start=key, end=key)
                lines.append(current)
            current.end = key
            current.raw.append(str(run))
            current.words.append(_WS.sub(" ", stripped))
            current.keys.append(key)
        for line in lines:
            line.finish()
        return lines

    def lines_between(self, start: float, end: float) -> list[Line]:
        """Lines starting after ``start`` and before ``end``."""
        low = bisect_right(self.line_starts, start)
        high = bisect_left(self.line_starts, end)
        return self.lines[low:high]

    def lines_in(self, element: etree._Element) -> list[Line]:
        return self.lines_between(self.start(element), self.end(element))

    def line_index_at(self, key: float) -> int:
        return bisect_right(self.line_starts, key)

    # --- metadata ----------------------------------------------------------------------

    def meta(self, *names: str) -> str | None:
        """The first non-empty ``<meta property|name=...>`` content among ``names``."""
        head = self.root.find("head")
        scope = head if head is not None else self.root
        for name in names:
            for meta in scope.iter("meta"):
                if name in (meta.get("property"), meta.get("name"), meta.get("itemprop")):
                    content = normalize(meta.get("content"))
                    if content:
                        return content
        return None

    @cached_property
    def base_url(self) -> str:
        """``<base href>``; for a page read from disk, the address it declares for itself."""
        for base in self.root.iter("base"):
            resolved = absolute_url(self.url, base.get("href"))
            if resolved:
                return resolved
        if self.url.startswith("file:"):
            declared = self.declared_url
            if declared:
                return declared
        return self.url

    @cached_property
    def declared_url(self) -> str | None:
        """The URL the page declares for itself (``<link rel=canonical>``, ``og:url``)."""
        for link in self.root.iter("link"):
            if "canonical" in (link.get("rel") or "").lower().split():
                resolved = absolute_url(self.url, link.get("href"))
                if resolved and not resolved.startswith("file:"):
                    return resolved
        resolved = absolute_url(self.url, self.meta("og:url"))
        return resolved if resolved and not resolved.startswith("file:") else None

    def resolve(self, href: str | None) -> str | None:
        return absolute_url(self.base_url, href)

    @cached_property
    def html_lang(self) -> str | None:
        return self.root.get("lang") or self.root.get("xml:lang")

    @cached_property
    def title_tag(self) -> str:
        title = self.root.find(".//title")
        return element_text(title) if title is not None else ""

    # --- links ---------------------------------------------------------------------

    @cached_property
    def links(self) -> list[Link]:
        found = []
        for anchor in self.body.iter("a"):
            url = self.resolve(anchor.get("href"))
            if url is None:
                continue
            news_id = news_id_from_url(url)
            found.append(
                Link(self.start(anchor), anchor, canonical_url(url) if news_id else url, news_id)
            )
        return found

    @cached_property
    def article_links(self) -> list[Link]:
        return [link for link in self.links if link.news_id]

    @cached_property
    def _article_link_keys(self) -> list[float]:
        return [link.key for link in self.article_links]

    def article_links_between(self, start: float, end: float) -> list[Link]:
        keys = self._article_link_keys
        return self.article_links[bisect_right(keys, start) : bisect_left(keys, end)]

    # --- chrome --------------------------------------------------------------------

    @cached_property
    def chrome(self) -> list[tuple[float, float]]:
        """Key ranges of navigation, breadcrumbs, sidebars, language switch and footer."""
        ranges = [(self.start(el), self.end(el)) for el in self._chrome_by_markup()]
        ranges.extend(self.sidebar_ranges)
        for line in self.lines:
            text = line.text
            if len(text) > 200:
                continue
            if (
                labels.BREADCRUMB_START.match(text)
                and labels.BREADCRUMB_SEPARATOR.search(text)
                and len(element_text(line.block)) <= 300
            ):
                ranges.append((self.start(line.block), self.end(line.block)))
            elif labels.COPYRIGHT.search(text):
                ranges.append((line.start - 0.01, self.end(self.body)))
        for link in self.links:
            if labels.EDITION_NAME.match(element_text(link.element)):
                holder = link.element.getparent()
                if holder is not None and len(element_text(holder)) <= 60:
                    ranges.append((self.start(holder), self.end(holder)))
        return sorted(ranges)

    def _chrome_by_markup(self) -> list[etree._Element]:
        found = []
        for element in self.body.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue
            if tag in ("nav", "aside") or element.get("role") in _CHROME_ROLES:
                found.append(element)
            elif tag in ("header", "footer"):
                # An <article>'s own header/footer holds its title and prev/next links.
                if next(element.iterancestors("article", "main"), None) is None and (
                    tag == "footer" or element.find(".//h1") is None
                ):
                    found.append(element)
            elif _has_chrome_class(element):
                found.append(element)
        return found

    @cached_property
    def sidebar_ranges(self) -> list[tuple[float, float]]:
        """ "Latest News" style blocks: dated links that are not part of this page's content."""
        return [
            self.block_under_heading(line) for line in self.heading_lines(labels.SIDEBAR_HEADING)
        ]

    def in_chrome(self, key: float) -> bool:
        return any(low < key < high for low, high in self.chrome)

    # --- blocks under a heading ----------------------------------------------------------

    def block_under_heading(self, heading: Line) -> tuple[float, float]:
        """The key range of the news items a heading ("Related News", "Latest News") introduces.

        The smallest element around the heading that also holds article links after it;
        when that element is the whole page column, the range stops at the next such
        heading or the first long paragraph.
        """
        node = heading.block
        while node is not None:
            if self.article_links_between(heading.end, self.end(node)):
                break
            node = node.getparent()
        limit = self.end(node) if node is not None else self.end(self.body)
        for line in self.lines_between(heading.end, limit):
            if line.block is not heading.block and (
                labels.SIDEBAR_HEADING.match(line.text)
                or labels.RELATED_HEADING.match(line.text)
                or labels.COPYRIGHT.search(line.text)
            ):
                return heading.start - 0.01, line.start - 0.01
        return heading.start - 0.01, limit

    def heading_lines(self, pattern: re.Pattern[str]) -> list[Line]:
        return [line for line in self.lines if len(line.text) <= 60 and pattern.match(line.text)]
