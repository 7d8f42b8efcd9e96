"""``python scheduler.py`` end to end: real crawls of the replica into SQLite, on a schedule."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from crawler.runner import crawl_command, local_replica_settings, start_crawl
from crawler.sample_site import running_replica
from tests.conftest import REPO_ROOT, run_crawl
from tests.integration.helpers import stored_articles
from tests.scheduler.helpers import (
    SLOW,
    clean_environment,
    closed_port_url,
    crawl_runs,
    running_scheduler,
    setting_options,
    summary_lines,
    wait_for,
)

pytestmark = pytest.mark.integration

ARTICLES = 10  # per edition: a crawl of the replica takes a couple of seconds
SLOW_ARTICLES = 30  # with SLOW settings: a crawl long enough to be caught running


def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'news.sqlite3'}"


def finished(db_url: str, at_least: int):
    runs = [run for run in crawl_runs(db_url) if run.status != "running"]
    return runs if len(runs) >= at_least else None


def running(db_url: str):
    return next((run for run in crawl_runs(db_url) if run.status == "running"), None)


def test_runs_repeat_on_the_interval_one_at_a_time(tmp_path):
    """Incremental runs every 2 s and full runs every 5 s share one worker: never overlapping."""
    db_url = sqlite_url(tmp_path)
    with (
        running_replica(articles=ARTICLES, seed=5) as site,
        running_scheduler(
            tmp_path,
            *("--every", "2s", "--run-now", "--start-urls", site.base_url, "--db-url", db_url),
            *("--full-every", "5s"),
            *setting_options(),
        ) as scheduler,
    ):
        wait_for(lambda: finished(db_url, 3), 60, "three finished runs")
        wait_for(lambda: any(r.mode == "full" for r in finished(db_url, 1) or []), 60, "a full run")
        assert scheduler.stop() == 0
    runs = crawl_runs(db_url)
    assert all(run.status != "running" for run in runs)
    assert len({run.pid for run in runs}) == len(runs), "each run is a fresh process"
    for earlier, later in zip(runs, runs[1:], strict=False):
        assert earlier.finished_at <= later.started_at, f"runs {earlier.id} and {later.id} overlap"
    assert {run.mode for run in runs} == {"incremental", "full"}
    lines = summary_lines(scheduler.log())
    assert len(lines) >= 3
    assert all(" new, " in line and ", exit " in line for line in lines[:3]), lines


def test_unreachable_site_gives_failed_runs_and_the_schedule_goes_on(tmp_path):
    db_url = sqlite_url(tmp_path)
    with running_scheduler(
        tmp_path,
        *("--every", "1s", "--run-now", "--start-urls", closed_port_url(), "--db-url", db_url),
        *setting_options(RETRY_TIMES=0),
    ) as scheduler:
        runs = wait_for(lambda: finished(db_url, 2), 60, "two finished runs")
        assert scheduler.process.poll() is None, "the scheduler exited after a failed crawl"
        assert scheduler.stop() == 0
    assert [run.status for run in runs[:2]] == ["failed", "failed"]
    lines = summary_lines(scheduler.log())
    assert " failed (incremental): " in lines[0] and "exit 1" in lines[0], lines


def test_sigterm_during_a_run_exits_0_and_the_run_is_aborted(tmp_path):
    db_url = sqlite_url(tmp_path)
    with (
        running_replica(articles=SLOW_ARTICLES, seed=5) as site,
        running_scheduler(
            tmp_path,
            *("--every", "1h", "--run-now", "--start-urls", site.base_url, "--db-url", db_url),
            *("--grace", "20s"),
            *setting_options(**SLOW),
        ) as scheduler,
    ):
        run = wait_for(lambda: running(db_url), 30, "a running crawl")
        time.sleep(0.5)
        started = time.monotonic()
        assert scheduler.stop() == 0
        assert time.monotonic() - started < 20, "the crawl needed SIGKILL"
    [after] = [r for r in crawl_runs(db_url) if r.id == run.id]
    assert (after.status, after.finish_reason) == ("aborted", "shutdown")
    log = scheduler.log()
    assert "received SIGTERM" in log and "stopped by scheduler shutdown" in log
    assert "SIGKILL" not in summary_lines(log)[0]


def test_crawl_over_its_time_limit_is_stopped_and_the_scheduler_goes_on(tmp_path):
    db_url = sqlite_url(tmp_path)
    with (
        running_replica(articles=SLOW_ARTICLES, seed=5) as site,
        running_scheduler(
            tmp_path,
            *("--every", "1h", "--run-now", "--start-urls", site.base_url, "--db-url", db_url),
            *("--time-limit", "7s", "--grace", "20s"),
            *setting_options(**SLOW),
        ) as scheduler,
    ):
        [run] = wait_for(lambda: finished(db_url, 1), 40, "the first run to end")
        wait_for(lambda: summary_lines(scheduler.log()), 10, "the summary line")
        assert scheduler.process.poll() is None
        assert scheduler.stop() == 0
    assert (run.status, run.finish_reason) == ("aborted", "shutdown")
    assert "stopped at the time limit (7s)" in summary_lines(scheduler.log())[0]


def test_crawl_killed_after_the_grace_period_is_recorded_as_aborted(tmp_path):
    db_url = sqlite_url(tmp_path)
    with (
        running_replica(articles=SLOW_ARTICLES, seed=5) as site,
        running_scheduler(
            tmp_path,
            *("--every", "1h", "--run-now", "--start-urls", site.base_url, "--db-url", db_url),
            *("--time-limit", "7s", "--grace", "0s"),
            *setting_options(**SLOW),
        ) as scheduler,
    ):
        [run] = wait_for(lambda: finished(db_url, 1), 40, "the first run to end")
        wait_for(lambda: summary_lines(scheduler.log()), 10, "the summary line")
        assert scheduler.stop() == 0
    assert run.status == "aborted"
    assert "ended without finishing the run" in run.finish_reason
    line = summary_lines(scheduler.log())[0]
    assert f"run {run.id} aborted" in line and "SIGKILLed" in line, line


def test_manual_crawl_during_a_scheduled_run_waits_or_is_refused(tmp_path, db_url):
    with (
        running_replica(articles=SLOW_ARTICLES, seed=5) as site,
        running_scheduler(
            tmp_path,
            *("--every", "1h", "--run-now", "--start-urls", site.base_url, "--db-url", db_url),
            *setting_options(**SLOW),
        ) as scheduler,
    ):
        scheduled = wait_for(lambda: running(db_url), 30, "the scheduled crawl")
        waiting_launched = datetime.now(UTC)
        waiting = start_crawl(
            crawl_command(
                start_urls=[site.base_url],
                db_url=db_url,
                settings=local_replica_settings(VCARE_LOCK_WAIT=120),
            ),
            log_path=str(tmp_path / "waiting.log"),
            cwd=REPO_ROOT,
            env=clean_environment(SCRAPY_SETTINGS_MODULE="crawler.settings"),
        )
        refused = run_crawl(site.base_url, db_url, log_path=tmp_path / "refused.log", timeout=60)
        still_running = running(db_url)
        assert scheduler.stop() == 0  # aborts the scheduled crawl: the waiting one goes on
        waiting.wait(timeout=120)
    refused_log = (tmp_path / "refused.log").read_text()
    assert refused.returncode != 0
    assert "another crawl is running" in refused_log
    assert still_running is not None and still_running.id == scheduled.id, "refused crawl ran"
    runs = {run.pid: run for run in crawl_runs(db_url)}
    first, second = runs[scheduled.pid], runs[waiting.pid]
    assert waiting_launched < first.finished_at <= second.started_at, "the waiting crawl overlapped"
    assert len(runs) == 2, "the refused crawl recorded a run"
    stored_articles(db_url)  # asserts one row per (language, news_id)
