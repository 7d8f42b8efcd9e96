"""Re-generate the expected JSON beside every stored page: ``python -m tests.pages.regenerate``.

Run it only when a parser change is intended, then read the diff before committing.
"""

from __future__ import annotations

import json
import sys

from tests.pages.fixture_pages import FIXTURE_DIR, PAGES, parse_fixture


def main(stems: list[str]) -> int:
    for stem in stems or list(PAGES):
        path = FIXTURE_DIR / f"{stem}.json"
        text = json.dumps(parse_fixture(stem), ensure_ascii=False, indent=2) + "\n"
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        print(f"{'updated' if changed else 'unchanged'}: {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
