"""Terminal monitoring (运维): heartbeats are recorded and answered with queued commands.

Commands are queued by the dev dock or a test (``queue_command``); a heartbeat returns the
terminal's queue oldest first, after removing what it acknowledged in ``acked_commands``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime
from http import HTTPStatus

from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.problems import Problem, Response

COMMANDS = ("refresh_catalogue", "out_of_service", "back_in_service", "restart_app", "upload_logs")


def queue_command(
    db: sqlite3.Connection, terminal_id: str, command: str, reason: str | None, now: datetime
) -> str:
    """Queue ``command`` for ``terminal_id``; returns the command's id."""
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; one of {', '.join(COMMANDS)}")
    command_id = uuid.uuid4().hex
    db.execute(
        "INSERT INTO commands (id, terminal_id, command, reason, queued_at) VALUES (?, ?, ?, ?, ?)",
        (command_id, terminal_id, command, reason, rfc3339(now)),
    )
    return command_id


def heartbeat(call: Call) -> Response:
    """heartbeat: record the report, drop acknowledged commands, return the rest."""
    terminal_id = call.path_params["terminal_id"]
    if terminal_id != call.terminal_id:
        raise Problem(HTTPStatus.FORBIDDEN, "forbidden", "a terminal reports only for itself")
    report = call.document
    call.db.execute(
        "INSERT INTO heartbeats (terminal_id, body, received_at) VALUES (?, ?, ?)",
        (terminal_id, json.dumps(report, ensure_ascii=False), rfc3339(call.now)),
    )
    call.db.executemany(
        "DELETE FROM commands WHERE terminal_id = ? AND id = ?",
        [(terminal_id, acked) for acked in report.get("acked_commands", [])],
    )
    commands = [
        {k: row[k] for k in ("id", "command", "reason") if row[k] is not None}
        for row in call.db.execute(
            "SELECT id, command, reason FROM commands WHERE terminal_id = ? ORDER BY seq",
            (terminal_id,),
        )
    ]
    return Response.json(200, {"commands": commands})
