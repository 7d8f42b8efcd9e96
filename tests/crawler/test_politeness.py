from datetime import UTC, datetime

from crawler.politeness import retry_after_seconds


def test_retry_after_in_seconds():
    assert retry_after_seconds(b"3") == 3.0


def test_retry_after_as_http_date():
    now = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Thu, 26 Nov 2026 10:00:30 GMT", now=now) == 30.0


def test_retry_after_in_the_past_means_no_wait():
    now = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Thu, 26 Nov 2026 09:00:00 GMT", now=now) == 0.0


def test_missing_or_garbled_retry_after_is_none():
    assert retry_after_seconds(None) is None
    assert retry_after_seconds(b"soon") is None
