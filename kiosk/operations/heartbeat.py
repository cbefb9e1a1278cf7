"""The heartbeat (运维): every ``interval_s`` report the terminal's status to the platform,
run the commands its answer carries, and acknowledge them in the next heartbeat.

The body is built from the real sources (:class:`StatusSources`): each device's status with
its model and firmware, the mode, the outbox's depth and the age of its oldest request, and
the sessions started today. A heartbeat that fails is only logged: the next one carries the
same acknowledgements, and the platform keeps repeating unacknowledged commands, which the
:class:`CommandLedger` does not run twice.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from kiosk import __version__
from kiosk.masking import mask_text
from kiosk.operations.commands import CommandDispatcher, CommandOutcome
from kiosk.operations.status import StatusSources
from kiosk.platform.errors import PlatformFailure
from kiosk.platform.models import Command, DeviceReport, Heartbeat

log = logging.getLogger(__name__)

HEARTBEAT_OPERATION = "heartbeat"


class HeartbeatClient(Protocol):
    """The part of :class:`kiosk.platform.client.PlatformClient` the heartbeat uses."""

    def heartbeat(
        self, terminal_id: str, heartbeat: Heartbeat, *, idempotency_key: uuid.UUID | str
    ) -> tuple[Command, ...]:
        """Send one heartbeat; the platform's queued commands, oldest first."""
        ...


@dataclass(frozen=True)
class BeatSent:
    """The platform took the heartbeat: ``acked`` ids are acknowledged, ``ran`` are the new
    commands its answer carried and how each ended (acknowledged in the next heartbeat)."""

    acked: tuple[str, ...]
    ran: tuple[tuple[Command, CommandOutcome], ...]


@dataclass(frozen=True)
class BeatFailed:
    """No answer, or a refusal: ``error`` says which. The next heartbeat tries again."""

    error: str


BeatResult = BeatSent | BeatFailed
CallObserver = Callable[[str], AbstractContextManager[object]]


def _unobserved(_: str) -> AbstractContextManager[object]:
    return nullcontext()


def _zero() -> int:
    return 0


def _utc_now() -> datetime:
    return datetime.now(UTC)


class HeartbeatService:
    """Builds and sends heartbeats, on a thread of its own once :meth:`start` is called.

    ``observe`` wraps each platform call (``KioskMetrics.platform.observe`` times it and
    counts its errors); ``monotonic`` and ``now`` are injectable for tests.
    """

    def __init__(
        self,
        client: HeartbeatClient,
        terminal_id: str,
        sources: StatusSources,
        dispatcher: CommandDispatcher,
        *,
        sessions_today: Callable[[], int] = _zero,
        interval_s: float = 60.0,
        app_version: str = __version__,
        observe: CallObserver = _unobserved,
        monotonic: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._client = client
        self._terminal_id = terminal_id
        self._sources = sources
        self._dispatcher = dispatcher
        self._sessions_today = sessions_today
        self._interval_s = interval_s
        self._app_version = app_version
        self._observe = observe
        self._monotonic = monotonic
        self._now = now
        self._started_at = monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def build(self, acked: tuple[str, ...] = ()) -> Heartbeat:
        """The heartbeat body as of now, acknowledging ``acked``."""
        capabilities = self._sources.capabilities()
        devices = []
        for device_class, status in self._sources.devices().items():
            caps = capabilities.get(device_class)
            devices.append(
                DeviceReport(
                    device_class=device_class.value,
                    state=status.state.value,
                    media=status.media.value,
                    detail=mask_text(status.detail),
                    model=caps.model if caps else "",
                    firmware=caps.firmware if caps else "",
                )
            )
        outbox = self._sources.outbox()
        return Heartbeat(
            app_version=self._app_version,
            mode=self._sources.mode().value,
            uptime_s=max(0, int(self._monotonic() - self._started_at)),
            devices=tuple(devices),
            outbox_depth=outbox.depth,
            sent_at=self._now(),
            oldest_outbox_age_s=outbox.oldest_age_s,
            sessions_today=self._sessions_today(),
            acked_commands=acked,
        )

    def beat(self) -> BeatResult:
        """Send one heartbeat now and run the commands of its answer."""
        ledger = self._dispatcher.ledger
        acked = ledger.unacked()
        heartbeat = self.build(acked)
        try:
            with self._observe(HEARTBEAT_OPERATION):
                commands = self._client.heartbeat(
                    self._terminal_id, heartbeat, idempotency_key=uuid.uuid4()
                )
        except PlatformFailure as error:
            log.warning("heartbeat failed: %s", error)
            return BeatFailed(str(error))
        ledger.acknowledged(acked)
        return BeatSent(acked, self._dispatcher.dispatch(commands))

    def start(self) -> None:
        """Beat now and then every ``interval_s`` on a daemon thread, until :meth:`stop`."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop beating; waits up to ``timeout_s`` for a heartbeat under way."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.beat()
            except Exception:  # a broken source must not end monitoring for good
                log.exception("heartbeat could not be built or handled")
            self._stop.wait(self._interval_s)
