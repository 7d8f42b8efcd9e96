"""Median parse time per stored page, ours vs ``trafilatura.extract`` (with metadata).

Run: ``.venv/bin/python benchmarks/bench_parse.py`` (writes nothing; paste into
benchmarks/results_parse.md). Both parsers get the same bytes in the same run.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura  # noqa: E402

from crawler.pages import decode_html, parse_page  # noqa: E402
from tests.pages.fixture_pages import PAGES, expected, page_bytes  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def median_ms(function, rounds: int = ROUNDS) -> float:
    function()  # warm-up
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def trafilatura_fields(url: str, text: str) -> dict:
    raw = trafilatura.extract(text, url=url, with_metadata=True, output_format="json",
                              include_comments=False)
    return json.loads(raw) if raw else {}


def agreement(stem: str, url: str, text: str) -> str:
    """Which of our article fields trafilatura also gets right."""
    want = expected(stem)["article"]
    got = trafilatura_fields(url, text)
    title_ok = got.get("title") == want["title"]
    date_ok = (got.get("date") or "") == want["published_at"][:10]
    body = got.get("text") or ""
    body_ok = body.replace("\n", " ").split() == want["body_text"].replace("\n", " ").split()
    leaked = any(item["title"] and item["title"] in body for item in want["related"])
    return (f"title {'ok' if title_ok else 'wrong'}, date {'ok' if date_ok else 'wrong'}"
            f" (no time/tz), body {'exact' if body_ok else 'differs'}"
            f"{', related titles leak into body' if leaked else ''};"
            " no source/prev/next/related fields")


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"nproc {os.cpu_count()}, CPU {model}, Python {platform.python_version()}, "
            f"trafilatura {trafilatura.__version__}")


def main() -> int:
    print(f"Machine: {machine()}; {ROUNDS} rounds, median per page\n")
    print("| page | kind | bytes | ours (ms) | trafilatura (ms) | speed-up | trafilatura vs ours |")
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list[tuple[float, float]]] = {"article": [], "listing": []}
    for stem, url in PAGES.items():
        body = page_bytes(stem)
        text = decode_html(body)
        kind = parse_page(url, body).kind
        ours = median_ms(lambda body=body, url=url: parse_page(url, body))
        theirs = median_ms(
            lambda text=text, url=url: trafilatura.extract(text, url=url, with_metadata=True),
            max(20, ROUNDS // 5))
        notes = agreement(stem, url, text) if kind == "article" else "no item list / pagination"
        totals.setdefault(kind, []).append((ours, theirs))
        print(f"| {stem} | {kind} | {len(body)} | {ours:.3f} | {theirs:.3f} | "
              f"{theirs / ours:.1f}x | {notes} |")
    print()
    for kind, pairs in totals.items():
        if pairs:
            ours = statistics.median(p[0] for p in pairs)
            theirs = statistics.median(p[1] for p in pairs)
            print(f"- {kind} pages: ours {ours:.3f} ms, trafilatura {theirs:.3f} ms, "
                  f"{theirs / ours:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
