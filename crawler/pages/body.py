"""An article's body between its header and its end: text, sanitized HTML and images.

``body_text`` is read from the line index; ``body_html`` and ``images`` from the largest
chrome-free elements between the same keys (``body_pieces``), their addresses made absolute
and the HTML cleaned by nh3.
"""

from __future__ import annotations

import nh3
from lxml import etree

from crawler.pages.dom import BLOCK_TAGS, Document, Line

_SANITIZER_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "section"}
_SANITIZER_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "img": {"src", "alt", "title", "width", "height"},
    "a": {"href", "title"},
}
_SANITIZER = nh3.Cleaner(
    tags=_SANITIZER_TAGS,
    attributes=_SANITIZER_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
)
# The elements whose href/src the sanitizer keeps: addresses anywhere else are dropped anyway.
_ADDRESS_TAGS = tuple(sorted(tag for tag, names in _SANITIZER_ATTRIBUTES.items()
                             if names & {"href", "src"}))
_SPACER_MAX = 2  # pixels across: a drawn line or a spacer, not a picture
_ICON_MAX = 48
_IMAGE_TAGS = ("img", "amp-img")
# Lazy-loading pages keep the real picture in data-* and a placeholder in src.
_IMAGE_SOURCES = ("data-original", "data-src", "data-lazy-src", "data-url", "src")


def text_of_lines(doc: Document, lines: list[Line]) -> str:
    """The body's lines, one per paragraph; a table in the body reads row by row (the cells
    of one row make one line)."""
    if not lines or next(doc.body.iter("td", "th"), None) is None:
        return "\n".join(line.text for line in lines)
    texts: list[str] = []
    row = last_cell = None
    for line in lines:
        cell = _cell_of(doc, line)
        here = cell.getparent() if cell is not None else None
        if here is not None and here is row and cell is not last_cell:
            texts[-1] = f"{texts[-1]} {line.text}"
        else:
            texts.append(line.text)
        row, last_cell = here, cell
    return "\n".join(texts)


def body_pieces(doc: Document, start: float, end: float) -> list[etree._Element | str]:
    """The largest chrome-free elements (and loose text) between the keys, with lazy images'
    real pictures in ``src`` and addresses as the reader follows them (one that leads
    nowhere is dropped)."""
    pieces: list[etree._Element | str] = []
    _collect(doc, doc.body, start, end, pieces)
    resolve = doc.resolve
    for piece in pieces:
        if isinstance(piece, str):
            continue
        for image in piece.iter(_IMAGE_TAGS):
            image.tag = "img"  # an AMP page's <amp-img> is its <img>
            real = next((image.get(name) for name in _IMAGE_SOURCES if image.get(name)), None)
            if real:
                image.set("src", real)
        for element in piece.iter(_ADDRESS_TAGS):
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                resolved = resolve(value)
                if resolved is None:
                    del element.attrib[attribute]
                else:
                    element.set(attribute, resolved)
    return pieces


def html_of_pieces(pieces: list[etree._Element | str]) -> str:
    """The pieces as sanitized HTML: blocks as they are, loose text and inline elements
    gathered into paragraphs."""
    fragments: list[str] = []
    inline: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            inline.append(_escape(piece))
        elif piece.tag in BLOCK_TAGS or piece.tag == "br":
            if "".join(inline).strip():
                fragments.append(f"<p>{''.join(inline).strip()}</p>")
            inline = []
            if piece.tag != "br":
                fragments.append(etree.tostring(piece, encoding="unicode", with_tail=False))
        else:
            inline.append(etree.tostring(piece, encoding="unicode", with_tail=False))
    if "".join(inline).strip():
        fragments.append(f"<p>{''.join(inline).strip()}</p>")
    return _SANITIZER.clean("\n".join(fragments)).strip()


def images_in_pieces(doc: Document, pieces: list[etree._Element | str]) -> list[str]:
    """Absolute addresses of the pictures in the pieces, in order, each once."""
    found: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            continue
        for image in piece.iter("img"):
            if _is_spacer_or_icon(image):
                continue
            url = doc.resolve(image.get("src"))
            if url and url not in found:
                found.append(url)
    return found


def _is_spacer_or_icon(image: etree._Element) -> bool:
    """A picture one or two pixels across, a drawn line or a spacer (old table layouts put
    ``<img src="line.gif" width="680" height="1">`` under the header), or a link's icon at
    most 48 pixels each way (a share bar's logos, a PDF symbol before an attachment): not an
    image of the article."""
    if any(image.get(name) for name in _IMAGE_SOURCES[:-1]):
        return False  # a lazy picture: the sizes are its placeholder's
    sizes = [_pixels(image.get(attribute)) for attribute in ("width", "height")]
    if any(size is not None and size <= _SPACER_MAX for size in sizes):
        return True
    # An icon is a link's picture, or stands just before one (a PDF symbol); a small
    # picture in a sentence (a formula) is content.
    return all(size is not None and size <= _ICON_MAX for size in sizes) and (
        next(image.iterancestors("a"), None) is not None or _next_is_link(image))


def _next_is_link(image: etree._Element) -> bool:
    """The picture stands right before a link (a PDF symbol before the file's name)."""
    following = image.getnext()
    return following is not None and following.tag == "a" and not (image.tail or "").strip()


def _pixels(size: str | None) -> int | None:
    if not size or len(size) > 6:
        return None
    digits = size.strip().lower().removesuffix("px").strip()
    return int(digits) if digits.isascii() and digits.isdigit() else None  # not "²"


def _cell_of(doc: Document, line: Line) -> etree._Element | None:
    """The table cell (<td>, <th>) whose only line ``line`` is, if any."""
    block = line.block
    if block.tag in ("td", "th"):
        return block
    cell = next(block.iterancestors("td", "th"), None)
    if cell is None or len(doc.lines_in(cell)) != 1:
        return None
    return cell


def _collect(
    doc: Document,
    element: etree._Element,
    start: float,
    end: float,
    pieces: list[etree._Element | str],
) -> None:
    """Append the largest chrome-free elements (and loose text) lying between the keys."""
    low, high = doc.start(element), doc.end(element)
    if high <= start or low >= end or doc.chrome_covers(low, high):
        return
    if low > start and high < end and not doc.chrome_starts_within(low, high):
        if (
            doc.has_text(element)
            or element.tag == "br"
            or next(element.iter(_IMAGE_TAGS), None) is not None  # an image, or one inside
        ):
            pieces.append(element)
        return
    text = element.text
    if text and text.strip() and start < low + 0.25 < end:
        pieces.append(text)
    # The tree holds elements only (``Document``), so every child has a position.
    position, child_end = doc.position, doc.end
    for child in element:
        if position[child] >= end:
            break  # this child and the ones after it, tails included, lie past the range
        if child_end(child) > start:
            _collect(doc, child, start, end, pieces)
        tail = child.tail
        if tail and tail.strip():
            tail_key = doc.tail_key(child)
            if start < tail_key < end and not doc.in_chrome(tail_key):
                pieces.append(tail)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
