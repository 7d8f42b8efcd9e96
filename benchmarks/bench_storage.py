"""Storage benchmark: save_batch throughput, and per-item cost as news_items grows.

    .venv/bin/python benchmarks/bench_storage.py [--pg-url URL] [--sizes 1000,10000,100000]

SQLite always (a temporary file); PostgreSQL when --pg-url or $VCARE_TEST_PG_URL is given
(a temporary schema, dropped afterwards). Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from crawler.items import Article, ArticleItem, FetchInfo, LinksItem, NewsLink  # noqa: E402
from storage.db import make_sessionmaker, open_engine, upgrade_schema  # noqa: E402
from storage.store import save_batch  # noqa: E402

CST = timezone(timedelta(hours=8))
BATCH = 100
BODY = "\n".join(
    f"Paragraph {i} of a typical company news article, about 80 characters." for i in range(12)
)


def article(news_id: int, version: int = 0) -> ArticleItem:
    url = f"https://www.vcarepharmatech.com/en/news/{news_id}.html"
    related = [
        NewsLink(
            str(news_id + k),
            url.replace(str(news_id), str(news_id + k)),
            "Related",
            None,
            date(2024, 1, 1),
        )
        for k in (1, 2, 3)
    ]
    return ArticleItem(
        Article(
            str(news_id),
            url,
            "en",
            f"Title {news_id} v{version}",
            datetime(2024, 1, 1, 9, tzinfo=CST) + timedelta(hours=news_id % 5000),
            "Vcare",
            f"{BODY}\nversion {version}",
            f"<p>{BODY}</p><p>version {version}</p>",
            images=[url.replace(".html", ".jpg")],
            related=related,
            section="Company News",
        ),
        FetchInfo(url, 200, etag=f'"{news_id}-{version}"'),
    )


def stubs(first: int, count: int) -> LinksItem:
    return LinksItem(
        "en",
        [
            NewsLink(
                str(i),
                f"https://www.vcarepharmatech.com/en/news/{i}.html",
                f"Listing {i}",
                "Summary",
                date(2024, 1, 1),
            )
            for i in range(first, first + count)
        ],
        section="Company News",
    )


class Bench:
    def __init__(self, url: str):
        self.engine = open_engine(url)
        upgrade_schema(self.engine)
        self.Session = make_sessionmaker(self.engine)
        self.rows = 0

    def save(self, batches: list[list]) -> float:
        """Seconds to save ``batches``, one transaction each."""
        now = datetime.now(UTC)
        started = time.perf_counter()
        for batch in batches:
            with self.Session() as session:
                save_batch(session, batch, now=now)
                session.commit()
        return time.perf_counter() - started

    def grow_to(self, size: int) -> None:
        while self.rows < size:
            count = min(2000, size - self.rows)
            self.save([[stubs(10_000_000 + self.rows, count)]])
            self.rows += count


def per_item_us(seconds: float, items: int) -> float:
    return seconds / items * 1e6


def run_backend(name: str, url: str, sizes: list[int], sample: int, repeats: int) -> dict:
    bench = Bench(url)
    result: dict = {"backend": name, "growth": []}
    next_id = 1
    for size in sizes:
        bench.grow_to(size)
        timings: dict[str, list[float]] = {"new": [], "unchanged": [], "changed": [], "links": []}
        for _ in range(repeats):  # the best of several runs: a shared machine is noisy
            fresh = list(range(next_id, next_id + sample))
            next_id += sample * 10  # leave room for the related stubs
            chunks = [fresh[k : k + BATCH] for k in range(0, sample, BATCH)]
            timings["new"].append(bench.save([[article(i) for i in c] for c in chunks]))
            timings["unchanged"].append(bench.save([[article(i) for i in c] for c in chunks]))
            timings["changed"].append(bench.save([[article(i, 1) for i in c] for c in chunks]))
            first_link = 20_000_000 + next_id
            timings["links"].append(
                bench.save([[stubs(first_link + k, BATCH)] for k in range(0, sample, BATCH)])
            )
        with bench.engine.connect() as conn:
            rows = conn.execute(text("SELECT COUNT(*) FROM news_items")).scalar()
        result["growth"].append(
            {
                "size": size,
                "rows_after": rows,
                **{kind: per_item_us(min(seconds), sample) for kind, seconds in timings.items()},
            }
        )
        bench.rows = rows
        print(f"{name} {size:>7}: {result['growth'][-1]}", file=sys.stderr)
    bench.engine.dispose()
    return result


@contextmanager
def pg_schema(base_url: str) -> Iterator[str]:
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    import psycopg

    return (
        f"nproc {os.cpu_count()}, CPU {cpu}, {platform.platform()}, Python "
        f"{platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, SQLite "
        f"{sqlite3.sqlite_version}, psycopg {psycopg.__version__}"
    )


def report(results: list[dict], pg_version: str | None, sample: int, repeats: int) -> str:
    lines = [
        "# Storage benchmark (`benchmarks/bench_storage.py`)",
        "",
        f"Machine: {machine()}" + (f", PostgreSQL {pg_version}" if pg_version else "") + ".",
        "",
        f"Each figure: the best of {repeats} runs of {sample} items saved with `save_batch` in "
        f"batches of {BATCH}, one commit per batch, microseconds per item (lower is better). "
        "`new`: first fetch of an article (with 3 related links, i.e. stubs and related rows); "
        "`unchanged`: the same article again; `changed`: an edited article (writes a revision); "
        "`links`: listing links that create stubs. The table grows with stubs "
        "between measurements.",
        "",
    ]
    for result in results:
        lines += [
            f"## {result['backend']}",
            "",
            "| rows before | new µs/item | unchanged µs/item | changed µs/item | "
            "links µs/item | new items/s |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for g in result["growth"]:
            lines.append(
                f"| {g['size']:,} | {g['new']:.0f} | {g['unchanged']:.0f} | "
                f"{g['changed']:.0f} | {g['links']:.0f} | {1e6 / g['new']:,.0f} |"
            )
        first, last = result["growth"][0], result["growth"][-1]
        mean_first = statistics.mean(first[k] for k in ("new", "unchanged", "changed", "links"))
        mean_last = statistics.mean(last[k] for k in ("new", "unchanged", "changed", "links"))
        lines += [
            "",
            f"Cost at {last['size']:,} rows / cost at {first['size']:,} rows "
            f"(mean of the four kinds): **{mean_last / mean_first:.2f}x** (target ≤ 1.3x).",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", default=os.environ.get("VCARE_TEST_PG_URL"))
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--sample", type=int, default=1000, help="items per measurement")
    parser.add_argument("--repeats", type=int, default=3, help="measurements; the best counts")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(
            run_backend(
                "SQLite", f"sqlite:///{tmp}/bench.sqlite3", sizes, args.sample, args.repeats
            )
        )
    pg_version = None
    if args.pg_url:
        with pg_schema(args.pg_url) as url:
            engine = create_engine(url)
            with engine.connect() as conn:
                pg_version = conn.execute(text("SHOW server_version")).scalar()
            engine.dispose()
            results.append(run_backend("PostgreSQL", url, sizes, args.sample, args.repeats))
    text_report = report(results, pg_version, args.sample, args.repeats)
    print(text_report)
    if args.output:
        args.output.write_text(text_report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
