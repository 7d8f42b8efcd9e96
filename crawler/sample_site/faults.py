"""Deterministic faults for ``serve --fault-rate R --fault-seed S``.

A path is faulty when a hash of (seed, path) falls below R. For an article page, one faulty
path in three gets a PERMANENT fault (same answer on every request); every other faulty path
gets a TRANSIENT fault that fails its first one or two requests and then succeeds, so a crawler
that retries recovers. ``robots.txt`` is never faulty; redirect hops are not faulted again.

Kinds and what a careful crawler can do about them:

=================  =========  ===========  ==============================================
kind               permanent  recoverable  what the server does
=================  =========  ===========  ==============================================
http_500           no         yes          500 Internal Server Error
http_503           no         yes          503 Service Unavailable
http_429           no         yes          429 Too Many Requests, ``Retry-After: 1``
slow               no         yes          answers only after ``--fault-delay`` seconds
reset              no         yes          closes the connection without a response (RST)
truncated          no         yes          200 with the HTML cut mid-document
gbk_no_charset     yes        yes          (Chinese pages) GBK bytes, no charset anywhere
redirect_chain     yes        yes          301 -> ``?hop=1`` 302 -> ``?hop=2`` 200 the page
offsite_related    yes        yes          Related News hrefs off-site or ``javascript:``
redirect_loop      yes        no           302 -> ``?loop=1`` 302 -> back, forever
oversized          yes        no           a valid page padded past 12 MB
bad_date           yes        no           ``Published Time: 2025-13-45 99:99``
empty_body         yes        no           200 with a 0-byte body
=================  =========  ===========  ==============================================
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.sample_site.site import Site

TRANSIENT = ("http_500", "http_503", "http_429", "slow", "reset", "truncated")
PERMANENT = (
    "gbk_no_charset", "redirect_chain", "offsite_related",
    "redirect_loop", "oversized", "bad_date", "empty_body",
)
RECOVERABLE = frozenset(TRANSIENT + ("gbk_no_charset", "redirect_chain", "offsite_related"))
OVERSIZED_BYTES = 12 * 1024 * 1024 + 4096
BAD_DATE = "2025-13-45 99:99"


class FaultPlan:
    def __init__(self, rate: float, seed: int = 0):
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fault rate must be within [0, 1], got {rate}")
        self.rate = rate
        self.seed = seed

    def _uniform(self, *parts: object) -> float:
        digest = hashlib.sha256(":".join(map(str, (self.seed, *parts))).encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def kind_for(self, path: str, page_kind: str, language: str = "en",
                 layout: str = "standard") -> str | None:
        """The fault planned for ``path`` (whatever the attempt), or None."""
        if self.rate <= 0 or page_kind in ("robots", None):
            return None
        if self._uniform(path, "faulty") >= self.rate:
            return None
        if page_kind == "article" and self._uniform(path, "permanent") < 1 / 3:
            kinds = [k for k in PERMANENT
                     if not (k == "gbk_no_charset" and language != "zh")
                     and not (k == "bad_date" and layout == "redesign")]
            return kinds[int(self._uniform(path, "kind") * len(kinds))]
        return TRANSIENT[int(self._uniform(path, "transient") * len(TRANSIENT))]

    def failures(self, path: str) -> int:
        """How many first requests of a transiently faulty path fail (1 or 2)."""
        return 1 if self._uniform(path, "failures") < 0.6 else 2

    def fault_at(self, path: str, attempt: int, page_kind: str | None, language: str = "en",
                 layout: str = "standard") -> str | None:
        """The fault for the ``attempt``-th request (1-based) of ``path``, or None."""
        kind = self.kind_for(path, page_kind, language, layout)
        if kind is None or kind in PERMANENT:
            return kind
        return kind if attempt <= self.failures(path) else None

    def describe(self, site: Site, layout: str) -> dict:
        """The manifest's view of the plan: every faulty path with its kind."""
        from crawler.sample_site.pages import Renderer  # the routing table lives there

        renderer = Renderer(site, layout)
        faults, transient = {}, {}
        for path in renderer.routes:
            article = renderer.articles_by_path.get(path)
            language = article.language if article else "en"
            kind = self.kind_for(path, renderer.kind_of(path), language, layout)
            if kind is None:
                continue
            faults[path] = kind
            if kind in TRANSIENT:
                transient[path] = self.failures(path)
        return {
            "faults": faults,
            "permanent_faults": sorted(p for p, k in faults.items() if k in PERMANENT),
            "transient_failures": transient,
            "fault_kinds": {
                k: {"permanent": k in PERMANENT, "recoverable": k in RECOVERABLE}
                for k in TRANSIENT + PERMANENT
            },
            "fault_settings": {"rate": self.rate, "seed": self.seed},
        }
