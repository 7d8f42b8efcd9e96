"""Every page the parser can be swept over: the stored fixtures and held-out pages, the
malformed corpus, and the pages of a generated replica site. Used by the tests that compare
two ways of parsing on all of them and by ``benchmarks/parse_snapshot.py``."""

from __future__ import annotations

from pathlib import Path

from crawler.sample_site import build_site
from crawler.sample_site.pages import Renderer
from tests.pages.test_malformed import CASES, URL

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPLICA = "http://127.0.0.1:8000"


def stored_pages() -> list[tuple[str, str, bytes | str]]:
    """(name, url, body) of the fixtures, the held-out pages (each at the URL beside it) and
    the malformed corpus."""
    pages: list[tuple[str, str, bytes | str]] = []
    for folder in ("pages", "pages_heldout"):
        for html in sorted((FIXTURES / folder).glob("*.html")):
            url_file = html.with_suffix(".url")
            url = url_file.read_text().strip() if url_file.exists() else URL
            pages.append((f"{folder}/{html.name}", url, html.read_bytes()))
    pages += [(f"malformed/{name}", URL, body) for name, body in CASES.items()]
    return pages


def replica_pages(*, seed: int, articles: int, name: str | None = None,
                  ) -> list[tuple[str, str, bytes]]:
    """(name, url, body) of every HTML page of a replica site, in both layouts; names start
    with ``name`` (default ``replica<seed>``)."""
    prefix = name or f"replica{seed}"
    site = build_site(articles=articles, seed=seed)
    pages: list[tuple[str, str, bytes]] = []
    for layout in ("standard", "redesign"):
        renderer = Renderer(site, layout)
        for path in sorted(renderer.routes):
            resource = renderer.get(path)
            if resource is not None and resource.content_type.startswith("text/html"):
                pages.append((f"{prefix}/{layout}{path}", REPLICA + path, resource.body))
    return pages
