"""``vcare-news sample-site serve|manifest|add|edit``: run and inspect the replica site.

Also runnable alone (``python -m crawler.sample_site.cli sample-site serve ...``), which the
subprocess helpers use: it starts faster, importing no other sub-command.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from crawler.errors import UserError
from crawler.sample_site.server import ReplicaServer
from crawler.sample_site.site import build_site
from crawler.sample_site.state import read_state
from crawler.sample_site.urls import LAYOUTS


def _bounded(convert, low, high, what: str):
    """An argparse type: ``convert`` the text, then check it lies within [low, high]."""

    def parse(text: str):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be within {low}..{high}, got {value}")
        return value

    return parse


_rate = _bounded(float, 0.0, 1.0, "a number")
_seconds = _bounded(float, 0.0, 3600.0, "a number of seconds")
_port = _bounded(int, 0, 65535, "a port number")


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=int, default=None,
                        help="articles per edition (default 60, or the state dir's)")
    parser.add_argument("--seed", type=int, default=None, help="generator seed (default 1)")
    parser.add_argument("--state", metavar="DIR", default=None,
                        help="state directory (created if missing) holding adds and edits")


def _view_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--layout", choices=LAYOUTS, default="standard",
                        help="'redesign' renders a relaunched site a label parser cannot read")
    parser.add_argument("--fault-rate", type=_rate, default=0.0,
                        help="share of paths that fail (transiently or, for some articles, "
                        "permanently); 0 disables faults")
    parser.add_argument("--fault-seed", type=int, default=0, help="seed of the fault plan")


def register(subparsers) -> None:
    parser = subparsers.add_parser("sample-site", help="run or inspect the replica news site",
                                   description="The replica of the company's news site.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    serve = actions.add_parser("serve", help="serve the replica until SIGINT/SIGTERM")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=0, help="0 picks a free port")
    _site_options(serve)
    _view_options(serve)
    serve.add_argument("--fault-delay", type=_seconds, default=5.0,
                       help="seconds a 'slow' fault waits before answering (default 5)")
    serve.add_argument("--verbose", action="store_true", help="log each request to stderr")
    serve.set_defaults(func=cmd_serve)

    manifest = actions.add_parser("manifest", help="print the ground truth as JSON")
    _site_options(manifest)
    _view_options(manifest)
    manifest.set_defaults(func=cmd_manifest)

    add = actions.add_parser("add", help="publish new articles (in Company News)")
    add.add_argument("--state", metavar="DIR", required=True)
    add.add_argument("--count", type=int, default=1, help="new articles per edition chosen")
    add.add_argument("--language", choices=("en", "zh", "both"), default="both",
                     help="edition(s) to publish in (default both: COUNT in each)")
    add.set_defaults(func=cmd_add)

    edit = actions.add_parser("edit", help="retitle an article and rewrite one paragraph")
    edit.add_argument("--state", metavar="DIR", required=True)
    edit.add_argument("--news-id", required=True)
    edit.set_defaults(func=cmd_edit)


def _existing_state(state_dir: str) -> None:
    if read_state(state_dir) is None:
        raise UserError(f"{state_dir} holds no replica state; start one with "
                        "'sample-site serve --state DIR' or 'sample-site manifest --state DIR'")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        server = ReplicaServer(
            args.host, args.port, articles=args.articles, seed=args.seed, state_dir=args.state,
            layout=args.layout, fault_rate=args.fault_rate, fault_seed=args.fault_seed,
            fault_delay=args.fault_delay, verbose=args.verbose,
        )
    except OSError as exc:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from exc
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    print(f"serving {server.base_url}", flush=True)
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    return 0


def cmd_manifest(args: argparse.Namespace) -> int:
    site = build_site(args.articles, args.seed, args.state)
    data = site.manifest(args.layout, args.fault_rate, args.fault_seed)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    _existing_state(args.state)
    for article in build_site(state_dir=args.state).add(args.count, args.language):
        print(f"added {article.language} {article.news_id} {article.path}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    _existing_state(args.state)
    article = build_site(state_dir=args.state).edit(args.news_id)
    print(f"edited {article.language} {article.news_id} revision {article.revision}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``vcare-news`` narrowed to ``sample-site``: starts fast, imports nothing else."""
    from crawler.cli import main as vcare_news_main

    return vcare_news_main(argv, modules=(__name__,))


if __name__ == "__main__":
    sys.exit(main())
