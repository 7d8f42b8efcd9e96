"""Instructions per article-page parse, counted by valgrind's callgrind.

Run: ``.venv/bin/python benchmarks/bench_parse_instructions.py [REF ...]``

Wall time on a shared 2-core machine moves by ±30 % from run to run; an instruction count
does not (the same code and input give the same count to within about 0.5 %, whatever else
the machine is doing). It is the measure used to judge each step of the parser's speed work;
``bench_parse.py`` gives the milliseconds and the comparison with trafilatura.

The workload parses the benchmark's article pages (the stored fixtures and the replica pages
``bench_parse.py`` times) once to warm up, then ``ROUNDS`` more times; a second run without the
extra rounds is subtracted, which leaves the parses alone (no start-up, imports or page
building). With git revisions as arguments (``HEAD~3 main``), each is checked out into a
temporary git worktree and counted the same way, so versions compare side by side; the
worktrees are removed at the end (``git worktree prune`` clears them after a killed run).
The working tree is counted with its compiled body walk and, when that is built, with the
Python walk too (``VCARE_PURE_PYTHON=1``); a revision's worktree has no build, so it runs
the Python walk.
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
_WORKLOAD = """
import pickle, sys
from crawler.pages import parse_page
pages = pickle.load(open(sys.argv[1], "rb"))
articles = [(url, body) for url, body in pages if parse_page(url, body).kind == "article"]
for _ in range(int(sys.argv[2])):
    for url, body in articles:
        parse_page(url, body)
print(len(articles))
"""


def article_pages(path: Path) -> None:
    """The benchmark's pages (fixtures and replica), pickled for the workload."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_parse

    pages = bench_parse.fixture_pages() + bench_parse.replica_pages()
    path.write_bytes(pickle.dumps([(page.url, page.body) for page in pages]))


def instructions(tree: Path, pages: Path, rounds: int, extra_env: dict[str, str]
                 ) -> tuple[int, int]:
    """(instructions, article pages) for one callgrind run of the workload in ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0", **extra_env}
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", _WORKLOAD, str(pages), str(rounds)],
        cwd=tree, env=env, capture_output=True, text=True, check=True,
    )
    collected = re.search(r"Collected : (\d+)", result.stderr)
    if collected is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(collected.group(1)), int(result.stdout.split()[-1])


def per_page(tree: Path, pages: Path, extra_env: dict[str, str]) -> float:
    base, count = instructions(tree, pages, 1, extra_env)
    more, _ = instructions(tree, pages, 1 + ROUNDS, extra_env)
    return (more - base) / ROUNDS / count


def main(revisions: list[str]) -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        pages = Path(scratch) / "pages.pickle"
        article_pages(pages)
        sys.path.insert(0, str(ROOT))
        from crawler.pages.dom import WALK

        trees: list[tuple[str, Path, dict[str, str]]] = [(f"working tree ({WALK} walk)", ROOT, {})]
        if WALK == "compiled":
            trees.append(("working tree (python walk)", ROOT, {"VCARE_PURE_PYTHON": "1"}))
        for revision in revisions:
            tree = Path(scratch) / re.sub(r"\W", "_", revision)
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q",
                            str(tree), revision], check=True)
            # A worktree has no build of the compiled walk: its parser runs the Python one.
            trees.append((revision, tree, {}))
        try:
            print("| version | instructions per article page |\n|---|---|")
            for name, tree, extra_env in trees:
                print(f"| {name} | {per_page(tree, pages, extra_env) / 1000:,.0f} k |",
                      flush=True)
        finally:
            for _name, tree, _env in trees[1:]:
                if tree == ROOT:
                    continue
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(tree)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
