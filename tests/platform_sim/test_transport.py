"""Key material, HTTPS, routing errors, offline mode, control endpoints, restarts."""

from __future__ import annotations

import socket
import stat
import uuid
from pathlib import Path

import pytest
import requests

from platform_sim import RunningSimulator, SimClock, start_simulator
from tests.platform_sim.helpers import RESIDENT, TINY_SEED, SimClient

QR = "/api/v1/identity/qr-login"
KEY = str(uuid.uuid4())


def test_first_start_writes_ca_server_certificate_and_private_secret(sim: RunningSimulator) -> None:
    data_dir = sim.ca_file.parent
    for name in ("ca.pem", "server.pem", "server-key.pem", "terminal.pem", "terminal-key.pem"):
        assert (data_dir / name).exists(), name
    mode = stat.S_IMODE((data_dir / "terminal.secret").stat().st_mode)
    assert mode == 0o600
    assert len(sim.secret) == 64


def test_server_certificate_does_not_verify_without_the_simulator_ca(
    sim: RunningSimulator,
) -> None:
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(sim.base_url + "/api/v1/catalogue", timeout=5, verify=True)


def test_unknown_path_is_not_found_and_wrong_method_not_allowed(client: SimClient) -> None:
    assert client.get("/api/v1/nothing").json()["code"] == "not_found"
    response = client.request("DELETE", "/api/v1/catalogue")
    assert response.status_code == 405


def test_offline_platform_answers_unavailable_then_recovers(
    sim: RunningSimulator, client: SimClient
) -> None:
    sim.set_offline(True)
    response = client.get("/api/v1/catalogue")
    assert response.status_code == 503
    assert response.json()["code"] == "unavailable"
    sim.set_offline(False)
    assert client.get("/api/v1/catalogue").status_code == 200


def test_offline_with_drop_closes_connections(sim: RunningSimulator, client: SimClient) -> None:
    sim.set_offline(True, drop=True)
    with pytest.raises(requests.exceptions.ConnectionError):
        client.get("/api/v1/catalogue")
    sim.set_offline(False)
    assert client.get("/api/v1/catalogue").status_code == 200


def test_control_endpoints_take_the_platform_offline_and_move_the_clock(
    sim: RunningSimulator, client: SimClient
) -> None:
    def control(path: str, body: dict[str, object]) -> requests.Response:
        return requests.post(sim.base_url + path, json=body, timeout=5, verify=str(sim.ca_file))

    assert control("/_sim/offline", {"offline": True}).json()["offline"] is True
    assert client.get("/api/v1/catalogue").status_code == 503
    assert control("/_sim/offline", {"offline": False}).status_code == 200
    before = sim.clock.now()
    assert control("/_sim/clock", {"advance_s": 120}).status_code == 200
    assert (sim.clock.now() - before).total_seconds() == 120
    assert control("/_sim/applications/advance", {}).json()["advanced"] == 0
    assert control("/_sim/nothing", {}).status_code == 404


def test_a_silent_connection_does_not_hold_up_other_clients(
    sim: RunningSimulator, client: SimClient
) -> None:
    with socket.create_connection((sim.host, sim.port), timeout=5):
        assert client.get("/api/v1/catalogue").status_code == 200


def test_state_key_material_and_secret_survive_a_restart(tmp_path: Path, clock: SimClock) -> None:
    data_dir = tmp_path / "sim"
    first = start_simulator(data_dir, clock=clock, seed=TINY_SEED)
    try:
        client = SimClient(first)
        verification = client.verify(RESIDENT)
        login = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=KEY)
        secret, ca = first.secret, first.ca_file.read_bytes()
    finally:
        first.stop()
    second = start_simulator(data_dir, clock=clock, seed=TINY_SEED)
    try:
        assert second.secret == secret
        assert second.ca_file.read_bytes() == ca
        client = SimClient(second)
        response = client.get(
            "/api/v1/licenses", headers={"X-Verification-Id": verification["verification_id"]}
        )
        assert response.status_code == 200
        again = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=KEY)
        assert again.content == login.content
    finally:
        second.stop()


def test_mtls_refuses_a_client_without_certificate_and_admits_the_terminal(
    tmp_path: Path, clock: SimClock
) -> None:
    running = start_simulator(tmp_path / "sim", clock=clock, seed=TINY_SEED, mtls=True)
    try:
        url, ca = running.base_url + "/_sim/status", str(running.ca_file)
        with pytest.raises(requests.exceptions.RequestException):
            requests.get(url, timeout=5, verify=ca)
        data_dir = running.ca_file.parent
        cert = (str(data_dir / "terminal.pem"), str(data_dir / "terminal-key.pem"))
        assert requests.get(url, timeout=5, verify=ca, cert=cert).status_code == 200
    finally:
        running.stop()
