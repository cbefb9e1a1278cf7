"""Prometheus metrics scraped over HTTP from the exporter and parsed as Prometheus does."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st
from prometheus_client.parser import text_string_to_metric_families

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from drivers.config import ConfigError
from kiosk.operations.status import Mode
from kiosk.outbox.store import OutboxStatus
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable
from kiosk.telemetry.exporter import ListenAddress, MetricsExporter, parse_listen
from kiosk.telemetry.metrics import KioskMetrics, SessionOutcome, code_label
from tests.kiosk.operations.fakes import Terminal

ROOT = Path(__file__).resolve().parents[3]
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def terminal() -> Terminal:
    return Terminal()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def metrics(terminal: Terminal, clock: Clock) -> KioskMetrics:
    return KioskMetrics(terminal.sources(), "KIOSK-SIM-0001", app_version="0.1.0", monotonic=clock)


@pytest.fixture
def scrape(metrics: KioskMetrics) -> Iterator[str]:
    exporter = MetricsExporter(metrics.registry, ListenAddress("127.0.0.1", 0))
    port = exporter.start()
    try:
        yield f"http://127.0.0.1:{port}/metrics"
    finally:
        exporter.stop()


def samples(url: str) -> Samples:
    answer = requests.get(url, timeout=5)
    assert answer.status_code == 200
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(answer.text)
        for s in family.samples
    }


def value(found: Samples, name: str, **labels: str) -> float:
    return found[(name, frozenset(labels.items()))]


def test_device_states_media_outbox_mode_and_uptime_are_current_at_each_scrape(
    scrape: str, terminal: Terminal, clock: Clock
) -> None:
    clock.now += 12
    terminal.devices[DeviceClass.RECEIPT_PRINTER] = DeviceStatus(
        DeviceState.HARDWARE_ERROR, MediaStatus.OUT, "paper out"
    )
    terminal.outbox = OutboxStatus(depth=4, oldest_age_s=600, dead_letters=1, last_error="")
    terminal.mode = Mode.MAINTENANCE
    found = samples(scrape)
    printer = "receipt_printer"
    assert value(found, "kiosk_device_state", device_class=printer, state="hardware_error") == 1
    assert value(found, "kiosk_device_state", device_class=printer, state="online") == 0
    assert value(found, "kiosk_device_media", device_class=printer, media="out") == 1
    assert value(found, "kiosk_device_state", device_class="id_card_reader", state="online") == 1
    assert value(found, "kiosk_outbox_depth") == 4
    assert value(found, "kiosk_outbox_oldest_age_seconds") == 600
    assert value(found, "kiosk_outbox_dead_letters") == 1
    assert value(found, "kiosk_mode", mode="maintenance") == 1
    assert value(found, "kiosk_mode", mode="in_service") == 0
    assert value(found, "kiosk_uptime_seconds") == 12
    assert value(found, "kiosk_info", version="0.1.0", terminal_id="KIOSK-SIM-0001") == 1

    terminal.mode = Mode.IN_SERVICE
    assert value(samples(scrape), "kiosk_mode", mode="in_service") == 1


def test_sessions_are_counted_by_matter_code_and_outcome(
    scrape: str, metrics: KioskMetrics
) -> None:
    metrics.session_started()
    metrics.session_started("11330100MB0001")
    metrics.session_ended("11330100MB0001", SessionOutcome.COMPLETED)
    metrics.session_ended("", SessionOutcome.ABANDONED)
    found = samples(scrape)
    assert value(found, "kiosk_sessions_started_total", matter_code="none") == 1
    assert value(found, "kiosk_sessions_started_total", matter_code="11330100MB0001") == 1
    assert (
        value(
            found, "kiosk_sessions_ended_total", matter_code="11330100MB0001", outcome="completed"
        )
        == 1
    )
    assert value(found, "kiosk_sessions_ended_total", matter_code="none", outcome="abandoned") == 1


def test_platform_calls_are_timed_and_errors_counted_by_code(
    scrape: str, metrics: KioskMetrics
) -> None:
    with metrics.platform.observe("getCatalogue"):
        pass
    failures = [
        PlatformError(429, "rate_limited"),
        PlatformUnreachable("timed out"),
        PlatformUnreachable("certificate refused", tls=True),
        MalformedResponse(200, "not JSON"),
    ]
    for failure in failures:
        with pytest.raises(type(failure)), metrics.platform.observe("heartbeat"):
            raise failure
    found = samples(scrape)
    assert value(found, "kiosk_platform_call_seconds_count", operation="getCatalogue") == 1
    assert value(found, "kiosk_platform_call_seconds_count", operation="heartbeat") == 4
    for code in ("rate_limited", "unreachable", "tls", "malformed_response"):
        assert (
            value(found, "kiosk_platform_call_errors_total", operation="heartbeat", code=code) == 1
        )
    assert (
        "kiosk_platform_call_errors_total",
        frozenset({("operation", "getCatalogue"), ("code", "rate_limited")}),
    ) not in found


@given(st.text(max_size=60))
def test_a_label_is_a_plain_code_or_other(text: str) -> None:
    label = code_label(text)
    assert label in (text, "none", "other")
    assert "张" not in label
    if label == text:
        assert text.isascii() and " " not in text


def test_a_matter_label_never_carries_a_name_or_an_id_number(metrics: KioskMetrics) -> None:
    metrics.session_started("张伟")
    metrics.session_ended("330106198503120012 X", SessionOutcome.FAILED)
    text = "\n".join(str(s.labels) for m in metrics.registry.collect() for s in m.samples)
    assert "张伟" not in text
    assert "330106198503120012" not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("127.0.0.1:9464", ListenAddress("127.0.0.1", 9464)),
        ("0.0.0.0:9100", ListenAddress("0.0.0.0", 9100)),
        ("[::1]:9464", ListenAddress("::1", 9464)),
    ],
)
def test_the_listen_address_is_ip_and_port(text: str, expected: ListenAddress | None) -> None:
    assert parse_listen(text) == expected


@pytest.mark.parametrize("text", ["9464", "localhost:9464", "127.0.0.1:", "127.0.0.1:70000"])
def test_a_bad_listen_address_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match="metrics_listen"):
        parse_listen(text)


def test_the_grafana_dashboard_queries_only_metrics_the_kiosk_exports(
    metrics: KioskMetrics,
) -> None:
    metrics.session_started()
    metrics.session_ended("", SessionOutcome.COMPLETED)
    metrics.platform.record("heartbeat", 0.1, "unreachable")
    exported = {s.name for m in metrics.registry.collect() for s in m.samples}
    dashboard = json.loads((ROOT / "docs" / "grafana-dashboard.json").read_text("utf-8"))
    queried = {
        name
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"\bkiosk_[a-z_]+", target["expr"])
    }
    assert queried
    assert queried <= exported
