"""Write-ahead: a submission is durable in the outbox before its first byte goes out, so a
kiosk killed during the online call still ends with exactly one application at the platform
and the answer (the receipt's data) under the local reference."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from kiosk.catalogue.model import Catalogue, Matter
from kiosk.outbox.store import NewRecord, OutboxStore
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.transport import Transport
from platform_api.signing import Signer
from platform_sim import RunningSimulator, start_simulator
from platform_sim.problems import Response
from platform_sim.server import DEFAULT_TERMINAL_ID

PROJECT = Path(__file__).resolve().parents[3]
SIMPLE_FIELDS = {"applicant_name", "applicant_id_number", "phone"}
WAIT_S = 60.0


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = start_simulator(tmp_path / "platform-sim")
    yield running
    running.stop()


class HeldSubmission:
    """Holds the platform's handling of ``submitApplication``: ``reached`` is set once the
    request is at the platform (before it acts, or after it acted with ``act_first``), and
    nothing is answered until ``release`` is set; ``done`` once the handler has returned."""

    def __init__(self, sim: RunningSimulator, act_first: bool) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.done = threading.Event()
        self._handle = sim.service.handle
        self._act_first = act_first

    def __call__(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> Response:
        if not (method == "POST" and target == "/api/v1/applications") or self.done.is_set():
            return self._handle(method, target, headers, body)
        try:
            if self._act_first:
                answer = self._handle(method, target, headers, body)
                self.reached.set()
                self.release.wait(WAIT_S)
                return answer
            self.reached.set()
            self.release.wait(WAIT_S)
            return self._handle(method, target, headers, body)
        finally:
            self.done.set()


def simple_matter(sim: RunningSimulator) -> Matter:
    transport = Transport(
        sim.base_url, Signer(DEFAULT_TERMINAL_ID, sim.secret), TlsSettings(sim.ca_file), Timeouts()
    )
    catalogue = PlatformClient(transport).get_catalogue().catalogue
    assert isinstance(catalogue, Catalogue)
    return next(
        m
        for m in catalogue.matters
        if m.self_service == "full"
        and not any(x.required for x in m.materials)
        and {f.id for f in m.form if f.required} <= SIMPLE_FIELDS
    )


def child(
    mode: str, sim: RunningSimulator, data_dir: Path, matter: str, key: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.kiosk.outbox.write_ahead_child",
            mode,
            str(data_dir),
            sim.base_url,
            str(sim.ca_file),
            sim.secret.hex(),
            matter,
            key,
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )


def applications_at(sim: RunningSimulator) -> list[str]:
    with sim.service.store.transaction() as db:
        return [row[0] for row in db.execute("SELECT application_no FROM applications")]


@pytest.mark.parametrize(
    "act_first", [False, True], ids=["killed_before_it_acts", "killed_after_it_acted"]
)
def test_a_kiosk_killed_during_the_online_call_ends_with_one_application_and_its_answer(
    sim: RunningSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, act_first: bool
) -> None:
    matter = simple_matter(sim).code
    held = HeldSubmission(sim, act_first)
    monkeypatch.setattr(sim.service, "handle", held)
    data_dir, key = tmp_path / "kiosk", str(uuid.uuid4())

    submitting = child("submit", sim, data_dir, matter, key)
    assert submitting.stdout is not None
    assert submitting.stdout.readline() == "READY\n"
    assert held.reached.wait(WAIT_S), "the submission never reached the platform"
    # The request is at the platform and unanswered: the outbox must already hold it.
    store = OutboxStore.in_data_dir(data_dir)
    assert store.status().depth == 1, "nothing was written before the online call"
    store.close()
    submitting.send_signal(signal.SIGKILL)
    output, _ = submitting.communicate(timeout=WAIT_S)
    assert "ACK" not in output
    held.release.set()
    assert held.done.wait(WAIT_S)

    draining = child("drain", sim, data_dir, matter, key)
    output, _ = draining.communicate(timeout=WAIT_S)
    results = [line.split(" ", 3) for line in output.splitlines() if line.startswith("RESULT ")]
    assert len(results) == 1, output
    _, local_ref, state, answer = results[0]
    assert state == "delivered"
    [application_no] = applications_at(sim)
    assert [a["application_no"] for a in json.loads(answer)["applications"]] == [application_no]
    assert local_ref.startswith("L-")


def test_the_worker_leaves_records_alone_while_they_are_sent_online(tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    online = store.enqueue([NewRecord("submitEvaluation", b"{}", str(uuid.uuid4()))], claimed=True)
    later = store.enqueue([NewRecord("submitEvaluation", b"{}", str(uuid.uuid4()))])
    head = store.head()
    assert head is not None and head.local_ref == later
    assert [r.local_ref for r in store.records(online)] == [online]
    store.release(online)
    head = store.head()
    assert head is not None and head.local_ref == online
    store.close()


def test_an_online_answer_is_kept_under_its_local_reference(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    matter = simple_matter(sim).code
    data_dir, key = tmp_path / "kiosk", str(uuid.uuid4())
    submitting = child("submit", sim, data_dir, matter, key)
    output, _ = submitting.communicate(timeout=WAIT_S)
    assert "ACK Submitted" in output
    store = OutboxStore.in_data_dir(data_dir)
    [result] = store.results()
    assert (result.state, store.status().depth) == ("delivered", 0)
    assert [a["application_no"] for a in result.answer["applications"]] == applications_at(sim)
    store.close()
