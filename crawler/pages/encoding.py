"""Turning response bytes into text.

Chinese pages of this kind are often GBK or GB2312 while claiming nothing, or claiming
GB2312 while using characters only GBK has; GB18030 is a superset of both, so any of
those names is decoded as GB18030.
"""

from __future__ import annotations

import codecs
import re

from bs4 import UnicodeDammit

from crawler.pages.errors import PageParseError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHINESE_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030",
                      "x-gbk": "gb18030", "gb18030": "gb18030", "hz-gb-2312": "gb18030"}
# Control characters lxml refuses in text; they never carry meaning on a news page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Character references to the same characters ("&#11;", "&#x1F"): libxml2 decodes them into
# the tree, where lxml then refuses to write them back (a <br>'s tail, a lazy image's src).
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)


def normalize_encoding(name: str | None) -> str | None:
    """The Python codec for an encoding label, widened to GB18030 for the GB family."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in _CHINESE_SUPERSETS:
        return "gb18030"
    try:
        codec = codecs.lookup(label).name
    except (LookupError, ValueError):  # unknown, or not a name at all ("utf-8\x00")
        return None
    return _CHINESE_SUPERSETS.get(codec, codec)


def sniff_bom(body: bytes) -> str | None:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    return None


def declared_in_markup(body: bytes) -> str | None:
    """The charset a ``<meta>`` or XML declaration names in the first few kilobytes."""
    head = body[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return normalize_encoding(match.group(1).decode("ascii")) if match else None


# Every byte but the control characters above, as UTF-8 (a control byte never occurs inside a
# multibyte sequence): deleting these leaves the control bytes alone, the cheapest scan.
_NOT_CONTROL_BYTES = bytes(sorted(
    set(range(256)) - {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)}
))


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text.lstrip("\ufeff"))


def without_control_references(markup: str) -> str:
    """``markup`` without character references to the control characters ``clean_text``
    removes, so that the parsed tree holds none of them either. Repeated until none is left:
    taking one out can join its neighbours into another ("&&#xF;#1;" leaves "&#1;")."""
    if "&#" not in markup:
        return markup
    removed = 1
    while removed:
        markup, removed = _CONTROL_REFERENCE.subn("", markup)
    return markup


def _decoded(body: bytes, codec: str) -> str:
    """``body`` decoded and cleaned; UTF-8 bytes without control characters skip the
    (slower) scan of the decoded text."""
    text = body.decode(codec)
    if (
        codec == "utf-8"
        and not body.translate(None, _NOT_CONTROL_BYTES)
        and "\ufffe" not in text  # looked for in the text: faster than the bytes EF BF BE
        and "\uffff" not in text
    ):
        return text.lstrip("\ufeff")
    return clean_text(text)


def decode_html(body: bytes | str, declared_encoding: str | None = None) -> str:
    """The page as text: BOM, then the declared (HTTP) charset, then ``<meta>``, then UTF-8,
    then bs4's ``UnicodeDammit`` guess. Raises ``PageParseError`` if nothing decodes it."""
    if isinstance(body, str):
        # A lone surrogate cannot reach libxml2 (which would stop reading there).
        return clean_text(_SURROGATE.sub("\ufffd", body))
    if not body:
        return ""
    if body.count(0) > len(body) // 1000 and sniff_bom(body) is None:
        raise PageParseError("the page bytes are binary data, not text")
    candidates = [sniff_bom(body), normalize_encoding(declared_encoding), declared_in_markup(body),
                  "utf-8"]
    for codec in dict.fromkeys(c for c in candidates if c):
        try:
            return _decoded(body, codec)
        except (UnicodeError, LookupError):  # UnicodeError: codecs such as "undefined"
            continue
    dammit = UnicodeDammit(body, ["gb18030", "big5", "windows-1252"], is_html=True)
    text = dammit.unicode_markup
    if text is None or text.count("\ufffd") > len(text) // 20:
        raise PageParseError("the page bytes are not text in any known encoding")
    return clean_text(text)
