"""Every page of the replica site, fetched over HTTP and parsed, against its manifest.

The replica (``crawler.sample_site``) serves two article templates (``cms``: nested divs,
``html5``: header/dl/table) and says in its manifest what each page shows. Each seed below is
served once, every article page and every listing page is fetched with urllib, and each
parsed field is compared with the manifest:

- articles: news id, canonical URL, language, section, title, published_at (an aware
  datetime equal to the manifest's ISO string), source (None when the page shows none; a view
  counter is not part of it), body_text, images (absolute, in order), previous/next (the
  older/newer article of the same section), related items (ids in order, title or None for
  the items that show only a summary, summary, date);
- listings: items (ids in order, titles, summaries, dates), section name, next_page (page
  n + 1, None on the last page) and page_urls (every page of the section), and following
  next_page from page 1 reaches every page of the section exactly once.

Body text is compared exactly, without normalisation: the manifest's ``body_text`` is the
text blocks (paragraphs, sub-headings, the reference line; images contribute nothing) joined
by ``"\\n"``, each block a single line with single spaces, which is what the parser's
``body_text`` promises (one line per paragraph, whitespace runs collapsed).
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest

from crawler.items import Article, Listing
from crawler.pages import news_id_from_url, parse_page
from crawler.sample_site import running_replica

SEEDS = (1, 7)
ARTICLES_PER_EDITION = 60
TEMPLATES = ("cms", "html5")
SHOWN = 12  # mismatches quoted in a failure message


@dataclass(frozen=True)
class Crawl:
    """One replica's manifest and the bytes of its article and listing pages."""

    base_url: str
    manifest: dict
    pages: dict[str, bytes]  # relative path -> response body

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (127.0.0.1)
        assert response.status == 200, url
        return response.read()


def _crawl(seed: int) -> Crawl:
    with running_replica(articles=ARTICLES_PER_EDITION, seed=seed) as replica:
        manifest = replica.site.manifest()
        paths = [a["url"] for a in manifest["articles"]]
        paths += [p for section in manifest["sections"] for p in section["page_urls"]]
        pages = {path: _fetch(replica.url(path)) for path in paths}
        return Crawl(replica.base_url, manifest, pages)


@pytest.fixture(scope="module", params=SEEDS, ids=[f"seed{s}" for s in SEEDS])
def crawl(request: pytest.FixtureRequest) -> Iterator[Crawl]:
    yield _crawl(request.param)


def _report(problems: list[str]) -> str:
    more = f"\n... and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    return f"{len(problems)} mismatches:\n" + "\n".join(problems[:SHOWN]) + more


def _differences(where: str, got: dict, want: dict) -> list[str]:
    """One line per differing field; for lists, the first differing entry."""
    problems = []
    for name, value in want.items():
        mine = got[name]
        if mine == value:
            continue
        if isinstance(value, list) and isinstance(mine, list) and len(mine) == len(value):
            index = next(i for i, (a, b) in enumerate(zip(mine, value, strict=True)) if a != b)
            mine, value, name = mine[index], value[index], f"{name}[{index}]"
        problems.append(f"{where} {name}: got {mine!r}, want {value!r}")
    return problems


def _id(url: str | None) -> str | None:
    return news_id_from_url(url) if url else None


# --- articles ----------------------------------------------------------------------------


def article_problems(crawl: Crawl, entry: dict, article: Article) -> list[str]:
    by_id = {a["news_id"]: a for a in crawl.manifest["articles"]}
    untitled = set(entry["related_untitled"])
    want = {
        "news_id": entry["news_id"],
        "url": crawl.url(entry["url"]),
        "language": entry["language"],
        "section": entry["section"],
        "title": entry["title"],
        "published_at": datetime.fromisoformat(entry["published_at"]),
        "source": entry["source"],
        "body_text": entry["body_text"],
        "images": [crawl.url(path) for path in entry["images"]],
        "previous": entry["previous"],
        "next": entry["next"],
        "related": [
            (rid, None if rid in untitled else by_id[rid]["title"], by_id[rid]["summary"],
             datetime.fromisoformat(by_id[rid]["published_at"]).date())
            for rid in entry["related"]
        ],
    }
    got = {
        "news_id": article.news_id,
        "url": article.url,
        "language": article.language,
        "section": article.section,
        "title": article.title,
        "published_at": article.published_at,
        "source": article.source,
        "body_text": article.body_text,
        "images": article.images,
        "previous": _id(article.previous),
        "next": _id(article.next),
        "related": [(r.news_id, r.title, r.summary, r.published_on) for r in article.related],
    }
    return _differences(f"{entry['url']} [{entry['template']}]", got, want)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_article_page_matches_the_manifest(crawl: Crawl, template: str) -> None:
    entries = [a for a in crawl.manifest["articles"] if a["template"] == template]
    assert len(entries) > 20, f"too few {template} articles to say anything"
    problems: list[str] = []
    for entry in entries:
        page = parse_page(crawl.url(entry["url"]), crawl.pages[entry["url"]])
        if page.kind != "article" or page.article is None:
            problems.append(f"{entry['url']}: parsed as {page.kind}")
            continue
        problems += article_problems(crawl, entry, page.article)
    assert not problems, _report(problems)


def test_manifest_body_text_is_one_single_spaced_line_per_block(crawl: Crawl) -> None:
    """The premise of comparing body_text exactly (see the module docstring)."""
    for entry in crawl.manifest["articles"]:
        for line in entry["body_text"].split("\n"):
            assert line and line == " ".join(line.split()), entry["url"]


# --- listings ------------------------------------------------------------------------------


def _listing(crawl: Crawl, path: str) -> Listing:
    page = parse_page(crawl.url(path), crawl.pages[path])
    assert page.kind == "listing" and page.listing is not None, f"{path}: parsed as {page.kind}"
    return page.listing


def listing_problems(crawl: Crawl, section: dict, number: int, listing: Listing) -> list[str]:
    by_id = {a["news_id"]: a for a in crawl.manifest["articles"]}
    size = crawl.manifest["site"]["page_size"]
    ids = section["news_ids"][(number - 1) * size : number * size]
    pages = section["page_urls"]
    want = {
        "items": [
            (i, by_id[i]["title"], by_id[i]["summary"],
             datetime.fromisoformat(by_id[i]["published_at"]).date())
            for i in ids
        ],
        "item_urls": [crawl.url(by_id[i]["url"]) for i in ids],
        "section": section["name"],
        "language": section["language"],
        "next_page": crawl.url(pages[number]) if number < len(pages) else None,
        "page_urls": [crawl.url(p) for p in pages],
    }
    got = {
        "items": [(i.news_id, i.title, i.summary, i.published_on) for i in listing.items],
        "item_urls": [i.url for i in listing.items],
        "section": listing.section,
        "language": listing.language,
        "next_page": listing.next_page,
        "page_urls": listing.page_urls,
    }
    return _differences(pages[number - 1], got, want)


def test_every_listing_page_matches_the_manifest(crawl: Crawl) -> None:
    problems: list[str] = []
    for section in crawl.manifest["sections"]:
        for number, path in enumerate(section["page_urls"], 1):
            problems += listing_problems(crawl, section, number, _listing(crawl, path))
    assert not problems, _report(problems)


def test_following_next_page_reaches_every_listed_article_once(crawl: Crawl) -> None:
    for section in crawl.manifest["sections"]:
        path: str | None = section["listing_url"]
        visited: list[str] = []
        seen_ids: list[str] = []
        while path is not None:
            assert path not in visited, f"next_page loops back to {path}"
            visited.append(path)
            listing = _listing(crawl, path)
            seen_ids += [item.news_id for item in listing.items]
            following = listing.next_page
            path = following.removeprefix(crawl.base_url.rstrip("/")) if following else None
        assert visited == section["page_urls"]
        assert seen_ids == section["news_ids"]
