"""Every stored page parses to its expected JSON, compared field by field."""

from __future__ import annotations

import pytest

from tests.pages.fixture_pages import PAGES, expected, parse_fixture

ARTICLE_FIELDS = ("news_id", "url", "language", "title", "published_at", "source", "section",
                  "body_text", "body_html", "images", "previous", "next", "related")
LISTING_FIELDS = ("url", "language", "section", "items", "next_page", "page_urls")
PAGE_FIELDS = ("kind", "section_links", "edition_links")

_parsed: dict[str, dict] = {}


def parsed(stem: str) -> dict:
    if stem not in _parsed:
        _parsed[stem] = parse_fixture(stem)
    return _parsed[stem]


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for stem in PAGES:
        want = expected(stem)
        cases += [(stem, "page", name) for name in PAGE_FIELDS]
        if want["article"]:
            cases += [(stem, "article", name) for name in ARTICLE_FIELDS]
        if want["listing"]:
            cases += [(stem, "listing", name) for name in LISTING_FIELDS]
    return cases


@pytest.mark.parametrize(("stem", "part", "name"), _cases(),
                         ids=lambda value: value if isinstance(value, str) else None)
def test_stored_page_field_matches_expected(stem: str, part: str, name: str) -> None:
    got, want = parsed(stem), expected(stem)
    if part != "page":
        assert got[part] is not None, f"{stem} parsed as {got['kind']}, not {part}"
        got, want = got[part], want[part]
    assert got[name] == want[name]
