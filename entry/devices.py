"""The terminal's devices as the app builds them: config tables and factories."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path

from drivers.base import DeviceClass
from drivers.config import DeviceConfig
from drivers.manager import BuiltDevice, Factory, load_factory
from kiosk.config import Config


def device_configs(config: Config) -> dict[DeviceClass, DeviceConfig]:
    """The device tables with the printer simulator's relative ``receipts_dir`` taken from the
    data directory (like every other file the kiosk writes), not from the working directory."""
    configs = dict(config.devices)
    printer = configs.get(DeviceClass.RECEIPT_PRINTER)
    receipts = printer.options.get("receipts_dir") if printer is not None else None
    if printer is not None and isinstance(receipts, str) and not Path(receipts).is_absolute():
        options = {**printer.options, "receipts_dir": str(config.terminal.data_dir / receipts)}
        configs[DeviceClass.RECEIPT_PRINTER] = dataclasses.replace(printer, options=options)
    return configs


def device_factories(
    configs: Mapping[DeviceClass, DeviceConfig],
) -> Callable[[DeviceClass], Factory]:
    """The :class:`DeviceManager`'s ``factory_for``: the camera is built before the QR
    scanner, whichever is asked for first, so the ``camera`` scanner driver can decode its
    frames; every other class uses its factory module."""
    built: dict[str, BuiltDevice | None] = {}

    def camera() -> BuiltDevice | None:
        if "camera" not in built:
            config = configs.get(DeviceClass.CAMERA)
            built["camera"] = None
            if config is not None and config.enabled:
                built["camera"] = load_factory(DeviceClass.CAMERA)(config)
        return built["camera"]

    def build_scanner(config: DeviceConfig) -> BuiltDevice:
        from entry import backend  # the slow imports (cv2), reached after the first frame

        source = camera()
        return backend.build_scanner(config, source.device if source is not None else None)

    def build_camera(config: DeviceConfig) -> BuiltDevice:
        return camera() or load_factory(DeviceClass.CAMERA)(config)

    def factory_for(device_class: DeviceClass) -> Factory:
        if device_class is DeviceClass.CAMERA:
            return build_camera
        if device_class is DeviceClass.QR_SCANNER:
            return build_scanner
        return load_factory(device_class)

    return factory_for
