"""What a layout is given to draw: plain view data, already resolved to hrefs and texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from crawler.sample_site.content import Block

LABELS = {
    "en": {
        "site": "Jiangsu Vcare PharmaTech",
        "home": "Home",
        "about": "About Us",
        "products": "Products",
        "news": "News",
        "contact": "Contact Us",
        "published": "Published Time:",
        "source": "Source:",
        "views": "Views: ",
        "previous_page": "Previous Page",
        "next_page": "Next Page",
        "related": "Related News",
        "latest": "Latest News",
        "previous": "Previous",
        "next": "Next",
        "more": "More",
        "location": "Location:",
        "switch": "中文",
        "footer": "Copyright © 2025 Jiangsu Vcare PharmaTech Co., Ltd. All Rights Reserved.",
        "address": "Jiangbei New Area, Nanjing, Jiangsu, China",
    },
    "zh": {
        "site": "江苏威凯尔医药科技",
        "home": "首页",
        "about": "关于我们",
        "products": "产品管线",
        "news": "新闻中心",
        "contact": "联系我们",
        "published": "发布时间：",
        "source": "来源：",
        "views": "浏览次数：",
        "previous_page": "上一篇",
        "next_page": "下一篇",
        "related": "相关新闻",
        "latest": "最新资讯",
        "previous": "上一页",
        "next": "下一页",
        "more": "更多",
        "location": "当前位置：",
        "switch": "English",
        "footer": "版权所有 © 2025 江苏威凯尔医药科技有限公司 苏ICP备00000000号-1",
        "address": "中国江苏省南京市江北新区",
    },
}


@dataclass(frozen=True)
class Link:
    """A dated news item (listing row, related item, sidebar entry)."""

    href: str
    title: str | None  # some Related News items show only their summary
    summary: str
    when: datetime


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    children: tuple[NavItem, ...] = ()


@dataclass(frozen=True)
class Chrome:
    """Everything around the main content: head, menu, language switch, crumbs, sidebar."""

    language: str
    page_title: str
    nav: tuple[NavItem, ...]
    switch_href: str
    crumbs: tuple[tuple[str, str | None], ...]
    latest: tuple[Link, ...]
    canonical: str | None = None

    @property
    def labels(self) -> dict[str, str]:
        return LABELS[self.language]

    @property
    def html_lang(self) -> str:
        return "zh-CN" if self.language == "zh" else "en"


@dataclass(frozen=True)
class Pager:
    pages: tuple[tuple[int, str], ...]  # (number, href) for every page
    current: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class ArticleView:
    title: str
    published_text: str
    published_at: datetime
    source: str | None
    views: int | None
    blocks: tuple[Block, ...]
    section_name: str
    previous: tuple[str, str] | None = None  # (href, title) of the older neighbour
    next: tuple[str, str] | None = None
    related: tuple[Link, ...] = field(default_factory=tuple)
