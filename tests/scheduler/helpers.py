"""Driving ``python scheduler.py`` as a subprocess and reading back its ``crawl_runs``."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from crawler.runner import local_replica_settings
from tests.conftest import REPO_ROOT

SCHEDULER = REPO_ROOT / "scheduler.py"
# Slow enough to be caught mid-crawl: one request at a time, 0.2 s apart.
SLOW = {"DOWNLOAD_DELAY": 0.2, "CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}


def clean_environment(**extra: str) -> dict[str, str]:
    """Our environment without any VCARE_* variable a developer may have set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VCARE_")}
    env.update(extra)
    return env


def setting_options(**overrides: object) -> list[str]:
    options = []
    for name, value in local_replica_settings(**overrides).items():
        options += ["-s", f"{name}={value}"]
    return options


def scheduler_command(*args: str) -> list[str]:
    return [sys.executable, str(SCHEDULER), *args]


@dataclass
class Scheduler:
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM, as systemd would; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)


@contextmanager
def running_scheduler(tmp_path: Path, *args: str) -> Iterator[Scheduler]:
    """``python scheduler.py ARGS`` in the background, its stderr in a file; killed at exit."""
    log_path = tmp_path / "scheduler.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            scheduler_command(*args),
            cwd=REPO_ROOT,
            env=clean_environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    scheduler = Scheduler(process, log_path)
    try:
        yield scheduler
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Run:
    id: int
    pid: int
    mode: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    finish_reason: str | None


def _instant(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def crawl_runs(db_url: str) -> list[Run]:
    """Every ``crawl_runs`` row, oldest first ([] before the first crawl created the table)."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("crawl_runs"):
                return []
            rows = connection.execute(
                sa.text(
                    "SELECT id, pid, mode, status, started_at, finished_at, finish_reason "
                    "FROM crawl_runs ORDER BY id"
                )
            ).mappings()
            return [
                Run(
                    id=row["id"],
                    pid=row["pid"],
                    mode=row["mode"],
                    status=row["status"],
                    started_at=_instant(row["started_at"]),
                    finished_at=_instant(row["finished_at"]),
                    finish_reason=row["finish_reason"],
                )
                for row in rows
            ]
    finally:
        engine.dispose()


def wait_for(condition: Callable[[], object], timeout: float, what: str, poll: float = 0.2):
    """``condition()``'s first truthy value, polling; fails the test after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(poll)


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def summary_lines(log: str) -> list[str]:
    return [
        line for line in log.splitlines() if " scheduler: run " in line or "did not start" in line
    ]
