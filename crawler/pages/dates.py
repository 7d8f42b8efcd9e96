"""Dates as the site lays them out.

Article headers show ``2025-11-11 17:02`` (China Standard Time, sometimes with seconds).
News items split a date over several boxes: the day alone (``18``) then ``2024 / 11``,
or ``2024/11`` then ``18``; Chinese pages also write ``2024年11月18日``. Text pulled out of
separate elements arrives here joined by spaces.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

CHINA_STANDARD_TIME = timezone(timedelta(hours=8))
_ISO_MAX = 64  # "2025-11-11T17:02:00.000000+08:00", or "2025年11月11日 17:02" in words

_YEAR = r"(?P<y>(?:19|20)\d{2})"
_SEP = r"\s*[-/.年]\s*"
_SEP_MD = r"\s*[-/.月]\s*"
# English pages may show a 12-hour clock ("5:02 PM"); the site's own times are 24-hour.
_TIME = (
    r"(?:\s*(?:T|\s|,)\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})"
    r"(?:\s*[:：分]\s*(?P<S>\d{1,2}))?(?:\s*(?P<P>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?)?"
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}

# Tried in order; the first match that is a real calendar date wins. Every pattern names the
# year ``y``, the month ``m`` (digits, or a month name), the day ``d`` and the time H:M:S.
_FULL = re.compile(
    rf"(?<!\d){_YEAR}{_SEP}(?P<m>\d{{1,2}}){_SEP_MD}(?P<d>\d{{1,2}})(?!\d)(?:\s*日)?{_TIME}"
)
_YEAR_MONTH_THEN_DAY = re.compile(
    rf"(?<!\d){_YEAR}{_SEP}(?P<m>\d{{1,2}})\s*月?\s+(?P<d>\d{{1,2}})(?!\d)(?:\s*日)?{_TIME}"
)
_DAY_THEN_YEAR_MONTH = re.compile(
    rf"(?<![\d/.-])(?P<d>\d{{1,2}})\s*日?\s+{_YEAR}{_SEP}(?P<m>\d{{1,2}})(?![\d/.-])(?:\s*月)?{_TIME}"
)
_MONTH_NAME = re.compile(
    r"(?<![A-Za-z])(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}{_TIME}",
    re.IGNORECASE,
)
_DAY_MONTH_NAME = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+"
    rf"{_YEAR}{_TIME}",
    re.IGNORECASE,
)
_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")  # each of _PATTERNS needs a year
_PATTERNS = (_FULL, _YEAR_MONTH_THEN_DAY, _DAY_THEN_YEAR_MONTH, _MONTH_NAME, _DAY_MONTH_NAME)

# A timeline's item dates ("11-20") under headings of their year ("2025").
_MONTH_DAY_ONLY = re.compile(r"^\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?\s*$")
_YEAR_ONLY = re.compile(rf"^\s*{_YEAR}\s*年?\s*$")
# A month's full name or its abbreviation, nothing longer ("Novel" is no month).
_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY_OF_MONTH = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_LEADING_DAY_MONTH = re.compile(
    rf"^\s*(?:(?P<d>{_DAY_OF_MONTH})\s+(?P<m>{_MONTH_WORD})|(?P<m2>{_MONTH_WORD})\s+"
    rf"(?P<d2>{_DAY_OF_MONTH}))(?=\s|$)",
    re.IGNORECASE,
)

_BARE_DAY_YEAR_MONTH = re.compile(rf"^\s*(?P<d>\d{{1,2}})\s+{_YEAR}\s+(?P<m>\d{{1,2}})\s*$")
_BARE_YEAR_MONTH_DAY = re.compile(rf"^\s*{_YEAR}\s+(?P<m>\d{{1,2}})\s+(?P<d>\d{{1,2}})\s*$")

# What is left of a line once its date is taken out: only separators means a date-only line.
DATE_RESIDUE = re.compile(r"^[\s/.\-年月日:：|·]*$")
# A character neither the patterns above nor the residue can hold (letters are there for month
# names, which IGNORECASE also spells with ſ, K, İ and ı).
_NEVER_IN_A_DATE = re.compile(r"[^\d\s/.\-年月日时分:：|·,A-Za-zſKİı]")


def _to_datetime(match: re.Match[str]) -> datetime | None:
    year, month, day, hour, minute, second, meridiem = match.group(
        "y", "m", "d", "H", "M", "S", "P")
    clock = int(hour) if hour else 0
    if meridiem and clock <= 12:  # "12:30 AM" is 00:30, "12:30 PM" 12:30, "5:02 PM" 17:02
        clock = clock % 12 + (12 if meridiem in "Pp" else 0)
    try:
        # datetime() checks the calendar date and the time alike.
        return datetime(int(year),
                        _MONTHS[month[:3].casefold()] if month[0].isalpha() else int(month),
                        int(day), clock, int(minute) if minute else 0,
                        int(second) if second else 0, 0, CHINA_STANDARD_TIME)
    except ValueError:
        return None


def may_hold_a_year(text: str) -> bool:
    """``_YEAR_ANYWHERE.search(text)``, its literal "19" / "20" looked for first."""
    return ("20" in text or "19" in text) and _YEAR_ANYWHERE.search(text) is not None


def find_datetime(text: str) -> tuple[datetime, re.Match[str]] | None:
    """The first valid date (with its time, if shown) in ``text``, and where it was found."""
    return _first_datetime(text) if text and may_hold_a_year(text) else None


def _first_datetime(text: str) -> tuple[datetime, re.Match[str]] | None:
    """``find_datetime`` for a text that holds a year."""
    for pattern in _PATTERNS:
        # search() first: most patterns do not match at all, and an iterator costs as much
        # as the search. finditer() from the end of the first match goes on as it would have.
        first = pattern.search(text)
        if first is None:
            continue
        value = _to_datetime(first)
        if value is not None:
            return value, first
        for match in pattern.finditer(text, first.end()):
            value = _to_datetime(match)
            if value is not None:
                return value, match
    return None


def parse_datetime(text: str | None) -> datetime | None:
    """``2025-11-11 17:02`` -> 2025-11-11T17:02:00+08:00; None when no valid date is shown.

    A date without a time is midnight; an impossible time drops the whole value.
    """
    found = find_datetime(text or "")
    return found[0] if found else None


def parse_date(text: str | None) -> date | None:
    """The calendar date in any of the site's layouts (``18 2024 / 11``, ``2024年11月18日``)."""
    found = find_datetime(text or "")
    return found[0].date() if found else None


def is_date_only(text: str) -> bool:
    """True when ``text`` is nothing but a date (and maybe its time), e.g. ``18 2024 / 11``."""
    # The cheap test first: most lines hold no year at all.
    if not may_hold_a_year(text) or _NEVER_IN_A_DATE.search(text):
        return False
    found = _first_datetime(text)
    if not found:
        return False
    match = found[1]
    return bool(DATE_RESIDUE.match(text[: match.start()] + text[match.end():]))


def split_leading_date(text: str) -> tuple[date, str] | None:
    """The date ``text`` opens with and the rest: ``2024-12-16威凯尔…`` -> (2024-12-16,
    "威凯尔…"); None when it does not open with a valid date."""
    text = text.lstrip()
    # Every pattern opens with a digit or a month name, and holds a year.
    if not (text[:1].isdigit() or text[:3].casefold() in _MONTHS) \
            or not _YEAR_ANYWHERE.search(text, 0, 40):
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            value = _to_datetime(match)
            if value is not None:
                return value.date(), text[match.end():]
    return None


def split_trailing_date(text: str) -> tuple[str, str] | None:
    """The text before a date (with its time) that closes ``text`` after a space, and that
    date: ``新华社 2025-11-18 10:20`` -> ("新华社", "2025-11-18 10:20"), ``2025-11-18`` ->
    ("", "2025-11-18"); else None."""
    parts = text.rsplit(None, 4)
    for size in (4, 3, 2, 1):  # "18 2024 / 11", "11 November 2025 17:02", "2025-11-18"
        if len(parts) >= size and is_date_only(tail := " ".join(parts[-size:])):
            return " ".join(parts[:-size]), tail
    return None


def month_and_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date shown without its year (``11-20``, ``11月20日``), alone."""
    match = _MONTH_DAY_ONLY.match(text)
    if match is None:
        return None
    month, day = int(match.group("m")), int(match.group("d"))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def date_of_bare_boxes(text: str) -> date | None:
    """A date whose separators the stylesheet draws (``::before``), so that only its numbers
    are in the page, each in a box of its own: the day, the year, the month ("24 2025 10",
    as a news item's boxes read joined by spaces), or the year, the month, the day."""
    for pattern in (_BARE_DAY_YEAR_MONTH, _BARE_YEAR_MONTH_DAY):
        match = pattern.match(text)
        if match is not None:
            try:
                return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            except ValueError:
                return None
    return None


def is_day_and_month(text: str) -> bool:
    """A date shown without its year: "01 Nov", "Nov 1st", "11-01", "11月1日" (a news item's
    date box, its year in a ``datetime`` attribute or a heading)."""
    if month_and_day(text) is not None:
        return True
    found = split_leading_day_and_month(text)
    return found is not None and not found[2].strip()


def split_leading_day_and_month(text: str) -> tuple[int, int, str] | None:
    """(month, day, the rest) of a text opening with a date shown without its year ("11 Nov
    Vcare Passes Inspection"), else None."""
    match = _LEADING_DAY_MONTH.match(text)
    if match is None:
        return None
    month = _MONTHS[(match.group("m") or match.group("m2"))[:3].casefold()]
    day = int((match.group("d") or match.group("d2")).rstrip("stndrh"))
    return month, day, text[match.end():]


def year_alone(text: str) -> int | None:
    """The year a line shows and nothing else (``2025``, ``2025年``): a timeline's heading."""
    match = _YEAR_ONLY.match(text)
    return int(match.group("y")) if match else None


def from_iso(value: str | None) -> datetime | None:
    """A machine-readable timestamp (``<time datetime>``, ``article:published_time``) in CST."""
    if not value:
        return None
    value = " ".join(value.split())
    if len(value) > _ISO_MAX:  # no timestamp is longer; the date patterns slow down on runs
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_datetime(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=CHINA_STANDARD_TIME)
    try:
        return parsed.astimezone(CHINA_STANDARD_TIME)
    except OverflowError:  # "9999-12-31T23Z" is a day past the calendar's end in China
        return None
