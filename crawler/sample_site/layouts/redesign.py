"""The relaunched site: readable to a visitor, opaque to a label/date-pattern parser.

No "Published Time:" or "Source:" labels, dates written out in words ("Nov. 18th, 2024",
"二〇二四年十一月十八日"), links to ``/item?id=`` instead of ``/news_detail/``, a "More" link
instead of numbered pages, and generic ``div`` markup with hashed class names.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from crawler.sample_site.views import ArticleView, Chrome, Link, NavItem, Pager

MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec.")
ZH_DIGITS = "〇一二三四五六七八九"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _zh_number(n: int) -> str:
    if n < 10:
        return ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[ones] if ones else "")


def words_date(when: datetime, language: str) -> str:
    if language == "zh":
        year = "".join(ZH_DIGITS[int(d)] for d in str(when.year))
        return f"{year}年{_zh_number(when.month)}月{_zh_number(when.day)}日"
    return f"{MONTHS[when.month - 1]} {_ordinal(when.day)}, {when.year}"


class RedesignLayout:
    name = "redesign"

    def document(self, chrome: Chrome, main: str) -> str:
        lb = chrome.labels

        def nav(items: tuple[NavItem, ...]) -> str:
            return "".join(
                f'<div class="x9k"><a href="{i.href}">{escape(i.text)}</a>{nav(i.children)}</div>'
                for i in items
            )

        return (
            f'<!DOCTYPE html>\n<html lang="{chrome.html_lang}">\n<head><meta charset="utf-8">'
            f"<title>{escape(chrome.page_title)}</title></head>\n<body>\n"
            f'<div class="q1">{nav(chrome.nav)}<div class="q2"><a href="{chrome.switch_href}">'
            f'{lb["switch"]}</a></div></div>\n<div class="q3">\n{main}\n</div>\n'
            f'<div class="q4">{lb["footer"]}</div>\n</body>\n</html>\n'
        )

    def _cards(self, chrome: Chrome, items: tuple[Link, ...]) -> str:
        return "\n".join(
            f'<div class="c7"><a href="{x.href}"><div class="c8">{escape(x.title or x.summary)}'
            f'</div></a><div class="c9">{words_date(x.when, chrome.language)}</div></div>'
            for x in items
        )

    def home(self, chrome: Chrome, intro: str, items: tuple[Link, ...]) -> str:
        return f'<div class="h1x">{escape(intro)}</div>\n{self._cards(chrome, items)}'

    def listing(self, chrome: Chrome, heading: str, items: tuple[Link, ...], pager: Pager) -> str:
        more = f'<div class="m2"><a href="{pager.next}">»</a></div>' if pager.next else ""
        return f'<div class="t5">{escape(heading)}</div>\n{self._cards(chrome, items)}\n{more}'

    def article(self, chrome: Chrome, view: ArticleView) -> str:
        body = "\n".join(
            f'<div class="b1"><img src="{b.text}" alt=""></div>'
            if b.kind == "img"
            else f'<div class="b2">{escape(b.text)}</div>'
            for b in view.blocks
        )
        when = view.published_at
        clock = f"{when.hour % 12 or 12}:{when.minute:02d} {'p.m.' if when.hour >= 12 else 'a.m.'}"
        if chrome.language == "zh":
            clock = f"{when.hour}点{when.minute}分"
        return (
            f'<div class="s1">{escape(view.title)}</div>\n'
            f'<div class="s3">{words_date(when, chrome.language)} {clock}</div>\n'
            f'<div class="s2">{escape(view.source or "")}</div>\n{body}\n'
            f'<div class="s4">{self._cards(chrome, view.related)}</div>'
        )

    def simple(self, chrome: Chrome, heading: str, paragraphs: tuple[str, ...]) -> str:
        text = "".join(f'<div class="b2">{escape(p)}</div>' for p in paragraphs)
        return f'<div class="s1">{escape(heading)}</div>{text}'
