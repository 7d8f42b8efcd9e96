"""What an idle scheduler costs: CPU time, RSS and wake-ups between two runs.

Starts ``python scheduler.py --every 1h`` (no ``--run-now``, so no crawl happens), waits until it
has logged its start, then samples it with psutil once a second for ``--seconds`` (default 60)
and writes the figures and the machine to ``benchmarks/results_scheduler.md``.

    .venv/bin/python benchmarks/bench_scheduler_idle.py [--seconds 60] [--output PATH]
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "benchmarks" / "results_scheduler.md"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def start_scheduler(workdir: Path) -> tuple[subprocess.Popen, Path]:
    log_path = workdir / "scheduler.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VCARE_")}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                str(REPO_ROOT / "scheduler.py"),
                "--every",
                "1h",
                "--db-url",
                f"sqlite:///{workdir / 'news.sqlite3'}",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while "scheduler started" not in log_path.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the scheduler did not start:\n{log_path.read_text()}")
        time.sleep(0.1)
    return process, log_path


def sample(process: psutil.Process, seconds: int) -> dict:
    time.sleep(2)  # let start-up work (imports, first database check) settle
    cpu_start = process.cpu_times()
    switches_start = process.num_ctx_switches()
    rss = []
    started = time.monotonic()
    for _ in range(seconds):
        rss.append(process.memory_info().rss)
        time.sleep(1)
    elapsed = time.monotonic() - started
    cpu_end = process.cpu_times()
    switches_end = process.num_ctx_switches()
    cpu = (cpu_end.user - cpu_start.user) + (cpu_end.system - cpu_start.system)
    return {
        "window_s": elapsed,
        "cpu_s": cpu,
        "cpu_percent": 100 * cpu / elapsed,
        "rss_min_mib": min(rss) / 2**20,
        "rss_max_mib": max(rss) / 2**20,
        "rss_end_mib": rss[-1] / 2**20,
        "voluntary_switches": switches_end.voluntary - switches_start.voluntary,
        "involuntary_switches": switches_end.involuntary - switches_start.involuntary,
        "threads": process.num_threads(),
        "children": len(process.children(recursive=True)),
    }


def report(figures: dict, seconds: int) -> str:
    import apscheduler

    f = figures
    rows = [
        ("window", f"{f['window_s']:.1f} s"),
        ("CPU time used (user + system)", f"{f['cpu_s'] * 1000:.0f} ms"),
        ("average CPU", f"{f['cpu_percent']:.3f} % of one core"),
        (
            "RSS (min / max / end)",
            f"{f['rss_min_mib']:.1f} / {f['rss_max_mib']:.1f} / {f['rss_end_mib']:.1f} MiB",
        ),
        (
            "context switches of the main thread (voluntary / involuntary)",
            f"{f['voluntary_switches']} / {f['involuntary_switches']}",
        ),
        ("threads", str(f["threads"])),
        ("child processes", str(f["children"])),
    ]
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f"""# Scheduler idle cost

`benchmarks/bench_scheduler_idle.py` started `python scheduler.py --every 1h` (no crawl in the
window) and sampled it with psutil once a second for {seconds} s, after a 2 s settling pause.

| figure | value |
|---|---|
{table}

Between runs the scheduler's main thread sleeps in `BlockingScheduler`'s event wait until the
next fire time: no polling, no wake-ups. The worker thread that runs crawls is only created for
the first run, and each crawl is a separate process that returns its memory when it exits.

Machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.platform()},
Python {platform.python_version()}, APScheduler {apscheduler.__version__}.
Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the idle window")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-scheduler-") as workdir:
        process, _log = start_scheduler(Path(workdir))
        try:
            figures = sample(psutil.Process(process.pid), args.seconds)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    text = report(figures, args.seconds)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
