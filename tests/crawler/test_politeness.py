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


class Slot:
    def __init__(self, delay: float, jitter: float):
        self.delay, self.jitter = delay, jitter


def test_a_crawl_delay_holds_even_for_the_shortest_jittered_gap():
    from crawler.politeness import keep_gaps_of_at_least

    slot = Slot(delay=1.0, jitter=0.5)
    assert keep_gaps_of_at_least(slot, 10.0)
    assert slot.delay * (1 - slot.jitter) >= 10.0


def test_a_slot_already_slow_enough_is_left_alone():
    from crawler.politeness import keep_gaps_of_at_least

    slot = Slot(delay=30.0, jitter=0.0)
    assert not keep_gaps_of_at_least(slot, 10.0)
    assert slot.delay == 30.0
