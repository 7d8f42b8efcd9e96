"""Turns a ``Site`` into served resources: routing table, HTML rendering, validators.

``Renderer.get(path)`` returns a ``Resource`` (body bytes, content type, ETag, Last-Modified)
or None; pages render on first request and stay cached for the life of the renderer (the
server makes a new renderer when the state changes).
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from crawler.sample_site import media, urls
from crawler.sample_site.layouts import LAYOUTS
from crawler.sample_site.model import FIRST_DAY, PAGE_SIZE, Edition, NewsArticle, Section
from crawler.sample_site.site import LANGUAGES, Site
from crawler.sample_site.views import LABELS, ArticleView, Chrome, Link, NavItem, Pager

HTML = "text/html; charset=utf-8"
ROBOTS = b"User-agent: *\nDisallow: /admin/\nDisallow: /search\nAllow: /\n"

INTRO = {
    "en": "Jiangsu Vcare PharmaTech discovers and develops small-molecule medicines for "
    "immune diseases and cancer, and offers research and manufacturing services to partners.",
    "zh": "江苏威凯尔医药科技有限公司专注于免疫疾病和肿瘤领域的小分子创新药研发，"
    "并为合作伙伴提供研发与生产服务。",
}
SIMPLE_TEXT = {
    ("en", "about"): ("Founded in Nanjing, the company runs discovery chemistry, pharmacology and "
                      "pilot manufacturing under one roof.",
                      "Its teams work on kinase inhibitors and other targeted small molecules."),
    ("en", "products"): ("The pipeline includes programs from preclinical research to late-stage "
                         "clinical development.",),
    ("en", "contact"): ("Email: info@example.invalid", "Phone: +86 25 0000 0000"),
    ("zh", "about"): ("公司总部位于南京，集药物化学、药理学研究和中试生产于一体。",
                      "研发团队聚焦激酶抑制剂等靶向小分子药物。"),
    ("zh", "products"): ("公司产品管线涵盖从临床前研究到后期临床开发的多个项目。",),
    ("zh", "contact"): ("邮箱：info@example.invalid", "电话：+86 25 0000 0000"),
}


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str
    etag: str
    last_modified: datetime


def body_etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


class Renderer:
    """Every resource of one site in one layout ("standard" or "redesign")."""

    def __init__(self, site: Site, layout: str = "standard"):
        self.site = site
        self.layout = layout
        self.routes: dict[str, Callable[[], Resource]] = {}
        self.articles_by_path: dict[str, NewsArticle] = {}
        self._cache: dict[str, Resource] = {}
        self._lock = threading.Lock()
        self._build_routes()

    # --- routing ------------------------------------------------------------------------

    def _build_routes(self) -> None:
        r = self.routes
        r["/robots.txt"] = lambda: Resource(ROBOTS, "text/plain; charset=utf-8",
                                            body_etag(ROBOTS), FIRST_DAY)
        for image in self.site.image_paths():
            r[image] = lambda p=image: self._image(p)
        for lang in LANGUAGES:
            edition = self.site.editions[lang]
            r[urls.home_path(lang)] = lambda e=edition: self._home(e)
            for name in urls.SIMPLE_PAGES:
                r[urls.simple_path(lang, name)] = lambda e=edition, n=name: self._simple(e, n)
            for section in edition.sections:
                for page in range(1, edition.page_count(section) + 1):
                    path = urls.listing_path(section, page, self.layout)
                    r[path] = lambda e=edition, s=section, p=page: self._listing(e, s, p)
            for article in edition.articles:
                path = urls.article_path(article, self.layout)
                self.articles_by_path[path] = article
                r[path] = lambda a=article: self.article_resource(a)

    def get(self, path: str) -> Resource | None:
        """The resource at ``path``; the standard site ignores query strings it does not use."""
        if path not in self.routes and self.layout == "standard":
            path = path.split("?", 1)[0]
        cached = self._cache.get(path)
        if cached is not None:
            return cached
        make = self.routes.get(path)
        if make is None:
            return None
        resource = make()
        with self._lock:
            self._cache[path] = resource
        return resource

    def kind_of(self, path: str) -> str | None:
        """"article", "listing", "image", "robots", "page" or None for an unknown path."""
        if path not in self.routes:
            return None
        if path in self.articles_by_path:
            return "article"
        if path == "/robots.txt":
            return "robots"
        if path.startswith("/uploads/"):
            return "image"
        return "listing" if ("/news/" in path or "/list?" in path) else "page"

    # --- pieces -------------------------------------------------------------------------

    def _template(self, path: str, article: NewsArticle | None = None):
        if self.layout == "redesign":
            return LAYOUTS["redesign"]
        if article is not None:
            return LAYOUTS[article.template]
        # listings and plain pages alternate looks by path, deterministically
        return LAYOUTS["cms" if zlib.crc32(path.encode()) % 2 == 0 else "html5"]

    def _link(self, article: NewsArticle, titled: bool = True) -> Link:
        return Link(urls.article_path(article, self.layout), article.title if titled else None,
                    article.summary, article.published_at)

    def _chrome(self, edition: Edition, title: str, crumbs, canonical: str | None = None) -> Chrome:
        lb = LABELS[edition.language]
        lang = edition.language
        sections = tuple(NavItem(s.name, urls.listing_path(s, 1, self.layout))
                         for s in edition.sections)
        nav = (
            NavItem(lb["home"], urls.home_path(lang)),
            NavItem(lb["about"], urls.simple_path(lang, "about")),
            NavItem(lb["products"], urls.simple_path(lang, "products")),
            NavItem(lb["news"], sections[0].href, sections),
            NavItem(lb["contact"], urls.simple_path(lang, "contact")),
        )
        other = "en" if lang == "zh" else "zh"
        latest = tuple(self._link(a) for a in edition.articles[:5])
        home = (lb["home"], urls.home_path(lang))
        return Chrome(lang, title, nav, urls.home_path(other), (home, *crumbs), latest, canonical)

    def _html(self, template, chrome: Chrome, main: str) -> bytes:
        return template.document(chrome, main).encode("utf-8")

    def _home(self, edition: Edition) -> Resource:
        path = urls.home_path(edition.language)
        template = self._template(path)
        chrome = self._chrome(edition, LABELS[edition.language]["home"], ())
        items = tuple(self._link(a) for a in edition.articles[:6])
        body = self._html(template, chrome, template.home(chrome, INTRO[edition.language], items))
        return Resource(body, HTML, body_etag(body), edition.clock)

    def _simple(self, edition: Edition, name: str) -> Resource:
        lang = edition.language
        template = self._template(urls.simple_path(lang, name))
        heading = LABELS[lang][name]
        chrome = self._chrome(edition, heading, ((heading, None),))
        main = template.simple(chrome, heading, SIMPLE_TEXT[(lang, name)])
        body = self._html(template, chrome, main)
        return Resource(body, HTML, body_etag(body), FIRST_DAY)

    def _listing(self, edition: Edition, section: Section, page: int) -> Resource:
        path = urls.listing_path(section, page, self.layout)
        template = self._template(path)
        count = edition.page_count(section)
        items = edition.in_section(section)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        pager = Pager(
            tuple((n, urls.listing_path(section, n, self.layout)) for n in range(1, count + 1)),
            page,
            urls.listing_path(section, page - 1, self.layout) if page > 1 else None,
            urls.listing_path(section, page + 1, self.layout) if page < count else None,
        )
        lb = LABELS[edition.language]
        crumbs = ((lb["news"], urls.listing_path(edition.sections[0], 1, self.layout)),
                  (section.name, None))
        chrome = self._chrome(edition, section.name, crumbs)
        main = template.listing(chrome, section.name, tuple(self._link(a) for a in items), pager)
        body = self._html(template, chrome, main)
        return Resource(body, HTML, body_etag(body), edition.clock)

    def article_view(self, article: NewsArticle) -> ArticleView:
        edition = self.site.editions[article.language]
        older, newer = edition.neighbours(article)
        related = tuple(self._link(edition.by_id[rid], titled) for rid, titled in article.related)
        return ArticleView(
            title=article.title,
            published_text=article.published_text,
            published_at=article.published_at,
            source=article.source,
            views=article.views,
            blocks=article.blocks,
            section_name=article.section.name,
            previous=(urls.article_path(older, self.layout), older.title) if older else None,
            next=(urls.article_path(newer, self.layout), newer.title) if newer else None,
            related=related,
        )

    def article_html(self, article: NewsArticle, view: ArticleView | None = None) -> str:
        """The article page as text; ``view`` lets a fault swap parts of what it shows."""
        view = view or self.article_view(article)
        edition = self.site.editions[article.language]
        path = urls.article_path(article, self.layout)
        template = self._template(path, article)
        lb = LABELS[article.language]
        crumbs = ((lb["news"], urls.listing_path(edition.sections[0], 1, self.layout)),
                  (article.section.name, urls.listing_path(article.section, 1, self.layout)))
        chrome = self._chrome(edition, view.title, crumbs, canonical=path)
        return template.document(chrome, template.article(chrome, view))

    def article_resource(self, article: NewsArticle) -> Resource:
        body = self.article_html(article).encode("utf-8")
        return Resource(body, HTML, article.record_etag(self.layout), article.last_modified)

    def variant(self, article: NewsArticle, **changes) -> str:
        """The article page with some view fields replaced (used by faults)."""
        return self.article_html(article, replace(self.article_view(article), **changes))

    def _image(self, path: str) -> Resource:
        body, ctype = media.image_bytes(path)
        return Resource(body, ctype, body_etag(body), FIRST_DAY)
