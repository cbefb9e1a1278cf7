"""The site file a technician edits: checked before it is written, the previous one kept,
and read at the next start."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.config import ConfigError
from kiosk.config import Config, load
from kiosk.maintenance.site_config import (
    INVALID,
    NOT_HTTPS,
    REQUIRED,
    Refused,
    Saved,
    Unchanged,
    current_values,
    render_toml,
    save_site,
    saved_values,
    site_file,
    with_site_file,
)

NEW = {
    "terminal.terminal_id": "KIOSK-HALL-0007",
    "terminal.hall_name": "东城区政务服务中心",
    "terminal.hall_phone": "010-12345678",
    "platform.base_url": "https://gov.example.cn/api",
}


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return load(data_home=tmp_path)


def test_valid_values_are_saved_and_read_at_the_next_start(config: Config, tmp_path: Path) -> None:
    result = save_site(NEW, config, data_home=tmp_path)
    assert isinstance(result, Saved)
    assert result.path == site_file(config.terminal.data_dir)
    assert set(result.changed) == set(NEW)
    restarted = with_site_file(load(data_home=tmp_path), data_home=tmp_path)
    assert current_values(restarted) == NEW


def test_the_previous_site_file_is_kept(config: Config, tmp_path: Path) -> None:
    assert isinstance(save_site(NEW, config, data_home=tmp_path), Saved)
    first = site_file(config.terminal.data_dir).read_bytes()
    again = dict(NEW, **{"terminal.hall_phone": "010-87654321"})
    reloaded = with_site_file(config, data_home=tmp_path)
    result = save_site(again, reloaded, data_home=tmp_path)
    assert isinstance(result, Saved)
    assert result.changed == ("terminal.hall_phone",)
    assert (config.terminal.data_dir / "site.toml.prev").read_bytes() == first


@pytest.mark.parametrize(
    ("key", "value", "why"),
    [
        ("terminal.terminal_id", "", REQUIRED),
        ("terminal.hall_name", "   ", REQUIRED),
        ("terminal.hall_phone", "", REQUIRED),
        ("platform.base_url", "http://gov.example.cn", NOT_HTTPS),
        ("platform.base_url", "gov.example.cn", NOT_HTTPS),
    ],
)
def test_invalid_values_are_refused_and_the_file_left_alone(
    config: Config, tmp_path: Path, key: str, value: str, why: str
) -> None:
    assert isinstance(save_site(NEW, config, data_home=tmp_path), Saved)
    path = site_file(config.terminal.data_dir)
    before = path.read_bytes()
    result = save_site(dict(NEW, **{key: value}), config, data_home=tmp_path)
    assert result == Refused({key: why})
    assert path.read_bytes() == before
    assert not path.with_name("site.toml.prev").exists()


def test_values_as_configured_write_nothing(config: Config, tmp_path: Path) -> None:
    assert save_site(current_values(config), config, data_home=tmp_path) == Unchanged()
    assert not site_file(config.terminal.data_dir).exists()


def test_other_keys_of_the_site_file_are_kept(config: Config, tmp_path: Path) -> None:
    path = site_file(config.terminal.data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[terminal]\nhelp_window = "综合受理区 1 号窗口"\n', encoding="utf-8")
    assert isinstance(save_site(NEW, config, data_home=tmp_path), Saved)
    saved = tomllib.loads(path.read_text("utf-8"))
    assert saved["terminal"]["help_window"] == "综合受理区 1 号窗口"


def test_a_site_file_that_would_not_load_is_refused(config: Config, tmp_path: Path) -> None:
    path = site_file(config.terminal.data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[terminal]\nfullscreen = \"yes\"\n", encoding="utf-8")
    result = save_site(NEW, config, data_home=tmp_path)
    assert isinstance(result, Refused)
    assert result.problems == {"": INVALID}
    assert "fullscreen" in result.detail
    assert path.read_text("utf-8") == "[terminal]\nfullscreen = \"yes\"\n"


def test_a_site_file_may_not_move_the_data_directory(config: Config, tmp_path: Path) -> None:
    path = site_file(config.terminal.data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[terminal]\ndata_dir = "/elsewhere"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="data_dir"):
        with_site_file(config, data_home=tmp_path)


def test_no_site_file_leaves_the_configuration_as_it_is(config: Config, tmp_path: Path) -> None:
    assert with_site_file(config, data_home=tmp_path) is config


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40), st.text(max_size=40))
def test_any_text_is_saved_faithfully_or_refused(
    config: Config, tmp_path: Path, hall_name: str, phone: str
) -> None:
    values = dict(NEW, **{"terminal.hall_name": hall_name, "terminal.hall_phone": phone})
    result = save_site(values, config, data_home=tmp_path)
    if isinstance(result, Saved):
        saved = with_site_file(config, data_home=tmp_path)
        assert saved.terminal.hall_name == hall_name.strip()
        assert saved.terminal.hall_phone == phone.strip()
    else:
        assert isinstance(result, Refused | Unchanged)


def test_rendered_toml_reads_back() -> None:
    table = {
        "a": 1,
        "b": {"c": "x\"y\\z\n", "d": [1, 2.5, True], "e": {"f": False}},
        "odd key": {"g": "中文"},
    }
    assert tomllib.loads(render_toml(table)) == table


def test_saved_values_show_what_the_next_start_reads(config: Config, tmp_path: Path) -> None:
    assert saved_values(config) == current_values(config)
    assert isinstance(save_site(NEW, config, data_home=tmp_path), Saved)
    assert saved_values(config) == NEW
    assert save_site(NEW, config, data_home=tmp_path) == Unchanged()
