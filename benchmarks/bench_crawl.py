"""Crawl throughput and memory, side by side with ``scrapy bench`` in the same run.

    .venv/bin/python benchmarks/bench_crawl.py [--articles 2000] [--rounds 2]

For each round: ``scrapy bench`` (Scrapy's own synthetic crawl of a local server, default
settings) and a full ``scrapy crawl vcare_news`` of the replica (both editions, politeness
off, into a fresh SQLite file), then an unchanged re-crawl of the same replica (the
incremental path). Reports pages/s, the ratio to ``scrapy bench``, peak RSS of the crawl
process, and requests and wall time of the re-crawl against the full crawl.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.runner import crawl_command, crawl_environment, local_replica_settings  # noqa: E402
from crawler.sample_site import replica_process  # noqa: E402

STATS_DUMP = re.compile(r"Dumping Scrapy stats:\s*(\{.*?\})\n\d{4}-", re.S)


def final_stats(log: str) -> dict:
    """The stats dict Scrapy dumps when a crawl ends."""
    match = STATS_DUMP.search(log + "\n0000-")
    if not match:
        raise RuntimeError("no stats dump in the log:\n" + log[-2000:])
    text = re.sub(r"datetime\.datetime\([^)]*\)", "None", match.group(1))
    return ast.literal_eval(text)


def run_measured(command: list[str], *, cwd: Path, env: dict) -> tuple[str, float, int]:
    """Run a command; return its output, wall seconds and peak RSS in MiB."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        log = out.read().decode("utf-8", "replace")
    if process.returncode not in (0,):
        raise RuntimeError(f"{command[:5]} exited {process.returncode}:\n{log[-3000:]}")
    return log, wall, usage.ru_maxrss // 1024


def scrapy_bench(seconds: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    with tempfile.TemporaryDirectory() as empty:  # outside the project: Scrapy's defaults
        log, _, rss = run_measured(
            [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
            cwd=Path(empty), env=env,
        )
    stats = final_stats(log)
    pages = stats["response_received_count"]
    return {"pages": pages, "seconds": stats["elapsed_time_seconds"],
            "pages_per_s": pages / stats["elapsed_time_seconds"], "peak_rss_mib": rss}


def vcare_crawl(base_url: str, db_url: str) -> dict:
    command = crawl_command(start_urls=[base_url], db_url=db_url, settings=local_replica_settings())
    log, wall, rss = run_measured(command, cwd=ROOT, env=crawl_environment())
    stats = final_stats(log)
    pages = stats.get("response_received_count", 0)
    return {"pages": pages, "requests": stats.get("downloader/request_count", 0),
            "seconds": stats["elapsed_time_seconds"], "process_seconds": wall,
            "pages_per_s": pages / stats["elapsed_time_seconds"], "peak_rss_mib": rss,
            "status": stats.get("vcare/status")}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())
    import scrapy

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "scrapy": scrapy.__version__, "load_avg_at_start": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="articles per edition")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--bench-seconds", type=int, default=20)
    args = parser.parse_args()

    results = {"machine": machine(), "articles_per_edition": args.articles, "rounds": []}
    with replica_process(args.articles, 3) as site, tempfile.TemporaryDirectory() as tmp:
        for index in range(args.rounds):
            bench = scrapy_bench(args.bench_seconds)
            db_url = f"sqlite:///{tmp}/round{index}.sqlite3"
            full = vcare_crawl(site.base_url, db_url)
            again = vcare_crawl(site.base_url, db_url)
            round_result = {"scrapy_bench": bench, "full_crawl": full, "unchanged_recrawl": again,
                            "ratio_to_scrapy_bench": full["pages_per_s"] / bench["pages_per_s"]}
            results["rounds"].append(round_result)
            print(json.dumps(round_result), flush=True)
    ratios = [r["ratio_to_scrapy_bench"] for r in results["rounds"]]
    results["median_ratio_to_scrapy_bench"] = statistics.median(ratios)
    results["max_peak_rss_mib"] = max(r["full_crawl"]["peak_rss_mib"] for r in results["rounds"])
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
