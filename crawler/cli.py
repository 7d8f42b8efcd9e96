"""The ``vcare-news`` command line: one sub-command per concern, each defined in its own module.

Each module named below exposes ``register(subparsers)``, which adds its sub-command and sets
``func`` on the parsed arguments. ``func(args)`` returns the process exit code.
Errors meant for the user are raised as ``crawler.errors.UserError`` and printed as one line.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from crawler.errors import UserError

COMMAND_MODULES = (
    "crawler.pages.cli",  # parse
    "crawler.sample_site.cli",  # sample-site serve|manifest|add|edit
    "crawler.demo",  # demo
    "storage.cli",  # db upgrade|...
    "scheduler",  # schedule
)


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vcare-news",
        description="Crawl, store and schedule Jiangsu Vcare PharmaTech company news.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None, modules: tuple[str, ...] = COMMAND_MODULES) -> int:
    """Run one sub-command; ``modules`` narrows which sub-commands exist (and get imported)."""
    parser = build_parser(modules)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"vcare-news {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
