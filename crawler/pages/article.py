"""An article page: one method per field of ``crawler.items.Article``.

The site's header reads ``Published Time:`` / ``2025-11-11 17:02`` / ``Source:`` (the
source is often empty, and some pages put a view counter on the same line); the body
follows, then ``Previous Page`` / ``Next Page`` links and a ``Related News`` block.
Everything is found from those words and from the ``/news_detail/<id>`` link pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from crawler.items import Article, NewsLink
from crawler.pages import labels
from crawler.pages.body import body_pieces, html_of_pieces, images_in_pieces, text_of_lines
from crawler.pages.dates import (
    find_datetime,
    from_iso,
    is_date_only,
    parse_datetime,
    split_trailing_date,
)
from crawler.pages.dom import Document, Line, Link, normalize
from crawler.pages.items import news_items
from crawler.pages.language import page_language
from crawler.pages.lazy import cached_property
from crawler.pages.navigation import breadcrumb_trail, canonical_link, title_from_title_tag
from crawler.pages.neighbours import neighbour_links
from crawler.pages.structured import published_in_json_ld
from crawler.pages.urls import canonical_url, news_id_from_url

_TITLE_SEPARATORS = frozenset("-_|｜–—:：·")
_HEADER_LOOKBEHIND = 3
_HEADER_LOOKAHEAD = 12
_LONG_LINE = 200
_PROSE_MIN = 40  # a paragraph of the text, not a subtitle
_BYLINE_MAX = 60
_SHARE_WORDS_MAX = 16
_ATTACHMENTS_MAX = 20  # lines of an attachments box
_ROW_LINES_MAX = 8  # boxes of a byline row
# The words joining a byline row's boxes ("2025-11-20 — by <a>Newsroom</a> in <a>News</a>").
_BYLINE_WORDS = frozenset(("by", "in", "on", "at", "posted", "published", "written",
                           "filed", "under", "作者", "发布于", "发表于", "分类", "栏目"))
_ROW_PUNCTUATION = " —–-|·•/:：,，"
_BYLINE_PART_MAX = 20  # a name or a place beside a byline's date
_SENTENCE_MARKS = frozenset("，。！？；,;!?")
_OTHER_DATE_WORD = re.compile(r"updated|modified|revised|reviewed|edited|更新|修改|修订",
                              re.IGNORECASE)
_TOOLS_MAX = 5  # header tool lines (share bar, font size, comment count) under the header
_OTHER_NEWS_TRIES = 3
_DOCUMENT_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps)(?![A-Za-z0-9])",
                            re.IGNORECASE)
_BYLINE_SEPARATORS = re.compile(r"\s[|丨｜·•]\s|[|丨｜]")
_BY = re.compile(r"^\s*(?:By|(?:Posted|Written|Published)\s+by|文\s*[/／]|文丨)\s*\S",
                 re.IGNORECASE)
_FULL_STOPS = (".", "。", "!", "！", "?", "？")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_OPENING_BRACKETS = " （(【["
# Where tag links and share buttons lead: "/tag/cdmo", "?tag=cdmo", Blogger's "/search/label/",
# "linkedin.com/shareArticle?…", "facebook.com/sharer.php?…", "twitter.com/intent/tweet?…".
_TOOL_ADDRESS = re.compile(r"[/?&](?:tags?|labels?|search/label)[/=]|/share(?:Article|r\.php)?\b"
                           r"|/intent/(?:tweet|post)\b|addtoany\.com/", re.IGNORECASE)
_TOOL_ADDRESS_WORDS = ("tag", "label", "share", "intent/", "addtoany")
_TOOL_TEXT_MAX = 20  # a tag's or a share button's words


class ArticlePage:
    """Extraction of one article page; every public method is one field."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._line_labels: dict[Line, tuple[re.Match[str] | None, list[re.Match[str]]]] = {}

    # --- identity ----------------------------------------------------------------------

    @cached_property
    def _identity(self) -> tuple[str | None, str]:
        own = news_id_from_url(self.doc.url)
        if own:
            return own, canonical_url(self.doc.url)
        declared = canonical_link(self.doc)
        if declared and news_id_from_url(declared):
            return news_id_from_url(declared), canonical_url(declared)
        return None, canonical_url(self.doc.url)

    def news_id(self) -> str | None:
        return self._identity[0]

    def url(self) -> str:
        return self._identity[1]

    def language(self) -> str:
        def sample() -> str:
            return f"{self.title() or ''} {' '.join(line.text for line in self.doc.lines[:200])}"

        return page_language(self.doc.html_lang, self.url(), sample)

    # --- header --------------------------------------------------------------------

    @cached_property
    def title_element(self) -> etree._Element | None:
        """The visible headline: the heading that repeats ``og:title``, else the first <h1>."""
        doc = self.doc
        # Chrome is checked only for a heading that would be chosen (the check is the dearer).
        headings = [element for element in doc.body.iter("h1", "h2", "h3") if doc.text(element)]
        announced = doc.meta("og:title", "twitter:title") or title_from_title_tag(doc.title_tag)
        if announced:
            for element in headings:
                text = doc.text(element)
                if (text == announced or (len(text) >= 8 and announced.startswith(text))) \
                        and not self._heading_in_chrome(element):
                    return element
        for element in headings:
            if element.tag == "h1" and not self._heading_in_chrome(element):
                return element
        if announced:
            for line in doc.lines:
                if line.text == announced and not doc.in_chrome(line.start):
                    return line.block
        # "<title>Headline-Industry News-Company</title>": separators without spaces, so the
        # headline is the line the <title> starts with, up to a separator.
        whole = doc.title_tag
        for line in doc.lines:
            text = line.text
            if (len(text) >= 8 and len(whole) > len(text) and whole.startswith(text)
                    and whole[len(text)] in _TITLE_SEPARATORS and not doc.in_chrome(line.start)):
                return line.block
        # No heading, and <title> holds only the site's name or "新闻详情": the headline is
        # the line shown right above the "Published Time" line (a bold <p>, a plain <div>).
        return self._line_above_published()

    def _heading_in_chrome(self, heading: etree._Element) -> bool:
        return self.doc.in_chrome(self.doc.start(heading) + 0.1)

    def _line_above_published(self) -> etree._Element | None:
        doc = self.doc
        shown = [line for line in doc.lines if not doc.in_chrome(line.start)]
        for index, line in enumerate(shown):
            if _shows_published(line, shown[index + 1] if index + 1 < len(shown) else None):
                break
        else:
            return None
        if index == 0:
            return None
        above = shown[index - 1]
        # The headline's box holds that line alone (a box reaching into the header is not it).
        if doc.end(above.block) > line.start or not labels.reads_as_headline(above.text):
            return None
        return above.block

    @cached_property
    def _title_lines(self) -> tuple[list[Line], bool]:
        """The headline's lines, and whether they are fewer than ``title_element``'s: a date
        or label line may share its box (PHPCMS: "<h1>Title<br><span>2024-11-18 09:30
        来源：…</span></h1>"), and is not part of it."""
        lines = self.doc.lines_in(self.title_element) if self.title_element is not None else []
        for index, line in enumerate(lines[1:], 1):
            alone, matches = self._labels_on(line)
            if alone or matches or is_date_only(line.spaced):
                return lines[:index], True
        return lines, False

    @cached_property
    def _title(self) -> str | None:
        if self.title_element is not None:
            lines, cut = self._title_lines
            if cut:
                return " ".join(line.text for line in lines) or None
            return self.doc.text(self.title_element) or None
        return self.doc.meta("og:title") or title_from_title_tag(self.doc.title_tag) or None

    def title(self) -> str | None:
        return self._title

    @cached_property
    def _title_line_index(self) -> int | None:
        if self.title_element is None:
            return None
        lines = self._title_lines[0]
        if lines:
            return self.doc.line_index(lines[-1])
        return self.doc.line_index_at(self.doc.end(self.title_element)) - 1

    @cached_property
    def header_lines(self) -> list[Line]:
        """The lines around the headline where Published/Source labels live."""
        doc, index = self.doc, self._title_line_index
        if index is None:
            candidates = [line for line in doc.lines if not doc.in_chrome(line.start)]
            first = next(
                (
                    i
                    for i, line in enumerate(candidates)
                    if any(self._labels_on(line))
                ),
                None,
            )
            return candidates[first : first + 6] if first is not None else []
        low = max(0, index - _HEADER_LOOKBEHIND)
        # A meta list over the headline ("<ul><li>Nov 18, 2025</li><li>By …</li><li>News
        # </li><li>3 Comments</li></ul>") is read whole, though longer than the look-behind.
        if low and low < index:
            box = doc.lines[low].block.getparent()
            # The box holds the whole look-behind, right up to the headline, and not the
            # headline itself: a top bar's date over a menu stays out.
            if box is not None and box is not doc.body and doc.contains(
                    box, doc.lines[index - 1].start) and not doc.contains(
                    box, doc.lines[index].start):
                while low > 0 and doc.contains(box, doc.lines[low - 1].start):
                    low -= 1
        before = [
            line
            for line in doc.lines[low:index]
            if not doc.in_chrome(line.start) and len(line.text) < 80
        ]
        after = []
        for line in doc.lines[index + 1 : index + 1 + _HEADER_LOOKAHEAD]:
            if len(line.text) > _LONG_LINE:
                break
            if not doc.in_chrome(line.start):
                after.append(line)
        return before + after

    def _labels_on(self, line: Line) -> tuple[re.Match[str] | None, list[re.Match[str]]]:
        """The label standing alone on ``line``, else every label on it (``meta_labels``),
        read once per line: the header and its value boxes are looked at more than once."""
        found = self._line_labels.get(line)
        if found is None:
            alone = labels.label_alone(line.spaced)
            matches = [] if alone else labels.meta_labels(line.spaced)
            found = self._line_labels[line] = (alone, matches)
        return found

    @cached_property
    def _labelled(self) -> dict[str, tuple[str, Line]]:
        """The value after each header label (first occurrence), with the line it is on.

        The header opens at its first labelled line (or a date line of its own). A line with
        a sentence of the text between it and that opening (``_sentence_between``) is under
        the text: there only a date line naming the publication counts, when the header
        shows no date ("发布时间：… 来源：…" printed under the text); an author, a count or a
        source there is the text's credit ("编辑：陈雨", "（来源：质量管理部）"), a bare "时间："
        an event's. Under a subtitle or standfirst, a first labelled line opens the header
        when it holds a date; other labelled lines there are the header's when right above
        the opening, or when the page has no opening and one sentence at most stands above
        them; else they are credits under a text dated elsewhere (a byline, ``<meta>``)."""
        found: dict[str, tuple[str, Line]] = {}
        opening: Line | None = None
        held: list[Line] = []  # labelled lines under a standfirst, before the opening
        dated = False  # the header shows its date above the line at hand
        for line in self.header_lines:
            alone, matches = self._labels_on(line)
            if not (alone or matches):
                if is_date_only(line.spaced) and (
                        opening is None or not self._sentence_between(opening, line)):
                    opening, dated = opening or line, True
                continue
            published = any(match.lastgroup == "published" for match in matches) or (
                alone is not None and alone.lastgroup == "published")
            if opening is None:
                if self._sentence_between(None, line) and not published:
                    held.append(line)
                    continue
                opening = line
                for above in held:
                    if not self._sentence_between(above, line):
                        self._record_labels(above, found)
                held = []
            elif (sentences := self._sentences_above(line, opening)) and (
                    dated or alone or not published or _ends_body(line)
                    or not (any(map(_names_publication, matches)) or sentences == 1)):
                continue  # under the text; a bare "日期：" counts under a standfirst only
            dated = dated or published or find_datetime(line.spaced) is not None
            self._record_labels(line, found)
        if opening is None:
            for line in held:
                if self._sentences_above(line) <= 1:
                    self._record_labels(line, found)
        return found

    def _sentences_above(self, line: Line, upper: Line | None = None) -> int:
        """Sentences of the text (0, 1, or 2 for more; not the headline, not chrome) between
        the headline (or ``upper``) and ``line``. Under a text of short ``<br>`` lines, the
        text's last lines fall among the header lines."""
        doc = self.doc
        low = doc.end(self.title_element) if self.title_element is not None else -1.0
        if upper is not None:
            low = max(low, upper.end)
        count = 0
        for above in doc.lines_between(low, line.start):
            if self._is_sentence_of_text(above):
                count += 1
                if count == 2:
                    break
        return count

    def _record_labels(self, line: Line, found: dict[str, tuple[str, Line]]) -> None:
        alone, matches = self._labels_on(line)
        if alone:
            found.setdefault(alone.lastgroup or "", ("", line))
            return
        for match, following in zip(matches, [*matches[1:], None], strict=False):
            stop = following.start() if following else len(line.spaced)
            value = line.spaced[match.end() : stop]
            found.setdefault(match.lastgroup or "", (value, line))

    def _sentence_between(self, upper: Line | None, lower: Line) -> bool:
        """A sentence of the text lies between the two lines (the headline and ``lower``
        when ``upper`` is None)."""
        return self._sentences_above(lower, upper) > 0

    def _value_on_next_line(self, line: Line, *, sibling_only: bool) -> tuple[str, Line] | None:
        """A label alone on its line (``<dt>``, ``<td>``) keeps its value in the next box."""
        index = self.doc.line_index(line)
        if index + 1 >= len(self.doc.lines):
            return None
        following = self.doc.lines[index + 1]
        if sibling_only:
            sibling = line.block.getnext()
            while sibling is not None and not isinstance(sibling.tag, str):
                sibling = sibling.getnext()
            if sibling is None or following.block is not sibling:
                return None
        if len(following.text) > 80:
            return None
        alone, matches = self._labels_on(following)
        if alone:
            return None
        # The value box may carry the next label too: "<dd>医药经济报  浏览次数：55</dd>".
        value = following.spaced
        if matches:
            value = value[: matches[0].start()]
            if not value.strip():
                return None
        return value, following

    @cached_property
    def _published(self) -> tuple[datetime | None, Line | None]:
        doc = self.doc
        shown, line = self._published_as_shown
        if shown is None:
            for time in doc.body.iter("time"):
                machine = from_iso(time.get("datetime"))
                if machine:
                    return machine, None
            machine = self._published_in_metadata()
            return (machine, None) if machine is not None else self._date_in_byline()
        if line is not None and shown.hour == shown.minute == shown.second == 0:
            # "Nov 11, 2025" without its time: the page's machine-readable timestamp for the
            # same day completes it (a different day loses to what the visitor reads). Only
            # a <time> up to the date line counts: later ones date related items.
            stamps = [from_iso(time.get("datetime")) for time in doc.body.iter("time")
                      if doc.start(time) <= line.start]
            stamps.append(self._published_in_metadata())
            for machine in stamps:
                if machine is not None and machine.date() == shown.date():
                    return machine, line
        return shown, line

    def _published_in_metadata(self) -> datetime | None:
        """The publication time the page gives machines: a <meta> tag, JSON-LD, else
        microdata in the item holding the headline (Blogger's ``<abbr itemprop=
        "datePublished" title="2025-11-12T17:02:00+08:00">5:02 PM</abbr>``)."""
        doc = self.doc
        title = self.title_element
        return (from_iso(doc.meta("article:published_time", "datePublished"))
                or from_iso(published_in_json_ld(doc.markup))
                or (from_iso(doc.microdata("datePublished", title)) if title is not None
                    else None))

    @cached_property
    def _published_as_shown(self) -> tuple[datetime | None, Line | None]:
        labelled = self._labelled.get("published")
        if labelled:
            value, line = labelled
            if value.strip():
                return parse_datetime(value), line
            following = self._value_on_next_line(line, sibling_only=False)
            if following and is_date_only(following[0]):
                return parse_datetime(following[0]), following[1]
        for line in self.header_lines:
            if is_date_only(line.spaced):
                return parse_datetime(line.spaced), line
            # "2024-11-18 09:30:00 来源：…", "2025-11-18 （来源：新华社）": the date opens a
            # line of labelled values.
            matches = self._labels_on(line)[1]
            before = line.spaced[: matches[0].start()].rstrip(_OPENING_BRACKETS) if matches else ""
            if before and is_date_only(before):
                return parse_datetime(before), line
        # "来源：新华社 2025-11-18 10:20": the date closes a header line's last value (not
        # under a label of its own the patterns do not know: "Updated: 2025-11-20").
        for value, line in self._labelled.values():
            split = split_trailing_date(value)
            if split and not _names_other_date(split[0]):
                return parse_datetime(split[1]), line
        return None, None

    def _date_in_byline(self) -> tuple[datetime | None, Line | None]:
        """A byline's date standing as a box of its own among names (WeChat: "原创 品牌部
        <em>2024-10-23 16:45</em> 发表于江苏"), or as a part of a byline run ("By Vcare
        Communications | 3 December 2025 | 3 min read"): a short line, no sentence, above the
        text; else a date after "发布于" / "Posted on" there, or in the breadcrumb above the
        headline. The last resort: what the page tells machines comes first."""
        for line in self._lines_above_text():
            if len(line.text) > _BYLINE_MAX or line.text.endswith(_FULL_STOPS):
                continue
            if len(line.words) > 1:  # a date as a box of its own
                for run in line.words:
                    if is_date_only(run):
                        return parse_datetime(run), line
            # A date as a part between separators, in a line signed as a byline: "Expo Centre
            # | 10 December 2025" is an event's date.
            parts = [part for run in line.words for part in _BYLINE_SEPARATORS.split(run)]
            if len(parts) > 1 and any(map(_is_byline_part, parts)):
                for part in parts:
                    if is_date_only(part):
                        return parse_datetime(part), line
        for line in self._lines_above_text(breadcrumb=True, standfirst=True):
            if labels.reads_as_sentence(line.text):
                continue  # "The study was published on 20 October 2025 in …"
            found = labels.PUBLISHED_ON.search(line.text)
            if found is not None and len(line.text) <= _LONG_LINE:
                value = parse_datetime(line.text[found.end():])
                if value is not None:
                    return value, line
        return None, None

    def _lines_above_text(self, *, breadcrumb: bool = False,
                          standfirst: bool = False) -> list[Line]:
        """The header lines up to the first paragraph of prose. With ``standfirst``, also the
        one line right under that paragraph, should it be a standfirst over "Posted on …";
        with ``breadcrumb``, the lines just above the headline too, chrome included (Typecho
        prints "发布于 2025.10.20" at the end of its breadcrumb)."""
        lines = []
        prose = False
        for line in self.header_lines:
            if prose:
                lines.append(line)
                break
            if self._is_prose(line):
                if not standfirst:
                    break
                prose = True
                continue
            lines.append(line)
        index = self._title_line_index
        if breadcrumb and index is not None:
            lines = self.doc.lines[max(0, index - _HEADER_LOOKBEHIND): index] + lines
        return lines

    def published_at(self) -> datetime | None:
        return self._published[0]

    @cached_property
    def _source(self) -> tuple[str | None, Line | None]:
        labelled = self._labelled.get("source")
        if not labelled:
            return None, None
        value, line = labelled
        if value.strip():
            return _clean_source(value, line), line
        following = self._value_on_next_line(line, sibling_only=True)
        # The site's "Source:" is often empty, and the next box is then the first paragraph:
        # a source is a short name, never a sentence, nor a share bar ("Share").
        if following and not labels.reads_as_sentence(following[0]) \
                and not labels.AFTER_BODY.match(following[0]):
            return _clean_source(*following), following[1]
        return None, line

    def source(self) -> str | None:
        return self._source[0]

    @cached_property
    def header_end(self) -> float:
        """Key of the last header text: the body starts after it."""
        doc = self.doc
        trailing = self._meta_after_text
        # With the date line printed under the text, the header is what stands above the
        # text's first sentence (a "来源：…" line over that date line is under the text too).
        top = None if trailing is None else self._first_sentence_start(trailing.start)
        keys = [line.end for line in self._labelled_lines()
                if trailing is None or line.start < top]
        if self.title_element is not None:
            keys.append(doc.end(self.title_element))
        end = max(keys) if keys else doc.start(doc.body)
        end = max(end, self._date_row_end(end))
        # A share bar ("Share:" and icon links) or a font-size switch ("字号：大 中 小") right
        # under the header belongs to it; so do its tags and a byline repeating its date.
        header_end = end
        tools = 0
        for line in doc.lines_between(end, doc.end(doc.body)):
            if doc.in_chrome(line.start) or line.start < header_end:
                continue
            if len(line.text) > 60 or tools >= _TOOLS_MAX:
                break
            if labels.HEADER_TOOL.match(line.text):
                tools += 1
                # The tool's box (its icon links too), unless the box holds the text as well
                # ("<article><h1>…<a>3 comments</a><p>…").
                holds_text = self._holds_more_than_links(line)
                header_end = max(header_end, line.end if holds_text else doc.end(line.block))
                continue
            if self._is_link_row(line) or self._repeats_the_date(line):
                tools += 1
                header_end = line.end
                continue
            break
        return header_end

    def _date_row_end(self, end: float) -> float:
        """The end of the row of boxes the header's date line stands in, when that row holds
        only a byline's short words (WordPress: date, "—", "by", author, "in" category as
        boxes of one flex row); else -1."""
        doc, dated, title = self.doc, self._published[1], self.title_element
        if dated is None or dated.start > end or title is None:
            return -1.0
        row = dated.block.getparent()
        if row is None or row is doc.body or doc.contains(row, doc.start(title)):
            return -1.0
        lines = doc.lines_in(row)
        if len(lines) > _ROW_LINES_MAX or next(row.iter("img"), None) is not None \
                or not all(line is dated or self._is_byline_box(line) for line in lines):
            return -1.0
        return doc.end(row)

    def _is_byline_box(self, line: Line) -> bool:
        """A box of a byline row: its words outside links are a byline's joining words ("—",
        "by", "in"), and its links lead to other pages than articles (an author, a
        category)."""
        links, outside = self._links_in(line)
        return not any(link.news_id for link in links) \
            and all(word.casefold() in _BYLINE_WORDS for word in outside)

    def _is_link_row(self, line: Line) -> bool:
        """A line of links to other pages of the site only, none an article or a document:
        the article's tags or categories under its header ("Talent Campus", "#质量管理
        #CDMO"). A notice whose text is its PDF, or a repost's link to the original, is
        text."""
        links = self._links_filling(line)
        site = _host(self.doc.url)
        return bool(links) and all(
            not link.news_id and link.url != self.doc.url and _host(link.url) == site
            and not _DOCUMENT_FILE.search(link.url) for link in links)

    def _is_tag_row(self, line: Line) -> bool:
        """A line of tag or share links only, unlabelled: tags as blog engines mark them
        (``rel="tag"``) or address them (``/tag/cdmo``, ``?tag=cdmo``, ``/search/label/…``),
        share buttons by their services' share addresses."""
        keys = self._tool_link_keys  # most pages have none at all
        if not keys or bisect_right(keys, line.end) == bisect_right(keys, self._opens_after(line)):
            return False
        links = self._links_filling(line)
        if not links or not all(map(_is_tool_link, links)):
            return False
        # A tag marked as one stands alone; by its address alone only a row of short
        # buttons is tools (a quote to tweet, a shared download are text).
        return all(map(_is_marked_tag, links)) \
            or (len(links) > 1 and all(len(link.text) <= _TOOL_TEXT_MAX for link in links))

    def _opens_after(self, line: Line) -> float:
        """A key before any link holding the words of ``line``: such a link opens after the
        line above ends (or in the line's box)."""
        doc = self.doc
        index = doc.line_index(line)
        return doc.lines[index - 1].end if index else doc.start(line.block) - 0.01

    @cached_property
    def _tool_link_keys(self) -> list[float]:
        return [link.key for link in self.doc.links if _is_tool_link(link)]

    def _links_filling(self, line: Line) -> list[Link]:
        """The links holding the words of ``line``; empty when some words lie outside them."""
        links, outside = self._links_in(line)
        return links if not outside else []

    def _links_in(self, line: Line) -> tuple[list[Link], list[str]]:
        """The links holding words of ``line``, and its words outside them; separators
        between the links ("CDMO, Awards", "a | b") are not words."""
        doc = self.doc
        links = [link for link in doc.links_between(self._opens_after(line), line.end)
                 if any(doc.start(link.element) < key < doc.end(link.element)
                        for key in line.keys)]
        spans = [(doc.start(link.element), doc.end(link.element)) for link in links]
        outside = [word.strip(_ROW_PUNCTUATION)
                   for run, key in zip(line.words, line.keys, strict=True)
                   if not any(low < key < high for low, high in spans) for word in run.split()]
        return links, [word for word in outside if word]

    def _repeats_the_date(self, line: Line) -> bool:
        """A byline repeating the article's date as a box of its own (a WeChat article's
        "威凯尔医药 2025年9月26日 10:08 江苏" under the site's own date line)."""
        published = self.published_at()
        if published is None or len(line.words) < 2:
            return False
        dates = [is_date_only(run) and parse_datetime(run) == published for run in line.words]
        # The other boxes are a name and a place, not the rest of a sentence ("<strong>2025年
        # 11月18日</strong>，公司召开…").
        return any(dates) and all(
            is_date or (len(run) <= _BYLINE_PART_MAX and _SENTENCE_MARKS.isdisjoint(run))
            for is_date, run in zip(dates, line.words, strict=True))

    def _holds_more_than_links(self, tool: Line) -> bool:
        """Whether the box of a header tool's line holds more than the tool: words that are
        neither links nor a share bar's own ("扫一扫 分享到朋友圈"), such as a photo story's
        captions, or pictures of a photo story."""
        doc, block = self.doc, tool.block
        anchors = [(doc.start(anchor), doc.end(anchor)) for anchor in block.iter("a")]
        if any(line is not tool and not _is_share_words(line) and _has_words_outside(line, anchors)
               for line in doc.lines_in(block)):
            return True
        # A photo story without captions; a share bar has one QR code at most.
        return sum(next(image.iterancestors("a"), None) is None
                   for image in block.iter("img")) > 1

    @cached_property
    def _meta_after_text(self) -> Line | None:
        """The date line when the template prints it under the text ("发布时间：… 来源：…"
        after the last paragraph): two sentences of the text or more stand between the
        headline and it, and none after it. The body ends there, and starts after the
        headline."""
        doc, line = self.doc, self._published[1]
        if line is None or self.title_element is None:
            return None
        before = sum(map(self._is_sentence_of_text,
                         doc.lines_between(doc.end(self.title_element), line.start)))
        if before < 2:
            return None
        # Under the text, not above it: no paragraph follows before what ends a body (a
        # standfirst of two paragraphs above the date line is not the text).
        for after in doc.lines_between(line.end, doc.end(doc.body)):
            if doc.in_chrome(after.start):
                continue
            if _ends_body(after):
                break
            if self._is_sentence_of_text(after):
                return None
        return line

    def _is_sentence_of_text(self, line: Line) -> bool:
        return _is_text_sentence(line) and not self.doc.in_chrome(line.start)

    def _first_sentence_start(self, limit: float) -> float:
        """Key of the text's first sentence under the headline, before key ``limit``."""
        doc = self.doc
        low = doc.end(self.title_element) if self.title_element is not None else -1.0
        return next((line.start for line in doc.lines_between(low, limit)
                     if self._is_sentence_of_text(line)), limit)

    def _prose_between(self, low: float, high: float) -> bool:
        return any(map(self._is_prose, self.doc.lines_between(low, high)))

    def _is_prose(self, line: Line) -> bool:
        """A paragraph of the text (long, a sentence), outside page chrome."""
        return len(line.text) > _PROSE_MIN and labels.reads_as_sentence(line.text) \
            and not self.doc.in_chrome(line.start)

    def _labelled_lines(self) -> list[Line]:
        lines = [line for _, line in self._labelled.values()]
        lines += [line for line in (self._published[1], self._source[1]) if line is not None]
        # "<dt>浏览次数：</dt><dd>386</dd>": a count or a name in the box after a lone label
        # is part of the header, not the first line of the body.
        for name in ("views", "author"):
            value, line = self._labelled.get(name, ("-", None))
            if line is None or value.strip():
                continue
            following = self._value_on_next_line(line, sibling_only=True)
            if following and labels.is_header_value(name, following[0]):
                lines.append(following[1])
        return lines

    # --- body --------------------------------------------------------------------

    @cached_property
    def body_end(self) -> float:
        """Key where the body stops: prev/next links, Related News, sharing, footer, or a
        date line printed under the text; below its first line, an editor's credit, a box
        of attachments, a row of tag links or the comments' heading (a contributor's credit
        may open a text, and a comment count may stand in a byline)."""
        doc = self.doc
        trailing = self._meta_after_text
        limit = trailing.start - 0.01 if trailing is not None else doc.end(doc.body)
        related = self._related_range
        if related is not None and related[0] > self.header_end and (
                self._prose_between(self.header_end, related[0])
                or not self._prose_between(related[1], limit)) \
                and not self._text_continues_past(related, limit):
            # A Related News block ends the text; a box beside it does not: placed first in
            # the markup with the text after it, or set within the text.
            limit = min(limit, related[0])
        lines = [line for line in doc.lines_between(self.header_end, limit)
                 if not doc.in_chrome(line.start)]
        for index, line in enumerate(lines):
            if _ends_body(line):
                return line.start - 0.01
            if index and (labels.CREDIT_LINE.match(line.text)
                          or labels.is_comments_heading(line.text)
                          or self._is_tag_row(line)
                          or self._opens_attachments(lines, index)):
                return line.start - 0.01
        return limit

    def _text_continues_past(self, box: tuple[float, float], limit: float) -> bool:
        """The text goes on after a box set within it: the paragraphs right before and
        right after the box are children of one element."""
        doc = self.doc
        before = next((line for line in reversed(doc.lines_between(self.header_end, box[0]))
                       if self._is_prose(line)), None)
        if before is None:
            return False
        after = next((line for line in doc.lines_between(box[1], limit)
                      if self._is_prose(line)), None)
        return after is not None and before.block.getparent() is after.block.getparent()

    def _opens_attachments(self, lines: list[Line], index: int) -> bool:
        """"附件：" opening a box of documents (a PDF, a Word file, by address or by name)
        with nothing else under it: the downloads under the text. An official letter's
        "附件：1.参会回执表" list, or one followed by its signature, is its text."""
        line = lines[index]
        if len(line.text) > 60 or not labels.ATTACHMENTS.match(line.text):
            return False
        # Each line of the box with the key where the line above it ends: a link's key is
        # its element's, before its words, so it lies after that key.
        box = [(line, lines[index - 1].end)]
        rest = lines[index + 1: index + 1 + _ATTACHMENTS_MAX]
        for above, following in zip(lines[index:], rest, strict=False):
            if _ends_body(following) or labels.CREDIT_LINE.match(following.text):
                break
            box.append((following, above.end))
        # The label's own line may hold no file: "附件：" over the list.
        offers = [self._offers_document(box_line, after) for box_line, after in box]
        return any(offers) and all(offers[1:])

    def _offers_document(self, line: Line, after: float) -> bool:
        """The line names a document file, or holds a link to one (a link whose key lies
        between ``after`` and the line's end)."""
        if _DOCUMENT_FILE.search(line.text):
            return True
        keys = self._document_link_keys
        return bisect_right(keys, after) < bisect_right(keys, line.end)

    @cached_property
    def _document_link_keys(self) -> list[float]:
        return [link.key for link in self.doc.links
                if _DOCUMENT_FILE.search(link.url) or _DOCUMENT_FILE.search(link.text)]

    @cached_property
    def _body_lines(self) -> list[Line]:
        doc = self.doc
        # A drawn rule ("------分隔线------") is decoration, not a paragraph; nor is a box of
        # zero-width characters (Webflow's "<p>&zwj;</p>" spacer).
        return [
            line
            for line in doc.lines_between(self.header_end, self.body_end)
            if not doc.in_chrome(line.start) and not labels.is_rule_line(line.text)
            and line.text.strip(_ZERO_WIDTH)
        ]

    def body_text(self) -> str:
        return text_of_lines(self.doc, self._body_lines)

    @cached_property
    def _body_pieces(self) -> list[etree._Element | str]:
        return body_pieces(self.doc, self.header_end, self.body_end)

    def body_html(self) -> str:
        return html_of_pieces(self._body_pieces)

    def images(self) -> list[str]:
        return images_in_pieces(self.doc, self._body_pieces)

    # --- around the body --------------------------------------------------------------

    @cached_property
    def _related_range(self) -> tuple[float, float] | None:
        doc = self.doc
        for line in doc.related_headings:
            if line.start > self.header_end:
                return doc.block_under_heading(line)
        heading = self._related_heading_picture() or self._other_news_heading()
        return doc.block_under_heading(heading) if heading is not None else None

    def _other_news_heading(self) -> Line | None:
        """"More News" / "其他新闻" over news items: read as Related News when the page has
        no such heading. Weaker words, so only a heading of its own (not a "More News >>" link
        to the list), not in a sidebar, and over news items (``_heads_news_items``)."""
        doc = self.doc
        tries = 0
        for line in doc.lines_between(self.header_end, doc.end(doc.body)):
            if len(line.text) <= 30 and labels.OTHER_NEWS_HEADING.match(line.text) \
                    and not doc.in_chrome(line.start) and next(line.block.iter("a"), None) is None:
                low, high = doc.block_under_heading(line)
                if self._heads_news_items(line, high):
                    return line
                tries += 1
                if tries == _OTHER_NEWS_TRIES:
                    break
        return None

    def _heads_news_items(self, heading: Line, end: float) -> bool:
        """News items under the heading, up to key ``end``: dated ones, or links with no
        sentence outside them in the heading's box (a card's summary is inside its link; the
        text's own "More News" subsection has sentences outside its links, or after them)."""
        doc = self.doc
        items = news_items(doc, heading.start, end)
        if any(item.published_on for item in items):
            return True
        links = doc.article_links_between(heading.end, end)
        if not items or not links:
            return False
        spans = [(doc.start(link.element), doc.end(link.element)) for link in links]
        box = heading.block.getparent()
        box_end = doc.end(box) if box is not None else end
        # No sentence outside the links among them, nor after them in the heading's box (a
        # text's subsection goes on with paragraphs).
        return not any(
            self._is_prose(line) and _has_words_outside(line, spans)
            for line in doc.lines_between(heading.end, max(spans[-1][1], box_end)))

    def _related_heading_picture(self) -> Line | None:
        """A "Related News" heading drawn as a picture (``<img alt="Related News">``), as a
        line of its own words."""
        doc = self.doc
        for image in doc.body.iter("img"):
            words = normalize(image.get("alt"))
            if words and len(words) <= 60 and labels.RELATED_HEADING.match(words):
                key = doc.start(image)
                if key > self.header_end:
                    return Line(image, key, words, words)
        return None

    def related(self) -> list[NewsLink]:
        if self._related_range is None:
            return []
        low, high = self._related_range
        published = self.published_at()
        items = news_items(self.doc, low, high, respect_chrome=False,
                           skip=tuple(self.doc.sidebar_ranges),
                           dated=published.date() if published is not None else None)
        return [item for item in items if item.news_id != self.news_id()]

    @cached_property
    def _neighbours(self) -> dict[str, str]:
        return neighbour_links(self.doc, self.header_end, self._related_range, self.news_id())

    def previous(self) -> str | None:
        return self._neighbours.get("previous")

    def next(self) -> str | None:
        return self._neighbours.get("next")

    def section(self) -> str | None:
        trail = [
            name for name in breadcrumb_trail(self.doc, links_only=True) if name != self.title()
        ]
        return trail[-1] if trail else None

    # --- the whole -------------------------------------------------------------------

    def is_article(self) -> bool:
        """An article names itself by id and shows a headline with a date or a body."""
        if not self.news_id():
            return False
        title = self.title()
        if not title:
            return False
        if self.published_at() is not None:
            return True
        # No date: a headline and a body, unless the headline is an error page's ("页面不存在",
        # "404"), which a site may serve at an article's address with its usual layout.
        return bool(self._body_lines) and not labels.ERROR_PAGE_TITLE.search(title)

    def to_item(self) -> Article:
        return Article(
            news_id=self.news_id() or "",
            url=self.url(),
            language=self.language(),
            title=self.title(),
            published_at=self.published_at(),
            source=self.source(),
            body_text=self.body_text(),
            body_html=self.body_html(),
            images=self.images(),
            previous=self.previous(),
            next=self.next(),
            related=self.related(),
            section=self.section(),
        )


def _has_words_outside(line: Line, spans: list[tuple[float, float]]) -> bool:
    """Some text run of ``line`` lies outside every key range of ``spans`` (elements' start
    and end keys: links, mostly)."""
    return not all(any(low < key < high for low, high in spans) for key in line.keys)


def _is_share_words(line: Line) -> bool:
    """A share bar's own short words ("扫一扫 分享到朋友圈", "Share on WeChat")."""
    return len(line.text) <= _SHARE_WORDS_MAX and labels.SHARE_WORDS.search(line.text) is not None


def _is_text_sentence(line: Line) -> bool:
    """A sentence of the text: not a labelled summary ("摘要：…。"), which is header."""
    return labels.reads_as_sentence(line.text) and not labels.SUMMARY_LABEL.match(line.text)


def _names_publication(match: re.Match[str]) -> bool:
    """A published label naming the publication ("发布时间", "Published Time"), not a bare
    "时间" / "Date", which may be an event's."""
    return match.lastgroup == "published" and labels.PUBLICATION_WORD.match(match.group()) \
        is not None


def _is_byline_part(part: str) -> bool:
    """A part only a byline has: its author ("By …", "作者：…") or a reading time or count."""
    return bool(_BY.match(part) or labels.VIEW_COUNTER.fullmatch(part.strip())
                or any(match.lastgroup == "author" for match in labels.meta_labels(part)))


def _shows_published(line: Line, following: Line | None) -> bool:
    """A "Published Time" label with its date, on the line or alone above it."""
    alone = labels.label_alone(line.spaced)
    if alone:
        return (alone.lastgroup == "published" and following is not None
                and is_date_only(following.spaced))
    return any(
        match.lastgroup == "published" and parse_datetime(line.spaced[match.end():]) is not None
        for match in labels.meta_labels(line.spaced)
    )


def _clean_source(value: str, line: Line) -> str | None:
    """The source name: no view counter, labelled ("浏览次数：55") or not, no font-size
    switch after it. An unlabelled counter is a last box of digits on the line, its label an
    eye icon drawn by the stylesheet."""
    split = split_trailing_date(value)  # "来源：新华社 2025-11-18": the date is not the source,
    if split:  # nor is its own label ("Source: Vcare Communications Updated: 2025-11-20")
        value = _without_date_label(split[0])
    font_size = labels.FONT_SIZE.search(value)
    if font_size:
        value = value[: font_size.start()]
    cleaned = normalize(labels.VIEW_COUNTER.sub(" ", value))
    last = line.words[-1] if len(line.words) > 1 else ""
    if last.isdigit() and cleaned.endswith(f" {last}"):
        cleaned = cleaned[: -len(last) - 1]
    cleaned = cleaned.strip(labels.VALUE_TRIM)
    if cleaned.replace(",", "").isdigit():
        return None  # an empty source, then a counter behind an icon: "Source: <svg/> 3417"
    return cleaned or None


def _names_other_date(text: str) -> bool:
    """The words before a date end in a label of that date: a colon, or an update's word
    ("Updated", "Last modified", "更新")."""
    words = text.split()
    return bool(words) and (words[-1].endswith((":", "："))
                            or _OTHER_DATE_WORD.search(words[-1]) is not None)


def _without_date_label(text: str) -> str:
    """``text`` without a date's own label at its end (``_names_other_date``)."""
    words = text.split()
    return " ".join(words[:-1] if _names_other_date(text) else words)


def _is_tool_link(link: Link) -> bool:
    """A tag link (``rel="tag"``, or an address naming a tag) or a share button's link. Every
    link of a page is asked: the address is searched only when it holds a word the search
    needs."""
    if _is_marked_tag(link):
        return True
    url = link.url.lower()
    return any(word in url for word in _TOOL_ADDRESS_WORDS) \
        and _TOOL_ADDRESS.search(link.url) is not None


def _is_marked_tag(link: Link) -> bool:
    return "tag" in (link.element.get("rel") or "").lower().split()


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _ends_body(line: Line) -> bool:
    text = line.text
    if labels.PREVIOUS_AT_START.match(text) or labels.NEXT_AT_START.match(text):
        return True
    if line.words and labels.NEIGHBOUR_WORD.match(line.words[0]) and len(text) <= 120:
        return True  # "<span>上一条</span><a>…</a>": the label is a box of its own
    if len(text) > 60:
        return labels.is_post_footer(text)
    return bool(
        line.related
        or line.sidebar
        or labels.AFTER_BODY.match(text)
        or labels.is_post_footer(text)
        or line.copyright
        or labels.is_pager_line(line.words)
    )
