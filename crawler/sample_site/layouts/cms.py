"""The classic CMS look: nested divs with short class names, ``ul`` listings."""

from __future__ import annotations

from html import escape

from crawler.sample_site.views import ArticleView, Chrome, Link, NavItem, Pager

STYLE = (
    "body{font-family:Arial,sans-serif;margin:0}.header,.container,.footer{width:1100px;"
    "margin:0 auto}.main{float:left;width:780px}.side{float:right;width:280px}"
    ".date .day{font-size:32px;display:block}.footer{clear:both}"
)


def _date(link: Link) -> str:
    w = link.when
    return (
        f'<div class="date"><span class="day">{w.day:02d}</span>'
        f"<p><span>{w.year}</span><i>/</i><span>{w.month:02d}</span></p></div>"
    )


def _nav(items: tuple[NavItem, ...]) -> str:
    out = []
    for item in items:
        sub = ""
        if item.children:
            sub = '<ul class="sub">' + "".join(
                f'<li><a href="{c.href}">{escape(c.text)}</a></li>' for c in item.children
            ) + "</ul>"
        out.append(f'<li><a href="{item.href}">{escape(item.text)}</a>{sub}</li>')
    return '<ul class="nav">' + "".join(out) + "</ul>"


class CmsLayout:
    name = "cms"

    def document(self, chrome: Chrome, main: str) -> str:
        lb = chrome.labels
        canonical = f'<link rel="canonical" href="{chrome.canonical}">' if chrome.canonical else ""
        og = ""
        if canonical:
            og = f'<meta property="og:title" content="{escape(chrome.page_title)}">\n'
        crumbs = " &gt; ".join(
            f'<a href="{href}">{escape(text)}</a>' if href else f"<span>{escape(text)}</span>"
            for text, href in chrome.crumbs
        )
        latest = "".join(
            f'<li><a href="{x.href}">{escape(x.title or x.summary)}</a>'
            f"<span>{x.when:%Y-%m-%d}</span></li>"
            for x in chrome.latest
        )
        home = "/zh/" if chrome.language == "zh" else "/"
        return (
            f'<!DOCTYPE html>\n<html lang="{chrome.html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(chrome.page_title)} - {lb['site']}</title>\n{canonical}{og}"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
            f'<div class="header"><div class="logo"><a href="{home}">'
            f'<img src="/uploads/logo.png" alt="{lb["site"]}"></a></div>\n'
            f"{_nav(chrome.nav)}\n"
            f'<div class="lang"><a href="{chrome.switch_href}">{lb["switch"]}</a></div></div>\n'
            f'<div class="location">{lb["location"]} {crumbs}</div>\n'
            f'<div class="container">\n<div class="main">\n{main}\n</div>\n'
            f'<div class="side"><div class="side-news"><h3>{lb["latest"]}</h3>'
            f"<ul>{latest}</ul></div></div>\n</div>\n"
            f'<div class="footer"><p>{lb["footer"]}</p><p>{lb["address"]}</p></div>\n'
            "</body>\n</html>\n"
        )

    def _items(self, items: tuple[Link, ...], css: str) -> str:
        rows = []
        for x in items:
            title = f'<h4 class="tit">{escape(x.title)}</h4>' if x.title else ""
            rows.append(
                f'<li><a href="{x.href}">{_date(x)}<div class="txt">{title}'
                f'<p class="summary">{escape(x.summary)}</p></div></a></li>'
            )
        return f'<ul class="{css}">' + "\n".join(rows) + "</ul>"

    def _pager(self, chrome: Chrome, pager: Pager) -> str:
        lb = chrome.labels
        parts = []
        if pager.previous:
            parts.append(f'<a class="prev" href="{pager.previous}">{lb["previous"]}</a>')
        for number, href in pager.pages:
            active = ' class="active"' if number == pager.current else ""
            parts.append(f'<a{active} href="{href}">{number}</a>')
        if pager.next:
            parts.append(f'<a class="next" href="{pager.next}">{lb["next"]}</a>')
        return '<div class="pages">' + "".join(parts) + "</div>"

    def home(self, chrome: Chrome, intro: str, items: tuple[Link, ...]) -> str:
        return (
            f'<div class="about-intro"><p>{escape(intro)}</p></div>\n'
            f'<div class="index-news"><h2>{chrome.labels["news"]}</h2>'
            f'{self._items(items, "index-list")}</div>'
        )

    def listing(self, chrome: Chrome, heading: str, items: tuple[Link, ...], pager: Pager) -> str:
        return (
            f'<div class="list-hd"><h2>{escape(heading)}</h2></div>\n'
            f'{self._items(items, "news-list")}\n{self._pager(chrome, pager)}'
        )

    def article(self, chrome: Chrome, view: ArticleView) -> str:
        lb = chrome.labels
        views = f'<span class="hits">{lb["views"]}{view.views}</span>' if view.views else ""
        body = []
        for b in view.blocks:
            if b.kind == "p":
                body.append(f"<p>{escape(b.text)}</p>")
            elif b.kind == "h":
                body.append(f"<p><strong>{escape(b.text)}</strong></p>")
            elif b.kind == "img":
                body.append(f'<p style="text-align:center"><img src="{b.text}" alt=""></p>')
            else:
                body.append(f'<p class="ref">{escape(b.text)}</p>')
        turn = ""
        if view.previous:
            turn += f'<a class="prev" href="{view.previous[0]}">{lb["previous_page"]}</a>'
        if view.next:
            turn += f'<a class="next" href="{view.next[0]}">{lb["next_page"]}</a>'
        return (
            f'<div class="news-detail">\n<h1 class="news-title">{escape(view.title)}</h1>\n'
            f'<div class="news-info"><p><span class="label">{lb["published"]}</span>'
            f'<span class="time">{escape(view.published_text)}</span></p>'
            f'<p><span class="label">{lb["source"]}</span>'
            f'<span class="source">{escape(view.source or "")}</span>{views}</p></div>\n'
            f'<div class="news-content">\n' + "\n".join(body) + "\n</div>\n"
            f'<div class="page-turn">{turn}</div>\n'
            f'<div class="related-news"><div class="hd">{lb["related"]}</div>\n'
            f'{self._items(view.related, "rel-list")}</div>\n</div>'
        )

    def simple(self, chrome: Chrome, heading: str, paragraphs: tuple[str, ...]) -> str:
        text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return f'<div class="page-content"><h1>{escape(heading)}</h1>{text}</div>'
