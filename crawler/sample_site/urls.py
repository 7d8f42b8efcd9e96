"""Where each page of the replica lives, for each layout.

Standard layout (the real site's scheme)::

    /                      /zh/                      home pages
    /about.html  /products.html  /contact.html       (and under /zh/)
    /news/18-6.html        page 1 of Company News;   /news/18-6_2.html is page 2
    /news_detail/<19-digit id>-18-6.html             an article (Chinese: /zh/news_detail/...)

Redesign layout: listings at ``/list?cat=company&page=2`` and articles at ``/item?id=<id>``
(with the ``/zh`` prefix for the Chinese edition); home and simple pages stay where they were.
"""

from __future__ import annotations

from crawler.sample_site.model import NewsArticle, Section

LAYOUTS = ("standard", "redesign")
SIMPLE_PAGES = ("about", "products", "contact")


def home_path(language: str) -> str:
    return "/zh/" if language == "zh" else "/"


def simple_path(language: str, name: str) -> str:
    return f"{'/zh' if language == 'zh' else ''}/{name}.html"


def listing_path(section: Section, page: int, layout: str = "standard") -> str:
    if layout == "redesign":
        query = f"cat={section.key}" + (f"&page={page}" if page > 1 else "")
        return f"{section.prefix}/list?{query}"
    suffix = f"_{page}" if page > 1 else ""
    return f"{section.prefix}/news/{section.number}-{section.sub}{suffix}.html"


def article_path(article: NewsArticle, layout: str = "standard") -> str:
    if layout == "redesign":
        return f"{article.section.prefix}/item?id={article.news_id}"
    return article.path
