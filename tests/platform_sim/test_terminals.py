"""Heartbeats with queued commands, and evaluations."""

from __future__ import annotations

from typing import Any

import requests

from platform_sim import RunningSimulator
from tests.platform_sim.helpers import (
    RESIDENT,
    TERMINAL,
    SimClient,
    promised_application,
)

BEAT = f"/api/v1/terminals/{TERMINAL}/heartbeat"


def _report(acked: list[str] | None = None) -> dict[str, Any]:
    return {
        "app_version": "0.1.0",
        "mode": "in_service",
        "uptime_s": 60,
        "devices": [{"device_class": "receipt_printer", "state": "online", "media": "low"}],
        "outbox_depth": 0,
        "acked_commands": acked or [],
        "sent_at": "2025-03-03T01:00:00Z",
    }


def test_heartbeat_returns_queued_commands_oldest_first_until_acknowledged(
    sim: RunningSimulator, client: SimClient
) -> None:
    assert client.post(BEAT, _report()).json() == {"commands": []}
    first = sim.queue_command(TERMINAL, "out_of_service", "维护")
    second = sim.queue_command(TERMINAL, "refresh_catalogue")
    commands = client.post(BEAT, _report()).json()["commands"]
    assert [c["id"] for c in commands] == [first, second]
    assert commands[0] == {"id": first, "command": "out_of_service", "reason": "维护"}
    remaining = client.post(BEAT, _report(acked=[first])).json()["commands"]
    assert [c["id"] for c in remaining] == [second]


def test_dock_queues_commands_over_the_control_endpoint(
    sim: RunningSimulator, client: SimClient
) -> None:
    response = requests.post(
        f"{sim.base_url}/_sim/terminals/{TERMINAL}/commands",
        json={"command": "restart_app"},
        timeout=5,
        verify=str(sim.ca_file),
    )
    command_id = response.json()["id"]
    assert client.post(BEAT, _report()).json()["commands"][0]["id"] == command_id


def test_terminal_reports_only_for_itself(client: SimClient) -> None:
    response = client.post("/api/v1/terminals/KIOSK-SIM-0009/heartbeat", _report())
    assert response.status_code == 403


def test_evaluation_is_recorded_once_per_application(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    application = client.post("/api/v1/applications", body).json()["applications"][0]
    rating = {
        "application_no": application["application_no"],
        "rating": 5,
        "channel": "kiosk",
        "evaluated_at": "2025-03-03T01:00:00Z",
        "terminal_id": TERMINAL,
    }
    assert client.post("/api/v1/evaluations", rating).status_code == 201
    again = client.post("/api/v1/evaluations", rating)
    assert again.status_code == 409
    visit = {"rating": 4, "channel": "kiosk", "evaluated_at": "2025-03-03T01:00:00Z"}
    assert client.post("/api/v1/evaluations", visit).status_code == 201


def test_evaluation_rating_outside_one_to_five_is_named(client: SimClient) -> None:
    bad = {"rating": 6, "channel": "kiosk", "evaluated_at": "2025-03-03T01:00:00Z"}
    response = client.post("/api/v1/evaluations", bad)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "rating"
