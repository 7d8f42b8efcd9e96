"""One rule per test: how a news item (a listing entry, a Related News entry) is read."""

from __future__ import annotations

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
