"""The platform's commands (from heartbeat answers): run each once, acknowledge it later.

The platform repeats a command in every heartbeat answer until a heartbeat acknowledges its
id (``acked_commands``). :class:`CommandLedger` remembers durably which ids were handled, so a
command repeated before its acknowledgement landed — or after a restart — is not run again.
An id is written down *before* its handler runs: a crash in the middle (``restart_app``
restarting the process, a power cut) never runs it twice; such a command is acknowledged
as refused, ``interrupted``.

The contract's acknowledgement is the id alone; the outcome (done, or refused with a reason)
is kept in the ledger and passed to ``on_outcome`` (the audit log).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.platform.models import Command
from kiosk.statefile import DamagedState, read_state, write_state

log = logging.getLogger(__name__)

CONTRACT_COMMANDS = (
    "refresh_catalogue",
    "out_of_service",
    "back_in_service",
    "restart_app",
    "upload_logs",
)
"""The commands the contract (``heartbeat`` answer) may send."""


@dataclass(frozen=True)
class Done:
    """The command was carried out (or accepted, e.g. a restart scheduled for when idle)."""

    detail: str = ""


@dataclass(frozen=True)
class Refused:
    """The command was not carried out, and why."""

    reason: str


CommandOutcome = Done | Refused
CommandHandler = Callable[[Command], CommandOutcome]
"""Runs one command on the heartbeat's thread: quick and thread-safe (hand GUI work over to
the GUI thread and answer Done when it is accepted)."""

_STARTED = "started"
_DONE = "done"
_REFUSED = "refused"
INTERRUPTED = "interrupted: the kiosk stopped while the command ran"


@dataclass
class _Entry:
    id: str
    command: str
    state: str
    reason: str = ""
    acked: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "command": self.command,
            "state": self.state,
            "reason": self.reason,
            "acked": self.acked,
        }


class CommandLedger:
    """Which command ids were handled and which still wait for their acknowledgement.

    Kept in ``state_file`` (e.g. ``<data_dir>/operations/commands.json``); the newest
    ``keep`` acknowledged ids are remembered, far more than the platform ever repeats.
    A damaged file is set aside with a log line and the ledger starts empty. Thread-safe.
    """

    def __init__(self, state_file: Path, keep: int = 200) -> None:
        self._state_file = state_file
        self._keep = keep
        self._lock = threading.Lock()
        self._entries = self._load()
        interrupted = [e for e in self._entries if e.state == _STARTED]
        for entry in interrupted:
            log.warning("command %s (%s) was interrupted by a stop", entry.id, entry.command)
            entry.state, entry.reason = _REFUSED, INTERRUPTED
        if interrupted:
            self._save()

    def begin(self, command: Command) -> bool:
        """Write down that ``command`` starts; False when its id was handled before."""
        with self._lock:
            if any(e.id == command.id for e in self._entries):
                return False
            self._entries.append(_Entry(command.id, command.command, _STARTED))
            self._save()
            return True

    def finish(self, command_id: str, outcome: CommandOutcome) -> None:
        """Write down how the command ended."""
        with self._lock:
            for entry in self._entries:
                if entry.id == command_id:
                    if isinstance(outcome, Done):
                        entry.state, entry.reason = _DONE, outcome.detail
                    else:
                        entry.state, entry.reason = _REFUSED, outcome.reason
            self._save()

    def unacked(self) -> tuple[str, ...]:
        """Ids of finished commands the platform has not had an acknowledgement for yet."""
        with self._lock:
            return tuple(e.id for e in self._entries if e.state != _STARTED and not e.acked)

    def outcome(self, command_id: str) -> CommandOutcome | None:
        """How the command ended, None when unknown or still running."""
        with self._lock:
            for entry in self._entries:
                if entry.id == command_id and entry.state != _STARTED:
                    return Done(entry.reason) if entry.state == _DONE else Refused(entry.reason)
            return None

    def acknowledged(self, ids: Sequence[str]) -> None:
        """A heartbeat carrying ``ids`` was accepted by the platform."""
        if not ids:
            return
        wanted = set(ids)
        with self._lock:
            for entry in self._entries:
                if entry.id in wanted:
                    entry.acked = True
            acked = [e for e in self._entries if e.acked]
            drop = {e.id for e in acked[: max(0, len(acked) - self._keep)]}
            self._entries = [e for e in self._entries if e.id not in drop]
            self._save()

    def _load(self) -> list[_Entry]:
        state = read_state(self._state_file)
        if state is None:
            return []
        try:
            if isinstance(state, DamagedState):
                raise ValueError(state.reason)
            return [
                _Entry(
                    str(e["id"]),
                    str(e["command"]),
                    str(e["state"]),
                    str(e["reason"]),
                    bool(e["acked"]),
                )
                for e in state["entries"]
            ]
        except (KeyError, TypeError, ValueError) as error:
            log.error("command ledger %s unreadable (%s); starting empty", self._state_file, error)
            return []

    def _save(self) -> None:
        write_state(self._state_file, {"entries": [e.to_json() for e in self._entries]})


def _ignore(_: Command, __: CommandOutcome) -> None:
    return None


class CommandDispatcher:
    """Runs each new command with its registered handler; a command without a handler is
    refused, and a handler that raises is a refusal with the error, never a dead heartbeat."""

    def __init__(
        self,
        ledger: CommandLedger,
        handlers: Mapping[str, CommandHandler] | None = None,
        on_outcome: Callable[[Command, CommandOutcome], None] = _ignore,
    ) -> None:
        self._ledger = ledger
        self._handlers = dict(handlers or {})
        self._on_outcome = on_outcome

    @property
    def ledger(self) -> CommandLedger:
        """Where handled ids and their acknowledgements are kept."""
        return self._ledger

    def register(self, command: str, handler: CommandHandler) -> None:
        """Handle ``command`` (one of :data:`CONTRACT_COMMANDS`) with ``handler``."""
        self._handlers[command] = handler

    def dispatch(self, commands: Sequence[Command]) -> tuple[tuple[Command, CommandOutcome], ...]:
        """Run the commands not handled before, oldest first; returns what ran and how."""
        ran: list[tuple[Command, CommandOutcome]] = []
        for command in commands:
            if not self._ledger.begin(command):
                log.info("command %s (%s) already handled", command.id, command.command)
                continue
            outcome = self._run(command)
            self._ledger.finish(command.id, outcome)
            log.info("command %s (%s): %s", command.id, command.command, outcome)
            self._on_outcome(command, outcome)
            ran.append((command, outcome))
        return tuple(ran)

    def _run(self, command: Command) -> CommandOutcome:
        handler = self._handlers.get(command.command)
        if handler is None:
            return Refused(f"unsupported command {command.command!r}")
        try:
            return handler(command)
        except Exception as error:
            log.exception("command %s (%s) failed", command.id, command.command)
            return Refused(f"failed: {type(error).__name__}: {error}")
