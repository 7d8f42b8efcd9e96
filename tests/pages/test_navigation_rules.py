"""One rule per test: how a page's navigation (breadcrumb, pager, home page) is read."""

from __future__ import annotations

import pytest

from crawler.pages import parse_listing, parse_page

_ITEMS = (
    "<ul><li><a href='/news_detail/1900000000000000001-18-6.html'>A</a> 2024-01-02</li>"
    "<li><a href='/news_detail/1900000000000000002-18-6.html'>B</a> 2024-01-01</li></ul>"
)


def test_a_flat_menu_with_a_slash_inside_one_entry_is_not_a_breadcrumb() -> None:
    html = (
        "<html><body><div><a href='/'>Home</a> <a href='/about.html'>About Us</a> "
        "<a href='/services.html'>CRO/CDMO</a> <a href='/news/18-6.html'>News</a></div>"
        "<div>Location: <a href='/'>Home</a> &gt; <a href='/news/18-6.html'>News</a> &gt; "
        "<a href='/news/18-6.html'>Company News</a></div>" + _ITEMS + "</body></html>"
    )
    assert parse_listing("https://x.com/news/18-6.html", html).section == "Company News"


def test_a_trail_separated_by_slashes_between_its_links_is_a_breadcrumb() -> None:
    html = (
        "<html><body><div><a href='/'>Home</a> / <a href='/news/18-6.html'>News</a> / "
        "<a href='/news/18-6.html'>Company News</a></div>" + _ITEMS + "</body></html>"
    )
    assert parse_listing("https://x.com/news/18-6.html", html).section == "Company News"


def test_a_trail_whose_links_carry_their_separators_is_a_breadcrumb() -> None:
    html = (
        "<html><body><div><a href='/'>Home &gt;</a><a href='/news/18-6.html'>News &gt;</a>"
        "<span>Industry News</span></div>" + _ITEMS + "</body></html>"
    )
    assert parse_listing("https://x.com/news/18-7.html", html).section == "Industry News"


def _teaser(heading: str, extra: str = "") -> str:
    return (f"<html><body><div><h2>{heading}</h2>" + _ITEMS + extra
            + "<a href='/news.html'>查看更多</a></div></body></html>")


def test_a_news_teaser_on_the_home_page_does_not_make_it_a_listing() -> None:
    for url in ("https://www.vcarepharmatech.com/", "https://x.com/zh/", "https://x.com/index.html"):
        assert parse_page(url, _teaser("新闻动态")).kind == "other", url


def test_the_same_items_on_a_section_page_are_a_listing() -> None:
    assert parse_page("https://x.com/news.html", _teaser("新闻动态")).kind == "listing"
    assert parse_page("https://x.com/index.php?catid=5", _teaser("新闻动态")).kind == "listing"


def test_a_home_page_with_a_pager_is_a_listing() -> None:
    pager = "<div><a href='/index_2.html'>2</a><a href='/index_2.html'>下一页</a></div>"
    assert parse_page("https://x.com/", _teaser("新闻动态", pager)).kind == "listing"


def test_a_load_more_button_leads_to_the_next_page() -> None:
    html = ("<html><body><h2>News</h2>" + _ITEMS + "<div class='load-more'>"
            "<a href='/news/18-6_2.html' class='el-button'><span>Load more</span></a></div>"
            "</body></html>")
    listing = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html)
    assert listing.next_page == "https://en.vcarepharmatech.com/news/18-6_2.html"


def test_a_listing_fetched_from_a_share_link_is_known_by_its_address_without_tracking() -> None:
    html = "<html><body>" + _ITEMS + "</body></html>"
    shared = parse_listing("https://en.vcarepharmatech.com/news/18-6.html"
                           "?utm_source=wechat&utm_medium=social&from=timeline", html)
    paged = parse_listing("https://en.vcarepharmatech.com/news/18-6.html?page=3&from=list", html)
    assert shared.url == "https://en.vcarepharmatech.com/news/18-6.html"
    assert paged.url == "https://en.vcarepharmatech.com/news/18-6.html?page=3"


def test_a_main_column_whose_class_says_it_has_a_sidebar_is_not_chrome() -> None:
    # Rails/BEM: <main class="layout layout--with-sidebar">: the page's content.
    html = ("<html><body><main class='layout layout--with-sidebar'><div class='news-list'>"
            + _ITEMS + "</div></main><aside class='sidebar'>Latest News</aside></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.title for item in items] == ["A", "B"]


def test_a_page_grid_around_main_whose_class_names_a_sidebar_is_not_chrome() -> None:
    # Drupal's Olivero: <div class="sidebar-grid"> holds <main> and the sidebar both.
    html = ("<html><body><div class='sidebar-grid grid-full'><main role='main'>"
            "<div class='news-list'>" + _ITEMS + "</div></main><aside class='region--sidebar'>"
            "Latest News</aside></div></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.title for item in items] == ["A", "B"]


@pytest.mark.parametrize("older", ["Older posts &rarr;", "&laquo; Older Entries"])
def test_a_blogs_older_posts_is_the_next_page(older: str) -> None:
    html = ("<html><body>" + _ITEMS + "<div class='pagination'><a href='/news/18-6.html'>"
            "&larr; Newer posts</a> <span>Page 2 of 4</span> <a href='/news/18-6_3.html'>"
            f"{older}</a></div></body></html>")
    listing = parse_listing("https://en.vcarepharmatech.com/news/18-6_2.html", html)
    assert listing.next_page == "https://en.vcarepharmatech.com/news/18-6_3.html"


def test_a_query_that_chooses_the_content_stays_in_the_listing_url() -> None:
    html = "<html><body>" + _ITEMS + "</body></html>"
    url = "https://en.vcarepharmatech.com/news/18-6.html?from=2024-11-01&to=2024-11-30"
    assert parse_listing(url, html).url == url


def test_a_next_link_back_to_this_page_with_its_tracking_query_is_no_next_page() -> None:
    html = ("<html><body>" + _ITEMS + "<div class='pager'><a href='/news/18-6.html?page=4&amp;"
            "utm_source=wechat'>4</a> <a href='/news/18-6.html?page=5&amp;utm_source=wechat'>"
            "Next</a></div></body></html>")
    url = "https://en.vcarepharmatech.com/news/18-6.html?page=5&utm_source=wechat"
    listing = parse_listing(url, html)
    assert listing.next_page is None


def test_a_load_more_of_another_block_does_not_beat_the_pagers_next() -> None:
    html = ("<html><body><section><h2>Videos</h2><a href='/videos.html?page=2'>Load more</a>"
            "</section>" + _ITEMS + "<div class='pagination'><a href='/news/18-6.html?page=2'>"
            "Next</a></div></body></html>")
    listing = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html)
    assert listing.next_page == "https://en.vcarepharmatech.com/news/18-6.html?page=2"


def test_a_home_page_blocks_load_more_link_is_a_section_link_not_a_next_page() -> None:
    html = ("<html><body><div class='nav'><a href='/'>首页</a> <a href='/news/16-1.html'>新闻中心"
            "</a></div><div><h2>行业动态</h2><ul><li><a href='/news_detail/1900000000000000001-16-2"
            ".html'>行业政策解读</a><span>2024-11-20</span></li></ul><a href='/news/16-2.html'>"
            "加载更多</a></div></body></html>")
    page = parse_page("https://www.vcarepharmatech.com/", html)
    assert "https://www.vcarepharmatech.com/news/16-2.html" in page.section_links
    assert page.kind != "listing"


def test_a_site_header_named_with_nav_is_still_chrome() -> None:
    html = ("<html><body><div class='header-with-nav'><a href='/'>Home</a> <a href='/news/18-6."
            "html'>News</a> <a href='/news_detail/1900000000000000042-18-6.html'>Vcare Named Top "
            "Employer</a></div>" + _ITEMS + "</body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.title for item in items] == ["A", "B"]
