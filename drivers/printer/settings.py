"""The ``[devices.receipt_printer]`` options, read and checked once into typed settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from drivers.config import ConfigError, DeviceConfig
from drivers.printer.models import UnknownModelError, model_layout
from drivers.printer.profile import (
    COVERAGES,
    ENCODINGS,
    PAPER_DOTS,
    PrinterProfile,
)
from drivers.printer.types import PrinterTimings

Connection = Literal["serial", "usb", "network"]
CONNECTIONS: tuple[Connection, ...] = ("serial", "usb", "network")


@dataclass(frozen=True)
class PrinterSettings:
    """Everything the factory needs to build the printer (and its emulator when simulated)."""

    connection: Connection
    port: str
    baud: int
    host: str
    tcp_port: int
    usb_vendor_id: int
    usb_product_id: int
    profile: PrinterProfile
    timings: PrinterTimings
    receipts_dir: Path
    emulator_tcp_port: int

    @classmethod
    def from_config(cls, config: DeviceConfig) -> PrinterSettings:
        """Read and validate the options; a bad value raises :class:`ConfigError` naming it."""
        name = f"devices.{config.device_class}"
        connection = config.str_option("connection", "serial")
        if connection not in CONNECTIONS:
            raise ConfigError(f"{name}.connection: expected one of {', '.join(CONNECTIONS)}")
        encoding = config.str_option("encoding", "gb18030")
        if encoding not in ENCODINGS:
            raise ConfigError(f"{name}.encoding: expected one of {', '.join(ENCODINGS)}")
        coverage = config.str_option("font_coverage", "gbk")
        if coverage not in COVERAGES:
            raise ConfigError(f"{name}.font_coverage: expected one of {', '.join(COVERAGES)}")
        width = config.int_option("paper_width_mm", 80)
        if width not in PAPER_DOTS:
            raise ConfigError(f"{name}.paper_width_mm: expected 80 or 58")
        model = config.str_option("model", "default")
        try:
            layout = model_layout(model)
        except UnknownModelError as error:
            raise ConfigError(f"{name}.model: {error}") from None
        paper_dots = layout.paper_dots if layout else PAPER_DOTS[width]
        char_dots = layout.paper_dots // layout.columns if layout else PrinterProfile.char_dots
        return cls(
            connection=connection,
            port=config.str_option("port", "/dev/ttyS1"),
            baud=config.int_option("baud", 115200),
            host=config.str_option("host", ""),
            tcp_port=config.int_option("tcp_port", 9100),
            usb_vendor_id=config.int_option("usb_vendor_id", 0),
            usb_product_id=config.int_option("usb_product_id", 0),
            profile=PrinterProfile(
                encoding=encoding,
                font_coverage=coverage,
                paper_dots=paper_dots,
                char_dots=char_dots,
                model=model,
            ),
            timings=PrinterTimings(
                poll_interval_s=config.float_option("status_poll_interval_s", 2.0)
            ),
            receipts_dir=Path(config.str_option("receipts_dir", "var/sim-receipts")),
            emulator_tcp_port=config.int_option("emulator_tcp_port", 0),
        )
