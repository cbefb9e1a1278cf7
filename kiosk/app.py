"""The only wiring place: config → devices → platform → flow → UI.

:class:`KioskApp` builds the device manager, the embedded simulated platform when configured,
the platform client, the flow machine and the UI; it executes the flow's effects (device work
and platform calls in workers) and answers them with events on the GUI thread. Device events
arrive on reader threads and are marshalled to the GUI thread before they reach the flow.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer

from drivers.base import DeviceClass, DeviceEvent, DeviceState, DeviceStatus, StatusChanged
from drivers.config import DeviceConfig
from drivers.id_card.errors import CardFormatError, CardRemovedError, IdCardError
from drivers.id_card.types import CardInserted, IdCard, ReadFailed
from drivers.id_card.types import CardRemoved as ReaderCardRemoved
from drivers.manager import BuiltDevice, DeviceManager, Factory, load_factory
from drivers.scanner.types import Scanned
from kiosk.catalogue.model import Catalogue
from kiosk.config import Config
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import brief_for
from kiosk.flow.view import FlowView
from kiosk.identity.card import IdentityCard
from kiosk.masking import MaskingFilter
from kiosk.workers import Workers
from ui.kiosk_ui import KioskUi

if TYPE_CHECKING:
    # Start-up time: these pull in numpy/cv2, pypinyin, requests and jsonschema (~400 ms
    # together), so they are imported where first used, after home's first frame (mostly in
    # the start-up worker); here they serve annotations only.
    from drivers.camera.types import FrameSource
    from kiosk.catalogue.search import CatalogueIndex
    from kiosk.platform.client import PlatformClient
    from kiosk.platform.models import Verification, VerifyRequest
    from platform_sim import RunningSimulator
    from ui.bridge.camera_feed import FaceCaptureLoop

log = logging.getLogger(__name__)

TICK_MS = 250
BACKEND_START_FALLBACK_MS = 2_000
"""Start devices and platform even if the window never swaps a frame (never exposed)."""
BACKEND_STOP_WAIT_S = 15.0
CLIENT_WAIT_S = 30.0
CATALOGUE_RETRY_MS = 10_000
PLATFORM_SIM_DIR = "platform-sim"


def verify_request(card: IdentityCard, jpeg: bytearray, liveness: float | None) -> VerifyRequest:
    """The contract's request, encoding the face now (the flow zeroes its buffer later)."""
    from kiosk.platform.models import Card, VerifyRequest  # deferred: start-up time

    valid_to = card.valid_to
    return VerifyRequest(
        card=Card(
            card_type=card.card_type,
            id_number=card.id_number,
            name=card.name,
            valid_to=valid_to.isoformat() if isinstance(valid_to, date) else str(valid_to or ""),
            photo_wlt_b64=base64.b64encode(card.photo_wlt).decode("ascii"),
        ),
        live_face_jpeg_b64=base64.b64encode(bytes(jpeg)).decode("ascii"),
        liveness_score=liveness,
    )


def verification_event(request_id: int, result: Verification) -> ev.Event:
    """The flow's answer to a verification or QR login result."""
    if result.verified:
        return ev.VerifyResult(
            request_id,
            result.verification_id,
            result.expires_at.isoformat(),
            result.person.name,
            result.person.id_number,
        )
    return ev.VerifyFailed(request_id, result.reason or "not_verified")


def card_failure(error: IdCardError) -> ev.CardFailure:
    """Why the flow is told a read failed: the card left mid-read, is of an unknown type, or
    could not be read (the flow shows a different screen for each)."""
    if isinstance(error, CardRemovedError):
        return ev.CardFailure.REMOVED
    if isinstance(error, CardFormatError):
        return ev.CardFailure.UNKNOWN_TYPE
    return ev.CardFailure.UNREADABLE


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
        from drivers.scanner import factory as scanner_factory  # deferred (cv2): start-up time

        source = camera()
        frames = cast("FrameSource", source.device) if source is not None else None
        return scanner_factory.build(config, frames=frames)

    def build_camera(config: DeviceConfig) -> BuiltDevice:
        return camera() or load_factory(DeviceClass.CAMERA)(config)

    def factory_for(device_class: DeviceClass) -> Factory:
        if device_class is DeviceClass.CAMERA:
            return build_camera
        if device_class is DeviceClass.QR_SCANNER:
            return build_scanner
        return load_factory(device_class)

    return factory_for


def install_log_masking(names: Callable[[], Iterable[str]]) -> Callable[[], None]:
    """Attach a :class:`MaskingFilter` to every handler of the root logger; returns the undo.

    On the handlers, not on a logger: a logger's filters see only records logged on that very
    logger, while every module's records propagate to the root handlers, so each line that
    reaches a log is masked whatever module wrote it. Call it after logging is configured.
    """
    masking = MaskingFilter(names)
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(masking)

    def uninstall() -> None:
        for handler in handlers:
            handler.removeFilter(masking)

    return uninstall


class _LatePlatform:
    """The control API's handle on the simulated platform, which starts after the first frame."""

    def __init__(self, app: KioskApp) -> None:
        self._app = app

    def set_offline(self, offline: bool) -> None:
        """Take the simulated platform off line (or back); waits for it to have started."""
        self._app.client  # noqa: B018 - waits for the start-up worker
        if self._app.platform_sim is None:
            raise RuntimeError("the platform is not simulated")
        self._app.platform_sim.set_offline(offline)


class KioskApp:
    """The running kiosk. Create after the ``QGuiApplication``; :meth:`stop` before exit."""

    def __init__(
        self,
        config: Config,
        *,
        size: tuple[int, int] = (1080, 1920),
        production: bool = False,
        control_port: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.workers = Workers()
        configs = device_configs(config)
        self.devices = DeviceManager(configs, factory_for=device_factories(configs))
        self.platform_sim: RunningSimulator | None = None
        self._client: Future[PlatformClient] = Future()
        self._started = False
        starting = DeviceStatus(DeviceState.STARTING, detail="starting")
        initial = {cls: starting for cls, c in configs.items() if c.enabled}
        self.machine = FlowMachine(clock=clock, devices=initial)
        self._unmask_logs = install_log_masking(self.machine.session.known_names)
        self.control: Any = None
        control_url = None
        if self.devices.simulated:
            from kiosk.simulation.devices import start_control_api

            port = config.simulation.control_port if control_port is None else control_port
            self.control = start_control_api(self.devices, port, _LatePlatform(self))
            control_url = self.control.base_url
        self.ui = KioskUi(
            self.machine.view,
            self.dispatch,
            self.touch,
            self.workers,
            config.terminal.hall_name,
            config.terminal.hall_phone,
            control_url,
            size,
            production,
        )
        if self.control is not None:
            from ui.bridge.automation import UiAutomation, register_routes

            automation = UiAutomation(self.ui.window, lambda: self.machine.state.value)
            register_routes(self.control, automation, self.workers, self.touch)
        self._face: FaceCaptureLoop | None = None
        self._reading_cards = False
        self._scanning_qr = False
        self._unsubscribe = [
            self.machine.on_view(self._on_view),
            self.machine.on_effect(self._on_effect),
            self.devices.events.subscribe(lambda e: self.workers.post(lambda: self._on_device(e))),
        ]
        self.ui.catalogue.set_devices(initial)
        self._ticker = QTimer()
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.machine.tick)
        self._ticker.start()
        self._backend: Future[None] | None = None
        self.ui.window.frameSwapped.connect(
            self._start_backend, Qt.ConnectionType.SingleShotConnection
        )
        QTimer.singleShot(BACKEND_START_FALLBACK_MS, self._start_backend)

    # --- building ---------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        """True once the devices are open and the platform client exists (after first frame)."""
        return self._started

    @property
    def client(self) -> PlatformClient:
        """The platform client; waits for the start-up worker to build it (worker threads)."""
        return self._client.result(timeout=CLIENT_WAIT_S)

    def _start_backend(self) -> None:
        """After the first frame of home: open the devices and start the platform in a worker,
        so the window never waits for them; the flow hears of the devices when all are up."""
        if self._backend is not None:
            return

        def start() -> None:
            self.devices.start()
            try:
                self._client.set_result(self._platform_client())
            except BaseException as error:
                self._client.set_exception(error)
                raise

        def done(_: None) -> None:
            self._started = True
            statuses = self.devices.statuses()
            self.ui.catalogue.set_devices(statuses)
            self.dispatch(ev.DevicesChanged(statuses))
            self.load_catalogue()

        def failed(error: BaseException) -> None:
            log.error("start-up failed: %s: %s", type(error).__name__, error)

        self._backend = self.workers.submit(start, done, failed)

    def _platform_client(self) -> PlatformClient:
        settings = self.config.platform
        if settings.embedded_simulator:
            from platform_sim import start_simulator

            self.platform_sim = start_simulator(
                self.config.terminal.data_dir / PLATFORM_SIM_DIR,
                terminal_ids=(self.config.terminal.terminal_id,),
            )
            settings = dataclasses.replace(
                settings,
                base_url=self.platform_sim.base_url,
                ca_file=self.platform_sim.ca_file,
                secret_file=self.platform_sim.material.secret_file,
            )
        from kiosk.platform.client import PlatformClient  # deferred: start-up time

        return PlatformClient.from_settings(settings, self.config.terminal.terminal_id)

    def stop(self) -> None:
        """Stop everything this app started (waiting for a start-up still in progress)."""
        if self._backend is not None:
            with contextlib.suppress(Exception):
                self._backend.result(timeout=BACKEND_STOP_WAIT_S)
        self.workers.shutdown()
        self._ticker.stop()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        if self._face is not None:
            self._face.stop()
        if self.control is not None:
            self.control.stop()
        self.ui.close()
        self.devices.stop()
        if self.platform_sim is not None:
            self.platform_sim.stop()
        self._unmask_logs()

    # --- flow ---------------------------------------------------------------------------------

    def dispatch(self, event: ev.Event) -> None:
        """Send an event to the flow (GUI thread)."""
        self.machine.dispatch(event)

    def touch(self) -> None:
        """Any touch: the idle clock restarts (and the attract loop wakes)."""
        self.machine.touch()

    def _on_view(self, view: FlowView) -> None:
        self.ui.set_view(view)

    def load_catalogue(self) -> None:
        """Fetch the catalogue in a worker; retry later while the platform is unreachable."""

        def fetch() -> tuple[Catalogue, CatalogueIndex] | None:
            from kiosk.catalogue.search import CatalogueIndex  # deferred: start-up time

            catalogue = self.client.get_catalogue().catalogue
            return None if catalogue is None else (catalogue, CatalogueIndex(catalogue))

        def done(result: tuple[Catalogue, CatalogueIndex] | None) -> None:
            if result is not None:
                self.ui.catalogue.set_catalogue(*result)

        def failed(error: BaseException) -> None:
            log.warning("catalogue not loaded (%s); retrying", type(error).__name__)
            QTimer.singleShot(CATALOGUE_RETRY_MS, self.load_catalogue)

        self.workers.submit(fetch, done, failed)

    # --- effects ------------------------------------------------------------------------------

    def _on_effect(self, effect: fx.Effect) -> None:
        handler = self._handlers().get(type(effect))
        if handler is not None:
            handler(effect)

    def _handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        return {
            fx.StartCardReading: self._start_card_reading,
            fx.StopCardReading: lambda _: self._set_reading(False),
            fx.StartFaceCapture: self._start_face,
            fx.StopFaceCapture: lambda _: self._stop_face(),
            fx.StartQrScanning: lambda _: self._set_scanning(True),
            fx.StopQrScanning: lambda _: self._set_scanning(False),
            fx.VerifyIdentity: self._verify,
            fx.QrLogin: self._qr_login,
            fx.LoadGuide: self._load_guide,
            fx.WipeSession: lambda _: self.ui.wipe(),
        }

    def _set_reading(self, reading: bool) -> None:
        self._reading_cards = reading

    def _set_scanning(self, scanning: bool) -> None:
        self._scanning_qr = scanning

    def _start_card_reading(self, _: fx.StartCardReading) -> None:
        self._reading_cards = True
        reader = self.devices.device(DeviceClass.ID_CARD_READER)
        card = getattr(reader, "current_card", None)
        if isinstance(card, IdCard):
            self.dispatch(ev.CardPresented())
            self.dispatch(ev.CardRead(card))

    def _start_face(self, _: fx.StartFaceCapture) -> None:
        self._stop_face()
        device = self.devices.device(DeviceClass.CAMERA)
        if device is None or not hasattr(device, "wait_frame"):
            self.dispatch(ev.FaceCaptureFailed())
            return
        from ui.bridge.camera_feed import FaceCaptureLoop  # deferred (cv2): start-up time

        camera = cast("FrameSource", device)
        identity = self.ui.identity
        self._face = FaceCaptureLoop(
            camera,
            self.ui.frames,
            self.workers,
            identity.set_guidance,
            identity.frame_arrived,
            lambda jpeg: self.dispatch(ev.FaceCaptured(jpeg)),
            lambda: self.dispatch(ev.FaceCaptureFailed()),
        )
        self._face.start()

    def _stop_face(self) -> None:
        if self._face is not None:
            self._face.stop()
            self._face = None
        self.ui.identity.wipe_frame()

    def _platform_call(self, request_id: int, call: Callable[[], Verification]) -> None:
        def done(result: Verification) -> None:
            self.dispatch(verification_event(request_id, result))

        def failed(error: BaseException) -> None:
            from kiosk.platform.errors import PlatformFailure  # deferred: start-up time

            if not isinstance(error, PlatformFailure):
                log.error("platform call failed: %s", type(error).__name__)
            self.dispatch(ev.PlatformUnavailable(request_id))

        self.workers.submit(call, done, failed)

    def _verify(self, effect: fx.VerifyIdentity) -> None:
        request = verify_request(effect.card, effect.jpeg, effect.liveness_score)
        key = uuid.uuid4()
        self._platform_call(
            effect.request_id, lambda: self.client.verify_identity(request, idempotency_key=key)
        )

    def _qr_login(self, effect: fx.QrLogin) -> None:
        payload, key = effect.payload, uuid.uuid4()
        self._platform_call(
            effect.request_id, lambda: self.client.qr_login(payload, idempotency_key=key)
        )

    def _load_guide(self, effect: fx.LoadGuide) -> None:
        brief = brief_for(self.ui.catalogue.catalogue, effect.code, effect.kind)
        if brief is None:
            self.dispatch(ev.PlatformUnavailable(effect.request_id))
        else:
            self.dispatch(ev.GuideLoaded(effect.request_id, brief))

    # --- devices ------------------------------------------------------------------------------

    def _on_device(self, event: DeviceEvent) -> None:
        if isinstance(event, StatusChanged):
            statuses = {event.device_class: event.status}
            self.ui.catalogue.set_devices(statuses)
            if self._started:
                self.dispatch(ev.DevicesChanged(statuses))
        elif isinstance(event, CardInserted):
            self.dispatch(ev.CardPresented())
            if self._reading_cards:
                self.dispatch(ev.CardRead(event.card))
        elif isinstance(event, ReaderCardRemoved):
            self.dispatch(ev.CardRemoved())
        elif isinstance(event, ReadFailed):
            self._card_failed(event)
        elif isinstance(event, Scanned) and self._scanning_qr:
            self.dispatch(ev.QrScanned(event.text))

    def _card_failed(self, event: ReadFailed) -> None:
        self.dispatch(ev.CardReadFailed(card_failure(event.error)))

