"""Crawl runs: start, finish, and the runs a dead process left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select

from storage.models import CrawlRun
from storage.runs import abort_stale_runs, finish_run, start_run
from tests.storage.conftest import NOW


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def start(session, *, pid: int = os.getpid(), hostname: str = "crawler-1", mode: str = "full"):
    return start_run(
        session,
        spider="vcare_news",
        mode=mode,
        start_urls=["https://www.vcarepharmatech.com/en/news/"],
        pid=pid,
        hostname=hostname,
        now=NOW,
    )


def test_start_run_records_a_running_crawl(session):
    run_id = start(session)
    session.commit()
    run = session.get(CrawlRun, run_id)
    assert run.status == "running" and run.finished_at is None
    assert run.started_at == NOW
    assert run.start_urls == ["https://www.vcarepharmatech.com/en/news/"]
    assert run.errors == [] and run.coverage == {}


def test_finish_run_records_the_outcome(session):
    run_id = start(session)
    finish_run(
        session,
        run_id,
        status="degraded",
        now=NOW + timedelta(minutes=5),
        request_count=40,
        response_count=39,
        items_new=3,
        items_changed=1,
        items_unchanged=30,
        error_count=1,
        finish_reason="finished",
        errors=[{"url": "https://x/1.html", "reason": "HTTP 500"}],
        coverage={"en": {"listed": 30, "fetched": 29}},
    )
    session.commit()
    session.expire_all()
    run = session.get(CrawlRun, run_id)
    assert (run.status, run.finished_at) == ("degraded", NOW + timedelta(minutes=5))
    assert (run.items_new, run.items_changed, run.items_unchanged) == (3, 1, 30)
    assert run.errors == [{"url": "https://x/1.html", "reason": "HTTP 500"}]
    assert run.coverage == {"en": {"listed": 30, "fetched": 29}}


def test_finish_run_rejects_unknown_runs_and_statuses(session):
    run_id = start(session)
    with pytest.raises(ValueError, match="status"):
        finish_run(session, run_id, status="running", now=NOW)
    with pytest.raises(ValueError, match="no crawl run"):
        finish_run(session, run_id + 100, status="failed", now=NOW)
    with pytest.raises(ValueError, match="mode"):
        start(session, mode="partial")


def test_abort_stale_runs_aborts_only_dead_processes_of_this_host(session):
    alive = start(session, hostname="crawler-1")
    dead = start(session, pid=dead_pid(), hostname="crawler-1")
    elsewhere = start(session, pid=dead_pid(), hostname="crawler-2")
    finished = start(session, pid=dead_pid(), hostname="crawler-1")
    finish_run(session, finished, status="succeeded", now=NOW)
    later = NOW + timedelta(hours=1)
    assert abort_stale_runs(session, now=later, hostname="crawler-1") == 1
    session.commit()
    statuses = dict(session.execute(select(CrawlRun.id, CrawlRun.status)).all())
    assert statuses == {
        alive: "running",
        dead: "aborted",
        elsewhere: "running",
        finished: "succeeded",
    }
    aborted = session.get(CrawlRun, dead)
    session.refresh(aborted)
    assert aborted.finished_at == later
    assert "ended without finishing" in aborted.finish_reason
    assert abort_stale_runs(session, now=later, hostname="crawler-1") == 0


def test_previous_run_status_is_that_of_the_run_before(session):
    from storage.queries import previous_run_status

    assert previous_run_status(session, before_run_id=None) is None
    first = start(session)
    finish_run(session, first, status="aborted", now=NOW, finish_reason="shutdown")
    second = start(session)
    session.commit()
    assert previous_run_status(session, before_run_id=second) == "aborted"
    assert previous_run_status(session, before_run_id=first) is None
