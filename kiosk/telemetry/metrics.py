"""Prometheus metrics of the terminal, for remote monitoring beside the heartbeat.

Device, media, outbox and mode gauges are read from :class:`StatusSources` at scrape time,
so they are never stale and need no wiring to events. Counters are bumped by the flow
(sessions) and around platform calls. Labels carry only codes from closed sets — device
classes, states, operation ids, problem codes, matter codes — never anything of a citizen;
a label value that is not a plain code is replaced by ``other``.

All metrics live in the :class:`KioskMetrics`' own registry (not the process-global one),
so tests and two kiosks in one process do not collide. The labels' rules and the session
outcomes are in :mod:`kiosk.telemetry.labels` (no ``prometheus_client``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Histogram, Info
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from drivers.base import DeviceState, MediaStatus
from kiosk import __version__
from kiosk.operations.status import Mode, StatusSources
from kiosk.platform.errors import PlatformFailure
from kiosk.telemetry.labels import OTHER, SessionOutcome, code_label, failure_code

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)


class PlatformCallMetrics:
    """Latency of platform calls by operation, and their errors by operation and code."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self._latency = Histogram(
            "kiosk_platform_call_seconds",
            "Duration of platform calls, retries included, by contract operation.",
            ["operation"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self._errors = Counter(
            "kiosk_platform_call_errors",
            "Failed platform calls by contract operation and problem code.",
            ["operation", "code"],
            registry=registry,
        )

    def record(self, operation: str, seconds: float, error_code: str | None = None) -> None:
        """Count one call of ``operation`` that took ``seconds`` (and failed with
        ``error_code``, when it did)."""
        label = code_label(operation, OTHER)
        self._latency.labels(label).observe(seconds)
        if error_code is not None:
            self._errors.labels(label, code_label(error_code, OTHER)).inc()

    @contextmanager
    def observe(self, operation: str) -> Iterator[None]:
        """Time the calls in the ``with`` block; a platform failure is counted and re-raised."""
        started = time.monotonic()
        try:
            yield
        except PlatformFailure as error:
            self.record(operation, time.monotonic() - started, failure_code(error))
            raise
        self.record(operation, time.monotonic() - started)


class _StatusCollector(Collector):
    """Gauges read from the status sources at each scrape."""

    def __init__(self, sources: StatusSources, uptime: Callable[[], float]) -> None:
        self._sources = sources
        self._uptime = uptime

    def collect(self) -> Iterable[Metric]:
        devices = self._sources.devices()
        state = GaugeMetricFamily(
            "kiosk_device_state",
            "1 for the device's current state, 0 for the others.",
            labels=["device_class", "state"],
        )
        media = GaugeMetricFamily(
            "kiosk_device_media",
            "1 for the device's current paper/media status, 0 for the others.",
            labels=["device_class", "media"],
        )
        for device_class, status in devices.items():
            for value in DeviceState:
                state.add_metric([device_class.value, value.value], float(status.state is value))
            for medium in MediaStatus:
                media.add_metric([device_class.value, medium.value], float(status.media is medium))
        outbox = self._sources.outbox()
        mode = self._sources.mode()
        mode_family = GaugeMetricFamily(
            "kiosk_mode", "1 for the terminal's current mode, 0 for the others.", labels=["mode"]
        )
        for each_mode in Mode:
            mode_family.add_metric([each_mode.value], float(mode is each_mode))
        yield state
        yield media
        yield mode_family
        yield GaugeMetricFamily(
            "kiosk_outbox_depth", "Requests waiting in the outbox.", value=outbox.depth
        )
        yield GaugeMetricFamily(
            "kiosk_outbox_oldest_age_seconds",
            "Age of the oldest request in the outbox (0 when empty).",
            value=outbox.oldest_age_s or 0,
        )
        yield GaugeMetricFamily(
            "kiosk_outbox_dead_letters",
            "Requests the platform refused for good.",
            value=outbox.dead_letters,
        )
        yield GaugeMetricFamily(
            "kiosk_uptime_seconds", "Seconds since the kiosk started.", value=self._uptime()
        )


class KioskMetrics:
    """Every metric of the kiosk in one registry (``registry``), served by the exporter."""

    def __init__(
        self,
        sources: StatusSources,
        terminal_id: str,
        *,
        app_version: str = __version__,
        registry: CollectorRegistry | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        started_at: float | None = None,
    ) -> None:
        self.registry = registry or CollectorRegistry()
        started = monotonic() if started_at is None else started_at
        self.registry.register(_StatusCollector(sources, lambda: monotonic() - started))
        Info("kiosk", "The kiosk's version and terminal id.", registry=self.registry).info(
            {"version": app_version, "terminal_id": terminal_id}
        )
        self._started = Counter(
            "kiosk_sessions_started",
            "Citizen sessions started, by matter code (none before a matter is chosen).",
            ["matter_code"],
            registry=self.registry,
        )
        self._ended = Counter(
            "kiosk_sessions_ended",
            "Citizen sessions ended, by matter code and outcome.",
            ["matter_code", "outcome"],
            registry=self.registry,
        )
        self.platform = PlatformCallMetrics(self.registry)

    def session_started(self, matter_code: str = "") -> None:
        """A citizen session started (for ``matter_code``, when already chosen)."""
        self._started.labels(code_label(matter_code)).inc()

    def session_ended(self, matter_code: str, outcome: SessionOutcome) -> None:
        """A citizen session ended with ``outcome``."""
        self._ended.labels(code_label(matter_code), outcome.value).inc()
