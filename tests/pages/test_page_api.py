"""What ``parse_page`` and friends promise beyond the stored-page comparisons."""

import pytest

from crawler.pages import PageParseError, parse_article, parse_listing, parse_page
from tests.pages.fixture_pages import PAGES, page_bytes


def test_sidebar_links_do_not_become_related_news() -> None:
    article = parse_article(PAGES["cms_article_en"], page_bytes("cms_article_en"))
    assert "1990000000000000009" not in {item.news_id for item in article.related}


def test_sidebar_text_does_not_leak_into_the_body() -> None:
    article = parse_article(PAGES["cms_article_en"], page_bytes("cms_article_en"))
    assert "Regional Biotech Alliance" not in article.body_text


def test_a_related_item_without_a_title_keeps_its_summary() -> None:
    article = parse_article(PAGES["cms_article_en"], page_bytes("cms_article_en"))
    untitled = [item for item in article.related if item.title is None]
    assert len(untitled) == 1 and untitled[0].summary.startswith("Recently")


def test_view_counter_is_not_part_of_the_source() -> None:
    article = parse_article(PAGES["table_article_zh_gbk"], page_bytes("table_article_zh_gbk"))
    assert article.source == "本站"


def test_body_html_has_no_script_handlers_or_javascript_urls() -> None:
    article = parse_article(PAGES["semantic_article_en"], page_bytes("semantic_article_en"))
    assert "onerror" not in article.body_html and "javascript:" not in article.body_html


def test_last_listing_page_has_no_next_page() -> None:
    listing = parse_listing(PAGES["cms_listing_en_last"], page_bytes("cms_listing_en_last"))
    assert listing.next_page is None and len(listing.items) == 3


def test_parse_article_refuses_a_listing() -> None:
    with pytest.raises(PageParseError):
        parse_article(PAGES["cms_listing_en"], page_bytes("cms_listing_en"))


def test_a_page_with_nothing_dated_is_other() -> None:
    page = parse_page("https://x.com/about.html", b"<h1>About us</h1><p>We make medicines.</p>")
    assert page.kind == "other" and page.article is None and page.listing is None


def test_section_and_edition_links_are_absolute() -> None:
    page = parse_page(PAGES["cms_article_en"], page_bytes("cms_article_en"))
    assert "https://en.vcarepharmatech.com/news_list-18-6.html" in page.section_links
    assert "https://www.vcarepharmatech.com/" in page.edition_links
