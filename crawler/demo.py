"""``vcare-news demo``: the whole product offline, against the bundled replica.

Serves the replica on a free loopback port, crawls it with the real ``scrapy crawl
vcare_news`` into a fresh SQLite file, and reports what landed in the database.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import timedelta, timezone
from pathlib import Path

from crawler.errors import UserError
from crawler.runner import crawl_command, local_replica_settings, start_crawl

DEFAULT_DEMO_DB = Path("data/demo.sqlite3")
CHINA = timezone(timedelta(hours=8), "CST")
EXAMPLE_QUERY = (
    "SELECT language, published_at, title FROM news_items "
    "WHERE page_fetched ORDER BY published_at DESC LIMIT 10;"
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="crawl the bundled replica site into a fresh SQLite file and report",
        description=__doc__,
    )
    parser.add_argument("--articles", type=int, default=120, help="articles per edition")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--db", type=Path, default=DEFAULT_DEMO_DB, help="SQLite file to (re)create"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from crawler.sample_site import running_replica
    from storage import db as storage_db

    if args.articles < 1:
        raise UserError("--articles must be at least 1")
    db_path: Path = args.db.resolve()
    remove_database(db_path)
    db_url = f"sqlite:///{db_path}"
    log_path = db_path.with_suffix(".log")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.unlink(missing_ok=True)
    expected = 2 * args.articles
    started = time.monotonic()
    with running_replica(articles=args.articles, seed=args.seed) as site:
        print(f"replica site serving at {site.base_url} ({args.articles} articles per edition)")
        # Small batches so the progress bar moves; the real job keeps the larger defaults.
        command = crawl_command(
            start_urls=[site.base_url],
            db_url=db_url,
            settings=local_replica_settings(VCARE_FLUSH_SECONDS=0.5, VCARE_BATCH_SIZE=50),
        )
        process = start_crawl(command, log_path=str(log_path))
        engine = None
        while process.poll() is None:
            time.sleep(0.5)
            engine = engine or (storage_db.open_engine(db_url) if db_path.exists() else None)
            show_progress(engine, expected, time.monotonic() - started)
        if engine is not None:
            engine.dispose()
    print()
    if process.returncode != 0:
        print(f"crawl failed (exit {process.returncode}); log: {log_path}", file=sys.stderr)
        return 1
    print_report(db_url, db_path, log_path, time.monotonic() - started)
    return 0


def remove_database(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def show_progress(engine, expected: int, elapsed: float) -> None:
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from storage import queries

    fetched = 0
    if engine is not None:
        try:
            with Session(engine) as session:
                fetched = queries.item_count(session, fetched=True)
        except SQLAlchemyError:  # the crawl may still be creating the schema
            fetched = 0
    width = 30
    done = min(width, int(width * fetched / expected)) if expected else width
    bar = "#" * done + "-" * (width - done)
    sys.stdout.write(f"\rcrawling [{bar}] {fetched}/{expected} articles  {elapsed:5.1f}s")
    sys.stdout.flush()


def print_report(db_url: str, db_path: Path, log_path: Path, elapsed: float) -> None:
    from storage import db as storage_db
    from storage import queries

    engine = storage_db.open_engine(db_url)
    try:
        with storage_db.make_sessionmaker(engine)() as session:
            by_section = queries.count_by_edition_and_section(session)
            newest = queries.newest(session, limit=5)
            related = queries.related_link_count(session)
    finally:
        engine.dispose()
    print(f"done in {elapsed:.1f}s\n")
    print("articles per edition and section:")
    for language, section, count in by_section:
        print(f"  {language:3} {section or '(no section)':30} {count:5}")
    print("\nfive newest (China Standard Time):")
    for row in newest:
        local = row.published_at.astimezone(CHINA) if row.published_at else None
        when = f"{local:%Y-%m-%d %H:%M}" if local else "(no date)       "
        print(f"  {when}  [{row.language}] {row.title}")
    print(f"\nrelated-news links stored: {related}")
    print(f"database: {db_path}")
    print(f"crawl log: {log_path}")
    print(f'try: sqlite3 {db_path} "{EXAMPLE_QUERY}"')
