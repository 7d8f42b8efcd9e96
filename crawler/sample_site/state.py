"""The replica's mutable state: a directory holding ``state.json``.

The file remembers how the base site was generated (articles per edition, seed) and the list of
changes made since, in order::

    {"version": 1, "articles": 60, "seed": 1,
     "changes": [{"op": "add", "language": "en", "count": 3},
                 {"op": "edit", "news_id": "1988441189910183936"}]}

Replaying the changes on the base site gives the current site, so the site stays a pure
function of this file. Writes go through a temporary file and ``os.replace``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from crawler.errors import UserError

STATE_FILE = "state.json"
DEFAULT_ARTICLES = 60
DEFAULT_SEED = 1


@dataclass
class State:
    articles: int
    seed: int
    changes: list[dict] = field(default_factory=list)

    def to_json(self) -> str:
        data = {"version": 1, "articles": self.articles, "seed": self.seed, "changes": self.changes}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def state_path(state_dir: str | os.PathLike) -> Path:
    return Path(state_dir) / STATE_FILE


def read_state(state_dir: str | os.PathLike) -> State | None:
    path = state_path(state_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read replica state {path}: {exc}") from exc
    try:
        return State(int(data["articles"]), int(data["seed"]), list(data.get("changes", [])))
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"replica state {path} is malformed: {exc}") from exc


def write_state(state_dir: str | os.PathLike, state: State) -> None:
    path = state_path(state_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(state.to_json(), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"cannot write replica state {path}: {exc}") from exc


def resolve_state(
    state_dir: str | os.PathLike | None, articles: int | None, seed: int | None
) -> State:
    """The state to build from: the directory's, created from the arguments if missing.

    Arguments that contradict an existing state directory are an error, not silently ignored.
    """
    if articles is not None and articles < 1:
        raise UserError(f"--articles must be at least 1, got {articles}")
    wanted = State(
        DEFAULT_ARTICLES if articles is None else articles,
        DEFAULT_SEED if seed is None else seed,
    )
    if state_dir is None:
        return wanted
    existing = read_state(state_dir)
    if existing is None:
        write_state(state_dir, wanted)
        return wanted
    for name, given in (("articles", articles), ("seed", seed)):
        if given is not None and given != getattr(existing, name):
            raise UserError(
                f"--{name} {given} contradicts the state in {state_dir} "
                f"({name}={getattr(existing, name)})"
            )
    return existing
