"""The ``/sim/...`` routes: drive each device simulator over the control API.

| route | body | effect |
|---|---|---|
| ``POST /sim/id-card`` | ``{"fixture": NAME}`` | place a fixture card on the reader |
| ``DELETE /sim/id-card`` | | take the card away |
| ``POST /sim/id-card/fault`` | ``{"fault": NAME}`` | make the reader misbehave |
| ``DELETE /sim/id-card/fault`` | | clear the reader's faults |
| ``GET /sim/id-card/fixtures`` | | the fixture names |
| ``POST /sim/scanner`` | ``{"text": S}`` | the scanner reads S |
| ``POST /sim/scanner/fault`` | ``{"fault": NAME}`` | make the scanner misbehave |
| ``DELETE /sim/scanner/fault`` | | plug an unplugged scanner back in |
| ``POST /sim/camera`` | ``{"source": FIXTURE_OR_PATH}`` | show a picture or video to the camera |
| ``POST /sim/camera/fault`` | ``{"fault": NAME}`` | no_device, frozen, black |
| ``DELETE /sim/camera/fault`` | | clear the camera's faults |
| ``POST /sim/printer`` | any of ``paper``, ``cover``, ``online`` | set paper, cover, on line |
| ``GET /sim/printer/receipts`` | | the printed receipts' JSON records, newest last |
| ``POST /sim/a4-printer`` | any of ``paper`` (ok, low, out), ``door`` (open, closed), \
``toner`` (ok, low, empty), ``online``, ``fail_next`` (an IPP reason) | set the A4 printer |
| ``GET /sim/a4-printer/jobs`` | | the completed jobs' kept PDFs (``name``, ``path``, ``bytes``) |
| ``POST /sim/document-camera`` | ``{"source": FIXTURE_OR_PATH}`` | show it to the document camera |
| ``POST /sim/document-camera/fault`` | ``{"fault": NAME}`` | no_device, frozen, black |
| ``DELETE /sim/document-camera/fault`` | | clear the document camera's faults |
| ``GET /sim/devices`` | | every device's status, and its emulator's ``port`` (pty) path |
| ``POST /sim/platform`` | ``{"online": bool}`` | take the simulated platform off line or back |
| ``POST /sim/platform/commands`` | ``{"command": C, "reason": R}`` | queue a heartbeat command |
| ``POST /sim/heartbeat`` | | send a heartbeat now (mounted by ``entry/operations.py``) |
| ``POST /sim/appointments/fill-chosen`` | | book every place left of the slot chosen on the \
appointment screens (mounted by ``entry/appointments.py``) |

It is only ever mounted when every device is simulated (:func:`start_control_api`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from drivers.base import DeviceClass
from drivers.id_card.fixtures import fixtures as card_fixtures
from drivers.manager import DeviceManager
from simulation.server import BadRequest, ControlServer, JsonBody, require_str


class NotSimulated(RuntimeError):
    """The control API was asked to start while a device is real."""


@runtime_checkable
class IdCardControls(Protocol):
    """What the routes need of the ID-card reader emulator."""

    def place(self, card: str) -> None:
        """Put a fixture card on the reader."""
        ...

    def remove(self) -> None:
        """Take the card away."""
        ...

    def inject_fault(self, name: str) -> None:
        """Start misbehaving in the named way."""
        ...

    def clear_faults(self) -> None:
        """Behave again."""
        ...


@runtime_checkable
class ScannerControls(Protocol):
    """What the routes need of the QR scanner emulator."""

    def scan(self, text: str) -> bool:
        """Send a scanned payload with its suffix; False when it could not be sent."""
        ...

    def inject_fault(self, name: str) -> None:
        """Start misbehaving in the named way."""
        ...

    def reconnect(self) -> None:
        """Plug back in after a ``disconnect`` fault (its other faults are one-shot)."""
        ...


@runtime_checkable
class CameraControls(Protocol):
    """What the routes need of the camera simulator."""

    def show(self, source: str) -> None:
        """Serve frames from a fixture name or a file path."""
        ...

    def inject_fault(self, name: str) -> None:
        """Start misbehaving in the named way."""
        ...

    def clear_faults(self) -> None:
        """Behave again."""
        ...


@runtime_checkable
class PrinterControls(Protocol):
    """What the routes need of the receipt printer emulator."""

    def set_paper(self, paper: str) -> None:
        """``ok``, ``low`` or ``out``."""
        ...

    def set_cover_open(self, cover_open: bool) -> None:
        """Open or close the cover."""
        ...

    def set_online(self, online: bool) -> None:
        """Put the printer on or off line."""
        ...

    def receipts(self) -> list[dict[str, Any]]:
        """The JSON records of the printed receipts, newest last."""
        ...


@runtime_checkable
class A4PrinterControls(Protocol):
    """What the routes need of the A4 printer's IPP simulator."""

    def set_fault(self, reason: str, active: bool = True) -> None:
        """Raise or clear one ``printer-state-reasons`` keyword."""
        ...

    def set_online(self, online: bool) -> None:
        """Answer IPP requests, or drop them."""
        ...

    def fail_next_job(self, reason: str) -> None:
        """Abort the next job mid-way with ``reason`` raised."""
        ...

    def jobs(self) -> list[Path]:
        """The kept PDFs of completed jobs, oldest first."""
        ...


_A4_SETTINGS: dict[str, dict[str, tuple[tuple[str, bool], ...]]] = {
    "paper": {
        "ok": (("media-empty", False), ("media-low", False)),
        "low": (("media-empty", False), ("media-low", True)),
        "out": (("media-low", False), ("media-empty", True)),
    },
    "door": {"open": (("door-open", True),), "closed": (("door-open", False),)},
    "toner": {
        "ok": (("toner-empty", False), ("toner-low", False)),
        "low": (("toner-empty", False), ("toner-low", True)),
        "empty": (("toner-low", False), ("toner-empty", True)),
    },
}
"""Each setting's values as the printer-state reasons they raise (True) or clear (False)."""


def _a4_changes(body: JsonBody) -> tuple[list[tuple[str, bool]], bool | None, str | None]:
    """The reasons to set, the on-line switch and the next job's fault of a request body."""
    settings = dict(body or {})
    known = {*_A4_SETTINGS, "online", "fail_next"}
    if not settings or set(settings) - known:
        raise BadRequest(f"give any of {', '.join(sorted(known))}")
    reasons: list[tuple[str, bool]] = []
    for name, values in _A4_SETTINGS.items():
        value = settings.get(name)
        if value is None:
            continue
        if value not in values:
            raise BadRequest(f"'{name}' must be one of {', '.join(values)}")
        reasons.extend(values[value])
    online = settings.get("online")
    if online is not None and not isinstance(online, bool):
        raise BadRequest("'online' must be true or false")
    fail_next = settings.get("fail_next")
    if fail_next is not None and not isinstance(fail_next, str):
        raise BadRequest("'fail_next' must be an IPP reason such as media-empty")
    return reasons, online, fail_next


@runtime_checkable
class PortControls(Protocol):
    """An emulator a driver reaches through a port (its pty path), like real hardware."""

    @property
    def port(self) -> str:
        """The path to open."""
        ...


class PlatformSwitch(Protocol):
    """What the routes need of the embedded simulated platform."""

    def set_offline(self, offline: bool) -> None:
        """Stop (or resume) answering."""
        ...

    def queue_command(self, command: str, reason: str) -> str:
        """Queue a heartbeat command for this terminal (the platform's ``/_sim/`` hook);
        returns its id."""
        ...


def _missing(device_class: DeviceClass) -> BadRequest:
    return BadRequest(f"no simulated {device_class} is running")


def _calling(action: Callable[[], None]) -> tuple[int, Any]:
    """Run a simulator action; a name it does not know is the client's error, not ours."""
    try:
        action()
    except (KeyError, ValueError) as error:
        raise BadRequest(str(error).strip("'\"")) from None
    return 200, {"ok": True}


def register_device_routes(
    server: ControlServer, manager: DeviceManager, platform: PlatformSwitch | None = None
) -> None:
    """Mount the ``/sim/...`` routes for ``manager``'s simulators on ``server``."""

    def id_card() -> IdCardControls:
        simulator = manager.simulator(DeviceClass.ID_CARD_READER)
        if not isinstance(simulator, IdCardControls):
            raise _missing(DeviceClass.ID_CARD_READER)
        return simulator

    def scanner() -> ScannerControls:
        simulator = manager.simulator(DeviceClass.QR_SCANNER)
        if not isinstance(simulator, ScannerControls):
            raise _missing(DeviceClass.QR_SCANNER)
        return simulator

    def camera() -> CameraControls:
        simulator = manager.simulator(DeviceClass.CAMERA)
        if not isinstance(simulator, CameraControls):
            raise _missing(DeviceClass.CAMERA)
        return simulator

    def printer() -> PrinterControls:
        simulator = manager.simulator(DeviceClass.RECEIPT_PRINTER)
        if not isinstance(simulator, PrinterControls):
            raise _missing(DeviceClass.RECEIPT_PRINTER)
        return simulator

    def a4_printer() -> A4PrinterControls:
        simulator = manager.simulator(DeviceClass.A4_PRINTER)
        if not isinstance(simulator, A4PrinterControls):
            raise _missing(DeviceClass.A4_PRINTER)
        return simulator

    def document_camera() -> CameraControls:
        simulator = manager.simulator(DeviceClass.DOCUMENT_CAMERA)
        if not isinstance(simulator, CameraControls):
            raise _missing(DeviceClass.DOCUMENT_CAMERA)
        return simulator

    def set_a4_printer(body: JsonBody) -> tuple[int, Any]:
        reasons, online, fail_next = _a4_changes(body)
        target = a4_printer()

        def apply() -> None:
            for reason, active in reasons:
                target.set_fault(reason, active)
            if online is not None:
                target.set_online(online)
            if fail_next is not None:
                target.fail_next_job(fail_next)

        answer = _calling(apply)
        device = manager.device(DeviceClass.A4_PRINTER)
        if device is not None:
            device.reset()  # the driver reads the new status now, not at its next poll
        return answer

    def a4_jobs(_: JsonBody) -> tuple[int, Any]:
        jobs = [{"name": p.name, "path": str(p), "bytes": p.stat().st_size} for p in
                a4_printer().jobs()]
        return 200, jobs

    def show_document(body: JsonBody) -> tuple[int, Any]:
        source = require_str(body, "source")
        return _calling(lambda: document_camera().show(source))

    def document_camera_fault(body: JsonBody) -> tuple[int, Any]:
        fault = require_str(body, "fault")
        return _calling(lambda: document_camera().inject_fault(fault))

    def place_card(body: JsonBody) -> tuple[int, Any]:
        fixture = require_str(body, "fixture")
        return _calling(lambda: id_card().place(fixture))

    def card_fault(body: JsonBody) -> tuple[int, Any]:
        fault = require_str(body, "fault")
        return _calling(lambda: id_card().inject_fault(fault))

    def scan(body: JsonBody) -> tuple[int, Any]:
        text = require_str(body, "text")
        if not scanner().scan(text):
            return 409, {"error": "the scanner is unplugged or not triggered; nothing was read"}
        return 200, {"ok": True}

    def scanner_fault(body: JsonBody) -> tuple[int, Any]:
        fault = require_str(body, "fault")
        return _calling(lambda: scanner().inject_fault(fault))

    def show(body: JsonBody) -> tuple[int, Any]:
        source = require_str(body, "source")
        return _calling(lambda: camera().show(source))

    def camera_fault(body: JsonBody) -> tuple[int, Any]:
        fault = require_str(body, "fault")
        return _calling(lambda: camera().inject_fault(fault))

    def set_printer(body: JsonBody) -> tuple[int, Any]:
        settings = dict(body or {})
        unknown = set(settings) - {"paper", "cover", "online"}
        if unknown or not settings:
            raise BadRequest("give any of 'paper', 'cover', 'online'")
        paper, cover, online = settings.get("paper"), settings.get("cover"), settings.get("online")
        if paper is not None and paper not in ("ok", "low", "out"):
            raise BadRequest("'paper' must be ok, low or out")
        if cover is not None and cover not in ("open", "closed"):
            raise BadRequest("'cover' must be open or closed")
        if online is not None and not isinstance(online, bool):
            raise BadRequest("'online' must be true or false")
        target = printer()
        if paper is not None:
            target.set_paper(paper)
        if cover is not None:
            target.set_cover_open(cover == "open")
        if online is not None:
            target.set_online(online)
        return 200, {"ok": True}

    def list_fixtures(_: JsonBody) -> tuple[int, Any]:
        id_card()
        return 200, card_fixtures()

    def devices(_: JsonBody) -> tuple[int, Any]:
        answer: dict[str, dict[str, str]] = {}
        for cls, s in manager.statuses().items():
            entry = {"state": str(s.state), "media": str(s.media), "detail": s.detail}
            simulator = manager.simulator(cls)
            if isinstance(simulator, PortControls):
                entry["port"] = simulator.port
            answer[str(cls)] = entry
        return 200, answer

    def set_platform(body: JsonBody) -> tuple[int, Any]:
        online = (body or {}).get("online")
        if not isinstance(online, bool):
            raise BadRequest("'online' must be true or false")
        if platform is None:
            raise BadRequest("the platform is not simulated")
        platform.set_offline(not online)
        return 200, {"ok": True}

    server.route("POST", "/sim/id-card", place_card)
    server.route("DELETE", "/sim/id-card", lambda _: _calling(lambda: id_card().remove()))
    server.route("GET", "/sim/id-card/fixtures", list_fixtures)
    server.route("POST", "/sim/id-card/fault", card_fault)
    server.route(
        "DELETE", "/sim/id-card/fault", lambda _: _calling(lambda: id_card().clear_faults())
    )
    server.route("POST", "/sim/scanner", scan)
    server.route("POST", "/sim/scanner/fault", scanner_fault)
    server.route("DELETE", "/sim/scanner/fault", lambda _: _calling(lambda: scanner().reconnect()))
    server.route("POST", "/sim/camera", show)
    server.route("POST", "/sim/camera/fault", camera_fault)
    server.route("DELETE", "/sim/camera/fault", lambda _: _calling(lambda: camera().clear_faults()))
    server.route("POST", "/sim/printer", set_printer)
    server.route("GET", "/sim/printer/receipts", lambda _: (200, printer().receipts()))
    server.route("POST", "/sim/a4-printer", set_a4_printer)
    server.route("GET", "/sim/a4-printer/jobs", a4_jobs)
    server.route("POST", "/sim/document-camera", show_document)
    server.route("POST", "/sim/document-camera/fault", document_camera_fault)
    server.route(
        "DELETE", "/sim/document-camera/fault",
        lambda _: _calling(lambda: document_camera().clear_faults()),
    )
    server.route("GET", "/sim/devices", devices)
    def queue_command(body: JsonBody) -> tuple[int, Any]:
        command = require_str(body, "command")
        reason = (body or {}).get("reason", "")
        if platform is None:
            raise BadRequest("the platform is not simulated")
        try:
            return 200, {"id": platform.queue_command(command, str(reason))}
        except ValueError as error:
            raise BadRequest(str(error)) from None

    server.route("POST", "/sim/platform", set_platform)
    server.route("POST", "/sim/platform/commands", queue_command)


def build_control_api(
    manager: DeviceManager, port: int, platform: PlatformSwitch | None = None
) -> ControlServer:
    """The control API on loopback with the device routes, not yet serving; refused unless
    every device is simulated, so a real terminal never exposes it."""
    if not manager.simulated:
        raise NotSimulated("the simulation control API runs only when every device is simulated")
    server = ControlServer(port)
    register_device_routes(server, manager, platform)
    return server


def start_control_api(
    manager: DeviceManager, port: int, platform: PlatformSwitch | None = None
) -> ControlServer:
    """:func:`build_control_api`, serving."""
    server = build_control_api(manager, port, platform)
    server.start()
    return server
