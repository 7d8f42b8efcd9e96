from crawler.monitoring import coverage_from_stats, fields_below_threshold, run_status


def stats(articles=10, title=10, published_at=10, body=10, related=10, listings=4, with_items=4):
    return {
        "vcare/article_pages": articles,
        "vcare/article_fields/title": title,
        "vcare/article_fields/published_at": published_at,
        "vcare/article_fields/body": body,
        "vcare/article_fields/related": related,
        "vcare/listing_pages": listings,
        "vcare/listing_pages_with_items": with_items,
    }


def test_full_coverage_has_no_low_fields():
    coverage = coverage_from_stats(stats())
    assert coverage["title"] == 1.0 and coverage["listing_items"] == 1.0
    assert fields_below_threshold(coverage) == []


def test_missing_dates_are_reported_by_name():
    coverage = coverage_from_stats(stats(published_at=2))
    assert coverage["published_at"] == 0.2
    assert fields_below_threshold(coverage) == ["published_at"]


def test_listings_without_items_are_reported():
    coverage = coverage_from_stats(stats(with_items=0))
    assert fields_below_threshold(coverage) == ["listing_items"]


def test_too_few_pages_are_not_judged():
    coverage = coverage_from_stats(stats(articles=2, title=0, listings=1, with_items=0))
    assert fields_below_threshold(coverage) == []


def test_no_pages_at_all_gives_zero_shares_without_dividing_by_zero():
    coverage = coverage_from_stats({})
    assert coverage["title"] == 0.0 and coverage["article_pages"] == 0


def test_verdicts():
    ok = {"finish_reason": "finished", "readable_pages": 5, "store_errors": 0, "low_fields": []}
    assert run_status(**ok) == "succeeded"
    assert run_status(**{**ok, "low_fields": ["title"]}) == "degraded"
    assert run_status(**{**ok, "readable_pages": 0}) == "failed"
    assert run_status(**{**ok, "store_errors": 1}) == "failed"
    assert run_status(**{**ok, "finish_reason": "shutdown"}) == "aborted"
    assert run_status(**{**ok, "finish_reason": "closespider_timeout"}) == "failed"


def nothing_recognized(pages_seen=6, known=100):
    return {"vcare/pages/other": pages_seen, "vcare/known_articles": known}


def test_pages_seen_counts_every_parsed_page_kind():
    coverage = coverage_from_stats({**stats(), "vcare/pages/article": 10, "vcare/pages/other": 3})
    assert coverage["pages_seen"] == 13


def test_redesign_that_hides_every_article_and_listing_is_degraded():
    coverage = coverage_from_stats(nothing_recognized())
    low = fields_below_threshold(coverage)
    assert low == ["article_pages", "listing_pages"]
    verdict = run_status(finish_reason="finished", readable_pages=0, store_errors=0, low_fields=low)
    assert verdict == "degraded"


def test_nothing_recognized_on_an_empty_database_is_not_judged_a_layout_break():
    coverage = coverage_from_stats(nothing_recognized(known=0))
    assert fields_below_threshold(coverage) == []


def test_no_page_arriving_is_not_judged_a_layout_break():
    coverage = coverage_from_stats(nothing_recognized(pages_seen=0))
    assert fields_below_threshold(coverage) == []
