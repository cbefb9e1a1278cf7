"""USB printer-class transport through pyusb (imported on open, so it stays optional).

The ``usblp`` kernel driver may hold the device; it is detached on open. Access normally needs
a udev rule granting the kiosk user the printer's vendor/product id.
"""

from __future__ import annotations

from typing import Any

from drivers.printer.transports.base import PrinterConnection, TransportError


class UsbTransport(PrinterConnection):
    """A USB printer found by vendor and product id, talking on its bulk endpoints."""

    def __init__(self, vendor_id: int, product_id: int, write_timeout_s: float = 10.0) -> None:
        self._vendor_id = vendor_id
        self._product_id = product_id
        self._write_timeout_ms = int(write_timeout_s * 1000)
        self._device: Any = None
        self._out: Any = None
        self._in: Any = None

    @property
    def description(self) -> str:
        """``usb:VVVV:PPPP``."""
        return f"usb:{self._vendor_id:04x}:{self._product_id:04x}"

    @property
    def is_open(self) -> bool:
        """True once the bulk endpoints are claimed."""
        return self._device is not None

    def open(self) -> None:
        """Find the device, detach ``usblp``, configure it and pick the bulk endpoints."""
        try:
            import usb.core
            import usb.util
        except ImportError as error:
            raise TransportError("USB printing needs pyusb (pip install pyusb)") from error
        try:
            device = usb.core.find(idVendor=self._vendor_id, idProduct=self._product_id)
            if device is None:
                raise TransportError(f"no USB printer {self.description} (cable, power, udev?)")
            if device.is_kernel_driver_active(0):
                device.detach_kernel_driver(0)
            device.set_configuration()
            interface = device.get_active_configuration()[(0, 0)]
            self._out = usb.util.find_descriptor(
                interface,
                custom_match=lambda e: (
                    usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_OUT
                ),
            )
            self._in = usb.util.find_descriptor(
                interface,
                custom_match=lambda e: (
                    usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_IN
                ),
            )
        except usb.core.USBError as error:
            raise TransportError(f"cannot open {self.description}: {error}") from error
        if self._out is None:
            raise TransportError(f"{self.description} has no bulk OUT endpoint")
        self._device = device

    def close(self) -> None:
        """Release the device."""
        device, self._device = self._device, None
        if device is not None:
            import usb.util

            usb.util.dispose_resources(device)

    def write(self, data: bytes) -> None:
        """Bulk-write everything."""
        if self._device is None:
            raise TransportError(f"{self.description} is not open")
        import usb.core

        try:
            self._out.write(data, self._write_timeout_ms)
        except usb.core.USBError as error:
            raise TransportError(f"write to {self.description} failed: {error}") from error

    def read(self, size: int, timeout_s: float) -> bytes:
        """Bulk-read up to ``size`` bytes; a timeout reads as nothing."""
        if self._device is None or self._in is None:
            return b""
        import usb.core

        try:
            return bytes(self._in.read(max(size, self._in.wMaxPacketSize), int(timeout_s * 1000)))[
                :size
            ]
        except usb.core.USBTimeoutError:
            return b""
        except usb.core.USBError as error:
            raise TransportError(f"read from {self.description} failed: {error}") from error

    def discard_input(self) -> None:
        """Drain pending IN packets without waiting long."""
        while self.read(64, 0.01):
            pass
