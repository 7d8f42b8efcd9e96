"""Which known articles a crawl fetches again, and where a listing walk may stop.

Pure rules, so they are testable without a crawl:
- an article never stored (or stored only as a stub from a listing or Related News block)
  is always fetched;
- a stored article is re-checked when it is *due*: in a full re-validation run always, in an
  incremental run only when it was published within the last ``recent_days``;
- a re-check is a conditional GET built from the stored ``ETag``/``Last-Modified``, so an
  unchanged page costs a ``304`` and no parse;
- an incremental listing walk stops at the first page whose items are all stored already,
  unless the previous crawl did not succeed: a crawl killed half-way may have stored a newer
  listing page but not all of an older one, so the next walk goes to the end once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

DEFAULT_RECENT_DAYS = 14


class Known(Protocol):
    """What the store remembers of an article (``storage.store.KnownArticle``)."""

    page_fetched: bool
    published_at: datetime | None
    etag: str | None
    http_last_modified: str | None


@dataclass(frozen=True)
class RefreshPolicy:
    mode: str  # "incremental" or "full"
    now: datetime
    recent_days: int = DEFAULT_RECENT_DAYS
    stop_at_known_ground: bool = True

    def is_due(self, known: Known) -> bool:
        if self.mode == "full":
            return True
        published = known.published_at
        return published is None or published >= self.now - timedelta(days=self.recent_days)

    def should_fetch(self, known: Known | None) -> bool:
        return known is None or not known.page_fetched or self.is_due(known)

    def conditional_headers(self, known: Known | None) -> dict[str, str]:
        """Validators for a re-check of a fetched article; none for a first fetch."""
        if known is None or not known.page_fetched:
            return {}
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.http_last_modified:
            headers["If-Modified-Since"] = known.http_last_modified
        return headers

    def is_known_ground(self, keys: Iterable[tuple[str, str]], known: Mapping) -> bool:
        """True when every item of a listing page is stored already (so older pages are too)."""
        if self.mode == "full" or not self.stop_at_known_ground:
            return False
        keys = list(keys)
        return bool(keys) and all(
            (entry := known.get(key)) is not None and entry.page_fetched for key in keys
        )
