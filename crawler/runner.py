"""Starting ``scrapy crawl vcare_news`` as a child process.

Every crawl runs in a fresh process: Twisted's reactor cannot be restarted, and a process
per crawl returns its memory to the system when it ends. The demo, the scheduler, the
tests and the benchmarks all start crawls through here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence

from crawler import settings as default_settings

SPIDER = "vcare_news"


def crawl_command(
    *,
    start_urls: Sequence[str] = (),
    db_url: str | None = None,
    mode: str | None = None,
    settings: Mapping[str, object] | None = None,
) -> list[str]:
    """The argument list of one ``scrapy crawl vcare_news`` run."""
    command = [sys.executable, "-m", "scrapy", "crawl", SPIDER]
    if start_urls:
        command += ["-a", "start_urls=" + ",".join(start_urls)]
    if mode:
        command += ["-a", f"mode={mode}"]
    if db_url:
        command += ["-s", f"VCARE_DB_URL={db_url}"]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    return command


def crawl_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The child's environment: our settings module, wherever the working directory is."""
    env = dict(os.environ)
    env["SCRAPY_SETTINGS_MODULE"] = "crawler.settings"
    env.update(extra or {})
    return env


def local_replica_settings(**overrides: object) -> dict[str, object]:
    """Settings for crawling the bundled replica at full speed (never for the real site)."""
    return {**default_settings.LOCAL_REPLICA_SETTINGS, **overrides}


def start_crawl(command: list[str], *, log_path: str | None = None, **popen) -> subprocess.Popen:
    """Start a crawl process, its log going to ``log_path`` (or inherited)."""
    stdout = open(log_path, "ab") if log_path else None  # noqa: SIM115 (the child owns it)
    try:
        return subprocess.Popen(
            command,
            stdout=stdout,
            stderr=subprocess.STDOUT if stdout else None,
            env=popen.pop("env", None) or crawl_environment(),
            **popen,
        )
    finally:
        if stdout:
            stdout.close()
