"""The scheduler's configuration: what to crawl when, from options, environment and a file.

Every option comes from, in order of precedence, the command line, an environment variable, a
TOML config file (``--config FILE`` or ``$VCARE_SCHEDULE_CONFIG``, keyed by the long option
names) or the defaults; ``--every``/``--cron`` and ``--full-every``/``--full-cron`` are one
choice each. ``load_config`` returns a validated ``ScheduleConfig``, and any bad value is a
one-line ``UserError``. Durations (``30s``, ``1h30m``), crontab expressions (day of week as in
crontab(5), translated for APScheduler 3) and time zones are read here too.
See ``docs/scheduler.md``.
"""

from __future__ import annotations

import argparse
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.errors import UserError

DEFAULT_EVERY = "6h"
DEFAULT_TIME_LIMIT = "2h"
DEFAULT_GRACE = "30s"

# option name (the long option and the config-file key) -> environment variable
ENV_VARS = {
    "every": "VCARE_SCHEDULE_EVERY",
    "cron": "VCARE_SCHEDULE_CRON",
    "jitter": "VCARE_SCHEDULE_JITTER",
    "run-now": "VCARE_SCHEDULE_RUN_NOW",
    "timezone": "VCARE_SCHEDULE_TIMEZONE",
    "full-every": "VCARE_SCHEDULE_FULL_EVERY",
    "full-cron": "VCARE_SCHEDULE_FULL_CRON",
    "start-urls": "VCARE_START_URLS",
    "db-url": "VCARE_DB_URL",
    "time-limit": "VCARE_SCHEDULE_TIME_LIMIT",
    "grace": "VCARE_SCHEDULE_GRACE",
    "log-dir": "VCARE_SCHEDULE_LOG_DIR",
}
ENV_CONFIG = "VCARE_SCHEDULE_CONFIG"
FILE_KEYS = (*ENV_VARS, "set")
# Within one pair, the source with the highest precedence that sets either option decides.
EXCLUSIVE = (("every", "cron"), ("full-every", "full-cron"))


# --- durations, crontab, time zones -------------------------------------------------------

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str | int | float) -> float:
    """Seconds in ``30s``, ``15m``, ``6h``, ``1d``, ``1h30m`` or a plain number of seconds."""
    if isinstance(text, bool):
        raise ValueError(f"expected a duration, got {text!r}")
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        compact = text.strip().lower().replace(" ", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", compact):
            seconds = float(compact)
        elif compact and _DURATION_PART.sub("", compact) == "":
            parts = _DURATION_PART.findall(compact)
            seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in parts)
        else:
            raise ValueError(f"invalid duration {text!r}: expected e.g. 30s, 15m, 6h, 1d")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"invalid duration {text!r}: must be zero or more seconds")
    return seconds


_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _crontab_weekdays(part: str) -> set[int]:
    """Standard crontab day numbers (0 and 7 = Sunday) in one comma-separated part."""
    match = re.fullmatch(r"(\*|\w+)(?:-(\w+))?(?:/(\d+))?", part.lower())
    if not match:
        raise ValueError(f"invalid day of week {part!r}")
    first, last, step = match.groups()

    def day(token: str) -> int:
        if token.isdigit() and int(token) <= 7:
            return int(token) % 7 if token != "7" else 7
        if token[:3] in _WEEKDAYS and len(token) == 3:
            return _WEEKDAYS.index(token)
        raise ValueError(f"invalid day of week {token!r}")

    if first == "*":
        low, high = 0, 6
    else:
        low = day(first)
        high = day(last) if last else (6 if step else low)
    if low > high:
        raise ValueError(f"invalid day-of-week range {part!r}")
    return {d % 7 for d in range(low, high + 1, int(step or 1))}


def standard_crontab(expr: str) -> str:
    """``expr`` with its day-of-week field in names, so that 0 means Sunday as in crontab(5).

    APScheduler 3's ``from_crontab`` reads weekday numbers with 0 = Monday; names are
    unambiguous.
    """
    fields = expr.split()
    if len(fields) != 5:
        raise ValueError(f"expected 5 fields (minute hour day month weekday), got {len(fields)}")
    if fields[4] != "*":
        days: set[int] = set()
        for part in fields[4].split(","):
            days |= _crontab_weekdays(part)
        fields[4] = ",".join(_WEEKDAYS[d] for d in sorted(days))
    return " ".join(fields)


def cron_trigger(expr: str, tz: tzinfo, jitter: float):
    from apscheduler.triggers.cron import CronTrigger

    trigger = CronTrigger.from_crontab(standard_crontab(expr), timezone=tz)
    trigger.jitter = jitter or None
    return trigger


def interval_trigger(seconds: float, tz: tzinfo, jitter: float):
    from apscheduler.triggers.interval import IntervalTrigger

    return IntervalTrigger(seconds=seconds, timezone=tz, jitter=jitter or None)


def parse_timezone(name: str) -> tzinfo:
    if name.strip().upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: expected e.g. UTC or Asia/Shanghai"
        ) from None


# --- configuration: CLI > environment > config file > defaults ----------------------------


@dataclass(frozen=True)
class ScheduleConfig:
    every: float | None = None  # seconds; exactly one of every/cron is set
    cron: str | None = None
    jitter: float = 0.0
    run_now: bool = False
    timezone: str = "UTC"
    full_every: float | None = None  # the optional full-crawl job; at most one of the two
    full_cron: str | None = None
    start_urls: tuple[str, ...] = ()
    db_url: str | None = None
    time_limit: float = 7200.0
    grace: float = 30.0
    settings: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None

    @property
    def tz(self) -> tzinfo:
        return parse_timezone(self.timezone)

    def when(self, mode: str) -> tuple[float | None, str | None]:
        """(every, cron) of the ``mode`` job: "incremental" or "full"."""
        return (
            (self.every, self.cron) if mode == "incremental" else (self.full_every, self.full_cron)
        )

    def trigger(self, mode: str):
        """The APScheduler trigger of the ``mode`` job, or None when that job is off."""
        every, cron = self.when(mode)
        if cron:
            return cron_trigger(cron, self.tz, self.jitter)
        if every:
            return interval_trigger(every, self.tz, self.jitter)
        return None


Sourced = tuple[object, str]  # (raw value, where it came from, for error messages)


def cli_values(args: argparse.Namespace) -> dict[str, Sourced]:
    values = {}
    for name in ENV_VARS:
        value = getattr(args, name.replace("-", "_"), None)
        if value is not None:
            values[name] = (value, f"--{name}")
    if getattr(args, "set", None):
        values["set"] = (args.set, "-s")
    return values


def env_values(environ: Mapping[str, str]) -> dict[str, Sourced]:
    return {
        name: (environ[var], f"${var}")
        for name, var in ENV_VARS.items()
        if environ.get(var, "").strip()
    }


def file_values(path: str | Path) -> dict[str, Sourced]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UserError(f"cannot read config file {str(path)!r}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"invalid TOML in config file {str(path)!r}: {exc}") from None
    values = {}
    for key, value in data.items():
        name = key.replace("_", "-")
        if name not in FILE_KEYS:
            raise UserError(
                f"unknown key {key!r} in config file {str(path)!r}: expected {', '.join(FILE_KEYS)}"
            )
        values[name] = (value, f"{key} in {path}")
    return values


def layered(*sources: dict[str, Sourced]) -> dict[str, Sourced]:
    """One value per option from ``sources``, highest precedence first; ``set`` is merged."""
    merged: dict[str, Sourced] = {}
    for name in ENV_VARS:
        group = next((g for g in EXCLUSIVE if name in g), (name,))
        for source in sources:
            if any(option in source for option in group):
                if name in source:
                    merged[name] = source[name]
                break
    settings: dict[str, str] = {}
    for source in reversed(sources):
        if "set" in source:
            settings.update(parse_settings(*source["set"]))
    if settings:
        merged["set"] = (settings, "settings")
    return merged


def parse_settings(raw: object, where: str) -> dict[str, str]:
    if isinstance(raw, dict):
        pairs = [(str(k), v) for k, v in raw.items()]
    elif isinstance(raw, list | tuple):
        pairs = []
        for entry in raw:
            name, sep, value = str(entry).partition("=")
            if not sep:
                raise UserError(f"invalid setting {entry!r} for {where}: expected NAME=VALUE")
            pairs.append((name, value))
    else:
        raise UserError(f"invalid {where}: expected a table of NAME = VALUE")
    for name, _ in pairs:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name.strip()):
            raise UserError(f"invalid setting name {name!r} for {where}")
    return {name.strip(): str(value) for name, value in pairs}


def build_config(values: dict[str, Sourced]) -> ScheduleConfig:
    """A validated ``ScheduleConfig``; any bad value is a one-line ``UserError``."""

    def get(name: str, default: object = None) -> object:
        return values[name][0] if name in values else default

    def where(name: str) -> str:
        return values[name][1] if name in values else f"--{name}"

    def duration(name: str, default: str | None, *, positive: bool) -> float | None:
        raw = get(name, default)
        if raw is None:
            return None
        try:
            seconds = parse_duration(raw)  # type: ignore[arg-type]
        except ValueError as exc:
            raise UserError(f"{where(name)}: {exc}") from None
        if positive and seconds <= 0:
            raise UserError(f"{where(name)}: the duration must be more than zero")
        return seconds

    for pair in EXCLUSIVE:
        if all(name in values for name in pair):
            a, b = (values[name][1] for name in pair)
            raise UserError(f"{a} and {b} both given: use one of them")
    timezone = str(get("timezone", "UTC"))
    try:
        tz = parse_timezone(timezone)
    except ValueError as exc:
        raise UserError(f"{where('timezone')}: {exc}") from None
    cron, full_cron = (str(get(n)) if get(n) is not None else None for n in ("cron", "full-cron"))
    for name, expr in (("cron", cron), ("full-cron", full_cron)):
        if expr is not None:
            try:
                cron_trigger(expr, tz, 0)
            except ValueError as exc:
                raise UserError(f"{where(name)}: invalid cron expression {expr!r}: {exc}") from None
    config = ScheduleConfig(
        every=None if cron else duration("every", DEFAULT_EVERY, positive=True),
        cron=cron,
        jitter=duration("jitter", "0", positive=False) or 0.0,
        run_now=parse_bool(get("run-now", False), where("run-now")),
        timezone=timezone,
        full_every=duration("full-every", None, positive=True),
        full_cron=full_cron,
        start_urls=parse_start_urls(get("start-urls"), where("start-urls")),
        db_url=str(get("db-url")) if get("db-url") else None,
        time_limit=duration("time-limit", DEFAULT_TIME_LIMIT, positive=True) or 0.0,
        grace=duration("grace", DEFAULT_GRACE, positive=False) or 0.0,
        settings=dict(get("set", {})),  # type: ignore[call-overload]
        log_dir=Path(str(get("log-dir"))) if get("log-dir") else None,
    )
    return config


def parse_bool(raw: object, where: str) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise UserError(f"{where}: expected true or false, got {raw!r}")


def parse_start_urls(raw: object, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    urls = raw.split(",") if isinstance(raw, str) else [str(u) for u in raw]  # type: ignore[attr-defined]
    urls = [u.strip() for u in urls if u.strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(f"{where}: invalid start URL {url!r}: expected http(s)://host/...")
    return tuple(urls)


def load_config(args: argparse.Namespace, environ: Mapping[str, str]) -> ScheduleConfig:
    """The configuration from the options, the environment and the config file, in that order."""
    config_path = getattr(args, "config", None) or environ.get(ENV_CONFIG, "").strip() or None
    from_file = file_values(config_path) if config_path else {}
    return build_config(layered(cli_values(args), env_values(environ), from_file))
