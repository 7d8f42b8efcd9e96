"""``vcare-news db upgrade|check|stats`` through the storage CLI module."""

from __future__ import annotations

import argparse

import pytest

from storage import cli
from storage.errors import StorageError
from tests.storage.conftest import article
from tests.storage.helpers import save


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="vcare-news")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["db", *argv])
    return args.func(args)


def test_upgrade_then_check_and_stats(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'news.sqlite3'}"
    assert run("check", "--db-url", url) == 1
    assert run("upgrade", "--db-url", url) == 0
    assert "upgraded from empty to revision 0002" in capsys.readouterr().out
    assert run("upgrade", "--db-url", url) == 0
    assert "already at revision 0002" in capsys.readouterr().out
    assert run("check", "--db-url", url) == 0
    assert run("stats", "--db-url", url) == 0
    assert "items: 0 (0 fetched)" in capsys.readouterr().out


def test_stats_counts_items(db, capsys):
    save(db, article("1"))
    assert run("stats", "--db-url", db.url) == 0
    out = capsys.readouterr().out
    assert "items: 1 (1 fetched)" in out and "Company News" in out


def test_db_url_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VCARE_DB_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert run("upgrade") == 0
    assert (tmp_path / "env.sqlite3").exists()


def test_bad_url_is_a_user_error():
    with pytest.raises(StorageError, match="unsupported database URL 'mysql://u:\\*\\*\\*@h/d'"):
        run("upgrade", "--db-url", "mysql://u:pw@h/d")
