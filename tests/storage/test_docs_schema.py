"""Every SQL block of docs/schema.md runs as written, on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.runs import finish_run, start_run
from tests.storage.conftest import CST, article, link, links
from tests.storage.helpers import save

SCHEMA_MD = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
BLOCK = re.compile(r"^```sql(?: (?P<dialect>\w+))?\n(?P<sql>.*?)^```", re.M | re.S)


def sql_blocks() -> list[tuple[str | None, str]]:
    blocks = [(m["dialect"], m["sql"]) for m in BLOCK.finditer(SCHEMA_MD.read_text())]
    assert len(blocks) >= 8, "docs/schema.md lost its example queries"
    return blocks


@pytest.fixture
def seeded(db):
    now = datetime.now(UTC).replace(microsecond=0)
    march = datetime(2025, 3, 5, 10, 0, tzinfo=CST)
    save(db, links("1001", "1002", "1003"), now=now - timedelta(days=2))
    save(
        db,
        article("1001", published_at=march, related=[link("1002"), link("1003")]),
        article("1002", published_at=march + timedelta(days=1), related=[link("1003")]),
        article("1001", language="zh", title="公司新闻", published_at=march),
        now=now - timedelta(days=1),
    )
    with db.Session() as session:
        run_id = start_run(
            session,
            spider="vcare_news",
            mode="incremental",
            start_urls=[],
            pid=1,
            hostname="h",
            now=now,
        )
        finish_run(session, run_id, status="succeeded", now=now, items_changed=1)
        session.commit()
    save(db, article("1001", published_at=march, body_text="Edited."), now=now, run_id=run_id)
    return db


def test_documented_queries_run_as_written(seeded):
    """Every SQL block of docs/schema.md meant for this database (untagged or tagged with its
    dialect) runs as written and finds something in the seeded database."""
    blocks = [sql for dialect, sql in sql_blocks() if dialect in (None, seeded.dialect)]
    assert len(blocks) >= 5
    with seeded.engine.connect() as conn:
        for sql in blocks:
            assert conn.execute(text(sql)).all(), f"no rows from:\n{sql}"


def test_latest_news_view_counts_related_items(seeded):
    with seeded.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT news_id, related_count FROM latest_news WHERE language = 'en'"
                " ORDER BY news_id"
            )
        ).all()
    assert [tuple(r) for r in rows] == [("1001", 2), ("1002", 1), ("1003", 0)]
