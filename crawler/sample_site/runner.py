"""Ways to run the replica: in a background thread, or as a ``vcare-news`` subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crawler.sample_site.server import ReplicaServer
from crawler.sample_site.site import Site

REPO_ROOT = Path(__file__).resolve().parents[2]


class ReplicaHandle:
    """A replica served from a background thread of this process."""

    def __init__(self, server: ReplicaServer):
        self.server = server
        self.base_url = server.base_url
        self.request_log: list[tuple[str, str, int]] = server.request_log

    @property
    def site(self) -> Site:
        """The site as currently served (reflects the state dir after the next request)."""
        return self.server.site

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")


@contextmanager
def running_replica(
    articles: int | None = None,
    seed: int | None = None,
    state_dir: str | os.PathLike | None = None,
    **opts,
) -> Iterator[ReplicaHandle]:
    """Serve the replica on a free port of 127.0.0.1 for the duration of the block.

    ``opts`` go to ``ReplicaServer``: host, port, layout ("standard" | "redesign"),
    fault_rate, fault_seed, fault_delay, verbose. Requests are always recorded.
    """
    opts.setdefault("record_requests", True)
    server = ReplicaServer(articles=articles, seed=seed, state_dir=state_dir, **opts)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="replica-server", daemon=True)
    thread.start()
    try:
        yield ReplicaHandle(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class ReplicaProcess:
    """``vcare-news sample-site serve`` running in a child process."""

    def __init__(self, popen: subprocess.Popen, base_url: str):
        self.popen = popen
        self.base_url = base_url

    @property
    def pid(self) -> int:
        return self.popen.pid

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM the server and return its exit code (0 on a clean stop)."""
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        if self.popen.stdout:
            self.popen.stdout.close()
        return self.popen.returncode


def serve_command(
    articles: int | None = None,
    seed: int | None = None,
    state_dir: str | os.PathLike | None = None,
    *extra: str,
) -> list[str]:
    cmd = [sys.executable, "-m", "crawler.sample_site.cli", "sample-site", "serve", "--port", "0"]
    if articles is not None:
        cmd += ["--articles", str(articles)]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    if state_dir is not None:
        cmd += ["--state", str(state_dir)]
    return cmd + list(extra)


def start_replica_process(
    articles: int | None = None,
    seed: int | None = None,
    state_dir: str | os.PathLike | None = None,
    *extra: str,
    timeout: float = 30.0,
) -> ReplicaProcess:
    """Start the CLI server (``extra`` are more serve options, e.g. "--fault-rate", "0.1")
    and wait for its ``serving http://...`` line."""
    popen = subprocess.Popen(
        serve_command(articles, seed, state_dir, *extra),
        stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT,
    )
    timer = threading.Timer(timeout, popen.kill)
    timer.start()
    try:
        line = popen.stdout.readline()
    finally:
        timer.cancel()
    if not line.startswith("serving "):
        popen.kill()
        popen.wait()
        raise RuntimeError(f"replica did not start (exit {popen.returncode}): {line!r}")
    return ReplicaProcess(popen, line.split(" ", 1)[1].strip())


@contextmanager
def replica_process(
    articles: int | None = None,
    seed: int | None = None,
    state_dir: str | os.PathLike | None = None,
    *extra: str,
) -> Iterator[ReplicaProcess]:
    proc = start_replica_process(articles, seed, state_dir, *extra)
    try:
        yield proc
    finally:
        proc.stop()
