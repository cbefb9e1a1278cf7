"""The heartbeat against the simulated platform: commands queued over its control hook are
run once, acknowledged by the next heartbeat, and then no longer sent."""

from __future__ import annotations

from pathlib import Path

from kiosk.operations.commands import CommandDispatcher, CommandLedger, CommandOutcome, Done
from kiosk.operations.heartbeat import BeatSent, HeartbeatService
from kiosk.platform.models import Command
from tests.kiosk.operations.fakes import Terminal
from tests.kiosk.operations.simulated_platform import (
    TERMINAL_ID,
    client_for,
    queue_command,
    running_platform,
)


def test_queued_commands_run_once_and_the_acknowledgement_clears_them(tmp_path: Path) -> None:
    terminal = Terminal()
    runs: list[str] = []

    def out_of_service(command: Command) -> CommandOutcome:
        runs.append(command.command)
        return Done()

    with running_platform(tmp_path / "platform-sim") as sim:
        first_id = queue_command(sim, "out_of_service", "停电检修")
        second_id = queue_command(sim, "restart_app")
        ledger = CommandLedger(tmp_path / "commands.json")
        dispatcher = CommandDispatcher(ledger, {"out_of_service": out_of_service})
        heartbeats = HeartbeatService(client_for(sim), TERMINAL_ID, terminal.sources(), dispatcher)

        first = heartbeats.beat()
        assert isinstance(first, BeatSent)
        assert [(c.id, c.command, c.reason) for c, _ in first.ran] == [
            (first_id, "out_of_service", "停电检修"),
            (second_id, "restart_app", ""),
        ]
        assert heartbeats.beat() == BeatSent(acked=(first_id, second_id), ran=())
        assert heartbeats.beat() == BeatSent(acked=(), ran=())
    assert runs == ["out_of_service"]
