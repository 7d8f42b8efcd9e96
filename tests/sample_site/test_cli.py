"""The ``sample-site`` sub-commands."""

from __future__ import annotations

import json
import signal
import socket
import urllib.request

from crawler.sample_site import replica_process, start_replica_process
from crawler.sample_site.cli import main


def run(capsys, *argv):
    code = main(["sample-site", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_manifest_prints_ground_truth_json(capsys):
    code, out, _ = run(capsys, "manifest", "--articles", "5", "--seed", "2")
    data = json.loads(out)
    assert code == 0
    assert len(data["articles"]) == 10
    assert {"news_id", "url", "language", "section", "title", "published_at", "source",
            "related", "summary", "body_text", "template", "etag"} <= set(data["articles"][0])
    assert data["sections"][0]["page_urls"][0] == data["sections"][0]["listing_url"]


def test_add_and_edit_change_the_state(tmp_path, capsys):
    run(capsys, "manifest", "--articles", "5", "--state", str(tmp_path))
    code, out, _ = run(capsys, "add", "--state", str(tmp_path), "--count", "2")
    assert code == 0 and out.count("added ") == 4
    news_id = out.split()[2]
    code, out, _ = run(capsys, "edit", "--state", str(tmp_path), "--news-id", news_id)
    assert code == 0 and "revision 1" in out


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "add", "--state", str(tmp_path / "none"), "--count", "1")
    assert code == 2 and err.count("\n") == 1
    run(capsys, "manifest", "--articles", "5", "--state", str(tmp_path))
    code, _, err = run(capsys, "edit", "--state", str(tmp_path), "--news-id", "42")
    assert code == 2 and "no article" in err
    code, _, err = run(capsys, "manifest", "--articles", "0")
    assert code == 2


def test_busy_port_is_a_user_error(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        code, _, err = run(capsys, "serve", "--articles", "2", "--port", str(busy.getsockname()[1]))
    assert code == 2 and "cannot listen" in err


def test_serve_prints_its_address_first_and_stops_on_sigterm():
    proc = start_replica_process(6, 1)
    assert proc.base_url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(proc.url("/robots.txt")) as resp:
        assert resp.status == 200
    proc.popen.send_signal(signal.SIGTERM)
    assert proc.popen.wait(10) == 0


def test_serve_stops_on_sigint_with_exit_0():
    with replica_process(6, 1) as proc:
        proc.popen.send_signal(signal.SIGINT)
        assert proc.popen.wait(10) == 0


def test_serve_through_the_vcare_news_entry_point(tmp_path):
    """Same command through ``crawler.cli`` (the installed ``vcare-news`` script)."""
    import subprocess
    import sys

    from crawler.sample_site.runner import REPO_ROOT

    popen = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "sample-site", "serve", "--articles", "4"],
        stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT,
    )
    try:
        assert popen.stdout.readline().startswith("serving http://127.0.0.1:")
        popen.send_signal(signal.SIGTERM)
        assert popen.wait(20) == 0
    finally:
        if popen.poll() is None:
            popen.kill()
        popen.stdout.close()
