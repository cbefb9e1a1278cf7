"""Typed device options: a wrong type names the key; TOML booleans are not numbers."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass
from drivers.config import ConfigError, DeviceConfig


def config(**options: object) -> DeviceConfig:
    return DeviceConfig(DeviceClass.RECEIPT_PRINTER, "escpos", options)


def test_absent_options_take_their_defaults() -> None:
    assert config().int_option("baud", 9600) == 9600
    assert config().float_option("status_poll_interval_s", 2) == 2.0
    assert config().optional_str_option("host") is None


def test_ints_are_accepted_where_a_number_is_asked() -> None:
    assert config(status_poll_interval_s=3).float_option("status_poll_interval_s", 2.0) == 3.0


@pytest.mark.parametrize(
    ("options", "read"),
    [
        ({"baud": True}, lambda c: c.int_option("baud", 9600)),
        ({"baud": "fast"}, lambda c: c.int_option("baud", 9600)),
        ({"baud": 1.5}, lambda c: c.int_option("baud", 9600)),
        ({"baud": False}, lambda c: c.float_option("baud", 1.0)),
        ({"baud": 1}, lambda c: c.bool_option("baud", False)),
        ({"baud": 3}, lambda c: c.str_option("baud", "")),
        ({"baud": 3}, lambda c: c.optional_str_option("baud")),
    ],
)
def test_wrong_types_are_refused_naming_the_key(options: dict[str, object], read: object) -> None:
    with pytest.raises(ConfigError, match=r"devices\.receipt_printer\.baud"):
        read(config(**options))  # type: ignore[operator]
