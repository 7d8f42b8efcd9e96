import pytest

from crawler.errors import UserError
from crawler.spiders.vcare_news import DEFAULT_START_URLS, resolve_start_urls


def test_no_argument_and_empty_setting_mean_the_real_site():
    assert resolve_start_urls(None, "") == list(DEFAULT_START_URLS)
    assert resolve_start_urls("", None) == list(DEFAULT_START_URLS)


def test_default_start_urls_are_both_editions():
    hosts = {url.split("/")[2] for url in DEFAULT_START_URLS}
    assert hosts == {"en.vcarepharmatech.com", "www.vcarepharmatech.com"}


def test_argument_wins_over_setting():
    assert resolve_start_urls("http://a.test/", "http://b.test/") == ["http://a.test/"]


def test_comma_separated_urls_are_split_and_trimmed():
    assert resolve_start_urls(" http://a.test/ , http://b.test/x ", None) == [
        "http://a.test/",
        "http://b.test/x",
    ]


@pytest.mark.parametrize("bad", ["ftp://a.test/", "a.test", "http:///nohost", "javascript:x"])
def test_non_http_urls_are_rejected_with_the_url_named(bad):
    with pytest.raises(UserError, match="invalid start URL"):
        resolve_start_urls(bad, None)


def test_a_page_cut_off_mid_document_is_incomplete():
    from crawler.spiders.vcare_news import incomplete_page

    assert "truncated" in incomplete_page(b"<html><body><p>Half a para")
    assert "empty" in incomplete_page(b"  \n")


def test_a_page_omitting_one_closing_tag_is_whole():
    from crawler.spiders.vcare_news import incomplete_page

    assert incomplete_page(b"<html><body><p>All here.</p></body>\n") is None
    assert incomplete_page(b"<html><body><p>All here.</p></html>") is None
    assert incomplete_page(b"<p>a fragment without html tags</p>") is None
