"""Malformed command lines: one clear error line, exit code 2, never a traceback.

``tests/integration/test_crawl_errors.py`` covers bad start URL schemes, a bad mode and
unusable database URLs; these are the cases it does not.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from crawler.runner import crawl_environment
from tests.conftest import REPO_ROOT

SCRAPY = [sys.executable, "-m", "scrapy"]
VCARE_NEWS = [sys.executable, "-m", "crawler.cli"]

CRAWL_CASES = [
    (["crawl"], "expected exactly one spider name"),
    (["crawl", "vcare_news", "other"], "expected exactly one spider name"),
    (["crawl", "no_such_spider"], "unknown spider 'no_such_spider'"),
    (["crawl", "vcare_news", "-a", "mod=full"], "unknown spider argument 'mod'"),
    (["crawl", "vcare_news", "-a", "start_urls=http://"], "invalid start URL"),
    (["crawl", "vcare_news", "-a", "start_urls=http://exa mple.com/"], "invalid start URL"),
    (["crawl", "vcare_news", "-a", "start_urls=http://host:port/"], "bad port"),
    (["crawl", "vcare_news", "-a", "start_urls=http://ok.example/,mailto:x@y"],
     "invalid start URL 'mailto:x@y'"),
    (["crawl", "vcare_news", "-s", "VCARE_DB_URL=not a url"], "invalid database URL"),
    (["crawl", "vcare_news", "-s", "VCARE_BATCH_SIZE=abc"], "VCARE_BATCH_SIZE"),
    (["crawl", "vcare_news", "-s", "VCARE_BATCH_SIZE=0"], "VCARE_BATCH_SIZE"),
    (["crawl", "vcare_news", "-s", "VCARE_FLUSH_SECONDS=soon"], "VCARE_FLUSH_SECONDS"),
    (["crawl", "vcare_news", "-s", "VCARE_LOCK_WAIT=forever"], "VCARE_LOCK_WAIT"),
    (["crawl", "vcare_news", "-s", "VCARE_RECENT_DAYS=x"], "VCARE_RECENT_DAYS"),
    (["crawl", "vcare_news", "-s", "DOWNLOAD_TIMEOUT=-1"], "DOWNLOAD_TIMEOUT"),
    (["crawl", "vcare_news", "-s", "VCARE_COVERAGE_THRESHOLDS=garbage"],
     "VCARE_COVERAGE_THRESHOLDS"),
]

CLI_CASES = [
    (["no-such-command"], "invalid choice"),
    (["parse", "/nonexistent/page.html"], "cannot read"),
    (["sample-site", "serve", "--fault-rate", "2"], "--fault-rate"),
    (["sample-site", "serve", "--fault-rate", "abc"], "--fault-rate"),
    (["sample-site", "serve", "--layout", "nosuch"], "--layout"),
    (["sample-site", "serve", "--port", "70000"], "--port"),
    (["sample-site", "serve", "--articles", "-5"], "--articles"),
    (["sample-site", "manifest", "--articles", "0"], "--articles"),
    (["db", "upgrade", "--db-url", "nosuchdb://x"], "unsupported database URL"),
    (["db", "no-such"], "invalid choice"),
    (["demo", "--no-such-option"], "unrecognized arguments"),
    (["schedule", "--every", "banana"], "invalid duration"),
]


def run(command: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=REPO_ROOT, env=crawl_environment(), capture_output=True, text=True,
        timeout=timeout, check=False, stdin=subprocess.DEVNULL,
    )


def assert_one_line_exit_2(result: subprocess.CompletedProcess, message: str) -> None:
    output = result.stderr + result.stdout
    assert result.returncode == 2, output[-2000:]
    error_lines = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    assert len(error_lines) == 1 and message in error_lines[0], output[-2000:]
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("args", "message"), CRAWL_CASES, ids=[" ".join(a) for a, _ in CRAWL_CASES]
)
def test_bad_crawl_command_line(args, message):
    assert_one_line_exit_2(run([*SCRAPY, *args]), message)


@pytest.mark.parametrize(("args", "message"), CLI_CASES, ids=[" ".join(a) for a, _ in CLI_CASES])
def test_bad_vcare_news_command_line(args, message):
    assert_one_line_exit_2(run([*VCARE_NEWS, *args]), message)


def test_negative_fault_delay_is_refused():
    try:
        result = run([*VCARE_NEWS, "sample-site", "serve", "--fault-delay", "-1"], timeout=5)
    except subprocess.TimeoutExpired:  # it started serving
        pytest.fail("serve accepted --fault-delay -1")
    assert_one_line_exit_2(result, "--fault-delay")


def test_parse_with_a_url_that_is_not_one_is_refused():
    page = REPO_ROOT / "tests" / "fixtures" / "pages" / "cms_article_en.html"
    assert_one_line_exit_2(run([*VCARE_NEWS, "parse", str(page), "--url", "not a url"]), "--url")
