"""Visible words the parser anchors on, English and Chinese."""

import pytest

from crawler.pages import labels
from crawler.pages.dom import Document, parse_tree


@pytest.mark.parametrize(
    "text", ["Published Time:", "发布时间：", "发布日期:", "Source:", "来源："]
)
def test_header_labels_alone_on_a_line(text: str) -> None:
    assert labels.META_LABEL_ALONE.match(text)


def test_several_header_labels_on_one_line_are_told_apart() -> None:
    line = "发布时间：2025-10-21 09:30:45 来源：本站 浏览次数：1024"
    kinds = [match.lastgroup for match in labels.META_LABEL.finditer(line)]
    assert kinds == ["published", "source", "views"]


@pytest.mark.parametrize("text", ["浏览次数：1024", "Views: 12", "阅读 356", "12 views"])
def test_view_counters_are_recognised(text: str) -> None:
    assert labels.VIEW_COUNTER.fullmatch(text.strip())


@pytest.mark.parametrize(
    "text",
    ["Related News", "相关新闻", "Related News More +", "相关新闻 RELATED NEWS",
     "Related News / 相关新闻", "相关资讯 News 更多>>"],
)
def test_related_news_heading(text: str) -> None:
    assert labels.RELATED_HEADING.match(text)


@pytest.mark.parametrize(
    "text", ["Latest News", "最新新闻", "热门资讯", "最新资讯 LATEST", "最新资讯LATEST NEWS"]
)
def test_sidebar_heading_is_not_related_news(text: str) -> None:
    assert labels.SIDEBAR_HEADING.match(text)
    assert not labels.RELATED_HEADING.match(text)


_SIDEBAR_HEADINGS = [
    "Latest News", "Latest Updates", "Recent Posts", "Hot News", "Popular Articles", "Most Read",
    "最新新闻", "最新资讯", "最新动态", "最新文章", "最新发布",
    "最近更新",
    "热门新闻", "热点新闻", "热门资讯", "热点资讯", "热门文章", "热点文章", "热门推荐", "热点推荐",
    "热门阅读", "新闻排行", "点击排行", "阅读排行", "最新资讯 LATEST", "Latest News / 最新资讯",
]
_RELATED_HEADINGS = [
    "Related News", "Related Articles", "Related Posts", "Related Reading", "Related Stories",
    "Recommended News", "Recommended Reading", "You may also like", "相关新闻", "相关资讯",
    "相关文章", "相关阅读", "相关推荐", "推荐新闻", "推荐阅读", "相关新闻 RELATED NEWS",
]


@pytest.mark.parametrize("text", _SIDEBAR_HEADINGS)
def test_every_sidebar_heading_is_read_as_one_on_a_page(text: str) -> None:
    # Through the page index, whose first-character prefilter must know every heading.
    doc = Document("https://x.test/", parse_tree(f"<body><h4>{text}</h4></body>"))
    assert [line.sidebar for line in doc.lines] == [True]
    assert not labels.RELATED_HEADING.match(text)


@pytest.mark.parametrize("text", _RELATED_HEADINGS)
def test_every_related_heading_is_read_as_one_on_a_page(text: str) -> None:
    doc = Document("https://x.test/", parse_tree(f"<body><h4>{text}</h4></body>"))
    assert [line.related for line in doc.lines] == [True]
    assert not labels.SIDEBAR_HEADING.match(text)


@pytest.mark.parametrize(
    "text",
    ["Related News about the VC005 trial results", "相关新闻报道称公司将扩产",
     "Latest News from the phase III study", "最新资讯显示"],
)
def test_a_headline_opening_with_a_heading_word_is_not_a_heading(text: str) -> None:
    assert not labels.RELATED_HEADING.match(text)
    assert not labels.SIDEBAR_HEADING.match(text)


@pytest.mark.parametrize("text", ["Next", "下一页", ">", "»", "Next ›", "Next Page"])
def test_pagination_next(text: str) -> None:
    assert labels.is_page_next(text)


@pytest.mark.parametrize("text", [">>", "尾页", "", "Next steps for VC004"])
def test_not_pagination_next(text: str) -> None:
    assert not labels.is_page_next(text)


@pytest.mark.parametrize("text", ["上一篇：", "Previous Page", "Prev", "下一篇:", "Next Page"])
def test_neighbour_labels_at_the_end_of_a_prefix(text: str) -> None:
    assert labels.NEIGHBOUR_LABEL_AT_END.search(text)


def test_a_sentence_starting_with_next_is_not_a_neighbour_label() -> None:
    assert not labels.NEXT_AT_START.match("Next, the company will expand the trial.")


@pytest.mark.parametrize("text", ["English", "EN", "中文", "CN", "简体中文"])
def test_edition_names(text: str) -> None:
    assert labels.EDITION_NAME.match(text)


# The line checks skip their regex when a line cannot match; they must answer as it does.
_LINES = [
    "Copyright © 2025 Jiangsu Vcare", "版权所有 © 2025", "苏ICP备00000000号-1",
    "All Rights Reserved.", "ALL\nRIGHTS  RESERVED", "cOpYrIgHt 2024", "copyrıght", "COPYRİGHT",
    "All rightſ reserved", "rights of patients", "Ｃopyright", "On behalf of the company.",
    "发布时间：2025-10-21 来源：本站", "Published Time: 2025-11-11 17:02 Source:", "Source：",
    "Time to market: 2 years", "Published Time", "Published Time :", "Published Date:",
    "Release Date", "View Count：", "文章来源：", "no label here", "",
    "新实验室具备公斤级合成能力。", "新设备投入使用", "苏公网安备32019102000000号", "京icp备1号",
]


@pytest.mark.parametrize("text", _LINES)
def test_copyright_check_agrees_with_the_regex(text: str) -> None:
    assert labels.mentions_copyright(text) == bool(labels.COPYRIGHT.search(text))


@pytest.mark.parametrize("text", ["新实验室具备公斤级合成能力。", "采购新设备", "做好准备工作"])
def test_prose_holding_bei_is_not_a_copyright_line(text: str) -> None:
    assert not labels.mentions_copyright(text)
    assert labels.lines_mentioning_copyright([_Text(text)]) == []


@pytest.mark.parametrize("text", ["苏ICP备17054321号-1", "苏公网安备32019102000000号"])
def test_filing_numbers_are_copyright_lines(text: str) -> None:
    assert labels.mentions_copyright(text)


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


def test_the_copyright_lines_of_a_page_are_those_the_line_check_finds() -> None:
    one_line = [_Text(" ".join(text.split())) for text in _LINES]
    # ı, İ and ſ send the whole page to the line-by-line check; without them, the byte search.
    plain = [line for line in one_line if not set(line.text) & set("ıİſ")]
    for lines in (one_line, [_Text(text) for text in _LINES], plain, plain[::-1]):
        expected = [line for line in lines if labels.mentions_copyright(line.text)]
        assert labels.lines_mentioning_copyright(lines) == expected


@pytest.mark.parametrize("text", _LINES)
def test_meta_label_checks_agree_with_the_regex(text: str) -> None:
    assert [m.span() for m in labels.meta_labels(text)] == [
        m.span() for m in labels.META_LABEL.finditer(text)]
    assert bool(labels.first_meta_label(text)) == bool(labels.META_LABEL.search(text))
    spaced = " ".join(text.split())
    assert bool(labels.label_alone(spaced)) == bool(labels.META_LABEL_ALONE.match(spaced))


@pytest.mark.parametrize("text", [
    "Home > News", "  home>News", "首页 > 新闻中心", "当前位置：首页", "您现在的位置: 首页",
    "Location: Home",
    "Current Location > News", "You are here: Home", "your location", "位置：首页", "Homepage",
    "News > Home", "English", " EN ", "中文版", "chinese", "English version", "ENGLISH", "",
])
def test_breadcrumb_and_edition_checks_agree_with_the_regex(text: str) -> None:
    assert labels.starts_breadcrumb(text) == bool(labels.BREADCRUMB_START.match(text))
    assert labels.is_edition_name(text) == bool(labels.EDITION_NAME.match(text))


@pytest.mark.parametrize("text", [
    "3月中旬，公司组织完成了年度体系内部审核。",
    "Jiangsu Vcare announced that the first patient has been dosed in the study.",
])
def test_a_sentence_is_not_a_name(text: str) -> None:
    assert labels.reads_as_sentence(text)
    assert not labels.is_header_value("author", text)


@pytest.mark.parametrize("text", ["Jiangsu Vcare PharmaTech Co., Ltd.", "医药经济报", "新华社。"])
def test_a_name_is_not_a_sentence(text: str) -> None:
    assert not labels.reads_as_sentence(text)


@pytest.mark.parametrize(("value", "is_count"), [("386", True), ("1,024次", True),
                                                ("12 views", True), ("正文第一段。", False)])
def test_a_view_count_reads_as_a_number(value: str, is_count: bool) -> None:
    assert labels.is_header_value("views", value) is is_count


@pytest.mark.parametrize(("text", "headline"), [
    ("Vcare Opens a New Laboratory", True), ("威凯尔完成年度内审", True), ("公司新闻", False),
    ("Company News", False), ("Home > News", False), ("2025-03-14", False), ("Source:", False),
    ("Related News", False), ("abc", False),
])
def test_what_reads_as_a_headline(text: str, headline: bool) -> None:
    assert labels.reads_as_headline(text) is headline


@pytest.mark.parametrize("text", [
    "Last", "Last >>", "Last »", "<< First", "« First", "< Prev", "End", "末页", "尾页", "<<", ">>",
])
def test_pager_words_with_their_arrows(text: str) -> None:
    assert labels.PAGER_WORD.match(text)


@pytest.mark.parametrize("text", ["", "Company News", "Last Quarter Results", "Endpoints >>"])
def test_not_pager_words(text: str) -> None:
    assert not labels.PAGER_WORD.match(text)


@pytest.mark.parametrize("text", [
    "发布日期：2024-10-13", "日期: 2024-10-13", "发布时间：2024-10-13 09:30", "Date: Oct 13, 2024",
    "Published Time: 2024-10-13",
])
def test_a_labelled_date_line(text: str) -> None:
    assert labels.is_labelled_date(text)


@pytest.mark.parametrize("text", [
    "2024-10-13", "来源：本站", "发布日期：2024-10-13 来源：本站", "Date: to be announced",
    "On 2024-10-13 the company opened a laboratory.", "Date: 2024-10-13. The company opened",
])
def test_not_a_labelled_date_line(text: str) -> None:
    assert not labels.is_labelled_date(text)


def _top_level_alternatives(pattern: str) -> list[str]:
    alternatives, depth, current = [], 0, ""
    for char in pattern:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += char
    return [*alternatives, current]


def test_every_header_label_starts_with_a_character_the_label_lookahead_admits() -> None:
    for pattern in (labels.PUBLISHED, labels.SOURCE, labels.VIEWS, labels.AUTHOR):
        for alternative in _top_level_alternatives(pattern):
            assert alternative[0].lower() in labels._LABEL_FIRST, alternative
