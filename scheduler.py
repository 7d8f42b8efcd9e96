"""``vcare-news schedule`` / ``python scheduler.py``: re-crawl the news on a schedule.

A foreground APScheduler 3 ``BlockingScheduler`` that decides *when* to crawl, nothing else.
Each run is a fresh ``scrapy crawl vcare_news`` child process (``crawler.runner``), which records
itself in ``crawl_runs`` and holds the cross-process crawl lock; the scheduler enforces a time
limit per crawl, logs one summary line per run and survives any crawl failing or hanging.

Jobs live in the in-memory job store and are re-created at every start with fixed ids: the
schedule is configuration (options, environment, config file), not state, and the crawl history
is in ``crawl_runs``. See ``docs/scheduler.md``.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.errors import UserError

logger = logging.getLogger("scheduler")

JOB_IDS = {"incremental": "crawl-incremental", "full": "crawl-full"}
DEFAULT_EVERY = "6h"
DEFAULT_TIME_LIMIT = "2h"
DEFAULT_GRACE = "30s"
# A run may wait in the single-worker queue behind the other job's crawl for up to its time
# limit plus grace; beyond that (and this margin) a missed run is dropped, not run late.
MISFIRE_MARGIN_S = 300

# option name (the long option and the config-file key) -> environment variable
ENV_VARS = {
    "every": "VCARE_SCHEDULE_EVERY",
    "cron": "VCARE_SCHEDULE_CRON",
    "jitter": "VCARE_SCHEDULE_JITTER",
    "run-now": "VCARE_SCHEDULE_RUN_NOW",
    "timezone": "VCARE_SCHEDULE_TIMEZONE",
    "full-every": "VCARE_SCHEDULE_FULL_EVERY",
    "full-cron": "VCARE_SCHEDULE_FULL_CRON",
    "start-urls": "VCARE_START_URLS",
    "db-url": "VCARE_DB_URL",
    "time-limit": "VCARE_SCHEDULE_TIME_LIMIT",
    "grace": "VCARE_SCHEDULE_GRACE",
    "log-dir": "VCARE_SCHEDULE_LOG_DIR",
}
ENV_CONFIG = "VCARE_SCHEDULE_CONFIG"
FILE_KEYS = (*ENV_VARS, "set")
# Within one pair, the source with the highest precedence that sets either option decides.
EXCLUSIVE = (("every", "cron"), ("full-every", "full-cron"))


# --- durations, crontab, time zones -------------------------------------------------------

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str | int | float) -> float:
    """Seconds in ``30s``, ``15m``, ``6h``, ``1d``, ``1h30m`` or a plain number of seconds."""
    if isinstance(text, bool):
        raise ValueError(f"expected a duration, got {text!r}")
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        compact = text.strip().lower().replace(" ", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", compact):
            seconds = float(compact)
        elif compact and _DURATION_PART.sub("", compact) == "":
            parts = _DURATION_PART.findall(compact)
            seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in parts)
        else:
            raise ValueError(f"invalid duration {text!r}: expected e.g. 30s, 15m, 6h, 1d")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"invalid duration {text!r}: must be zero or more seconds")
    return seconds


_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _crontab_weekdays(part: str) -> set[int]:
    """Standard crontab day numbers (0 and 7 = Sunday) in one comma-separated part."""
    match = re.fullmatch(r"(\*|\w+)(?:-(\w+))?(?:/(\d+))?", part.lower())
    if not match:
        raise ValueError(f"invalid day of week {part!r}")
    first, last, step = match.groups()

    def day(token: str) -> int:
        if token.isdigit() and int(token) <= 7:
            return int(token) % 7 if token != "7" else 7
        if token[:3] in _WEEKDAYS and len(token) == 3:
            return _WEEKDAYS.index(token)
        raise ValueError(f"invalid day of week {token!r}")

    if first == "*":
        low, high = 0, 6
    else:
        low = day(first)
        high = day(last) if last else (6 if step else low)
    if low > high:
        raise ValueError(f"invalid day-of-week range {part!r}")
    return {d % 7 for d in range(low, high + 1, int(step or 1))}


def standard_crontab(expr: str) -> str:
    """``expr`` with its day-of-week field in names, so that 0 means Sunday as in crontab(5).

    APScheduler 3's ``from_crontab`` reads weekday numbers with 0 = Monday; names are
    unambiguous.
    """
    fields = expr.split()
    if len(fields) != 5:
        raise ValueError(f"expected 5 fields (minute hour day month weekday), got {len(fields)}")
    if fields[4] != "*":
        days: set[int] = set()
        for part in fields[4].split(","):
            days |= _crontab_weekdays(part)
        fields[4] = ",".join(_WEEKDAYS[d] for d in sorted(days))
    return " ".join(fields)


def cron_trigger(expr: str, tz: tzinfo, jitter: float):
    from apscheduler.triggers.cron import CronTrigger

    trigger = CronTrigger.from_crontab(standard_crontab(expr), timezone=tz)
    trigger.jitter = jitter or None
    return trigger


def interval_trigger(seconds: float, tz: tzinfo, jitter: float):
    from apscheduler.triggers.interval import IntervalTrigger

    return IntervalTrigger(seconds=seconds, timezone=tz, jitter=jitter or None)


def parse_timezone(name: str) -> tzinfo:
    if name.strip().upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: expected e.g. UTC or Asia/Shanghai"
        ) from None


# --- configuration: CLI > environment > config file > defaults ----------------------------


@dataclass(frozen=True)
class ScheduleConfig:
    every: float | None = None  # seconds; exactly one of every/cron is set
    cron: str | None = None
    jitter: float = 0.0
    run_now: bool = False
    timezone: str = "UTC"
    full_every: float | None = None  # the optional full-crawl job; at most one of the two
    full_cron: str | None = None
    start_urls: tuple[str, ...] = ()
    db_url: str | None = None
    time_limit: float = 7200.0
    grace: float = 30.0
    settings: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None

    @property
    def tz(self) -> tzinfo:
        return parse_timezone(self.timezone)

    def when(self, mode: str) -> tuple[float | None, str | None]:
        """(every, cron) of the ``mode`` job: "incremental" or "full"."""
        return (
            (self.every, self.cron) if mode == "incremental" else (self.full_every, self.full_cron)
        )

    def trigger(self, mode: str):
        """The APScheduler trigger of the ``mode`` job, or None when that job is off."""
        every, cron = self.when(mode)
        if cron:
            return cron_trigger(cron, self.tz, self.jitter)
        if every:
            return interval_trigger(every, self.tz, self.jitter)
        return None


Sourced = tuple[object, str]  # (raw value, where it came from, for error messages)


def cli_values(args: argparse.Namespace) -> dict[str, Sourced]:
    values = {}
    for name in ENV_VARS:
        value = getattr(args, name.replace("-", "_"), None)
        if value is not None:
            values[name] = (value, f"--{name}")
    if getattr(args, "set", None):
        values["set"] = (args.set, "-s")
    return values


def env_values(environ: Mapping[str, str]) -> dict[str, Sourced]:
    return {
        name: (environ[var], f"${var}")
        for name, var in ENV_VARS.items()
        if environ.get(var, "").strip()
    }


def file_values(path: str | Path) -> dict[str, Sourced]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UserError(f"cannot read config file {str(path)!r}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"invalid TOML in config file {str(path)!r}: {exc}") from None
    values = {}
    for key, value in data.items():
        name = key.replace("_", "-")
        if name not in FILE_KEYS:
            raise UserError(
                f"unknown key {key!r} in config file {str(path)!r}: expected {', '.join(FILE_KEYS)}"
            )
        values[name] = (value, f"{key} in {path}")
    return values


def layered(*sources: dict[str, Sourced]) -> dict[str, Sourced]:
    """One value per option from ``sources``, highest precedence first; ``set`` is merged."""
    merged: dict[str, Sourced] = {}
    for name in ENV_VARS:
        group = next((g for g in EXCLUSIVE if name in g), (name,))
        for source in sources:
            if any(option in source for option in group):
                if name in source:
                    merged[name] = source[name]
                break
    settings: dict[str, str] = {}
    for source in reversed(sources):
        if "set" in source:
            settings.update(parse_settings(*source["set"]))
    if settings:
        merged["set"] = (settings, "settings")
    return merged


def parse_settings(raw: object, where: str) -> dict[str, str]:
    if isinstance(raw, dict):
        pairs = [(str(k), v) for k, v in raw.items()]
    elif isinstance(raw, list | tuple):
        pairs = []
        for entry in raw:
            name, sep, value = str(entry).partition("=")
            if not sep:
                raise UserError(f"invalid setting {entry!r} for {where}: expected NAME=VALUE")
            pairs.append((name, value))
    else:
        raise UserError(f"invalid {where}: expected a table of NAME = VALUE")
    for name, _ in pairs:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name.strip()):
            raise UserError(f"invalid setting name {name!r} for {where}")
    return {name.strip(): str(value) for name, value in pairs}


def build_config(values: dict[str, Sourced]) -> ScheduleConfig:
    """A validated ``ScheduleConfig``; any bad value is a one-line ``UserError``."""

    def get(name: str, default: object = None) -> object:
        return values[name][0] if name in values else default

    def where(name: str) -> str:
        return values[name][1] if name in values else f"--{name}"

    def duration(name: str, default: str | None, *, positive: bool) -> float | None:
        raw = get(name, default)
        if raw is None:
            return None
        try:
            seconds = parse_duration(raw)  # type: ignore[arg-type]
        except ValueError as exc:
            raise UserError(f"{where(name)}: {exc}") from None
        if positive and seconds <= 0:
            raise UserError(f"{where(name)}: the duration must be more than zero")
        return seconds

    for pair in EXCLUSIVE:
        if all(name in values for name in pair):
            a, b = (values[name][1] for name in pair)
            raise UserError(f"{a} and {b} both given: use one of them")
    timezone = str(get("timezone", "UTC"))
    try:
        tz = parse_timezone(timezone)
    except ValueError as exc:
        raise UserError(f"{where('timezone')}: {exc}") from None
    cron, full_cron = (str(get(n)) if get(n) is not None else None for n in ("cron", "full-cron"))
    for name, expr in (("cron", cron), ("full-cron", full_cron)):
        if expr is not None:
            try:
                cron_trigger(expr, tz, 0)
            except ValueError as exc:
                raise UserError(f"{where(name)}: invalid cron expression {expr!r}: {exc}") from None
    config = ScheduleConfig(
        every=None if cron else duration("every", DEFAULT_EVERY, positive=True),
        cron=cron,
        jitter=duration("jitter", "0", positive=False) or 0.0,
        run_now=parse_bool(get("run-now", False), where("run-now")),
        timezone=timezone,
        full_every=duration("full-every", None, positive=True),
        full_cron=full_cron,
        start_urls=parse_start_urls(get("start-urls"), where("start-urls")),
        db_url=str(get("db-url")) if get("db-url") else None,
        time_limit=duration("time-limit", DEFAULT_TIME_LIMIT, positive=True) or 0.0,
        grace=duration("grace", DEFAULT_GRACE, positive=False) or 0.0,
        settings=dict(get("set", {})),  # type: ignore[call-overload]
        log_dir=Path(str(get("log-dir"))) if get("log-dir") else None,
    )
    return config


def parse_bool(raw: object, where: str) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise UserError(f"{where}: expected true or false, got {raw!r}")


def parse_start_urls(raw: object, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    urls = raw.split(",") if isinstance(raw, str) else [str(u) for u in raw]  # type: ignore[attr-defined]
    urls = [u.strip() for u in urls if u.strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(f"{where}: invalid start URL {url!r}: expected http(s)://host/...")
    return tuple(urls)


def load_config(args: argparse.Namespace, environ: Mapping[str, str]) -> ScheduleConfig:
    """The configuration from the options, the environment and the config file, in that order."""
    config_path = getattr(args, "config", None) or environ.get(ENV_CONFIG, "").strip() or None
    from_file = file_values(config_path) if config_path else {}
    return build_config(layered(cli_values(args), env_values(environ), from_file))


# --- running one crawl ---------------------------------------------------------------------


@dataclass
class Ending:
    """How a crawl process ended."""

    returncode: int
    stopped_for: str | None = None  # "time limit" or "shutdown" when we sent SIGTERM
    killed: bool = False  # SIGKILLed after the grace period


class CrawlRunner:
    """Runs one crawl at a time as a child process, reports on it, and stops it on request."""

    def __init__(self, config: ScheduleConfig, db_url: str):
        self.config = config
        self.db_url = db_url
        self.stopping = threading.Event()
        self.hurrying = threading.Event()
        self._wake = threading.Event()
        self._one_at_a_time = threading.Lock()

    def run(self, mode: str) -> None:
        """The job: one crawl in ``mode``. Never raises, so a bad run cannot stop the schedule."""
        with self._one_at_a_time:
            if self.stopping.is_set():
                return
            try:
                self._run(mode)
            except Exception as exc:
                logger.error("crawl (%s) could not be run: %s: %s", mode, type(exc).__name__, exc)

    def stop(self) -> None:
        """Stop the running crawl (SIGTERM, SIGKILL after the grace period) and start no other."""
        self.stopping.set()
        self._wake.set()

    def hurry(self) -> None:
        """SIGKILL the running crawl now instead of waiting out the grace period."""
        self.hurrying.set()
        self._wake.set()

    def wait_idle(self) -> None:
        with self._one_at_a_time:
            pass

    def _run(self, mode: str) -> None:
        from crawler.runner import crawl_command, start_crawl

        command = crawl_command(
            start_urls=self.config.start_urls,
            db_url=self.db_url,
            mode=mode,
            settings=self.config.settings,
        )
        log_path = self._log_path(mode)
        launched_at = datetime.now(UTC)
        started = time.monotonic()
        process = start_crawl(command, log_path=log_path, start_new_session=True)
        try:
            ending = self.supervise(process)
        finally:
            if process.returncode is None:  # supervise itself failed: leave no orphan
                process.kill()
                process.wait()
        run = self._recorded_run(process.pid, launched_at)
        logger.info(
            summary_line(mode, run, ending, time.monotonic() - started, log_path, self.config)
        )

    def _log_path(self, mode: str) -> str | None:
        if self.config.log_dir is None:
            return None
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        return str(self.config.log_dir / f"crawl-{stamp}-{mode}.log")

    def supervise(self, process: subprocess.Popen) -> Ending:
        """Wait for ``process``; on the time limit or a stop request, SIGTERM then SIGKILL it.

        The child runs in its own session, so a Ctrl-C at the terminal reaches only us and the
        crawl gets exactly one SIGTERM, which Scrapy handles as a graceful shutdown.
        """
        self._wake.clear()
        threading.Thread(target=_wait_then_set, args=(process, self._wake), daemon=True).start()
        finished = lambda: process.returncode is not None  # noqa: E731
        _sleep_until(
            self._wake, self.config.time_limit, lambda: finished() or self.stopping.is_set()
        )
        if finished():
            return Ending(process.returncode)
        stopped_for = "shutdown" if self.stopping.is_set() else "time limit"
        logger.warning(
            "crawl pid %d: %s, sending SIGTERM (SIGKILL in %gs)",
            process.pid,
            "stopping" if stopped_for == "shutdown" else "time limit reached",
            self.config.grace,
        )
        process.terminate()
        _sleep_until(self._wake, self.config.grace, lambda: finished() or self.hurrying.is_set())
        if finished():
            return Ending(process.returncode, stopped_for)
        process.kill()
        process.wait()
        return Ending(process.returncode, stopped_for, killed=True)

    def _recorded_run(self, pid: int, launched_at: datetime):
        """The child's ``crawl_runs`` row (None if it never got that far), closed if left open."""
        from storage import db as storage_db
        from storage import store

        engine = storage_db.open_engine(self.db_url)
        try:
            sessions = storage_db.make_sessionmaker(engine)
            with sessions() as session:
                run = find_run(session, pid, launched_at)
            if run is not None and run.status == "running":
                # SIGKILLed (by us or anyone): the crawl could not close its own row.
                with sessions() as session, session.begin():
                    store.abort_stale_runs(session, now=datetime.now(UTC))
                with sessions() as session:
                    run = find_run(session, pid, launched_at)
            return run
        finally:
            engine.dispose()


def find_run(session, pid: int, launched_at: datetime):
    """The newest ``crawl_runs`` row of crawl process ``pid`` on this host since its launch."""
    from storage.queries import run_of_process

    return run_of_process(
        session,
        pid=pid,
        hostname=socket.gethostname(),
        since=launched_at - timedelta(seconds=5),
    )


def _wait_then_set(process: subprocess.Popen, event: threading.Event) -> None:
    process.wait()
    event.set()


def _sleep_until(wake: threading.Event, seconds: float, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        wake.wait(remaining)
        wake.clear()


EXIT_MEANINGS = {1: "failed, degraded or aborted", 2: "bad input or another crawl is running"}


def summary_line(
    mode: str, run, ending: Ending, seconds: float, log_path: str | None, config: ScheduleConfig
) -> str:
    """The one line logged per run."""
    code = ending.returncode
    exit_text = f"exit {code}" if code >= 0 else f"exit {code} ({signal.Signals(-code).name})"
    stopped = ""
    if ending.stopped_for == "time limit":
        stopped = f", stopped at the time limit ({config.time_limit:g}s)"
    elif ending.stopped_for == "shutdown":
        stopped = ", stopped by scheduler shutdown"
    if ending.killed:
        stopped += f", SIGKILLed after {config.grace:g}s grace"
    log = f", log {log_path}" if log_path else ""
    if run is None:
        reason = last_error_line(log_path) or EXIT_MEANINGS.get(code, "see the crawl's output")
        return f"crawl ({mode}) did not start: {reason}; {exit_text}, {seconds:.1f}s{stopped}{log}"
    return (
        f"run {run.id} {run.status} ({mode}): {run.items_new} new, {run.items_changed} changed, "
        f"{run.items_unchanged} unchanged, {run.error_count} errors, {seconds:.1f}s, "
        f"{exit_text}{stopped}{log}"
    )


def last_error_line(log_path: str | None) -> str | None:
    """The crawl command's own one-line error (``scrapy crawl: error: ...``) from its log."""
    if not log_path or not os.path.exists(log_path):
        return None
    with open(log_path, encoding="utf-8", errors="replace") as log:
        errors = [line.strip() for line in log if "error:" in line]
    return errors[-1].split("error:", 1)[1].strip() if errors else None


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
