"""Which body walk (and hidden-element scan) the parser runs: the compiled ones
(``_walk.pyx``) when they can be trusted.

The compiled module is an optional build product (setup.py): a machine without a C compiler,
``VCARE_PURE_PYTHON=1``, or a build that no longer matches what is installed falls back to
the Python twins in ``dom.py``, which give the same answers for about 20 % more instructions
per page (benchmarks/results_parse.md). Two
mismatches are mistakes worth a warning rather than a quiet fallback, because a stale build
would hide an edit or read a tree laid out differently:

- ``_walk.pyx`` was edited after the build (editable installs build next to the source);
- lxml was upgraded or downgraded after the build, or pip built it in its isolated build
  environment against a newer lxml than the one installed (the module reads lxml's C
  structures). ``pip install --no-build-isolation`` builds against the installed one; the
  ``dev`` extra brings Cython for that.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import warnings
from pathlib import Path
from types import ModuleType

import lxml

SOURCE = Path(__file__).with_name("_walk.pyx")


def load_walk(name: str = "crawler.pages._walk") -> tuple[ModuleType | None, str]:
    """(the compiled walk module or None, a description of the walk in use)."""
    if pure_python_asked():
        return None, "python (VCARE_PURE_PYTHON is set)"
    try:
        # Not "from crawler.pages import _walk": while the package is being imported, a
        # missing module comes out of that as a plain ImportError, like a broken build.
        _walk = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:
            return None, "python (the compiled walk is not built)"
        problem = f"the compiled walk does not load ({error})"  # something it imports
    except Exception as error:  # built, but it cannot load here (a missing symbol, or
        # Cython's check of lxml's type sizes: a ValueError)
        problem = f"the compiled walk does not load ({error})"
    else:
        problem = build_mismatch(_walk.BUILT_FOR_LXML, _walk.SOURCE_SHA256)
    if problem:
        warnings.warn(f"vcare-news: {problem}; using the Python walk. Rebuild it against the "
                      "installed lxml: pip install --no-build-isolation -e '.[dev]'",
                      RuntimeWarning, stacklevel=2)
        return None, f"python ({problem})"
    return _walk, "compiled"


def pure_python_asked() -> bool:
    """``VCARE_PURE_PYTHON`` set to anything but empty or "0"."""
    return os.environ.get("VCARE_PURE_PYTHON", "") not in ("", "0")


def build_mismatch(built_for_lxml: str, source_sha256: str,
                   source: Path = SOURCE) -> str | None:
    """What makes a compiled walk unusable, or None. ``source`` is absent from a wheel
    install, whose build cannot be stale."""
    if built_for_lxml != lxml.__version__:
        return (f"the compiled walk was built for lxml {built_for_lxml}, "
                f"lxml {lxml.__version__} is installed")
    if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != source_sha256:
        return f"the compiled walk was built from an older {source.name}"
    return None
