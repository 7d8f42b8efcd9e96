"""The positional index answers what its plain definitions would, on every stored page."""

from __future__ import annotations

import pytest
from lxml import etree

from crawler.pages.dom import _marks_chrome, _names_chrome, element_text, normalize
from crawler.pages.page import load_document
from tests.pages.fixture_pages import PAGES, page_bytes


@pytest.fixture(params=list(PAGES), scope="module")
def doc(request: pytest.FixtureRequest):
    return load_document(PAGES[request.param], page_bytes(request.param))


def _body_elements(doc) -> list:
    return [element for element in doc.body.iter() if isinstance(element.tag, str)]


def test_recorded_ends_and_tail_keys_follow_the_key_formula(doc) -> None:
    for element in _body_elements(doc):
        last = doc.position[max(element.iter(), key=lambda e: doc.position.get(e, -1))]
        depth = sum(1 for _ in element.iterancestors())
        assert doc.end(element) == last + 0.5 + 0.4 / (depth + 1.5)
        assert doc.tail_key(element) == last + 0.5 + 0.4 / (depth + 1)


def test_has_text_is_whether_the_element_shows_text(doc) -> None:
    for element in _body_elements(doc):
        assert doc.has_text(element) == bool(element_text(element))


def test_chrome_lookups_agree_with_a_scan_of_the_ranges(doc) -> None:
    ranges = doc.chrome
    for element in _body_elements(doc):
        low, high = doc.start(element), doc.end(element)
        assert doc.chrome_covers(low, high) == any(a <= low and high <= b for a, b in ranges)
        assert doc.chrome_starts_within(low, high) == any(low < a < high for a, _ in ranges)
        for key in (low, low + 0.25, high, doc.tail_key(element)):
            assert doc.in_chrome(key) == any(a < key < b for a, b in ranges)


def test_element_text_is_the_xpath_string_value_normalized(doc) -> None:
    string_value = etree.XPath("string()")
    for element in _body_elements(doc):
        assert element_text(element) == normalize(string_value(element))


def test_the_walk_marks_as_chrome_what_the_chrome_rule_names(doc) -> None:
    assert doc._marked_chrome == [e for e in doc.body.iter() if _marks_chrome(e)]


def test_every_tail_that_shows_text_has_its_key_recorded_by_the_walk(doc) -> None:
    shown = [e for e in _body_elements(doc) if e is not doc.body and (e.tail or "").strip()]
    for element in shown:
        assert element in doc._tails
        assert any(doc._tails[element] in line.keys for line in doc.lines)


@pytest.mark.parametrize(("names", "chrome"), [
    ("sidebar", True), ("nav-bar", True), ("main-with-sidebar sidebar-left", True),
    ("layout layout--with-sidebar", False), ("page-has-nav", False), ("no-footer", False),
    ("content_without_menu", False), ("footer-with-nav", True),
])
def test_a_class_naming_what_its_box_has_is_not_chrome(names: str, chrome: bool) -> None:
    assert _names_chrome(names) is chrome
