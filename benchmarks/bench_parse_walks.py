"""The compiled body walk against the Python one, wall time, our parser alone.

Run: ``.venv/bin/python benchmarks/bench_parse_walks.py [PAIRS]`` (default 8 pairs).

Each run is a fresh process that parses the benchmark's article pages (``bench_parse.py``'s
fixtures and replica pages) ``BENCH_ROUNDS`` times (default 150) and prints the median per
page, then the median over the pages. Runs alternate between the compiled walk and the Python
walk (``VCARE_PURE_PYTHON=1``) so that the host's slow minutes fall on both alike; the table
lists every run. No trafilatura call in between (``bench_parse.py`` gives that comparison).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "150"))


def one_run() -> None:
    """Inside a run's process: time the article pages and print the median in ms."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_parse

    from crawler.pages import parse_page
    from crawler.pages.dom import WALK

    pages = bench_parse.fixture_pages() + bench_parse.replica_pages()
    articles = [(p.url, p.body) for p in pages if parse_page(p.url, p.body).kind == "article"]
    times: list[list[float]] = [[] for _ in articles]
    for _ in range(ROUNDS):
        for index, (url, body) in enumerate(articles):
            started = time.perf_counter()
            parse_page(url, body)
            times[index].append(time.perf_counter() - started)
    per_page = [statistics.median(page) * 1000 for page in times]
    print(f"{WALK.split(' ')[0]} {statistics.median(per_page):.3f}")


def main(pairs: int) -> int:
    results: dict[str, list[float]] = {"compiled": [], "python": []}
    for _ in range(pairs):
        for pure in (False, True):
            env = {**os.environ, "VCARE_PURE_PYTHON": "1" if pure else ""}
            out = subprocess.run([sys.executable, __file__, "--one-run"], env=env, cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout.split()
            results.setdefault(out[0], []).append(float(out[1]))
    print(f"{ROUNDS} rounds per page, article pages only, ours alone; {pairs} runs per walk, "
          "alternated\n\n| walk | the runs (ms) | median |\n|---|---|---|")
    for walk, runs in results.items():
        if runs:
            listed = " ".join(f"{run:.3f}" for run in sorted(runs))
            print(f"| {walk} | {listed} | **{statistics.median(runs):.3f} ms** |")
    if not results["compiled"]:
        print("\nThe compiled walk is not built: only the Python walk ran.")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--one-run"]:
        one_run()
        sys.exit(0)
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8))
