from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from crawler.sample_site import build_site, running_replica


class Fetcher:
    """A keep-alive HTTP/1.1 client for one replica, returning (status, headers, body)."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)

    def __call__(self, path: str, method: str = "GET", headers: dict | None = None):
        try:
            self.conn.request(method, path, headers=headers or {})
            resp = self.conn.getresponse()
        except (ConnectionError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
            raise
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body

    def close(self) -> None:
        self.conn.close()


@pytest.fixture(scope="module")
def replica():
    with running_replica(articles=60, seed=1) as handle:
        yield handle


@pytest.fixture(scope="module")
def manifest():
    return build_site(60, 1).manifest()


@pytest.fixture()
def fetch(replica):
    fetcher = Fetcher(replica.base_url)
    yield fetcher
    fetcher.close()
