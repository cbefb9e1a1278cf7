"""The dev dock (F12, simulated devices only): drives the simulation control API over
loopback HTTP from a worker, never from the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.workers import Workers
from simulation.client import request_json

CARD_FIXTURES = (
    "resident",
    "long_term",
    "expired",
    "rare_name",
    "face_mismatch",
    "foreign_permanent",
    "hk_macao_taiwan",
)
"""The fixture cards of ``assets/sim/id_cards`` (refreshed from the API when it answers)."""
CARD_FAULTS: tuple[str, ...] = (
    "checksum_error",
    "read_failure",
    "sam_self_test_failure",
    "silence",
    "garbage",
    "cut_frame",
)
"""Reader faults the dock offers: the emulator's ``Fault`` names, in its order (a test keeps
them equal; not imported, so the UI does not load the emulator)."""
CAMERA_SOURCES = ("face", "document", "qr_medium", "blank")
PLATFORM_COMMANDS = ("refresh_catalogue", "out_of_service", "back_in_service", "restart_app",
                     "upload_logs")
"""What the simulated platform can queue for the terminal (the contract's commands)."""
GESTURE_TAPS = 5
"""The hidden maintenance gesture: taps on the header's corner (``header_corner``)."""
"""What the dock can show to the camera (fixtures of ``assets/sim/camera``)."""
DOCUMENT_SOURCES = ("document", "blank")
"""What the dock can show to the document camera (fixtures of ``assets/sim/camera``)."""
A4_SETTINGS: tuple[tuple[str, str, object], ...] = (
    ("paper", "ok", "ok"),
    ("paper", "low", "low"),
    ("paper", "out", "out"),
    ("door", "open", "open"),
    ("door", "closed", "closed"),
    ("toner", "ok", "ok"),
    ("toner", "low", "low"),
    ("toner", "empty", "empty"),
    ("online", "off", False),
    ("online", "on", True),
    ("fail_next", "jam", "media-jam"),
    ("fail_next", "paper_out", "media-empty"),
)
"""The A4 printer's dock buttons: (setting, button id, value sent to ``/sim/a4-printer``)."""

PAYMENT_CODES = {
    "wechat": "134567890123456789",
    "alipay": "284567890123456789",
    "invalid": "6901234567892",
}
"""What the dock shows the scanner on the payment screen: a WeChat Pay and an Alipay payment
code, and a product barcode (EAN-13) that is no payment code."""


class DevDockViewModel(QObject):
    """Buttons of the dev dock: each sends one control-API request from a worker."""

    changed = Signal()

    def __init__(self, base_url: str, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base_url = base_url
        self._workers = workers
        self._fixtures: list[str] = list(CARD_FIXTURES)
        self._last = ""

    @Property(list, notify=changed)
    def fixtures(self) -> list[str]:
        """Fixture card names."""
        return self._fixtures

    @Property(list, constant=True)
    def cardFaults(self) -> list[str]:  # noqa: N802
        """Reader fault names."""
        return list(CARD_FAULTS)

    @Property(list, constant=True)
    def cameraSources(self) -> list[str]:  # noqa: N802
        """What can be shown to the camera."""
        return list(CAMERA_SOURCES)

    @Property(list, constant=True)
    def documentSources(self) -> list[str]:  # noqa: N802
        """What can be shown to the document camera."""
        return list(DOCUMENT_SOURCES)

    @Property(list, constant=True)
    def a4Settings(self) -> list[str]:  # noqa: N802
        """The A4 printer's buttons, as ``setting.id``."""
        return [f"{setting}.{id_}" for setting, id_, _ in A4_SETTINGS]

    @Property(str, notify=changed)
    def lastResult(self) -> str:  # noqa: N802
        """The outcome of the latest request, for the technician."""
        return self._last

    def _send(self, method: str, path: str, body: Any = None) -> None:
        self._run(f"{method} {path}", lambda: request_json(self._base_url, method, path, body))

    def _run(self, label: str, work: Callable[[], tuple[int, Any]]) -> None:
        def done(result: tuple[int, Any]) -> None:
            status, reply = result
            self._last = f"{label} → {status}" + ("" if status < 300 else f" {reply}")
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self._last = f"{label} failed: {error}"
            self.changed.emit()

        self._workers.submit(work, done, failed)

    @Slot()
    def refresh(self) -> None:
        """Ask the API for the fixture names."""

        def done(result: tuple[int, Any]) -> None:
            status, reply = result
            if status == 200 and isinstance(reply, list):
                self._fixtures = [str(r) for r in reply]
                self.changed.emit()

        self._workers.submit(
            lambda: request_json(self._base_url, "GET", "/sim/id-card/fixtures"),
            done,
            lambda _: None,
        )

    @Slot(str)
    def placeCard(self, fixture: str) -> None:  # noqa: N802
        """Put a fixture card on the reader."""
        self._send("POST", "/sim/id-card", {"fixture": fixture})

    @Slot()
    def removeCard(self) -> None:  # noqa: N802
        """Take the card away."""
        self._send("DELETE", "/sim/id-card")

    @Slot(str)
    def cardFault(self, fault: str) -> None:  # noqa: N802
        """Make the reader misbehave; an empty name clears its faults."""
        if fault:
            self._send("POST", "/sim/id-card/fault", {"fault": fault})
        else:
            self._send("DELETE", "/sim/id-card/fault")

    @Slot(str)
    def scan(self, text: str) -> None:
        """The scanner reads ``text``."""
        if text:
            self._send("POST", "/sim/scanner", {"text": text})

    @Slot(str)
    def scanPaymentCode(self, wallet: str) -> None:  # noqa: N802
        """The scanner reads a payment code of ``wallet`` (or ``invalid``, no payment code)."""
        self.scan(PAYMENT_CODES.get(wallet, ""))

    @Slot()
    def payOnPhone(self) -> None:  # noqa: N802
        """模拟手机支付: the citizen pays the order on screen (QR code, or confirms a charge)."""
        self._send("POST", "/sim/payment/paid")

    @Slot(str)
    def nextCharge(self, outcome: str) -> None:  # noqa: N802
        """The next payment-code charge ends ``declined``, ``pending``, ``paid`` or ``timeout``."""
        self._send("POST", "/sim/payment/next-charge", {"outcome": outcome})

    @Slot()
    def loseNextAnswer(self) -> None:  # noqa: N802
        """The next charge is made, but its answer is lost on the way back."""
        self._send("POST", "/sim/payment/lose-answer")

    @Slot(str)
    def showCamera(self, source: str) -> None:  # noqa: N802
        """Show a fixture to the camera."""
        self._send("POST", "/sim/camera", {"source": source})

    @Slot(str)
    def printerPaper(self, paper: str) -> None:  # noqa: N802
        """Paper ``ok``, ``low`` or ``out``."""
        self._send("POST", "/sim/printer", {"paper": paper})

    @Slot(bool)
    def printerCover(self, cover_open: bool) -> None:  # noqa: N802
        """Open or close the printer cover."""
        self._send("POST", "/sim/printer", {"cover": "open" if cover_open else "closed"})

    @Slot(bool)
    def platformOnline(self, online: bool) -> None:  # noqa: N802
        """Take the simulated platform off line or back."""
        self._send("POST", "/sim/platform", {"online": online})

    @Slot()
    def fillChosenSlot(self) -> None:  # noqa: N802
        """Book every place left of the slot chosen on the appointment screens (others took
        it), so that 确认预约 meets ``slot_full``."""
        self._send("POST", "/sim/appointments/fill-chosen")
    def advanceApplications(self) -> None:  # noqa: N802
        """推进办件状态: every application under way on the simulated platform takes its next
        step."""
        self._send("POST", "/sim/platform/advance", {})

    @Slot(str)
    def a4Printer(self, button: str) -> None:  # noqa: N802
        """One A4 printer button (``setting.id`` of :data:`A4_SETTINGS`)."""
        for setting, id_, value in A4_SETTINGS:
            if button == f"{setting}.{id_}":
                self._send("POST", "/sim/a4-printer", {setting: value})
                return

    @Slot(str)
    def showDocument(self, source: str) -> None:  # noqa: N802
        """Show a fixture to the document camera."""
        self._send("POST", "/sim/document-camera", {"source": source})

    @Slot(str)
    def documentCameraFault(self, fault: str) -> None:  # noqa: N802
        """Make the document camera misbehave (``black``, ``frozen``, ``no_device``); an empty
        name clears its faults (for the maintenance self-test's failures)."""
        if fault:
            self._send("POST", "/sim/document-camera/fault", {"fault": fault})
        else:
            self._send("DELETE", "/sim/document-camera/fault")
    @Property(list, constant=True)
    def platformCommands(self) -> list[str]:  # noqa: N802
        """Commands the simulated platform can queue."""
        return list(PLATFORM_COMMANDS)

    @Slot()
    def maintenanceGesture(self) -> None:  # noqa: N802
        """维护模式: tap the header's corner five times, as a technician does."""

        def taps() -> tuple[int, Any]:
            for _ in range(GESTURE_TAPS):
                status, reply = request_json(
                    self._base_url, "POST", "/ui/tap", {"object_name": "header_corner"}
                )
                if status >= 300:
                    return status, reply
            return status, reply

        self._run("maintenance gesture", taps)

    @Slot(str)
    def queueCommand(self, command: str) -> None:  # noqa: N802
        """Queue a platform command for this terminal, then have the kiosk beat at once."""

        def queue_and_beat() -> tuple[int, Any]:
            status, reply = request_json(
                self._base_url, "POST", "/sim/platform/commands", {"command": command}
            )
            if status >= 300:
                return status, reply
            return request_json(self._base_url, "POST", "/sim/heartbeat")

        self._run(f"command {command}", queue_and_beat)
