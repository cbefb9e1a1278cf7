"""The running kiosk: config → devices → platform → services → flow → UI, built then started.

:class:`KioskApp` builds everything in ``__init__`` and starts nothing; :meth:`KioskApp.start`
opens the window, the control API (simulated devices only) and the flow's clock, and after
home's first frame a start-up worker reads the catalogue on disk (shown at once), then opens
the devices and starts the platform (:mod:`entry.backend`), which refreshes the catalogue.
The app executes the flow's effects (device work and platform calls in workers) and answers
them with events on the GUI thread. Device events arrive on reader threads and are
marshalled to the GUI thread before they reach the flow.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer

from drivers.base import DeviceClass, DeviceEvent, DeviceState, DeviceStatus, StatusChanged
from drivers.id_card.errors import CardFormatError, CardRemovedError, IdCardError
from drivers.id_card.types import CardInserted, CardRemoved, IdCardReader, ReadFailed
from drivers.manager import DeviceManager
from drivers.scanner.types import QrScanner, Scanned
from entry import catalogue_disk
from entry.apply import ApplyEffects, progress_base
from entry.appointments import AppointmentDesk, DeskPlace
from entry.capture import DocumentCaptureDesk
from entry.certificates import CertificateDesk, DeskSettings
from entry.devices import device_configs, device_factories
from entry.evaluation import EvaluationEffects
from entry.logs import install_log_masking
from entry.operations import Operations
from entry.payment import PaidReceipts, PaymentEffects
from entry.progress import ProgressEffects
from entry.reprint import ReprintDesk
from entry.settle import SettledScreen
from kiosk.catalogue.cache_file import CatalogueFile
from kiosk.catalogue.service import CatalogueService, CatalogueSnapshot
from kiosk.config import Config
from kiosk.evaluation.settings import configured_reasons
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.outbox.store import OutboxStore
from kiosk.receipts.documents import Hall
from kiosk.workers import Workers
from ui.bridge.automation import UiAutomation, register_routes
from ui.bridge.branding_vm import look_of
from ui.bridge.capture_vm import CaptureViewModel
from ui.bridge.evaluation_vm import EvaluationViewModel
from ui.bridge.payment_vm import PaymentViewModel
from ui.bridge.reprint_vm import ReprintViewModel
from ui.kiosk_ui import KioskUi, UiSettings

if TYPE_CHECKING:
    from entry.backend import Backend
    from kiosk.identity.face_capture import FaceCaptureRun
    from kiosk.platform.models import Verification
    from simulation.server import ControlServer

log = logging.getLogger(__name__)

TICK_MS = 250
BACKEND_START_FALLBACK_MS = 2_000
"""Start devices and platform even if the window never swaps a frame (never exposed)."""
BACKEND_STOP_WAIT_S = 15.0
BACKEND_WAIT_S = 30.0
CATALOGUE_RETRY_MS = 10_000

@dataclass(frozen=True)
class RunOptions:
    """How this run of the kiosk shows itself."""

    size: tuple[int, int] = (1080, 1920)
    production: bool = False
    """Full screen, frameless, no way out (the deployment); otherwise a normal window."""
    control_port: int | None = None
    """The simulation control API's port: None takes the config's, 0 any free port."""


def card_failure(error: IdCardError) -> ev.CardFailure:
    """Why the flow is told a read failed: the card left mid-read, is of an unknown type, or
    could not be read (the flow shows a different screen for each)."""
    if isinstance(error, CardRemovedError):
        return ev.CardFailure.REMOVED
    if isinstance(error, CardFormatError):
        return ev.CardFailure.UNKNOWN_TYPE
    return ev.CardFailure.UNREADABLE


class _LatePlatform:
    """The control API's handle on the simulated platform, which starts after the first frame."""

    def __init__(self, app: KioskApp) -> None:
        self._app = app

    def set_offline(self, offline: bool) -> None:
        """Take the simulated platform off line (or back); waits for it to have started."""
        platform_sim = self._app.backend.platform_sim
        if platform_sim is None:
            raise RuntimeError("the platform is not simulated")
        platform_sim.set_offline(offline)

    def queue_command(self, command: str, reason: str) -> str:
        """Queue a heartbeat command for this terminal on the simulated platform."""
        platform_sim = self._app.backend.platform_sim
        if platform_sim is None:
            raise RuntimeError("the platform is not simulated")
        return platform_sim.queue_command(self._app.config.terminal.terminal_id, command, reason)

    def advance_applications(self) -> int:
        """推进办件状态 on the simulated platform; how many applications moved."""
        platform_sim = self._app.backend.platform_sim
        if platform_sim is None:
            raise RuntimeError("the platform is not simulated")
        return platform_sim.advance_applications()


class KioskApp:
    """The kiosk. Build after the ``QGuiApplication``, then :meth:`start`; :meth:`stop` before
    exit."""

    def __init__(
        self,
        config: Config,
        options: RunOptions = RunOptions(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.options = options
        self.workers = Workers()
        configs = device_configs(config)
        self.devices = DeviceManager(configs, factory_for=device_factories(configs))
        self.catalogue = CatalogueService()
        starting = DeviceStatus(DeviceState.STARTING, detail="starting")
        initial = {cls: starting for cls, c in configs.items() if c.enabled}
        self.machine = FlowMachine(clock=clock, devices=initial)
        self.control: ControlServer | None = None
        if self.devices.simulated:
            from simulation.devices import build_control_api  # http.server: simulated only

            port = config.simulation.control_port if options.control_port is None else (
                options.control_port
            )
            self.control = build_control_api(self.devices, port, _LatePlatform(self))
        self.outbox_store = OutboxStore.in_data_dir(config.terminal.data_dir)
        """The one outbox store: the worker, the citizen's online submit and maintenance's view
        share it, so maintenance sees the submit's claim and waits for it."""
        self.operations = Operations(self)
        self.payment_vm = PaymentViewModel(lambda: self.machine.session.payment, clock)
        self.evaluation_vm = EvaluationViewModel(
            self.dispatch, configured_reasons(config.raw), lambda: self.machine.session.evaluation
        )
        self.appointments = AppointmentDesk(
            DeskPlace(config.terminal.hall_code,
                      Hall(config.terminal.hall_name, config.terminal.hall_phone)),
            self.devices, self.catalogue, self.workers, lambda: self.backend, self.dispatch,
            lambda: self.machine.session.appointment,
        )
        self.progress = ProgressEffects(
            config, self.devices, self.catalogue, self.workers, lambda: self.backend,
            self.dispatch, lambda: self.machine.session.progress,
        )
        self.capture_vm = CaptureViewModel(lambda: self.machine.session.capture,
                                           self.workers.post)
        self.reprint_vm = ReprintViewModel(self.dispatch, lambda: self.machine.session.reprint,
                                           progress_base(config))
        self.ui = KioskUi(
            self.machine.view,
            dispatch=self.dispatch,
            touch=self.touch,
            workers=self.workers,
            catalogue=self.catalogue,
            settings=UiSettings(
                hall_name=config.terminal.hall_name,
                hall_phone=config.terminal.hall_phone,
                help_window=config.terminal.help_window,
                size=options.size,
                production=options.production,
                control_url=self.control.base_url if self.control else None,
                progress_base=progress_base(config),
                look=look_of(config),
            ),
            draft=lambda: self.machine.session.application,
            models={
                "maintenance": self.operations.view_model,
                "evaluation": self.evaluation_vm,
                "appointments": self.appointments.view_model,
                "progressQuery": self.progress.view_model,
                "payment": self.payment_vm,
                "capture": self.capture_vm,
                "reprint": self.reprint_vm,
            },
        )
        for name, provider in self.capture_vm.providers().items():
            self.ui.engine.addImageProvider(name, provider)
        self.ui.catalogue.set_devices(initial)
        self._backend: Future[Backend] = Future()
        self._start_work: list[Future[Any]] = []
        """The start-up work given to workers (reading the catalogue, then opening); ``stop``
        waits for all of it. A list, not the latest: a result can arrive inside ``submit``
        (work already done when its callback is attached), so the opening can be submitted
        before the reading's ``submit`` returns."""
        self._settle: SettledScreen | None = None
        self._started = False
        self._face: FaceCaptureRun | None = None
        self._reading_cards = False
        self._scanning_qr = False
        self._unsubscribe: list[Callable[[], None]] = []
        self._ticker = QTimer()
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.machine.tick)
        self.apply = ApplyEffects(
            config, self.devices, self.catalogue, self.workers, lambda: self.backend, self.dispatch
        )
        self.certificates = CertificateDesk(
            devices=self.devices,
            workers=self.workers,
            backend=lambda: self.backend,
            catalogue=self.catalogue,
            view_model=self.ui.certificates,
            dispatch=self.dispatch,
            settings=DeskSettings(config.terminal.hall_name, config.terminal.terminal_id),
        )
        self.payment = PaymentEffects(self.workers, lambda: self.backend, self.dispatch, clock)
        self.evaluation = EvaluationEffects(
            config.terminal.terminal_id, config.terminal.data_dir, self.workers,
            lambda: self.backend, self.dispatch,
        )
        self.capture = DocumentCaptureDesk(self.devices, self.workers, self.capture_vm,
                                           self.dispatch)
        hall = Hall(config.terminal.hall_name, config.terminal.hall_phone)
        paid_receipts = PaidReceipts(lambda: self.payment.cashier().ledger, hall)
        self.reprint = ReprintDesk(config, self.devices, self.catalogue, self.workers,
                                   lambda: self.backend, self.dispatch, paid_receipts)
        self._handlers = (
            self._effect_handlers()
            | self.reprint.handlers()
            | self.apply.handlers()
            | self.progress.handlers()
            | self.payment.handlers()
            | self.capture.handlers()
            | self.certificates.handlers()
            | self.evaluation.handlers()
            | self.operations.effect_handlers()
            | self.appointments.handlers()
        )

    # --- starting and stopping ----------------------------------------------------------------

    def start(self) -> KioskApp:
        """Show the window, take input, serve the control API and run the flow's clock; the
        devices and the platform follow after home's first frame. Returns the app."""
        self._unsubscribe = [
            install_log_masking(self.machine.session.known_names),
            self.machine.on_view(self.ui.set_view),
            self.machine.on_view(self.payment_vm.set_view),
            self.machine.on_view(self.evaluation_vm.set_view),
            self.machine.on_view(self.appointments.view_model.set_view),
            self.catalogue.subscribe(self.appointments.view_model.catalogue_changed),
            self.machine.on_view(self.progress.view_model.set_view),
            self.machine.on_view(self.capture_vm.set_view),
            self.machine.on_view(self.reprint_vm.set_view),
            self.machine.on_effect(self._on_effect),
            self.devices.events.subscribe(lambda e: self.workers.post(lambda: self._on_device(e))),
        ]
        if self.control is not None:
            automation = UiAutomation(self.ui.window, lambda: self.machine.state.value)
            register_routes(self.control, automation, self.workers, self.touch)
            self.payment.register_routes(self.control)
            self.appointments.mount_routes(self.control)
            self.control.start()
        self.operations.start()
        self.ui.start()
        self._ticker.start()
        self.ui.window.frameSwapped.connect(
            self._start_backend, Qt.ConnectionType.SingleShotConnection
        )
        QTimer.singleShot(BACKEND_START_FALLBACK_MS, self._start_backend)
        return self

    @property
    def started(self) -> bool:
        """True once the devices are open and the platform client exists (after first frame)."""
        return self._started

    @property
    def backend(self) -> Backend:
        """The platform side; waits for the start-up worker to build it (worker threads)."""
        return self._backend.result(timeout=BACKEND_WAIT_S)

    def _start_backend(self) -> None:
        """After the first frame of home: read the catalogue on disk in a worker and show it,
        then open the devices and start the platform in a worker, so the window never waits
        for them; when the catalogue came from disk they wait for the screen to settle
        (:mod:`entry.settle`: nothing on screen needs them yet, and their imports would slow
        a citizen's first taps). The flow hears of the devices when all are up."""
        if self._start_work:
            return

        def read_done(result: tuple[CatalogueFile, bool]) -> None:
            catalogue_file, shown = result
            if not shown:  # the citizen's list waits for the platform: start it now
                self._open_backend(catalogue_file)
                return
            self._settle = SettledScreen(self.ui.window, lambda: self._open_backend(catalogue_file))
            self._settle.watch()

        # first the catalogue on disk: a tap on 办事 waits for it
        self._start_work.append(
            self.workers.submit(self._read_disk_catalogue, read_done, self._start_failed)
        )

    def _open_backend(self, catalogue_file: CatalogueFile) -> None:
        """Open the devices and start the platform in a worker (the slow imports live here)."""

        def start() -> None:
            from entry import backend  # the slow imports, after home's first frame

            self.operations.prepare_metrics()

            self.devices.start()
            try:
                started = backend.start_backend(self.config, catalogue_file, self.outbox_store)
                self._backend.set_result(started)
            except BaseException as error:
                self._backend.set_exception(error)
                raise

        def done(_: None) -> None:
            self._started = True
            self.operations.backend_started(self._backend.result())
            self.payment.recover()
            statuses = self.devices.statuses()
            self.ui.catalogue.set_devices(statuses)
            self.dispatch(ev.DevicesChanged(statuses))
            gc.freeze()  # start-up's objects: see _publish
            self.refresh_catalogue()

        self._start_work.append(self.workers.submit(start, done, self._start_failed))

    def _start_failed(self, error: BaseException) -> None:
        log.error("start-up failed: %s: %s", type(error).__name__, error)

    def stop(self) -> None:
        """Stop everything this app started (waiting for a start-up still in progress)."""
        if self._settle is not None:
            self._settle.cancel()  # a start-up waiting for the screen never begins
        for work in list(self._start_work):
            with contextlib.suppress(Exception):
                work.result(timeout=BACKEND_STOP_WAIT_S)
        self.payment.stop()
        self.workers.shutdown()
        self._ticker.stop()
        for unsubscribe in reversed(self._unsubscribe):
            unsubscribe()
        self._stop_face()
        self.capture.stop()
        self.operations.stop()
        if self.control is not None:
            self.control.stop()
        self.ui.close()
        self.devices.stop()
        self.evaluation.close()
        if self._backend.done() and self._backend.exception() is None:
            self._backend.result().stop()
        self.outbox_store.close()  # last: the worker and maintenance are done with it
        gc.unfreeze()  # collectable again, so exit finalises them (nanobind checks)

    # --- catalogue ----------------------------------------------------------------------------

    def _read_disk_catalogue(self) -> tuple[CatalogueFile, bool]:
        """Read and index the catalogue on disk and show it at once (start-up worker, before
        the devices and the platform: a citizen who taps 办事 waits for this, not for them);
        returns the file for the platform refresh and whether there was one to show."""
        catalogue_file = catalogue_disk.catalogue_file(self.config)
        try:
            snapshot = catalogue_disk.cached_snapshot(catalogue_file, self.config.services.matters)
        except Exception as error:  # the platform refresh still follows
            log.warning("catalogue on disk not read (%s)", type(error).__name__)
            return catalogue_file, False
        if snapshot is None:
            return catalogue_file, False
        self.workers.post(lambda: self._show_disk_catalogue(snapshot))
        return catalogue_file, True

    def _show_disk_catalogue(self, snapshot: CatalogueSnapshot) -> None:
        if not self.catalogue.snapshot.loaded:  # the platform's may have come first
            self.catalogue.publish(snapshot)

    def refresh_catalogue(self) -> None:
        """Refresh the catalogue in a worker; retry later while there is none at all."""
        refresh = lambda: self.backend.refresh_catalogue()  # noqa: E731, PLW0108 - in the worker
        self.workers.submit(refresh, self._publish, self._catalogue_failed)

    def _publish(self, snapshot: CatalogueSnapshot) -> None:
        """Show a refreshed catalogue, then move every object alive now (the index, pypinyin's
        dictionaries, the modules) out of the garbage collector's oldest generation: a full
        collection over them took 55–65 ms of CPU, a pause in the middle of a search or a
        touch (``benchmarks/bench_search.py``); they live as long as the process anyway."""
        self.catalogue.publish(snapshot)
        gc.freeze()

    def _catalogue_failed(self, error: BaseException) -> None:
        log.warning("catalogue not loaded (%s); retrying", type(error).__name__)
        QTimer.singleShot(CATALOGUE_RETRY_MS, self.refresh_catalogue)

    # --- flow ---------------------------------------------------------------------------------

    def dispatch(self, event: ev.Event) -> None:
        """Send an event to the flow (GUI thread)."""
        self.machine.dispatch(event)

    def touch(self) -> None:
        """Any touch: the idle clock restarts (and the attract loop wakes)."""
        self.operations.touch()
        self.machine.touch()

    # --- effects ------------------------------------------------------------------------------

    def _effect_handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        return {
            fx.StartCardReading: self._start_card_reading,
            fx.StopCardReading: lambda _: self._set_reading(False),
            fx.StartFaceCapture: lambda _: self._start_face(),
            fx.StopFaceCapture: lambda _: self._stop_face(),
            fx.StartQrScanning: lambda _: self._set_scanning(True),
            fx.StopQrScanning: lambda _: self._set_scanning(False),
            fx.VerifyIdentity: self._verify,
            fx.QrLogin: self._qr_login,
            fx.LoadGuide: self._load_guide,
            fx.WipeSession: lambda _: self.ui.wipe(),
        }

    def _on_effect(self, effect: fx.Effect) -> None:
        handler = self._handlers.get(type(effect))
        if handler is not None:
            handler(effect)

    def _set_reading(self, reading: bool) -> None:
        self._reading_cards = reading

    def _set_scanning(self, scanning: bool) -> None:
        """A screen that reads codes opened or closed: switch the scanner on or off (in a
        worker: a serial scanner is written to)."""
        self._scanning_qr = scanning
        scanner = self.devices.device_as(DeviceClass.QR_SCANNER, QrScanner)
        if scanner is not None:
            switch = scanner.start_scan if scanning else scanner.stop_scan
            self.workers.submit(switch, lambda _: None, self._scanner_failed)

    def _scanner_failed(self, error: BaseException) -> None:
        log.warning("scanner trigger failed: %s: %s", type(error).__name__, error)

    def _start_card_reading(self, _: fx.StartCardReading) -> None:
        self._reading_cards = True
        reader = self.devices.device_as(DeviceClass.ID_CARD_READER, IdCardReader)
        card = reader.current_card if reader is not None else None
        if card is not None:
            self.dispatch(ev.CardPresented())
            self.dispatch(ev.CardRead(card))

    def _start_face(self) -> None:
        self._stop_face()
        if not self._backend.done():
            self.dispatch(ev.FaceCaptureFailed())
            return
        from entry import backend  # imported by the start-up worker already

        self._face = backend.face_capture(self.devices, self.ui, self.dispatch, self.workers.post)
        if self._face is None:
            self.dispatch(ev.FaceCaptureFailed())
        else:
            self._face.start()

    def _stop_face(self) -> None:
        if self._face is not None:
            self._face.stop()
            self._face = None
        self.ui.identity.wipe_frame()

    def _platform_call(self, request_id: int, call: Callable[[Backend], Verification]) -> None:
        def done(result: Verification) -> None:
            from entry import backend

            self.dispatch(backend.verification_event(request_id, result))

        def failed(error: BaseException) -> None:
            from entry import backend

            if not backend.is_platform_failure(error):
                log.error("platform call failed: %s", type(error).__name__)
            refused = backend.refusal_code(error)
            if refused is not None:
                self.dispatch(ev.PlatformRefused(request_id, refused))
            else:
                self.dispatch(ev.PlatformUnavailable(request_id))

        self.workers.submit(lambda: call(self.backend), done, failed)

    def _verify(self, effect: fx.VerifyIdentity) -> None:
        from entry import backend  # imported by the start-up worker already

        request = backend.verify_request(effect.card, effect.jpeg, effect.liveness_score)
        self._platform_call(effect.request_id, lambda b: b.verify(request))

    def _qr_login(self, effect: fx.QrLogin) -> None:
        payload = effect.payload
        self._platform_call(effect.request_id, lambda b: b.qr_login(payload))

    def _load_guide(self, effect: fx.LoadGuide) -> None:
        brief = self.catalogue.brief(effect.code, effect.kind)
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
        elif isinstance(event, CardRemoved):
            self.dispatch(ev.CardTakenAway())
        elif isinstance(event, ReadFailed):
            self.dispatch(ev.CardReadFailed(card_failure(event.error)))
        elif isinstance(event, Scanned) and self._scanning_qr:
            self.dispatch(ev.QrScanned(event.text))
