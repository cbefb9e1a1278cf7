"""The operations tables of config/default.toml parse, and bad values name their key."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from drivers.config import ConfigError
from kiosk import config
from kiosk.config import embedded_default, merge
from kiosk.maintenance.pin import hash_pin, pin_matches
from kiosk.operations.settings import parse_ops
from kiosk.telemetry.exporter import ListenAddress

DATA = Path("/var/lib/kiosk")


DEV_PIN = "123456"
"""The documented PIN of the embedded default (the dev dock's 维护模式)."""


def test_the_embedded_default_has_the_dev_pin_no_exporter_and_a_log_file() -> None:
    ops = parse_ops(embedded_default(), DATA)
    assert pin_matches(ops.maintenance.pin_hash, DEV_PIN)
    assert ops.maintenance.max_failures == 5
    assert ops.maintenance.lockout_s == 300
    assert ops.heartbeat_interval_s == 60
    assert ops.telemetry.metrics_listen is None
    assert ops.telemetry.log_file == DATA / "logs" / "kiosk.jsonl"
    assert ops.audit_dir == DATA / "audit"
    assert ops.state_dir == DATA / "operations"


def test_a_site_sets_the_pin_and_the_exporter() -> None:
    pin_hash = hash_pin("246810", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    site = {"maintenance": {"pin_hash": pin_hash}, "telemetry": {"metrics_listen": "10.0.0.5:9464"}}
    ops = parse_ops(merge(embedded_default(), site), DATA)
    assert ops.maintenance.pin_hash == pin_hash
    assert ops.telemetry.metrics_listen == ListenAddress("10.0.0.5", 9464)


@pytest.mark.parametrize(
    ("override", "key"),
    [
        ({"maintenance": {"pin_hash": "246810"}}, "maintenance.pin_hash"),
        ({"maintenance": {"max_failures": 0}}, "maintenance.max_failures"),
        ({"operations": {"heartbeat_interval_s": "60"}}, "operations.heartbeat_interval_s"),
        ({"telemetry": {"metrics_listen": "anywhere"}}, "telemetry.metrics_listen"),
        ({"audit": {"max_bytes": True}}, "audit.max_bytes"),
        ({"audit": []}, "[audit]"),
    ],
)
def test_a_bad_value_names_its_key(override: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        parse_ops(merge(embedded_default(), override), DATA)


@pytest.mark.parametrize("profile", config.profiles(), ids=lambda path: path.stem)
def test_no_terminal_profile_keeps_the_dev_pin(profile: Path) -> None:
    with profile.open("rb") as f:
        layered = merge(embedded_default(), tomllib.load(f))
    assert parse_ops(layered, DATA).maintenance.pin_hash == ""
