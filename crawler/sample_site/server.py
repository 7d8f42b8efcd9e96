"""The replica's HTTP server: stdlib ``ThreadingHTTPServer`` speaking HTTP/1.1 keep-alive.

Every response carries ``Content-Length``, ``ETag`` and ``Last-Modified``; ``If-None-Match``
and ``If-Modified-Since`` get ``304 Not Modified``. Pages render once and are cached. With a
state directory, each request checks the state file's mtime (one ``stat``) and the server
rebuilds the site when it changed. Faults (see ``faults.py``) are applied before all that.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.sample_site.faults import BAD_DATE, OVERSIZED_BYTES, FaultPlan
from crawler.sample_site.pages import HTML, Renderer, Resource, body_etag
from crawler.sample_site.site import Site, build_site
from crawler.sample_site.state import read_state, state_path

HOP_PARAMS = ("hop=1", "hop=2", "loop=1")


def with_param(path: str, param: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{param}"


def split_hop(raw: str) -> tuple[str, str | None]:
    """("/x.html", "hop=1") for "/x.html?hop=1"; (raw, None) when no redirect hop is present."""
    for param in HOP_PARAMS:
        for sep in ("?", "&"):
            if raw.endswith(sep + param):
                return raw[: -len(param) - 1], param
    return raw, None


class ReplicaServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        articles: int | None = None,
        seed: int | None = None,
        state_dir: str | os.PathLike | None = None,
        layout: str = "standard",
        fault_rate: float = 0.0,
        fault_seed: int = 0,
        fault_delay: float = 5.0,
        record_requests: bool = False,
        verbose: bool = False,
    ):
        self.state_dir = state_dir
        self.layout = layout
        self.faults = FaultPlan(fault_rate, fault_seed)
        self.fault_delay = fault_delay
        self.verbose = verbose
        self.request_log: list[tuple[str, str, int]] | None = [] if record_requests else None
        self._site_lock = threading.Lock()
        self._attempts: dict[str, int] = {}
        self._attempt_lock = threading.Lock()
        self._state_stamp = None
        self._install(build_site(articles, seed, state_dir))
        super().__init__((host, port), ReplicaHandler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def _install(self, site: Site) -> None:
        self.site = site
        self.renderer = Renderer(site, self.layout)
        self.variants: dict[tuple[str, str], Resource] = {}
        if self.state_dir is not None:
            self._state_stamp = self._stamp()

    def _stamp(self):
        try:
            st = os.stat(state_path(self.state_dir))
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def current_renderer(self) -> Renderer:
        """The renderer for the current state, rebuilt when the state file has changed."""
        if self.state_dir is not None and self._stamp() != self._state_stamp:
            with self._site_lock:
                if self._stamp() != self._state_stamp and read_state(self.state_dir) is not None:
                    self._install(build_site(state_dir=self.state_dir))
        return self.renderer

    def next_attempt(self, path: str) -> int:
        with self._attempt_lock:
            n = self._attempts.get(path, 0) + 1
            self._attempts[path] = n
            return n

    def handle_error(self, request, client_address) -> None:
        if self.verbose:
            super().handle_error(request, client_address)


class ReplicaHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VcareReplica/1.0"
    server: ReplicaServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    # --- dispatch -----------------------------------------------------------------------

    def _serve(self, head: bool) -> None:
        raw = self.path
        if "://" in raw:  # absolute-form request target
            raw = "/" + raw.split("://", 1)[1].partition("/")[2]
        renderer = self.server.current_renderer()
        base, hop = split_hop(raw)
        route = base if base in renderer.routes else base.split("?", 1)[0]
        kind = renderer.kind_of(route)
        article = renderer.articles_by_path.get(route)
        plan = self.server.faults
        language = article.language if article else "en"
        if hop is not None:
            planned = plan.kind_for(route, kind, language, self.server.layout)
            if planned == "redirect_chain" and hop == "hop=1":
                return self._redirect(302, with_param(base, "hop=2"), head)
            if planned == "redirect_loop":
                return self._redirect(302, base, head)
            fault = None
        else:
            attempt = self.server.next_attempt(route)
            fault = plan.fault_at(route, attempt, kind, language, self.server.layout)
        if fault is not None and self._fault(fault, renderer, route, base, head):
            return
        resource = renderer.get(route) if kind else None
        if resource is None:
            return self._plain(404, "Not Found", head)
        if fault == "truncated":
            cut = resource.body[: max(1, len(resource.body) // 2)]
            resource = replace(resource, body=cut)
        self._send(resource, head)

    def _fault(self, fault: str, renderer: Renderer, route: str, base: str, head: bool) -> bool:
        """Answer with the fault; False when the normal response should follow instead."""
        if fault == "slow":
            time.sleep(self.server.fault_delay)
            return False
        if fault == "truncated":
            return False
        if fault in ("http_500", "http_503"):
            status = int(fault[-3:])
            self._plain(status, "Internal Server Error" if status == 500 else "Unavailable", head)
        elif fault == "http_429":
            self._plain(429, "Too Many Requests", head, {"Retry-After": "1"})
        elif fault == "reset":
            self._log(0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
        elif fault == "redirect_chain":
            self._redirect(301, with_param(base, "hop=1"), head)
        elif fault == "redirect_loop":
            self._redirect(302, with_param(base, "loop=1"), head)
        elif fault == "empty_body":
            self._send(Resource(b"", HTML, body_etag(b""), self.server.site.editions["en"].clock),
                       head)
        else:
            self._send(self._variant(renderer, route, fault), head)
        return True

    def _variant(self, renderer: Renderer, route: str, fault: str) -> Resource:
        key = (route, fault)
        cached = self.server.variants.get(key)
        if cached is not None:
            return cached
        article = renderer.articles_by_path[route]
        ctype = HTML
        if fault == "bad_date":
            html = renderer.variant(article, published_text=BAD_DATE)
        elif fault == "offsite_related":
            view = renderer.article_view(article)
            links = tuple(
                replace(link, href=f"http://example.invalid/news_detail/{i}.html"
                        if i % 2 == 0 else "javascript:void(0)")
                for i, link in enumerate(view.related)
            )
            html = renderer.variant(article, related=links)
        else:
            html = renderer.article_html(article)
        if fault == "gbk_no_charset":
            for tag in ('<meta charset="utf-8">\n',
                        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'):
                html = html.replace(tag, "")
            body = html.encode("gbk", errors="xmlcharrefreplace")
            ctype = "text/html"
        elif fault == "oversized":
            filler = "<!-- " + "padding " * 1024 + "-->\n"
            repeat = OVERSIZED_BYTES // len(filler) + 1
            body = html.replace("</body>", filler * repeat + "</body>").encode("utf-8")
        else:
            body = html.encode("utf-8")
        resource = Resource(body, ctype, body_etag(body), article.last_modified)
        self.server.variants[key] = resource
        return resource

    # --- responses ----------------------------------------------------------------------

    def _log(self, status: int) -> None:
        if self.server.request_log is not None:
            self.server.request_log.append((self.command, self.path, status))

    def _not_modified(self, resource: Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or resource.etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                return False
            return int(resource.last_modified.timestamp()) <= int(since.timestamp())
        return False

    def _send(self, resource: Resource, head: bool) -> None:
        validators = {"ETag": resource.etag, "Last-Modified": _http_date(resource.last_modified)}
        if self._not_modified(resource):
            self._log(304)
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self._log(200)
        self.send_response(200)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in validators.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(resource.body)

    def _plain(self, status: int, text: str, head: bool, extra: dict | None = None) -> None:
        body = (
            f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{status} {escape(text)}"
            f"</title></head><body><h1>{status} {escape(text)}</h1></body></html>\n"
        ).encode()
        self._log(status)
        self.send_response(status)
        self.send_header("Content-Type", HTML)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _redirect(self, status: int, location: str, head: bool) -> None:
        self._plain(status, "Moved", head, {"Location": location})


def _http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(UTC), usegmt=True)
