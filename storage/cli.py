"""``vcare-news db upgrade|check|stats``: manage and inspect the news store."""

from __future__ import annotations

import argparse

from storage.db import (
    current_revision,
    head_revision,
    make_sessionmaker,
    mask_url,
    open_engine,
    resolve_db_url,
    storage_errors,
    upgrade_schema,
)
from storage.queries import (
    count_by_edition_and_section,
    item_count,
    recent_runs,
    related_link_count,
    revision_count,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="manage the news database")
    commands = db.add_subparsers(dest="db_command", required=True, metavar="DB_COMMAND")
    for name, func, help_text in (
        ("upgrade", run_upgrade, "create the schema or bring it to the newest revision"),
        ("check", run_check, "check the database is reachable, writable and up to date"),
        ("stats", run_stats, "count stored items, related links, revisions and recent runs"),
    ):
        parser = commands.add_parser(name, help=help_text)
        parser.add_argument(
            "--db-url",
            metavar="URL",
            help="database URL (default: $VCARE_DB_URL, else sqlite:///data/vcare_news.sqlite3)",
        )
        parser.set_defaults(func=func)


def run_upgrade(args: argparse.Namespace) -> int:
    url = resolve_db_url(args.db_url)
    engine = open_engine(url)
    try:
        before = current_revision(engine)
        upgrade_schema(engine)
        after = current_revision(engine)
    finally:
        engine.dispose()
    state = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    print(f"{mask_url(url)}: {state} revision {after}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    url = resolve_db_url(args.db_url)
    engine = open_engine(url)
    try:
        revision = current_revision(engine)
    finally:
        engine.dispose()
    head = head_revision()
    if revision != head:
        print(f"{mask_url(url)}: schema at {revision or 'none'}, newest is {head}: run db upgrade")
        return 1
    print(f"{mask_url(url)}: reachable, writable, schema at revision {head}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    url = resolve_db_url(args.db_url)
    engine = open_engine(url)
    try:
        if current_revision(engine) != head_revision():
            print(f"{mask_url(url)}: schema is not up to date: run db upgrade")
            return 1
        with storage_errors(engine), make_sessionmaker(engine)() as session:
            print(f"database: {mask_url(url)}")
            print(
                f"items: {item_count(session)} ({item_count(session, fetched=True)} fetched), "
                f"related links: {related_link_count(session)}, "
                f"revisions: {revision_count(session)}"
            )
            for language, section, count in count_by_edition_and_section(session):
                print(f"  {language:<3} {section or '(no section)':<30} {count:>7}")
            for run in recent_runs(session):
                print(
                    f"run {run.id}: {run.spider} {run.mode} {run.status} "
                    f"started {run.started_at:%Y-%m-%d %H:%M}Z "
                    f"new {run.items_new} changed {run.items_changed} "
                    f"unchanged {run.items_unchanged} errors {run.error_count}"
                )
    finally:
        engine.dispose()
    return 0
