"""save_batch: how links, articles and 304s merge into news_items, revisions and related rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage.models import ItemRevision, NewsItem, RelatedNews
from storage.runs import start_run
from storage.store import SaveCounts, content_hash, known_articles, save_batch
from tests.storage.conftest import CST, NOW, article, link, links, not_modified
from tests.storage.helpers import count, get, related_ids, revisions, save

LATER = NOW + timedelta(hours=1)


def test_links_create_stubs_that_are_not_fetched(db):
    counts = save(db, links("1", "2"))
    assert counts == SaveCounts(stubs=2)
    stub = get(db, "1")
    assert not stub.page_fetched
    assert stub.title == "Listing title"
    assert stub.summary == "A summary"
    assert stub.section == "Company News"
    assert stub.published_on == date(2025, 3, 1)
    assert stub.published_at is None and stub.body_text is None
    assert stub.first_seen_at == stub.last_seen_at == stub.updated_at == NOW


def test_first_fetch_of_a_stub_completes_it_and_counts_as_new(db):
    save(db, links("1", title="Listing title"))
    counts = save(db, article("1", title="Article title"), now=LATER)
    assert counts == SaveCounts(new=1)
    item = get(db, "1")
    assert item.page_fetched
    assert item.title == "Article title"
    assert item.summary == "A summary"  # the listing's summary stays: articles have none
    assert item.first_seen_at == NOW
    assert item.last_fetched_at == item.last_changed_at == item.updated_at == LATER
    assert item.etag == '"v1"'
    assert item.content_hash == content_hash(
        "Article title", item.published_at, "Vcare", "First paragraph.\nSecond."
    )
    assert count(db, NewsItem) == 1 and count(db, ItemRevision) == 0


def test_article_without_stub_is_new(db):
    assert save(db, article("7")) == SaveCounts(new=1)
    assert get(db, "7").images == ["https://www.vcarepharmatech.com/img/7.jpg"]


def test_published_at_is_stored_utc_and_published_on_is_the_china_date(db):
    save(db, article("1", published_at=datetime(2025, 3, 2, 7, 15, tzinfo=CST)))
    item = get(db, "1")
    assert item.published_at == datetime(2025, 3, 1, 23, 15, tzinfo=UTC)
    assert item.published_at.utcoffset() == timedelta(0)
    assert item.published_on == date(2025, 3, 2)


def test_article_date_beats_the_listing_date(db):
    save(db, links("1", published_on=date(2025, 2, 28)))
    save(db, article("1", published_at=datetime(2025, 3, 1, 9, 0, tzinfo=CST)))
    assert get(db, "1").published_on == date(2025, 3, 1)


def test_links_only_fill_gaps_and_never_replace_article_values(db):
    save(db, article("1", title="Article title"))
    save(db, links("1", title="Shortened listing title", published_on=date(2020, 1, 1)))
    item = get(db, "1")
    assert item.title == "Article title"
    assert item.published_on == date(2025, 3, 1)
    assert item.summary == "A summary"  # a gap, filled


def test_later_listing_fills_a_stub_gap_but_keeps_its_title(db):
    save(db, links("1", title="First title", summary=None))
    save(db, links("1", title="Other title", summary="Now with a summary"))
    item = get(db, "1")
    assert item.title == "First title"
    assert item.summary == "Now with a summary"


def test_a_later_parse_lacking_a_field_never_blanks_it(db):
    save(db, article("1", source="Vcare", section="Company News"))
    counts = save(db, article("1", source=None, section=None, body_html=""), now=LATER)
    item = get(db, "1")
    assert item.source == "Vcare"
    assert item.section == "Company News"
    assert item.body_html.startswith("<p>")
    assert counts == SaveCounts(unchanged=1)


@pytest.mark.parametrize(
    "poor",
    [
        article("1", title=None, body_text="A different body"),
        article("1", published_at=None, body_text="A different body"),
        article("1", title="New title", body_text=""),
    ],
    ids=["no-title", "no-date", "empty-body"],
)
def test_poor_article_overwrites_nothing_and_writes_no_revision(db, poor):
    save(db, article("1"))
    before = get(db, "1")
    counts = save(db, poor, now=LATER)
    after = get(db, "1")
    assert counts == SaveCounts(poor=1)
    for column in ("title", "published_at", "source", "body_text", "content_hash", "etag"):
        assert getattr(after, column) == getattr(before, column)
    assert after.last_changed_at == NOW and after.last_fetched_at == LATER
    assert count(db, ItemRevision) == 0


def test_poor_article_fills_gaps_of_a_stub_without_marking_it_fetched(db):
    save(db, links("1", title=None, published_on=None))
    counts = save(db, article("1", title=None, source="Vcare"), now=LATER)
    item = get(db, "1")
    assert counts == SaveCounts(poor=1)
    assert not item.page_fetched and item.content_hash is None and item.etag is None
    assert item.source == "Vcare" and item.body_text == "First paragraph.\nSecond."
    assert item.published_on == date(2025, 3, 1)


def test_changed_content_records_the_earlier_values_as_a_revision(db):
    save(db, article("1", title="Old title", body_text="Old body"))
    old_hash = get(db, "1").content_hash
    counts = save(db, article("1", title="New title", body_text="New body"), now=LATER)
    assert counts == SaveCounts(changed=1)
    item = get(db, "1")
    assert item.title == "New title" and item.body_text == "New body"
    assert item.last_changed_at == LATER and item.updated_at == LATER
    [revision] = revisions(db, "1")
    assert (revision.title, revision.body_text, revision.content_hash) == (
        "Old title",
        "Old body",
        old_hash,
    )
    assert revision.source == "Vcare"
    assert revision.recorded_at == LATER


def test_revision_keeps_the_run_that_found_the_change(db):
    save(db, article("1", body_text="Old body"))
    with db.Session() as session:
        run_id = start_run(
            session, spider="vcare_news", mode="full", start_urls=[], pid=1, hostname="h", now=NOW
        )
        session.commit()
    save(db, article("1", body_text="New body"), now=LATER, run_id=run_id)
    assert revisions(db, "1")[0].run_id == run_id


def test_changed_publication_time_alone_is_a_change(db):
    save(db, article("1", published_at=datetime(2025, 3, 1, 9, 0, tzinfo=CST)))
    counts = save(db, article("1", published_at=datetime(2025, 3, 1, 10, 0, tzinfo=CST)))
    assert counts == SaveCounts(changed=1)
    assert revisions(db, "1")[0].published_at == datetime(2025, 3, 1, 1, 0, tzinfo=UTC)


def test_same_content_refetched_updates_only_fetch_times_and_validators(db):
    save(db, article("1", etag='"v1"'))
    counts = save(
        db, article("1", etag='"v2"', last_modified="Mon, 10 Mar 2025 12:00:00 GMT"), now=LATER
    )
    item = get(db, "1")
    assert counts == SaveCounts(unchanged=1)
    assert item.etag == '"v2"' and item.http_last_modified.startswith("Mon")
    assert item.last_fetched_at == item.last_seen_at == LATER
    assert item.last_changed_at == NOW
    assert count(db, ItemRevision) == 0


def test_resaving_identical_input_writes_no_rows_and_keeps_updated_at(db):
    batch = [
        links("1", "2", "3"),
        article("1", related=[link("2"), link("3")]),
        links("2", "3", related_of="1", section=None),
    ]
    first = save(db, *batch)
    assert first == SaveCounts(new=1, stubs=2)
    before = {n: get(db, n) for n in "123"}
    again = save(db, *batch, now=LATER)
    assert again == SaveCounts(unchanged=1)
    assert (count(db, NewsItem), count(db, RelatedNews), count(db, ItemRevision)) == (3, 2, 0)
    for news_id, old in before.items():
        new = get(db, news_id)
        assert new.updated_at == old.updated_at == NOW
        assert new.last_seen_at == LATER


def test_not_modified_updates_fetch_time_only_and_counts_unchanged(db):
    save(db, article("1"))
    counts = save(db, not_modified("1", etag=None), now=LATER)
    item = get(db, "1")
    assert counts == SaveCounts(unchanged=1)
    assert item.last_fetched_at == item.last_seen_at == LATER
    assert item.updated_at == item.last_changed_at == NOW
    assert item.etag == '"v1"'


def test_not_modified_for_an_unknown_item_is_ignored(db):
    assert save(db, not_modified("404")) == SaveCounts()
    assert count(db, NewsItem) == 0


def test_batch_dedupe_merges_links_and_lets_the_article_win(db):
    counts = save(
        db,
        links("1", title="Listing title", summary=None),
        article("1", title="Article title"),
        links("1", title="Another listing", summary="Late summary"),
        not_modified("1"),
    )
    assert counts == SaveCounts(new=1)
    item = get(db, "1")
    assert item.title == "Article title"
    assert item.summary == "Late summary"
    assert count(db, NewsItem) == 1


def test_the_same_article_twice_in_a_batch_is_stored_once(db):
    counts = save(db, article("1", body_text="one"), article("1", body_text="two"))
    assert counts == SaveCounts(new=1)
    assert get(db, "1").body_text == "two"
    assert count(db, ItemRevision) == 0


def test_editions_are_separate_items(db):
    save(db, article("1", language="en"), article("1", language="zh", title="公司新闻"))
    assert get(db, "1", "zh").title == "公司新闻"
    assert get(db, "1", "en").title == "Article title"


def test_article_related_block_creates_stubs_and_ordered_rows(db):
    counts = save(db, article("1", related=[link("3"), link("2"), link("1"), link("3")]))
    assert counts == SaveCounts(new=1, stubs=2)
    assert related_ids(db, "1") == ["3", "2"]  # itself and repeats dropped, block order kept
    assert not get(db, "3").page_fetched


def test_related_links_item_before_its_article_is_kept(db):
    save(db, links("2", "3", related_of="1", section=None))
    assert related_ids(db, "1") == ["2", "3"]
    owner = get(db, "1")
    assert owner.url is None and not owner.page_fetched
    assert save(db, article("1"), now=LATER) == SaveCounts(new=1)
    assert get(db, "1").url.endswith("/en/news/1.html")
    assert related_ids(db, "1") == ["2", "3"]


def test_related_set_is_replaced_when_it_changes(db):
    save(db, article("1", related=[link("2"), link("3")]))
    save(db, links("4", "2", related_of="1", section=None), now=LATER)
    assert related_ids(db, "1") == ["4", "2"]
    assert count(db, RelatedNews) == 2


def test_reordered_related_block_is_rewritten(db):
    save(db, links("2", "3", related_of="1"))
    save(db, links("3", "2", related_of="1"))
    assert related_ids(db, "1") == ["3", "2"]


def test_empty_related_block_keeps_the_stored_one(db):
    save(db, article("1", related=[link("2")]))
    save(db, article("1", related=[]), links(related_of="1"))
    assert related_ids(db, "1") == ["2"]


def test_known_articles_reports_what_a_conditional_fetch_needs(db):
    save(db, links("2"), article("1", etag='"e"', last_modified="Mon, 10 Mar 2025 12:00:00 GMT"))
    save(db, article("9", language="zh"))
    with db.Session() as session:
        known = known_articles(session, "en")
    assert set(known) == {"1", "2"}
    assert known["1"].page_fetched and known["1"].etag == '"e"'
    assert known["1"].http_last_modified == "Mon, 10 Mar 2025 12:00:00 GMT"
    assert known["1"].published_at == datetime(2025, 3, 1, 1, 30, tzinfo=UTC)
    assert known["2"] == (False, None, None, None)


def test_save_batch_does_not_commit(db):
    with db.Session() as session:
        save_counts = save_batch(session, [article("1")], now=NOW)
        session.rollback()
    assert save_counts.new == 1
    assert count(db, NewsItem) == 0


def test_large_batch_spans_several_statements(db):
    ids = [str(i) for i in range(1, 1201)]
    assert save(db, links(*ids)).stubs == 1200
    assert save(db, *(article(i) for i in ids[:700])).new == 700
    assert count(db, NewsItem) == 1200


def test_naive_now_is_rejected_by_the_store(db):
    with pytest.raises(ValueError, match="naive"):
        save(db, links("1"), now=datetime(2025, 3, 10, 12, 0))


def test_counts_add_up():
    total = SaveCounts(new=1)
    total += SaveCounts(new=2, changed=1, unchanged=3, stubs=4, poor=5)
    assert total == SaveCounts(new=3, changed=1, unchanged=3, stubs=4, poor=5)


def test_one_batch_mixes_new_changed_unchanged_and_stub_rows(db):
    save(db, article("1", body_text="Old"), article("2"), links("3"))
    counts = save(
        db, article("1", body_text="New"), article("2"), article("3"), links("4"), now=LATER
    )
    assert counts == SaveCounts(new=1, changed=1, unchanged=1, stubs=1)
    assert [get(db, n).page_fetched for n in "1234"] == [True, True, True, False]


def test_first_fetch_with_neither_body_nor_images_is_poor_and_stays_unfetched(db):
    counts = save(db, article("1", body_text="", body_html="", images=[]))
    assert counts.poor == 1
    assert not get(db, "1").page_fetched


def test_image_only_article_is_a_real_article(db):
    counts = save(db, article("1", body_text="", body_html="<p><img></p>",
                              images=["https://en.vcarepharmatech.com/uploads/a.jpg"]))
    assert counts.new == 1
    assert get(db, "1").page_fetched
