"""Dates in every layout the site uses, always China Standard Time."""

from datetime import date, datetime, timedelta

import pytest

from crawler.pages.dates import (
    DATE_RESIDUE,
    date_of_bare_boxes,
    find_datetime,
    is_date_only,
    is_day_and_month,
    month_and_day,
    parse_date,
    parse_datetime,
    split_leading_date,
    split_trailing_date,
    year_alone,
)


def test_header_timestamp_is_china_standard_time() -> None:
    value = parse_datetime("2025-11-11 17:02")
    assert value == datetime.fromisoformat("2025-11-11T17:02:00+08:00")
    assert value.utcoffset() == timedelta(hours=8)


def test_seconds_are_kept_when_shown() -> None:
    assert parse_datetime("2025-10-21 09:30:45").second == 45


def test_a_label_before_the_date_is_ignored() -> None:
    assert parse_datetime("发布时间：2025-10-21 09:30").hour == 9


@pytest.mark.parametrize(
    "text",
    ["18 2024 / 11", "18 2024/11", "2024/11 18", "2024-11-18", "2024年11月18日", "2024.11.18",
     "Nov 18, 2024", "18 November 2024"],
)
def test_item_date_layouts_give_the_same_day(text: str) -> None:
    assert parse_date(text) == date(2024, 11, 18)


def test_a_date_without_time_is_midnight() -> None:
    assert parse_datetime("2024年11月18日").hour == 0


@pytest.mark.parametrize("text", ["2025-13-45", "2025-02-30", "2025-11-11 25:61", "", "no date"])
def test_impossible_or_missing_dates_are_none(text: str) -> None:
    assert parse_datetime(text) is None


def test_date_only_line_is_recognised() -> None:
    assert is_date_only("18 2024 / 11")


def test_a_sentence_with_a_date_is_not_date_only() -> None:
    assert not is_date_only("On 2024-10-16 the IND was approved")


@pytest.mark.parametrize("text", [
    "18 2024 / 11", "2024/11 18", "2024年11月18日", "2025-11-11 17:02", "2025-11-11T17:02:33",
    "Nov 18, 2024", "18th November 2024", "ſep 18, 2024", "2024年11月18日 17时02分",
    "2024-11-18 | ·", "Published 2024-11-18", "（2024-11-18）", "2024-11-18 发布",
    "Speakers at the 2024 forum", "2024/11", "18", "",
])
def test_date_only_text_is_told_apart(text: str) -> None:
    found = find_datetime(text)
    plain = bool(found) and bool(
        DATE_RESIDUE.match(text[: found[1].start()] + text[found[1].end():]))
    assert is_date_only(text) == plain


def test_a_month_name_spelled_with_a_long_s_is_read() -> None:
    assert parse_date("ſep 18, 2024") == date(2024, 9, 18)


@pytest.mark.parametrize(("text", "day", "rest"), [
    ("2024-12-16威凯尔医药召开评审会议", date(2024, 12, 16), "威凯尔医药召开评审会议"),
    (" 2024.11.18 Vcare Opens a Laboratory", date(2024, 11, 18), " Vcare Opens a Laboratory"),
    ("Nov 18, 2024 | Vcare Opens a Laboratory", date(2024, 11, 18), " | Vcare Opens a Laboratory"),
])
def test_a_date_opening_a_text_is_split_off(text: str, day: date, rest: str) -> None:
    assert split_leading_date(text) == (day, rest)


@pytest.mark.parametrize("text", [
    "Vcare Opens a Laboratory on 2024-11-18", "2024 Annual Report", "2024-13-45 Title", "",
])
def test_a_text_not_opening_with_a_date_is_not_split(text: str) -> None:
    assert split_leading_date(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("新华社 2025-11-18 10:20", ("新华社", "2025-11-18 10:20")),
    ("Vcare Communications 11 November 2025", ("Vcare Communications", "11 November 2025")),
    ("医药经济报 2025年11月18日", ("医药经济报", "2025年11月18日")),
    ("2025-11-18", ("", "2025-11-18")),
    ("新华社", None), ("Reuters 2025", None), ("新华社2025-11-18", None), ("", None),
    ("2025-11-18 新华社", None),
])
def test_a_date_closing_a_text_after_a_space_is_split_off(
        text: str, expected: tuple[str, str] | None) -> None:
    assert split_trailing_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("11-20", (11, 20)), (" 01/08 ", (1, 8)), ("11月20日", (11, 20)), ("3.5", (3, 5)),
    ("13-01", None), ("11-32", None), ("2024-11-20", None), ("Phase 1-2 study", None),
])
def test_a_month_and_day_alone_are_read_without_a_year(text: str, expected) -> None:
    assert month_and_day(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2025", 2025), ("2024年", 2024), (" 2023 ", 2023), ("2025 Highlights", None), ("1850", None),
])
def test_a_year_alone_is_a_timeline_heading(text: str, expected) -> None:
    assert year_alone(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("24 2025 10", date(2025, 10, 24)), ("2025 10 24", date(2025, 10, 24)),
    ("31 2025 02", None), ("24 2025", None), ("1 2 3", None), ("24 2025 10 patients", None),
])
def test_a_date_shown_as_bare_number_boxes_is_read(text: str, expected) -> None:
    assert date_of_bare_boxes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("01 Nov", True), ("Nov 1st", True), ("September 30th", True), ("11-01", True),
    ("11月1日", True), ("01 Nov 2024", False), ("Nov Update", False), ("1 Novel idea", False),
])
def test_a_day_and_month_without_a_year_is_a_date_box(text: str, expected: bool) -> None:
    assert is_day_and_month(text) is expected

