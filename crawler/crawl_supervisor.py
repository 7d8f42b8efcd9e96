"""Running one scheduled crawl process and watching it: time limit, SIGTERM, grace, SIGKILL.

Each run is a fresh ``scrapy crawl vcare_news`` child process (``crawler.runner``), which records
itself in ``crawl_runs`` and holds the cross-process crawl lock. ``CrawlRunner`` runs one crawl
at a time, enforces the time limit per crawl (SIGTERM, then SIGKILL after the grace period),
reads back the child's ``crawl_runs`` row and logs one summary line per run; it never raises, so
a crawl failing or hanging cannot stop the schedule. When to crawl is ``scheduler.py``'s concern.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crawler.schedule_config import ScheduleConfig

# The scheduler's log: every line it writes reads "scheduler: ...", whichever module writes it.
logger = logging.getLogger("scheduler")


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
        from storage import runs

        engine = storage_db.open_engine(self.db_url)
        try:
            sessions = storage_db.make_sessionmaker(engine)
            with sessions() as session:
                run = find_run(session, pid, launched_at)
            if run is not None and run.status == "running":
                # SIGKILLed (by us or anyone): the crawl could not close its own row.
                with sessions() as session, session.begin():
                    runs.abort_stale_runs(session, now=datetime.now(UTC))
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
