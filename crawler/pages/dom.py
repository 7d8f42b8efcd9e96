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
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from lxml import etree

from crawler.pages import compiled, labels
from crawler.pages.dates import year_alone
from crawler.pages.encoding import without_control_references
from crawler.pages.lazy import cached_property
from crawler.pages.urls import absolute_url, article_identity

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
# Never shown as text: scripts and the like, and a <video>/<audio>'s fallback ("Your browser
# does not support HTML5 video").
_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
                 "video", "audio")
_CHROME_TAGS = frozenset(("nav", "aside", "header", "footer"))
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
# Words that make a class name a modifier of the box that has the chrome (BEM's
# ``layout--with-sidebar``, ``page-has-nav``, ``no-footer``).
MODIFIER_WORDS = frozenset(("with", "has", "have", "no", "without"))
_LAYOUT_WORDS = frozenset(("layout", "page", "main", "content", "container", "wrapper", "wrap",
                           "body", "site", "app", "grid", "row", "col", "l"))
_SIDE_COLUMN_NAMES = frozenset(("side-box", "sidebox", "side-list", "side-bar", "side-nav",
                                "sidenav", "side-menu", "side-news", "news-side", "side_box"))
# Key offsets by depth (``end`` and ``tail_key``), computed once for usual depths.
_STEPS = 512
# A line longer than this is not a footer's (addresses, phone numbers, ICP numbers).
_FOOTER_LINE_MAX = 100
_END_STEP = tuple(0.4 / (depth + 1.5) for depth in range(_STEPS))
_TAIL_STEP = tuple(0.4 / (depth + 1) for depth in range(_STEPS))
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# HTML and CSS know ASCII spaces and ASCII case only, as does ``_walk.hidden_elements``.
_HIDING_STYLE = re.compile(r"display[ \t\n\r\f]*:[ \t\n\r\f]*none", re.IGNORECASE | re.ASCII)
_ASCII_SPACES = re.compile(r"[ \t\n\r\f]+")
_HIDING_CLASSES = frozenset(("hidden", "hide", "invisible", "w-condition-invisible"))
_HIDDEN_TEXT_MAX = 200
_PULL_QUOTE_MAX = 400
_PROSE_PARAGRAPH_MIN = 20  # characters: a Chinese sentence of the text is dense
# Plain lxml elements: lxml.html's element classes cost a Python call per node touched.
# The text goes in as UTF-8, libxml2's own encoding: handed a str, lxml gives libxml2 the
# str's internal form (Latin-1, UCS-2 or UCS-4), which it converts first (8 % of libxml2's
# parse, 0.5 % of a page's with the encoding paid). A lone surrogate, which cannot be UTF-8,
# reads as U+FFFD marks instead of ending the parse there.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                           encoding="utf-8")
_ITEMPROP = etree.XPath("descendant-or-self::*[@itemprop=$name]")


def normalize(text: str | None) -> str:
    """Whitespace runs as one space, ends trimmed (``str.split`` and regex ``\\s`` agree on
    what whitespace is)."""
    return " ".join(text.split()) if text else ""


def element_text(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return ""
    if not len(element):  # no children: its own text is all of it
        return normalize(element.text)
    # The text serializer gives what XPath string() gives, at a third of the cost.
    return normalize(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def _is_site_header_or_footer(element: etree._Element) -> bool:
    """Not an <article>'s own header/footer, which holds its title and prev/next links."""
    if element.get("role") in _CHROME_ROLES:
        return True
    return next(element.iterancestors("article", "main"), None) is None and (
        element.tag == "footer" or next(element.iter("h1"), None) is None
    )


def _is_pull_quote(element: etree._Element) -> bool:
    """An ``<aside>`` inside an ``<article>`` holding a few words, no links and no pictures
    (a QR code, an author's photo), and named as no sidebar by class, id or role: a pull
    quote, read within the text (HTML's own example of an aside in an article).
    ``Document._chrome_by_markup`` lets it be."""
    if element.tag != "aside" or element.get("role") in _CHROME_ROLES:
        return False
    names, key = element.get("class"), element.get("id")
    if (names and _names_chrome(names)) or (key and _names_chrome(key)):
        return False
    return (next(element.iterancestors("article"), None) is not None
            and next(element.iter("a", "img"), None) is None
            and len(element_text(element)) <= _PULL_QUOTE_MAX)


def _holds_main(element: etree._Element) -> bool:
    """A box around the page's ``<main>``: the page's grid, whatever its class says
    (Drupal's Olivero wraps content and sidebar in ``<div class="sidebar-grid">``)."""
    return element.tag != "main" and next(element.iter("main"), None) is not None


def _is_content_column(element: etree._Element) -> bool:
    """A box named like chrome by its class or id that holds a headline (``<h1>``) and
    paragraphs of prose: the page's content column (PinTuer's ``<div class="sidebar-l">``
    is the wide left column). A menu may hold the site's name in an ``<h1>``, never prose."""
    if element.tag in _CHROME_TAGS or next(element.iter("h1"), None) is None:
        return False
    paragraphs = 0
    for paragraph in element.iter("p"):
        text = element_text(paragraph)
        if len(text) >= _PROSE_PARAGRAPH_MIN and labels.reads_as_sentence(text):
            paragraphs += 1
            if paragraphs == 2:
                return True
    return False


def _marks_chrome(element: etree._Element) -> bool:
    """Chrome by tag (<nav>, <aside>, <header>, <footer>), class/id words or ARIA role.
    ``Document._walk`` writes the same rule out inline; a test holds the two together."""
    if element.tag in _CHROME_TAGS:
        return True
    get = element.get
    names = get("class")
    if names and _names_chrome(names):
        return True
    key = get("id")
    return bool(key and _names_chrome(key)) or get("role") in _CHROME_ROLES


@lru_cache(maxsize=2048)
def _names_chrome(words: str) -> bool:
    """Whether class/id words (split at spaces, ``_`` and ``-``) name navigation, footer...,
    or a whole class names a side column ("side-box"; "side" alone is also "left-side", a
    page's main column in some templates)."""
    names = words.lower()
    if not _SIDE_COLUMN_NAMES.isdisjoint(names.split()):
        return True
    if _CHROME_CLASS_WORDS.isdisjoint(names.replace("_", " ").replace("-", " ").split()):
        return False
    return any(_class_names_chrome(name) for name in names.split())


def _class_names_chrome(name: str) -> bool:
    """One class name's words hold a chrome word that is not a modifier's object: a layout
    "with sidebar" (``layout--with-sidebar``, ``has-sidebar``) is the page's main box, not
    its sidebar; a ``header-with-nav`` is chrome all the same."""
    parts = [part for part in name.replace("_", "-").split("-") if part]
    return any(part in _CHROME_CLASS_WORDS and not _is_modifier(parts, index)
               for index, part in enumerate(parts))


def _is_modifier(parts: list[str], index: int) -> bool:
    return index > 0 and parts[index - 1] in MODIFIER_WORDS and (index == 1
                                                          or parts[0] in _LAYOUT_WORDS)


def _read_headings(lines: list[Line]) -> None:
    """Each line's "Related News" / "Latest News" heading and copyright marks."""
    related, sidebar = labels.RELATED_HEADING.match, labels.SIDEBAR_HEADING.match
    related_first, sidebar_first = labels.RELATED_FIRST, labels.SIDEBAR_FIRST
    either_first = related_first | sidebar_first
    for line in lines:
        first = line.text[:1]
        if first not in either_first:
            continue
        if first in related_first:
            line.related = related(line.text) is not None
        if first in sidebar_first:
            line.sidebar = sidebar(line.text) is not None
    for line in labels.lines_mentioning_copyright(lines):
        line.copyright = True


def _finish_lines(lines: list[Line]) -> None:
    """Each line's ``text`` and ``spaced``, once all its runs are in."""
    for line in lines:
        if len(line.words) > 1:  # a line of one run (blank ones aside) is its words already
            line.text = " ".join("".join(line.raw).split())
            line.spaced = " ".join(line.words)


def parse_tree(text: str) -> etree._Element | None:
    """The lxml tree of ``text``, or None when there is no markup to speak of. Scripts and
    the like are not in it, nor are short bits the markup hides (a notice, a draft title, a
    tracking pixel); hidden navigation and hidden content a reader can open stay."""
    text = without_control_references(_XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    if root is None:
        return None
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    for element in (_COMPILED_WALK.hidden_elements if _COMPILED_WALK else hidden_elements)(root):
        if not _holds_navigation(element) and not _holds_much_text(element):
            _remove_keeping_tail(element)
    return root


def is_hidden(element: etree._Element) -> bool:
    """Hidden from every visitor by the markup itself: the ``hidden`` attribute, an inline
    ``display: none`` (sites hide "转载请注明出处" notices in article text that way), or a
    class that only ever hides (``hidden``, ``hide``, ``invisible``, Webflow's
    ``w-condition-invisible``). A class list with a responsive override ("hidden md:block")
    shows the element on some screens, so it counts as shown; so does text only for screen
    readers, which can be a block's heading."""
    get = element.get
    if get("hidden") is not None:
        return True
    style = get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    names = get("class")
    return bool(names) and ":" not in names and not _HIDING_CLASSES.isdisjoint(
        _ASCII_SPACES.split(names))


def hidden_elements(root: etree._Element) -> list[etree._Element]:
    """The outermost hidden elements (``is_hidden``) inside ``root``, in document order.
    ``_walk.hidden_elements`` is the compiled twin; change both or neither."""
    found: list[etree._Element] = []
    for element in root.iterdescendants():
        if is_hidden(element) and not (found and _inside(element, found[-1])):
            found.append(element)
    return found


def _holds_navigation(element: etree._Element) -> bool:
    """Whether a hidden element is, holds or sits in navigation (a menu a button opens, a
    dropdown): the crawl follows its links, so it stays."""
    return any(map(_marks_chrome, element.iterancestors())) or any(
        map(_marks_chrome, element.iter()))


def _holds_much_text(element: etree._Element) -> bool:
    """Whether a hidden element holds more than a notice's worth of text: a page that hides
    its content until a script runs (``<div id="app" style="display:none">``), or the rest
    of an article behind "展开全文". A reader gets to see that, so it stays."""
    return len(element_text(element)) > _HIDDEN_TEXT_MAX


def _inside(element: etree._Element, other: etree._Element) -> bool:
    return any(ancestor is other for ancestor in element.iterancestors())


def _remove_keeping_tail(element: etree._Element) -> None:
    """Take ``element`` out of the tree; the text after it stays where it was."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


class Line:
    """One visual line: consecutive text runs sharing a block element.

    A plain slotted class: a page makes dozens of these in its hottest loop, and a
    dataclass constructor with default factories costs twice as much."""

    __slots__ = ("block", "start", "end", "raw", "words", "keys", "text", "spaced",
                 "related", "sidebar", "copyright")

    def __init__(self, block: etree._Element, key: float, raw: str, words: str):
        self.block = block
        self.start = self.end = key
        self.raw: list[str] = [raw]  # the text runs as written
        self.words: list[str] = [words]  # each run with its whitespace collapsed
        self.keys: list[float] = [key]  # each run's key
        # The line as read, with the page's own spacing, and with a space wherever the markup
        # splits it (<span>18</span><span>2024</span>): one run's words until more runs join.
        self.text = self.spaced = words
        # What the words are, read once: a "Related News" / "Latest News" heading, a copyright line
        self.related = self.sidebar = self.copyright = False

    def __repr__(self) -> str:
        return f"Line({self.start}, {self.text!r})"


@dataclass(slots=True)
class Link:
    key: float
    element: etree._Element
    url: str
    news_id: str | None
    text: str  # what the link says (``Document.text`` of the anchor)


class Document:
    """A parsed page plus the positional index every extractor shares.

    ``root`` is a tree from ``parse_tree``: elements only (its parser drops comments and
    processing instructions), nested at most 255 deep (libxml2's cap), which the body walk
    relies on."""

    def __init__(self, url: str, root: etree._Element, markup: str = ""):
        self.url = url
        self.root = root
        self.markup = markup  # the text ``root`` was parsed from: <script> data lives there
        body = root.find("body")
        self.body = body if body is not None else root
        self.position: dict[etree._Element, int] = {
            element: index for index, element in enumerate(root.iter())
        }
        self._last: dict[etree._Element, int] = {}
        self._depth: dict[etree._Element, int] = {}
        self._ends: dict[etree._Element, float] = {}  # end() of body elements
        self._tails: dict[etree._Element, float] = {}  # tail_key() of tails that show text
        self._resolved: dict[str, str | None] = {}
        self._texts: dict[etree._Element, str] = {}
        self._marked_chrome: list[etree._Element] = []
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
        found = self._ends.get(element)
        if found is None:
            found = self.last_position(element) + 0.5 + 0.4 / (self.depth(element) + 1.5)
        return found

    def tail_key(self, element: etree._Element) -> float:
        """Key of the text after ``element``'s end tag: deeper elements' tails come first."""
        found = self._tails.get(element)
        if found is None:
            found = self.last_position(element) + 0.5 + 0.4 / (self.depth(element) + 1)
        return found

    def contains(self, element: etree._Element, key: float) -> bool:
        return self.start(element) < key < self.end(element)

    # --- lines -------------------------------------------------------------------

    def _outer_block(self, element: etree._Element) -> etree._Element:
        node = element
        while node is not None and node.tag not in BLOCK_TAGS:
            node = node.getparent()
        return node if node is not None else element

    def _read_lines(self) -> list[Line]:
        """Every text run of the body in document order, grouped into lines: a block's runs
        make a line; a <br> or a block's end starts a new one."""
        body = self.body
        block = body if body.tag in BLOCK_TAGS else self._outer_block(body)
        if _marks_chrome(body):
            self._marked_chrome.append(body)
        lines: list[Line] = []
        start = self.position[body]
        text = body.text
        current = None
        if text and text.strip():
            current = Line(block, start + 0.25, text, " ".join(text.split()))
            lines.append(current)
        depth = self.depth(body)
        if _COMPILED_WALK is not None:
            latest, _, _ = _COMPILED_WALK.walk(body, depth, block, start, lines, current, False,
                                               self._ends, self._tails, self._marked_chrome)
        else:
            latest, _, _ = self._walk(body, depth, block, start, lines, current, False)
        self._ends[body] = latest + 0.5 + 0.4 / (depth + 1.5)
        self._tails[body] = latest + 0.5 + 0.4 / (depth + 1)
        _finish_lines(lines)
        _read_headings(lines)
        return lines

    def _walk(self, element: etree._Element, depth: int, block: etree._Element, latest: int,
              lines: list[Line], current: Line | None, pending_break: bool,
              ) -> tuple[int, Line | None, bool]:
        """The text runs inside ``element`` (whose block box is ``block``, at position
        ``latest``) added to ``lines``, where ``current`` is the line being filled and
        ``pending_break`` says a <br> ended it. Each descendant's end() is recorded (and the
        tail_key() of a tail that shows text), chrome boxes collected on the way. Returns the
        position of the last descendant and the line state after it.

        ``_walk.pyx`` is this method compiled, used when built (``crawler.pages.compiled``);
        a change here goes there too, and a test compares the two on every stored page.

        This is the parser's hottest loop (every element of every page), hence one function
        with the run handling written out twice, for a child's text and for its tail (keep
        the two in step): a blank run is a space inside the current line; a run starts a new
        line when its block box changes, after a block element's end or after a <br>. A
        child's own text lies in its box (``box``: itself if it is a block, else ``block``);
        its tail lies in the parent's (``block``).

        Positions are counted, not looked up: the walk meets elements in document order, as
        ``enumerate(root.iter())`` numbers them, since the tree holds elements only (see the
        class). Recursive: libxml2 caps nesting at 255 levels."""
        ends, tails, boxes = self._ends, self._tails, self._marked_chrome
        names_chrome = _names_chrome
        depth += 1  # the children's
        if depth < _STEPS:
            end_step, tail_step = _END_STEP[depth], _TAIL_STEP[depth]
        else:
            end_step, tail_step = 0.4 / (depth + 1.5), 0.4 / (depth + 1)
        for child in element:
            latest += 1
            tag = child.tag
            box = child if tag in BLOCK_TAGS else block
            # The rule of _marks_chrome, written out: no call for the many plain elements.
            if tag in _CHROME_TAGS:
                boxes.append(child)
            elif child.attrib:
                names = child.get("class")
                if names and names_chrome(names):
                    boxes.append(child)
                else:
                    key = child.get("id")
                    if (key and names_chrome(key)) or child.get("role") in _CHROME_ROLES:
                        boxes.append(child)
            text = child.text
            if text:
                stripped = text.strip()
                if not stripped:
                    if current is not None:
                        current.raw.append(" ")
                else:
                    if current is None or current.block is not box or pending_break:
                        current = Line(box, latest + 0.25, text, " ".join(stripped.split()))
                        lines.append(current)
                    else:
                        current.end = key = latest + 0.25
                        current.raw.append(text)
                        current.keys.append(key)
                        current.words.append(" ".join(stripped.split()))
                    pending_break = False
            if len(child):
                latest, current, pending_break = self._walk(
                    child, depth, box, latest, lines, current, pending_break)
            ends[child] = latest + 0.5 + end_step
            text = child.tail
            if tag == "br":
                # A line break: the page's own "\n" keeps it in body_html as well.
                child.tail = text = "\n" + (text or "")
                pending_break = True
            elif not text:
                continue
            stripped = text.strip()
            if not stripped:
                if current is not None:
                    current.raw.append(" ")
                continue
            # Only a tail that shows text has its key asked for again (tail_key() works the
            # same formula out for the others).
            key = tails[child] = latest + 0.5 + tail_step
            if current is None or current.block is not block or pending_break \
                    or tag in BLOCK_TAGS:
                current = Line(block, key, text, " ".join(stripped.split()))
                lines.append(current)
            else:
                current.end = key
                current.raw.append(text)
                current.keys.append(key)
                current.words.append(" ".join(stripped.split()))
            pending_break = False
        return latest, current, pending_break

    def lines_between(self, start: float, end: float) -> list[Line]:
        """Lines starting after ``start`` and before ``end``."""
        low = bisect_right(self.line_starts, start)
        high = bisect_left(self.line_starts, end)
        return self.lines[low:high]

    @cached_property
    def text_keys(self) -> list[float]:
        """The key of every text run, in order."""
        return list(chain.from_iterable([line.keys for line in self.lines]))

    def has_text(self, element: etree._Element) -> bool:
        """True when ``element`` shows any text (``element_text`` is not empty), for an element
        of the body."""
        keys = self.text_keys
        index = bisect_right(keys, self.start(element))
        return index < len(keys) and keys[index] < self.end(element)

    def line_index(self, line: Line) -> int:
        return bisect_left(self.line_starts, line.start)

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

    def microdata(self, name: str, holding: etree._Element) -> str | None:
        """The value of the microdata property ``name`` in the item that holds ``holding``
        (an article's item holds its headline; a related card's own item does not): the
        element's ``content``, ``datetime`` or ``title`` (``<abbr title>``, hAtom's way)."""
        for element in _ITEMPROP(self.body, name=name):
            scope = next((ancestor for ancestor in element.iterancestors()
                          if ancestor.get("itemscope") is not None), None)
            if scope is None or not self.contains(scope, self.start(holding)):
                continue
            value = element.get("content") or element.get("datetime") or element.get("title")
            if value and value.strip():
                return value.strip()
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
        if not href:
            return None
        cache = self._resolved
        if href not in cache:
            cache[href] = absolute_url(self.base_url, href)
        return cache[href]

    def text(self, element: etree._Element) -> str:
        """``element_text``, remembered for the page."""
        found = self._texts.get(element)
        if found is None:
            found = self._texts[element] = element_text(element)
        return found

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
        position = self.position
        known: dict[str, tuple[str, str | None]] = {}  # href -> (url as kept, news id)
        for anchor in self.body.iter("a"):
            href = anchor.get("href")
            if not href:
                continue
            kept = known.get(href)
            if kept is None:
                url = self.resolve(href)
                if url is None:
                    continue
                article = article_identity(url) if "news_detail" in url.lower() else None
                kept = known[href] = article or (url, None)
            found.append(Link(float(position[anchor]), anchor, kept[0], kept[1],
                              self.text(anchor)))
        return found

    @cached_property
    def _link_keys(self) -> list[float]:
        return [link.key for link in self.links]

    def links_between(self, start: float, end: float) -> list[Link]:
        keys = self._link_keys
        return self.links[bisect_right(keys, start) : bisect_left(keys, end)]

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
        footer_end = -1.0
        for line in self.lines:
            text = line.text
            if len(text) > 200:
                continue
            if (
                labels.starts_breadcrumb(text)
                and labels.BREADCRUMB_SEPARATOR.search(text)
                and len(element_text(line.block)) <= 300
            ):
                ranges.append((self.start(line.block), self.end(line.block)))
            elif line.copyright and line.start > footer_end:  # not in the footer just found
                ranges.append(footer := self._footer_range(line))
                footer_end = footer[1]
        for link in self.links:
            if labels.is_edition_name(link.text):
                holder = link.element.getparent()
                if holder is not None and len(self.text(holder)) <= 60:
                    ranges.append((self.start(holder), self.end(holder)))
        return sorted(ranges)

    def _footer_range(self, copyright_line: Line) -> tuple[float, float]:
        """From a copyright line to the end of the page, where footers are. A site builder
        may put its footer first in the markup and place it by CSS: when content follows the
        footer's box (the largest box around the line that holds none), only the box is
        chrome."""
        box, body = copyright_line.block, self.body
        while (parent := box.getparent()) is not None and parent is not body \
                and not self._holds_content(self.start(parent), self.end(parent)):
            box = parent
        start, box_end, page_end = copyright_line.start - 0.01, self.end(box), self.end(body)
        return (start, box_end) if self._holds_content(box_end, page_end) else (start, page_end)

    def _holds_content(self, start: float, end: float) -> bool:
        """An article link, or a line reading like content (long, or a sentence) that is not
        a copyright notice, between the keys: what a footer never holds."""
        keys = self._article_link_keys
        return bisect_left(keys, end) > bisect_right(keys, start) or any(
            not line.copyright
            and (len(line.text) > _FOOTER_LINE_MAX or labels.reads_as_sentence(line.text))
            for line in self.lines_between(start, end)
        )

    def _chrome_by_markup(self) -> list[etree._Element]:
        """Navigation, sidebars, site header and footer, by tag, ARIA role or class name
        (candidates are collected during the walk); not an article's own header and footer,
        a pull quote, a box around the page's ``<main>`` or its content column."""
        return [element for element in self._marked_chrome
                if (element.tag not in ("header", "footer") or _is_site_header_or_footer(element))
                and not _is_pull_quote(element) and not _holds_main(element)
                and not _is_content_column(element)]

    @cached_property
    def sidebar_ranges(self) -> list[tuple[float, float]]:
        """ "Latest News" style blocks: dated links that are not part of this page's content."""
        return [
            self.block_under_heading(line) for line in self.sidebar_headings
        ]

    @cached_property
    def _merged_chrome(self) -> tuple[list[float], list[float]]:
        """``chrome`` as disjoint ranges (lows, highs): ranges that overlap are one."""
        lows: list[float] = []
        highs: list[float] = []
        for low, high in self.chrome:
            if highs and low < highs[-1]:
                highs[-1] = max(highs[-1], high)
            else:
                lows.append(low)
                highs.append(high)
        return lows, highs

    @cached_property
    def _chrome_index(self) -> tuple[list[float], list[float]]:
        """The lows of ``chrome`` and, for each, the highest high among ranges up to it."""
        lows: list[float] = []
        reach: list[float] = []
        for low, high in self.chrome:
            lows.append(low)
            reach.append(max(high, reach[-1]) if reach else high)
        return lows, reach

    def chrome_covers(self, low: float, high: float) -> bool:
        """Some chrome range holds all of ``low``..``high`` (ends included)."""
        lows, reach = self._chrome_index
        index = bisect_right(lows, low) - 1
        return index >= 0 and reach[index] >= high

    def chrome_starts_within(self, low: float, high: float) -> bool:
        """Some chrome range starts strictly between ``low`` and ``high``."""
        lows = self._chrome_index[0]
        index = bisect_right(lows, low)
        return index < len(lows) and lows[index] < high

    def in_chrome(self, key: float) -> bool:
        lows, highs = self._merged_chrome
        index = bisect_right(lows, key) - 1
        return index >= 0 and lows[index] < key < highs[index]

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
            if line.block is not heading.block and (line.sidebar or line.related or line.copyright):
                return heading.start - 0.01, line.start - 0.01
        return heading.start - 0.01, limit

    @cached_property
    def related_headings(self) -> list[Line]:
        """Short lines reading "Related News", "相关新闻"..."""
        return [line for line in self.lines if line.related and len(line.text) <= 60]

    @cached_property
    def sidebar_headings(self) -> list[Line]:
        """Short lines reading "Latest News", "最新资讯"..."""
        return [line for line in self.lines if line.sidebar and len(line.text) <= 60]

    @cached_property
    def year_headings(self) -> tuple[list[float], list[int]]:
        """(keys, years) of a timeline's year headings (``<h3>2025</h3>``, ``<div
        class="year">2024</div>``): a line showing a year and nothing else, in a heading or
        a box named a year. Tabs and counts that read as a year are not headings."""
        keys: list[float] = []
        years: list[int] = []
        for line in self.lines:
            year = year_alone(line.text)
            if year is not None and (line.block.tag in HEADING_TAGS
                                     or "year" in (line.block.get("class") or "").lower()):
                keys.append(line.start)
                years.append(year)
        return keys, years


# The compiled twin of Document._walk, when it is built and current; WALK says which runs.
_COMPILED_WALK, WALK = compiled.load_walk()
if _COMPILED_WALK is not None:
    _COMPILED_WALK.bind(Line, BLOCK_TAGS, _CHROME_TAGS, _CHROME_ROLES, _names_chrome,
                        _END_STEP, _TAIL_STEP)
