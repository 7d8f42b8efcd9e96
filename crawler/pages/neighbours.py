"""An article's neighbours: which links are its Previous Page and Next Page.

The site writes ``Previous Page`` / ``Next Page`` (``上一篇`` / ``下一篇``) as a label before
the link, as the link's own words, as a box above the target's title, or only as ``rel``;
pagers inside navigation boxes count, but only by what the link itself or its line says.
"""

from __future__ import annotations

import math
import re

from crawler.pages import labels
from crawler.pages.dom import MODIFIER_WORDS, Document, Link

_ARROWS = " ←→«»‹›<>"  # around a pager's label: "← Previous Page", "Next Page →"
_BARE_WORDS = frozenset(("next", "previous", "prev", "prev."))
_NAME_MAX = 40  # "Previous article": a label, not a text
_SIDE_WORDS = frozenset(("side", "sidebar", "aside"))
# An icon's class naming an arrow's way: "chevron-left", "arrow_right", "fa-angle-left",
# "right-arrow".
_ARROW_CLASS = re.compile(r"(?:chevron|arrow|angle|caret)s?[-_]?(?P<way>left|right)(?![a-z])"
                          r"|(?<![a-z])(?P<way_after>left|right)[-_]?(?:chevron|arrow|angle|caret)")


def neighbour_links(doc: Document, header_end: float, related: tuple[float, float] | None,
                    own_id: str | None) -> dict[str, str]:
    """``{"previous": url, "next": url}`` as far as the page shows them: article links after
    the header, outside the Related News range ``related``, other than the page's own."""
    found: dict[str, str] = {}
    # Article links after the header: no link's key (an anchor's position) equals
    # header_end, which is a text or end key, or else the <body>'s own position.
    for link in doc.article_links_between(header_end, math.inf):
        if link.news_id == own_id:
            continue
        if related and related[0] < link.key < related[1]:
            continue
        if doc.in_chrome(link.key):
            # A pager in a <nav> ("Next Page »"): the link's own words count there, and a
            # label on its line ("上一篇：<a>"), but no label on a line above it, unless that
            # line is in the link's own card ("post-nav-item": "Previous Post" over a title).
            kind = _named_neighbour(doc, link) or _labelled_on_its_line(doc, link) \
                or _labelled_in_its_card(doc, link)
        else:
            kind = neighbour_kind(doc, link)
        if kind and kind not in found:
            found[kind] = link.url
            if len(found) == 2:  # both neighbours found: later links cannot change them
                break
    return found or _arrow_pair(doc, header_end, related, own_id)


def _arrow_pair(doc: Document, header_end: float, related: tuple[float, float] | None,
                own_id: str | None) -> dict[str, str]:
    """Two unlabelled article links in a row, the first drawn with an arrow pointing left
    and the second with one pointing right (icon boxes such as ``<span class="i-tabler-
    chevron-left">`` beside a shortened title): the previous and next articles, as a
    visitor reads a pager. One arrow alone is a card's "read more"."""
    links = [link for link in doc.article_links_between(header_end, math.inf)
             if link.news_id != own_id and not doc.in_chrome(link.key)
             and not (related and related[0] < link.key < related[1])]
    for first, second in zip(links, links[1:], strict=False):
        if _arrow_of(first) == "left" and _arrow_of(second) == "right":
            return {"previous": first.url, "next": second.url}
    return {}


def _arrow_of(link: Link) -> str | None:
    """"left" or "right" when the link holds an icon box (no words) whose class draws an
    arrow that way; None otherwise, or when it draws both."""
    found = set()
    for element in link.element.iter():
        if element is link.element or (element.text or "").strip():
            continue
        for name in (element.get("class") or "").lower().split():
            match = _ARROW_CLASS.search(name)
            if match:
                found.add(match.group("way") or match.group("way_after"))
    return found.pop() if len(found) == 1 else None


def _kind_by_rel(link: Link) -> str | None:
    """``previous``/``next`` from the link's ``rel`` attribute."""
    rel = (link.element.get("rel") or "").lower().split()
    if "prev" in rel or "previous" in rel:
        return "previous"
    return "next" if "next" in rel else None


def _kind_by_own_words(text: str) -> str | None:
    """``previous``/``next`` when the link's words are a pager's ("« Prev", "下一篇")."""
    if not text:  # the patterns' parts are all optional: an empty text would match
        return None
    if labels.PREVIOUS_LINK_TEXT.match(text):
        return "previous"
    return "next" if labels.NEXT_LINK_TEXT.match(text) else None


def _in_sidebar(doc: Document, link: Link) -> bool:
    """In a side column: an ``<aside>``, a box whose role, class or id says so
    (``complementary``, ``sidebar``, ``side-box``), or under a "Latest News" heading."""
    for ancestor in link.element.iterancestors():
        if ancestor.tag == "aside" or ancestor.get("role") == "complementary" \
                or _names_side_column(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return any(low < link.key < high for low, high in doc.sidebar_ranges)


def _names_side_column(names: str) -> bool:
    """A class or id naming a side column: a word "side" or "sidebar" ("sidebar",
    "side-box", "news_side"), not "inside", "leftside", nor a layout "with-sidebar"."""
    for name in names.lower().split():
        parts = name.replace("_", "-").split("-")
        for index, part in enumerate(parts):
            if part in _SIDE_WORDS and not (index and parts[index - 1] in MODIFIER_WORDS):
                return True
    return False


def _accessible_name(link: Link) -> str:
    """What a screen reader says for a link that shows no words (an arrow glyph): its
    ``aria-label`` ("Previous article"). Its ``title`` names the target, not the link."""
    name = " ".join((link.element.get("aria-label") or "").split())
    return name if len(name) <= _NAME_MAX else ""


def _named_neighbour(doc: Document, link: Link) -> str | None:
    """``previous``/``next`` when the link itself says so in words ("Next Page »"), or by
    ``rel``."""
    kind = _kind_by_rel(link)
    if kind:
        return kind
    if not any(map(str.isalpha, link.text)):
        # In a sidebar a bare "Previous" / "Next" is a carousel's or ticker's arrow.
        name = _accessible_name(link)
        if name.casefold() in _BARE_WORDS and _in_sidebar(doc, link):
            return None
        return _kind_by_own_words(name)
    return _kind_by_own_words(link.text) or _named_by_first_line(doc, link)


def neighbour_kind(doc: Document, link: Link) -> str | None:
    """``previous``/``next`` when the link or the words just before it say so."""
    kind = _kind_by_rel(link) or _kind_by_own_words(link.text) or _named_by_first_line(doc, link)
    if kind is None and not any(map(str.isalpha, link.text)):
        kind = _kind_by_own_words(_accessible_name(link))
    if kind:
        return kind
    index, opens = _place_on_lines(doc, link)
    if not opens:
        return _labelled_on_its_line(doc, link)
    # The link opens its line: a label, if any, sits alone just before (<dt>上一篇</dt>).
    lines = doc.lines
    before = lines[index - 1].spaced if index > 0 and len(lines[index - 1].text) <= 16 else ""
    match = labels.NEIGHBOUR_LABEL_AT_END.search(before)
    return match.lastgroup if match else None


def _labelled_in_its_card(doc: Document, link: Link) -> str | None:
    """``neighbour_kind`` by a label alone on the line above the link, when that label is in
    the link's card: the smallest box holding both links to this one article only."""
    index, opens = _place_on_lines(doc, link)
    if not opens or index == 0:
        return None
    label = doc.lines[index - 1]
    match = labels.NEIGHBOUR_LABEL_AT_END.search(label.spaced) if len(label.text) <= 16 else None
    if match is None:
        return None
    for box in link.element.iterancestors():
        if box is doc.body:
            return None
        if doc.contains(box, label.start):
            ids = {other.news_id for other in doc.article_links_between(doc.start(box),
                                                                         doc.end(box))}
            return match.lastgroup if ids == {link.news_id} else None
    return None


def _place_on_lines(doc: Document, link: Link) -> tuple[int, bool]:
    """The index of the first line starting after the link, and whether the link opens its
    own line (the line at that index starts inside it)."""
    lines, index = doc.lines, doc.line_index_at(link.key)
    return index, index < len(lines) and doc.contains(link.element, lines[index].start)


def _labelled_on_its_line(doc: Document, link: Link) -> str | None:
    """``previous``/``next`` when the words right before the link on its own line are the
    label: "上一篇：<a>title</a>". Such a line means the same inside a box marked as chrome
    (MetInfo's prev/next sit in ``<div class="met-shownews-footer">``)."""
    index, opens = _place_on_lines(doc, link)
    if opens or index == 0:
        return None  # no words before the link on its line
    line = doc.lines[index - 1]
    before = " ".join(
        word for word, key in zip(line.words, line.keys, strict=True) if key < link.key
    )
    match = labels.NEIGHBOUR_LABEL_AT_END.search(before)
    return match.lastgroup if match else None


def _named_by_first_line(doc: Document, link: Link) -> str | None:
    """``previous``/``next`` when the link's words on its first line open with the label:
    "上一篇：<title>" as one link (also the second of two on one line, "上一篇：<a>…</a>
    下一篇：<a>…</a>" written as two such links), or a card whose first box reads "Previous
    Page" above the target's title or before it on the line (``<a><span>Previous
    Page</span> <em>title</em></a>``)."""
    index, opens = _place_on_lines(doc, link)
    if opens:
        line = doc.lines[index]
    elif index > 0:  # the link starts inside a line: its own words there, if any
        line = doc.lines[index - 1]
    else:
        return None
    boxes = [word for word, key in zip(line.words, line.keys, strict=True)
             if doc.contains(link.element, key)]
    first = " ".join(boxes) if opens else link.text
    if labels.PREVIOUS_AT_START.match(first):
        return "previous"
    if labels.NEXT_AT_START.match(first):
        return "next"
    label = boxes[0].strip(_ARROWS) if len(boxes) > 1 else ""
    # "Next" alone is also a badge ("<span>Next</span> Investor Day"): the full label only.
    if label and label.casefold() not in _BARE_WORDS and labels.NEIGHBOUR_WORD.match(label):
        match = labels.NEIGHBOUR_LABEL_AT_END.search(label)
        return match.lastgroup if match else None
    return None
