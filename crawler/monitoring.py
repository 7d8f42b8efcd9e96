"""Field coverage of a crawl and the verdict on it (the idea of Spidermon's coverage monitors).

Pure functions over the crawl's stats, so the rules are testable without a crawl. A site
redesign shows up here first: pages still arrive, but the fields we read from them vanish.
"""

from __future__ import annotations

from collections.abc import Mapping

ARTICLE_FIELDS = ("title", "published_at", "body", "related")

# Share of article pages that must carry each field, and of listing pages that must list
# items. Related News is not on every article of the real site, hence the lower bar.
DEFAULT_THRESHOLDS = {
    "title": 0.9,
    "published_at": 0.9,
    "body": 0.8,
    "related": 0.3,
    "listing_items": 0.8,
}
# Below this many pages a share says little; coverage is reported but not judged.
MIN_PAGES_TO_JUDGE = 3
# Named when pages arrived but not one of them read as an article or a listing.
NOTHING_RECOGNIZED = ["article_pages", "listing_pages"]


def coverage_from_stats(stats: Mapping[str, object]) -> dict[str, float | int]:
    """Shares of pages with each field, from the spider's ``vcare/...`` counters.

    Also ``pages_seen`` (pages parsed, whatever their kind) and ``known_articles`` (articles
    the database held, fetched, when the crawl started).
    """
    articles = int(stats.get("vcare/article_pages", 0) or 0)
    listings = int(stats.get("vcare/listing_pages", 0) or 0)
    coverage: dict[str, float | int] = {"article_pages": articles, "listing_pages": listings}
    coverage["pages_seen"] = sum(
        int(value or 0) for key, value in stats.items() if key.startswith("vcare/pages/")
    )
    coverage["known_articles"] = int(stats.get("vcare/known_articles", 0) or 0)
    for field in ARTICLE_FIELDS:
        seen = int(stats.get(f"vcare/article_fields/{field}", 0) or 0)
        coverage[field] = round(seen / articles, 4) if articles else 0.0
    with_items = int(stats.get("vcare/listing_pages_with_items", 0) or 0)
    coverage["listing_items"] = round(with_items / listings, 4) if listings else 0.0
    return coverage


def fields_below_threshold(
    coverage: Mapping[str, float | int], thresholds: Mapping[str, float] = DEFAULT_THRESHOLDS
) -> list[str]:
    """Names of the fields whose coverage is under its threshold, when there is enough to judge.

    A crawl whose pages arrived but none read as an article or a listing, on a database that
    already holds articles, is a site that changed under us (``NOTHING_RECOGNIZED``); on an
    empty database it may just as well be a wrong start URL, which is not judged here.
    """
    if (
        coverage.get("article_pages", 0) == 0
        and coverage.get("listing_pages", 0) == 0
        and coverage.get("pages_seen", 0) > 0
        and coverage.get("known_articles", 0) > 0
    ):
        return list(NOTHING_RECOGNIZED)
    low = []
    if coverage.get("article_pages", 0) >= MIN_PAGES_TO_JUDGE:
        low += [f for f in ARTICLE_FIELDS if coverage.get(f, 0.0) < thresholds.get(f, 0.0)]
    if coverage.get("listing_pages", 0) >= MIN_PAGES_TO_JUDGE and coverage.get(
        "listing_items", 0.0
    ) < thresholds.get("listing_items", 0.0):
        low.append("listing_items")
    return low


def run_status(
    *, finish_reason: str, readable_pages: int, store_errors: int, low_fields: list[str]
) -> str:
    """The ``crawl_runs.status`` of a finished crawl."""
    if finish_reason == "shutdown":
        return "aborted"
    if finish_reason != "finished" or store_errors:
        return "failed"
    if low_fields:  # pages arrived, but the fields we read from them vanished
        return "degraded"
    if readable_pages == 0:
        return "failed"
    return "succeeded"
