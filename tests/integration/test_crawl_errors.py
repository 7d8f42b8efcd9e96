"""``scrapy crawl vcare_news`` on bad input and unreachable hosts: one clear line, non-zero exit."""

from __future__ import annotations

import subprocess

import pytest
import sqlalchemy as sa

from crawler.runner import crawl_command, crawl_environment
from tests.conftest import REPO_ROOT, run_crawl

pytestmark = pytest.mark.integration


def crawl(*args: str, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [*crawl_command(), *args]
    return subprocess.run(
        command, cwd=REPO_ROOT, env=crawl_environment(env), capture_output=True, text=True,
        timeout=timeout, check=False,
    )


def test_unresolvable_host_fails_naming_the_host_without_traceback(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    log = tmp_path / "crawl.log"
    result = run_crawl("http://vcare-news-test.invalid/", db_url, log_path=log, timeout=120)
    text = log.read_text()
    assert result.returncode == 1
    assert "vcare-news-test.invalid" in text
    assert "Traceback" not in text
    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        status = connection.execute(sa.text("SELECT status FROM crawl_runs")).scalar_one()
    engine.dispose()
    assert status == "failed"


def test_refused_connection_is_a_failed_run(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    log = tmp_path / "crawl.log"
    result = run_crawl("http://127.0.0.1:9/", db_url, log_path=log, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in log.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-a", "start_urls=ftp://example.org/"], "invalid start URL"),
        (["-a", "start_urls=not a url"], "invalid start URL"),
        (["-a", "mode=sometimes"], "invalid mode"),
        (["-s", "VCARE_DB_URL=nosuchdb://x/y"], "nosuchdb"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_code_2(args, message):
    result = crawl(*args)
    assert result.returncode == 2, result.stderr[-2000:]
    error_lines = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(error_lines) == 1 and message in error_lines[0], result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_unreachable_database_fails_in_one_line_with_the_password_masked():
    result = crawl("-s", "VCARE_DB_URL=postgresql://bob:s3cret@127.0.0.1:1/nodb", timeout=60)
    assert result.returncode != 0
    error_lines = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(error_lines) == 1 and "127.0.0.1" in error_lines[0], result.stderr
    assert "bob:***@" in error_lines[0]
    assert "s3cret" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "args", "message"),
    [
        ({"VCARE_CONCURRENCY": "two"}, [], "CONCURRENT_REQUESTS_PER_DOMAIN"),
        ({"VCARE_CONCURRENCY": "0"}, [], "CONCURRENT_REQUESTS_PER_DOMAIN"),
        ({"VCARE_LOCK_WAIT": "soon"}, [], "VCARE_LOCK_WAIT"),
        ({"VCARE_DOWNLOAD_TIMEOUT": "0"}, [], "DOWNLOAD_TIMEOUT"),
        ({"VCARE_CRAWL_TIME_LIMIT": "soon"}, [], "CLOSESPIDER_TIMEOUT"),
        ({}, ["-s", 'VCARE_COVERAGE_THRESHOLDS={"title": "high"}'], "VCARE_COVERAGE_THRESHOLDS"),
        ({}, ["-s", 'VCARE_COVERAGE_THRESHOLDS={"title": 1.5}'], "VCARE_COVERAGE_THRESHOLDS"),
    ],
)
def test_bad_settings_from_the_environment_or_s_give_one_line_and_exit_code_2(env, args, message):
    result = crawl(*args, env=env, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    error_lines = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(error_lines) == 1 and message in error_lines[0], result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_an_edition_whose_host_gives_nothing_makes_the_run_degraded(tmp_path):
    from crawler.sample_site import running_replica

    db_url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    log = tmp_path / "crawl.log"
    with running_replica(articles=5, seed=3) as site:
        result = run_crawl(
            f"{site.base_url},http://vcare-news-test.invalid/", db_url, log_path=log, timeout=120
        )
    text = log.read_text()
    assert result.returncode == 1
    assert "edition:vcare-news-test.invalid" in text
    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        status, fetched = connection.execute(sa.text(
            "SELECT status, (SELECT count(*) FROM news_items WHERE page_fetched) FROM crawl_runs"
        )).one()
    engine.dispose()
    assert (status, fetched) == ("degraded", 10)
