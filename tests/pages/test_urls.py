"""Article ids and canonical URLs."""

import pytest

from crawler.pages import canonical_url, is_article_url, news_id_from_url
from crawler.pages.urls import language_from_url, looks_like_news_list


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
