"""Where the scheduler's settings come from: options > environment > config file > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

import scheduler
from crawler.errors import UserError
from crawler.schedule_config import load_config


def config(argv: list[str], env: dict[str, str] | None = None):
    return load_config(scheduler.build_parser().parse_args(argv), env or {})


def write_toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schedule.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_crawl_incrementally_every_six_hours_in_utc():
    result = config([])
    assert (result.every, result.cron, result.full_every, result.full_cron) == (
        21600,
        None,
        None,
        None,
    )
    assert (result.timezone, result.run_now, result.jitter) == ("UTC", False, 0)
    assert (result.time_limit, result.grace) == (7200, 30)
    assert (result.start_urls, result.db_url, result.settings, result.log_dir) == (
        (),
        None,
        {},
        None,
    )


def test_config_file_overrides_defaults(tmp_path):
    path = write_toml(
        tmp_path,
        'every = "15m"\njitter = 30\nrun-now = true\ntimezone = "Asia/Shanghai"\n'
        'full-cron = "0 3 * * 0"\nstart-urls = ["http://a.example/", "http://b.example/"]\n'
        'db-url = "sqlite:///x.sqlite3"\ntime_limit = "1h"\ngrace = 10\nlog-dir = "logs"\n'
        "[set]\nDOWNLOAD_DELAY = 2\n",
    )
    result = config(["--config", str(path)])
    assert (result.every, result.jitter, result.run_now, result.timezone) == (
        900,
        30,
        True,
        "Asia/Shanghai",
    )
    assert result.full_cron == "0 3 * * 0"
    assert result.start_urls == ("http://a.example/", "http://b.example/")
    assert (result.db_url, result.time_limit, result.grace) == ("sqlite:///x.sqlite3", 3600, 10)
    assert (result.log_dir, result.settings) == (Path("logs"), {"DOWNLOAD_DELAY": "2"})


def test_environment_overrides_config_file(tmp_path):
    path = write_toml(tmp_path, 'every = "15m"\ngrace = "10s"\ndb-url = "sqlite:///file.db"\n')
    env = {
        "VCARE_SCHEDULE_EVERY": "1h",
        "VCARE_DB_URL": "sqlite:///env.db",
        "VCARE_START_URLS": "http://a.example/,http://b.example/",
    }
    result = config(["--config", str(path)], env)
    assert (result.every, result.grace, result.db_url) == (3600, 10, "sqlite:///env.db")
    assert result.start_urls == ("http://a.example/", "http://b.example/")


def test_options_override_environment_and_file(tmp_path):
    path = write_toml(tmp_path, 'every = "15m"\ntimezone = "Europe/Berlin"\n')
    env = {"VCARE_SCHEDULE_EVERY": "1h", "VCARE_SCHEDULE_TIMEZONE": "Asia/Shanghai"}
    result = config(["--config", str(path), "--every", "30s", "--timezone", "UTC"], env)
    assert (result.every, result.timezone) == (30, "UTC")


def test_cron_option_replaces_an_interval_from_the_environment():
    result = config(["--cron", "0 */6 * * *"], {"VCARE_SCHEDULE_EVERY": "1h"})
    assert (result.every, result.cron) == (None, "0 */6 * * *")


def test_interval_from_environment_replaces_cron_from_file(tmp_path):
    path = write_toml(tmp_path, 'cron = "0 3 * * *"\n')
    result = config(["--config", str(path)], {"VCARE_SCHEDULE_EVERY": "1h"})
    assert (result.every, result.cron) == (3600, None)


def test_config_file_named_by_environment_is_read(tmp_path):
    path = write_toml(tmp_path, 'every = "2h"\n')
    assert config([], {"VCARE_SCHEDULE_CONFIG": str(path)}).every == 7200


def test_settings_merge_with_options_winning(tmp_path):
    path = write_toml(tmp_path, '[set]\nDOWNLOAD_DELAY = 2\nLOG_LEVEL = "INFO"\n')
    result = config(["--config", str(path), "-s", "LOG_LEVEL=DEBUG", "-s", "X=a=b"])
    assert result.settings == {"DOWNLOAD_DELAY": "2", "LOG_LEVEL": "DEBUG", "X": "a=b"}


def test_run_now_from_environment_can_be_turned_off_by_option():
    env = {"VCARE_SCHEDULE_RUN_NOW": "yes"}
    assert config([], env).run_now is True
    assert config(["--no-run-now"], env).run_now is False


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--every", "1h", "--cron", "0 * * * *"], {}, "--every and --cron both given"),
        (["--full-every", "1d", "--full-cron", "0 3 * * *"], {}, "both given"),
        (["--every", "soon"], {}, "--every: invalid duration 'soon'"),
        (["--time-limit", "0"], {}, "--time-limit: the duration must be more than zero"),
        ([], {"VCARE_SCHEDULE_GRACE": "-1s"}, "$VCARE_SCHEDULE_GRACE: invalid duration"),
        (["--cron", "61 * * * *"], {}, "--cron: invalid cron expression '61 * * * *'"),
        (["--full-cron", "0 3 * *"], {}, "--full-cron: invalid cron expression"),
        (["--timezone", "Europe/Atlantis"], {}, "--timezone: unknown time zone"),
        (["--start-urls", "ftp://x/"], {}, "invalid start URL 'ftp://x/'"),
        (["-s", "DOWNLOAD_DELAY"], {}, "expected NAME=VALUE"),
        ([], {"VCARE_SCHEDULE_RUN_NOW": "maybe"}, "expected true or false"),
    ],
)
def test_invalid_setting_is_one_clear_error(argv, env, message):
    with pytest.raises(UserError) as caught:
        config(argv, env)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert caught.value.exit_code == 2


def test_unknown_key_in_config_file_is_rejected(tmp_path):
    path = write_toml(tmp_path, 'evry = "1h"\n')
    with pytest.raises(UserError, match="unknown key 'evry'"):
        config(["--config", str(path)])


def test_malformed_config_file_is_rejected(tmp_path):
    path = write_toml(tmp_path, "every = \n")
    with pytest.raises(UserError, match="invalid TOML"):
        config(["--config", str(path)])


def test_missing_config_file_is_rejected(tmp_path):
    with pytest.raises(UserError, match="cannot read config file"):
        config(["--config", str(tmp_path / "absent.toml")])
