"""The maintenance screens' view-model (``maintenance`` in QML): the PIN pad and the panels.

The digits typed on the PIN pad stay here, never in a QML field, and are dropped as soon as
they are submitted or the screen is left. Everything else is pushed in by the composition
root (``entry/operations.py``) as kiosk values and worded here with :mod:`ui.text`; what the
technician asks for goes back through :class:`MaintenanceActions`, which does the work off
the GUI thread and pushes the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, Signal, Slot

from drivers.base import Capabilities, DeviceClass, DeviceStatus
from kiosk.catalogue.service import CatalogueSnapshot
from kiosk.maintenance.checks import CheckResult, NetworkReport
from kiosk.maintenance.overlay_shapes import Overlay, ShapeKind
from kiosk.maintenance.pin import Granted, LockedOut, NoPinSet, PinResult, WrongPin
from kiosk.maintenance.site_config import Refused, Saved, SaveResult
from kiosk.outbox.store import DeadLetter, OutboxStatus
from ui import text
from ui.bridge.images import CAMERA_PROVIDER

MAX_PIN_DIGITS = 12
PANELS = ("devices", "outbox", "catalogue", "network", "config", "logs", "service")
"""The maintenance screen's panels, in the order of their tabs."""
SITE_FIELDS = {
    "terminalId": "terminal.terminal_id",
    "hallName": "terminal.hall_name",
    "hallPhone": "terminal.hall_phone",
    "baseUrl": "platform.base_url",
}
"""The configuration panel's fields and the site file's keys they edit."""


class MaintenanceActions(Protocol):
    """What the maintenance screens ask of the running kiosk (each returns at once)."""

    def check_pin(self, pin: str) -> None:
        """Check a technician PIN; the outcome comes back with :meth:`MaintenanceViewModel.
        set_pin_result`."""
        ...

    def perform(self, action: str, target: str) -> None:
        """Carry out a maintenance action (``test_print``, ``retry_dead_letter``…) on
        ``target`` (a device class, a local reference, or empty)."""
        ...

    def refresh(self, panel: str) -> None:
        """Bring a panel (``devices``, ``outbox``, ``network``, ``logs``…) up to date."""
        ...

    def save_site(self, values: Mapping[str, str]) -> None:
        """Check and save the site file's values (keyed ``section.key``); the outcome comes
        back with :meth:`MaintenanceViewModel.set_site_result`."""
        ...


def overlay_shapes(overlay: Overlay) -> list[dict[str, Any]]:
    """The overlay as QML draws it: each shape's kind, its points flattened ``[x0, y0, x1,
    …]`` in fractions of the frame, and its label (a QR code's text)."""
    return [
        {
            "kind": shape.kind.value,
            "points": [coordinate for point in shape.points for coordinate in point],
            "label": shape.label,
        }
        for shape in overlay.shapes
    ]


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class MaintenanceViewModel(QObject):
    """What the maintenance QML binds to."""

    pin_changed = Signal()
    panels_changed = Signal()
    preview_changed = Signal()

    def __init__(self, actions: MaintenanceActions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._digits: list[str] = []
        self._pin_message = ""
        self._pin_busy = False
        self._devices: list[dict[str, Any]] = []
        self._outbox: dict[str, Any] = {}
        self._dead_letters: list[dict[str, Any]] = []
        self._catalogue: dict[str, Any] = {}
        self._network: list[str] = []
        self._logs: list[str] = []
        self._log_bundles: list[str] = []
        self._result = ""
        self._in_service = True
        self._panel = PANELS[0]
        self._site: dict[str, str] = {}
        self._site_problems: dict[str, str] = {}
        self._preview_device = ""
        self._preview_no = 0
        self._preview_shapes: list[dict[str, Any]] = []
        self._preview_note = ""

    # --- PIN pad ----------------------------------------------------------------------------

    @Property(int, notify=pin_changed)
    def pinLength(self) -> int:  # noqa: N802
        """Digits typed so far (shown as dots)."""
        return len(self._digits)

    @Property(str, notify=pin_changed)
    def pinMessage(self) -> str:  # noqa: N802
        """Wrong PIN with tries left, the lockout's minutes, or that it is being checked."""
        return self._pin_message

    @Property(bool, notify=pin_changed)
    def pinBusy(self) -> bool:  # noqa: N802
        """A PIN is being checked."""
        return self._pin_busy

    @Slot(str)
    def digit(self, value: str) -> None:
        """A digit key."""
        if value.isdigit() and len(value) == 1 and len(self._digits) < MAX_PIN_DIGITS:
            self._digits.append(value)
            self.pin_changed.emit()

    @Slot()
    def erase(self) -> None:
        """The erase key: drop the last digit."""
        if self._digits:
            self._digits.pop()
            self.pin_changed.emit()

    @Slot()
    def submitPin(self) -> None:  # noqa: N802
        """确定: check the digits typed (they are forgotten here at once)."""
        if self._pin_busy or not self._digits:
            return
        pin = "".join(self._digits)
        self._digits.clear()
        self._pin_busy = True
        self._pin_message = text.pin_checking()
        self.pin_changed.emit()
        self._actions.check_pin(pin)

    def set_pin_result(self, result: PinResult) -> None:
        """How the PIN check ended (GUI thread)."""
        self._pin_busy = False
        if isinstance(result, WrongPin):
            self._pin_message = text.pin_wrong(result.tries_left)
        elif isinstance(result, LockedOut):
            self._pin_message = text.pin_locked(result.seconds_left)
        elif isinstance(result, NoPinSet):
            self._pin_message = text.pin_not_set()
        elif isinstance(result, Granted):
            self._pin_message = ""
        self.pin_changed.emit()

    def wipe(self) -> None:
        """Forget the PIN pad and the panels (leaving maintenance)."""
        self._digits.clear()
        self._pin_message = ""
        self._pin_busy = False
        self._logs = []
        self._result = ""
        self._panel = PANELS[0]
        self._site_problems = {}
        self.stop_preview()
        self.pin_changed.emit()
        self.panels_changed.emit()

    # --- panels -----------------------------------------------------------------------------

    @Property(list, notify=panels_changed)
    def devices(self) -> list[dict[str, Any]]:
        """Each device: id, name, state, media, detail, model, firmware, last error, usable."""
        return self._devices

    @Property(dict, notify=panels_changed)
    def outbox(self) -> dict[str, Any]:
        """Depth, oldest age (s), dead letters and the last delivery error."""
        return self._outbox

    @Property(list, notify=panels_changed)
    def deadLetters(self) -> list[dict[str, Any]]:  # noqa: N802
        """Requests refused for good: reference, operation, reason, when."""
        return self._dead_letters

    @Property(dict, notify=panels_changed)
    def catalogueInfo(self) -> dict[str, Any]:  # noqa: N802
        """Version, as-of, whether confirmed on line, number of matters."""
        return self._catalogue

    @Property(list, notify=panels_changed)
    def networkLines(self) -> list[str]:  # noqa: N802
        """The last network check, worded."""
        return self._network

    @Property(list, notify=panels_changed)
    def logLines(self) -> list[str]:  # noqa: N802
        """The newest lines of the (masked) log, filtered."""
        return self._logs

    @Property(str, notify=panels_changed)
    def result(self) -> str:
        """The outcome of the latest action or self-test."""
        return self._result

    @Property(bool, notify=panels_changed)
    def inService(self) -> bool:  # noqa: N802
        """Whether the terminal serves citizens once the technician leaves."""
        return self._in_service

    def set_devices(
        self,
        statuses: Mapping[DeviceClass, DeviceStatus],
        capabilities: Mapping[DeviceClass, Capabilities],
        last_errors: Mapping[DeviceClass, str],
    ) -> None:
        """The devices' statuses, what they are, and each one's last error."""
        rows = []
        for device_class, status in statuses.items():
            caps = capabilities.get(device_class, Capabilities())
            rows.append({
                "id": device_class.value,
                "name": text.device_name(device_class.value),
                "state": text.device_state(status.state.value),
                "media": text.media_status(status.media.value),
                "detail": status.detail,
                "model": caps.model,
                "firmware": caps.firmware,
                "features": ", ".join(sorted(caps.features)),
                "lastError": last_errors.get(device_class, ""),
                "usable": status.usable,
            })
        self._devices = rows
        self.panels_changed.emit()

    def set_outbox(self, status: OutboxStatus, dead: Sequence[DeadLetter]) -> None:
        """The outbox's depth and age, and its dead letters."""
        self._outbox = {
            "depth": status.depth,
            "oldestAge": -1 if status.oldest_age_s is None else status.oldest_age_s,
            "deadLetters": status.dead_letters,
            "lastError": status.last_error,
        }
        self._dead_letters = [
            {
                "ref": d.local_ref,
                "operation": d.operation,
                "reason": str(d.problem.get("code", "")) + " " + str(d.problem.get("detail", "")),
                "failedAt": datetime.fromtimestamp(d.failed_at).strftime("%Y-%m-%d %H:%M"),
            }
            for d in dead
        ]
        self.panels_changed.emit()

    def set_catalogue(self, snapshot: CatalogueSnapshot) -> None:
        """The catalogue's version and when the platform last confirmed it."""
        self._catalogue = {
            "version": snapshot.catalogue.version,
            "asOf": _when(snapshot.as_of),
            "online": snapshot.online,
            "matters": len(snapshot.catalogue.matters),
        }
        self.panels_changed.emit()

    def set_network(self, report: NetworkReport) -> None:
        """The latest network check."""
        self._network = text.network_lines(
            report.reachable,
            report.error,
            report.latency_ms,
            report.clock_skew_s,
            _when(report.ca_expires),
            _when(report.server_expires),
        )
        self.panels_changed.emit()

    @Property(list, notify=panels_changed)
    def logBundles(self) -> list[str]:  # noqa: N802
        """The log bundles kept for export (the platform's ``upload_logs`` and 导出), worded,
        newest first."""
        return self._log_bundles

    def set_log_bundles(self, found: Sequence[tuple[str, int]]) -> None:
        """The bundles in the exports directory, oldest first: (file name, bytes)."""
        self._log_bundles = [text.log_bundle(name, size) for name, size in reversed(found)]
        self.panels_changed.emit()

    def set_logs(self, lines: Sequence[str]) -> None:
        """The log lines to show."""
        self._logs = list(lines)
        self.panels_changed.emit()

    def set_result(self, result: CheckResult) -> None:
        """The outcome of an action or self-test."""
        self._result = text.check_result(result.code, result.detail)
        self.panels_changed.emit()

    def set_in_service(self, in_service: bool) -> None:
        """Whether the terminal will serve once the technician leaves."""
        self._in_service = in_service
        self.panels_changed.emit()

    @Property(dict, notify=panels_changed)
    def siteConfig(self) -> dict[str, str]:  # noqa: N802
        """The configuration panel's values as the next start reads them (by field)."""
        return self._site

    @Property(dict, notify=panels_changed)
    def siteProblems(self) -> dict[str, str]:  # noqa: N802
        """Why a field's value was refused (by field; ``file`` for the whole file)."""
        return self._site_problems

    def set_site_config(self, values: Mapping[str, str]) -> None:
        """The site file's values (keyed ``section.key``)."""
        self._site = {field: values.get(key, "") for field, key in SITE_FIELDS.items()}
        self.panels_changed.emit()

    def set_site_result(self, result: SaveResult) -> None:
        """How saving the configuration panel ended."""
        fields = {key: field for field, key in SITE_FIELDS.items()}
        if isinstance(result, Refused):
            self._site_problems = {
                fields.get(key, "file"): text.site_problem(code)
                for key, code in result.problems.items()
            }
            self._result = text.check_result("config_refused", result.detail)
        else:
            self._site_problems = {}
            code = "config_saved" if isinstance(result, Saved) else "config_unchanged"
            self._result = text.check_result(code)
        self.panels_changed.emit()

    # --- what the technician asks -----------------------------------------------------------

    @Property(str, notify=panels_changed)
    def panel(self) -> str:
        """The panel shown."""
        return self._panel

    @Slot(str)
    def show(self, panel: str) -> None:
        """A tab: show ``panel`` and bring it up to date."""
        if panel in PANELS:
            self._panel = panel
            self.panels_changed.emit()
            self._actions.refresh(panel)

    @Slot(str, str)
    def perform(self, action: str, target: str) -> None:
        """A button of a maintenance panel."""
        self._actions.perform(action, target)

    @Slot(str, str, str, str)
    def saveSite(  # noqa: N802
        self, terminal_id: str, hall_name: str, hall_phone: str, base_url: str
    ) -> None:
        """保存 on the configuration panel."""
        entered = (terminal_id, hall_name, hall_phone, base_url)
        self._actions.save_site(dict(zip(SITE_FIELDS.values(), entered, strict=True)))

    @Slot(str)
    def refresh(self, panel: str) -> None:
        """A panel was opened or its 刷新 pressed."""
        self._actions.refresh(panel)

    # --- camera preview -------------------------------------------------------------------

    @Property(str, notify=preview_changed)
    def previewDevice(self) -> str:  # noqa: N802
        """The camera being previewed (a device class), "" when none."""
        return self._preview_device

    @Property(str, notify=preview_changed)
    def previewSource(self) -> str:  # noqa: N802
        """The image source of the preview's latest frame ("" before the first)."""
        if not self._preview_device or not self._preview_no:
            return ""
        return f"image://{CAMERA_PROVIDER}/maintenance-{self._preview_no}"

    @Property(list, notify=preview_changed)
    def previewShapes(self) -> list[dict[str, Any]]:  # noqa: N802
        """What was found in the latest frame (see :func:`overlay_shapes`)."""
        return self._preview_shapes

    @Property(str, notify=preview_changed)
    def previewNote(self) -> str:  # noqa: N802
        """What the preview found, or that the camera delivers nothing."""
        return self._preview_note

    def start_preview(self, device: str) -> None:
        """A preview of ``device`` starts (its frames follow)."""
        self._preview_device = device
        self._preview_no = 0
        self._preview_shapes = []
        self._preview_note = text.preview_waiting(text.device_name(device))
        self.preview_changed.emit()

    def set_preview(self, overlay: Overlay) -> None:
        """A new frame is in the provider, with what was found in it (GUI thread)."""
        if not self._preview_device:
            return
        self._preview_no += 1
        self._preview_shapes = overlay_shapes(overlay)
        self._preview_note = text.preview_found(
            len(overlay.of_kind(ShapeKind.FACE)),
            len(overlay.of_kind(ShapeKind.QR)),
            len(overlay.of_kind(ShapeKind.PAGE)),
            overlay.width,
            overlay.height,
        )
        self.preview_changed.emit()

    def set_preview_missing(self) -> None:
        """The previewed camera delivers no frame."""
        if self._preview_device:
            self._preview_shapes = []
            self._preview_note = text.preview_no_frames()
            self.preview_changed.emit()

    def stop_preview(self) -> None:
        """The preview ended."""
        self._preview_device = ""
        self._preview_no = 0
        self._preview_shapes = []
        self._preview_note = ""
        self.preview_changed.emit()
