"""Builds the A4 printer from ``[devices.a4_printer]``: ``"ipp"`` (a CUPS queue or network
printer at ``uri``) or ``"simulated"`` (the real IPP driver talking to
:class:`A4PrinterEmulator` on a loopback port)."""

from __future__ import annotations

from pathlib import Path

from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.a4_printer.ipp import IppClient, IppError, http_url
from drivers.a4_printer.printer import IppA4Printer
from drivers.a4_printer.types import A4Timings
from drivers.config import ConfigError, DeviceConfig
from drivers.manager import SIMULATED_DRIVER, BuiltDevice

REAL_DRIVER = "ipp"
DEFAULT_URI = "ipp://localhost:631/printers/A4"


def timings_from(config: DeviceConfig) -> A4Timings:
    """The driver's delays from the config table."""
    return A4Timings(
        request_timeout_s=config.float_option("request_timeout_s", 5.0),
        job_poll_s=config.float_option("job_poll_interval_s", 0.5),
        job_timeout_s=config.float_option("job_timeout_s", 300.0),
        status_poll_s=config.float_option("status_poll_interval_s", 5.0),
    )


def build(config: DeviceConfig) -> BuiltDevice:
    """The A4 printer, plus its simulator when the driver is ``"simulated"``."""
    timings = timings_from(config)
    if config.driver == REAL_DRIVER:
        uri = config.str_option("uri", DEFAULT_URI)
        try:
            http_url(uri)
        except IppError as error:
            raise ConfigError(f"devices.a4_printer.uri: {error}") from None
        return BuiltDevice(IppA4Printer(IppClient(uri, timings.request_timeout_s), timings))
    if config.driver == SIMULATED_DRIVER:
        spool = config.str_option("spool_dir", "")
        simulator = A4PrinterEmulator(
            Path(spool) if spool else None, config.float_option("job_seconds", 1.0)
        )
        client = IppClient(simulator.uri, timings.request_timeout_s)
        return BuiltDevice(IppA4Printer(client, timings), simulator)
    raise ConfigError(
        f"devices.a4_printer.driver: expected {REAL_DRIVER!r} or {SIMULATED_DRIVER!r}, "
        f"got {config.driver!r}"
    )
