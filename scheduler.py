"""``vcare-news schedule`` / ``python scheduler.py``: re-crawl the news on a schedule.

A foreground APScheduler 3 ``BlockingScheduler`` that decides *when* to crawl, nothing else.
Its configuration comes from ``crawler.schedule_config`` (options, environment, config file).
Each run is a fresh ``scrapy crawl vcare_news`` child process, started, time-limited and
reported on by ``crawler.crawl_supervisor``; a crawl failing or hanging never stops the schedule.

Jobs live in the in-memory job store and are re-created at every start with fixed ids: the
schedule is configuration (options, environment, config file), not state, and the crawl history
is in ``crawl_runs``. See ``docs/scheduler.md``.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import signal
import sys
from datetime import datetime

from crawler.crawl_supervisor import CrawlRunner
from crawler.errors import UserError
from crawler.schedule_config import (
    DEFAULT_EVERY,
    DEFAULT_GRACE,
    DEFAULT_TIME_LIMIT,
    ENV_CONFIG,
    ScheduleConfig,
    load_config,
)

logger = logging.getLogger("scheduler")

JOB_IDS = {"incremental": "crawl-incremental", "full": "crawl-full"}
# A run may wait in the single-worker queue behind the other job's crawl for up to its time
# limit plus grace; beyond that (and this margin) a missed run is dropped, not run late.
MISFIRE_MARGIN_S = 300


# --- the scheduler -------------------------------------------------------------------------


class Shutdown(Exception):
    """Raised in the main thread by SIGINT/SIGTERM to leave ``BlockingScheduler.start()``."""


def build_scheduler(config: ScheduleConfig, runner: CrawlRunner):
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.schedulers.blocking import BlockingScheduler

    misfire = math.ceil(config.time_limit + config.grace) + MISFIRE_MARGIN_S
    scheduler = BlockingScheduler(
        # In memory: the schedule is configuration, re-created from it at every start.
        jobstores={"default": MemoryJobStore()},
        # One worker shared by both jobs: never two crawls from this scheduler at once.
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        timezone=config.tz,
    )
    for mode, job_id in JOB_IDS.items():
        trigger = config.trigger(mode)
        if trigger is None:
            continue
        extra = {}
        if mode == "incremental" and config.run_now:
            extra["next_run_time"] = datetime.now(config.tz)
        scheduler.add_job(
            runner.run,
            trigger,
            args=[mode],
            id=job_id,
            name=f"{mode} crawl",
            replace_existing=True,
            coalesce=True,  # missed runs become one run
            max_instances=1,
            misfire_grace_time=misfire,
            **extra,
        )
    return scheduler


def describe_schedule(config: ScheduleConfig, scheduler) -> str:
    parts = []
    for mode, job_id in JOB_IDS.items():
        job = scheduler.get_job(job_id)
        if job is not None:
            every, cron = config.when(mode)
            when = f"cron {cron!r}" if cron else f"every {every:g}s"
            parts.append(f"{mode} crawl {when}, next at {job.next_run_time.isoformat()}")
    return "; ".join(parts)


def serve(config: ScheduleConfig, db_url: str) -> int:
    """Run the schedule until SIGINT/SIGTERM; then stop the running crawl and return 0."""
    from apscheduler.events import EVENT_SCHEDULER_STARTED

    runner = CrawlRunner(config, db_url)
    scheduler = build_scheduler(config, runner)
    scheduler.add_listener(
        lambda _event: logger.info(
            "scheduler started (timezone %s, time limit %gs, grace %gs): %s",
            config.timezone,
            config.time_limit,
            config.grace,
            describe_schedule(config, scheduler),
        ),
        EVENT_SCHEDULER_STARTED,
    )

    def first_signal(signum, _frame):
        raise Shutdown(signal.Signals(signum).name)

    def second_signal(signum, _frame):
        logger.warning("%s again: killing the running crawl now", signal.Signals(signum).name)
        runner.hurry()

    previous = {s: signal.signal(s, first_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        scheduler.start()  # blocks until a signal raises Shutdown
    except Shutdown as exc:
        for s in previous:
            signal.signal(s, second_signal)
        logger.info("received %s: stopping (grace %gs for a running crawl)", exc, config.grace)
    finally:
        runner.stop()
        if scheduler.running:
            scheduler.shutdown(wait=False)
        runner.wait_idle()
        for s, handler in previous.items():
            signal.signal(s, handler)
    logger.info("scheduler stopped")
    return 0


# --- command line --------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    when = parser.add_argument_group("when")
    when.add_argument(
        "--every", metavar="DURATION", help=f"crawl interval (default {DEFAULT_EVERY})"
    )
    when.add_argument("--cron", metavar="EXPR", help='5-field crontab, e.g. "0 */6 * * *"')
    when.add_argument("--jitter", metavar="SECONDS", help="delay each run by up to this much")
    when.add_argument(
        "--run-now",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="start the first crawl immediately",
    )
    when.add_argument("--timezone", metavar="TZ", help="time zone of --cron (default UTC)")
    when.add_argument("--full-every", metavar="DURATION", help="also run a full crawl this often")
    when.add_argument("--full-cron", metavar="EXPR", help="also run a full crawl on this crontab")
    crawl = parser.add_argument_group("each crawl")
    crawl.add_argument("--start-urls", metavar="URL[,URL]", help="start URLs (default: the site)")
    crawl.add_argument("--db-url", metavar="URL", help="SQLAlchemy database URL")
    crawl.add_argument(
        "--time-limit", metavar="DURATION", help=f"per crawl (default {DEFAULT_TIME_LIMIT})"
    )
    crawl.add_argument(
        "--grace",
        metavar="DURATION",
        help=f"after SIGTERM, before SIGKILL (default {DEFAULT_GRACE})",
    )
    crawl.add_argument(
        "-s", "--set", action="append", metavar="NAME=VALUE", help="Scrapy setting (repeatable)"
    )
    crawl.add_argument("--log-dir", metavar="DIR", help="write each crawl's log to a file here")
    parser.add_argument(
        "--config", metavar="FILE", help=f"TOML config file (or ${ENV_CONFIG}); keys = long options"
    )


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="re-crawl on a schedule (foreground)",
        description="Run scrapy crawl vcare_news on a schedule; see docs/scheduler.md.",
    )
    add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate the configuration and the database, then schedule until stopped."""
    config = load_config(args, os.environ)
    from storage import db as storage_db

    db_url = storage_db.resolve_db_url(config.db_url)
    storage_db.open_engine(db_url).dispose()  # a bad or unreachable database fails here, once
    configure_logging()
    return serve(config, db_url)


def configure_logging() -> None:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # Job added/running/executed lines would repeat our summary; keep only its warnings.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scheduler.py",
        description="Run scrapy crawl vcare_news on a schedule; see docs/scheduler.md.",
    )
    add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except UserError as exc:
        print(f"scheduler.py: error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
