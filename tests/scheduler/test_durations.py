"""Durations and crontab expressions as the scheduler reads them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler import schedule_config


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30),
        ("15m", 900),
        ("6h", 21600),
        ("1d", 86400),
        ("2w", 1209600),
        ("1h30m", 5400),
        ("1.5h", 5400),
        ("45", 45),
        (" 10S ", 10),
        (90, 90),
        (0.5, 0.5),
        ("0s", 0),
    ],
)
def test_duration_is_read_in_seconds(text, seconds):
    assert schedule_config.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "6x", "h", "-5m", "5m-", "1h 2", "six hours", "1e3", True])
def test_malformed_duration_is_rejected(text):
    with pytest.raises(ValueError, match="duration"):
        schedule_config.parse_duration(text)


@pytest.mark.parametrize(
    ("expr", "translated"),
    [
        ("0 3 * * 0", "0 3 * * sun"),
        ("0 3 * * 7", "0 3 * * sun"),
        ("0 3 * * 1-5", "0 3 * * mon,tue,wed,thu,fri"),
        ("0 3 * * 5-7", "0 3 * * sun,fri,sat"),
        ("0 3 * * */2", "0 3 * * sun,tue,thu,sat"),
        ("0 3 * * MON,wed", "0 3 * * mon,wed"),
        ("*/15 * * * *", "*/15 * * * *"),
    ],
)
def test_crontab_weekdays_follow_crontab_numbering(expr, translated):
    assert schedule_config.standard_crontab(expr) == translated


def test_sunday_crontab_fires_on_sunday():
    trigger = schedule_config.cron_trigger("0 3 * * 0", UTC, 0)
    thursday = datetime(2024, 6, 6, 12, tzinfo=UTC)
    assert trigger.get_next_fire_time(None, thursday) == datetime(2024, 6, 9, 3, tzinfo=UTC)


@pytest.mark.parametrize("expr", ["* * * *", "0 3 * * 8", "0 3 * * 5-1", "0 3 * * funday"])
def test_malformed_crontab_is_rejected(expr):
    with pytest.raises(ValueError):
        schedule_config.standard_crontab(expr)


def test_unknown_time_zone_is_rejected():
    with pytest.raises(ValueError, match="unknown time zone"):
        schedule_config.parse_timezone("Mars/Olympus")


def test_named_time_zone_is_accepted():
    assert str(schedule_config.parse_timezone("Asia/Shanghai")) == "Asia/Shanghai"
