"""``--layout redesign``: the same articles, in pages a label/date-pattern parser cannot read."""

from __future__ import annotations

import re

import pytest

from crawler.sample_site import build_site, running_replica

from .conftest import Fetcher

LABELS = ("Published Time", "Source:", "发布时间", "来源：", "Related News", "相关新闻")


@pytest.fixture(scope="module")
def redesigned():
    with running_replica(20, 2, layout="redesign") as handle:
        yield handle


def test_same_articles_under_new_urls():
    old = build_site(20, 2).manifest()["articles"]
    new = build_site(20, 2).manifest(layout="redesign")["articles"]
    assert [a["news_id"] for a in old] == [a["news_id"] for a in new]
    assert all(re.fullmatch(r"(/zh)?/item\?id=\d{19}", a["url"]) for a in new)


def test_pages_have_no_labels_numeric_dates_or_news_detail_links(redesigned):
    fetch = Fetcher(redesigned.base_url)
    manifest = redesigned.site.manifest(layout="redesign")
    paths = [a["url"] for a in manifest["articles"][:10]] + [s["listing_url"]
                                                             for s in manifest["sections"]]
    for path in paths + ["/", "/zh/"]:
        status, _, body = fetch(path)
        text = body.decode()
        assert status == 200, path
        assert "/news_detail/" not in text
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
        for label in LABELS:
            assert label not in text


def test_articles_still_show_title_and_a_date_in_words(redesigned):
    fetch = Fetcher(redesigned.base_url)
    manifest = redesigned.site.manifest(layout="redesign")
    en = next(a for a in manifest["articles"] if a["language"] == "en")
    zh = next(a for a in manifest["articles"] if a["language"] == "zh")
    body = fetch(en["url"])[2].decode()
    assert re.search(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec)\.? \d+(st|nd|rd|th), "
                     r"\d{4}", body)
    assert "年" in fetch(zh["url"])[2].decode() and "〇" in fetch(zh["url"])[2].decode()


def test_listings_page_through_every_article(redesigned):
    fetch = Fetcher(redesigned.base_url)
    manifest = redesigned.site.manifest(layout="redesign")
    urls = {a["news_id"]: a["url"] for a in manifest["articles"]}
    for section in manifest["sections"]:
        seen = []
        for page in section["page_urls"]:
            body = fetch(page)[2].decode()
            seen += [u.replace("&amp;", "&") for u in re.findall(r'href="([^"]*item\?id=\d+)"',
                                                                  body)]
        assert set(seen) == {urls[i] for i in section["news_ids"]}


def test_old_urls_are_gone(redesigned):
    fetch = Fetcher(redesigned.base_url)
    old = build_site(20, 2).manifest()["articles"][0]["url"]
    assert fetch(old)[0] == 404
