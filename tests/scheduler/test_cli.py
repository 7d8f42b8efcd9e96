"""``python scheduler.py`` and ``vcare-news schedule``: bad input is one line and exit 2."""

from __future__ import annotations

import argparse
import subprocess

import pytest

import scheduler
from crawler.schedule_config import load_config
from tests.conftest import REPO_ROOT
from tests.scheduler.helpers import clean_environment, scheduler_command


def run_scheduler(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        scheduler_command("--db-url", f"sqlite:///{tmp_path / 'news.sqlite3'}", *args),
        cwd=REPO_ROOT,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--cron", "0 25 * * *"], {}, "--cron: invalid cron expression '0 25 * * *'"),
        (["--cron", "every day"], {}, "--cron: invalid cron expression 'every day'"),
        (["--every", "6 hours"], {}, "--every: invalid duration '6 hours'"),
        (["--time-limit", "later"], {}, "--time-limit: invalid duration 'later'"),
        (["--timezone", "Asia/Nowhere"], {}, "--timezone: unknown time zone 'Asia/Nowhere'"),
        ([], {"VCARE_SCHEDULE_CRON": "* *"}, "$VCARE_SCHEDULE_CRON: invalid cron expression"),
        (["--config", "/nonexistent/schedule.toml"], {}, "cannot read config file"),
    ],
)
def test_invalid_input_is_one_line_and_exit_2(tmp_path, args, env, message):
    result = run_scheduler(tmp_path, *args, **env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("scheduler.py: error: ")
    assert message in result.stderr


def test_unusable_database_url_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run(
        scheduler_command("--db-url", "mysql://nobody@nowhere/db"),
        cwd=REPO_ROOT,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "unsupported database URL" in result.stderr


def test_schedule_subcommand_runs_the_same_scheduler():
    parser = argparse.ArgumentParser(prog="vcare-news")
    scheduler.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["schedule", "--every", "15m", "--run-now"])
    assert args.func is scheduler.run
    config = load_config(args, {})
    assert (config.every, config.run_now) == (900, True)


def test_vcare_news_schedule_reports_bad_input_as_one_line(tmp_path, capsys):
    from crawler import cli

    code = cli.main(["schedule", "--every", "soon", "--db-url", f"sqlite:///{tmp_path}/n.db"])
    assert code == 2
    err = capsys.readouterr().err
    assert (
        err == "vcare-news schedule: error: --every: invalid duration 'soon': "
        "expected e.g. 30s, 15m, 6h, 1d\n"
    )


def test_sigint_while_idle_exits_0_at_once(tmp_path):
    import signal
    import time

    from tests.scheduler.helpers import running_scheduler, wait_for

    db_url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    with running_scheduler(tmp_path, "--every", "1h", "--db-url", db_url) as scheduler:
        wait_for(lambda: "scheduler started" in scheduler.log(), 30, "the scheduler to start")
        started = time.monotonic()
        scheduler.process.send_signal(signal.SIGINT)
        assert scheduler.process.wait(timeout=10) == 0
        assert time.monotonic() - started < 5
    assert "received SIGINT" in scheduler.log()
    assert "scheduler stopped" in scheduler.log()
