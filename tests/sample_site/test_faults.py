"""``--fault-rate``: every fault kind is produced, deterministically, and transient ones heal."""

from __future__ import annotations

import http.client
import socket

import pytest

from crawler.sample_site import build_site, running_replica
from crawler.sample_site.faults import PERMANENT, TRANSIENT, FaultPlan

from .conftest import Fetcher

ARTICLES, SEED, FAULT_SEED = 40, 3, 11


@pytest.fixture(scope="module")
def fault_manifest():
    return build_site(ARTICLES, SEED).manifest(fault_rate=1.0, fault_seed=FAULT_SEED)


@pytest.fixture(scope="module")
def faulty():
    with running_replica(ARTICLES, SEED, fault_rate=1.0, fault_seed=FAULT_SEED,
                         fault_delay=1.5) as handle:
        yield handle


def first_path(manifest, kind):
    return next(p for p, k in sorted(manifest["faults"].items()) if k == kind)


def test_every_kind_is_planned_at_full_rate(fault_manifest):
    assert set(fault_manifest["faults"].values()) == set(TRANSIENT + PERMANENT)
    assert "/robots.txt" not in fault_manifest["faults"]


def test_plan_is_a_function_of_seed_and_path(fault_manifest):
    again = build_site(ARTICLES, SEED).manifest(fault_rate=1.0, fault_seed=FAULT_SEED)
    other = build_site(ARTICLES, SEED).manifest(fault_rate=1.0, fault_seed=FAULT_SEED + 1)
    assert again["faults"] == fault_manifest["faults"]
    assert other["faults"] != fault_manifest["faults"]


def test_rate_sets_the_share_of_faulty_paths():
    site = build_site(200, 1)
    faults = site.manifest(fault_rate=0.1, fault_seed=4)["faults"]
    articles = [a["url"] for a in site.manifest()["articles"]]
    share = sum(url in faults for url in articles) / len(articles)
    assert 0.05 < share < 0.15


def test_permanent_faults_hit_only_articles(fault_manifest):
    urls = {a["url"] for a in fault_manifest["articles"]}
    assert set(fault_manifest["permanent_faults"]) <= urls


def test_gbk_is_planned_only_for_chinese_pages(fault_manifest):
    gbk = [p for p, k in fault_manifest["faults"].items() if k == "gbk_no_charset"]
    assert gbk and all(p.startswith("/zh/") for p in gbk)


@pytest.mark.parametrize("kind,status", [("http_500", 500), ("http_503", 503), ("http_429", 429)])
def test_error_statuses_fail_then_succeed(faulty, fault_manifest, kind, status):
    path = first_path(fault_manifest, kind)
    failures = fault_manifest["transient_failures"][path]
    fetch = Fetcher(faulty.base_url)
    for _ in range(failures):
        got, headers, _ = fetch(path)
        assert got == status
        if kind == "http_429":
            assert headers["retry-after"] == "1"
    assert fetch(path)[0] == 200


def test_reset_closes_the_connection_without_a_response(faulty, fault_manifest):
    path = first_path(fault_manifest, "reset")
    fetch = Fetcher(faulty.base_url)
    for _ in range(fault_manifest["transient_failures"][path]):
        with pytest.raises((ConnectionError, http.client.HTTPException, socket.error)):
            fetch(path)
    assert fetch(path)[0] == 200


def test_slow_answers_after_the_delay(faulty, fault_manifest):
    path = first_path(fault_manifest, "slow")
    conn = http.client.HTTPConnection(faulty.base_url.split("//")[1].strip("/"), timeout=0.5)
    with pytest.raises(TimeoutError):
        conn.request("GET", path)
        conn.getresponse()
    conn.close()


def test_truncated_body_is_cut_with_a_matching_length(faulty, fault_manifest):
    path = first_path(fault_manifest, "truncated")
    status, headers, body = Fetcher(faulty.base_url)(path)
    assert status == 200 and int(headers["content-length"]) == len(body)
    assert b"</html>" not in body


def test_gbk_page_has_no_charset_and_decodes_as_gbk(faulty, fault_manifest):
    path = first_path(fault_manifest, "gbk_no_charset")
    article = next(a for a in fault_manifest["articles"] if a["url"] == path)
    for _ in range(2):
        status, headers, body = Fetcher(faulty.base_url)(path)
        assert status == 200 and headers["content-type"] == "text/html"
        assert b"charset" not in body
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert article["title"] in body.decode("gbk")


def test_redirect_chain_takes_two_hops_to_the_page(faulty, fault_manifest):
    path = first_path(fault_manifest, "redirect_chain")
    fetch = Fetcher(faulty.base_url)
    status, headers, _ = fetch(path)
    assert status == 301
    status, headers, _ = fetch(headers["location"])
    assert status == 302
    status, _, body = fetch(headers["location"])
    assert status == 200 and f'rel="canonical" href="{path}"'.encode() in body


def test_redirect_loop_never_ends(faulty, fault_manifest):
    path = first_path(fault_manifest, "redirect_loop")
    fetch = Fetcher(faulty.base_url)
    seen = []
    location = path
    for _ in range(6):
        status, headers, _ = fetch(location)
        assert status in (301, 302)
        location = headers["location"]
        seen.append(location)
    assert len(set(seen)) == 2


def test_offsite_related_links_leave_the_article_intact(faulty, fault_manifest):
    path = first_path(fault_manifest, "offsite_related")
    article = next(a for a in fault_manifest["articles"] if a["url"] == path)
    body = Fetcher(faulty.base_url)(path)[2].decode()
    assert "http://example.invalid/" in body and "javascript:" in body
    assert article["summary"].replace("'", "&#x27;") in body


def test_oversized_page_is_over_12_mb(faulty, fault_manifest):
    path = first_path(fault_manifest, "oversized")
    status, headers, body = Fetcher(faulty.base_url)(path, method="HEAD")
    assert status == 200 and int(headers["content-length"]) > 12 * 1024 * 1024


def test_bad_date_is_printed_as_is(faulty, fault_manifest):
    path = first_path(fault_manifest, "bad_date")
    assert b"2025-13-45 99:99" in Fetcher(faulty.base_url)(path)[2]


def test_empty_body_is_200_with_nothing(faulty, fault_manifest):
    path = first_path(fault_manifest, "empty_body")
    status, headers, body = Fetcher(faulty.base_url)(path)
    assert (status, body, headers["content-length"]) == (200, b"", "0")


def test_permanent_faults_repeat(faulty, fault_manifest):
    path = first_path(fault_manifest, "empty_body")
    fetch = Fetcher(faulty.base_url)
    assert [fetch(path)[2] for _ in range(3)] == [b"", b"", b""]


def test_transient_failures_depend_only_on_attempt_number():
    plan = FaultPlan(1.0, 5)
    path = "/news/18-6.html"
    outcomes = [plan.fault_at(path, n, "listing") for n in range(1, 5)]
    assert outcomes == [FaultPlan(1.0, 5).fault_at(path, n, "listing") for n in range(1, 5)]
    assert outcomes[0] in TRANSIENT and outcomes[-1] is None


def test_no_faults_at_rate_zero():
    with running_replica(10, 1, fault_rate=0.0) as replica:
        fetch = Fetcher(replica.base_url)
        assert all(fetch(a["url"])[0] == 200 for a in replica.site.manifest()["articles"])
    assert "faults" not in build_site(10, 1).manifest()
