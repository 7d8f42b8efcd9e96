"""Dated news items (a listing, a Related News block) read from a range of the page.

Each item is found from its link to ``/news_detail/<id>``: the item is the largest element
around the link that holds no link to another article. Inside it the date may be split
over several boxes (``18`` / ``2024`` / ``/`` / ``11``), the title may be missing, and the
summary is the remaining line of prose. When date, title and summary run together on one line
(inline boxes the stylesheet stacks), the bold run after the date is the title; a date shown
in front of the title is the item's date, not part of its title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from lxml import etree

from crawler.items import NewsLink
from crawler.pages import labels
from crawler.pages.dates import (
    date_of_bare_boxes,
    from_iso,
    is_date_only,
    is_day_and_month,
    may_hold_a_year,
    month_and_day,
    parse_date,
    split_leading_date,
    split_leading_day_and_month,
)
from crawler.pages.dom import HEADING_TAGS, Document, Line, Link

_TITLE_MAX = 160
_SENTENCE_ENDS = (".", "。", "!", "！", "?", "？", "…")
_DATE_TRAIL = " \t|丨｜·•-–—:：/]】)）"  # what may stand between a leading date and the headline
_EMPHASIS_TAGS = frozenset(("strong", "b"))
# What may stand around a date an item shows beside its title: "·title（2024年10月12日）".
_DATE_WRAPPERS = " \t·•|丨｜()（）[]【】<>《》"
# Classes carousel scripts give the slides they copy: Swiper, Slick, Owl, bxSlider, Glide,
# Splide, SuperSlide.
_CAROUSEL_CLONE_CLASSES = frozenset((
    "swiper-slide-duplicate", "slick-cloned", "cloned", "bx-clone", "glide__slide--clone",
    "splide__slide--clone", "clone",
))
_OPENING_BRACKETS, _CLOSING_BRACKETS = "[【(（", "]】)）"
_BUTTON_ENDS = "]】>»›→+"  # how a "Read more" button ends ("[详细]", "查看详情 >", "More +")
_TAG_MAX = 12
_TAG_WORDS_MAX = 16  # "Company News", "Industry News", "企业文化": a category's name
_PARTICULARS_MAX = 80
_COUNTER_ENDS = ("次", "views", "Views")  # "1,024次", "874 views"
_PARTICULAR_SEPARATORS = re.compile(r"[|丨｜·•]")
_DATE_TEXT_MAX = 60  # "Published Time: 2025-11-11 17:02:05 Read More >" is 47
_DAY_MONTH_MAX = 16  # "01 Nov", "September 30th"
_ZERO_PADDED = re.compile(r"^\s*\d{4}\s+\d{2}\s+\d{2}\s*$|^\s*\d{2}\s+\d{4}\s+\d{2}\s*$")


def news_items(doc: Document, start: float, end: float, *, respect_chrome: bool = True,
               skip: tuple[tuple[float, float], ...] = (),
               dated: date | None = None) -> list[NewsLink]:
    """Every dated item linking to an article between keys ``start`` and ``end``.

    ``respect_chrome`` leaves out links in navigation, sidebars and footer; ``skip`` names
    further key ranges to leave out; ``dated`` is the day of the page the items are shown
    on (an article's), which gives the year to items shown with their month and day only.
    """
    links = doc.article_links_between(start, end)
    if respect_chrome:
        in_chrome = doc.in_chrome
        links = [link for link in links if not in_chrome(link.key)]
    if len({link.news_id for link in links}) < len(links):  # an item shown more than once
        skip += _carousel_clones(doc)
    if skip:
        links = [link for link in links if not any(low < link.key < high for low, high in skip)]
    keys = [link.key for link in links]  # rising: links come in document order
    items: list[NewsLink] = []
    seen: set[str] = set()
    for link in links:
        if link.news_id in seen:
            continue
        seen.add(link.news_id)
        container = item_element(doc, link, links, keys, start, end)
        items.append(news_link(doc, link, container, start, dated))
    return items


def _carousel_clones(doc: Document) -> tuple[tuple[float, float], ...]:
    """Key ranges of the copies a carousel script makes of its slides so that it can loop
    (Swiper's ``swiper-slide-duplicate``, Slick's ``slick-cloned``...). A visitor sees each
    item once, in the order of the real slides; the copies come before and after them."""
    markup = doc.markup
    if "clone" not in markup and "duplicate" not in markup:  # the usual page: no tree walk
        return ()
    return tuple(
        (doc.start(element), doc.end(element))
        for element in doc.body.iter()
        if not _CAROUSEL_CLONE_CLASSES.isdisjoint((element.get("class") or "").split())
    )


def item_element(doc: Document, link: Link, links: list[Link], keys: list[float], start: float,
                 end: float) -> etree._Element:
    """The largest element around ``link`` whose article links all name the same article
    (``keys`` are the keys of ``links``)."""
    node, news_id, body = link.element, link.news_id, doc.body
    while True:
        parent = node.getparent()
        if parent is None or parent is body:
            return node
        low, high = doc.start(parent), doc.end(parent)
        if low < start or high > end:
            return node
        for other in links[bisect_right(keys, low):bisect_left(keys, high)]:
            if other.news_id != news_id:
                return node
        node = parent


def news_link(doc: Document, link: Link, container: etree._Element, start: float,
              dated: date | None = None) -> NewsLink:
    """The item around ``link`` (its element ``container``), read from a block that starts at
    key ``start`` on a page of the day ``dated``."""
    lines = doc.lines_in(container) or _line_around(doc, link)
    low, high = doc.start(link.element), doc.end(link.element)
    # A line holding the link's words is the headline's, even with a counter beside it.
    prose = [line for line in lines if not _is_furniture(line)
             and not (_is_particulars(line) and not _has_key_between(line, low, high))]
    title, summary = item_title_and_summary(doc, link, container, prose)
    published_on = (item_date(container, lines)
                    or _dated_under_year_heading(doc, container, lines, start)
                    or _dated_before(dated, lines))
    if title is not None and published_on is not None:
        title = _without_leading_date(title, published_on, container)
    return NewsLink(news_id=link.news_id or "", url=link.url, title=title, summary=summary,
                    published_on=published_on)


def _dated_under_year_heading(doc: Document, container: etree._Element, lines: list[Line],
                              start: float) -> date | None:
    """A timeline shows each item's month and day ("11-20") under a heading of its year
    (``Document.year_headings``): the nearest such heading above the item, inside the block
    the items are read from (``start`` on), gives the year."""
    month_day = _month_and_day_shown(lines)
    if month_day is None:
        return None
    keys, years = doc.year_headings
    index = bisect_left(keys, doc.start(container)) - 1
    if index < 0 or keys[index] <= start:
        return None
    return _day_of_year(years[index], month_day)


def _dated_before(dated: date | None, lines: list[Line]) -> date | None:
    """An item shown with its month and day only ("11-02") on a page of the day ``dated``
    (an article's Related News on a mobile template): that day of the page's year, when it
    comes before the page's day. A later one may be of the year before or a newer item: no
    date rather than a wrong one."""
    month_day = _month_and_day_shown(lines) if dated is not None else None
    if month_day is None:
        return None
    day = _day_of_year(dated.year, month_day)
    return day if day is not None and day <= dated else None


def _month_and_day_shown(lines: list[Line]) -> tuple[int, int] | None:
    return next(filter(None, (month_and_day(line.text) for line in lines)), None)


def _day_of_year(year: int, month_day: tuple[int, int]) -> date | None:
    try:
        return date(year, *month_day)
    except ValueError:  # 02-29 in a year without it
        return None


def _line_around(doc: Document, link: Link) -> list[Line]:
    """The line an item's link sits in, when the item is that line alone: a list written as
    ``2024-11-18 <a>Title</a><br>`` lines in one box, whose date lies outside the link."""
    index = doc.line_index_at(link.key) - 1
    if index < 0:
        return []
    line = doc.lines[index]
    if line.end < link.key or any(
            other.news_id != link.news_id for other in doc.article_links_between(line.start,
                                                                                 line.end)):
        return []
    return [line]


def _without_leading_date(title: str, published_on: date, container: etree._Element) -> str:
    """``2024-12-16威凯尔…`` or ``11 Nov Vcare…``: a title opening with the item's own date
    shows the date before the headline. A date followed by a comma opens a sentence and
    stays."""
    found = split_leading_date(title)
    if found is not None and found[0] == published_on:
        rest = found[1]
    else:  # "<time>11 Nov</time> Vcare Passes Inspection": the date's box shows no year
        short = split_leading_day_and_month(title)
        if short is None or short[:2] != (published_on.month, published_on.day) \
                or not _shown_as_box(container, title[: len(title) - len(short[2])]):
            return title  # "June 5 World Environment Day" keeps its date
        rest = short[2]
    rest = rest.lstrip(_DATE_TRAIL)
    if not rest or rest[0] in ",，、" or not any(map(str.isalpha, rest)):
        return title
    return rest


def _shown_as_box(container: etree._Element, text: str) -> bool:
    """``text`` is what a box of its own in the item shows (``<time>11 Nov</time>``,
    ``<span class="date">11 Nov</span>``), not the start of a headline's words."""
    shown = " ".join(text.split())
    return any(" ".join("".join(element.itertext()).split()) == shown
               for element in container.iter() if element.tag != "a")


def _is_furniture(line: Line) -> bool:
    """Date boxes, labelled date lines, "Read more" buttons and view counters ("Hits: 377"):
    lines that are neither title nor summary."""
    text = line.text
    # A box of digits and separators ("08", "2021/03") is a piece of a split date.
    return (not text or not any(map(str.isalpha, text)) or bool(labels.READ_MORE.match(text))
            or _is_date_text(line.spaced) or _is_view_counter(text)
            or (len(text) <= _DAY_MONTH_MAX and is_day_and_month(text)))


def _is_particulars(line: Line) -> bool:
    """An item's particulars on one line: a view count beside its category tag ("企业文化
    阅读 412", "Company News" then a count behind an eye icon), labelled fields ("分类:公司
    新闻 | 浏览:517 | 评论:0"), a date and a count ("27 Aug 2024 · 874 views"). Every part
    (between separators, else every box) is a counter, a field, a date or a tag's few words,
    and one at least is a counter or a field: a summary is a sentence."""
    text = line.text
    # Only lines ending as a counter does or holding a label's colon pay for the regexes.
    if len(text) > _PARTICULARS_MAX or not (
            text[-1].isdigit() or text.endswith(_COUNTER_ENDS) or ":" in text or "：" in text):
        return False
    parts = [part.strip() for part in _PARTICULAR_SEPARATORS.split(text)]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        parts = line.words
    counted = False
    for index, part in enumerate(parts):
        if labels.VIEW_COUNTER.fullmatch(part) or labels.FIELD_LABEL.match(part) or (
                index and labels.VIEW_COUNT.match(part)
                and not parts[index - 1].endswith((":", "："))):  # "granted: 15" is a value
            counted = True
        elif not (_is_date_text(part) or _is_tag_words(part)):
            return False
    return counted


def _is_tag_words(text: str) -> bool:
    """A category's name: a few words, no sentence, no label waiting for its value."""
    return (len(text) <= _TAG_WORDS_MAX and len(text.split()) <= 3
            and not text.endswith((*_SENTENCE_ENDS, ":", "：")))


def _is_view_counter(text: str) -> bool:
    # A counter ends in its number, or in 次 / "views"; only such lines pay for the regex.
    return ((text[-1].isdigit() or text.endswith(_COUNTER_ENDS))
            and labels.VIEW_COUNTER.fullmatch(text) is not None)


def _is_date_text(text: str) -> bool:
    """A date or a labelled date ("发布时间：2024-10-04"), alone, in brackets, behind a bullet
    or before a "Read more" button: what an item shows besides its title and summary."""
    if not may_hold_a_year(text):  # the cheap test first: most texts hold no year at all
        return False
    if is_date_only(text) or labels.is_labelled_date(text):
        return True
    if len(text) > _DATE_TEXT_MAX:
        return False
    core = labels.READ_MORE_AT_END.sub("", text).strip(_DATE_WRAPPERS)
    return core != text and (is_date_only(core) or labels.is_labelled_date(core))


def item_date(container: etree._Element, lines: list[Line]) -> date | None:
    for time in container.iter("time"):
        machine = from_iso(time.get("datetime"))
        if machine:
            return machine.date()
    date_lines = " ".join([line.spaced for line in lines
                           if len(line.text) <= 12 or not _looks_like_prose(line.text)])
    return (parse_date(date_lines) or parse_date(" ".join([line.spaced for line in lines]))
            or _date_of_number_boxes(lines))


def _date_of_number_boxes(lines: list[Line]) -> date | None:
    """A date drawn as bare number boxes (the "/" by CSS): the item's first lines while they
    hold only numbers ("24", "2025 10"), else one such line of its own after the headline,
    written as dates are, with two-digit month and day ("2025 11 20", "2025 03 07"), or in a
    box named a date. Counts ("<i></i>2024 <i></i>5 <i></i>12", icons drawn by CSS) are no
    date."""
    leading = []
    for line in lines:
        if any(map(str.isalpha, line.text)):
            break
        leading.append(line.spaced)
    found = date_of_bare_boxes(" ".join(leading))
    if found is not None:
        return found
    for line in lines[len(leading):]:
        if not any(map(str.isalpha, line.text)) and not _has_icons(line.block) \
                and (_ZERO_PADDED.match(line.spaced) or _named_as_date(line.block)):
            found = date_of_bare_boxes(line.spaced)
            if found is not None:
                return found
    return None


def _named_as_date(block: etree._Element) -> bool:
    """A fast path only: a box whose class says it is a date ("date", "time") may write it
    without zeros ("2025 3 7")."""
    names = (block.get("class") or "").lower()
    return "date" in names or "time" in names


def _has_icons(block: etree._Element) -> bool:
    return next(block.iter("i", "img", "svg"), None) is not None


def _looks_like_prose(text: str) -> bool:
    """More than 40 characters or 12 letters (so never 12 characters or fewer)."""
    return len(text) > 40 or sum(map(str.isalpha, text)) > 12


def _first_heading_and_bold(
        doc: Document, container: etree._Element,
) -> tuple[etree._Element | None, etree._Element | None]:
    """The first heading in ``container`` and, when it holds none, the first bold run. A
    heading that shows only the date (Z-Blog's ``<h4 class="post-date">``) is not the
    headline.

    One plain walk: ``iter(*tags)`` costs more to set up than an item has elements."""
    bold = None
    for element in container.iter():
        tag = element.tag
        if tag in HEADING_TAGS:
            if _is_date_text(doc.text(element)):
                continue
            return element, bold
        if bold is None and tag in _EMPHASIS_TAGS:
            bold = element
    return None, bold


def _has_key_between(line: Line, low: float, high: float) -> bool:
    """Some text run of ``line`` lies strictly between keys ``low`` and ``high`` (a line's
    keys rise from ``line.start`` to ``line.end``)."""
    if line.start >= high or line.end <= low:
        return False
    return line.start > low or any(low < key < high for key in line.keys)


def item_title_and_summary(doc: Document, link: Link, container: etree._Element,
                           prose: list[Line]) -> tuple[str | None, str | None]:
    """The item's heading (None when it shows only a summary) and its one-line summary.

    Without a heading element, the title is what the article link itself says, even when
    the summary follows on the same line; a lone sentence is a summary, not a title.
    """
    texts = [line.text for line in prose]
    heading, bold = _first_heading_and_bold(doc, container)
    if heading is not None:
        title = doc.text(heading) or None
        return title, _longest(text for text in texts if text != title)
    lead = _emphasised_lead(doc, bold, prose) if bold is not None else None
    if lead is not None:
        index, title, rest = lead
        texts[index] = rest
        return title, _longest(texts)
    low, high = doc.start(link.element), doc.end(link.element)
    title_index: int | None = next(
        (i for i, line in enumerate(prose) if _has_key_between(line, low, high)), None)
    title: str | None = None
    if title_index is not None:
        line = prose[title_index]
        if low < line.start and line.end < high:  # all of the line is in the link
            boxes = _title_and_summary_boxes(line)
            if boxes is not None and len(prose) == 1:
                return boxes
            title = line.text
        else:  # "<a>Title</a><span>Summary</span>" on one line
            title = link.text
            texts[title_index] = line.text.replace(title, "", 1).strip()
            title_index = None
    elif texts and not _shows_other_than_title(doc, link):
        title_index = 0
        title = texts[0]
    if title is not None and len(texts) == 1 and title_index == 0 and _is_sentence(title):
        return None, title
    if title is not None and (labels.READ_MORE.match(title) or is_date_only(title)):
        title, title_index = None, None
    summary = _longest(text for i, text in enumerate(texts) if i != title_index)
    return title or None, summary


def _title_and_summary_boxes(line: Line) -> tuple[str | None, str] | None:
    """(title, summary) when one line holds the date's boxes, then a headline box and a
    sentence box, or a sentence box alone (inline ``<span>``s the stylesheet stacks);
    None when its boxes do not read so."""
    boxes = line.words
    if len(boxes) < 2:
        return None
    first = 0
    while first < len(boxes) and (not any(map(str.isalpha, boxes[first]))
                                  or is_date_only(boxes[first])):
        first += 1  # "13", "2025 / 10"
    rest = boxes[first:]
    if len(rest) == 2 and _is_sentence(rest[1]) and not _is_sentence(rest[0]):
        return rest[0], rest[1]
    if len(rest) == 1 and first and _is_sentence(rest[0]):
        return None, rest[0]
    return None


def _emphasised_lead(doc: Document, bold: etree._Element,
                     prose: list[Line]) -> tuple[int, str, str] | None:
    """``<span>date</span> <strong>Title</strong> <em>Summary</em>`` run together on one line:
    a bold run (the item's first) that opens its line (after the date) and is followed by
    more text reads as the headline, the rest of the line as the summary. Returns (line
    index, title, rest)."""
    low, high = doc.start(bold), doc.end(bold)
    for index, line in enumerate(prose):
        if not _has_key_between(line, low, high):
            continue
        inside = [i for i, key in enumerate(line.keys) if low < key < high]
        before = " ".join(line.words[: inside[0]])
        after = line.words[inside[-1] + 1:]
        if (before and any(map(str.isalpha, before)) and not is_date_only(before)) \
                or not any(any(map(str.isalpha, word)) for word in after):
            return None
        title = doc.text(bold)
        at = line.text.find(title)
        if not title or at < 0 or not any(map(str.isalpha, title)):
            return None
        return index, title, line.text[at + len(title):].strip()
    return None


def _shows_other_than_title(doc: Document, link: Link) -> bool:
    """A link wrapping a date box (and an empty title box) shows no title at all."""
    text = link.text
    return bool(text) and not labels.READ_MORE.match(text)


def _longest(texts) -> str | None:
    """The longest text that says something: a bullet ("·") or separator left beside the
    title is not a summary, nor is a date left beside it ("2024年08月16日", "11 Nov"), a
    category tag ("[公司新闻]") or a view counter ("386 views")."""
    candidates = [text for text in map(_without_date_and_button, texts)
                  if text and any(map(str.isalpha, text))
                  and (len(text) > _DATE_TEXT_MAX or not _is_date_text(text))
                  and not _is_tag(text) and not _is_view_counter(text)
                  and not (len(text) <= _DAY_MONTH_MAX and is_day_and_month(text))]
    return max(candidates, key=len) if candidates else None


def _without_date_and_button(text: str) -> str:
    """A summary line without the item's date in brackets before it ("[2024-10-10] …") and
    the button after it ("… [详细]")."""
    if text[-1:] in _BUTTON_ENDS:
        text = labels.READ_MORE_AT_END.sub("", text)
    if text[:1] in _OPENING_BRACKETS:
        dated = split_leading_date(text[1:])
        if dated is not None and dated[1][:1] in _CLOSING_BRACKETS and dated[1][1:].strip():
            text = dated[1][1:]
    return text.strip()


def _is_tag(text: str) -> bool:
    """The item's category: a short name in brackets ("[公司新闻]"), or a section's name
    alone (a "Company News" badge)."""
    if len(text) > _TAG_WORDS_MAX:
        return False
    return (text[:1] in _OPENING_BRACKETS and text[-1:] in _CLOSING_BRACKETS
            and len(text) <= _TAG_MAX) or labels.SECTION_NAME.match(text) is not None


def _is_sentence(text: str) -> bool:
    """Summaries read as sentences; headlines are short and rarely end in a full stop."""
    if len(text) > _TITLE_MAX:
        return True
    if not text.endswith(_SENTENCE_ENDS):
        return False
    return len(text.split()) > 12 or len(text) > 60 or (text.endswith("。") and len(text) > 20)
