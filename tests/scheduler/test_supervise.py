"""One crawl's process under the scheduler: time limit, SIGTERM, SIGKILL, never raising."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time

from crawler import crawl_supervisor
from crawler.schedule_config import ScheduleConfig

IGNORES_SIGTERM = (
    "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "print('ready', flush=True); time.sleep(60)"
)
EXITS_ON_SIGTERM = (
    "import signal, sys, time; signal.signal(signal.SIGTERM, lambda *a: sys.exit(7)); "
    "print('ready', flush=True); time.sleep(60)"
)


def runner(**config) -> crawl_supervisor.CrawlRunner:
    return crawl_supervisor.CrawlRunner(ScheduleConfig(**config), "sqlite://")


def child(code: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def test_crawl_that_ends_by_itself_is_left_alone():
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    ending = runner(time_limit=30).supervise(process)
    assert ending == crawl_supervisor.Ending(returncode=3)


def test_crawl_over_its_time_limit_gets_sigterm():
    started = time.monotonic()
    ending = runner(time_limit=0.5, grace=10).supervise(child(EXITS_ON_SIGTERM))
    assert ending == crawl_supervisor.Ending(returncode=7, stopped_for="time limit")
    assert time.monotonic() - started < 5


def test_crawl_ignoring_sigterm_is_killed_after_the_grace_period():
    started = time.monotonic()
    ending = runner(time_limit=0.3, grace=0.5).supervise(child(IGNORES_SIGTERM))
    assert ending == crawl_supervisor.Ending(-signal.SIGKILL, stopped_for="time limit", killed=True)
    assert time.monotonic() - started < 5


def test_stop_request_sends_sigterm_at_once():
    crawl_runner = runner(time_limit=60, grace=10)
    threading.Timer(0.3, crawl_runner.stop).start()
    started = time.monotonic()
    ending = crawl_runner.supervise(child(EXITS_ON_SIGTERM))
    assert ending == crawl_supervisor.Ending(returncode=7, stopped_for="shutdown")
    assert time.monotonic() - started < 5


def test_hurry_kills_without_waiting_out_the_grace_period():
    crawl_runner = runner(time_limit=60, grace=60)
    threading.Timer(0.3, crawl_runner.stop).start()
    threading.Timer(0.6, crawl_runner.hurry).start()
    started = time.monotonic()
    ending = crawl_runner.supervise(child(IGNORES_SIGTERM))
    assert ending == crawl_supervisor.Ending(-signal.SIGKILL, stopped_for="shutdown", killed=True)
    assert time.monotonic() - started < 5


def test_a_run_that_cannot_start_logs_one_line_and_does_not_raise(tmp_path, caplog):
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    crawl_runner = runner(log_dir=not_a_directory / "logs")
    with caplog.at_level(logging.ERROR, logger="scheduler"):
        crawl_runner.run("incremental")
    [record] = caplog.records
    assert record.getMessage().startswith("crawl (incremental) could not be run: ")
    assert "\n" not in record.getMessage()


def test_no_crawl_starts_after_stop(monkeypatch):
    started = []
    monkeypatch.setattr("crawler.runner.start_crawl", lambda *a, **k: started.append(a))
    crawl_runner = runner()
    crawl_runner.stop()
    crawl_runner.run("incremental")
    assert started == []


def test_summary_of_a_crawl_that_did_not_start_names_the_crawls_own_error(tmp_path):
    log = tmp_path / "crawl.log"
    log.write_text("scrapy crawl: error: another crawl is running on sqlite:///x.db\n")
    line = crawl_supervisor.summary_line(
        "incremental", None, crawl_supervisor.Ending(1), 1.25, str(log), ScheduleConfig()
    )
    assert line == (
        "crawl (incremental) did not start: another crawl is running on sqlite:///x.db; "
        f"exit 1, 1.2s, log {log}"
    )
