"""What a hostile or broken site cannot make the crawler do.

A tiny local server (not the replica, which cannot redirect off-site) serves one malicious
article, one redirect to another host and one oversized page; the real crawl runs against it.
"""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler import settings as crawl_settings
from tests.conftest import REPO_ROOT, run_crawl
from tests.reliability.helpers import crawl_runs, log_text, path_of, query, sqlite_url, tail

pytestmark = pytest.mark.integration

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "pages" / "cms_article_en.html"
ARTICLE = "/news_detail/1988000000000000001-18-6.html"
REDIRECTING = "/news_detail/1988000000000000002-18-6.html"
OVERSIZED = "/news_detail/1988000000000000003-18-6.html"
MAXSIZE = 100_000  # a lower DOWNLOAD_MAXSIZE for the test; the real one is 8 MiB
MALICIOUS = (
    '<p onclick="steal()" onmouseover="steal()">Read <a href="javascript:alert(1)">this</a>'
    ' and <a href=" JaVaScRiPt:alert(2)">that</a>.'
    '<img src="/uploads/x.png" onerror="alert(3)" alt="">'
    "<script>alert(4)</script><iframe src=\"http://evil.invalid/\"></iframe>"
    '<svg onload="alert(5)"></svg><a href="data:text/html,<script>alert(6)</script>">d</a></p>'
)
FIRST_PARAGRAPH = "<p>Jiangsu Vcare PharmaTech has dosed the first healthy volunteer"


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str]] = []  # (Host header, path)
        page = FIXTURE.read_text(encoding="utf-8")
        assert FIRST_PARAGRAPH in page
        self.article = page.replace(FIRST_PARAGRAPH, MALICIOUS + FIRST_PARAGRAPH, 1).encode()
        padding = "<!-- " + "x" * MAXSIZE + " -->"
        self.oversized = page.replace("</body>", padding + "</body>", 1).encode()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass

    def do_GET(self):
        self.server.requests.append((self.headers.get("Host", ""), self.path))
        if self.path == ARTICLE:
            self.reply(200, self.server.article)
        elif self.path == OVERSIZED:
            self.reply(200, self.server.oversized)
        elif self.path == REDIRECTING:
            # Same server, other host name: allowed_domains holds only 127.0.0.1.
            location = f"http://localhost:{self.server.port}{ARTICLE}?via=redirect"
            self.reply(302, b"", {"Location": location})
        else:
            self.reply(404, b"not found")

    def reply(self, status: int, body: bytes, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    directory = tmp_path_factory.mktemp("security")
    db_url = sqlite_url(directory)
    log = directory / "crawl.log"
    site = Site()
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        start = ",".join(site.url(p) for p in (ARTICLE, REDIRECTING, OVERSIZED))
        result = run_crawl(start, db_url, log_path=log, settings={"DOWNLOAD_MAXSIZE": MAXSIZE})
    finally:
        site.shutdown()
        site.server_close()
    return {"db_url": db_url, "log": log, "code": result.returncode,
            "requests": list(site.requests), "port": site.port}


def test_the_malicious_article_is_stored(crawled):
    assert "Traceback" not in log_text(crawled["log"]), tail(crawled["log"])
    titles = query(crawled["db_url"],
                   "SELECT title FROM news_items WHERE news_id = '1988000000000000001'")
    assert titles and titles[0][0]


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("script element", r"<script"),
        ("iframe element", r"<iframe"),
        ("svg element", r"<svg"),
        ("event handler attribute", r"\son\w+\s*="),
        ("javascript: URL", r"javascript\s*:"),
        ("data: URL", r"""(?:href|src)\s*=\s*["']?\s*data:"""),
    ],
)
def test_stored_body_html_has_no_active_content(crawled, what, pattern):
    [(body_html,)] = query(
        crawled["db_url"],
        "SELECT body_html FROM news_items WHERE news_id = '1988000000000000001'",
    )
    assert "Read" in body_html and "first healthy volunteer" in body_html
    assert not re.search(pattern, body_html, re.IGNORECASE), f"{what} in {body_html[:800]}"


def test_redirect_to_another_host_is_not_followed(crawled):
    hosts = {host for host, _ in crawled["requests"]}
    assert hosts == {f"127.0.0.1:{crawled['port']}"}, crawled["requests"]
    assert "Filtered offsite request to 'localhost'" in log_text(crawled["log"])


def test_only_start_url_hosts_are_fetched(crawled):
    # The article links to the real site's pages; none of them is ever requested.
    crawled_lines = re.findall(r"Crawled \(\d+\) <GET (\S+)>", log_text(crawled["log"]))
    assert crawled_lines
    assert all(url.startswith(f"http://127.0.0.1:{crawled['port']}/") for url in crawled_lines)


def test_oversized_page_is_dropped_with_a_clear_reason(crawled):
    errors = crawl_runs(crawled["db_url"])[-1]["errors"]
    reasons = [e["reason"] for e in errors if path_of(e["url"]) == OVERSIZED]
    assert len(reasons) == 1 and "larger than download max size" in reasons[0], errors
    assert not query(crawled["db_url"],
                     "SELECT 1 FROM news_items WHERE news_id = '1988000000000000003' "
                     "AND page_fetched")


def test_telnet_console_is_off():
    assert crawl_settings.TELNETCONSOLE_ENABLED is False


def test_no_telnet_console_is_opened_during_a_crawl(crawled):
    text = log_text(crawled["log"])
    assert "Telnet console listening" not in text
    assert "scrapy.extensions.telnet.TelnetConsole" not in text


def test_database_password_never_reaches_the_log(tmp_path, fresh_pg_url):
    import sqlalchemy as sa

    password = "s3cret-pw"  # PostgreSQL here trusts local connections: any password works
    url = sa.engine.make_url(fresh_pg_url).set(password=password)
    site = Site()
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        log = tmp_path / "crawl.log"
        result = run_crawl(site.url(ARTICLE), url.render_as_string(hide_password=False),
                           log_path=log)
    finally:
        site.shutdown()
        site.server_close()
    assert result.returncode == 0, tail(log)
    assert password not in log_text(log)
    run = crawl_runs(url.render_as_string(hide_password=False))[-1]
    assert password not in repr(run)
