"""Platform commands: run once by id (durably), unknown ones refused, outcomes kept."""

from __future__ import annotations

from pathlib import Path

from kiosk.operations.commands import (
    INTERRUPTED,
    CommandDispatcher,
    CommandLedger,
    CommandOutcome,
    Done,
    Refused,
)
from kiosk.platform.models import Command

REFRESH = Command("c1", "refresh_catalogue")
OUT = Command("c2", "out_of_service", "机房断电检修")


def test_a_command_runs_once_even_when_repeated_and_after_a_restart(tmp_path: Path) -> None:
    runs: list[Command] = []

    def refresh(command: Command) -> CommandOutcome:
        runs.append(command)
        return Done()

    state = tmp_path / "commands.json"
    dispatcher = CommandDispatcher(CommandLedger(state), {"refresh_catalogue": refresh})
    assert dispatcher.dispatch([REFRESH]) == ((REFRESH, Done()),)
    assert dispatcher.dispatch([REFRESH]) == ()
    restarted = CommandDispatcher(CommandLedger(state), {"refresh_catalogue": refresh})
    assert restarted.dispatch([REFRESH]) == ()
    assert runs == [REFRESH]
    assert restarted.ledger.unacked() == ("c1",)


def test_a_command_without_a_handler_is_refused_and_still_acknowledged(tmp_path: Path) -> None:
    dispatcher = CommandDispatcher(CommandLedger(tmp_path / "c.json"))
    ((_, outcome),) = dispatcher.dispatch([OUT])
    assert outcome == Refused("unsupported command 'out_of_service'")
    assert dispatcher.ledger.unacked() == ("c2",)
    assert dispatcher.ledger.outcome("c2") == outcome


def test_a_handler_that_raises_is_a_refusal_with_the_error(tmp_path: Path) -> None:
    def broken(_: Command) -> CommandOutcome:
        raise RuntimeError("catalogue cache locked")

    seen: list[tuple[Command, CommandOutcome]] = []
    dispatcher = CommandDispatcher(
        CommandLedger(tmp_path / "c.json"), on_outcome=lambda c, o: seen.append((c, o))
    )
    dispatcher.register("refresh_catalogue", broken)
    dispatcher.dispatch([REFRESH])
    assert seen == [(REFRESH, Refused("failed: RuntimeError: catalogue cache locked"))]


def test_a_command_interrupted_by_a_stop_is_not_run_again_but_refused(tmp_path: Path) -> None:
    state = tmp_path / "c.json"
    ledger = CommandLedger(state)
    assert ledger.begin(Command("c3", "restart_app"))  # the process ends inside the handler
    assert ledger.unacked() == ()
    after = CommandLedger(state)
    assert not after.begin(Command("c3", "restart_app"))
    assert after.unacked() == ("c3",)
    assert after.outcome("c3") == Refused(INTERRUPTED)


def test_acknowledged_ids_leave_the_unacked_list_and_old_ones_are_forgotten(
    tmp_path: Path,
) -> None:
    ledger = CommandLedger(tmp_path / "c.json", keep=2)
    dispatcher = CommandDispatcher(ledger)
    dispatcher.dispatch([Command(f"id{n}", "upload_logs") for n in range(4)])
    ledger.acknowledged(("id0", "id1", "id2"))
    assert ledger.unacked() == ("id3",)
    assert ledger.outcome("id0") is None
    assert ledger.outcome("id1") is not None
    assert not ledger.begin(Command("id2", "upload_logs"))


def test_a_damaged_ledger_starts_empty(tmp_path: Path) -> None:
    state = tmp_path / "c.json"
    state.write_text('{"entries": [{"id": 1}]}')
    ledger = CommandLedger(state)
    assert ledger.unacked() == ()
    assert ledger.begin(REFRESH)
