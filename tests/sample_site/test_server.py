"""The served replica agrees with its manifest and behaves like a real HTTP site."""

from __future__ import annotations

import re
from email.utils import format_datetime, parsedate_to_datetime

import lxml.html
import pytest

# where each template puts things (the tests read the pages the way a visitor would)
SELECTORS = {
    "cms": {
        "title": "//h1[@class='news-title']",
        "meta": "//div[@class='news-info']",
        "related": "//ul[@class='rel-list']/li/a",
        "items": "//ul[@class='news-list']/li/a",
        "pager": "//div[@class='pages']/a",
    },
    "html5": {
        "title": "//h2[@class='entry-title']",
        "meta": "//dl[@class='entry-meta']",
        "related": "//table[@class='see-also-table']//td[@class='what']/a[1]",
        "items": "//table[@class='archive-table']//td[@class='what']/a[1]",
        "pager": "//nav[@class='paging']//a",
    },
}


def parse(body: bytes):
    return lxml.html.fromstring(body.decode("utf-8"))


def template_of(doc) -> str:
    return "cms" if doc.xpath("//div[@class='header']") else "html5"


def listing_page(fetch, path):
    status, _, body = fetch(path)
    assert status == 200, path
    doc = parse(body)
    sel = SELECTORS[template_of(doc)]
    items = [a.get("href") for a in doc.xpath(sel["items"])]
    pager = {a.text_content().strip(): a.get("href") for a in doc.xpath(sel["pager"])}
    return items, pager


def test_home_pages_link_the_news_sections_and_the_other_edition(fetch, manifest):
    for home, switch, texts in (("/", "中文", ("News", "Company News", "Industry News")),
                                ("/zh/", "English", ("新闻中心", "公司新闻", "行业动态"))):
        status, headers, body = fetch(home)
        assert status == 200
        assert headers["content-type"] == "text/html; charset=utf-8"
        doc = parse(body)
        links = {a.text_content().strip(): a.get("href") for a in doc.xpath("//a")}
        assert all(t in links for t in texts)
        assert links[switch] == ("/zh/" if home == "/" else "/")
        assert doc.get("lang") == ("en" if home == "/" else "zh-CN")
        lang = "en" if home == "/" else "zh"
        listings = {s["listing_url"] for s in manifest["sections"] if s["language"] == lang}
        assert listings <= set(links.values())


@pytest.mark.parametrize("path", ["/about.html", "/products.html", "/contact.html",
                                  "/zh/about.html", "/zh/products.html", "/zh/contact.html"])
def test_non_news_pages_exist(fetch, path):
    assert fetch(path)[0] == 200


def test_pagination_lists_every_article_exactly_once_per_section(fetch, manifest):
    urls = {a["news_id"]: a["url"] for a in manifest["articles"]}
    for section in manifest["sections"]:
        seen, path, pages = [], section["listing_url"], 0
        while path:
            items, pager = listing_page(fetch, path)
            assert len(items) <= 10
            seen += items
            pages += 1
            nxt = pager.get("Next") or pager.get("下一页")
            assert str(pages) in pager  # numbered links include the current page
            path = nxt
        assert pages == section["page_count"]
        assert seen == [urls[i] for i in section["news_ids"]]


def test_later_pages_link_back_and_the_last_has_no_next(fetch, manifest):
    section = manifest["sections"][0]
    last = section["page_urls"][-1]
    _, pager = listing_page(fetch, last)
    assert "Next" not in pager and "下一页" not in pager
    assert pager.get("Previous") == section["page_urls"][-2]


def test_listing_items_show_day_then_year_slash_month(fetch, manifest):
    section = manifest["sections"][0]
    first = next(a for a in manifest["articles"] if a["news_id"] == section["news_ids"][0])
    _, _, body = fetch(section["listing_url"])
    text = [t.strip() for t in parse(body).xpath("//main//text() | //div[@class='main']//text()")]
    text = [t for t in text if t]
    y, m, d = first["published_at"][:10].split("-")
    i = text.index(d)
    assert text[i + 1 : i + 4] == [y, "/", m]


def test_article_pages_match_the_manifest(fetch, manifest):
    by_url = {a["url"]: a for a in manifest["articles"]}
    for a in manifest["articles"]:
        status, headers, body = fetch(a["url"])
        assert status == 200
        assert headers["etag"] == a["etag"]
        doc = parse(body)
        assert template_of(doc) == a["template"]
        sel = SELECTORS[a["template"]]
        assert doc.xpath(sel["title"])[0].text_content() == a["title"]
        meta = doc.xpath(sel["meta"])[0].text_content()
        label = "发布时间：" if a["language"] == "zh" else "Published Time:"
        assert label + a["published_text"] in meta
        if a["source"]:
            assert a["source"] in meta
        related = [by_url[el.get("href")]["news_id"] for el in doc.xpath(sel["related"])]
        assert related == a["related"]
        for img in a["images"]:
            assert f'src="{img}"'.encode() in body


def test_articles_link_their_neighbours(fetch, manifest):
    by_id = {a["news_id"]: a for a in manifest["articles"]}
    for lang, prev_text in (("en", "Previous Page"), ("zh", "上一篇")):
        a = next(x for x in manifest["articles"] if x["language"] == lang and x["previous"])
        body = fetch(a["url"])[2].decode()
        assert prev_text in body
        assert f'href="{by_id[a["previous"]]["url"]}"' in body


def test_related_items_without_title_show_the_summary(fetch, manifest):
    by_id = {a["news_id"]: a for a in manifest["articles"]}
    a = next(x for x in manifest["articles"] if x["related_untitled"])
    body = fetch(a["url"])[2].decode()
    untitled = by_id[a["related_untitled"][0]]
    assert re.sub("&#x27;", "'", body).count(untitled["title"]) <= 1  # at most the sidebar
    assert untitled["summary"].replace("'", "&#x27;") in body


def test_images_are_served(fetch, manifest):
    paths = {p for a in manifest["articles"] for p in a["images"]}
    for path in sorted(paths)[:10] + ["/uploads/logo.png"]:
        status, headers, body = fetch(path)
        assert status == 200
        magic = b"\x89PNG" if path.endswith(".png") else b"\xff\xd8\xff"
        assert body.startswith(magic)
        assert headers["content-type"] in ("image/png", "image/jpeg")


def test_robots_txt_allows_news_and_disallows_admin(fetch):
    status, headers, body = fetch("/robots.txt")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert b"Disallow: /admin/" in body


@pytest.mark.parametrize("path", ["/nope.html", "/news_detail/1-18-6.html", "/news/18-6_99.html",
                                  "/news/18-6_1.html", "/zh/news_detail/x.html", "/admin/"])
def test_unknown_pages_are_404(fetch, path):
    assert fetch(path)[0] == 404


def test_if_none_match_gets_304(fetch, manifest):
    url = manifest["articles"][0]["url"]
    status, headers, _ = fetch(url)
    status, again, body = fetch(url, headers={"If-None-Match": headers["etag"]})
    assert (status, body) == (304, b"")
    assert again["etag"] == headers["etag"]
    assert fetch(url, headers={"If-None-Match": '"other"'})[0] == 200


def test_if_modified_since_gets_304(fetch, manifest):
    url = manifest["sections"][0]["listing_url"]
    _, headers, _ = fetch(url)
    assert fetch(url, headers={"If-Modified-Since": headers["last-modified"]})[0] == 304
    earlier = parsedate_to_datetime(headers["last-modified"]).replace(year=2020)
    stale = {"If-Modified-Since": format_datetime(earlier, usegmt=True)}
    assert fetch(url, headers=stale)[0] == 200


def test_head_sends_headers_only(fetch, manifest):
    url = manifest["articles"][0]["url"]
    status, headers, body = fetch(url, method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["content-length"]) == len(fetch(url)[2])


def test_connections_are_kept_alive(fetch, manifest):
    fetch("/")
    sock = fetch.conn.sock
    fetch(manifest["articles"][0]["url"])
    assert fetch.conn.sock is sock


def test_requests_are_recorded(replica, fetch):
    fetch("/contact.html")
    assert ("GET", "/contact.html", 200) in replica.request_log
