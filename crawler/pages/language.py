"""A page's edition: the URL when it names one, else ``<html lang>``, else the script.

The URL wins because it is where the edition lives (``en.`` host, ``/zh/`` path), while CMS themes
often carry the other edition's ``lang`` attribute; rows are keyed by (edition, news id), so a
wrong edition would file an article under the other one.
"""

from __future__ import annotations

from collections.abc import Callable

from crawler.pages.urls import language_from_url


def language_from_tag(lang: str | None) -> str | None:
    if not lang:
        return None
    code = lang.strip().lower()[:2]
    return code if code in ("zh", "en") else None


def language_from_text(text: str) -> str:
    """``zh`` when a noticeable share of letters are CJK ideographs, else ``en``."""
    sample = text[:4000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    letters = sum(map(str.isalpha, sample))
    return "zh" if letters and cjk / letters > 0.2 else "en"


def page_language(lang_attribute: str | None, url: str, text: Callable[[], str]) -> str:
    """``text`` gives the page's words, read only when the tag and the URL do not say."""
    return language_from_url(url) or language_from_tag(lang_attribute) or language_from_text(text())
