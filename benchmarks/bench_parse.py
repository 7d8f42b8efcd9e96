"""Median parse time per page, ours vs ``trafilatura.extract`` (with metadata).

Run: ``.venv/bin/python benchmarks/bench_parse.py`` (prints Markdown; paste it into
benchmarks/results_parse.md). ``VCARE_PURE_PYTHON=1`` times the parser with its Python body
walk instead of the compiled one (the header line says which ran). Both parsers get the same
bytes in the same run, their calls interleaved page by page. Pages: the stored fixtures
(tests/fixtures/pages) and pages of the replica site (``crawler.sample_site``, both article
templates, both editions), rendered by the replica's own renderer, byte for byte what it
serves over HTTP. Every timed page is also checked field by field (fixtures against their
expected JSON, replica pages against the manifest).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml  # noqa: E402
import trafilatura  # noqa: E402

from crawler.pages import decode_html, parse_page  # noqa: E402
from crawler.pages.dom import WALK  # noqa: E402
from crawler.pages.serialize import parsed_page_to_dict  # noqa: E402
from crawler.sample_site import build_site  # noqa: E402
from crawler.sample_site.pages import Renderer  # noqa: E402
from tests.pages.fixture_pages import PAGES, expected, page_bytes  # noqa: E402
from tests.pages.test_replica_pages import Crawl, article_problems, listing_problems  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "300"))
# BENCH_ALONE=1 also times ours alone (no trafilatura call in between to evict the caches).
ALONE = os.environ.get("BENCH_ALONE") == "1"
REPLICA_BASE = "http://127.0.0.1:8000/"
PER_TEMPLATE = 3  # replica article pages per template and edition


@dataclass
class Page:
    name: str
    group: str  # "fixture" or "replica"
    url: str
    body: bytes
    check: Callable[[], list[str]]  # field mismatches; empty when every field is right
    want: dict | None = None  # fixture expectation, for the trafilatura comparison


def median_ms(call, rounds: int) -> float:
    """Median time of ``call`` run ``rounds`` times in a row (after one warm-up call)."""
    call()
    times: list[float] = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def paired_median_ms(ours, theirs, rounds: int, their_share: int = 5) -> tuple[float, float]:
    """Median time of each, their calls interleaved with ours (one every ``their_share``
    rounds) so that a burst of load on the shared machine hits both alike."""
    ours()  # warm-up
    theirs()
    mine: list[float] = []
    others: list[float] = []
    for index in range(rounds):
        started = time.perf_counter()
        ours()
        mine.append(time.perf_counter() - started)
        if index % their_share == 0:
            started = time.perf_counter()
            theirs()
            others.append(time.perf_counter() - started)
    return statistics.median(mine) * 1000, statistics.median(others) * 1000


def fixture_pages() -> list[Page]:
    pages = []
    for stem, url in PAGES.items():
        body = page_bytes(stem)
        want = expected(stem)

        def check(url=url, body=body, want=want) -> list[str]:
            got = parsed_page_to_dict(parse_page(url, body))
            return [] if got == want else ["differs from its expected JSON"]

        pages.append(Page(stem, "fixture", url, body, check, want))
    return pages


def replica_pages() -> list[Page]:
    site = build_site(articles=60, seed=1)
    renderer = Renderer(site)
    manifest = site.manifest()
    crawl = Crawl(REPLICA_BASE, manifest, {})
    pages = []
    for template in ("cms", "html5"):
        for language in ("en", "zh"):
            entries = [a for a in manifest["articles"]
                       if a["template"] == template and a["language"] == language]
            for entry in entries[:PER_TEMPLATE]:
                url, body = crawl.url(entry["url"]), renderer.get(entry["url"]).body

                def check(url=url, body=body, entry=entry) -> list[str]:
                    page = parse_page(url, body)
                    if page.article is None:
                        return [f"parsed as {page.kind}"]
                    return article_problems(crawl, entry, page.article)

                name = f"replica {template} {language} {entry['news_id'][-6:]}"
                pages.append(Page(name, "replica", url, body, check))
    for section in manifest["sections"]:  # first and last page: both listing templates
        for number in sorted({1, len(section["page_urls"])}):
            path = section["page_urls"][number - 1]
            url, body = crawl.url(path), renderer.get(path).body

            def check(url=url, body=body, section=section, number=number) -> list[str]:
                page = parse_page(url, body)
                if page.listing is None:
                    return [f"parsed as {page.kind}"]
                return listing_problems(crawl, section, number, page.listing)

            template = renderer._template(path).name
            pages.append(Page(f"replica {template} listing {path}", "replica", url, body, check))
    return pages


def trafilatura_notes(page: Page, text: str) -> str:
    """Which article fields trafilatura also gets right (fixtures only: they carry the
    expected values in the same shape)."""
    if page.want is None or page.want.get("article") is None:
        return ""
    want = page.want["article"]
    raw = trafilatura.extract(text, url=page.url, with_metadata=True, output_format="json")
    got = json.loads(raw) if raw else {}
    title_ok = got.get("title") == want["title"]
    date_ok = (got.get("date") or "") == want["published_at"][:10]
    body = got.get("text") or ""
    body_ok = body.replace("\n", " ").split() == want["body_text"].replace("\n", " ").split()
    return (f"title {'ok' if title_ok else 'wrong'}, date {'ok' if date_ok else 'wrong'}, "
            f"body {'exact' if body_ok else 'differs'}")


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"nproc {os.cpu_count()}, CPU {model}, Python {platform.python_version()}, "
            f"lxml {lxml.__version__}, trafilatura {trafilatura.__version__}, "
            f"load average {load} (1/5/15 min); body walk: {WALK}")


def main() -> int:
    print(f"Machine: {machine()}; {ROUNDS} rounds per page for ours, {-(-ROUNDS // 5)} for "
          "trafilatura, interleaved; median per page\n")
    print("| page | kind | bytes | fields | ours (ms) | trafilatura (ms) | speed-up | "
          "trafilatura fields |")
    print("|---|---|---|---|---|---|---|---|")
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    alone: list[float] = []  # article pages, ours timed alone (BENCH_ALONE=1)
    wrong = 0
    for page in fixture_pages() + replica_pages():
        text = decode_html(page.body)
        kind = parse_page(page.url, page.body).kind
        problems = page.check()
        wrong += bool(problems)
        ours, theirs = paired_median_ms(
            lambda page=page: parse_page(page.url, page.body),
            lambda text=text, url=page.url: trafilatura.extract(text, url=url, with_metadata=True),
            ROUNDS)
        results.setdefault((page.group, kind), []).append((ours, theirs))
        if ALONE and kind == "article":
            alone.append(median_ms(lambda page=page: parse_page(page.url, page.body), ROUNDS))
        fields = "all right" if not problems else f"WRONG: {problems[0][:80]}"
        print(f"| {page.name} | {kind} | {len(page.body)} | {fields} | {ours:.3f} | "
              f"{theirs:.3f} | {theirs / ours:.1f}x | {trafilatura_notes(page, text)} |")
    print()
    for (group, kind), pairs in results.items():
        ours = statistics.median(p[0] for p in pairs)
        theirs = statistics.median(p[1] for p in pairs)
        print(f"- {group} {kind} pages ({len(pairs)}): median ours {ours:.3f} ms, "
              f"trafilatura {theirs:.3f} ms, {theirs / ours:.1f}x faster")
    articles = [p for (_, kind), pairs in results.items() if kind == "article" for p in pairs]
    ours = statistics.median(p[0] for p in articles)
    theirs = statistics.median(p[1] for p in articles)
    print(f"- all article pages ({len(articles)}): median ours {ours:.3f} ms, trafilatura "
          f"{theirs:.3f} ms, {theirs / ours:.1f}x faster; slowest ours "
          f"{max(p[0] for p in articles):.3f} ms")
    if alone:
        print(f"- all article pages, ours alone (no trafilatura call in between): median "
              f"{statistics.median(alone):.3f} ms")
    print(f"- pages with a wrong field: {wrong}")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"- load average at the end of the run: {load}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
