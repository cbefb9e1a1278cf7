"""[branding] and [services]: what a profile may say of its look and its offer, validated."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.config import ConfigError
from kiosk import config

PROFILE_DIR = config.shipped_config_dir() / config.PROFILES_DIR_NAME


def parsed(**tables: dict[str, Any]) -> config.Config:
    return config.parse(config.merge(dict(config.load().raw), tables), simulate=True)


def test_the_embedded_default_offers_everything_in_the_designed_look() -> None:
    cfg = config.load(simulate=True)
    assert cfg.services == config.ServiceSettings()
    assert cfg.branding == config.Branding()


def test_the_bank_profile_names_its_matters_tiles_logo_and_colours() -> None:
    cfg = config.load([PROFILE_DIR / "bank_branch.toml"], simulate=True)
    assert len(cfg.services.matters) == 11
    assert cfg.services.home_tiles == (
        "services", "certificate_print", "appointment", "progress", "reprint", "elderly_mode"
    )
    assert cfg.branding.logo is not None and cfg.branding.logo.is_file()
    assert cfg.branding.primary_color == "#A61B29"
    assert cfg.terminal.hall_name == "示例银行萧山城厢支行"


def test_the_township_profile_has_larger_text() -> None:
    cfg = config.load([PROFILE_DIR / "township.toml"], simulate=True)
    assert cfg.branding.text_scale > 1.0
    assert cfg.services.matters


@pytest.mark.parametrize(
    ("tables", "key"),
    [
        ({"branding": {"primary_color": "blue"}}, "branding.primary_color"),
        ({"branding": {"primary_light_color": "#12345"}}, "branding.primary_light_color"),
        ({"branding": {"text_scale": 2.0}}, "branding.text_scale"),
        ({"branding": {"text_scale": 0.8}}, "branding.text_scale"),
        ({"services": {"home_tiles": ["services", "lottery"]}}, "services.home_tiles"),
        ({"services": {"home_tiles": []}}, "services.home_tiles"),
        ({"services": {"home_tiles": ["services", "services"]}}, "services.home_tiles"),
        ({"services": {"matters": ["not a code"]}}, "services.matters"),
        ({"services": {"matters": [12]}}, "services.matters"),
    ],
)
def test_a_bad_look_or_offer_is_refused_naming_the_key(
    tables: dict[str, Any], key: str
) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        parsed(**tables)


@given(st.lists(st.sampled_from(config.HOME_TILES), min_size=1, unique=True))
def test_any_order_of_known_tiles_is_kept(tiles: list[str]) -> None:
    assert parsed(services={"home_tiles": tiles}).services.home_tiles == tuple(tiles)


@given(st.text(max_size=40))
def test_a_matter_code_is_accepted_only_in_the_contracts_shape(code: str) -> None:
    shaped = config.MATTER_CODE.fullmatch(code) is not None
    if shaped:
        assert parsed(services={"matters": [code]}).services.matters == {code}
    else:
        with pytest.raises(ConfigError):
            parsed(services={"matters": [code]})
