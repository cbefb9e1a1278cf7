"""Builds the receipt printer from config: ``"escpos"`` (a real printer) or ``"simulated"``.

Simulated starts :class:`ReceiptPrinterEmulator` and connects the real ESC/POS driver to it through
the emulator's pty, so the simulated kiosk exercises the same bytes and status path as a real one.
"""

from __future__ import annotations

from drivers.config import ConfigError, DeviceConfig
from drivers.manager import SIMULATED_DRIVER, BuiltDevice
from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.printer import EscPosPrinter
from drivers.printer.settings import PrinterSettings
from drivers.printer.transports.base import PrinterConnection
from drivers.printer.transports.network import NetworkTransport
from drivers.printer.transports.serial_port import SerialTransport
from drivers.printer.transports.usb import UsbTransport

REAL_DRIVER = "escpos"


def make_transport(settings: PrinterSettings) -> PrinterConnection:
    """The transport the settings' ``connection`` names."""
    timings = settings.timings
    if settings.connection == "network":
        if not settings.host:
            raise ConfigError("devices.receipt_printer.host: required for a network printer")
        return NetworkTransport(
            settings.host, settings.tcp_port, timings.connect_timeout_s, timings.write_timeout_s
        )
    if settings.connection == "usb":
        if not (settings.usb_vendor_id and settings.usb_product_id):
            raise ConfigError(
                "devices.receipt_printer.usb_vendor_id/usb_product_id: required for a USB printer"
            )
        return UsbTransport(
            settings.usb_vendor_id, settings.usb_product_id, timings.write_timeout_s
        )
    return SerialTransport(settings.port, settings.baud, timings.write_timeout_s)


def build(config: DeviceConfig) -> BuiltDevice:
    """The printer device, plus its emulator when the driver is ``"simulated"``."""
    settings = PrinterSettings.from_config(config)
    if config.driver == REAL_DRIVER:
        printer = EscPosPrinter(make_transport(settings), settings.profile, settings.timings)
        return BuiltDevice(printer)
    if config.driver == SIMULATED_DRIVER:
        emulator = ReceiptPrinterEmulator(
            settings.receipts_dir,
            settings.profile.encoding,
            settings.emulator_tcp_port or None,
            profile=settings.profile,
        )
        transport = SerialTransport(emulator.port, settings.baud, settings.timings.write_timeout_s)
        return BuiltDevice(EscPosPrinter(transport, settings.profile, settings.timings), emulator)
    raise ConfigError(
        f"devices.receipt_printer.driver: expected {REAL_DRIVER!r} or {SIMULATED_DRIVER!r}, "
        f"got {config.driver!r}"
    )
