"""The generated site: deterministic, well-formed ground truth."""

from __future__ import annotations

import re
from collections import Counter

from crawler.sample_site import build_site


def test_same_seed_gives_the_same_site():
    assert build_site(40, 7).manifest() == build_site(40, 7).manifest()


def test_another_seed_gives_another_site():
    first = build_site(40, 7).manifest()["articles"]
    other = build_site(40, 8).manifest()["articles"]
    assert {a["news_id"] for a in first}.isdisjoint(a["news_id"] for a in other)


def test_each_edition_has_the_requested_number_of_articles(manifest):
    counts = Counter(a["language"] for a in manifest["articles"])
    assert counts == {"en": 60, "zh": 60}


def test_article_urls_follow_the_news_detail_scheme(manifest):
    for a in manifest["articles"]:
        prefix = "/zh" if a["language"] == "zh" else ""
        assert re.fullmatch(prefix + r"/news_detail/\d{19}-\d+-\d+\.html", a["url"]), a["url"]
        assert a["news_id"] in a["url"]
    assert len({a["news_id"] for a in manifest["articles"]}) == 120


def test_each_edition_has_at_least_two_sections_with_articles(manifest):
    for lang in ("en", "zh"):
        sections = [s for s in manifest["sections"] if s["language"] == lang]
        assert len(sections) >= 2
        assert all(s["article_count"] > 0 for s in sections)


def test_published_at_is_china_standard_time(manifest):
    for a in manifest["articles"]:
        assert a["published_at"].endswith("+08:00")
        assert a["published_at"][:16].replace("T", " ") == a["published_text"][:16]


def test_some_pages_show_seconds_and_most_do_not(manifest):
    lengths = Counter(len(a["published_text"]) for a in manifest["articles"])
    assert lengths[16] > lengths[19] > 0


def test_related_items_are_other_articles_of_the_same_edition(manifest):
    by_id = {a["news_id"]: a for a in manifest["articles"]}
    for a in manifest["articles"]:
        assert 2 <= len(a["related"]) <= 6
        assert a["news_id"] not in a["related"]
        assert all(by_id[r]["language"] == a["language"] for r in a["related"])
        assert set(a["related_untitled"]) <= set(a["related"])
    assert any(a["related_untitled"] for a in manifest["articles"])


def test_both_templates_are_used_in_both_editions(manifest):
    for lang in ("en", "zh"):
        used = {a["template"] for a in manifest["articles"] if a["language"] == lang}
        assert used == {"cms", "html5"}


def test_source_is_usually_empty_and_sometimes_named(manifest):
    sources = [a["source"] for a in manifest["articles"]]
    assert sources.count(None) > len(sources) / 2
    assert any(sources)


def test_neighbours_link_within_the_section(manifest):
    by_id = {a["news_id"]: a for a in manifest["articles"]}
    for a in manifest["articles"]:
        for key in ("previous", "next"):
            if a[key]:
                assert by_id[a[key]]["section"] == a["section"]
        if a["previous"]:
            assert by_id[a["previous"]]["published_at"] <= a["published_at"]


def test_every_article_has_a_summary_body_and_image(manifest):
    for a in manifest["articles"]:
        assert a["summary"] and a["body_text"].startswith(a["summary"])
        assert a["images"] and all(p.startswith("/uploads/") for p in a["images"])


def test_chinese_articles_are_written_in_chinese(manifest):
    zh = [a for a in manifest["articles"] if a["language"] == "zh"]
    assert all(re.search(r"[\u4e00-\u9fff]", a["title"]) for a in zh)
