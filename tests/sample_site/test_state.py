"""Adds and edits kept in a state directory, and the running server picking them up."""

from __future__ import annotations

import pytest

from crawler.errors import UserError
from crawler.sample_site import build_site, running_replica
from crawler.sample_site.state import read_state

from .conftest import Fetcher


def test_state_dir_remembers_articles_and_seed(tmp_path):
    build_site(12, 5, tmp_path)
    assert read_state(tmp_path).articles == 12
    assert build_site(state_dir=tmp_path).manifest() == build_site(12, 5).manifest()


def test_contradicting_an_existing_state_is_an_error(tmp_path):
    build_site(12, 5, tmp_path)
    with pytest.raises(UserError, match="contradicts"):
        build_site(13, None, tmp_path)


def test_add_publishes_in_company_news_of_each_edition(tmp_path):
    site = build_site(12, 5, tmp_path)
    added = site.add(2)
    assert sorted(a.language for a in added) == ["en", "en", "zh", "zh"]
    manifest = build_site(state_dir=tmp_path).manifest()
    for lang in ("en", "zh"):
        section = next(s for s in manifest["sections"]
                       if s["language"] == lang and s["key"] == "company")
        new = [a.news_id for a in added if a.language == lang]
        assert section["news_ids"][:2] == sorted(new, reverse=True)


def test_add_to_one_edition_only(tmp_path):
    added = build_site(12, 5, tmp_path).add(3, "zh")
    assert {a.language for a in added} == {"zh"}
    counts = {lang: sum(a["language"] == lang for a in build_site(state_dir=tmp_path)
                        .manifest()["articles"]) for lang in ("en", "zh")}
    assert counts == {"en": 12, "zh": 15}


def test_added_articles_are_newer_than_everything_in_their_edition(tmp_path):
    site = build_site(12, 5, tmp_path)
    before = {lang: e.articles[0].published_at for lang, e in site.editions.items()}
    assert all(a.published_at > before[a.language] for a in site.add(2))


def test_changes_replay_identically(tmp_path):
    site = build_site(12, 5, tmp_path)
    site.add(2)
    site.edit(site.editions["en"].articles[5].news_id)
    assert build_site(state_dir=tmp_path).manifest() == site.manifest()


def test_edit_changes_title_a_paragraph_and_the_etag(tmp_path):
    site = build_site(12, 5, tmp_path)
    target = site.editions["zh"].articles[3]
    old = dict(title=target.title, body=target.body_text, etag=target.record_etag("standard"))
    site.edit(target.news_id)
    after = build_site(state_dir=tmp_path).article(target.news_id)
    assert after.title != old["title"]
    assert after.body_text != old["body"]
    assert after.record_etag("standard") != old["etag"]
    assert after.last_modified > target.published_at


def test_edit_of_unknown_article_is_an_error(tmp_path):
    with pytest.raises(UserError, match="no article"):
        build_site(12, 5, tmp_path).edit("123")


def test_running_server_serves_edits_and_adds(tmp_path):
    build_site(25, 3, tmp_path)
    with running_replica(state_dir=tmp_path) as replica:
        fetch = Fetcher(replica.base_url)
        manifest = replica.site.manifest()
        target, other = manifest["articles"][4], manifest["articles"][6]
        etags = {a["url"]: fetch(a["url"])[1]["etag"] for a in (target, other)}
        page1 = manifest["sections"][0]["listing_url"]

        build_site(state_dir=tmp_path).edit(target["news_id"])
        status, headers, _ = fetch(target["url"], headers={"If-None-Match": etags[target["url"]]})
        assert status == 200 and headers["etag"] != etags[target["url"]]
        assert fetch(other["url"], headers={"If-None-Match": etags[other["url"]]})[0] == 304

        added = build_site(state_dir=tmp_path).add(1, "en")[0]
        assert f'href="{added.path}"'.encode() in fetch(page1)[2]
        assert fetch(added.path)[0] == 200
        fetch.close()
