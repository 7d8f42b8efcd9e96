"""One rule per test: how a news item (a listing entry, a Related News entry) is read."""

from __future__ import annotations

import pytest

from crawler.pages import parse_listing

_LISTING_URL = "https://www.vcarepharmatech.com/news/gongsi/list_3_3.html"


def _item(n: int, inner: str) -> str:
    return f"<dl><dt><a href='/news_detail/190000000000000000{n}-3-1.html'>{inner}</a></dt>"


def test_a_labelled_date_line_is_the_item_date_not_its_summary() -> None:
    html = (
        "<html><body><div class='list'>"
        + _item(1, "公司举办秋季消防应急演练") + "<dd>发布日期：2024-10-13</dd></dl>"
        + _item(2, "威凯尔医药通过环境管理体系认证") + "<dd>近日，公司顺利通过认证审核。</dd>"
        "<dd>发布日期：2024-10-30</dd></dl></div></body></html>"
    )
    first, second = parse_listing(_LISTING_URL, html).items
    assert (first.title, first.summary) == ("公司举办秋季消防应急演练", None)
    assert first.published_on.isoformat() == "2024-10-13"
    assert second.summary == "近日，公司顺利通过认证审核。"


def _inline_items(*inners: str) -> str:
    return "<html><body><ul>" + "".join(
        f"<li><a href='/news_detail/190000000000000000{n}-18-6.html'>{inner}</a></li>"
        for n, inner in enumerate(inners, 1)) + "</ul></body></html>"


def test_a_bold_run_after_the_date_is_the_title_and_the_rest_of_the_line_the_summary() -> None:
    html = _inline_items(
        "<span>2024-11-18</span> <strong>Vcare Wins an Innovation Award</strong> "
        "<em>The company was recognised for its small-molecule discovery work.</em>",
        "<span>2024-11-01</span> <b>Research Center Passes Review</b> "
        "<em>The engineering research center passed its provincial review.</em>",
    )
    first, second = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert first.title == "Vcare Wins an Innovation Award"
    assert first.summary == "The company was recognised for its small-molecule discovery work."
    assert first.published_on.isoformat() == "2024-11-18"
    assert second.title == "Research Center Passes Review"


def test_a_bold_word_inside_the_summary_is_not_a_title() -> None:
    html = _inline_items(
        "<span>2024-11-18</span> The company received <b>two</b> awards at the forum this week.",
        "<span>2024-11-01</span> The research center passed its <b>provincial</b> review today.",
    )
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.title for item in items] == [None, None]
    assert items[0].summary == "2024-11-18 The company received two awards at the forum this week."


def test_a_title_opening_with_the_item_date_loses_the_date() -> None:
    html = _inline_items("<em>2024-12-16</em>威凯尔医药召开年度质量管理评审会议",
                         "<em>2024-12-04</em>威凯尔医药临床试验申请获受理")
    items = parse_listing("https://www.vcarepharmatech.com/news.html", html).items
    assert [item.title for item in items] == ["威凯尔医药召开年度质量管理评审会议",
                                              "威凯尔医药临床试验申请获受理"]
    assert items[0].published_on.isoformat() == "2024-12-16"


def test_a_title_whose_date_opens_a_sentence_keeps_it() -> None:
    html = _inline_items("2024年12月16日，威凯尔召开年度评审会议",
                         "2024年12月4日，威凯尔申请获受理")
    items = parse_listing("https://www.vcarepharmatech.com/news.html", html).items
    assert items[0].title == "2024年12月16日，威凯尔召开年度评审会议"


def test_a_date_left_beside_the_title_is_not_a_summary() -> None:
    """``·title（2024年10月12日）`` and ``<span>2024年08月16日</span><a>title</a>``: the date,
    in brackets or behind a bullet, is the item's date, and the item has no summary."""
    html = (
        "<html><body><ul>"
        "<li>·<a href='/news_detail/1900000000000000001-18-6.html'>公司召开年度质量工作会议</a>"
        "（2024年10月12日）</li>"
        "<li><span>2024年08月16日</span>"
        "<a href='/news_detail/1900000000000000002-18-6.html'>国家药监局发布指导原则</a></li>"
        "</ul></body></html>"
    )
    first, second = parse_listing(_LISTING_URL, html).items
    assert (first.title, first.summary) == ("公司召开年度质量工作会议", None)
    assert first.published_on.isoformat() == "2024-10-12"
    assert (second.title, second.summary) == ("国家药监局发布指导原则", None)
    assert second.published_on.isoformat() == "2024-08-16"


def test_a_labelled_date_before_a_read_more_button_is_not_a_summary() -> None:
    html = (
        "<html><body><div class='card'><h3><a href='/news_detail/1900000000000000003-18-6.html'>"
        "威凯尔医药通过体系认证</a></h3><p></p><div><span>发布时间：2024-10-04</span>"
        "<a href='/news_detail/1900000000000000003-18-6.html'>查看详情 ></a></div></div>"
        "</body></html>"
    )
    (item,) = parse_listing(_LISTING_URL, html).items
    assert (item.title, item.summary) == ("威凯尔医药通过体系认证", None)
    assert item.published_on.isoformat() == "2024-10-04"


def test_a_date_before_a_bracketed_details_link_is_not_a_summary() -> None:
    html = (
        "<html><body><ul><li><a href='/news_detail/1900000000000000004-18-6.html'>"
        "公司参加行业交流会</a><br>2023年12月5日 "
        "<a href='/news_detail/1900000000000000004-18-6.html'>[详细]</a></li></ul></body></html>"
    )
    (item,) = parse_listing(_LISTING_URL, html).items
    assert (item.title, item.summary) == ("公司参加行业交流会", None)
    assert item.published_on.isoformat() == "2023-12-05"


def _slide(n: int, clone_class: str = "") -> str:
    return (f"<div class='slide {clone_class}'>"
            f"<a href='/news_detail/190000000000000000{n}-18-6.html'><span>0{n}</span>"
            f"<span>2024 / 10</span><h4>News number {n}</h4></a></div>")


def test_a_looping_carousel_lists_each_item_once_in_the_order_of_its_real_slides() -> None:
    for clone in ("swiper-slide-duplicate", "slick-cloned", "cloned", "clone"):
        html = ("<html><body><div class='carousel'>" + _slide(3, clone)
                + _slide(1) + _slide(2) + _slide(3) + _slide(1, clone) + "</div></body></html>")
        items = parse_listing(_LISTING_URL, html).items
        assert [item.title for item in items] == [
            "News number 1", "News number 2", "News number 3"], clone
        assert [item.published_on.day for item in items] == [1, 2, 3]


def test_counters_taps_dates_buttons_and_tags_are_not_summaries() -> None:
    html = (
        "<html><body><div class='list'>"
        "<div><h3><a href='/news_detail/1900000000000000001-18-6.html'>Vcare Opens a Lab</a></h3>"
        "<p>Hits: 377</p></div>"
        "<dl><dt><a href='/news_detail/1900000000000000002-18-6.html'>公司通过认证</a></dt>"
        "<dd>点击查看</dd><dd>2024-10-20</dd></dl>"
        "<table><tr><td><a href='/list/6.html'>[公司新闻]</a> "
        "<a href='/news_detail/1900000000000000003-18-6.html'>公司参加展会</a></td></tr>"
        "<tr><td>[2024-09-23] 展会期间，公司展示了综合服务能力。 "
        "<a href='/news_detail/1900000000000000003-18-6.html'>[详细]</a></td></tr></table>"
        "<table><tr><td><a href='/list/6.html'>[公司新闻]</a> "
        "<a href='/news_detail/1900000000000000004-18-6.html'>公司召开会议</a></td></tr>"
        "<tr><td>[2024-09-12] <a href='/news_detail/1900000000000000004-18-6.html'>[详细]</a>"
        "</td></tr></table></div></body></html>"
    )
    items = parse_listing(_LISTING_URL, html).items
    assert [item.summary for item in items] == [
        None, None, "展会期间，公司展示了综合服务能力。", None]
    assert [str(item.published_on) for item in items[1:]] == [
        "2024-10-20", "2024-09-23", "2024-09-12"]


def test_items_written_as_lines_of_one_box_keep_their_date_and_title() -> None:
    html = ("<html><body><div class='list'>2023-12-29&nbsp;&nbsp;<a href='/news_detail/"
            "1900000000000000001-18-6.html'>Quality Review Meeting</a><br>2023-12-15 <a href='"
            "/news_detail/1900000000000000002-18-6.html'><b>Study Completes Enrollment</b></a><br>"
            "</div></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6_5.html", html).items
    assert [(item.title, str(item.published_on), item.summary) for item in items] == [
        ("Quality Review Meeting", "2023-12-29", None),
        ("Study Completes Enrollment", "2023-12-15", None)]


def test_a_next_page_link_drawn_as_a_picture_is_followed() -> None:
    html = ("<html><body><ul>" + "".join(
        f"<li><a href='/news_detail/190000000000000000{n}-18-6.html'>News {n}</a> "
        f"<span>2024-10-0{n}</span></li>" for n in (1, 2)) + "</ul><div class='pages'>"
        "<a href='/news/18-6.html'><img src='prev.gif' alt='上一页'></a> <b>2</b> "
        "<a href='/news/18-6_3.html'>3</a> <a href='/news/18-6_3.html'>"
        "<img src='next.gif' alt='下一页'></a></div></body></html>")
    listing = parse_listing("https://www.vcarepharmatech.com/news/18-6_2.html", html)
    assert listing.next_page == "https://www.vcarepharmatech.com/news/18-6_3.html"


def test_date_headline_and_summary_as_inline_boxes_of_one_link() -> None:
    html = _inline_items(
        "<time datetime='2025-10-13'><span>13</span><span>2025 / 10</span></time>"
        "<span>VC005 Receives a Designation</span>"
        "<span>The agency granted it on the strength of Phase II efficacy data in adults.</span>",
        "<time datetime='2025-09-19'><span>19</span><span>2025 / 09</span></time>"
        "<span>The company hosted more than 200 clinicians at its annual immunology forum.</span>",
    )
    first, second = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert (first.title, first.summary) == (
        "VC005 Receives a Designation",
        "The agency granted it on the strength of Phase II efficacy data in adults.")
    assert (second.title, second.summary) == (
        None, "The company hosted more than 200 clinicians at its annual immunology forum.")


def test_a_side_column_of_another_section_is_not_listing_items() -> None:
    html = ("<html><body><div class='main'><ul>" + "".join(
        f"<li><a href='/news_detail/190000000000000000{n}-18-6.html'>News {n}</a> "
        f"<span>2024-10-0{n}</span></li>" for n in (1, 2, 3)) + "</ul></div>"
        "<div class='side-box'><h4>Media Coverage</h4><ul><li><a href='/news_detail/"
        "1900000000000000009-18-8.html'>Interview</a><span>2024-09-01</span></li></ul></div>"
        "</body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.news_id[-1] for item in items] == ["1", "2", "3"]


def test_a_heading_holding_only_the_date_is_not_the_title() -> None:
    # Z-Blog: <h4 class="post-date">2025年7月15日</h4><h2 class="post-title"><a>…</a></h2>
    html = "<html><body>" + "".join(
        f"<div class='post'><h4>2025年7月{day}日</h4><h2><a href='/news_detail/19000000000000000"
        f"{day}-16-1.html'>{title}</a></h2><div>{summary}</div></div>"
        for day, title, summary in (
            (15, "威凯尔新药完成首例给药", "公司自主研发的新药完成首例受试者给药。"),
            (10, "威凯尔通过实验室复评审", ""))) + "</body></html>"
    first, second = parse_listing("https://www.vcarepharmatech.com/news/16-1.html", html).items
    assert (first.title, first.published_on.isoformat()) == ("威凯尔新药完成首例给药", "2025-07-15")
    assert (second.title, second.summary) == ("威凯尔通过实验室复评审", None)


@pytest.mark.parametrize("particulars", [
    "<span class='tag'>企业文化</span> <span class='views'>阅读 412</span>",
    "<span class='tag'>Company News</span> <span><i class='icon-eye'></i> 611</span>",
    "分类:<a href='/news/16-1.html'>公司新闻</a> | 浏览:<span>517</span> | 评论:0 |",
    "<time>27 Aug 2024</time> &middot; <span>874 views</span>",
    "<span class='badge'>Company News</span>",
])
def test_an_items_category_and_counters_are_not_its_summary(particulars: str) -> None:
    html = "<html><body><ul>" + "".join(
        f"<li><div>2024-11-{day}</div><h3><a href='/news_detail/19000000000000000{day}-18-6.html'>"
        f"Headline {day}</a></h3>{summary}<div>{particulars}</div></li>"
        for day, summary in ((18, "<p>The company was recognised for its discovery work.</p>"),
                             (11, ""))) + "</ul></body></html>"
    first, second = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert first.summary == "The company was recognised for its discovery work."
    assert second.summary is None


def test_a_short_summary_with_a_number_in_it_stays_a_summary() -> None:
    html = _inline_items("<h3>Vcare Wins an Award</h3><p>Revenue grew 25% in 2024.</p>",
                         "<h3>Vcare Opens a Lab</h3><p>阅读人数突破10000的报告</p>")
    first, second = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert first.summary == "Revenue grew 25% in 2024."
    assert second.summary == "阅读人数突破10000的报告"


def test_a_month_and_day_take_the_year_of_the_heading_above_them() -> None:
    # A timeline: "11-20" items under a "2025" heading, then "12-20" under "2024".
    def group(year: int, entries: tuple[tuple[str, int], ...]) -> str:
        return f"<section><h3>{year}</h3><ul>" + "".join(
            f"<li><div class='stamp'>{stamp}</div><h4><a href='/news_detail/1900000000000000"
            f"{n:03}-18-6.html'>Headline {n}</a></h4><p>What happened in a sentence.</p></li>"
            for stamp, n in entries) + "</ul></section>"
    html = ("<html><body>" + group(2025, (("11-20", 1), ("01-08", 2)))
            + group(2024, (("12-20", 3), ("02-30", 4))) + "</body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.published_on and item.published_on.isoformat() for item in items] == [
        "2025-11-20", "2025-01-08", "2024-12-20", None]


def test_a_counter_beside_the_title_link_is_neither_title_nor_summary() -> None:
    html = ("<html><body><ul><li><div>2024-12-30</div><a href='/news_detail/190000000000000000"
            "1-18-6.html'>Vcare Opens New Lab</a> <span>386 views</span></li><li><div>2024-12-02"
            "</div><a href='/news_detail/1900000000000000002-18-6.html'>公司召开年度总结大会</a> "
            "<span>浏览：77</span></li></ul></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [(item.title, item.summary) for item in items] == [
        ("Vcare Opens New Lab", None), ("公司召开年度总结大会", None)]


def test_a_summary_with_a_count_in_it_or_a_labelled_number_stays() -> None:
    html = ("<html><body><ul><li><div>2024-12-30</div><h3><a href='/news_detail/19000000000000"
            "00001-18-6.html'>VC005 Trial Update</a></h3><p>Patient enrolment hits 1,000</p></li>"
            "<li><div>2024-12-18</div><h3><a href='/news_detail/1900000000000000002-18-6.html'>"
            "2024 in Numbers</a></h3><p>New patents granted: <b>15</b></p></li></ul></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.summary for item in items] == ["Patient enrolment hits 1,000",
                                                "New patents granted: 15"]


@pytest.mark.parametrize("above", [
    # Year tabs are not headings, and neither is a view count of 2031 in the item before.
    "<ul class='years'><li><a href='?year=2025'>2025</a></li><li><a href='?year=2024'>2024</a>"
    "</li></ul>",
    "<div><h4><a href='/news_detail/1900000000000000009-18-6.html'>Earlier</a></h4>"
    "<span><i class='icon-view'></i>2031</span></div>",
    "<div><p>01-08</p><p>2025</p></div>",
])
def test_a_year_shown_other_than_as_a_heading_dates_no_month_and_day(above: str) -> None:
    html = ("<html><body>" + above + "<ul><li><div>11-20</div><a href='/news_detail/19000000000"
            "00000001-18-6.html'>Vcare Opens New Lab</a></li><li><div>10-08</div><a href='/news_"
            "detail/1900000000000000002-18-6.html'>VC005 Phase III Starts</a></li></ul></body>"
            "</html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.published_on for item in items if item.news_id.endswith(("1", "2"))] == [
        None, None]


def test_a_date_whose_separators_the_stylesheet_draws_is_read_from_its_boxes() -> None:
    # <span class="day">24</span><p><span>2025</span><span>10</span></p>: the "/" is ::before.
    html = "<html><body><div class='rel'>" + "".join(
        f"<a href='/news_detail/19000000000000000{n}-18-6.html'><div><span>{day}</span><p>"
        f"<span>{year}</span><span>{month}</span></p></div><h3>Headline {n}</h3></a>"
        for n, day, year, month in ((1, 24, 2025, 10), (2, 16, 2025, "09"))
    ) + "</div></body></html>"
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.published_on.isoformat() for item in items] == ["2025-10-24", "2025-09-16"]


def test_counts_after_an_items_headline_are_no_date() -> None:
    # Views 2024, likes 5, comments 12 behind icons: not 2024-05-12.
    html = "<html><body><ul>" + "".join(
        f"<li><a href='/news_detail/19000000000000000{n}-18-6.html'><h3>Headline {n}</h3>"
        "<p>What happened, in a sentence of its own.</p></a><div class='stats'><span><i></i>2024"
        "</span> <span><i></i>5</span> <span><i></i>12</span></div></li>" for n in (1, 2)
    ) + "</ul></body></html>"
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.published_on for item in items] == [None, None]


def test_a_download_button_in_an_items_row_is_not_its_summary() -> None:
    html = "<html><body><table>" + "".join(
        f"<tr><td>2023-11-{day}</td><td><a href='/news_detail/19000000000000000{day}-18-8.html'>"
        f"Environmental disclosure {day}</a></td><td><a href='/files/{day}.pdf'>Download PDF</a>"
        "</td></tr>" for day in (20, 10)) + "</table></body></html>"
    items = parse_listing("https://en.vcarepharmatech.com/news/18-8.html", html).items
    assert [(item.title, item.summary) for item in items] == [
        ("Environmental disclosure 20", None), ("Environmental disclosure 10", None)]


def test_a_date_drawn_as_number_boxes_after_the_headline_dates_the_item() -> None:
    html = "<html><body><ul>" + "".join(
        f"<li><a href='/news_detail/19000000000000000{n}-18-6.html'><h3>Headline {n}</h3><p>What "
        f"happened, in a sentence of its own.</p><div class='date'><span>2025</span><span>{month}"
        f"</span><span>{day}</span></div></a></li>" for n, month, day in ((1, 11, 20), (2, 10, 12))
    ) + "</ul></body></html>"
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.published_on.isoformat() for item in items] == ["2025-11-20", "2025-10-12"]


def test_a_title_opening_with_its_own_day_and_month_in_words_keeps_them() -> None:
    html = ("<html><body><ul><li><a href='/news_detail/1900000000000000001-18-6.html'>June 5 "
            "World Environment Day: Vcare Volunteers Plant Trees</a> <span>2025-06-05</span></li>"
            "<li><a href='/news_detail/1900000000000000002-18-6.html'>May 4 Youth Day Celebrated"
            "</a> <span>2025-05-04</span></li></ul></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.title for item in items] == [
        "June 5 World Environment Day: Vcare Volunteers Plant Trees", "May 4 Youth Day Celebrated"]


def test_counters_with_icons_drawn_by_css_are_no_date() -> None:
    html = "<html><body><ul>" + "".join(
        f"<li><a href='/news_detail/19000000000000000{n}-18-6.html'><h3>Headline {n}</h3><p>What "
        "happened, in a sentence of its own.</p><div class='stats'><span class='views'>2024</span>"
        "<span class='comments'>5</span><span class='likes'>12</span></div></a></li>"
        for n in (1, 2)) + "</ul></body></html>"
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.published_on for item in items] == [None, None]


def test_a_day_and_month_box_in_a_span_inside_the_link_is_not_the_title() -> None:
    html = ("<html><body><ul><li><a href='/news_detail/1900000000000000001-18-6.html'><span "
            "class='date'>11 Nov</span> Vcare Passes Inspection</a> <span>2025-11-11</span></li>"
            "<li><a href='/news_detail/1900000000000000002-18-6.html'><span class='date'>20 Nov"
            "</span> Vcare Opens a Lab</a> <span>2025-11-20</span></li></ul></body></html>")
    items = parse_listing("https://en.vcarepharmatech.com/news/18-6.html", html).items
    assert [item.title for item in items] == ["Vcare Passes Inspection", "Vcare Opens a Lab"]


def test_number_boxes_in_a_box_named_date_may_go_without_zeros() -> None:
    html = "<html><body><ul>" + "".join(
        f"<li><a href='/news_detail/19000000000000000{n}-16-1.html'><h3>威凯尔新闻标题{n}</h3>"
        f"<p>公司组织完成了年度质量管理体系内部审核工作。</p><div class='date'><span>2025</span>"
        f"<span>{month}</span><span>{day}</span></div></a></li>"
        for n, month, day in ((1, 3, 7), (2, 11, 20))) + "</ul></body></html>"
    items = parse_listing("https://www.vcarepharmatech.com/news/16-1.html", html).items
    assert [item.published_on.isoformat() for item in items] == ["2025-03-07", "2025-11-20"]
