"""The replica's data: editions, sections and articles, generated from (articles, seed).

``generate_site`` builds the base site; ``apply_add`` and ``apply_edit`` replay the changes kept
in a state directory (see ``state.py``). Nothing here renders HTML or touches the network.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from crawler.sample_site import content
from crawler.sample_site.content import Block

CST = timezone(timedelta(hours=8), "CST")
FIRST_DAY = datetime(2021, 1, 4, 9, 0, tzinfo=CST)
LAST_DAY = datetime(2025, 11, 14, 18, 0, tzinfo=CST)
SNOWFLAKE_EPOCH_MS = 1288834974657  # ids are snowflake-like: a timestamp in the high bits
PAGE_SIZE = 10
WORK_MINUTES = 12 * 60
TEMPLATES = ("cms", "html5")


@dataclass(frozen=True)
class Section:
    language: str
    key: str  # "company" or "industry"
    name: str
    number: int  # the two numbers in article URLs: /news_detail/<id>-<number>-<sub>.html
    sub: int

    @property
    def prefix(self) -> str:
        return "/zh" if self.language == "zh" else ""


SECTIONS = {
    "en": (
        Section("en", "company", "Company News", 18, 6),
        Section("en", "industry", "Industry News", 18, 7),
    ),
    "zh": (
        Section("zh", "company", "公司新闻", 16, 1),
        Section("zh", "industry", "行业动态", 16, 2),
    ),
}


@dataclass(eq=False)
class NewsArticle:
    news_id: str
    language: str
    section: Section
    title: str
    summary: str
    blocks: tuple[Block, ...]
    published_at: datetime
    show_seconds: bool  # some pages print HH:MM:SS, most HH:MM
    source: str | None
    views: int | None
    template: str
    related: list[tuple[str, bool]] = field(default_factory=list)  # (news_id, shows a title)
    modified_at: datetime | None = None
    revision: int = 0

    @property
    def path(self) -> str:
        s = self.section
        return f"{s.prefix}/news_detail/{self.news_id}-{s.number}-{s.sub}.html"

    @property
    def published_text(self) -> str:
        pattern = "%Y-%m-%d %H:%M:%S" if self.show_seconds else "%Y-%m-%d %H:%M"
        return self.published_at.strftime(pattern)

    @property
    def last_modified(self) -> datetime:
        return self.modified_at or self.published_at

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.kind != "img")

    @property
    def images(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "img"]

    def record_etag(self, layout: str) -> str:
        """ETag of the article record: the CMS tags a page by its own content and revision,
        so neighbour links, sidebars and related titles around it can change under one tag."""
        parts = (layout, self.template, self.title, self.published_text, self.source or "",
                 str(self.views), *(b.kind + b.text for b in self.blocks), str(self.revision))
        return '"' + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20] + '"'


@dataclass
class Edition:
    language: str
    sections: tuple[Section, ...]
    articles: list[NewsArticle]  # newest first
    by_id: dict[str, NewsArticle] = field(default_factory=dict)
    _by_section: dict[Section, list[NewsArticle]] = field(default_factory=dict, repr=False)
    _position: dict[str, int] = field(default_factory=dict, repr=False)  # index in its section

    @property
    def prefix(self) -> str:
        return "/zh" if self.language == "zh" else ""

    @property
    def clock(self) -> datetime:
        """The latest moment anything in this edition was published or changed."""
        return max(a.last_modified for a in self.articles)

    def in_section(self, section: Section) -> list[NewsArticle]:
        return self._by_section.get(section, [])

    def page_count(self, section: Section) -> int:
        return max(1, -(-len(self.in_section(section)) // PAGE_SIZE))

    def neighbours(self, article: NewsArticle) -> tuple[NewsArticle | None, NewsArticle | None]:
        """(older, newer) neighbour in the article's section: the Previous and Next Page."""
        items = self.in_section(article.section)
        i = self._position[article.news_id]
        older = items[i + 1] if i + 1 < len(items) else None
        newer = items[i - 1] if i > 0 else None
        return older, newer

    def reindex(self) -> None:
        """Re-sort after articles were added; refreshes the lookups."""
        self.articles.sort(key=lambda a: a.published_at, reverse=True)
        self.by_id = {a.news_id: a for a in self.articles}
        self._by_section = {s: [a for a in self.articles if a.section == s] for s in self.sections}
        self._position = {a.news_id: i for items in self._by_section.values()
                          for i, a in enumerate(items)}


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join(["vcare-replica", str(seed), *map(str, parts)]))


def _news_id(rng: random.Random, when: datetime) -> str:
    ms = int(when.timestamp() * 1000) - SNOWFLAKE_EPOCH_MS
    return str((ms << 22) | rng.getrandbits(22))


def _image_paths(rng: random.Random, when: datetime) -> list[str]:
    count = rng.choice((1, 1, 2, 2, 3))
    exts = ["png" if rng.random() < 0.15 else "jpg" for _ in range(count)]
    return [f"/uploads/{when:%Y/%m}/{rng.getrandbits(48):012x}.{ext}" for ext in exts]


def _new_article(
    rng: random.Random, language: str, section: Section, when: datetime
) -> NewsArticle:
    story_of = content.english_story if language == "en" else content.chinese_story
    story = story_of(rng, section.key, when.year, _image_paths(rng, when))
    return NewsArticle(
        news_id=_news_id(rng, when),
        language=language,
        section=section,
        title=story.title,
        summary=story.summary,
        blocks=story.blocks,
        published_at=when,
        show_seconds=rng.random() < 0.25,
        source=story.source,
        views=story.views,
        template=rng.choice(TEMPLATES),
    )


def _pick_related(
    rng: random.Random, article: NewsArticle, pool: list[NewsArticle], in_pool: bool
) -> None:
    count = min(len(pool) - in_pool, rng.randint(2, 6))
    picks = [a for a in rng.sample(pool, min(len(pool), count + 1)) if a is not article]
    chosen = sorted(picks[:count], key=lambda a: a.published_at, reverse=True)
    article.related = [(a.news_id, rng.random() >= 0.2) for a in chosen]


def generate_edition(language: str, count: int, seed: int) -> Edition:
    rng = _rng(seed, language)
    days = (LAST_DAY - FIRST_DAY).days
    # news goes out in office hours: a minute between 08:00 and 19:59 of some day
    slots = sorted(rng.sample(range(days * WORK_MINUTES), count))
    sections = SECTIONS[language]
    articles = []
    for i, slot in enumerate(slots):
        day, minute = divmod(slot, WORK_MINUTES)
        when = FIRST_DAY.replace(hour=8) + timedelta(days=day, minutes=minute,
                                                      seconds=rng.randint(0, 59))
        # the first two are one per section, so every section has something to list
        section = sections[i] if i < len(sections) else sections[0 if rng.random() < 0.62 else 1]
        articles.append(_new_article(rng, language, section, when))
    related_rng = _rng(seed, language, "related")
    for article in articles:
        _pick_related(related_rng, article, articles, True)
    edition = Edition(language, sections, articles)
    edition.reindex()
    return edition


def apply_add(edition: Edition, count: int, batch: int, seed: int) -> list[NewsArticle]:
    """Publish ``count`` new articles, all in the edition's first section (Company News),
    each later than anything already in the edition."""
    rng = _rng(seed, edition.language, "add", batch)
    when = edition.clock
    added = []
    for _ in range(count):
        when = when + timedelta(minutes=rng.randint(60, 30 * 60), seconds=rng.randint(0, 59))
        article = _new_article(rng, edition.language, edition.sections[0], when)
        _pick_related(rng, article, edition.articles + added, False)
        added.append(article)
    edition.articles.extend(added)
    edition.reindex()
    return added


def apply_edit(edition: Edition, news_id: str, change: int, seed: int) -> NewsArticle:
    """Give the article a new title and rewrite one body paragraph; bumps its revision."""
    article = edition.by_id[news_id]
    rng = _rng(seed, edition.language, "edit", change)
    year = article.published_at.year
    zh = edition.language == "zh"
    title_of = content.chinese_title if zh else content.english_title
    paragraph_of = content.chinese_paragraph if zh else content.english_paragraph
    title = title_of(rng, article.section.key, year)
    if title == article.title:
        title += "（更新）" if zh else " (Updated)"
    paragraphs = [i for i, b in enumerate(article.blocks) if b.kind == "p"][1:] or [0]
    index = rng.choice(paragraphs)
    blocks = list(article.blocks)
    text = paragraph_of(rng, year)
    if index == 0:  # keep the lead sentence, which is the listing summary
        text = article.summary + ("" if zh else " ") + text
    blocks[index] = Block("p", text)
    article.modified_at = edition.clock + timedelta(hours=1)
    article.title = title
    article.blocks = tuple(blocks)
    article.revision += 1
    return article


def generate_site(count: int, seed: int) -> dict[str, Edition]:
    return {lang: generate_edition(lang, count, seed) for lang in ("en", "zh")}
