"""The ``upload_logs`` command against the simulated platform: one bundle, written once,
acknowledged once, its outcome (with the bundle's SHA-256) handed to the audit log."""

from __future__ import annotations

import hashlib
from pathlib import Path

from drivers.base import DeviceClass, DeviceState, DeviceStatus
from kiosk.operations.collect_logs import COMMAND, KEPT_LOCALLY, LogCollector
from kiosk.operations.commands import (
    CommandDispatcher,
    CommandLedger,
    CommandOutcome,
    Done,
    Refused,
)
from kiosk.operations.heartbeat import BeatSent, HeartbeatService
from kiosk.operations.log_bundle import BundleSources, bundles
from kiosk.platform.models import Command
from tests.kiosk.operations.fakes import Terminal
from tests.kiosk.operations.simulated_platform import (
    TERMINAL_ID,
    client_for,
    queue_command,
    running_platform,
)


def _sources(tmp_path: Path) -> BundleSources:
    log_file = tmp_path / "kiosk.log"
    log_file.write_text('{"message": "card read id=11010519491231002X"}\n', encoding="utf-8")
    return BundleSources(
        log_file,
        tmp_path / "audit",
        lambda: {DeviceClass.CAMERA: DeviceStatus(DeviceState.ONLINE)},
        {"terminal_id": TERMINAL_ID},
    )


def test_upload_logs_is_carried_out_once_and_acknowledged_once(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    outcomes: list[tuple[Command, CommandOutcome]] = []
    collector = LogCollector(_sources(tmp_path), exports, TERMINAL_ID)
    with running_platform(tmp_path / "platform-sim") as sim:
        command_id = queue_command(sim, COMMAND)
        dispatcher = CommandDispatcher(
            CommandLedger(tmp_path / "commands.json"), {COMMAND: collector},
            on_outcome=lambda c, o: outcomes.append((c, o)),
        )
        heartbeats = HeartbeatService(
            client_for(sim), TERMINAL_ID, Terminal().sources(), dispatcher
        )
        first = heartbeats.beat()
        assert isinstance(first, BeatSent) and [c.id for c, _ in first.ran] == [command_id]
        assert heartbeats.beat() == BeatSent(acked=(command_id,), ran=())
        assert heartbeats.beat() == BeatSent(acked=(), ran=())
    [bundle] = bundles(exports)
    [(command, outcome)] = outcomes
    assert command.id == command_id
    assert isinstance(outcome, Done)
    assert outcome.detail.startswith(KEPT_LOCALLY)
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() in outcome.detail
    assert bundle.name in outcome.detail


def test_a_bundle_that_cannot_be_written_is_a_refusal(tmp_path: Path) -> None:
    blocked = tmp_path / "exports"
    blocked.write_text("a file where the directory should be")
    collector = LogCollector(_sources(tmp_path), blocked, TERMINAL_ID)
    outcome = collector(Command("c-1", COMMAND))
    assert isinstance(outcome, Refused)
    assert "log bundle not written" in outcome.reason
