"""The crawl lock excludes a second process, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from storage.errors import CrawlLocked
from storage.locking import crawl_lock
from tests.storage.conftest import ONLY_POSTGRES

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from storage.db import open_engine
    from storage.locking import crawl_lock
    engine = open_engine(sys.argv[1])
    with crawl_lock(engine):
        print("locked", flush=True)
        sys.stdin.readline()
    """
)

UPGRADER = textwrap.dedent(
    """
    import sys
    from storage.db import current_revision, open_engine, upgrade_schema
    engine = open_engine(sys.argv[1])
    upgrade_schema(engine)
    print(current_revision(engine), flush=True)
    """
)


def spawn(code: str, url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, url],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def holder(db):
    process = spawn(HOLDER, db.url)
    try:
        assert process.stdout.readline().strip() == "locked"
        yield process
    finally:
        process.kill()
        process.wait()


def test_second_process_is_refused_while_the_first_holds_the_lock(db, holder):
    with (
        pytest.raises(CrawlLocked, match="another crawl is running on") as raised,
        crawl_lock(db.engine),
    ):
        pass
    assert raised.value.exit_code == 2


def test_lock_is_free_once_the_holder_ends(db, holder):
    holder.stdin.write("done\n")
    holder.stdin.flush()
    holder.wait(timeout=30)
    with crawl_lock(db.engine):
        pass


def test_lock_of_a_killed_process_is_released(db, holder):
    holder.kill()
    holder.wait()
    with crawl_lock(db.engine, wait_seconds=10):
        pass


def test_waiting_gets_the_lock_when_the_holder_finishes_in_time(db, holder):
    holder.stdin.write("done\n")
    holder.stdin.flush()
    started = time.monotonic()
    with crawl_lock(db.engine, wait_seconds=20):
        assert time.monotonic() - started < 20


def test_waiting_gives_up_after_wait_seconds(db, holder):
    started = time.monotonic()
    with pytest.raises(CrawlLocked), crawl_lock(db.engine, wait_seconds=0.5):
        pass
    assert 0.4 < time.monotonic() - started < 10


def test_lock_within_one_process_is_exclusive_too(db):
    with crawl_lock(db.engine), pytest.raises(CrawlLocked), crawl_lock(db.engine):
        pass
    with crawl_lock(db.engine):
        pass


def test_lock_message_masks_the_password(db):
    with crawl_lock(db.engine), pytest.raises(CrawlLocked) as raised, crawl_lock(db.engine):
        pass
    if db.engine.url.password:
        assert db.engine.url.password not in str(raised.value)


@ONLY_POSTGRES
def test_postgres_lock_outlives_a_server_idle_session_timeout(db):
    if db.engine.dialect.server_version_info < (14,):
        pytest.skip("idle_session_timeout arrived in PostgreSQL 14")
    # The holder's sessions start with a 1 s idle timeout, as a server could set for everyone.
    url = make_url(db.url)
    options = f"{url.query['options']} -cidle_session_timeout=1000"
    process = spawn(HOLDER, url.update_query_dict({"options": options})
                    .render_as_string(hide_password=False))
    try:
        assert process.stdout.readline().strip() == "locked"
        time.sleep(3)  # the lock's connection idles three times past the timeout
        with pytest.raises(CrawlLocked), crawl_lock(db.engine):
            pass
    finally:
        process.kill()
        process.wait()


def test_two_processes_upgrading_an_empty_database_at_once(empty_db_url):
    processes = [spawn(UPGRADER, empty_db_url) for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0].strip() for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0]
    assert outputs == ["0002"] * 3
