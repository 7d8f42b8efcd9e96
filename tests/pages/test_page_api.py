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


_DL_HEADER = (
    "<html lang='zh-CN'><head><title>威凯尔发布新进展 | 江苏威凯尔</title></head>"
    "<body><article><h2>威凯尔发布新进展</h2><dl><dt>发布时间：</dt>"
    "<dd>2025-08-31 18:32</dd><dt>来源：</dt><dd>{source}</dd></dl>"
    "<p>正文第一段。</p></article></body></html>"
)
_ZH_URL = "https://www.vcarepharmatech.com/zh/news_detail/1962101192393226880-16-2.html"


def test_view_counter_sharing_the_source_box_is_not_part_of_the_source() -> None:
    html = _DL_HEADER.format(source="医药经济报\u00a0\u00a0浏览次数：55")
    assert parse_article(_ZH_URL, html).source == "医药经济报"


def test_a_source_box_holding_only_a_view_counter_gives_no_source() -> None:
    html = _DL_HEADER.format(source="浏览次数：55")
    assert parse_article(_ZH_URL, html).source is None


def test_a_date_split_over_boxes_is_not_taken_for_an_item_title() -> None:
    html = (
        "<html><body><ul>" + "".join(
            f"<li><a href='/news_detail/19000000000000000{n}-18-6.html'><div><span>0{n}</span>"
            f"<p><span>2021</span><i>/</i><span>03</span></p></div>"
            f"<p>Officials in Nanjing said the local pharmaceutical sector will receive "
            f"targeted support over the coming years.</p></a></li>"
            for n in (1, 2)) + "</ul></body></html>"
    )
    listing = parse_listing("https://x.com/news/18-6.html", html)
    assert [item.title for item in listing.items] == [None, None]
    assert listing.items[0].published_on.isoformat() == "2021-03-01"


def test_listing_section_is_the_trail_end_even_when_it_is_not_a_link() -> None:
    html = (
        "<html><body><nav aria-label='breadcrumb'><ol><li><a href='/'>Home</a></li>"
        "<li><a href='/news/18-6.html'>News</a></li><li>Industry News</li></ol></nav>"
        "<ul><li><a href='/news_detail/1900000000000000001-18-7.html'>A</a> 2024-01-02</li>"
        "<li><a href='/news_detail/1900000000000000002-18-7.html'>B</a> 2024-01-01</li></ul>"
        "</body></html>"
    )
    assert parse_listing("https://x.com/news/18-7.html", html).section == "Industry News"
