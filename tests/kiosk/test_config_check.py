"""A terminal's configuration is checked before the window opens: each mistake is one clear
line, and a fit configuration yields none."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from drivers.base import DeviceClass
from kiosk import config
from kiosk.config_check import ConfigProblem, check_terminal, is_terminal

HALL = config.shipped_config_dir() / config.PROFILES_DIR_NAME / "hall.toml"


def private_file(path: Path, mode: int = 0o640) -> Path:
    path.write_text("x", encoding="utf-8")
    path.chmod(mode)
    return path


@pytest.fixture
def terminal(tmp_path: Path) -> config.Config:
    """The hall profile with a site file whose every file exists with the right modes."""
    etc = tmp_path / "etc"
    etc.mkdir()
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    data.chmod(0o700)
    for name in ("ca.pem", "terminal.pem"):
        private_file(etc / name, 0o644)
    for name in ("terminal.key", "terminal.secret"):
        private_file(etc / name)
    site = tmp_path / "site.toml"
    site.write_text(
        f'[terminal]\ndata_dir = "{data}"\n'
        '[platform]\nbase_url = "https://zwfw.example.gov.cn/kiosk"\n'
        f'ca_file = "{etc / "ca.pem"}"\nclient_cert = "{etc / "terminal.pem"}"\n'
        f'client_key = "{etc / "terminal.key"}"\nsecret_file = "{etc / "terminal.secret"}"\n',
        encoding="utf-8",
    )
    return config.load([HALL, site])


def with_platform(cfg: config.Config, **changes: object) -> config.Config:
    return dataclasses.replace(cfg, platform=dataclasses.replace(cfg.platform, **changes))


def keys(problems: list[ConfigProblem]) -> list[str]:
    return [problem.key for problem in problems]


def test_a_complete_terminal_configuration_has_no_problem(terminal: config.Config) -> None:
    assert check_terminal(terminal) == []


def test_only_full_screen_runs_without_simulate_are_terminals(terminal: config.Config) -> None:
    assert is_terminal(terminal, simulate=False)
    assert not is_terminal(terminal, simulate=True)
    assert not is_terminal(config.load(), simulate=False)


def test_each_problem_is_one_line_naming_the_setting() -> None:
    problem = ConfigProblem("platform.ca_file", "/etc/kiosk/ca.pem does not exist")
    assert str(problem) == "platform.ca_file: /etc/kiosk/ca.pem does not exist"


@pytest.mark.parametrize("key", ["ca_file", "client_cert", "client_key", "secret_file"])
def test_a_missing_file_is_named(terminal: config.Config, key: str) -> None:
    path = getattr(terminal.platform, key)
    path.unlink()
    problems = check_terminal(terminal)
    assert keys(problems) == [f"platform.{key}"]
    assert str(path) in str(problems[0])
    assert "\n" not in str(problems[0])


def test_an_unset_ca_is_a_problem(terminal: config.Config) -> None:
    assert keys(check_terminal(with_platform(terminal, ca_file=None))) == ["platform.ca_file"]


def test_a_certificate_without_its_key_is_a_problem(terminal: config.Config) -> None:
    problems = check_terminal(with_platform(terminal, client_key=None))
    assert keys(problems) == ["platform.client_cert"]


def test_no_client_certificate_at_all_is_allowed(terminal: config.Config) -> None:
    assert check_terminal(with_platform(terminal, client_cert=None, client_key=None)) == []


@pytest.mark.parametrize("key", ["client_key", "secret_file"])
def test_a_secret_every_user_can_read_is_a_problem(terminal: config.Config, key: str) -> None:
    getattr(terminal.platform, key).chmod(0o644)
    problems = check_terminal(terminal)
    assert keys(problems) == [f"platform.{key}"]
    assert "mode 644" in str(problems[0])


@pytest.mark.parametrize(
    "url", ["https://127.0.0.1:8443", "https://localhost/api", "https://[::1]:8443"]
)
def test_the_simulated_platforms_loopback_address_is_a_problem(
    terminal: config.Config, url: str
) -> None:
    problems = check_terminal(with_platform(terminal, base_url=url))
    assert keys(problems) == ["platform.base_url"]
    assert "site file" in str(problems[0])


def test_an_http_url_is_refused_when_the_config_is_loaded(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[platform]\nbase_url = "http://zwfw.example.gov.cn"\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"platform\.base_url must be an https://"):
        config.load([HALL, site])


def test_the_embedded_simulated_platform_is_a_problem(terminal: config.Config) -> None:
    problems = check_terminal(with_platform(terminal, embedded_simulator=True))
    assert keys(problems) == ["platform.embedded_simulator"]


def test_a_simulated_device_is_a_problem(terminal: config.Config) -> None:
    devices = dict(terminal.devices)
    reader = devices[DeviceClass.ID_CARD_READER]
    devices[DeviceClass.ID_CARD_READER] = dataclasses.replace(reader, driver="simulated")
    problems = check_terminal(dataclasses.replace(terminal, devices=devices))
    assert keys(problems) == ["devices.id_card_reader.driver"]


def test_a_disabled_simulated_device_is_no_problem(terminal: config.Config) -> None:
    devices = dict(terminal.devices)
    camera = devices[DeviceClass.CAMERA]
    devices[DeviceClass.CAMERA] = dataclasses.replace(camera, driver="simulated", enabled=False)
    assert check_terminal(dataclasses.replace(terminal, devices=devices)) == []


def test_every_device_simulated_means_the_control_api_too(terminal: config.Config) -> None:
    devices = {
        cls: dataclasses.replace(c, driver="simulated") for cls, c in terminal.devices.items()
    }
    problems = check_terminal(dataclasses.replace(terminal, devices=devices))
    assert "simulation.control_port" in keys(problems)
    assert len(problems) == sum(c.enabled for c in devices.values()) + 1  # disabled: unused


def test_a_missing_data_dir_is_a_problem(terminal: config.Config) -> None:
    terminal.terminal.data_dir.rmdir()
    assert keys(check_terminal(terminal)) == ["terminal.data_dir"]


@pytest.mark.parametrize("mode", [0o750, 0o755, 0o701])
def test_a_data_dir_others_can_enter_is_a_problem(terminal: config.Config, mode: int) -> None:
    terminal.terminal.data_dir.chmod(mode)
    problems = check_terminal(terminal)
    assert keys(problems) == ["terminal.data_dir"]
    assert "chmod 700" in str(problems[0])


def test_a_data_dir_of_another_user_is_a_problem(terminal: config.Config) -> None:
    other = os.geteuid() + 1
    problems = check_terminal(terminal, uid=lambda: other)
    assert keys(problems) == ["terminal.data_dir"]
    assert f"uid {other}" in str(problems[0])


def test_every_problem_is_reported_at_once(terminal: config.Config) -> None:
    terminal.platform.ca_file.unlink()
    terminal.terminal.data_dir.chmod(0o755)
    problems = check_terminal(with_platform(terminal, embedded_simulator=True))
    assert keys(problems) == [
        "platform.embedded_simulator", "platform.ca_file", "terminal.data_dir"
    ]


def test_a_logo_the_profile_names_must_exist(terminal: config.Config, tmp_path: Path) -> None:
    missing = dataclasses.replace(terminal.branding, logo=tmp_path / "nope.png")
    problems = check_terminal(dataclasses.replace(terminal, branding=missing))
    assert keys(problems) == ["branding.logo"]
    shipped = config.load([config.shipped_config_dir() / "profiles" / "bank_branch.toml"])
    present = dataclasses.replace(terminal, branding=shipped.branding)
    assert check_terminal(present) == []
