"""``vcare-news parse``: one JSON object out, one error line and exit 2 on unreadable input."""

from __future__ import annotations

import argparse
import io
import json
import sys

import pytest

from crawler.errors import UserError
from crawler.pages import cli
from tests.pages.fixture_pages import FIXTURE_DIR, PAGES


def run_parse(path: str, url: str | None = None) -> dict:
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        code = cli.run(argparse.Namespace(path=path, url=url, encoding=None))
    finally:
        sys.stdout = real
    assert code == 0
    assert out.getvalue().count("\n") == 1
    return json.loads(out.getvalue())


def test_register_adds_the_parse_command() -> None:
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["parse", "page.html", "--url", "https://x.com/"])
    assert args.func is cli.run and args.url == "https://x.com/"


def test_article_is_printed_with_the_documented_shape() -> None:
    data = run_parse(str(FIXTURE_DIR / "cms_article_en.html"), PAGES["cms_article_en"])
    assert data["kind"] == "article" and data["listing"] is None
    assert data["article"]["published_at"] == "2025-09-03T10:15:00+08:00"
    assert data["article"]["source"] is None
    assert set(data["article"]["related"][0]) >= {"news_id", "url", "title", "summary",
                                                   "published_on"}


def test_default_url_is_a_file_url_and_a_canonical_link_still_names_the_article() -> None:
    data = run_parse(str(FIXTURE_DIR / "semantic_article_en.html"))
    assert data["url"].startswith("file://")
    assert data["article"]["news_id"] == "1993000000000000031"


def test_listing_is_printed_with_items_and_next_page() -> None:
    data = run_parse(str(FIXTURE_DIR / "cms_listing_en.html"), PAGES["cms_listing_en"])
    assert data["kind"] == "listing" and len(data["listing"]["items"]) == 10
    assert data["listing"]["next_page"].endswith("/news_list-18-6-2.html")


def test_missing_file_is_a_user_error() -> None:
    with pytest.raises(UserError) as caught:
        cli.run(argparse.Namespace(path="/no/such/page.html", url=None, encoding=None))
    assert caught.value.exit_code == 2 and "\n" not in str(caught.value)


def test_binary_file_is_a_user_error(tmp_path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\xff\x00\xfe" * 500)
    with pytest.raises(UserError):
        cli.run(argparse.Namespace(path=str(junk), url=None, encoding=None))


@pytest.mark.parametrize("url", ["not a url", "news_detail/1.html", "ftp://x.com/a.html",
                                 "file:///tmp/a.html", "http://", "https://x.com:port/",
                                 "http://exa mple.com/", ""])
def test_a_url_that_is_not_an_absolute_http_url_is_a_user_error(url: str) -> None:
    with pytest.raises(UserError, match="--url"):
        cli.run(argparse.Namespace(path=str(FIXTURE_DIR / "cms_article_en.html"), url=url,
                                   encoding=None))


def test_an_https_url_with_a_port_is_accepted() -> None:
    url = "http://127.0.0.1:8000/en/news_detail/1988000000000000001-18-6.html"
    data = run_parse(str(FIXTURE_DIR / "cms_article_en.html"), url)
    assert data["kind"] == "article" and data["article"]["url"] == url
