"""One rule per test: how an article page's header, body and neighbours are read."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.pages import parse_article, parse_page
from crawler.pages.structured import json_ld_blocks

_EN_URL = "https://en.vcarepharmatech.com/news_detail/1900000000000000001-18-6.html"
_ZH_URL = "https://www.vcarepharmatech.com/zh/news_detail/1900000000000000001-16-1.html"
_PREVIOUS = "/news_detail/1900000000000000000-18-6.html"
_NEXT = "/news_detail/1900000000000000002-18-6.html"
_LONG_ZH = "3月中旬，公司组织完成了年度体系内部审核，覆盖报告、检测和风险管理等环节。"


def _page(title_tag: str, main: str) -> str:
    return f"<html><head><title>{title_tag}</title></head><body><div>{main}</div></body></html>"


def test_the_line_above_published_time_is_the_headline_when_title_names_the_site() -> None:
    html = _page(
        "Jiangsu Vcare PharmaTech",
        "<div>Vcare Opens a New Laboratory</div><div>Published Time:</div>"
        "<div>2025-06-20 09:45</div><div>Source:</div><div><p>Body text of the article.</p></div>",
    )
    assert parse_article(_EN_URL, html).title == "Vcare Opens a New Laboratory"


def test_a_bold_paragraph_above_the_date_line_is_the_headline_when_title_is_generic() -> None:
    html = _page("新闻详情", "<p><b>威凯尔完成年度内审</b></p><p>发布时间：2025-03-14 16:20</p>"
                 "<p>正文第一段。</p>")
    assert parse_article(_ZH_URL, html).title == "威凯尔完成年度内审"


def test_a_section_name_above_the_date_line_is_not_a_headline() -> None:
    html = _page("新闻详情", "<p>公司新闻</p><p>发布时间：2025-03-14 16:20</p><p>正文第一段。</p>")
    assert parse_article(_ZH_URL, html).title == "新闻详情"


def test_a_box_holding_the_date_line_too_is_not_a_headline() -> None:
    html = _page("新闻详情", "<div>威凯尔完成年度内审<p>发布时间：2025-03-14 16:20</p></div>"
                 "<p>正文第一段。</p>")
    assert parse_article(_ZH_URL, html).title == "新闻详情"


def test_an_empty_source_label_does_not_take_the_first_paragraph() -> None:
    html = _page("新闻详情", f"<h1>标题</h1><p>发布时间：2025-03-14 16:20</p><p>来源：</p>"
                 f"<p>{_LONG_ZH}</p><p>第二段。</p>")
    article = parse_article(_ZH_URL, html)
    assert article.source is None
    assert article.body_text == f"{_LONG_ZH}\n第二段。"


def test_an_english_sentence_after_an_empty_source_label_is_body() -> None:
    first = "Jiangsu Vcare announced that the first patient has been dosed in the study."
    html = _page("Vcare", f"<h1>Headline</h1><div>Published Time:</div><div>2025-06-20 09:45</div>"
                 f"<div>Source:</div><div>{first}</div><div>Second paragraph.</div>")
    article = parse_article(_EN_URL, html)
    assert article.source is None
    assert article.body_text.startswith(first)


def test_a_source_name_in_the_next_box_is_still_the_source() -> None:
    html = _page("Vcare", "<h1>Headline</h1><div>Published Time:</div><div>2025-06-20 09:45</div>"
                 "<div>Source:</div><div>Jiangsu Vcare PharmaTech Co., Ltd.</div>"
                 "<div><p>Body text of the article, long enough to be one.</p></div>")
    assert parse_article(_EN_URL, html).source == "Jiangsu Vcare PharmaTech Co., Ltd."


def test_a_link_reading_label_and_title_is_a_neighbour() -> None:
    html = _page("新闻详情", f"<h1>标题</h1><p>发布时间：2025-03-14 16:20</p><p>正文第一段。</p>"
                 f"<p><a href='{_PREVIOUS}'>上一篇：威凯尔举办新员工入职培训</a></p>"
                 f"<p><a href='{_NEXT}'>下一篇：威凯尔参加行业论坛</a></p>")
    article = parse_article(_ZH_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)
    assert article.body_text == "正文第一段。"


def test_a_labelled_neighbour_line_inside_a_box_named_footer_still_counts() -> None:
    """MetInfo puts "上一篇：<a>…</a>" in ``<div class="met-shownews-footer">``: the class
    marks the box as chrome, the label before the link still names the neighbour."""
    html = _page("新闻详情", f"<h1>标题</h1><p>发布时间：2025-03-14 16:20</p><p>正文第一段。</p>"
                 f"<div class='met-shownews-footer'><p>上一篇：<a href='{_PREVIOUS}'>威凯尔举办"
                 "新员工入职培训</a></p><p>下一篇：<a href='javascript:;'>没有了</a></p></div>")
    article = parse_article(_ZH_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next is None
    assert article.body_text == "正文第一段。"


def test_a_card_link_whose_first_box_says_previous_page_is_the_previous_article() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>Body text.</p><a href='{_PREVIOUS}'><div>Previous Page</div>"
                 f"<div>Jiangsu Vcare Holds Its Annual Meeting</div></a>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next is None


def test_a_title_starting_with_next_is_not_a_neighbour_label() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>Body text.</p><p><a href='{_NEXT}'>Next-Generation TRK Inhibitor</a></p>")
    assert parse_article(_EN_URL, html).next is None


def _dl_header(views: str) -> str:
    return _page("新闻详情", "<h2>威凯尔获得临床试验许可</h2><dl><dt>发布时间：</dt>"
                 "<dd>2025-01-08 16:20</dd><dt>来源：</dt><dd></dd><dt>浏览次数：</dt>"
                 f"<dd><span>{views}</span></dd></dl><div><p>正文第一段。</p><p>正文第二段。</p></div>")


def test_a_view_count_in_the_box_after_its_lone_label_is_header_not_body() -> None:
    article = parse_article(_ZH_URL, _dl_header("386"))
    assert article.body_text == "正文第一段。\n正文第二段。"
    assert article.source is None


def test_prose_after_a_lone_view_label_is_not_taken_for_the_count() -> None:
    html = _page("新闻详情", "<h2>标题</h2><p>发布时间：2025-01-08 16:20</p><p>浏览次数：</p>"
                 "<p>正文第一段。</p>")
    assert parse_article(_ZH_URL, html).body_text == "正文第一段。"


def _dated(shown: str, machine: str) -> str:
    return (f"<html><head><meta property='article:published_time' content='{machine}'></head>"
            f"<body><h1>Headline</h1><p>Published Time: {shown}</p><p>Body text.</p></body></html>")


def test_a_date_shown_without_its_time_takes_the_time_the_metadata_gives_that_day() -> None:
    article = parse_article(_EN_URL, _dated("Nov 11, 2025", "2025-11-11T17:02:00+08:00"))
    assert article.published_at.isoformat() == "2025-11-11T17:02:00+08:00"


def test_metadata_for_another_day_does_not_change_the_date_shown() -> None:
    article = parse_article(_EN_URL, _dated("Nov 11, 2025", "2025-11-13T09:40:00+08:00"))
    assert article.published_at.isoformat() == "2025-11-11T00:00:00+08:00"


def test_a_time_shown_wins_over_the_metadata() -> None:
    article = parse_article(_EN_URL, _dated("2025-11-11 08:30", "2025-11-11T17:02:00+08:00"))
    assert article.published_at.isoformat() == "2025-11-11T08:30:00+08:00"


def test_a_time_element_completes_the_date_it_shows() -> None:
    html = ("<html><body><article><h1>Headline</h1><time datetime='2025-01-08T14:00:00+08:00'>"
            "2025-01-08</time><p>Body text.</p></article></body></html>")
    assert parse_article(_EN_URL, html).published_at.isoformat() == "2025-01-08T14:00:00+08:00"


def _with_json_ld(shown: str, json_ld: str) -> str:
    return (f"<html><head><script type='application/ld+json'>{json_ld}</script></head>"
            f"<body><h1>Headline</h1>{shown}<p>Body text of the article.</p></body></html>")


def test_json_ld_gives_the_time_when_the_page_shows_no_date() -> None:
    json_ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "V"},'
               ' {"@type": "NewsArticle", "datePublished": "2025-11-11T09:02:00Z",'
               ' "dateModified": "2025-11-13T09:00:00Z"}]}')
    article = parse_article(_EN_URL, _with_json_ld("", json_ld))
    assert article.published_at.isoformat() == "2025-11-11T17:02:00+08:00"


def test_json_ld_completes_a_date_shown_without_its_time_but_never_moves_it() -> None:
    json_ld = '[{"@type": "Article", "datePublished": "2025-11-11 17:02"}]'
    same_day = parse_article(_EN_URL, _with_json_ld("<p>Published Time: 2025-11-11</p>", json_ld))
    assert same_day.published_at.isoformat() == "2025-11-11T17:02:00+08:00"
    other_day = parse_article(_EN_URL, _with_json_ld("<p>Published Time: 2025-11-10</p>", json_ld))
    assert other_day.published_at.isoformat() == "2025-11-10T00:00:00+08:00"


def test_json_ld_of_other_articles_or_broken_json_ld_gives_no_date() -> None:
    nested = ('{"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle",'
              ' "datePublished": "2024-10-01T08:00:00+08:00"}]}')
    broken = '{"@type": "NewsArticle", "datePublished": "2025-11-11T17:02:00+08:00",'
    for json_ld in (nested, broken, '"just a string"', "[1, null]"):
        assert parse_article(_EN_URL, _with_json_ld("", json_ld)).published_at is None, json_ld


def test_a_table_in_the_body_reads_one_line_per_row() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 "<p>Results:</p><table><tr><td><p>Dose</p></td><td>Patients</td></tr>"
                 "<tr><td>50 mg</td><td>8</td></tr></table><p>After the table.</p>")
    assert parse_article(_EN_URL, html).body_text == (
        "Results:\nDose Patients\n50 mg 8\nAfter the table.")


def test_lines_of_one_cell_stay_lines_in_a_layout_table() -> None:
    html = _page("新闻详情", "<table><tr><td><h1>标题</h1></td></tr><tr><td>发布时间：2025-03-14"
                 "</td></tr><tr><td>正文第一段。<br>正文第二段。</td></tr></table>")
    assert parse_article(_ZH_URL, html).body_text == "正文第一段。\n正文第二段。"


def test_a_related_item_time_does_not_complete_the_article_date() -> None:
    html = ("<html><body><h1>Headline</h1><p>Published Time: 2025-01-08</p><p>Body text.</p>"
            "<h3>Related News</h3><ul><li><a href='/news_detail/1900000000000000009-18-6.html'>"
            "Other</a><time datetime='2025-01-08T09:15:00+08:00'>2025-01-08</time></li></ul>"
            "</body></html>")
    assert parse_article(_EN_URL, html).published_at.isoformat() == "2025-01-08T00:00:00+08:00"


def test_json_ld_blocks_are_found_in_one_pass_even_when_left_open() -> None:
    markup = ('<SCRIPT data-x="1" TYPE="application/ld+json">{"a": 1}</Script >'
              '<script type=application/ld+json>{"b": 2}</script>'
              '<script type="text/javascript">{"c": 3}</script>'
              "<script type='application/ld+json'>{\"d\": 4}")
    assert list(json_ld_blocks(markup)) == ['{"a": 1}', '{"b": 2}', '{"d": 4}']
    # Thousands of unclosed openers: each is read once, not rescanned to the end of the page.
    assert len(list(json_ld_blocks("<script type='application/ld+json'>[" * 20000))) == 1


def test_a_footer_placed_first_in_the_markup_leaves_the_article_after_it() -> None:
    # Site builders position modules by CSS: the footer's copyright may open the markup.
    html = ("<html><body><div id='m9'><p>地址：南京市江宁区</p>"
            "<p>Copyright © 2024 威凯尔 版权所有</p></div><div id='m5'>"
            "<div><b>公司举办技术交流会</b></div><div>发布时间：2024-11-18 09:30</div>"
            f"<div>{_LONG_ZH}<br>第二段。</div></div></body></html>")
    article = parse_article(_ZH_URL, html)
    assert article.title == "公司举办技术交流会"
    assert article.published_at.isoformat() == "2024-11-18T09:30:00+08:00"
    assert article.body_text == f"{_LONG_ZH}\n第二段。"


def test_two_labelled_neighbour_links_on_one_line_are_previous_and_next() -> None:
    html = _page("新闻详情", f"<h1>标题</h1><p>发布时间：2025-03-14 16:20</p><p>{_LONG_ZH}</p>"
                 f"<div><a href='{_PREVIOUS}'><span>上一篇：</span>较早的新闻</a>"
                 f"<a href='{_NEXT}'><span>下一篇：</span>较新的新闻</a></div>")
    article = parse_article(_ZH_URL, html)
    assert article.previous.endswith(_PREVIOUS)
    assert article.next.endswith(_NEXT)


def test_a_drawn_rule_is_not_a_body_line() -> None:
    html = _page("新闻详情", f"<h1>标题</h1><p>发布时间：2025-03-14 16:20</p><p>{_LONG_ZH}</p>"
                 "<p>———— END ————</p><p>第二段。</p>"
                 "<div><strong>------分隔线----------------------------</strong></div>")
    assert parse_article(_ZH_URL, html).body_text == f"{_LONG_ZH}\n第二段。"


def test_a_spacer_picture_is_not_an_article_image() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 "<p><img src='/skin/line.gif' width='680' height='1'></p><p>Body text.</p>"
                 "<p><img src='/upload/photo.jpg' width='800' height='1px-not-a-size'></p>"
                 "<p><img src='/skin/dot.gif' style='x' width=' 2px '></p>")
    assert parse_article(_EN_URL, html).images == ["https://en.vcarepharmatech.com/upload/photo.jpg"]


def test_icon_glyphs_beside_the_neighbour_words_do_not_hide_them() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p><p>Body.</p>"
                 f"<div><a href='{_PREVIOUS}'><i class='iconfont'>&#xe6a6;</i> Previous Page</a>"
                 f"</div><div><a href='{_NEXT}'>Next Page <i>\ue6a7</i></a></div>")
    article = parse_article(_EN_URL, html)
    assert article.previous.endswith(_PREVIOUS) and article.next.endswith(_NEXT)


@pytest.mark.parametrize("after", [
    "<div>Tags</div><div><a href='/tag/vc005'>VC005</a></div>",
    "<p>相关热词搜索：VC005 特应性皮炎</p>",
    "<p>【<a href='javascript:window.print()'>打印本页</a>】【<a href='#'>关闭窗口</a>】</p>",
    "<p><a href='https://mp.weixin.qq.com/s/x'>阅读原文</a></p><p>阅读 2386</p><p>56</p>",
    "<div>共2页： <a href='#'>上一页</a> [1] <a href='x_2.html'>[2]</a> "
    "<a href='x_2.html'>下一页</a></div>",
    "<div><a href='#'>上一页</a> <a href='#'>1</a> <a href='x_2.html'>2</a> "
    "<a href='#'>下一页</a></div>",
])
def test_the_body_ends_before_what_follows_an_article(after: str) -> None:
    html = _page("新闻详情", f"<h1>标题</h1><p>发布时间：2025-03-14 16:20</p><p>{_LONG_ZH}</p>"
                 f"<p>第二段。</p>{after}")
    assert parse_article(_ZH_URL, html).body_text == f"{_LONG_ZH}\n第二段。"


def test_a_video_fallback_text_is_not_body() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p><p>Body.</p>"
                 "<video controls poster='/p.jpg'><source src='/v.mp4'>Your browser does not "
                 "support HTML5 video.</video><p>More body.</p>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == "Body.\nMore body."
    assert article.images == []


def test_a_counter_behind_an_icon_is_not_part_of_the_source() -> None:
    html = _page("Vcare", "<h1>Headline</h1><div><span>Published Time: 2024-12-05 14:00</span>"
                 "<span>Source: Vcare Clinical Development</span><span><i class='fa-eye'></i> 388"
                 "</span></div><p>Body text of the article.</p>")
    assert parse_article(_EN_URL, html).source == "Vcare Clinical Development"


def test_amp_pictures_are_article_images() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p><p>Body.</p>"
                 "<amp-img src='/upload/a.jpg' width='800' height='600'></amp-img>"
                 "<amp-carousel><amp-img src='/upload/b.jpg' width='800' height='600'></amp-img>"
                 "<amp-img src='/upload/a.jpg' width='800' height='600'></amp-img></amp-carousel>")
    assert parse_article(_EN_URL, html).images == [
        "https://en.vcarepharmatech.com/upload/a.jpg", "https://en.vcarepharmatech.com/upload/b.jpg"]


def test_a_headline_sharing_its_box_with_the_date_line_stops_before_it() -> None:
    html = _page("新闻详情", "<h1>威凯尔完成年度内审<br><span>2024-11-18 09:30:00　"
                 "来源：威凯尔医药　"
                 f"评论：<a href='#c'>0</a>　点击：</span></h1><div><p>{_LONG_ZH}</p></div>")
    article = parse_article(_ZH_URL, html)
    assert article.title == "威凯尔完成年度内审"
    assert article.published_at.isoformat() == "2024-11-18T09:30:00+08:00"
    assert article.source == "威凯尔医药"
    assert article.body_text == _LONG_ZH


def test_a_date_standing_alone_in_a_byline_is_the_publication_time() -> None:
    html = _page("新闻详情", "<h1>威凯尔获评专精特新企业</h1><div><span>原创</span> "
                 "<span>品牌部</span> "
                 "<em>2024-10-23 16:45</em> <span>发表于江苏</span></div>"
                 f"<p>来源：威凯尔医药公众号</p><p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2024-10-23T16:45:00+08:00"
    assert article.body_text == _LONG_ZH


def test_a_related_news_heading_drawn_as_a_picture_is_found() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p><p>Body.</p>"
                 "<div><img src='/t.png' alt='Related News'><ul>"
                 "<li><a href='/news_detail/1900000000000000007.html'>Older news</a> "
                 "<span>2024-11-18</span></li></ul></div>")
    (item,) = parse_article(_EN_URL, html).related
    assert (item.news_id, item.title, item.published_on.isoformat()) == (
        "1900000000000000007", "Older news", "2024-11-18")


def test_text_the_markup_hides_is_not_body_but_a_hidden_menu_keeps_its_links() -> None:
    html = ("<html><body><div class='navbar' style='display:none'><a href='/'>首页</a>"
            "<a href='https://en.vcarepharmatech.com/'>English</a></div>"
            "<h1>标题</h1><p>发布时间：2025-03-14 16:20</p>"
            f"<p>{_LONG_ZH}<span style='display: none'>转载请注明出处。</span></p>"
            "<p hidden>隐藏的段落。</p><p class='w-condition-invisible'>Webflow hides this.</p>"
            "<p class='hidden md:block'>只在大屏显示的段落。</p><p>&zwj;</p></body></html>")
    page = parse_page(_ZH_URL, html)
    assert page.article.body_text == f"{_LONG_ZH}\n只在大屏显示的段落。"
    assert page.edition_links == ["https://en.vcarepharmatech.com/"]


def test_a_twelve_hour_clock_and_a_reading_time_in_the_header() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: Nov 11, 2025 5:02 PM</p>"
                 "<p>Source: Vcare Investor Relations <span>3 min read</span></p>"
                 "<p>Body text of the article.</p>")
    article = parse_article(_EN_URL, html)
    assert article.published_at.isoformat() == "2025-11-11T17:02:00+08:00"
    assert article.source == "Vcare Investor Relations"


def test_an_error_page_at_an_article_address_is_not_an_article() -> None:
    html = _page("页面不存在", "<h1>抱歉，您访问的页面不存在！</h1><p>可能的原因：链接已失效。</p>")
    assert parse_page(_ZH_URL, html).kind == "other"


def test_a_date_line_printed_under_the_text_dates_the_article_and_ends_the_body() -> None:
    second = ("专精特新中小企业是指具有专业化、精细化、特色化、新颖化特征的中小企业，"
              "此次认定综合考察了多项指标。")
    html = _page("新闻详情", "<h1>威凯尔入选专精特新企业名单</h1><p>字号：大 中 小</p>"
                 f"<p>2024年10月8日，{_LONG_ZH}</p><p>{second}</p>"
                 "<p>发布时间：2024-11-18 09:30　来源：威凯尔医药</p><p>分享到：</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2024-11-18T09:30:00+08:00"
    assert article.source == "威凯尔医药"
    assert article.body_text == f"2024年10月8日，{_LONG_ZH}\n{second}"


def test_a_share_bar_after_an_empty_source_is_not_the_source() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 "<div><span>Source:</span></div><div><span>Share</span><a href='#'>f</a></div>"
                 "<p>Body text of the article, long enough to read as a sentence of prose.</p>")
    assert parse_article(_EN_URL, html).source is None


def test_a_date_in_a_short_body_sentence_is_not_a_byline() -> None:
    html = ("<html><head><meta property='article:published_time' "
            "content='2025-01-08T14:00:00+08:00'></head><body><h1>Headline</h1>"
            "<p>The study began on <b>2024-10-08</b>.</p><p>Body text of the article.</p>"
            "</body></html>")
    assert parse_article(_EN_URL, html).published_at.isoformat() == "2025-01-08T14:00:00+08:00"


_LONG_EN = ("Jiangsu Vcare announced that the first patient has been dosed in the study, "
            "which enrols adults at twelve hospitals.")


def test_a_standfirst_of_two_paragraphs_above_the_date_line_is_not_the_whole_text() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>{_LONG_EN}</p><p>{_LONG_EN} Again.</p>"
                 "<p>Published Time: 2025-06-20 09:45</p><p>First paragraph of the text.</p>"
                 f"<p>{_LONG_EN} More.</p>")
    article = parse_article(_EN_URL, html)
    assert article.published_at.isoformat() == "2025-06-20T09:45:00+08:00"
    assert article.body_text == f"First paragraph of the text.\n{_LONG_EN} More."


@pytest.mark.parametrize("line", [
    "审核：质量管理部", "Shares rose 5% on Monday.", "<b>2023</b> <b>2024</b>", "分享了研究成果。"])
def test_ordinary_short_lines_do_not_end_the_body(line: str) -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>Body text.</p><p>{line}</p><p>Last paragraph.</p>")
    assert parse_article(_EN_URL, html).body_text.endswith("Last paragraph.")


def test_a_main_column_named_left_side_is_not_chrome() -> None:
    html = ("<html><body><div class='left-side'><h1>Headline</h1>"
            "<p>Published Time: 2025-06-20 09:45</p><p>Body text.</p></div></body></html>")
    assert parse_article(_EN_URL, html).body_text == "Body text."


def test_content_hidden_until_a_script_runs_is_kept() -> None:
    html = ("<html><body><div id='app' style='display:none'><h1>Headline</h1>"
            f"<p>Published Time: 2025-06-20 09:45</p><p>{_LONG_EN}</p><p>{_LONG_EN} Two.</p>"
            "</div></body></html>")
    assert parse_article(_EN_URL, html).body_text == f"{_LONG_EN}\n{_LONG_EN} Two."


def test_a_headline_mentioning_not_found_is_still_an_article() -> None:
    html = _page("Vcare", f"<h1>Cure not found in new trial</h1><p>{_LONG_EN}</p>")
    assert parse_page(_EN_URL, html).kind == "article"


def test_a_lazy_picture_with_placeholder_sizes_is_an_image() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p><p>Body.</p>"
                 "<p><img src='/blank.gif' data-src='/upload/real.jpg' width='1' height='1'></p>")
    assert parse_article(_EN_URL, html).images == ["https://en.vcarepharmatech.com/upload/real.jpg"]


def test_the_page_metadata_beats_a_date_box_in_a_short_line() -> None:
    html = ("<html><head><meta property='article:published_time' "
            "content='2025-01-08T14:00:00+08:00'></head><body><h1>标题</h1>"
            f"<p>报名截止 <b>2024-12-31</b></p><p>{_LONG_ZH}</p></body></html>")
    assert parse_article(_ZH_URL, html).published_at.isoformat() == "2025-01-08T14:00:00+08:00"


@pytest.mark.parametrize("label", ["Previous Page", "&larr; Previous Page"])
def test_a_pager_link_whose_label_box_stands_before_the_title_in_a_nav_is_a_neighbour(
        label: str) -> None:
    # SvelteKit and Ghost themes: <nav class="pager"><a><span>Previous Page</span>
    # <em>title</em></a>...; the label box and the title share the line.
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p><nav class='pager'><a href='{_PREVIOUS}'><span>{label}"
                 f"</span> <em>Jiangsu Vcare Holds Its Annual Meeting</em></a> "
                 f"<a href='{_NEXT}'><span>Next Page &rarr;</span> <em>Vcare Opens a Lab</em>"
                 "</a></nav>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)


def test_a_link_whose_first_box_is_not_a_label_is_not_a_neighbour() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p><nav><a href='{_NEXT}'><span>Next steps</span> "
                 "<em>for the TRK programme</em></a></nav>")
    assert parse_article(_EN_URL, html).next is None


def test_a_bare_count_behind_an_icon_after_an_empty_source_is_not_the_source() -> None:
    html = _page("Vcare", "<h1>Headline</h1><div><span>Published Time:</span> "
                 "<time>2025-10-30 09:45</time> <span>Source:</span> <span></span> "
                 "<span class='views'><i class='icon-eye'></i> 3,417</span></div>"
                 f"<p>{_LONG_EN}</p>")
    assert parse_article(_EN_URL, html).source is None


def test_an_editor_credit_under_a_short_text_is_not_part_of_the_header() -> None:
    # Paragraphs split by <br><br> are short lines; "（责任编辑：…）" reads as an author label.
    html = _page("新闻详情", "<h1>威凯尔医药举办客户开放日</h1><div>发布时间：2025-11-13 09:48"
                 "　来源：威凯尔医药</div><div>　　11月12日，公司在南京总部举办客户开放日，"
                 "近百名代表参加。<br><br>　　与会嘉宾参观了实验室与中试车间。<br><br>"
                 "（责任编辑：王静）</div>"
                 "<div>字号：<a href='javascript:;'>大</a> <a href='javascript:;'>小</a>"
                 "【<a href='javascript:window.print();'>打印本页</a>】</div>")
    article = parse_article(_ZH_URL, html)
    assert article.body_text == ("11月12日，公司在南京总部举办客户开放日，近百名代表参加。\n"
                                 "与会嘉宾参观了实验室与中试车间。")


def test_a_portal_tool_row_with_counts_ends_the_body() -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-03-14 16:20</p>"
                 f"<p>{_LONG_ZH}</p><div><a href='#'>收藏<em>0</em></a> <a href='#'>分享<em>2</em>"
                 "</a> <a href='javascript:;'>打印</a></div>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


def test_year_subheads_in_the_body_do_not_date_related_items() -> None:
    # "11-02" takes the article's year (2025), not the body's last year subhead (2023).
    html = _page("新闻详情", "<h1>威凯尔医药回顾VC005研发历程</h1><p>发布时间：2025-11-15 10:00</p>"
                 f"<p>{_LONG_ZH}</p><h3>2021</h3><p>{_LONG_ZH}</p><h3>2023</h3><p>{_LONG_ZH}</p>"
                 "<h3>相关新闻</h3><ul><li><div>11-02</div><a href='/news_detail/1900000000000000"
                 "008-16-1.html'>公司召开三季度经营分析会</a></li></ul>")
    related = parse_article(_ZH_URL, html).related
    assert [(item.news_id, item.published_on) for item in related] == [
        ("1900000000000000008", date(2025, 11, 2))]


@pytest.mark.parametrize(("shown", "published"), [
    ("10-28", date(2025, 10, 28)),
    ("11-15", date(2025, 11, 15)),
    ("12-28", None),  # after the article's day: the year before, or a newer item
    ("02-29", None),  # 2025 has no 29 February
])
def test_related_items_shown_with_month_and_day_before_the_articles_take_its_year(
        shown: str, published: date | None) -> None:
    html = _page("新闻详情", "<h1>威凯尔医药回顾VC005研发历程</h1><p>发布时间：2025-11-15 10:00</p>"
                 f"<p>{_LONG_ZH}</p><h3>相关推荐</h3><ul><li><a href='/news_detail/19000000000"
                 f"00000008-16-1.html'><div><p>公司召开三季度经营分析会</p><span>{shown}</span>"
                 "</div></a></li></ul>")
    related = parse_article(_ZH_URL, html).related
    assert [item.published_on for item in related] == [published]


@pytest.mark.parametrize("credit", ["<p>责任编辑：王静</p>", "<p>Tags: VC005 | 分享</p>"])
def test_a_credit_or_tags_line_right_under_the_headline_leaves_the_header_alone(
        credit: str) -> None:
    html = _page("新闻详情", f"<h1>威凯尔医药VC005完成III期首例给药</h1>{credit}"
                 f"<p>发布时间：2024-12-20 14:30　来源：新华网</p><p>{_LONG_ZH}</p>"
                 f"<p>上一篇：<a href='{_PREVIOUS}'>公司召开年度总结大会</a></p>")
    page = parse_page(_ZH_URL, html)
    assert page.kind == "article"
    assert page.article.published_at.isoformat() == "2024-12-20T14:30:00+08:00"
    assert page.article.source == "新华网"


def test_a_badge_reading_next_on_a_sidebar_link_is_not_the_next_article() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-11-20 10:00</p>"
                 f"<p>{_LONG_EN}</p><p>Previous Page: <a href='{_PREVIOUS}'>VC005</a></p>"
                 "<p>Next Page: None</p><aside><h3>Events</h3><a href='/news_detail/1900000000"
                 "000000010-18-6.html'><span class='badge'>Next</span> <span>Investor Day, 12 "
                 "December</span></a></aside>")
    assert parse_article(_EN_URL, html).next is None


def test_a_date_among_the_parts_of_a_one_run_byline_is_the_publication_date() -> None:
    html = _page("Vcare", "<h1>Vcare Doses First Patient</h1><p><span>By Vcare Communications"
                 "&nbsp; |&nbsp; 3 December 2025&nbsp; |&nbsp; 3 min read</span></p>"
                 f"<p>{_LONG_EN}</p>")
    article = parse_article(_EN_URL, html)
    assert article.published_at.isoformat() == "2025-12-03T00:00:00+08:00"
    assert article.body_text == _LONG_EN


def test_a_date_after_published_on_words_in_the_breadcrumb_dates_the_article() -> None:
    html = _page("新闻详情", "<div class='crumbs'>您的位置：<a href='/'>首页</a> &raquo; "
                 "<a href='/news/18-6.html'>新闻中心</a> &raquo; 正文 "
                 "<span>发布于 2025.10.20</span></div>"
                 "<h1>威凯尔医药VC031片获批临床</h1><ul><li>来源：本站原创</li><li>阅读：1,208</li>"
                 f"<li><a href='#comments'>暂无评论</a></li></ul><p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2025-10-20T00:00:00+08:00"
    assert article.source == "本站原创"
    assert article.body_text == _LONG_ZH  # the comment count is header, not text


def test_an_attachments_box_and_its_icon_are_not_body() -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-03-14 16:20</p>"
                 f"<p>{_LONG_ZH}</p><div><p>附件：</p><p><a href='/files/notice.pdf'><img "
                 "src='/img/pdf.png' width='16' height='16'> 公告.pdf</a> （312 KB）</p></div>")
    article = parse_article(_ZH_URL, html)
    assert (article.body_text, article.images) == (_LONG_ZH, [])


def test_share_bar_icons_are_not_article_images() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p><p><img src='/upload/lab.jpg' width='640' height='286'></p>"
                 "<ul><li><a href='https://www.linkedin.com/company/x'><img src='/i/LinkedIn.png' "
                 "width='24' height='24'></a></li></ul>")
    assert parse_article(_EN_URL, html).images == [
        "https://en.vcarepharmatech.com/upload/lab.jpg"]


def test_arrow_links_named_by_aria_label_are_the_neighbours() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-09-26 15:30</p>"
                 f"<p>{_LONG_EN}</p><nav><a href='{_PREVIOUS}' title='An earlier story' "
                 "aria-label='Previous article'><span aria-hidden='true'>&#8592;</span></a> "
                 "<a href='/news/18-6.html'>Back to list</a> <a href='" + _NEXT + "' title='A "
                 "later story' aria-label='Next article'><span>&#8594;</span></a></nav>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)


def test_more_news_after_the_text_is_the_related_block_when_none_is_named_so() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-09-26 15:30</p>"
                 f"<p>{_LONG_EN}</p><div><h2>More News</h2><ul><li><a href='/news_detail/"
                 "1900000000000000005-18-6.html?from=related'>Vcare Named an Innovative SME</a>"
                 "<time>2024-11-21</time><p>The recognition reflects years of research.</p></li>"
                 "</ul></div>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == _LONG_EN
    assert [(item.news_id, item.title, item.published_on.isoformat())
            for item in article.related] == [
        ("1900000000000000005", "Vcare Named an Innovative SME", "2024-11-21")]


def test_a_more_news_sidebar_or_link_to_the_list_is_not_related_news() -> None:
    html = _page("Vcare", "<aside><h3>More News</h3><ul><li><a href='/news_detail/1900000000000"
                 "000005-18-6.html'>Vcare Named an Innovative SME</a> 2024-11-21</li></ul></aside>"
                 f"<h1>Headline</h1><p>Published Time: 2025-09-26 15:30</p><p>{_LONG_EN}</p>"
                 "<div><h3><a href='/news/18-6.html'>More News</a></h3></div>")
    assert parse_article(_EN_URL, html).related == []


def test_an_other_news_subheading_in_the_text_neither_ends_it_nor_makes_related_news() -> None:
    html = _page("Vcare", "<h1>Vcare Monthly Digest</h1><p>Published Time: 2025-11-28 10:00</p>"
                 f"<div><p>{_LONG_EN}</p><h2>Other News</h2><p>Staff ran the Nanjing half "
                 "marathon to raise funds for a children's hospital.</p></div><div><p>Previous "
                 f"Page: <a href='{_PREVIOUS}'>October Digest</a></p><p>Next Page: <a href='"
                 f"{_NEXT}'>December Digest</a></p></div>")
    article = parse_article(_EN_URL, html)
    assert article.body_text.splitlines()[-1].startswith("Staff ran the Nanjing half marathon")
    assert article.related == []
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)


def test_an_official_letters_attachment_list_without_files_is_text() -> None:
    html = _page("新闻详情", "<h1>关于举办供应商大会的通知</h1><p>发布时间：2025-11-18 09:30</p>"
                 f"<p>{_LONG_ZH}</p><p>附件：1.参会回执表</p><p>2.会议日程安排</p>"
                 "<p>江苏威凯尔医药科技有限公司</p>")
    assert parse_article(_ZH_URL, html).body_text.splitlines()[-3:] == [
        "附件：1.参会回执表", "2.会议日程安排", "江苏威凯尔医药科技有限公司"]


def test_a_comment_count_in_the_article_box_leaves_the_text_to_the_body() -> None:
    html = _page("Vcare", "<article class='post'><h1>Vcare Opens New Laboratory</h1><p>Published "
                 f"Time: 2025-06-20 09:45</p><a href='#comments'>3 comments</a><p>{_LONG_EN}</p>"
                 f"<p>Previous Page: <a href='{_PREVIOUS}'>Older story</a></p></article>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == _LONG_EN
    assert article.previous and article.previous.endswith(_PREVIOUS)


@pytest.mark.parametrize("undated", [
    "<p>The study, published on 12 March 2024 in The Lancet Oncology, reports the Phase II "
    "results of VC047 in 120 patients.</p>",
    f"<p>{_LONG_EN}</p><aside class='sidebar'><h3>Recent Posts</h3><ul><li><a href='"
    f"{_PREVIOUS}'>Vcare Opens New Laboratory</a> <span>Posted on 2023-06-20</span></li></ul>"
    "</aside>",
    f"<p class='event'>Nanjing International Expo Centre | 10 December 2025</p><p>{_LONG_EN}</p>",
])
def test_dates_in_the_text_in_a_sidebar_or_on_an_event_line_do_not_date_the_article(
        undated: str) -> None:
    article = parse_article(_EN_URL, _page("Vcare", f"<h1>Vcare Joins an Alliance</h1>{undated}"))
    assert article.published_at is None
    assert _LONG_EN in article.body_text or "published on 12 March 2024" in article.body_text


def test_a_small_picture_inside_a_sentence_is_an_image_of_the_article() -> None:
    html = _page("Vcare", "<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 "<p>The inhibitor binds the kinase at <img src='/upload/ki.gif' width='46' "
                 "height='18'> below 1 nM in every assay the team has run.</p>")
    assert parse_article(_EN_URL, html).images == ["https://en.vcarepharmatech.com/upload/ki.gif"]


def test_a_tickers_arrows_labelled_previous_and_next_are_not_the_neighbours() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p><aside class='sidebar'><h3>Latest News</h3><div><a href='/news_"
                 "detail/1900000000000000011-18-6.html' aria-label='Previous'><i></i></a><a href='/"
                 "news_detail/1900000000000000013-18-6.html' aria-label='Next'><i></i></a></div>"
                 f"</aside><div><a href='{_PREVIOUS}'>Previous Page</a> <a href='{_NEXT}'>Next "
                 "Page</a></div>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)


def test_a_related_reading_line_in_the_text_is_no_reading_count() -> None:
    # "相关阅读：" reads like the "阅读：" counter label; it heads a list of links in the text.
    html = _page("新闻详情", "<h1>威凯尔医药举办开放实验室日活动</h1><div>发布时间："
                 "&nbsp;2025-08-19&nbsp;09：30&nbsp;来源：</div>"
                 f"<p>{_LONG_ZH}</p><p>{_LONG_ZH}</p><p>相关阅读：<a href='/news_detail/"
                 "1900000000000000007-16-1.html'>威凯尔医药共建实践基地</a></p>"
                 f"<p>上一篇：<a href='{_PREVIOUS}'>威凯尔医药共建实践基地</a></p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2025-08-19T09:30:00+08:00"
    assert article.body_text == f"{_LONG_ZH}\n{_LONG_ZH}\n相关阅读：威凯尔医药共建实践基地"


def test_an_editor_credit_in_brackets_under_the_text_is_neither_header_nor_body() -> None:
    html = _page("新闻详情", "<h1>威凯尔召开质量管理体系内审总结会</h1><div>发布时间：2025-09-26 "
                 f"10:15:00 来源：威凯尔医药 浏览量：218</div><p>{_LONG_ZH}</p><ol>"
                 "<li>完善文件分级管理；</li><li>加强关键设备的预防性维护。</li></ol>"
                 "<p>（编辑：陈雨）</p>")
    article = parse_article(_ZH_URL, html)
    assert article.source == "威凯尔医药"
    assert article.body_text == f"{_LONG_ZH}\n完善文件分级管理；\n加强关键设备的预防性维护。"


def test_a_header_under_a_standfirst_keeps_its_counter_out_of_the_body() -> None:
    html = _page("Vcare", "<h1>Vcare Opens a New Kilo Laboratory</h1><p>The new laboratory "
                 "doubles the company's capacity for early-phase API batches.</p><dl><dt>Published"
                 " Time:</dt><dd>2025-12-05 09:15</dd><dt>Source:</dt><dd>Jiangsu Vcare</dd>"
                 f"<dt>Views:</dt><dd>326</dd></dl><div><p>{_LONG_EN}</p></div>")
    article = parse_article(_EN_URL, html)
    assert article.body_text.endswith(_LONG_EN)
    assert "326" not in article.body_text and article.source == "Jiangsu Vcare"


@pytest.mark.parametrize("credit", ["（摄影：王磊）", "（供稿：人力资源部）"])
def test_a_contributors_credit_in_the_text_does_not_end_it(credit: str) -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-03-14 16:20</p>"
                 f"<p>{credit}</p><p>{_LONG_ZH}</p><p><img src='/upload/lab1.jpg'></p>"
                 f"<p>{credit}</p><p>{_LONG_ZH}</p>")
    assert parse_article(_ZH_URL, html).body_text.count(_LONG_ZH) == 2


@pytest.mark.parametrize("credit", ["<p>（来源：质量管理部）</p>",
                                    "<p>Source: company announcement.</p>"])
def test_a_source_credit_under_the_text_is_not_the_headers_source(credit: str) -> None:
    html = _page("新闻详情", "<h1>威凯尔召开内审总结会</h1><div><span>发布时间：2025-09-26 10:15:00"
                 f"</span> <span>浏览量：<em>218</em></span></div><p>{_LONG_ZH}</p>{credit}")
    article = parse_article(_ZH_URL, html)
    assert article.source is None
    assert article.body_text.startswith(_LONG_ZH)


def test_an_events_time_in_the_text_does_not_date_the_article() -> None:
    html = _page("新闻详情", "<h1>关于举办供应商大会的通知</h1><div class='date'>2025-11-18</div>"
                 f"<p>各供应商：</p><p>{_LONG_ZH}</p><p>时间：2025年12月20日 9:00</p>"
                 "<p>地点：公司三楼会议室</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2025-11-18T00:00:00+08:00"
    assert article.body_text.endswith("时间：2025年12月20日 9:00\n地点：公司三楼会议室")


@pytest.mark.parametrize("byline", [
    "<p>Posted by Vcare Communications | 3 December 2025</p>",
    "<p><span>By Vcare Communications | 3 December 2025</span> <a href='#c'>3 comments</a></p>",
    "<p>The oral inhibitor enters the clinic eighteen months after its IND filing.</p>"
    "<div>Posted on December 3, 2025 by Vcare Communications</div>",
])
def test_bylines_and_posted_on_under_a_standfirst_date_the_article(byline: str) -> None:
    html = _page("Vcare", f"<h1>Vcare Doses First Patient</h1>{byline}<p>{_LONG_EN}</p>")
    article = parse_article(_EN_URL, html)
    assert article.published_at.isoformat() == "2025-12-03T00:00:00+08:00"
    assert article.body_text.endswith(_LONG_EN) and "December 2025" not in article.body_text


def test_attachments_served_by_a_download_script_are_known_by_their_file_name() -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-03-14 16:20</p>"
                 f"<p>{_LONG_ZH}</p><div><p>附件：</p><p><a href='/e/DownSys/GetDown?classid=3&amp;"
                 "id=128'>临床试验批准公告.pdf</a></p></div>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


@pytest.mark.parametrize("tail", [
    "<p>Download: <a href='/upload/factsheet.pdf'>VC047 fact sheet</a></p><p>The full data will"
    " be presented at a medical meeting next year.</p>",
])
def test_a_download_link_in_the_middle_of_the_text_does_not_end_it(tail: str) -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p>{tail}")
    assert parse_article(_EN_URL, html).body_text.endswith("at a medical meeting next year.")


def test_a_letters_attachment_followed_by_its_signature_is_text() -> None:
    html = _page("新闻详情", "<h1>关于举办供应商大会的通知</h1><p>发布时间：2025-11-18 09:30</p>"
                 f"<p>{_LONG_ZH}</p><p>附件：<a href='/upload/form.docx'>参会回执表.docx</a></p>"
                 "<p>江苏威凯尔医药科技有限公司</p><p>2025年11月18日</p>")
    assert parse_article(_ZH_URL, html).body_text.endswith(
        "江苏威凯尔医药科技有限公司\n2025年11月18日")


def test_a_share_label_over_a_list_of_share_links_is_header() -> None:
    html = _page("新闻详情", "<h1>威凯尔医药VC031片获批临床</h1><div><span>发布时间："
                 "2025-10-20 09:15</span></div><div class='share'><span>分享到：</span><ul>"
                 "<li><a href='#'>微信</a></li>"
                 f"<li><a href='#'>微博</a></li></ul></div><div><p>{_LONG_ZH}</p></div>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


def test_an_undated_more_news_list_right_under_its_heading_is_not_body() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<div><p>{_LONG_EN}</p></div><div class='more'><h3>More News</h3><ul><li><a "
                 "href='/news_detail/1900000000000000021-18-6.html'>Vcare Passes EU GMP "
                 "Inspection</a></li></ul></div>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == _LONG_EN
    assert [item.news_id for item in article.related] == ["1900000000000000021"]


def test_related_news_under_a_photo_story_without_prose_still_ends_it() -> None:
    html = _page("新闻详情", "<h1>图片新闻：新实验室启用</h1><div><span>发布时间：2025-12-05 09:15"
                 "</span></div><div><p><img src='/upload/lab1.jpg'></p><p>新实验室启用仪式现场</p>"
                 "</div><div class='rel'><div><img src='/images/xgxw.png' alt='相关新闻'></div><ul>"
                 "<li><a href='/news_detail/1900000000000000021-16-1.html'><span>2025-11-20</span>"
                 "威凯尔医药通过欧盟GMP检查</a></li></ul></div>")
    article = parse_article(_ZH_URL, html)
    assert article.body_text == "新实验室启用仪式现场"
    assert article.images == ["https://www.vcarepharmatech.com/upload/lab1.jpg"]


def test_a_pdf_symbol_just_before_its_link_is_not_an_image_of_the_article() -> None:
    html = _page("新闻详情", f"<h1>威凯尔发布社会责任报告</h1><p>发布时间：2025-10-20 09:15</p>"
                 f"<p>{_LONG_ZH}</p><p><img src='/static/icon_pdf.gif' width='16' height='16'> "
                 "<a href='/upload/csr-2025.pdf'>2025年度社会责任报告.pdf</a></p>")
    assert parse_article(_ZH_URL, html).images == []


def test_arrow_pager_links_labelled_previous_and_next_outside_a_sidebar_are_neighbours() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<div><p>{_LONG_EN}</p></div><div class='post-pager'><a href='{_PREVIOUS}' "
                 "aria-label='Previous'>&larr;</a> <a href='/news/18-6.html'>Back to list</a> "
                 f"<a href='{_NEXT}' aria-label='Next'>&rarr;</a></div>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)
    assert article.body_text == _LONG_EN


def test_a_past_issues_reading_line_is_no_reading_count() -> None:
    html = _page("新闻详情", "<h1>威凯尔医药2025年度优秀员工名单</h1><div><span>发布时间："
                 "2025-12-30 16:20</span></div><div><p>经各部门推荐和公司评审，以下员工获评优秀员工"
                 "</p><p>研发中心：张伟、李娜</p><p>往期阅读：<a href='/news_detail/"
                 "1800000000000000005-16-1.html'>2024年度优秀员工名单</a></p></div>")
    assert parse_article(_ZH_URL, html).body_text.endswith("往期阅读：2024年度优秀员工名单")


def test_a_pull_quote_aside_in_the_article_is_text_and_a_sidebar_aside_is_not() -> None:
    html = _page("Vcare", "<article><h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p><aside class='pullquote'><p>“Six years of work led here.”</p>"
                 f"</aside><p>{_LONG_EN}</p></article><aside><h3>Contact</h3><p>Media desk, "
                 "Nanjing</p></aside>")
    assert parse_article(_EN_URL, html).body_text == (
        f"{_LONG_EN}\n“Six years of work led here.”\n{_LONG_EN}")


def test_a_related_items_day_and_month_box_is_not_its_title() -> None:
    html = _page("Vcare", f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p>"
                 f"<p>{_LONG_EN}</p><h2>Related News</h2><ul><li><a href='/news_detail/19000000000"
                 "00000005-18-6.html'><time datetime='2024-11-01'>01 Nov</time><p>The company "
                 "welcomed a delegation to discuss process development.</p></a></li></ul>")
    item, = parse_article(_EN_URL, html).related
    assert (item.title, item.published_on.isoformat()) == (None, "2024-11-01")


def test_a_credit_under_the_text_of_a_page_dated_by_its_byline_leaves_the_text_alone() -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔医药举办安全生产培训</h1>"
                 "<div>原创 品牌部 <em>2025-11-18 09:30</em> 发表于江苏</div>"
                 "<p>11月中旬，公司组织全体员工参加了年度安全生产培训。</p>"
                 "<p>培训内容涵盖消防安全和应急处置。</p>"
                 "<p>全体员工参加了现场演练。</p>"
                 "<p>（编辑：陈雨）</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2025-11-18T09:30:00+08:00"
    assert article.body_text.splitlines() == [
        "11月中旬，公司组织全体员工参加了年度安全生产培训。", "培训内容涵盖消防安全和应急处置。",
        "全体员工参加了现场演练。"]


@pytest.mark.parametrize("headline", ["热烈祝贺威凯尔医药VC031片获得临床试验批准！",
                                      "What does the approval of VC031 mean for patients?"])
def test_a_source_line_under_a_headline_that_reads_as_a_sentence_is_header(headline: str) -> None:
    html = _page("新闻详情",
                 f"<div class='date'>2025-11-18</div><h1>{headline}</h1>"
                 "<div>来源：威凯尔医药 浏览：128</div>"
                 f"<p>{_LONG_ZH}</p><p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert article.source == "威凯尔医药"
    assert article.body_text == f"{_LONG_ZH}\n{_LONG_ZH}"


def test_a_bare_date_label_under_a_standfirst_is_the_header_when_no_date_line_is_above() -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔新实验室启用</h1><p>作者：品牌部 张三</p>"
                 "<p>新实验室新增面积约两千平方米，将承担早期原料药工艺开发工作。</p>"
                 "<p>日期：2025-12-05 来源：威凯尔医药</p>"
                 f"<p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert (article.published_at.isoformat(), article.source) == (
        "2025-12-05T00:00:00+08:00", "威凯尔医药")


def test_a_published_on_sentence_in_the_second_paragraph_does_not_date_the_article() -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔医药VC047二期临床研究结果发表</h1>"
                 "<p>威凯尔医药自主研发的VC047片二期临床研究取得积极结果，主要终点均达到预设目标。</p>"
                 "<p>该研究结果发表于2025年10月20日出版的《柳叶刀》子刊。</p>"
                 f"<p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at is None
    assert len(article.body_text.splitlines()) == 3


def test_related_news_ends_the_text_though_a_newsletter_line_follows_it() -> None:
    html = _page("Vcare",
                 f"<h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p><p>{_LONG_EN}</p>"
                 "<div><h3>More News</h3><ul><li>"
                 "<a href='/news_detail/1900000000000000021-18-6.html'>Vcare Passes EU GMP "
                 "Inspection</a> <span>2025-11-20</span></li></ul></div>"
                 "<div><p>Subscribe to our newsletter to receive the latest company news and "
                 "press releases by email.</p></div>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == _LONG_EN
    assert [item.news_id for item in article.related] == ["1900000000000000021"]


def test_the_texts_own_more_news_subsection_with_links_in_paragraphs_is_text() -> None:
    html = _page("Vcare",
                 f"<h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p><div><p>{_LONG_EN}</p>"
                 "<h3>More News</h3><p><a href='/news_detail/1900000000000000021-18-6.html'>Vcare "
                 "Passes EU GMP Inspection</a>: the Nanjing site passed the inspection with no "
                 "major findings.</p></div>")
    article = parse_article(_EN_URL, html)
    assert article.related == []
    assert article.body_text.splitlines()[1:] == [
        "More News", "Vcare Passes EU GMP Inspection: the Nanjing site passed the inspection "
        "with no major findings."]


def test_a_sidebar_aside_beside_the_article_in_main_is_no_pull_quote() -> None:
    html = _page("Vcare",
                 "<main><article><h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p>"
                 f"<p>{_LONG_EN}</p></article>"
                 "<aside id='sidebar'><h3>Contact Us</h3><p>Tel: 025-5888 6600</p>"
                 "<img src='/static/qrcode.jpg'></aside></main>")
    article = parse_article(_EN_URL, html)
    assert (article.body_text, article.images) == (_LONG_EN, [])


def test_an_attachments_box_followed_by_an_editors_credit_ends_the_text() -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔发布社会责任报告</h1><p>发布时间：2025-10-20 09:15</p>"
                 f"<div><p>{_LONG_ZH}</p>"
                 "<p>附件：<a href='/upload/csr-2025.pdf'>2025年度社会责任报告.pdf</a></p>"
                 "<p>（编辑：陈雨）</p></div>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


def test_a_share_bar_in_the_box_of_a_photo_story_leaves_the_story_to_the_body() -> None:
    html = _page("新闻详情",
                 "<h1>图片新闻：新实验室启用</h1><div><span>发布时间：2025-12-05 09:15</span></div>"
                 "<div class='content'>分享到：<a href='#'>微信</a> <a href='#'>微博</a>"
                 "<p><img src='/upload/lab1.jpg'></p><p>新实验室启用仪式现场</p></div>")
    article = parse_article(_ZH_URL, html)
    assert (article.body_text, article.images) == (
        "新实验室启用仪式现场", ["https://www.vcarepharmatech.com/upload/lab1.jpg"])


def test_an_event_line_with_a_bold_label_does_not_date_the_article() -> None:
    html = _page("Vcare",
                 "<h1>Vcare to Exhibit at BIO China</h1><p><strong>Venue:</strong> Nanjing "
                 f"International Expo Centre | 10 December 2025</p><p>{_LONG_EN}</p>")
    article = parse_article(_EN_URL, html)
    assert article.published_at is None
    assert article.body_text.startswith("Venue: Nanjing International Expo Centre")


def test_a_pagers_arrow_links_labelled_previous_and_next_in_a_nav_are_neighbours() -> None:
    html = _page("Vcare",
                 f"<h1>Headline</h1><p>Published Time: 2025-06-20 09:45</p><p>{_LONG_EN}</p>"
                 f"<nav class='post-pager'><a href='{_PREVIOUS}' aria-label='Previous'>&larr;</a> "
                 "<a href='/news/18-6.html'>Back to list</a> "
                 f"<a href='{_NEXT}' aria-label='Next'>&rarr;</a></nav>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.previous.endswith(_PREVIOUS)
    assert article.next and article.next.endswith(_NEXT)


@pytest.mark.parametrize("item", [
    "<li><a href='/news_detail/1900000000000000005-18-6.html'>"
    "<time datetime='2025-11-11'>11 Nov</time> Vcare Passes Inspection 11</a></li>",
    "<li><time datetime='2025-11-11'>11 Nov</time>"
    "<a href='/news_detail/1900000000000000005-18-6.html'>Vcare Passes Inspection 11</a></li>",
])
def test_a_day_and_month_beside_a_related_items_title_is_neither_title_nor_summary(
        item: str) -> None:
    html = _page("Vcare",
                 f"<h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p><p>{_LONG_EN}</p>"
                 f"<h2>Related News</h2><ul>{item}</ul>")
    related, = parse_article(_EN_URL, html).related
    assert (related.title, related.summary) == ("Vcare Passes Inspection 11", None)


def test_a_plain_credit_under_a_one_paragraph_text_is_not_the_header() -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔医药举办安全生产培训</h1><p>发布时间：2025-11-18 09:30</p>"
                 f"<p>{_LONG_ZH}</p><p>编辑：陈雨</p>")
    assert parse_article(_ZH_URL, html).body_text.startswith(_LONG_ZH)


def test_an_events_time_under_a_date_line_above_the_headline_is_text() -> None:
    html = _page("新闻详情",
                 "<div class='date'>2025-11-18</div><h1>威凯尔将举办开放日活动</h1>"
                 "<p>公司将于12月举办开放日活动，欢迎社会各界人士报名参加。</p>"
                 "<p>时间：2025-12-10 09:00</p><p>地点：南京江北新区</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2025-11-18T00:00:00+08:00"
    assert article.body_text.splitlines()[1:] == ["时间：2025-12-10 09:00", "地点：南京江北新区"]


def test_a_source_line_right_above_the_date_line_under_a_standfirst_is_header() -> None:
    html = _page("Vcare",
                 "<h1>Vcare Opens a New Laboratory</h1>"
                 "<p>The new laboratory adds about two thousand square metres of space.</p>"
                 "<p>It will take on early process development work for active ingredients.</p>"
                 "<p>Source: Vcare Communications</p><p>Published Time: 2025-12-05 09:15</p>"
                 f"<p>{_LONG_EN}</p>")
    article = parse_article(_EN_URL, html)
    assert (article.source, article.body_text) == ("Vcare Communications", _LONG_EN)


def test_a_source_and_count_line_under_a_standfirst_is_header() -> None:
    html = _page("新闻详情",
                 "<div class='date'>2025-12-05</div><h1>威凯尔新实验室启用</h1>"
                 "<p>摘要：新实验室新增面积约两千平方米，将承担早期工艺开发。</p>"
                 f"<p>来源：威凯尔医药 浏览：128</p><p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert (article.source, article.body_text) == ("威凯尔医药", _LONG_ZH)


def test_a_related_aside_inside_the_text_does_not_cut_it() -> None:
    html = _page("Vcare",
                 "<article><h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p>"
                 f"<p>{_LONG_EN}</p><aside class='related'><h3>Related News</h3><ul><li>"
                 "<a href='/news_detail/1900000000000000021-18-6.html'>Vcare Passes EU GMP "
                 "Inspection</a> <span>2025-11-20</span></li></ul></aside>"
                 "<p>The new site will employ about two hundred scientists and engineers.</p>"
                 "</article>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == (f"{_LONG_EN}\nThe new site will employ about two hundred "
                                 "scientists and engineers.")
    assert [item.news_id for item in article.related] == ["1900000000000000021"]


def test_undated_more_news_cards_with_summaries_are_related_news() -> None:
    html = _page("Vcare",
                 f"<h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p><p>{_LONG_EN}</p>"
                 "<div class='more'><h3>More News</h3><ul><li>"
                 "<a href='/news_detail/1900000000000000021-18-6.html'><h4>Vcare Passes EU GMP "
                 "Inspection</h4><p>The Nanjing site passed the inspection by the European "
                 "authority with no major findings.</p></a></li></ul></div>")
    article = parse_article(_EN_URL, html)
    assert article.body_text == _LONG_EN
    assert [item.title for item in article.related] == ["Vcare Passes EU GMP Inspection"]


def test_carousel_arrows_in_a_sidebar_box_are_not_the_neighbours() -> None:
    html = _page("Vcare",
                 f"<div class='main'><h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p>"
                 f"<p>{_LONG_EN}</p></div><div class='sidebar'><h3>Featured</h3>"
                 "<a href='/news_detail/1900000000000000031-18-6.html' aria-label='Previous'>‹</a>"
                 "<a href='/news_detail/1900000000000000032-18-6.html'>Vcare Passes Inspection</a>"
                 "<a href='/news_detail/1900000000000000033-18-6.html' aria-label='Next'>›</a>"
                 "</div>")
    article = parse_article(_EN_URL, html)
    assert (article.previous, article.next) == (None, None)


def test_a_share_bars_qr_code_is_not_an_image_of_the_article() -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔新实验室启用</h1><div><span>发布时间：2025-12-05 09:15</span></div>"
                 "<div class='share'>分享到：<a href='#'>微信</a> <a href='#'>微博</a>"
                 "<div><img src='/upload/qrcode.png'><p>扫一扫 分享到朋友圈</p></div></div>"
                 f"<div class='content'><p>{_LONG_ZH}</p></div>")
    article = parse_article(_ZH_URL, html)
    assert (article.body_text, article.images) == (_LONG_ZH, [])


def test_an_aside_with_a_picture_inside_the_article_is_no_pull_quote() -> None:
    # A QR code or an author's photo with a line under it: a box beside the text.
    html = _page("新闻详情",
                 "<article><h1>威凯尔新实验室启用</h1><p>发布时间：2025-12-05 09:15</p>"
                 f"<p>{_LONG_ZH}</p><aside class='qrcode'><img src='/images/qrcode.jpg'>"
                 f"<p>扫码关注威凯尔医药官方微信</p></aside><p>{_LONG_ZH}</p></article>")
    article = parse_article(_ZH_URL, html)
    assert (article.body_text, article.images) == (f"{_LONG_ZH}\n{_LONG_ZH}", [])


@pytest.mark.parametrize("header", [
    "<div><span>2025-11-18</span><span>来源：威凯尔医药</span></div>",
    "<p>2025-11-18 09:30 来源：威凯尔医药 浏览：128</p>",
    "<p>来源：威凯尔医药</p><p>2025-11-18</p>",
])
def test_an_events_time_in_the_text_under_any_dated_header_is_text(header: str) -> None:
    html = _page("新闻详情",
                 f"<h1>威凯尔将举办开放日活动</h1>{header}"
                 "<p>公司将于12月举办开放日活动，欢迎社会各界人士报名参加。</p>"
                 f"<p>{_LONG_ZH}</p><p>时间：2025-12-10 09:00</p><p>地点：南京江北新区</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.date().isoformat() == "2025-11-18"
    assert article.body_text.splitlines()[-2:] == ["时间：2025-12-10 09:00", "地点：南京江北新区"]


@pytest.mark.parametrize("header", [
    "<p>日期：2025-11-18</p><p>来源：威凯尔医药</p>",
    "<table><tr><td>日期：2025-11-18</td><td>来源：威凯尔医药</td><td>浏览：128</td></tr></table>",
])
def test_a_header_with_a_bare_date_label_under_a_subtitle_is_the_header(header: str) -> None:
    html = _page("新闻详情",
                 "<h1>威凯尔医药喜获殊荣</h1><h2>热烈祝贺公司荣获国家高新技术企业称号！</h2>"
                 f"{header}<p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert (article.published_at.date().isoformat(), article.source) == (
        "2025-11-18", "威凯尔医药")
    assert article.body_text == _LONG_ZH


@pytest.mark.parametrize("credit", ["<p>来源：质量管理部　浏览：128</p>",
                                    "<p>编辑：陈雨　阅读：128</p>"])
def test_a_credit_with_a_count_under_the_text_is_not_the_header(credit: str) -> None:
    html = _page("新闻详情",
                 f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-11-18 09:30</p><p>{_LONG_ZH}</p>"
                 f"<p>{_LONG_ZH}</p>{credit}")
    assert parse_article(_ZH_URL, html).body_text.startswith(f"{_LONG_ZH}\n{_LONG_ZH}")


def test_a_date_line_under_the_text_with_the_source_above_it_leaves_the_text() -> None:
    html = _page("新闻详情",
                 f"<h1>威凯尔完成年度内审</h1><p>{_LONG_ZH}</p><p>{_LONG_ZH}</p>"
                 "<p>来源：质量管理部</p><p>发布时间：2025-11-18 09:30</p>")
    article = parse_article(_ZH_URL, html)
    assert article.published_at.isoformat() == "2025-11-18T09:30:00+08:00"
    assert article.body_text.startswith(f"{_LONG_ZH}\n{_LONG_ZH}")


def test_related_news_in_an_aside_after_the_text_ends_it_before_the_footer() -> None:
    html = _page("新闻详情",
                 f"<div class='main'><h1>威凯尔完成年度内审</h1><p>发布时间：2025-11-18 09:30</p>"
                 f"<p>{_LONG_ZH}</p></div><aside><h3>相关新闻</h3><ul><li><a href='/zh/news_"
                 "detail/1900000000000000021-16-1.html'>威凯尔通过欧盟GMP检查</a> 2025-11-20</li>"
                 "</ul></aside><div class='bottom'><p>地址：江苏省南京市江北新区药谷大道8号</p>"
                 "<p>电话：025-58888888</p></div>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


def test_a_pager_in_a_wrapper_named_inside_keeps_its_arrow_neighbours() -> None:
    html = _page("Vcare",
                 f"<div class='inside'><h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p>"
                 f"<p>{_LONG_EN}</p><nav class='post-pager'><a href='{_PREVIOUS}' "
                 f"aria-label='Previous'>&larr;</a> <a href='{_NEXT}' aria-label='Next'>&rarr;</a>"
                 "</nav></div>")
    article = parse_article(_EN_URL, html)
    assert article.previous and article.next


def test_a_texts_more_news_list_followed_by_more_paragraphs_is_text() -> None:
    html = _page("Vcare",
                 f"<h1>Headline</h1><p>Published Time: 2025-12-05 09:15</p><div><p>{_LONG_EN}</p>"
                 "<h3>More News</h3><ul><li><a href='/news_detail/1900000000000000021-18-6.html'>"
                 "Vcare Passes EU GMP Inspection</a></li></ul>"
                 f"<p>{_LONG_EN}</p></div>")
    article = parse_article(_EN_URL, html)
    assert article.related == []
    assert article.body_text.count(_LONG_EN) == 2


def test_a_photo_caption_mentioning_wechat_in_the_share_bars_box_is_text() -> None:
    html = _page("新闻详情",
                 "<h1>图片新闻：新实验室启用</h1><div><span>发布时间：2025-12-05 09:15</span></div>"
                 "<div class='content'>分享到：<a href='#'>微信</a> <a href='#'>微博</a>"
                 "<p><img src='/upload/lab1.jpg'></p>"
                 "<p>员工通过微信小程序完成新实验室参观预约</p></div>")
    assert parse_article(_ZH_URL, html).body_text == "员工通过微信小程序完成新实验室参观预约"


_PILOT_PLANT = ("The company opened a pilot plant for continuous flow chemistry in Nanjing this "
                "week, with three production lines.")


@pytest.mark.parametrize("footer", [
    "This entry was posted in <a href='/news/18-6.html'>Company News</a> and tagged "
    "<a href='/tag/vc005'>VC005</a>. Bookmark the <a href='#'>permalink</a>.",
    "This entry was posted on Tuesday, November 11th, 2025 at 5:02 pm and is filed under "
    "<a href='/news/18-6.html'>News</a>. You can follow any responses to this entry.",
    "Filed under <a href='/news/18-6.html'>Company News</a>. Bookmark the "
    "<a href='#'>permalink</a>.",
])
def test_a_blog_engines_post_footer_ends_the_body(footer: str) -> None:
    html = _page("Vcare opens a pilot plant | Vcare",
                 "<h2 class='entry-title'>Vcare opens a pilot plant</h2>"
                 "<div>Posted on <span>November 11, 2025</span> by admin</div>"
                 f"<div class='entry-content'><p>{_PILOT_PLANT}</p></div>"
                 f"<div class='entry-utility'>{footer}</div>")
    assert parse_article(_EN_URL, html).body_text == _PILOT_PLANT


def test_a_sentence_on_a_posted_entry_is_text() -> None:
    sentence = "This entry was the first of its kind posted by the plant's own team of chemists."
    html = _page("Vcare opens a pilot plant | Vcare",
                 "<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-11 17:02</p>"
                 f"<p>{_PILOT_PLANT}</p><p>{sentence}</p>")
    assert parse_article(_EN_URL, html).body_text == f"{_PILOT_PLANT}\n{sentence}"


@pytest.mark.parametrize("meta", [
    "<p>2025-11-18 10:20 （来源：新华社）</p>",
    "<p>（来源：新华社） 2025-11-18 10:20</p>",
    "<div>来源：新华社 &nbsp; 2025-11-18 10:20</div>",
    "<div>来源：<span>新华社</span> <span>2025-11-18 10:20</span> 浏览次数：386</div>",
])
def test_a_date_beside_the_source_label_without_a_label_of_its_own_dates_the_article(
        meta: str) -> None:
    article = parse_article(_ZH_URL, _page("新闻详情", f"<h1>威凯尔完成年度内审</h1>{meta}"
                                                    f"<p>{_LONG_ZH}</p>"))
    assert (article.published_at.isoformat(), article.source, article.body_text) == (
        "2025-11-18T10:20:00+08:00", "新华社", _LONG_ZH)


def test_a_dated_credit_under_the_text_does_not_date_the_article() -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>{_LONG_ZH}</p><p>{_LONG_ZH}</p>"
                 "<p>（来源：质量管理部） 2025-11-18</p>")
    article = parse_article(_ZH_URL, html)
    assert (article.published_at, article.source) == (None, None)


def test_a_byline_row_of_boxes_around_the_date_is_header() -> None:
    # WordPress block themes: date, "—", "by", author and category as boxes of one flex row.
    html = _page("Vcare opens a pilot plant | Vcare",
                 "<h1>Vcare opens a pilot plant</h1><div class='post-meta'>"
                 "<div><time datetime='2025-11-20T14:20:00+08:00'>2025-11-20 14:20</time></div>"
                 "<p>—</p><p>by</p><div><a href='/author/newsroom/'>Vcare Newsroom</a></div>"
                 "<div><span>in </span><a href='/news/18-6.html'>Company News</a></div></div>"
                 f"<div class='entry-content'><p>{_PILOT_PLANT}</p></div>")
    article = parse_article(_EN_URL, html)
    assert (article.published_at.isoformat(), article.body_text) == (
        "2025-11-20T14:20:00+08:00", _PILOT_PLANT)


@pytest.mark.parametrize("tags", [
    "<ul class='tags'><li><a href='/tag/talent'>Talent</a></li>"
    "<li><a href='/tag/campus'>Campus</a></li></ul>",
    "<div><a href='/tags/qa'>#质量管理</a> <a href='/tags/cdmo'>#CDMO</a></div>",
])
def test_a_row_of_tag_links_under_the_header_is_not_text(tags: str) -> None:
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p>{tags}<p>{_PILOT_PLANT}</p>")
    assert parse_article(_EN_URL, html).body_text == _PILOT_PLANT


@pytest.mark.parametrize("first", [
    f"<p><a href='{_PREVIOUS}'>The earlier announcement</a></p>",
    "<p>Read <a href='/reports/2025.html'>the annual report</a></p>",
    "<p><a href='#scope'>Scope</a></p>",
])
def test_a_first_line_linking_to_an_article_or_holding_words_of_its_own_stays_text(
        first: str) -> None:
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p>{first}<p id='scope'>{_PILOT_PLANT}</p>")
    assert parse_article(_EN_URL, html).body_text.endswith(f"\n{_PILOT_PLANT}")


def test_a_second_byline_repeating_the_date_is_header() -> None:
    # A WeChat article mirrored on the site: its own byline under the site's date line.
    html = _page("新闻详情", "<h1>威凯尔完成年度内审</h1>"
                 "<p>发布时间：2025-09-26 10:08 来源：威凯尔医药</p>"
                 "<div><span><a href='javascript:void(0);'>威凯尔医药</a></span> "
                 "<em>2025年9月26日 10:08</em> <em>江苏</em></div>"
                 f"<p>{_LONG_ZH}</p>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


@pytest.mark.parametrize("after", [
    "<h3>2 responses to “Vcare opens a pilot plant”</h3><ol><li><p>Great news for the region, "
    "congratulations to the whole team!</p></li></ol>",
    "<h3>One thought on “Vcare opens a pilot plant”</h3><p>Will the plant take outside work?</p>",
    "<div id='respond'><h3>Leave a Reply</h3><p>Your email address will not be published.</p>"
    "</div>",
    "<div><a href='/tag/cdmo/' rel='tag'>CDMO</a> <a href='/tag/kilo-lab/' rel='tag'>Kilo-Lab"
    "</a></div><p>Related reading is on our services page, which lists every site we run.</p>",
    "<h3>网友评论（2）</h3><p>祝贺威凯尔医药新车间投入使用，期待更多好消息。</p>",
    "<h2>评论</h2><div id='comment-widget'></div><p>已有 0 条评论，欢迎留言交流看法与建议。</p>",
])
def test_comments_and_a_row_of_tag_links_under_the_text_end_the_body(after: str) -> None:
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><p>{_LONG_EN}</p>{after}")
    assert parse_article(_EN_URL, html).body_text == f"{_PILOT_PLANT}\n{_LONG_EN}"


def test_a_paragraph_opening_with_comments_is_text() -> None:
    line = "Comments from the first customers who toured the plant were positive."
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><p>{line}</p>")
    assert parse_article(_EN_URL, html).body_text == f"{_PILOT_PLANT}\n{line}"


def _arrow_link(href: str, way: str, title: str) -> str:
    icon = f"<span class='i-tabler-chevron-{way}'></span>"
    words = f"<span>{title}...</span>"
    inside = icon + words if way == "left" else words + icon
    return f"<div><a role='navigation' href='{href}'>{inside}</a></div>"


def test_two_article_links_drawn_with_left_and_right_arrows_are_the_neighbours() -> None:
    # Halo's theme: chevron icons beside shortened titles, no label.
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><div class='flex'>"
                 + _arrow_link(_PREVIOUS, "left", "Vcare holds its annual safety")
                 + _arrow_link(_NEXT, "right", "Vcare signs an analytical services")
                 + "</div>")
    article = parse_article(_EN_URL, html)
    assert (article.previous, article.next) == (
        f"https://en.vcarepharmatech.com{_PREVIOUS}", f"https://en.vcarepharmatech.com{_NEXT}")


@pytest.mark.parametrize("ways", [("right", "right"), ("right", "left"), ("left",)])
def test_arrows_not_paired_left_then_right_are_no_neighbours(ways: tuple[str, ...]) -> None:
    links = "".join(_arrow_link(href, way, "Another story of the company")
                    for href, way in zip((_PREVIOUS, _NEXT), ways, strict=False))
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p>{links}")
    article = parse_article(_EN_URL, html)
    assert (article.previous, article.next) == (None, None)


@pytest.mark.parametrize("content", [
    "<p>近日，江苏省工业和信息化厅公布2025年度专精特新中小企业名单</p><p>威凯尔医药成功入选</p>",
    "<p><img src='/uploads/20251006/mid-autumn.jpg'></p><p>威凯尔医药祝大家中秋快乐</p>",
])
def test_short_lines_beside_the_date_box_in_one_box_stay_text(content: str) -> None:
    html = _page("新闻详情", "<div class='hd'><h1>威凯尔医药入选专精特新企业</h1></div>"
                 f"<div class='bd'><div class='date'>2025-11-18</div>{content}"
                 f"<p>上一篇：<a href='{_PREVIOUS}'>公司召开年度总结大会</a></p></div>")
    article = parse_article(_ZH_URL, html)
    assert article.body_text.endswith(("威凯尔医药成功入选", "威凯尔医药祝大家中秋快乐"))
    assert article.previous is not None


@pytest.mark.parametrize("link", [
    "<a href='/uploads/files/gonggao-2025-045.pdf'>关于召开2025年第一次临时股东大会的通知.pdf</a>",
    "<a href='https://mp.weixin.qq.com/s/AbCdEf'>威凯尔医药入选江苏省专精特新企业名单</a>",
])
def test_a_text_that_is_one_link_to_a_document_or_another_site_stays_text(link: str) -> None:
    html = _page("新闻详情", "<h1>关于召开临时股东大会的通知</h1>"
                 f"<div>发布时间：2025-11-18 来源：证券部</div><div><p>{link}</p></div>")
    assert parse_article(_ZH_URL, html).body_text.startswith(("关于召开", "威凯尔医药入选"))


def test_a_first_paragraph_opening_with_the_date_in_bold_stays_text() -> None:
    first = "2025年11月18日，公司召开2025年度安全生产工作会议。"
    html = _page("新闻详情", "<h1>公司召开安全生产工作会议</h1>"
                 "<div>发布时间：2025-11-18 来源：行政部</div>"
                 "<div><p><strong>2025年11月18日</strong>，公司召开2025年度安全生产工作会议。"
                 "</p><p>会议由总经理主持，各部门负责人参加</p></div>")
    assert parse_article(_ZH_URL, html).body_text.startswith(first)


def test_an_update_date_after_the_source_neither_dates_the_article_nor_joins_the_source() -> None:
    html = ("<html><head><meta property='article:published_time' content='2025-11-18T09:30:00"
            "+08:00'></head><body><h1>VC005 enters a Phase II clinical trial</h1><div>Source: "
            f"Vcare Communications &nbsp; Updated: 2025-11-20</div><p>{_PILOT_PLANT}</p>"
            "</body></html>")
    article = parse_article(_EN_URL, html)
    assert (article.published_at.isoformat(), article.source) == (
        "2025-11-18T09:30:00+08:00", "Vcare Communications")


def test_prose_opening_like_a_comments_heading_stays_text() -> None:
    line = "One response to the shortage has been dual sourcing of key starting materials."
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><p>{line}</p><p>{_LONG_EN}</p>")
    assert parse_article(_EN_URL, html).body_text == f"{_PILOT_PLANT}\n{line}\n{_LONG_EN}"


def test_a_content_column_whose_class_names_a_sidebar_is_read() -> None:
    # The PinTuer UI framework's wide left column is <div class="sidebar-l">.
    html = _page("新闻详情", "<div class='x9'><div class='sidebar-l'><div class='post'>"
                 "<h1>威凯尔完成年度内审</h1><div><span>来源：</span> "
                 f"<span>发布时间：2025-11-06</span></div><p>{_LONG_ZH}</p><p>{_LONG_ZH}</p></div></div></div>"
                 "<div class='x3'><div class='sidebar-r'><h3>最新动态</h3></div></div>")
    article = parse_page(_ZH_URL, html).article
    assert article is not None and article.body_text == f"{_LONG_ZH}\n{_LONG_ZH}"


def test_a_menu_holding_the_site_name_in_an_h1_is_still_chrome() -> None:
    html = _page("新闻详情", "<div class='navbar'><h1><a href='/'>威凯尔医药</a></h1><ul><li>"
                 "<a href='/about/'>关于我们</a></li></ul></div><h2>威凯尔完成年度内审</h2>"
                 f"<p>发布时间：2025-11-06</p><p>{_LONG_ZH}</p>")
    article = parse_article(_ZH_URL, html)
    assert (article.title, article.body_text) == ("威凯尔完成年度内审", _LONG_ZH)


def test_an_add_to_favourites_button_under_the_text_ends_the_body() -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-11-06</p>"
                 f"<p>{_LONG_ZH}</p><div><a href='javascript:void(0);'>加入收藏</a></div>")
    assert parse_article(_ZH_URL, html).body_text == _LONG_ZH


@pytest.mark.parametrize("after", [
    "<div><a href='/news/18-6.html?tag=facilities'>facilities</a> "
    "<a href='/news/18-6.html?tag=analytical'>analytical</a></div>",
    "<div><a href='https://www.linkedin.com/shareArticle?url=x'>LinkedIn</a> "
    "<a href='https://twitter.com/intent/tweet?url=x'>X</a></div>",
    "<div><a href='/search/label/CDMO'>CDMO</a>, <a href='/search/label/Awards'>Awards</a></div>",
    "<div><a href='javascript:;'>赞</a> 36 <a href='javascript:;'>分享</a></div>",
    "<div class='digg'><div><a href='javascript:;'>顶一下</a><br>(0)<br>0%</div>"
    "<div><a href='javascript:;'>踩一下</a><br>(0)<br>0%</div></div>",
])
def test_unlabelled_tag_and_share_rows_under_the_text_end_the_body(after: str) -> None:
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><p>{_LONG_EN}</p>{after}"
                 "<p>Comments are closed for this article, which ran in the autumn issue.</p>")
    assert parse_article(_EN_URL, html).body_text == f"{_PILOT_PLANT}\n{_LONG_EN}"


def test_a_blogger_post_dated_by_its_timestamp_with_older_and_newer_links() -> None:
    html = _page("Vcare opens a pilot plant | Vcare",
                 "<h2 class='date-header'><span>Wednesday, November 12, 2025</span></h2>"
                 "<div class='post hentry' itemscope itemtype='http://schema.org/BlogPosting'>"
                 "<h3 class='post-title'>Vcare opens a pilot plant</h3>"
                 f"<div>{_PILOT_PLANT}<br><br>{_LONG_EN}</div>"
                 "<div class='post-footer'>Posted by <span>Vcare Communications</span> at <a "
                 "href='#'><abbr itemprop='datePublished' title='2025-11-12T17:02:00+08:00'>"
                 "5:02 PM</abbr></a></div></div><h4>2 comments:</h4><p>Congratulations to the "
                 f"whole team on the award!</p><div><a href='{_NEXT}'>Newer Post</a> "
                 f"<a href='{_PREVIOUS}'>Older Post</a> <a href='/'>Home</a></div>")
    article = parse_article(_EN_URL, html)
    assert (article.published_at.isoformat(), article.body_text) == (
        "2025-11-12T17:02:00+08:00", f"{_PILOT_PLANT}\n{_LONG_EN}")
    assert (article.previous, article.next) == (
        f"https://en.vcarepharmatech.com{_PREVIOUS}", f"https://en.vcarepharmatech.com{_NEXT}")


def test_a_meta_list_of_four_above_the_headline_dates_the_article() -> None:
    html = _page("Vcare opens a pilot plant | Vcare",
                 "<ul class='blog-meta'><li>Nov 18, 2025</li><li>By <a href='#'>Vcare "
                 "Editorial</a></li><li><a href='/news/18-6.html'>Company News</a></li><li><a "
                 f"href='#comments'>03 Comments</a></li></ul><h2>Vcare opens a pilot plant</h2>"
                 f"<div><p>{_PILOT_PLANT}</p></div>")
    assert parse_article(_EN_URL, html).published_at.isoformat() == "2025-11-18T00:00:00+08:00"


def test_post_cards_in_a_nav_box_labelled_over_their_titles_are_the_neighbours() -> None:
    def card(href: str, label: str) -> str:
        return (f"<div class='post-nav-item'><a href='{href}'><img src='/t.jpg' alt=''></a>"
                f"<span>{label}</span><h5><a href='{href}'>Another story</a></h5></div>")

    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><div class='row'>"
                 f"{card(_PREVIOUS, 'Previous Post')}{card(_NEXT, 'Next Post')}</div>")
    article = parse_article(_EN_URL, html)
    assert (article.previous, article.next) == (
        f"https://en.vcarepharmatech.com{_PREVIOUS}", f"https://en.vcarepharmatech.com{_NEXT}")


def test_a_label_above_a_nav_box_of_several_articles_names_no_neighbour() -> None:
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p><div class='post-nav'><span>Next Post</span>"
                 f"<ul><li><a href='{_NEXT}'>One story</a></li><li><a href='{_PREVIOUS}'>"
                 "Another story</a></li></ul></div>")
    assert parse_article(_EN_URL, html).next is None


@pytest.mark.parametrize("inside", [
    "<div class='bctt-click-to-tweet'><a href='https://twitter.com/intent/tweet?url=x&amp;text=y'"
    ">Our new peptide facility triples our capacity for clinical supply</a> <a href='https://"
    "twitter.com/intent/tweet?url=x'>Click To Tweet</a></div>",
    "<p><a href='https://pan.baidu.com/share/init?surl=abc'>Vcare ESG report 2025 (PDF)</a></p>",
])
def test_a_quote_to_tweet_or_a_shared_download_inside_the_text_is_text(inside: str) -> None:
    html = _page("Vcare", f"<h1>Vcare opens a pilot plant</h1><p>Published Time: 2025-11-20 "
                 f"14:20</p><p>{_PILOT_PLANT}</p>{inside}<p>{_LONG_EN}</p>")
    assert parse_article(_EN_URL, html).body_text.endswith(_LONG_EN)


def test_a_related_cards_microdata_does_not_date_the_article() -> None:
    html = _page("Vcare opens a pilot plant | Vcare",
                 f"<h1>Vcare opens a pilot plant</h1><p>{_PILOT_PLANT}</p><h3>Related News</h3>"
                 "<ul><li itemscope itemtype='https://schema.org/NewsArticle'><meta itemprop="
                 "'datePublished' content='2025-11-18T09:00:00+08:00'><a href='/news_detail/"
                 "1900000000000000008-18-6.html'>Another story</a></li></ul>")
    assert parse_article(_EN_URL, html).published_at is None


def test_todays_date_in_a_top_bar_over_the_menu_does_not_date_the_article() -> None:
    html = _page("新闻详情", "<div class='top'><div class='fl'>2025年11月20日</div><div class='fr'>"
                 "<a href='#'>设为首页</a> | <a href='#'>加入收藏</a></div></div><div class='menu'>"
                 "<a href='/'>首页</a> <a href='/about/'>关于我们</a></div><div class='position'>"
                 "当前位置：<a href='/'>首页</a> &gt; <a href='/news/'>新闻中心</a></div>"
                 f"<h1>威凯尔完成年度内审</h1><div class='date'>2023-05-10</div><p>{_LONG_ZH}</p>")
    assert parse_article(_ZH_URL, html).published_at.date() == date(2023, 5, 10)


def test_related_links_heading_links_to_other_sites_inside_the_text_do_not_end_it() -> None:
    html = _page("新闻详情", f"<h1>威凯尔完成年度内审</h1><p>发布时间：2025-11-06</p>"
                 f"<p>{_LONG_ZH}</p><p>相关链接</p><p><a href='https://www.accessdata.fda.gov/scripts/cder/dmf/'>"
                 f"FDA DMF数据库</a></p><p>{_LONG_ZH}</p>")
    assert parse_article(_ZH_URL, html).body_text.endswith(f"FDA DMF数据库\n{_LONG_ZH}")
