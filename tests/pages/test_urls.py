"""Article ids and canonical URLs."""

from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from w3lib.url import safe_url_string

from crawler.pages import canonical_url, is_article_url, news_id_from_url
from crawler.pages.urls import (
    _PLAIN_URL,
    _UNFOLLOWABLE,
    absolute_url,
    article_identity,
    is_front_page,
    language_from_url,
    looks_like_news_list,
    without_tracking,
)


@pytest.mark.parametrize(
    "url",
    [
        "https://en.vcarepharmatech.com/news_detail/1988441189910183936-18-6.html",
        "https://en.vcarepharmatech.com/news_detail/1988441189910183936.html",
        "http://www.vcarepharmatech.com/zh/news_detail/1988441189910183936-18-6.html?x=1#top",
        "/news_detail/1988441189910183936-18.html",
    ],
)
def test_news_id_is_the_long_number(url: str) -> None:
    assert news_id_from_url(url) == "1988441189910183936"


@pytest.mark.parametrize(
    "url", ["https://en.vcarepharmatech.com/news_list-18-6.html", "https://x.com/", "not a url"]
)
def test_other_pages_have_no_news_id(url: str) -> None:
    assert news_id_from_url(url) is None
    assert not is_article_url(url)


def test_canonical_url_drops_query_and_fragment_but_keeps_scheme_and_host() -> None:
    assert canonical_url("HTTP://EN.Vcarepharmatech.com/news_detail/1-2.html?utm=x#top") == (
        "http://en.vcarepharmatech.com/news_detail/1-2.html"
    )


def test_canonical_url_percent_encodes_non_ascii_paths() -> None:
    assert canonical_url("https://x.com/新闻/1.html") == "https://x.com/%E6%96%B0%E9%97%BB/1.html"


def test_zh_path_prefix_names_the_chinese_edition() -> None:
    assert language_from_url("https://www.vcarepharmatech.com/zh/news_detail/1.html") == "zh"


def test_en_host_names_the_english_edition() -> None:
    assert language_from_url("https://en.vcarepharmatech.com/news_detail/1.html") == "en"


def test_news_list_paths_are_recognised_but_articles_are_not() -> None:
    assert looks_like_news_list("https://x.com/news_list-18-6.html")
    assert not looks_like_news_list("https://x.com/news_detail/1988441189910183936.html")


_BASES = ["http://127.0.0.1:8000/news/18-6.html", "HTTPS://Ex.Com:443/a/b?x#y", "https://ex.com",
          "file:///tmp/page.html", "https://ex.com/zh/"]
_HREFS = ["/", "/a", "/a/b.html?x=1", "/a?", "/a#f", "/a/./b", "/a/../b", "//x.com/a", "/a//b",
          "/a?b=%20", "/a?q#", "/.", "/a/..?x", " /a", "/a b", "/é", "/a;b", "x.html",
          "http://x.com/a", "HTTPS://X.com:8080/a/b?c=d#e", "http://x.com", "http://x.com?q",
          "http://x.com/a/../b", "http://x.com//a", "https://x.com/a;p", "ftp://x.com/a",
          "http://user@x.com/a", "http://x.com/a?q=1&r=%zz", "javascript:void(0)", "#top", ""]


def _reference_absolute_url(base: str, href: str) -> str | None:
    """The general path of ``absolute_url`` (urljoin, then quoting), without its fast paths."""
    if not href or _UNFOLLOWABLE.match(href):
        return None
    joined = urljoin(base, href.strip())
    parts = urlsplit(joined if _PLAIN_URL.match(joined) else safe_url_string(joined))
    if parts.scheme not in ("http", "https", "file") or (
            parts.scheme != "file" and not parts.netloc):
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


@pytest.mark.parametrize("base", _BASES)
def test_plain_urls_resolve_as_urljoin_would(base: str) -> None:
    for href in _HREFS:
        assert absolute_url(base, href) == _reference_absolute_url(base, href), href


@pytest.mark.parametrize("url", [u for u in _HREFS if "://" in u] + _BASES)
def test_canonical_url_of_a_plain_url_is_what_quoting_gives(url: str) -> None:
    parts = urlsplit(safe_url_string(url.strip()))
    expected = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", "", ""))
    assert canonical_url(url) == expected


@pytest.mark.parametrize(("url", "front"), [
    ("https://en.vcarepharmatech.com/", True), ("https://www.vcarepharmatech.com", True),
    ("http://replica/zh/", True), ("https://x.com/index.html", True),
    ("https://x.com/en/default.aspx", True), ("https://x.com/news.html", False),
    ("https://x.com/index.php?catid=5", False), ("https://x.com/?page=2", False),
    ("https://x.com/zh/news/", False),
])
def test_front_page_urls(url: str, front: bool) -> None:
    assert is_front_page(url) is front


def test_the_url_names_the_edition_before_a_contradicting_lang_attribute():
    from crawler.pages.language import page_language

    english = "https://en.vcarepharmatech.com/news_detail/1988441189910183936-18-6.html"
    chinese_path = "http://127.0.0.1:8000/zh/news_detail/1-2-3.html"
    main_host = "https://www.vcarepharmatech.com/news/1.html"
    assert page_language("zh-CN", english, lambda: "") == "en"
    assert page_language("en", chinese_path, lambda: "") == "zh"
    assert page_language("zh-CN", main_host, lambda: "") == "zh"
    assert page_language(None, main_host, lambda: "威凯尔医药") == "zh"


@pytest.mark.parametrize(
    "url",
    [
        "https://en.vcarepharmatech.com/news_detail/1988441189910183936-18-6.html",
        "https://EN.VcarePharmaTech.com:8443/zh/NEWS_DETAIL/1988441189910183936.SHTML?x=1#top",
        "http://127.0.0.1:8000/news_detail/123/news_detail/45678-a-b.htm",
        "http://127.0.0.1:8000/news_detail/45678/news_detail/123.html",
        "https://host/news_detail/123.html",
        "https://host/a b/news_detail/1988441189910183936-18-6.html",
        "https://host/新闻/news_detail/1988441189910183936.html",
        "https://host/news_detail/1988441189910183936-18-6.html/extra",
        "https://host/news/18-6.html",
        "file:///tmp/news_detail/1988441189910183936.html",
        "https://host/news_detaıl/1988441189910183936.html",  # dotless i: Unicode case folding
        "https://host/newſ_detail/1988441189910183936.html",  # long s
        "https://host/news_detail/١٢٣٤٥٦.html",  # Arabic-Indic digits: percent-encoded
    ],
)
def test_article_identity_is_the_canonical_url_and_news_id_together(url: str) -> None:
    news_id = news_id_from_url(url)
    expected = (canonical_url(url), news_id) if news_id else None
    assert article_identity(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://x.com/news/18-6.html?utm_source=wechat&utm_medium=social", "https://x.com/news/18-6.html"),
    ("https://x.com/news/18-6.html?from=timeline&isappinstalled=0", "https://x.com/news/18-6.html"),
    ("https://x.com/news/18-6.html?page=3&spm=a2c4.b1#top", "https://x.com/news/18-6.html?page=3#top"),
    ("https://x.com/news.php?from=20&utm_campaign=q4", "https://x.com/news.php?from=20"),
    ("https://x.com/news.php?catid=5&FROM=groupmessage", "https://x.com/news.php?catid=5"),
    ("https://x.com/news/18-6.html", "https://x.com/news/18-6.html"),
])
def test_tracking_keys_go_and_keys_choosing_the_page_stay(url: str, expected: str) -> None:
    assert without_tracking(url) == expected
