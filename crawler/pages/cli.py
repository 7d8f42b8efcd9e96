"""``vcare-news parse PATH [--url URL]``: parse one saved page and print it as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from crawler.errors import UserError
from crawler.pages.errors import PageParseError
from crawler.pages.page import parse_page
from crawler.pages.serialize import parsed_page_to_dict


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="parse a saved page and print what it holds as JSON",
        description="Parse one saved article or listing page and print one JSON object.",
    )
    parser.add_argument("path", help="the saved HTML file, or - to read the bytes from stdin")
    parser.add_argument("--url", help="the URL the page was fetched from (default: a file:// URL)")
    parser.add_argument("--encoding", help="the charset the server declared, if known")
    parser.set_defaults(func=run)


def read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def default_url(path: str) -> str:
    return "file:///dev/stdin" if path == "-" else Path(path).resolve().as_uri()


def checked_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL with a host; else a ``UserError``."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname
            or any(ch.isspace() for ch in url)):
        raise UserError(f"--url must be an absolute http(s) URL, got {url!r}")
    return url


def run(args: argparse.Namespace) -> int:
    url = checked_url(args.url) if args.url is not None else default_url(args.path)
    body = read_input(args.path)
    try:
        page = parse_page(url, body, encoding=args.encoding)
    except PageParseError as exc:
        raise UserError(f"cannot read {args.path}: {exc}") from None
    json.dump(parsed_page_to_dict(page), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
