"""Operations wired into the running kiosk: maintenance mode, heartbeat and the platform's
commands, metrics, the audit log and the JSON log file.

:class:`Operations` is built by :class:`~entry.app.KioskApp` and handles the flow's
maintenance effects. It audits service starts and ends (matter and outcome only), mode
changes, PIN refusals, maintenance entry, exit and every maintenance action, and each
platform command. The heartbeat starts once the platform is up; its command handlers run on
the heartbeat's thread and hand the work to the GUI thread (``workers.call``). The PIN is
checked (a slow hash) and the self-tests run in workers; what they find is pushed to the
maintenance view-model (``maintenance`` in QML).

A restart (the technician's, or the platform's ``restart_app`` once the kiosk is idle) ends
the event loop with :data:`RESTART_EXIT_CODE`; the service manager starts the kiosk again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from drivers.base import (
    Capabilities,
    Device,
    DeviceClass,
    DeviceEvent,
    DeviceState,
    StatusChanged,
)
from drivers.id_card.types import IdCardReader
from drivers.printer.types import ReceiptPrinter
from drivers.scanner.types import QrScanner, Scanned
from entry.selftests import SelfTests
from kiosk.audit.log import AuditEvent, AuditLog, Value
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.states import Phase, State
from kiosk.flow.table import CHART
from kiosk.flow.view import FlowView
from kiosk.maintenance import checks
from kiosk.maintenance.checks import CheckResult, NetworkReport
from kiosk.maintenance.gate import GateChange, GateState, LeaveReason, MaintenanceGate
from kiosk.maintenance.logview import tail_log
from kiosk.maintenance.outbox_export import export_outbox
from kiosk.maintenance.pin import Granted, LockedOut, NoPinSet, PinGuard, PinResult, WrongPin
from kiosk.maintenance.site_config import Refused, Saved, SaveResult, save_site, saved_values
from kiosk.operations.collect_logs import COMMAND as UPLOAD_LOGS
from kiosk.operations.collect_logs import LogCollector, bundle_detail
from kiosk.operations.commands import CommandDispatcher, CommandLedger, CommandOutcome, Done
from kiosk.operations.daily import DailyCount
from kiosk.operations.heartbeat import BeatResult, HeartbeatService
from kiosk.operations.log_bundle import (
    EXPORTS_DIR_NAME,
    BundleSources,
    LogBundle,
    bundles,
    config_summary,
)
from kiosk.operations.settings import OpsSettings, parse_ops
from kiosk.operations.status import Mode, StatusSources
from kiosk.platform.models import Command
from kiosk.telemetry.labels import SessionOutcome
from kiosk.telemetry.logs import json_log_handler
from ui.bridge.maintenance_vm import MaintenanceViewModel

if TYPE_CHECKING:
    from entry.app import KioskApp
    from entry.backend import Backend
    from kiosk.telemetry.exporter import MetricsExporter
    from kiosk.telemetry.metrics import KioskMetrics

log = logging.getLogger(__name__)

RESTART_EXIT_CODE = 75
"""The exit code of a restart (EX_TEMPFAIL): the service manager starts the kiosk again."""
POLL_MS = 1000
"""How often the maintenance gate and a pending restart are looked at."""
RESTART_DELAY_MS = 500
"""A restart waits this long, so the audit line and the screen's last words get out."""

SESSION_STATES = CHART.states_in(Phase.SESSION)
IDLE_STATES = frozenset({State.HOME, State.ATTRACT, State.OUT_OF_SERVICE})
"""Where no citizen and no technician is using the terminal (a restart may happen)."""
FAILED_ENDINGS = frozenset({State.REFER_TO_WINDOW, State.OUT_OF_SERVICE})


def mode_of(state: State) -> Mode:
    """The heartbeat's mode for a flow state."""
    if state is State.MAINTENANCE:
        return Mode.MAINTENANCE
    if state is State.OUT_OF_SERVICE:
        return Mode.OUT_OF_SERVICE
    return Mode.IN_SERVICE


class Operations:
    """Maintenance, heartbeat, metrics and audit for one :class:`KioskApp`; build it in the
    app's constructor, :meth:`start` it with the app, :meth:`backend_started` once the
    platform is up, :meth:`stop` it before the app's devices stop."""

    def __init__(self, app: KioskApp) -> None:
        self._app = app
        config = app.config
        data_dir = config.terminal.data_dir
        self.settings: OpsSettings = parse_ops(config.raw, data_dir)
        s = self.settings
        self.audit = AuditLog(s.audit_dir, s.audit_max_bytes)
        self.outbox = app.outbox_store
        m = s.maintenance
        self.pin = PinGuard(
            m.pin_hash, s.state_dir / "maintenance-pin.json", m.max_failures, m.lockout_s
        )
        self.gate = MaintenanceGate({"outbox": self.outbox.sending}, m.idle_timeout_s)
        self._mode = mode_of(app.machine.state)
        self.sources = StatusSources(
            devices=app.devices.statuses,
            outbox=self.outbox.status,
            mode=lambda: self._mode,
            capabilities=self._capabilities,
        )
        self._metrics: KioskMetrics | None = None
        self._metrics_lock = threading.Lock()
        self._built_at = time.monotonic()
        self.sessions_today = DailyCount(s.state_dir / "sessions-today.json")
        self.log_collector = LogCollector(
            BundleSources(
                s.telemetry.log_file,
                s.audit_dir,
                app.devices.statuses,
                config_summary(config),
                app.machine.session.known_names,
            ),
            data_dir / EXPORTS_DIR_NAME,
            config.terminal.terminal_id,
        )
        self.dispatcher = CommandDispatcher(
            CommandLedger(s.state_dir / "commands.json"),
            {
                "refresh_catalogue": self._command_refresh_catalogue,
                "out_of_service": self._command_out_of_service,
                "back_in_service": self._command_back_in_service,
                "restart_app": self._command_restart_app,
                UPLOAD_LOGS: self.log_collector,
            },
            on_outcome=self._command_handled,
        )
        self.view_model = MaintenanceViewModel(self)
        self.selftests = SelfTests(app, self.view_model, self._work, self._done)
        self.heartbeat: HeartbeatService | None = None
        self.metrics_port: int | None = None
        self._backend: Backend | None = None
        self._exporter: MetricsExporter | None = None
        self._log_handler: RotatingFileHandler | None = None
        self._suspended = False
        self._restart_pending = False
        self._scan_test = False
        self._log_filter = ""
        self._last_errors: dict[DeviceClass, str] = {}
        self._state = app.machine.state
        self._matter = ""
        self._unsubscribe: list[Callable[[], None]] = []
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    # --- starting and stopping ----------------------------------------------------------------

    @property
    def metrics(self) -> KioskMetrics:
        """The kiosk's Prometheus metrics (uptime counted from this object's construction),
        built on first use: ``prometheus_client`` costs tens of milliseconds to import, so
        the start-up worker builds them after home's first frame (:meth:`prepare_metrics`)."""
        with self._metrics_lock:
            if self._metrics is None:
                from kiosk.telemetry.metrics import KioskMetrics

                self._metrics = KioskMetrics(
                    self.sources, self._app.config.terminal.terminal_id, started_at=self._built_at
                )
            return self._metrics

    def prepare_metrics(self) -> None:
        """Build the metrics now (the start-up worker, after home's first frame)."""
        _ = self.metrics

    def effect_handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The flow effects this part of the kiosk carries out (merged into the app's)."""
        return {
            fx.RequestMaintenance: lambda _: self._request_maintenance(),
            fx.EndMaintenance: lambda _: self._end_maintenance(),
        }

    def start(self) -> None:
        """Log to the JSON file, serve metrics when configured, watch the flow and devices."""
        app = self._app
        telemetry = self.settings.telemetry
        if telemetry.log_file is not None:
            self._log_handler = json_log_handler(
                telemetry.log_file,
                app.machine.session.known_names,
                telemetry.log_max_bytes,
                telemetry.log_backups,
            )
            logging.getLogger().addHandler(self._log_handler)
        if telemetry.metrics_listen is not None:
            from kiosk.telemetry.exporter import MetricsExporter

            exporter = MetricsExporter(self.metrics.registry, telemetry.metrics_listen)
            try:
                self.metrics_port = exporter.start()
                self._exporter = exporter
            except OSError as error:
                log.error("metrics exporter not started: %s", error)
        self._unsubscribe = [
            self.gate.subscribe(self._on_gate),
            app.machine.on_view(self._on_view),
            app.devices.events.subscribe(lambda e: app.workers.post(lambda: self._on_device(e))),
        ]
        if app.control is not None:
            app.control.route("POST", "/sim/heartbeat", self._beat_route)
        self._timer.start()

    def backend_started(self, backend: Backend) -> None:
        """The platform is up: start the heartbeat (it beats at once, then every interval)."""
        self._backend = backend
        self.heartbeat = HeartbeatService(
            backend.client,
            self._app.config.terminal.terminal_id,
            self.sources,
            self.dispatcher,
            sessions_today=self.sessions_today.count,
            interval_s=self.settings.heartbeat_interval_s,
            observe=self.metrics.platform.observe,
        )
        self.heartbeat.start()

    def stop(self) -> None:
        """Stop the heartbeat, the exporter and the log file (the app closes the outbox)."""
        self._timer.stop()
        self.selftests.halt()
        for unsubscribe in reversed(self._unsubscribe):
            unsubscribe()
        self._unsubscribe = []
        if self.heartbeat is not None:
            self.heartbeat.stop()
        if self._exporter is not None:
            self._exporter.stop()
        if self._log_handler is not None:
            logging.getLogger().removeHandler(self._log_handler)
            self._log_handler.close()

    def touch(self) -> None:
        """Any touch: the technician is still there."""
        if self.gate.state is GateState.ACTIVE:
            self.gate.touch()

    def beat_now(self) -> BeatResult | None:
        """Send a heartbeat now (worker thread; None before the platform is up)."""
        return self.heartbeat.beat() if self.heartbeat is not None else None

    def _beat_route(self, _: object) -> tuple[int, Any]:
        result = self.beat_now()
        if result is None:
            return 409, {"error": "the platform has not started yet"}
        return 200, {"result": type(result).__name__}

    # --- what the flow shows: modes and citizen services ------------------------------------

    def _on_view(self, view: FlowView) -> None:
        state, before = view.state, self._state
        self._state = state
        mode = mode_of(state)
        if mode is not self._mode:
            reason = view.reason.value if view.reason else ""
            self._record(AuditEvent.MODE_CHANGED, before=self._mode.value, after=mode.value,
                         reason=reason)
            self._mode = mode
        if state in SESSION_STATES:
            if before not in SESSION_STATES:
                self._matter = ""
                self.metrics.session_started()
                self.sessions_today.add()
                self._record(AuditEvent.SERVICE_STARTED)
            if view.matter is not None:
                self._matter = view.matter.code
        elif before in SESSION_STATES:
            failed = before in FAILED_ENDINGS or state in FAILED_ENDINGS
            outcome = SessionOutcome.FAILED if failed else SessionOutcome.ABANDONED
            self.metrics.session_ended(self._matter, outcome)
            self._record(AuditEvent.SERVICE_ENDED, matter=self._matter, outcome=outcome.value)

    def _record(self, event: AuditEvent, **data: Value) -> None:
        try:
            self.audit.record(event, **data)
        except OSError as error:
            log.error("audit log not written (%s): %s", event.value, error)

    # --- maintenance gate ----------------------------------------------------------------------

    def _request_maintenance(self) -> None:
        self.gate.request()

    def _end_maintenance(self) -> None:
        self.gate.leave()
        self._scan_test = False
        self.selftests.stop_preview()
        self.view_model.wipe()

    def _on_gate(self, change: GateChange) -> None:
        if change.after is GateState.ACTIVE:
            self._record(AuditEvent.MAINTENANCE_ENTERED)
            self._app.dispatch(ev.MaintenanceGranted())
        elif change.after is GateState.CLOSED:
            if change.before is GateState.ACTIVE:
                self._record(AuditEvent.MAINTENANCE_LEFT, reason=change.reason)
            if change.reason == LeaveReason.IDLE_TIMEOUT:
                self._app.dispatch(ev.MaintenanceEnded())

    def _poll(self) -> None:
        self.gate.poll()
        if self._restart_pending and self._state in IDLE_STATES:
            self._restart_pending = False
            self._restart()

    def _restart(self) -> None:
        log.warning("restarting the kiosk (exit code %d)", RESTART_EXIT_CODE)
        QTimer.singleShot(RESTART_DELAY_MS, lambda: QCoreApplication.exit(RESTART_EXIT_CODE))

    # --- the PIN pad ---------------------------------------------------------------------------

    def check_pin(self, pin: str) -> None:
        """Check a technician PIN in a worker (the hash is slow on purpose)."""
        self._app.workers.submit(lambda: self.pin.check(pin), self._pin_checked)

    def _pin_checked(self, result: PinResult) -> None:
        self.view_model.set_pin_result(result)
        if isinstance(result, Granted):
            self._app.dispatch(ev.PinAccepted())
        elif isinstance(result, WrongPin):
            self._record(AuditEvent.MAINTENANCE_PIN_REFUSED, tries_left=result.tries_left)
        elif isinstance(result, LockedOut):
            self._record(AuditEvent.MAINTENANCE_LOCKED_OUT, seconds_left=result.seconds_left)
        elif isinstance(result, NoPinSet):
            self._record(AuditEvent.MAINTENANCE_PIN_REFUSED, reason="no_pin_set")

    # --- maintenance actions ---------------------------------------------------------------------

    def perform(self, action: str, target: str) -> None:
        """A maintenance button: carry it out (in a worker when it does I/O), audit it with
        its outcome, and show the outcome."""
        if self.gate.state is not GateState.ACTIVE:
            log.warning("maintenance action %s refused: not in maintenance", action)
            return
        self.gate.touch()
        handler = self._actions().get(action)
        if handler is None:
            self._done(action, target, CheckResult(False, "failed", action))
            return
        handler(target)

    def _actions(self) -> Mapping[str, Callable[[str], None]]:
        return {
            "test_print": lambda t: self._device_check(
                t, "test_print", ReceiptPrinter, checks.test_print
            ),
            "read_card": lambda t: self._device_check(
                t, "read_card", IdCardReader, checks.read_card
            ),
            "reset": lambda t: self._device_check(t, "reset", Device, checks.reset_device),
            "scan_code": self._arm_scan_test,
            "paper_replaced": lambda t: self._done(
                "paper_replaced", t, CheckResult(True, "paper_replaced")
            ),
            "retry_dead_letter": self._retry_dead_letter,
            "export_outbox": lambda t: self._work("export_outbox", t, self._export_outbox),
            "refresh_catalogue": self._refresh_catalogue,
            "filter_logs": self._filter_logs,
            "out_of_service": lambda t: self._technician_service(t, in_service=False),
            "back_in_service": lambda t: self._technician_service(t, in_service=True),
            "restart_app": self._technician_restart,
            "export_logs": self._export_logs,
            **self.selftests.actions(),
        }

    def _done(self, action: str, target: str, result: CheckResult) -> None:
        self._record(AuditEvent.MAINTENANCE_ACTION, action=action, target=target,
                     outcome=result.code)
        self.view_model.set_result(result)

    def _work(self, action: str, target: str, work: Callable[[], CheckResult]) -> None:
        def failed(error: BaseException) -> None:
            log.error("maintenance %s failed: %s: %s", action, type(error).__name__, error)
            self._done(action, target, CheckResult(False, "failed", type(error).__name__))

        self._app.workers.submit(work, lambda r: self._done(action, target, r), failed)

    def _device_check(
        self, target: str, action: str, kind: type[Any], check: Callable[[Any], CheckResult]
    ) -> None:
        try:
            device = self._app.devices.device_as(DeviceClass(target), kind)
        except ValueError:
            device = None
        if device is None:
            self._done(action, target, CheckResult(False, "no_device", target))
            return
        self._work(action, target, lambda: check(device))

    def _arm_scan_test(self, target: str) -> None:
        scanner = self._app.devices.device_as(DeviceClass.QR_SCANNER, QrScanner)
        if scanner is None:
            self._done("scan_code", target, CheckResult(False, "no_device", target))
            return
        self._scan_test = True
        self.view_model.set_result(CheckResult(True, "scan_waiting"))
        self._app.workers.submit(scanner.start_scan, lambda _: None, lambda _: None)

    def _retry_dead_letter(self, local_ref: str) -> None:
        def retry() -> CheckResult:
            if self.outbox.retry_dead_letter(local_ref):
                return CheckResult(True, "dead_letter_retried", local_ref)
            return CheckResult(False, "dead_letter_missing", local_ref)

        def done(result: CheckResult) -> None:
            self._done("retry_dead_letter", local_ref, result)
            self.refresh("outbox")

        self._app.workers.submit(retry, done)

    def _export_outbox(self) -> CheckResult:
        terminal = self._app.config.terminal
        exported = export_outbox(self.outbox, terminal.data_dir, terminal.terminal_id)
        return CheckResult(
            True, "outbox_exported",
            f"{exported.path} ({exported.pending} + {exported.dead_letters})",
        )

    def _export_logs(self, target: str) -> None:
        """Logs → 导出: a bundle for the technician to take away; its SHA-256 goes into the
        audit line, which seals it."""

        def written(bundle: LogBundle) -> None:
            self._record(AuditEvent.MAINTENANCE_ACTION, action="export_logs", target=target,
                         outcome="logs_exported", bundle=bundle_detail(bundle))
            self.view_model.set_result(CheckResult(True, "logs_exported", str(bundle.path)))
            self.refresh("logs")

        def failed(error: BaseException) -> None:
            log.error("log export failed: %s: %s", type(error).__name__, error)
            self._done("export_logs", target, CheckResult(False, "failed", type(error).__name__))

        self._app.workers.submit(lambda: self.log_collector.bundle("technician"), written, failed)

    def save_site(self, values: Mapping[str, str]) -> None:
        """保存 on the configuration panel: check and write the site file in a worker, audit
        the keys changed (never their values), show the outcome."""
        if self.gate.state is not GateState.ACTIVE:
            log.warning("site configuration refused: not in maintenance")
            return
        self.gate.touch()
        config = self._app.config
        self._app.workers.submit(lambda: save_site(values, config), self._site_saved)

    def _site_saved(self, result: SaveResult) -> None:
        if isinstance(result, Saved):
            self._record(AuditEvent.CONFIG_CHANGED, keys=",".join(result.changed),
                         file=result.path.name)
        outcome = type(result).__name__.lower()
        problems = ",".join(result.problems) if isinstance(result, Refused) else ""
        self._record(AuditEvent.MAINTENANCE_ACTION, action="save_config", target=problems,
                     outcome=outcome)
        self.view_model.set_site_result(result)
        self.refresh("config")

    def _refresh_catalogue(self, target: str) -> None:
        self._app.refresh_catalogue()
        self._done("refresh_catalogue", target, CheckResult(True, "catalogue_refresh"))

    def _filter_logs(self, contains: str) -> None:
        self._log_filter = contains
        self._record(AuditEvent.MAINTENANCE_ACTION, action="filter_logs", target="",
                     outcome="shown")
        self.refresh("logs")

    def _technician_service(self, target: str, *, in_service: bool) -> None:
        if in_service:
            self._resume()
        else:
            self._suspend(ev.Suspender.TECHNICIAN)
        code = "back_in_service" if in_service else "out_of_service"
        self._done(code, target, CheckResult(True, code))

    def _technician_restart(self, target: str) -> None:
        self._done("restart_app", target, CheckResult(True, "restarting"))
        self._restart()

    def _suspend(self, by: ev.Suspender) -> None:
        self._suspended = True
        self._app.dispatch(ev.ServiceSuspended(by))
        self.view_model.set_in_service(False)

    def _resume(self) -> None:
        self._suspended = False
        self._app.dispatch(ev.ServiceResumed())
        self.view_model.set_in_service(True)

    # --- panels -----------------------------------------------------------------------------------

    def refresh(self, panel: str) -> None:
        """Bring a maintenance panel up to date (reading files and the network in workers)."""
        app, vm = self._app, self.view_model
        if panel != "devices":
            self.selftests.stop_preview()
        if panel == "devices":
            vm.set_devices(app.devices.statuses(), self._capabilities(), self._last_errors)
        elif panel == "outbox":
            app.workers.submit(
                lambda: (self.outbox.status(), self.outbox.dead_letters()),
                lambda found: vm.set_outbox(*found),
            )
        elif panel == "catalogue":
            vm.set_catalogue(app.catalogue.snapshot)
        elif panel == "network":
            app.workers.submit(self._check_network, vm.set_network)
        elif panel == "logs":
            log_file = self.settings.telemetry.log_file
            contains = self._log_filter
            if log_file is not None:
                app.workers.submit(lambda: tail_log(log_file, contains), vm.set_logs)
            exports = self.log_collector.exports_dir
            app.workers.submit(lambda: [(p.name, p.stat().st_size) for p in bundles(exports)],
                               vm.set_log_bundles)
        elif panel == "service":
            vm.set_in_service(not self._suspended)
        elif panel == "config":
            config = app.config
            app.workers.submit(lambda: saved_values(config), vm.set_site_config)

    def _check_network(self) -> NetworkReport:
        backend = self._backend
        if backend is None:
            return NetworkReport(False, "starting")
        sim = backend.platform_sim
        ca_file = sim.ca_file if sim is not None else self._app.config.platform.ca_file
        cached = backend.catalogue_cache.load()
        return checks.check_network(backend.client, ca_file, cached.etag if cached else None)

    def _capabilities(self) -> dict[DeviceClass, Capabilities]:
        found = {}
        for device_class in self._app.devices.statuses():
            device = self._app.devices.device(device_class)
            if device is not None:
                found[device_class] = device.capabilities
        return found

    def _on_device(self, event: DeviceEvent) -> None:
        passing = isinstance(event, StatusChanged) and event.status.state in (
            DeviceState.STARTING, DeviceState.BUSY
        )  # starting up or printing: not a fault
        if isinstance(event, StatusChanged) and not event.status.usable and not passing:
            status = event.status
            self._last_errors[event.device_class] = " ".join(
                part for part in (status.state.value, status.media.value, status.detail) if part
            )
        if isinstance(event, Scanned) and self._scan_test:
            self._scan_test = False
            self._done("scan_code", DeviceClass.QR_SCANNER.value, checks.code_scanned(event.text))
        if isinstance(event, StatusChanged) and self.gate.state is GateState.ACTIVE:
            self.refresh("devices")

    # --- the platform's commands (heartbeat thread) ----------------------------------------

    def _on_gui(self, fn: Callable[[], None], detail: str) -> CommandOutcome:
        self._app.workers.call(fn)
        return Done(detail)

    def _command_refresh_catalogue(self, _: Command) -> CommandOutcome:
        return self._on_gui(self._app.refresh_catalogue, "refresh started")

    def _command_out_of_service(self, _: Command) -> CommandOutcome:
        return self._on_gui(lambda: self._suspend(ev.Suspender.PLATFORM), "suspended")

    def _command_back_in_service(self, _: Command) -> CommandOutcome:
        return self._on_gui(self._resume, "resumed")

    def _command_restart_app(self, _: Command) -> CommandOutcome:
        return self._on_gui(self._schedule_restart, "restart when idle")

    def _schedule_restart(self) -> None:
        self._restart_pending = True

    def _command_handled(self, command: Command, outcome: CommandOutcome) -> None:
        reason = outcome.detail if isinstance(outcome, Done) else outcome.reason
        data: dict[str, Value] = {
            "id": command.id,
            "command": command.command,
            "outcome": "done" if isinstance(outcome, Done) else "refused",
            "reason": reason,
        }
        self._record(AuditEvent.COMMAND_HANDLED, **data)  # the audit log is thread-safe

