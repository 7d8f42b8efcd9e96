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


def start_scheduler(workdir: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    log_path = workdir / "scheduler.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VCARE_")}
    command = [sys.executable, str(REPO_ROOT / "scheduler.py"), "--every", "1h"]
    command += ["--db-url", f"sqlite:///{workdir / 'news.sqlite3'}", *args]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    return process, log_path


def wait_for_line(process: subprocess.Popen, log_path: Path, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while text not in log_path.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"no {text!r} from the scheduler:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.2)


def measure(workdir: Path, seconds: int, *, after_a_run: bool) -> dict:
    """Idle figures of a scheduler, either fresh or after one crawl of the replica."""
    from crawler.runner import local_replica_settings
    from crawler.sample_site import running_replica

    with running_replica(articles=20, seed=1) as site:
        args = ["--start-urls", site.base_url]
        if after_a_run:
            args.append("--run-now")
            for name, value in local_replica_settings().items():
                args += ["-s", f"{name}={value}"]
        process, log_path = start_scheduler(workdir, *args)
        try:
            wait_for_line(process, log_path, "scheduler started", 30)
            if after_a_run:
                wait_for_line(process, log_path, " scheduler: run ", 120)
            return sample(psutil.Process(process.pid), seconds)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


def context_switches(pid: int) -> tuple[int, int]:
    """(voluntary, involuntary) context switches summed over all threads of ``pid`` (Linux)."""
    totals = [0, 0]
    for status in Path(f"/proc/{pid}/task").glob("*/status"):
        for line in status.read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                totals[0] += int(line.split()[1])
            elif line.startswith("nonvoluntary_ctxt_switches:"):
                totals[1] += int(line.split()[1])
    return totals[0], totals[1]


def sample(process: psutil.Process, seconds: int) -> dict:
    time.sleep(2)  # let start-up work (imports, first database check) settle
    cpu_start = process.cpu_times()
    switches_start = context_switches(process.pid)
    rss = []
    started = time.monotonic()
    for _ in range(seconds):
        rss.append(process.memory_info().rss)
        time.sleep(1)
    elapsed = time.monotonic() - started
    cpu_end = process.cpu_times()
    switches_end = context_switches(process.pid)
    cpu = (cpu_end.user - cpu_start.user) + (cpu_end.system - cpu_start.system)
    return {
        "window_s": elapsed,
        "cpu_ms": cpu * 1000,
        "cpu_percent": 100 * cpu / elapsed,
        "rss_min_mib": min(rss) / 2**20,
        "rss_max_mib": max(rss) / 2**20,
        "rss_end_mib": rss[-1] / 2**20,
        "voluntary_switches": switches_end[0] - switches_start[0],
        "involuntary_switches": switches_end[1] - switches_start[1],
        "threads": process.num_threads(),
        "children": len(process.children(recursive=True)),
    }


def report(fresh: dict, after: dict, seconds: int) -> str:
    import apscheduler

    def row(name: str, key: str, fmt: str) -> str:
        return f"| {name} | {fmt.format(fresh[key])} | {fmt.format(after[key])} |"

    rows = [
        row("window", "window_s", "{:.1f} s"),
        row("CPU time used (user + system)", "cpu_ms", "{:.0f} ms"),
        row("average CPU (% of one core)", "cpu_percent", "{:.3f} %"),
        row("RSS min", "rss_min_mib", "{:.1f} MiB"),
        row("RSS max", "rss_max_mib", "{:.1f} MiB"),
        row("context switches, voluntary (all threads)", "voluntary_switches", "{}"),
        row("context switches, involuntary (all threads)", "involuntary_switches", "{}"),
        row("threads", "threads", "{}"),
        row("child processes", "children", "{}"),
    ]
    table = "\n".join(rows)
    return f"""# Scheduler idle cost

`benchmarks/bench_scheduler_idle.py` starts `python scheduler.py --every 1h` and samples it with
psutil once a second for {seconds} s of idling, after a 2 s settling pause: once right after
start (before any crawl), and once after a first crawl (`--run-now`, 20 articles per edition of
the replica) has finished, i.e. idle *between* runs.

| figure | before the first run | between runs |
|---|---|---|
{table}

CPU time is counted by the kernel in clock ticks (usually 10 ms): 0 ms means less than one tick
in the whole window. Context switches are summed over all threads from `/proc/PID/task`.

Between runs the scheduler's main thread sleeps in `BlockingScheduler`'s event wait until the
next fire time, and the single worker thread blocks on its queue: no polling. Each crawl is a
separate process that returns its memory when it exits; what stays in the scheduler after a
run is the modules it imported to start the crawl and read its `crawl_runs` row.

Machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.platform()},
Python {platform.python_version()}, APScheduler {apscheduler.__version__}.
Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of each idle window")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    figures = {}
    for after_a_run in (False, True):
        with tempfile.TemporaryDirectory(prefix="bench-scheduler-") as workdir:
            figures[after_a_run] = measure(Path(workdir), args.seconds, after_a_run=after_a_run)
    text = report(figures[False], figures[True], args.seconds)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
