"""``Site``: the replica's current content (base site plus the state's changes) and its
ground-truth manifest."""

from __future__ import annotations

import os
from pathlib import Path

from crawler.errors import UserError
from crawler.sample_site import model, urls
from crawler.sample_site.faults import FaultPlan
from crawler.sample_site.model import Edition, NewsArticle
from crawler.sample_site.state import State, resolve_state, write_state

LANGUAGES = ("en", "zh")


class Site:
    """The replica's articles for one state. ``add``/``edit`` also persist to the state dir."""

    def __init__(self, state: State, state_dir: str | os.PathLike | None = None):
        self.state = state
        self.state_dir = Path(state_dir) if state_dir is not None else None
        self.editions: dict[str, Edition] = model.generate_site(state.articles, state.seed)
        for index, change in enumerate(state.changes):
            self._apply(index, change)

    @property
    def articles_per_edition(self) -> int:
        return self.state.articles

    @property
    def seed(self) -> int:
        return self.state.seed

    @property
    def revision(self) -> int:
        """How many changes have been applied on top of the base site."""
        return len(self.state.changes)

    def all_articles(self) -> list[NewsArticle]:
        return [a for lang in LANGUAGES for a in self.editions[lang].articles]

    def article(self, news_id: str) -> NewsArticle | None:
        for edition in self.editions.values():
            if news_id in edition.by_id:
                return edition.by_id[news_id]
        return None

    def image_paths(self) -> list[str]:
        return ["/uploads/logo.png", *sorted({p for a in self.all_articles() for p in a.images})]

    # --- changes ------------------------------------------------------------------------

    def add(self, count: int, language: str = "both") -> list[NewsArticle]:
        """Publish ``count`` new articles in Company News of each chosen edition
        (``language``: "en", "zh" or "both", i.e. ``count`` per edition)."""
        if count < 1:
            raise UserError(f"--count must be at least 1, got {count}")
        if language not in (*LANGUAGES, "both"):
            raise UserError(f"unknown language {language!r}; use en, zh or both")
        return self._record({"op": "add", "language": language, "count": count})

    def edit(self, news_id: str) -> NewsArticle:
        """Retitle the article and rewrite one of its body paragraphs."""
        if self.article(news_id) is None:
            raise UserError(f"no article with news id {news_id!r}")
        return self._record({"op": "edit", "news_id": news_id})[0]

    def _record(self, change: dict) -> list[NewsArticle]:
        result = self._apply(len(self.state.changes), change)
        self.state.changes.append(change)
        if self.state_dir is not None:
            write_state(self.state_dir, self.state)
        return result

    def _apply(self, index: int, change: dict) -> list[NewsArticle]:
        if change.get("op") == "add":
            langs = LANGUAGES if change["language"] == "both" else (change["language"],)
            count = int(change["count"])
            return [a for lang in langs
                    for a in model.apply_add(self.editions[lang], count, index, self.seed)]
        if change.get("op") == "edit":
            article = self.article(change["news_id"])
            if article is None:
                raise UserError(f"replica state edits unknown news id {change['news_id']!r}")
            edition = self.editions[article.language]
            return [model.apply_edit(edition, article.news_id, index, self.seed)]
        raise UserError(f"replica state has an unknown change: {change!r}")

    # --- ground truth -------------------------------------------------------------------

    def manifest(
        self, layout: str = "standard", fault_rate: float = 0.0, fault_seed: int = 0
    ) -> dict:
        articles = [self._article_entry(a, layout) for a in self.all_articles()]
        data = {
            "site": {
                "articles_per_edition": self.articles_per_edition,
                "seed": self.seed,
                "revision": self.revision,
                "layout": layout,
                "homes": {lang: urls.home_path(lang) for lang in LANGUAGES},
                "page_size": model.PAGE_SIZE,
            },
            "sections": [self._section_entry(lang, s, layout)
                         for lang in LANGUAGES for s in self.editions[lang].sections],
            "articles": articles,
        }
        if fault_rate > 0:
            data.update(FaultPlan(fault_rate, fault_seed).describe(self, layout))
        return data

    def _section_entry(self, lang: str, section: model.Section, layout: str) -> dict:
        edition = self.editions[lang]
        pages = edition.page_count(section)
        return {
            "language": lang,
            "key": section.key,
            "name": section.name,
            "number": section.number,
            "sub": section.sub,
            "listing_url": urls.listing_path(section, 1, layout),
            "page_urls": [urls.listing_path(section, p, layout) for p in range(1, pages + 1)],
            "page_count": pages,
            "article_count": len(edition.in_section(section)),
            "news_ids": [a.news_id for a in edition.in_section(section)],
        }

    def _article_entry(self, a: NewsArticle, layout: str) -> dict:
        older, newer = self.editions[a.language].neighbours(a)
        return {
            "news_id": a.news_id,
            "url": urls.article_path(a, layout),
            "language": a.language,
            "section": a.section.name,
            "section_key": a.section.key,
            "title": a.title,
            "published_at": a.published_at.isoformat(timespec="seconds")
            if a.show_seconds
            else a.published_at.replace(second=0).isoformat(timespec="seconds"),
            "published_text": a.published_text,
            "source": a.source,
            "views": a.views,
            "summary": a.summary,
            "body_text": a.body_text,
            "images": a.images,
            "related": [rid for rid, _ in a.related],
            "related_untitled": [rid for rid, titled in a.related if not titled],
            "previous": older.news_id if older else None,
            "next": newer.news_id if newer else None,
            "template": "redesign" if layout == "redesign" else a.template,
            "revision": a.revision,
            "etag": a.record_etag(layout),
            "last_modified": a.last_modified.isoformat(timespec="seconds"),
        }


def build_site(
    articles: int | None = None, seed: int | None = None, state_dir: str | os.PathLike | None = None
) -> Site:
    """The replica's content: from ``state_dir`` when it holds a state (created there from the
    arguments otherwise), else from (articles, seed), defaulting to 60 per edition and seed 1."""
    return Site(resolve_state(state_dir, articles, seed), state_dir)
