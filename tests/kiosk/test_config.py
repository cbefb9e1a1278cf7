"""Layered TOML configuration."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass
from drivers.config import ConfigError
from kiosk import config


def test_default_config_is_fully_simulated() -> None:
    cfg = config.load()
    assert cfg.platform.embedded_simulator
    assert {c.driver for c in cfg.devices.values()} == {"simulated"}
    assert cfg.devices[DeviceClass.ID_CARD_READER].float_option("poll_interval_s", 1) == 0.3


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


@pytest.mark.parametrize("profile", ["hall", "bank_branch"])
def test_deployment_profiles_use_real_drivers_and_no_embedded_platform(profile: str) -> None:
    cfg = config.load([config.CONFIG_DIR / "profiles" / f"{profile}.toml"])
    assert not cfg.platform.embedded_simulator
    assert "simulated" not in {c.driver for c in cfg.devices.values()}
    assert cfg.platform.client_cert is not None
