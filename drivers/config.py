"""Per-device configuration as the HAL receives it: a driver name and its options.

The kiosk's TOML config (``[devices.<class>]`` tables) is parsed in ``kiosk.config`` and handed
down as :class:`DeviceConfig`; each driver package turns ``options`` into its own typed
settings with the readers below, so a wrong type names the key that is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from drivers.base import DeviceClass


class ConfigError(ValueError):
    """A device option is missing or of the wrong type; the message names the key."""


@dataclass(frozen=True)
class DeviceConfig:
    """One ``[devices.<class>]`` table: which driver to use and its options."""

    device_class: DeviceClass
    driver: str
    options: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True

    def _get(self, key: str, default: Any, kinds: tuple[type, ...]) -> Any:
        value = self.options.get(key, default)
        bool_for_number = isinstance(value, bool) and bool not in kinds
        if bool_for_number or not isinstance(value, kinds):
            raise ConfigError(
                f"devices.{self.device_class}.{key}: expected {kinds[0].__name__}, "
                f"got {type(value).__name__}"
            )
        return value

    def str_option(self, key: str, default: str) -> str:
        """A string option, or ``default`` when absent."""
        return str(self._get(key, default, (str,)))

    def optional_str_option(self, key: str) -> str | None:
        """A string option that may be absent (``None``)."""
        value = self.options.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ConfigError(f"devices.{self.device_class}.{key}: expected str")
        return value

    def int_option(self, key: str, default: int) -> int:
        """An integer option, or ``default`` when absent."""
        return int(self._get(key, default, (int,)))

    def float_option(self, key: str, default: float) -> float:
        """A number option (int or float in TOML), or ``default`` when absent."""
        return float(self._get(key, default, (float, int)))

    def bool_option(self, key: str, default: bool) -> bool:
        """A boolean option, or ``default`` when absent."""
        return bool(self._get(key, default, (bool,)))
