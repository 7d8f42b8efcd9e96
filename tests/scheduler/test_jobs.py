"""The jobs the scheduler creates: fixed ids, one worker, coalescing, no overlap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import scheduler
from crawler.crawl_supervisor import CrawlRunner
from crawler.schedule_config import load_config


def jobs_for(argv: list[str]):
    config = load_config(scheduler.build_parser().parse_args(argv), {})
    built = scheduler.build_scheduler(config, CrawlRunner(config, "sqlite://"))
    return built, {job.id: job for job in built.get_jobs()}


def test_incremental_job_only_by_default():
    _, jobs = jobs_for([])
    assert list(jobs) == ["crawl-incremental"]
    assert jobs["crawl-incremental"].args == ("incremental",)


def test_full_job_has_its_own_fixed_id_and_mode():
    _, jobs = jobs_for(["--every", "1h", "--full-cron", "30 3 * * sun"])
    assert sorted(jobs) == ["crawl-full", "crawl-incremental"]
    assert jobs["crawl-full"].args == ("full",)


def test_missed_runs_coalesce_and_wait_up_to_a_whole_crawl():
    _, jobs = jobs_for(["--time-limit", "1h", "--grace", "30s", "--full-every", "1d"])
    for job in jobs.values():
        assert (job.coalesce, job.max_instances) == (True, 1)
        assert job.misfire_grace_time == 3600 + 30 + scheduler.MISFIRE_MARGIN_S
        assert job.executor == "default"


def test_both_jobs_share_one_worker_in_an_in_memory_store():
    from apscheduler.jobstores.memory import MemoryJobStore

    built, _ = jobs_for(["--full-every", "1d"])
    assert built._executors["default"]._pool._max_workers == 1
    assert isinstance(built._jobstores["default"], MemoryJobStore)


def test_run_now_schedules_the_first_crawl_immediately():
    before = datetime.now(UTC)
    _, jobs = jobs_for(["--every", "1h", "--run-now"])
    first = jobs["crawl-incremental"].next_run_time
    assert before <= first <= datetime.now(UTC) + timedelta(seconds=1)


def test_jitter_reaches_the_trigger():
    _, jobs = jobs_for(["--every", "1h", "--jitter", "2m"])
    assert jobs["crawl-incremental"].trigger.jitter == 120
