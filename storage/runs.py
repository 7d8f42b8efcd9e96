"""The ``crawl_runs`` table: a row per crawl, opened when it starts and closed when it ends.

Like every storage function, these take the caller's session and never commit.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import RUN_MODES, RUN_STATUSES, CrawlRun
from storage.store import aware_now


def start_run(
    session: Session,
    *,
    spider: str,
    mode: str,
    start_urls: list[str],
    pid: int,
    hostname: str,
    now: datetime,
) -> int:
    """Record a crawl that is starting (status ``running``); returns its id."""
    if mode not in RUN_MODES:
        raise ValueError(f"mode must be one of {RUN_MODES}, not {mode!r}")
    run = CrawlRun(
        spider=spider,
        mode=mode,
        start_urls=list(start_urls),
        pid=pid,
        hostname=hostname,
        started_at=aware_now(now),
        status="running",
        request_count=0,
        response_count=0,
        items_new=0,
        items_changed=0,
        items_unchanged=0,
        error_count=0,
        errors=[],
        coverage={},
    )
    session.add(run)
    session.flush()
    return run.id


def finish_run(
    session: Session,
    run_id: int,
    *,
    status: str,
    now: datetime,
    request_count: int = 0,
    response_count: int = 0,
    items_new: int = 0,
    items_changed: int = 0,
    items_unchanged: int = 0,
    error_count: int = 0,
    finish_reason: str | None = None,
    errors: list[dict] | None = None,
    coverage: dict | None = None,
) -> None:
    """Record how a crawl ended."""
    if status not in RUN_STATUSES or status == "running":
        raise ValueError(f"a finished run's status must be one of {RUN_STATUSES[1:]}")
    result = session.execute(
        update(CrawlRun)
        .where(CrawlRun.id == run_id)
        .values(
            status=status,
            finished_at=aware_now(now),
            request_count=request_count,
            response_count=response_count,
            items_new=items_new,
            items_changed=items_changed,
            items_unchanged=items_unchanged,
            error_count=error_count,
            finish_reason=finish_reason,
            errors=list(errors or []),
            coverage=dict(coverage or {}),
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ValueError(f"no crawl run with id {run_id}")


def abort_stale_runs(session: Session, *, now: datetime, hostname: str | None = None) -> int:
    """Mark ``running`` runs of this host whose process is gone as ``aborted``; returns how many.

    Only runs of this host can be checked (by pid); a pid reused by another process keeps a
    dead run looking alive until that process ends.
    """
    hostname = hostname or socket.gethostname()
    runs = session.execute(
        select(CrawlRun.id, CrawlRun.pid).where(
            CrawlRun.status == "running", CrawlRun.hostname == hostname
        )
    ).all()
    stale = [(run_id, pid) for run_id, pid in runs if not pid_alive(pid)]
    for run_id, pid in stale:
        session.execute(
            update(CrawlRun)
            .where(CrawlRun.id == run_id, CrawlRun.status == "running")
            .values(
                status="aborted",
                finished_at=aware_now(now),
                finish_reason=f"process {pid} on {hostname} ended without finishing the run",
            )
            .execution_options(synchronize_session=False)
        )
    return len(stale)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True
