"""The heartbeat against a fake platform: body from the real sources, commands run once and
acknowledged in the next heartbeat."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from drivers.base import DeviceClass, DeviceState, DeviceStatus
from kiosk.operations.commands import (
    CommandDispatcher,
    CommandHandler,
    CommandLedger,
    CommandOutcome,
    Done,
    Refused,
)
from kiosk.operations.heartbeat import BeatFailed, BeatSent, HeartbeatService
from kiosk.operations.status import Mode
from kiosk.outbox.store import OutboxStatus
from kiosk.platform.client import encode_request
from kiosk.platform.models import Command, Heartbeat
from tests.kiosk.operations.fakes import FakePlatform, Terminal

SENT_AT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def service(
    tmp_path: Path,
    platform: FakePlatform,
    terminal: Terminal,
    clock: Clock | None = None,
    handlers: dict[str, CommandHandler] | None = None,
) -> HeartbeatService:
    dispatcher = CommandDispatcher(CommandLedger(tmp_path / "commands.json"), handlers)
    return HeartbeatService(
        platform,
        "KIOSK-SIM-0001",
        terminal.sources(),
        dispatcher,
        sessions_today=lambda: 7,
        app_version="0.1.0",
        monotonic=clock or Clock(),
        now=lambda: SENT_AT,
    )


def test_the_body_comes_from_devices_mode_outbox_and_sessions(tmp_path: Path) -> None:
    terminal = Terminal()
    terminal.outbox = OutboxStatus(depth=3, oldest_age_s=95, dead_letters=0, last_error="")
    terminal.mode = Mode.OUT_OF_SERVICE
    clock = Clock()
    heartbeats = service(tmp_path, FakePlatform(), terminal, clock)
    clock.now += 61.7
    body = heartbeats.build().to_json()
    encode_request("heartbeat", body)  # valid against the contract
    assert body == {
        "app_version": "0.1.0",
        "mode": "out_of_service",
        "uptime_s": 61,
        "devices": [
            {"device_class": "id_card_reader", "state": "online", "media": "not_applicable"},
            {
                "device_class": "receipt_printer",
                "state": "online",
                "media": "low",
                "detail": "paper near end",
                "model": "TM-T88VI",
                "firmware": "1.02",
            },
        ],
        "outbox_depth": 3,
        "oldest_outbox_age_s": 95,
        "sessions_today": 7,
        "sent_at": "2025-03-03T09:00:00Z",
    }


def test_a_device_detail_never_carries_an_id_number(tmp_path: Path) -> None:
    terminal = Terminal()
    terminal.devices = {
        DeviceClass.ID_CARD_READER: DeviceStatus(
            DeviceState.BUSY, detail="reading 33010619850312001X"
        )
    }
    body = json.dumps(service(tmp_path, FakePlatform(), terminal).build().to_json())
    assert "33010619850312001X" not in body


def test_commands_run_once_and_are_acknowledged_in_the_next_heartbeat(tmp_path: Path) -> None:
    platform = FakePlatform()
    platform.queue = [Command("c1", "refresh_catalogue"), Command("c2", "collect_everything")]
    runs: list[Command] = []

    def refresh(command: Command) -> CommandOutcome:
        runs.append(command)
        return Done()

    heartbeats = service(tmp_path, platform, Terminal(), handlers={"refresh_catalogue": refresh})
    first = heartbeats.beat()
    assert first == BeatSent(
        acked=(),
        ran=(
            (Command("c1", "refresh_catalogue"), Done()),
            (
                Command("c2", "collect_everything"),
                Refused("unsupported command 'collect_everything'"),
            ),
        ),
    )
    second = heartbeats.beat()
    assert second == BeatSent(acked=("c1", "c2"), ran=())
    assert platform.received[1].acked_commands == ("c1", "c2")
    assert platform.queue == []
    assert heartbeats.beat() == BeatSent(acked=(), ran=())
    assert runs == [Command("c1", "refresh_catalogue")]


def test_a_failed_heartbeat_keeps_its_acknowledgements_for_the_next(tmp_path: Path) -> None:
    platform = FakePlatform()
    platform.queue = [Command("c1", "upload_logs")]
    heartbeats = service(tmp_path, platform, Terminal())
    heartbeats.beat()
    platform.unreachable = True
    assert heartbeats.beat() == BeatFailed("connection refused")
    platform.unreachable = False
    result = heartbeats.beat()
    assert isinstance(result, BeatSent)
    assert result.acked == ("c1",)
    assert result.ran == ()


def test_the_platform_call_is_observed(tmp_path: Path) -> None:
    observed: list[str] = []

    class Observer:
        def __init__(self, operation: str) -> None:
            observed.append(operation)

        def __enter__(self) -> None:
            return None

        def __exit__(self, *_: object) -> None:
            return None

    terminal = Terminal()
    heartbeats = HeartbeatService(
        FakePlatform(),
        "KIOSK-SIM-0001",
        terminal.sources(),
        CommandDispatcher(CommandLedger(tmp_path / "c.json")),
        observe=Observer,
    )
    heartbeats.beat()
    assert observed == ["heartbeat"]


def test_started_it_beats_until_stopped(tmp_path: Path) -> None:
    beaten = threading.Event()

    class SignallingPlatform(FakePlatform):
        def heartbeat(
            self, terminal_id: str, heartbeat: Heartbeat, *, idempotency_key: uuid.UUID | str
        ) -> tuple[Command, ...]:
            beaten.set()
            return super().heartbeat(terminal_id, heartbeat, idempotency_key=idempotency_key)

    platform = SignallingPlatform()
    heartbeats = service(tmp_path, platform, Terminal())
    heartbeats.start()
    try:
        assert beaten.wait(10)
    finally:
        heartbeats.stop()
    assert platform.received[0].mode == "in_service"


@pytest.mark.parametrize("mode", list(Mode))
def test_every_mode_is_a_contract_mode(tmp_path: Path, mode: Mode) -> None:
    terminal = Terminal()
    terminal.mode = mode
    encode_request("heartbeat", service(tmp_path, FakePlatform(), terminal).build().to_json())
