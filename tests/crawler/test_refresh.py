from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crawler.refresh import RefreshPolicy

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@dataclass
class Known:
    page_fetched: bool = True
    published_at: datetime | None = NOW - timedelta(days=100)
    etag: str | None = '"abc"'
    http_last_modified: str | None = "Wed, 25 Nov 2026 10:00:00 GMT"


def incremental(**kw) -> RefreshPolicy:
    return RefreshPolicy(mode="incremental", now=NOW, **kw)


def test_unknown_article_is_fetched():
    assert incremental().should_fetch(None)


def test_stub_from_a_listing_is_fetched_without_validators():
    stub = Known(page_fetched=False, etag=None, http_last_modified=None)
    assert incremental().should_fetch(stub)
    assert incremental().conditional_headers(stub) == {}


def test_old_fetched_article_is_not_due_in_an_incremental_run():
    assert not incremental().should_fetch(Known())


def test_recent_article_is_rechecked_conditionally():
    recent = Known(published_at=NOW - timedelta(days=3))
    policy = incremental(recent_days=14)
    assert policy.should_fetch(recent)
    assert policy.conditional_headers(recent) == {
        "If-None-Match": '"abc"',
        "If-Modified-Since": "Wed, 25 Nov 2026 10:00:00 GMT",
    }


def test_recent_window_is_configurable():
    known = Known(published_at=NOW - timedelta(days=20))
    assert not incremental(recent_days=14).should_fetch(known)
    assert incremental(recent_days=30).should_fetch(known)


def test_full_run_rechecks_every_article():
    assert RefreshPolicy(mode="full", now=NOW).should_fetch(Known())


def test_listing_of_stored_items_is_known_ground():
    known = {("en", "1"): Known(), ("en", "2"): Known()}
    assert incremental().is_known_ground([("en", "1"), ("en", "2")], known)


def test_listing_with_a_new_or_stub_item_is_not_known_ground():
    known = {("en", "1"): Known(), ("en", "2"): Known(page_fetched=False)}
    assert not incremental().is_known_ground([("en", "1"), ("en", "3")], known)
    assert not incremental().is_known_ground([("en", "1"), ("en", "2")], known)


def test_empty_listing_is_not_known_ground():
    assert not incremental().is_known_ground([], {})


def test_full_run_never_stops_a_listing_walk():
    known = {("en", "1"): Known()}
    assert not RefreshPolicy(mode="full", now=NOW).is_known_ground([("en", "1")], known)


def test_walk_goes_to_the_end_after_a_crawl_that_did_not_succeed():
    known = {("en", "1"): Known()}
    policy = RefreshPolicy(mode="incremental", now=NOW, stop_at_known_ground=False)
    assert not policy.is_known_ground([("en", "1")], known)
    assert not policy.should_fetch(Known()), "known old articles are still not re-fetched"
