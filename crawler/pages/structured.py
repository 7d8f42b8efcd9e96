"""Structured data a page carries for machines: JSON-LD (``<script type="application/ld+json">``).

Read only as a fallback, when what a visitor sees leaves a field open (a page showing no
publication time): the visible page always wins where it says something.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

# The parser drops <script> elements before anything reads the tree, so JSON-LD is found in
# the markup itself. A JSON-LD block cannot hold "</script" (that would end the element).
# A start tag's attributes are read up to 500 characters: a page of unclosed "<script " tags
# would otherwise make every search scan on to the next ">" (quadratic; found by fuzzing).
_JSON_LD_OPENING = re.compile(
    r"<script\b[^>]{0,500}?\btype\s*=\s*[\"']?\s*application/ld\+json[^>]{0,500}>",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"</script", re.IGNORECASE)


def json_ld_blocks(markup: str) -> Iterator[str]:
    """The text of each JSON-LD script, in one pass over the markup (a script left open runs
    to the end of the page, and no block follows it)."""
    if "ld+json" not in markup and "LD+JSON" not in markup:  # most pages: no regex scan
        return
    position = 0
    while (opening := _JSON_LD_OPENING.search(markup, position)) is not None:
        closing = _CLOSING.search(markup, opening.end())
        if closing is None:
            yield markup[opening.end():]
            return
        yield markup[opening.end():closing.start()]
        position = closing.end()


def json_ld_items(markup: str) -> Iterator[dict]:
    """The page's JSON-LD items in order: each block's top-level objects and the members of
    its ``@graph``. Nested objects (an ``ItemList`` of other articles, an author) are not
    items of this page. Blocks that are not valid JSON are passed over."""
    for block in json_ld_blocks(markup):
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):  # half-written or absurdly deep JSON: passed over
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (member for member in graph if isinstance(member, dict))
            yield item


def published_in_json_ld(markup: str) -> str | None:
    """The first ``datePublished`` among the page's JSON-LD items, as written."""
    for item in json_ld_items(markup):
        value = item.get("datePublished")
        if isinstance(value, str) and value.strip():
            return value
    return None
