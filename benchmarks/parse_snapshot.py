"""The parser's whole output on 686 pages, saved, then compared: the guard for speed work.

Run: ``.venv/bin/python benchmarks/parse_snapshot.py save /tmp/before.json`` on the version to
keep, then ``... check /tmp/before.json`` after each change; ``check`` names the pages whose
output differs (every field, ``body_html``, section, section and edition links) and exits 1.

Pages: the stored fixtures and held-out pages, the malformed corpus, and every HTML page of two
replica sites (seeds 1 and 7) in both layouts. A speed change is meant to change nothing here;
a parsing change is checked by the tests and regenerated fixtures instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.pages import PageParseError, parse_page  # noqa: E402
from crawler.pages.serialize import parsed_page_to_dict  # noqa: E402
from tests.pages.corpus import replica_pages, stored_pages  # noqa: E402


def corpus() -> list[tuple[str, str, bytes | str]]:
    """(name, url, body) of every page the snapshot covers."""
    return (stored_pages() + replica_pages(seed=1, articles=60)
            + replica_pages(seed=7, articles=40))


def output(url: str, body: bytes | str) -> str:
    """Everything ``parse_page`` gives for a page, as one JSON string."""
    try:
        page = parse_page(url, body)
    except PageParseError as error:
        return f"PageParseError: {error}"
    found = parsed_page_to_dict(page)
    found["section_links"], found["edition_links"] = page.section_links, page.edition_links
    if page.article is not None:
        found["body_html"], found["section"] = page.article.body_html, page.article.section
    return json.dumps(found, sort_keys=True, ensure_ascii=False, default=str)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print("usage: parse_snapshot.py save|check FILE", file=sys.stderr)
        return 2
    command, path = argv[0], Path(argv[1])
    outputs = {name: output(url, body) for name, url, body in corpus()}
    if command == "save":
        path.write_text(json.dumps(outputs, ensure_ascii=False, indent=0))
        print(f"saved the output of {len(outputs)} pages to {path}")
        return 0
    saved = json.loads(path.read_text())
    differ = sorted(name for name in saved.keys() | outputs.keys()
                    if saved.get(name) != outputs.get(name))
    for name in differ[:20]:
        print(f"differs: {name}\n  was: {(saved.get(name) or '')[:300]}\n  now: "
              f"{(outputs.get(name) or '')[:300]}")
    print(f"{len(outputs)} pages, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
