"""Layered TOML configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.base import DeviceClass
from drivers.camera.emulator import FIXTURE_DIR as CAMERA_FIXTURES
from drivers.config import ConfigError
from drivers.id_card.fixtures import fixtures as id_card_fixtures
from entry.backend import PLATFORM_SIM_DIR
from kiosk import config
from kiosk.uptime import RestartPolicy

PROFILES = config.profiles()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_default_config_is_fully_simulated() -> None:
    cfg = config.load()
    assert cfg.platform.embedded_simulator
    assert {c.driver for c in cfg.devices.values()} == {"simulated"}
    assert cfg.devices[DeviceClass.ID_CARD_READER].float_option("poll_interval_s", 1) == 0.3


def test_the_shipped_config_is_read_from_the_config_package() -> None:
    directory = config.shipped_config_dir()
    assert (directory / config.DEFAULT_CONFIG_NAME).is_file()
    assert {path.stem for path in PROFILES} >= {"hall", "bank_branch"}
    assert all(path.parent == directory / config.PROFILES_DIR_NAME for path in PROFILES)


def test_later_layers_override_key_by_key() -> None:
    merged = config.merge({"a": {"x": 1, "y": 2}, "b": 1}, {"a": {"y": 3}})
    assert merged == {"a": {"x": 1, "y": 3}, "b": 1}


def test_simulate_forces_every_driver_to_its_simulator() -> None:
    raw = config.merge(dict(config.load().raw), {"devices": {"id_card_reader": {"driver": "sam"}}})
    assert config.parse(raw).devices[DeviceClass.ID_CARD_READER].driver == "sam"
    assert (
        config.parse(raw, simulate=True).devices[DeviceClass.ID_CARD_READER].driver == "simulated"
    )


def test_wrong_type_names_the_key() -> None:
    raw = config.merge(dict(config.load().raw), {"simulation": {"control_port": "x"}})
    with pytest.raises(ConfigError, match=r"simulation\.control_port"):
        config.parse(raw)


def test_unknown_device_class_is_refused() -> None:
    raw = config.merge(dict(config.load().raw), {"devices": {"fax": {"driver": "x"}}})
    with pytest.raises(ConfigError, match=r"devices\.fax"):
        config.parse(raw)


def test_an_unreadable_or_malformed_file_is_a_config_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(ConfigError, match=r"missing\.toml"):
        config.load([missing])
    broken = write(tmp_path / "broken.toml", "[terminal\n")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        config.load([broken])


# --- where the data directory is ----------------------------------------------------------


def test_in_a_checkout_the_data_home_is_var_beside_the_packages() -> None:
    root = config.checkout_root()
    assert root is not None
    assert (root / "pyproject.toml").is_file()
    assert config.default_data_home() == root / "var"


def test_installed_the_data_home_is_the_users_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(config, "checkout_root", lambda: None)
    monkeypatch.setenv("HOME", str(tmp_path))
    default = tmp_path / ".local" / "share" / "gov-kiosk"
    assert config.default_data_home({}) == default
    assert config.default_data_home({"XDG_DATA_HOME": ""}) == default
    assert config.default_data_home({"XDG_DATA_HOME": "relative/dir"}) == default
    assert config.default_data_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data/gov-kiosk")


def test_a_relative_data_dir_is_taken_from_the_data_home(tmp_path: Path) -> None:
    assert config.load(data_home=tmp_path).terminal.data_dir == tmp_path
    site = write(tmp_path / "site.toml", '[terminal]\ndata_dir = "kiosk-7"\n')
    cfg = config.load([site], data_home=tmp_path)
    assert cfg.terminal.data_dir == tmp_path / "kiosk-7"
    assert cfg.platform.secret_file == tmp_path / "kiosk-7" / "platform-sim" / "terminal.secret"


# --- the platform is reached over HTTPS only -----------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://platform.gov.cn", "ftp://platform.gov.cn", "platform.gov.cn", "https:///api"]
)
def test_a_site_file_with_a_base_url_that_is_not_https_is_refused_naming_it(
    tmp_path: Path, url: str
) -> None:
    site = write(tmp_path / "site.toml", f'[platform]\nbase_url = "{url}"\n')
    with pytest.raises(ConfigError, match=r"site\.toml: platform\.base_url must be an https://"):
        config.load([site])


def test_an_https_base_url_is_accepted(tmp_path: Path) -> None:
    site = write(tmp_path / "site.toml", '[platform]\nbase_url = "HTTPS://gov.example:8443/x"\n')
    assert config.load([site]).platform.base_url == "HTTPS://gov.example:8443/x"


@given(scheme=st.from_regex(r"[A-Za-z][A-Za-z0-9+.-]{0,9}", fullmatch=True), rest=st.text())
def test_no_scheme_but_https_is_a_platform_url(scheme: str, rest: str) -> None:
    problem = config.insecure_url_problem(f"{scheme}://{rest}")
    if scheme.lower() != "https":
        assert problem is not None


@given(st.text())
def test_any_text_is_accepted_only_as_an_https_url(text: str) -> None:
    if config.insecure_url_problem(text) is None:
        assert text.lower().startswith("https://")


def test_parse_refuses_a_plain_http_base_url_naming_the_key() -> None:
    raw = config.merge(dict(config.load().raw), {"platform": {"base_url": "http://10.0.0.1"}})
    with pytest.raises(ConfigError, match=r"platform\.base_url must be an https://"):
        config.parse(raw)


# --- every shipped profile ---------------------------------------------------------------


@pytest.mark.parametrize("profile", PROFILES, ids=lambda path: path.stem)
def test_deployment_profiles_use_real_drivers_and_no_embedded_platform(profile: Path) -> None:
    cfg = config.load([profile])
    assert not cfg.platform.embedded_simulator
    assert "simulated" not in {c.driver for c in cfg.devices.values()}
    assert cfg.platform.client_cert is not None


@pytest.mark.parametrize("profile", PROFILES, ids=lambda path: path.stem)
def test_every_profile_runs_on_the_embedded_default_with_simulate(
    profile: Path, tmp_path: Path
) -> None:
    cfg = config.load([profile], simulate=True, data_home=tmp_path)
    assert {c.driver for c in cfg.devices.values()} == {"simulated"}
    assert cfg.platform.embedded_simulator
    assert cfg.platform.client_cert is None and cfg.platform.client_key is None
    assert cfg.terminal.data_dir == tmp_path
    generated = tmp_path / PLATFORM_SIM_DIR
    assert cfg.platform.secret_file.parent == generated
    assert cfg.platform.ca_file is not None and cfg.platform.ca_file.parent == generated
    card = cfg.devices[DeviceClass.ID_CARD_READER].str_option("fixture", "")
    assert card == "" or card in id_card_fixtures()
    camera = cfg.devices[DeviceClass.CAMERA].str_option("fixture", "blank")
    assert any(CAMERA_FIXTURES.glob(f"{camera}.*"))


def test_simulate_uses_the_simulation_data_dir_not_the_terminals(tmp_path: Path) -> None:
    site = write(
        tmp_path / "site.toml",
        '[terminal]\ndata_dir = "/var/lib/kiosk"\n[simulation]\ndata_dir = "sim"\n',
    )
    assert config.load([site], data_home=tmp_path).terminal.data_dir == Path("/var/lib/kiosk")
    simulated = config.load([site], simulate=True, data_home=tmp_path)
    assert simulated.terminal.data_dir == tmp_path / "sim"


def test_the_embedded_default_never_restarts_and_the_profiles_restart_nightly() -> None:
    assert config.load().terminal.restart == RestartPolicy(0.0, None)
    for profile in PROFILES:
        assert config.load([profile]).terminal.restart == RestartPolicy(12.0, (2, 5))


def test_restart_hours_empty_means_any_hour(tmp_path: Path) -> None:
    site = write(tmp_path / "site.toml", "[terminal]\nrestart_after_h = 3\nrestart_hours = []\n")
    assert config.load([site]).terminal.restart == RestartPolicy(3.0, None)


@pytest.mark.parametrize(
    "line",
    ["restart_after_h = -1", "restart_hours = [2]", "restart_hours = [2, 24]",
     'restart_hours = ["2", "5"]', "restart_hours = [true, 5]", "restart_after_h = \"12\""],
)
def test_a_bad_restart_setting_names_the_key(tmp_path: Path, line: str) -> None:
    site = write(tmp_path / "site.toml", f"[terminal]\n{line}\n")
    with pytest.raises(ConfigError, match=r"terminal\.restart_"):
        config.load([site])


def test_the_renderer_is_software_by_default_and_only_a_known_one() -> None:
    assert config.load().terminal.renderer == "software"
    raw = config.merge(dict(config.load().raw), {"terminal": {"renderer": "vulkan"}})
    with pytest.raises(ConfigError, match=r"terminal\.renderer"):
        config.parse(raw)
