"""Builds the optional compiled body walk and hidden-element scan
(``crawler/pages/_walk.pyx``); all other packaging is declared in pyproject.toml.

Without a C compiler the build goes on without it and the parser uses the same code in
Python (``crawler/pages/dom.py``): the same answers for about 20 % more instructions per
page. ``VCARE_PURE_PYTHON=1`` at install time skips it on purpose.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
SOURCE = Path("crawler/pages/_walk.pyx")  # relative: setuptools wants project-relative paths


def compiled_walk() -> list[Extension]:
    if os.environ.get("VCARE_PURE_PYTHON", "") not in ("", "0"):
        return []
    if not (ROOT / SOURCE).exists():  # an sdist made without MANIFEST.in
        print(f"vcare-news: {SOURCE} is missing; the Python walk is used")
        return []
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError as error:  # a build without pip's isolated build environment
        print(f"vcare-news: not compiling the body walk ({error}); the Python one is used")
        return []
    # The module carries the SHA-256 of the source it was built from, so that an edited
    # _walk.pyx is never silently shadowed by an old build (crawler/pages/compiled.py).
    generated = ROOT / "build" / "vcare-walk"
    generated.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256((ROOT / SOURCE).read_bytes()).hexdigest()
    (generated / "vcare_walk_source.h").write_text(
        f'#define VCARE_WALK_SOURCE_SHA256 "{digest}"\n', encoding="ascii"
    )
    extension = Extension(
        "crawler.pages._walk", [str(SOURCE)], include_dirs=[str(generated), *lxml.get_include()]
    )
    extensions = cythonize([extension], build_dir=str(generated), quiet=True,
                           compiler_directives={"language_level": 3})
    for built in extensions:  # cythonize makes new Extensions and drops this flag
        built.optional = True  # no compiler: a warning, and the install goes on
    return extensions


setup(ext_modules=compiled_walk())
