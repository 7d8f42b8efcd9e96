"""The ``vcare-news`` entry point: every sub-command is reachable, errors are one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT
from tests.pages.fixture_pages import PAGES

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "pages"


def vcare_news(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        input=stdin, capture_output=True, timeout=120, check=False, cwd=REPO_ROOT,
    )


def test_help_lists_every_sub_command():
    out = vcare_news("--help").stdout.decode()
    for command in ("parse", "sample-site", "demo", "db", "schedule"):
        assert command in out


def test_parse_reads_a_saved_page_from_stdin():
    stem = "cms_article_en"
    expected = json.loads((FIXTURES / f"{stem}.json").read_text(encoding="utf-8"))
    result = vcare_news(
        "parse", "-", "--url", PAGES[stem], stdin=(FIXTURES / f"{stem}.html").read_bytes()
    )
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert parsed["kind"] == "article"
    assert parsed["article"]["title"] == expected["article"]["title"]
    assert parsed["article"]["published_at"] == expected["article"]["published_at"]


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "/nonexistent/page.html"],
        ["no-such-command"],
        ["demo", "--articles", "0"],
        ["schedule", "--cron", "61 * * * *"],
        ["db", "upgrade", "--db-url", "nosuchdb://x"],
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(args):
    result = vcare_news(*args)
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if b"error" in line]) == 1
