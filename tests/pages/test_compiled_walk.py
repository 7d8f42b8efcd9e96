"""The compiled body walk (``_walk.pyx``) builds the very index the Python walk builds.

``Document._walk`` is the definition; the compiled module is a translation of it. Every
stored page (fixtures, held-out pages, the malformed corpus, a replica site in both layouts)
and a few awkward constructions are indexed by both, and everything the walk records is
compared: the lines (their block, keys, runs, text), every element's end key, the tail keys,
the chrome boxes, and the tree itself (the walk writes a "\\n" after each <br>).

Without a build the comparison cannot run: the test skips, saying why, except where
``VCARE_REQUIRE_COMPILED`` is set (``.ci/run`` sets it), where that is a failure.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import warnings
from pathlib import Path
from typing import Any

import lxml
import pytest
from lxml import etree

from crawler.pages import PageParseError, compiled, dom
from crawler.pages.encoding import decode_html
from tests.pages.corpus import replica_pages, stored_pages
from tests.pages.test_malformed import URL

# What the stored pages may lack: nesting deeper than the precomputed key steps, names with a
# prefix, an unknown tag, <br> runs, attributes that name chrome only by id or role.
AWKWARD = {
    "deep": "<html><body>" + "<div><span>x</span>" * 600 + "y" + "</div>" * 600 + "</body></html>",
    "prefixed": "<html><body><p>Word <o:p>pasted</o:p> text<st1:date>2024-11-18</st1:date>"
                "</p><svg:rect>no</svg:rect>tail</body></html>",
    "breaks": "<html><body><p>one<br>two<br/><br>  <br>three</p>after<br></body></html>",
    "attributes": '<html><body><div id="main-nav"><a href="/">Home</a></div>'
                  '<div role="search">q</div><div class="x" id="footer_links">f</div>'
                  '<section role="main" class="">body</section><custom-tag a=b>c</custom-tag>'
                  "</body></html>",
    "no body": "<p>just a paragraph</p> and a tail",
    # What the markup hides, written every way the two hidden-element tests must agree on.
    "hidden": '<html><body><p style="color:red; DISPLAY : None">a</p><p style="display:block">'
              'b</p><div hidden>c</div><div class="x hidden y">d<span style="display:none">e'
              '</span></div><div class="hidden md:block">f</div><div class="w-condition-'
              'invisible">g</div><div class="hide-me">h</div><p style="display:&#110;one">i'
              '</p><nav style="display:none"><a href="/x">X</a></nav><span class="invisible">j'
              '</span><p class="\thide\n">k</p><p style="display:">l</p><p style>m</p>'
              '<p class>n</p><p class="foo\u3000hidden">o</p><p class="hidden\xa0">p</p>'
              '<p style="display:\xa0none">q</p><p style="di\u017fplay:none">r</p>'
              '<p style="display:\vnone">s</p><p style="Display :\n NONE">t</p>tail</body></html>',
    # Runs that str.strip() empties but that are not ASCII blanks (the compiled walk reads
    # ASCII-blank runs without making strings), and ASCII blanks of every kind.
    "unicode blanks": "<html><body><p>a</p>\u3000<p>\xa0</p><span>\x1c\x1f</span>"
                      "<b>\u2028</b>\x85<i> \t\r\n\f\v</i>&nbsp;<em>&#12288;</em>"
                      "<p>x<br>\xa0<br> </p></body></html>",
}


def _pages() -> list[tuple[str, str, str]]:
    """(name, url, text); bytes that are not text are left out (they never reach the walk)."""
    pages = stored_pages() + [(f"awkward/{name}", URL, body) for name, body in AWKWARD.items()]
    pages += replica_pages(seed=3, articles=30, name="replica")
    texts = []
    for name, url, body in pages:
        with contextlib.suppress(PageParseError):
            texts.append((name, url, decode_html(body)))
    return texts


PAGES = _pages()


def _index(url: str, text: str) -> dict[str, Any] | None:
    """Everything the walk records about one fresh parse of ``text``, by element position."""
    root = dom.parse_tree(text)
    if root is None:
        return None
    doc = dom.Document(url, root)
    where = doc.position.get
    return {
        "lines": [
            (where(line.block), line.start, line.end, line.raw, line.words, line.keys,
             line.text, line.spaced, line.related, line.sidebar, line.copyright)
            for line in doc.lines
        ],
        "ends": sorted((where(element), key) for element, key in doc._ends.items()),
        "tails": sorted((where(element), key) for element, key in doc._tails.items()),
        "chrome": [where(element) for element in doc._marked_chrome],
        "tree": etree.tostring(root, encoding="unicode"),
    }


@pytest.fixture(scope="module")
def compiled_walk():
    if dom._COMPILED_WALK is None:
        reason = f"the compiled walk is not in use: {dom.WALK}"
        if os.environ.get("VCARE_REQUIRE_COMPILED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return dom._COMPILED_WALK


def test_the_stored_pages_include_every_kind(compiled_walk) -> None:
    kinds = {name.split("/")[0] for name, _, _ in PAGES}
    assert kinds == {"pages", "pages_heldout", "malformed", "awkward", "replica"}
    assert len(PAGES) > 150


@pytest.mark.parametrize(("name", "url", "text"), PAGES, ids=[name for name, _, _ in PAGES])
def test_compiled_and_python_walks_build_the_same_index(
    compiled_walk, monkeypatch: pytest.MonkeyPatch, name: str, url: str, text: str
) -> None:
    found = _index(url, text)
    monkeypatch.setattr(dom, "_COMPILED_WALK", None)
    expected = _index(url, text)
    assert found == expected


def test_compiled_and_python_find_the_same_hidden_elements(compiled_walk) -> None:
    compared = 0
    for _, _, text in PAGES:
        try:
            root = etree.fromstring(text, parser=dom._PARSER)
        except (etree.ParserError, ValueError, etree.XMLSyntaxError):
            continue
        if root is None:
            continue
        found = compiled_walk.hidden_elements(root)
        assert found == dom.hidden_elements(root)
        compared += bool(found)
    assert compared >= 10  # pages that hide something (13 today), the awkward case among them


def test_a_walk_built_for_another_lxml_is_refused() -> None:
    problem = compiled.build_mismatch("0.0.1", "")
    assert problem is not None and f"lxml {lxml.__version__} is installed" in problem


def test_a_walk_built_from_an_older_source_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "_walk.pyx"
    source.write_bytes(b"# edited after the build\n")
    built_from = hashlib.sha256(b"# as built\n").hexdigest()
    problem = compiled.build_mismatch(lxml.__version__, built_from, source)
    assert problem == "the compiled walk was built from an older _walk.pyx"
    current = hashlib.sha256(source.read_bytes()).hexdigest()
    assert compiled.build_mismatch(lxml.__version__, current, source) is None


def test_an_installed_build_without_its_source_is_trusted(tmp_path: Path) -> None:
    assert compiled.build_mismatch(lxml.__version__, "anything", tmp_path / "absent.pyx") is None


def test_a_walk_that_is_not_built_means_the_python_walk_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        module, description = compiled.load_walk("crawler.pages._no_such_walk")
    assert module is None and description == "python (the compiled walk is not built)"


def test_a_walk_that_does_not_load_is_reported(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken_walk.py").write_text("raise ImportError('undefined symbol: xmlFree')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(RuntimeWarning, match="does not load.*xmlFree"):
        module, description = compiled.load_walk("broken_walk")
    assert module is None and "undefined symbol" in description


def test_vcare_pure_python_turns_the_compiled_walk_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VCARE_PURE_PYTHON", "1")
    module, description = compiled.load_walk()
    assert module is None and "VCARE_PURE_PYTHON" in description


@pytest.mark.parametrize("value", ["", "0"])
def test_vcare_pure_python_empty_or_zero_leaves_the_choice_to_the_build(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("VCARE_PURE_PYTHON", value)
    assert not compiled.pure_python_asked()


def test_a_walk_whose_own_import_is_missing_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "walk_needing_more.py").write_text("import no_such_dependency_here\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(RuntimeWarning, match="does not load.*no_such_dependency_here"):
        module, _ = compiled.load_walk("walk_needing_more")
    assert module is None


def test_the_loaded_walk_matches_its_source_and_lxml(compiled_walk) -> None:
    built_from, built_for = compiled_walk.SOURCE_SHA256, compiled_walk.BUILT_FOR_LXML
    assert built_from == hashlib.sha256(compiled.SOURCE.read_bytes()).hexdigest()
    assert built_for == lxml.__version__
