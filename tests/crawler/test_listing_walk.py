"""Where the spider's listing walk goes next, driven with parsed listings (no network)."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.items import Listing, NewsLink
from crawler.spiders.vcare_news import VcareNewsSpider

BASE = "https://en.vcarepharmatech.com"


def link(news_id: str) -> NewsLink:
    url = f"{BASE}/news_detail/{news_id}-18-6.html"
    return NewsLink(news_id, url, f"Title {news_id}", None, date(2024, 11, 18))


def listing(page: int, ids: list[str]) -> Listing:
    return Listing(
        url=f"{BASE}/news/18-6.html?page={page}",
        language="en",
        items=[link(i) for i in ids],
        next_page=f"{BASE}/news/18-6.html?page={page + 1}",
    )


@pytest.fixture
def spider():
    crawler = get_crawler(VcareNewsSpider, {"VCARE_START_URLS": BASE + "/"})
    return VcareNewsSpider.from_crawler(crawler, mode="full")


def followed_pages(spider, page: Listing) -> list[str]:
    response = HtmlResponse(page.url, body=b"<html></html>", request=Request(page.url))
    return [
        r.url for r in spider.listing_found(response, page)
        if isinstance(r, Request) and "/news/" in r.url
    ]


def test_a_page_with_new_items_leads_to_the_next_page(spider):
    assert followed_pages(spider, listing(1, ["1001", "1002"])) == [f"{BASE}/news/18-6.html?page=2"]


def test_a_page_past_the_end_repeating_the_last_page_ends_the_walk(spider):
    followed_pages(spider, listing(5, ["1001", "1002"]))
    assert followed_pages(spider, listing(6, ["1001", "1002"])) == []
