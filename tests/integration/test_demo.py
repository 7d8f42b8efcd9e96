"""``vcare-news demo``: the offline main job, end to end."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.integration


def vcare_news() -> str:
    path = shutil.which("vcare-news", path=str(Path(REPO_ROOT, ".venv", "bin")))
    return path or "vcare-news"


def test_demo_crawls_the_replica_and_reports_what_it_stored(tmp_path):
    db = tmp_path / "demo.sqlite3"
    result = subprocess.run(
        [vcare_news(), "demo", "--articles", "15", "--db", str(db)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    assert "articles per edition and section:" in out
    assert f"database: {db}" in out
    per_section = [int(n) for n in re.findall(r"^\s+(?:en|zh)\s+.+?\s+(\d+)$", out, re.M)]
    assert sum(per_section) == 30
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        fetched = connection.execute(
            sa.text("SELECT count(*) FROM news_items WHERE page_fetched")
        ).scalar()
        related = connection.execute(sa.text("SELECT count(*) FROM related_news")).scalar()
    engine.dispose()
    assert fetched == 30
    assert f"related-news links stored: {related}" in out and related > 0
