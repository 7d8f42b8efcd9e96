"""The stored pages under tests/fixtures/pages and the URL each was fetched from.

Each ``<stem>.html`` has its expected parse in ``<stem>.json`` beside it; after an intended
parser change, re-generate those with ``python -m tests.pages.regenerate`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crawler.pages import parse_page
from crawler.pages.serialize import parsed_page_to_dict

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "pages"

EN = "https://en.vcarepharmatech.com"
ZH = "http://www.vcarepharmatech.com"

PAGES: dict[str, str] = {
    # div/class-heavy CMS layout
    "cms_article_en": f"{EN}/news_detail/1988000000000000001-18-6.html",
    "cms_listing_en": f"{EN}/news_list-18-6.html",
    "cms_listing_en_last": f"{EN}/news_list-18-6-3.html",
    # old table layout, GBK bytes (declared as gb2312 / not declared at all)
    "table_article_zh_gbk": f"{ZH}/zh/news_detail/1991000000000000019-18-6.html",
    "table_listing_zh_gbk_undeclared": f"{ZH}/xwzx/gsxw/index.html",
    # semantic HTML5: article/aside/dl/time
    "semantic_article_en": f"{EN}/news_detail/1993000000000000031.html?utm_source=feed#top",
    "semantic_listing_zh": "https://www.vcarepharmatech.com/zh/news/company/?page=1",
    # written after the parser passed the three above, without adapting it to them first:
    # label/value in sibling <span>s, date split over <em>/<i>, lazy images, inline titles
    "unseen_article_zh": "https://www.vcarepharmatech.com/zh/news_detail/1995000000000000050-18-6.html",
    "unseen_listing_en": f"{EN}/media/company/",
}


def page_bytes(stem: str) -> bytes:
    return (FIXTURE_DIR / f"{stem}.html").read_bytes()


def parse_fixture(stem: str) -> dict[str, Any]:
    return parsed_page_to_dict(parse_page(PAGES[stem], page_bytes(stem)))


def expected(stem: str) -> dict[str, Any]:
    return json.loads((FIXTURE_DIR / f"{stem}.json").read_text(encoding="utf-8"))
