"""Broken input never crashes the parser and never yields bogus values.

Every case runs through ``extract_page`` (the parser without its safety net), so a
crash shows up here instead of being logged away by ``parse_page``.
"""

from __future__ import annotations

import contextlib
import os
import random

import pytest

from crawler.pages import PageParseError, parse_page
from crawler.pages.page import extract_page
from tests.pages.fixture_pages import page_bytes

URL = "https://en.vcarepharmatech.com/news_detail/1988441189910183936-18-6.html"
ARTICLE = page_bytes("cms_article_en")
_random = random.Random(20251111)

CASES: dict[str, bytes | str] = {
    "empty bytes": b"",
    "empty text": "",
    "whitespace": b"   \n\t  ",
    "plain text": b"Published Time: 2025-11-11 17:02",
    "only a title": b"<title>Vcare news</title>",
    "only a doctype": b"<!DOCTYPE html>",
    "truncated in a tag": ARTICLE[:3000],
    "truncated mid body": ARTICLE[: len(ARTICLE) // 2],
    "truncated in an attribute": b'<html><body><a href="/news_detail/1988',
    "missing closing tags": (
        b"<html><body><div><p>Published Time: 2025-11-11<p>Source:<div><p>body"
    ),
    "unbalanced closing tags": b"</div></div></p><h1>Title</h1></span></body></html></html>",
    "script only": b"<script>document.write('<h1>x</h1>')</script>",
    "style only": b"<style>h1{color:red}</style>",
    "comment only": b"<!-- Published Time: 2025-11-11 17:02 -->",
    "bad month and day": b"<h1>T</h1><p>Published Time: 2025-13-45 17:02</p><p>Body text</p>",
    "bad time": b"<h1>T</h1><p>Published Time: 2025-11-11 29:99</p><p>Body text</p>",
    "february 30": "<h1>T</h1><p>发布时间：2025-02-30</p>".encode(),
    "label without value": b"<h1>T</h1><p>Published Time:</p><p>Source:</p>",
    "huge nesting": (
        b"<div>" * 5000 + b"<h1>Deep</h1><p>Published Time: 2025-11-11</p>" + b"</div>" * 5000
    ),
    "deep inline nesting": b"<p>" + b"<span>" * 3000 + b"text" + b"</span>" * 3000,
    "binary junk": os.urandom(4096),
    "random bytes no nul": bytes(_random.choice(range(1, 256)) for _ in range(4096)),
    "wrong charset declared": '<meta charset="utf-8"><h1>威凯尔</h1>'.encode("gbk"),
    "unknown charset declared": b'<meta charset="x-no-such-charset"><h1>Title</h1>',
    "utf-16 with bom": "<h1>Title</h1><p>Published Time: 2025-11-11</p>".encode("utf-16"),
    "nul bytes in text": "<h1>Ti\x00tle</h1>",
    "xml declaration in text": '<?xml version="1.0" encoding="utf-8"?><html><h1>T</h1></html>',
    "broken entities": b"<h1>&#xFFFFFFFF; &#0; &bogus; &amp</h1>",
    "javascript links": (
        b'<a href="javascript:alert(1)">Next</a><a href="/news_detail/12345.html">x</a>'
    ),
    "article links only": b'<a href="/news_detail/12345.html"></a>' * 50,
    "related heading with nothing": b"<h1>T</h1><h3>Related News</h3>",
    "pagination without links": b"<div>1 2 3 Next</div>",
    "giant attribute": b'<h1 class="' + b"a" * 200_000 + b'">T</h1>',
    "frameset": b"<frameset><frame src='/news_detail/123456.html'></frameset>",
    "svg and math": b"<svg><text>2025-11-11</text></svg><math><mi>x</mi></math>",
    "table soup": b"<table><tr><td>Published Time:<td>2025-11-11<tr><td>Source:<td></table>",
    "cdata": b"<![CDATA[ <h1>x</h1> ]]>",
    "base href bogus": b'<base href="javascript:x"><a href="/news_detail/123456.html">x</a>',
    # Found by fuzzing extract_page (each raised before its fix):
    "references joined by a removal": b"<br>&&#xF#1",
    "iso date past the calendar": b'<h1>T</h1><time datetime="9999-12-31T23Z">x</time>',
    "iso date before the calendar": (
        b'<meta property="article:published_time" content="0001-01-01T00:00+09:00"><h1>T</h1>'
    ),
    "links with bad ports and hosts": (
        b'<a href="http://h:abc/news_detail/1234.html">x</a><a href="http://h:abc/x">News</a>'
        b'<a href="http://h:99999/a!/news_detail/12345.html">y</a>'
        b'<a href="http://[::1]x/news_detail/1234.html">z</a>'
    ),
    "undefined charset": b'<meta charset="undefined"><h1>T</h1>',
    "punycode charset": b'<meta charset="punycode"><h1>T\xff</h1>',
    "control character references": (
        b"<html><body><h1>A headline&#11; for the test</h1><p>Published Time: 2025-11-11 "
        b"17:02</p><p>First line<br>&#11;second line&#x1f;<br>&#X0C;third&#xFFFF; &#110;o "
        b'harm&#x6E;</p><p><img src="/blank.gif" data-src="/photo&#8;.jpg"></p>'
        b'<p><a href="/about&#31;.html">About</a></p></body></html>'
    ),
    # A size that str.isdigit() takes for a number (found by fuzzing).
    "superscript digit as a picture's size": '<title>T</title><img width="\u00b2">a',
    # Inputs that once made a pattern backtrack for seconds (found by fuzzing): a tool row
    # of repeated words, spaces in an aria-label and a <time> value, unclosed <script tags.
    "a tool row of repeated words": (
        "<h1>Headline</h1><p>Published Time: 2025-11-11 17:02</p><p>Text of the article.</p>"
        + "<p>" + "点赞 " * 25 + "x</p>") * 20,
    "spaces in labels and timestamps": (
        "<h1>Headline</h1><time datetime='2025" + " " * 3000 + "x'>x</time><p>Text.</p>"
        "<a href='/news_detail/1900000000000000002-18-6.html' aria-label='Next"
        + " " * 1500 + "'>&rarr;</a>"),
    "unclosed script tags before ld+json": "<script " * 3000 + "ld+json<h1>T</h1>",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_malformed_input_parses_or_raises_page_parse_error(body: bytes | str) -> None:
    for url in (URL, "https://en.vcarepharmatech.com/news_list-18.html"):
        try:
            page = extract_page(url, body)
        except PageParseError:
            continue
        assert page.kind in ("article", "listing", "other")


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_parse_page_raises_nothing_but_page_parse_error(body: bytes | str) -> None:
    with contextlib.suppress(PageParseError):
        parse_page(URL, body)


def test_an_impossible_date_becomes_none() -> None:
    page = extract_page(URL, CASES["bad month and day"])
    assert page.article is not None
    assert page.article.published_at is None


def test_an_impossible_time_becomes_none() -> None:
    page = extract_page(URL, CASES["bad time"])
    assert page.article is not None and page.article.published_at is None


def test_binary_junk_is_reported_as_unreadable() -> None:
    with pytest.raises(PageParseError):
        parse_page(URL, b"\x00\x01\x02\x03" * 1000)


def test_a_truncated_article_keeps_what_it_had() -> None:
    page = extract_page(URL, ARTICLE[: ARTICLE.index(b"About VC112")])
    assert page.kind == "article"
    assert page.article.title == "Vcare Starts Phase I Study of Oral GLP-1 Candidate VC112"
    assert page.article.body_text.startswith("Jiangsu Vcare PharmaTech has dosed")


def test_control_character_references_are_dropped_and_the_article_kept() -> None:
    """libxml2 decodes "&#11;" into the tree, where lxml refuses it in the text the parser
    writes back (a <br>'s tail, a lazy image's src): the page used to come out as "other"."""
    page = extract_page(URL, CASES["control character references"])
    assert page.kind == "article"
    article = page.article
    assert article.title == "A headline for the test"
    assert article.body_text == "First line\nsecond line\nthird no harmn\nAbout"
    assert article.images == ["https://en.vcarepharmatech.com/photo.jpg"]
    assert 'href="https://en.vcarepharmatech.com/about.html"' in article.body_html


def test_a_reference_formed_by_removing_another_is_removed_too() -> None:
    body = (b"<h1>A headline for the test</h1><p>Published Time: 2024-01-01</p>"
            b'<p>one&&#0;#1;two<br>&&#xF#1<img data-src="/x&&#0;#1;.jpg"></p>')
    article = extract_page(URL, body).article
    assert article is not None and "\x01" not in article.body_text
    assert article.images == ["https://en.vcarepharmatech.com/x.jpg"]


def test_machine_dates_outside_the_calendar_give_no_date() -> None:
    for case in ("iso date past the calendar", "iso date before the calendar"):
        page = extract_page(URL, CASES[case])
        assert page.article is None or page.article.published_at is None


def test_links_with_a_bad_port_or_host_lead_nowhere() -> None:
    page = extract_page("https://en.vcarepharmatech.com/news_list-18.html",
                        CASES["links with bad ports and hosts"])
    assert page.kind == "other" and page.section_links == []


def test_a_lone_surrogate_in_text_input_does_not_cut_the_page_short() -> None:
    body = "<h1>A headline for the test</h1><p>Published Time: 2024-01-01</p><p>one \ud800 two</p>"
    assert extract_page(URL, body).article.body_text == "one \ufffd two"


def test_a_web_page_cannot_lead_to_a_file_on_disk() -> None:
    body = (b"<h1>A headline for the test</h1><p>Published Time: 2024-01-01</p>"
            b"<p>text<img data-src='file:///etc/x.jpg'><a href='file:///etc/passwd'>x</a></p>")
    article = extract_page(URL, body).article
    assert article.images == [] and "file:" not in article.body_html
