"""The newer HTML5 look: header/main/aside, a ``dl`` for the meta lines, ``table`` listings.

Quirks on purpose: the ``h1`` is the site name (the article title is an ``h2``), and the view
counter shares the Source value (``<dd>Jiangsu Daily  Views: 123</dd>``).
"""

from __future__ import annotations

from html import escape

from crawler.sample_site.views import ArticleView, Chrome, Link, NavItem, Pager


def _date(link: Link) -> str:
    w = link.when
    return f'<td class="when"><b>{w.day:02d}</b><br><em>{w.year}</em> / <em>{w.month:02d}</em></td>'


def _nav(items: tuple[NavItem, ...]) -> str:
    out = []
    for item in items:
        sub = ""
        if item.children:
            sub = "<ol>" + "".join(
                f'<li><a href="{c.href}">{escape(c.text)}</a></li>' for c in item.children
            ) + "</ol>"
        out.append(f'<li><a href="{item.href}">{escape(item.text)}</a>{sub}</li>')
    return '<nav class="menu-primary"><ul>' + "".join(out) + "</ul></nav>"


class Html5Layout:
    name = "html5"

    def document(self, chrome: Chrome, main: str) -> str:
        lb = chrome.labels
        canonical = f'<link rel="canonical" href="{chrome.canonical}">' if chrome.canonical else ""
        crumbs = "".join(
            f'<li><a href="{href}">{escape(text)}</a></li>' if href else f"<li>{escape(text)}</li>"
            for text, href in chrome.crumbs
        )
        latest = "".join(
            f'<li><time>{x.when:%Y-%m-%d}</time> '
            f'<a href="{x.href}">{escape(x.title or x.summary)}</a></li>'
            for x in chrome.latest
        )
        home = "/zh/" if chrome.language == "zh" else "/"
        other = "en" if chrome.language == "zh" else "zh-CN"
        return (
            f'<!doctype html>\n<html lang="{chrome.html_lang}">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(chrome.page_title)} | {lb['site']}</title>\n{canonical}\n</head>\n"
            f'<body class="site">\n<header class="masthead">\n'
            f'<h1 class="site-name"><a href="{home}">{lb["site"]}</a></h1>\n{_nav(chrome.nav)}\n'
            f'<nav class="switcher"><a hreflang="{other}" href="{chrome.switch_href}">'
            f'{lb["switch"]}</a></nav>\n</header>\n'
            f'<nav class="trail" aria-label="breadcrumb"><ol>{crumbs}</ol></nav>\n'
            f'<div class="layout">\n<main id="content">\n{main}\n</main>\n'
            f'<aside class="rail"><section class="rail-latest"><h3>{lb["latest"]}</h3>'
            f"<ol>{latest}</ol></section></aside>\n</div>\n"
            f'<footer class="colophon"><small>{lb["footer"]}</small>'
            f"<address>{lb['address']}</address></footer>\n</body>\n</html>\n"
        )

    def _table(self, items: tuple[Link, ...], css: str) -> str:
        rows = []
        for x in items:
            if x.title:
                text = (
                    f'<a class="headline" href="{x.href}">{escape(x.title)}</a>'
                    f'<p class="lede">{escape(x.summary)}</p>'
                )
            else:  # untitled item: the summary itself is the link
                text = f'<a class="lede" href="{x.href}">{escape(x.summary)}</a>'
            rows.append(f"<tr>{_date(x)}<td class=\"what\">{text}</td></tr>")
        return f'<table class="{css}"><tbody>' + "\n".join(rows) + "</tbody></table>"

    def _pager(self, chrome: Chrome, pager: Pager) -> str:
        lb = chrome.labels
        parts = []
        if pager.previous:
            parts.append(f'<li><a rel="prev" href="{pager.previous}">{lb["previous"]}</a></li>')
        for number, href in pager.pages:
            current = ' aria-current="page"' if number == pager.current else ""
            parts.append(f'<li><a{current} href="{href}">{number}</a></li>')
        if pager.next:
            parts.append(f'<li><a rel="next" href="{pager.next}">{lb["next"]}</a></li>')
        return '<nav class="paging"><ul>' + "".join(parts) + "</ul></nav>"

    def home(self, chrome: Chrome, intro: str, items: tuple[Link, ...]) -> str:
        return (
            f'<section class="hero"><p>{escape(intro)}</p></section>\n'
            f'<section class="home-news"><h2>{chrome.labels["news"]}</h2>'
            f'{self._table(items, "home-news-table")}</section>'
        )

    def listing(self, chrome: Chrome, heading: str, items: tuple[Link, ...], pager: Pager) -> str:
        return (
            f'<section class="archive"><h2 class="archive-title">{escape(heading)}</h2>\n'
            f'{self._table(items, "archive-table")}\n{self._pager(chrome, pager)}</section>'
        )

    def article(self, chrome: Chrome, view: ArticleView) -> str:
        lb = chrome.labels
        source = escape(view.source or "")
        if view.views:
            source += ("\u00a0\u00a0" if source else "") + f'{lb["views"]}{view.views}'
        body = []
        for b in view.blocks:
            if b.kind == "p":
                body.append(f"<p>{escape(b.text)}</p>")
            elif b.kind == "h":
                body.append(f"<h3>{escape(b.text)}</h3>")
            elif b.kind == "img":
                body.append(f'<figure><img src="{b.text}" alt="" loading="lazy"></figure>')
            else:
                body.append(f'<p class="citation"><em>{escape(b.text)}</em></p>')
        turn = ""
        if view.previous:
            turn += (
                f'<p class="older">{lb["previous_page"]}: '
                f'<a href="{view.previous[0]}">{escape(view.previous[1])}</a></p>'
            )
        if view.next:
            turn += (
                f'<p class="newer">{lb["next_page"]}: '
                f'<a href="{view.next[0]}">{escape(view.next[1])}</a></p>'
            )
        return (
            f'<article class="entry">\n<header class="entry-head">'
            f'<p class="kicker">{escape(view.section_name)}</p>'
            f'<h2 class="entry-title">{escape(view.title)}</h2>\n'
            f'<dl class="entry-meta"><dt>{lb["published"]}</dt>'
            f"<dd>{escape(view.published_text)}</dd>"
            f'<dt>{lb["source"]}</dt><dd>{source}</dd></dl></header>\n'
            f'<section class="entry-body">\n' + "\n".join(body) + "\n</section>\n"
            f'<footer class="entry-nav">{turn}</footer>\n</article>\n'
            f'<section class="see-also"><h2>{lb["related"]}</h2>\n'
            f'{self._table(view.related, "see-also-table")}</section>'
        )

    def simple(self, chrome: Chrome, heading: str, paragraphs: tuple[str, ...]) -> str:
        text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return f'<article class="static"><h2>{escape(heading)}</h2>{text}</article>'
