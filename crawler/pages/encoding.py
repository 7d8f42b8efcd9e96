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
# Browsers read a page labelled Latin-1 or ASCII as Windows-1252 (the WHATWG Encoding
# standard): its bytes 0x80-0x9F are curly quotes and dashes, not control characters.
_WINDOWS_1252_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are U+0081...
# to a browser, as to Latin-1; Python's cp1252 refuses them, which would fail the whole page.
codecs.register_error(
    "vcare-latin-1", lambda error: (error.object[error.start:error.end].decode("latin-1"),
                                    error.end))
# Characters no reader sees as text: lxml refuses the C0 controls in text, and no control
# (C0, DEL, C1) ever shows or means anything on a news page. Nor do icon-font glyphs, which
# sites put in the Private Use Area (iconfont's "&#xe6a7;" arrow after "Next Page", a phone
# icon before a number); U+E000-U+EFFF holds the usual icon sets' code points.
_CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_ICON_GLYPHS = r"\ue000-\uefff"
_CONTROL = re.compile(f"[{_CONTROL_CHARACTERS}{_ICON_GLYPHS}]")
# GB18030 decodes some real characters (𠂇 is FE 51) into the Private Use Area: a GB page's
# own bytes keep it (its icons come as "&#xe6a7;" references, dropped before parsing).
_CONTROL_BUT_PRIVATE_USE = re.compile(f"[{_CONTROL_CHARACTERS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Character references to the same characters ("&#11;", "&#x1F", "&#146;", "&#xe6a7;"):
# libxml2 decodes them into the tree, where lxml then refuses to write the C0 ones back (a
# <br>'s tail, a lazy image's src).
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]"
    r"|5734[4-9]|573[5-9][0-9]|57[4-9][0-9]{2}|5[89][0-9]{3}|60[0-9]{3}|61[0-3][0-9]{2}"
    r"|614[0-3][0-9]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]|[eE][0-9a-fA-F]{3}"
    r"|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
# What a browser shows for "&#128;".."&#159;" (the HTML standard's table): the Windows-1252
# character of that byte, as pages written in Word ("&#146;" for ’) rely on. The five bytes
# Windows-1252 leaves undefined stay control characters, and are dropped like them.
_WINDOWS_1252_REFERENCE = {
    code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


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
    return _CHINESE_SUPERSETS.get(codec) or _WINDOWS_1252_ALIASES.get(codec, codec)


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


# Every byte but the one-byte control characters above and the lead byte of U+E000-U+EFFF, as
# UTF-8 (a control byte never occurs inside a multibyte sequence, and 0xEE leads only those):
# deleting these leaves the bytes to look for, the cheapest scan.
_NOT_CONTROL_BYTES = bytes(sorted(
    set(range(256)) - {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xEE}
))
# The C1 controls as UTF-8: two bytes each.
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_C1_LOOKUPS = 8  # up to this many 0xC2 bytes are looked at one by one; a regex scan costs more


def _holds_c1_controls(body: bytes) -> bool:
    """Whether UTF-8 ``body`` holds a C1 control. 0xC2 also leads U+00A0..U+00BF (a
    no-break space, "©"), which a page shows a few of: those few are checked by hand."""
    if body.count(b"\xc2") > _C1_LOOKUPS:
        return _C1_IN_UTF8.search(body) is not None
    at = body.find(b"\xc2")
    while at != -1:
        following = body[at + 1 : at + 2]
        if following and 0x80 <= following[0] <= 0x9F:
            return True
        at = body.find(b"\xc2", at + 1)
    return False


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text.lstrip("\ufeff"))


def without_control_references(markup: str) -> str:
    """``markup`` without character references to the characters ``clean_text``
    removes, so that the parsed tree holds none of them either ("&#128;".."&#159;" become
    what a browser shows). Repeated until none is left: taking one out can join its
    neighbours into another ("&&#xF;#1;" leaves "&#1;")."""
    if "&#" not in markup:
        return markup
    removed = 1
    while removed:
        markup, removed = _CONTROL_REFERENCE.subn(_reference_replacement, markup)
    return markup


def _reference_replacement(match: re.Match[str]) -> str:
    """What stands for a control character reference: nothing, or for "&#128;".."&#159;"
    the Windows-1252 character a browser shows."""
    digits = match.group().rstrip(";")
    code = int(digits[3:], 16) if digits[2] in "xX" else int(digits[2:])
    return _WINDOWS_1252_REFERENCE.get(code, "")


def _decoded(body: bytes, codec: str) -> str:
    """``body`` decoded and cleaned; UTF-8 bytes without control characters skip the
    (slower) scan of the decoded text."""
    text = body.decode(codec, "vcare-latin-1" if codec == "cp1252" else "strict")
    if (
        codec == "utf-8"
        and not body.translate(None, _NOT_CONTROL_BYTES)
        and not _holds_c1_controls(body)
        and "\ufffe" not in text  # looked for in the text: faster than the bytes EF BF BE
        and "\uffff" not in text
    ):
        return text.lstrip("\ufeff")
    if codec == "gb18030":
        return _CONTROL_BUT_PRIVATE_USE.sub("", text.lstrip("\ufeff"))
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
