"""One rule per test: how a page's navigation (breadcrumb, pager, home page) is read."""

from __future__ import annotations

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
