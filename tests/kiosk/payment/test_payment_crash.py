"""kill -9 at random moments between "pay" and "receipt cut", 30 times, against a platform
that loses a third of its answers after acting; after each kill the kiosk restarts (its
recovery: resolve what is open, cancel what the citizen left unpaid). Counted at the platform:
no order charged twice, no paid order without its delivered application, no application whose
payment state the kiosk does not know; a receipt marked printed was cut first."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.outbox.payments import OrderState, PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.platform.models import PaymentStatus
from platform_sim import RunningSimulator
from tests.kiosk.payment.helpers import WECHAT, charges, submit_with_fees
from tests.kiosk.platform import simulated

PROJECT = Path(__file__).resolve().parents[3]
ITERATIONS = 30


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = simulated.start(tmp_path / "platform-sim")
    yield running
    running.stop()


def pay_in_child(sim: RunningSimulator, data_dir: Path, order_no: str,
                 kill_after_s: float | None) -> tuple[str, float]:
    """Run the paying child and kill it ``kill_after_s`` after its READY (never with None);
    its output and how long it ran after READY."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.kiosk.payment.pay_child", str(data_dir), sim.base_url,
         str(sim.ca_file), str(sim.material.secret_file), simulated.TERMINAL_ID, order_no,
         WECHAT],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # kill points are timed from READY, not process start
    ready = time.monotonic()
    try:
        child.wait(timeout=kill_after_s)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    output, _ = child.communicate(timeout=30)
    assert first == "READY\n", f"the child did not start: {first!r}"
    return output, time.monotonic() - ready


def test_kill_9_between_pay_and_receipt_never_charges_twice_nor_loses_a_payment(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kiosk"
    rng = random.Random(12)
    client = simulated.client_for(sim)
    orders: dict[str, tuple[str, ...]] = {}
    killed = 0
    whole_run_s: float | None = None
    for _ in range(ITERATIONS):
        result = submit_with_fees(client)
        assert result.payment is not None
        order_no = result.payment.order_no
        orders[order_no] = result.application_nos
        ledger = PaymentLedger.in_data_dir(data_dir)
        Cashier(client, ledger).open(result.payment, result.application_nos)
        ledger.close()

        # The first child runs to its end: how long paying takes on this machine now; the
        # kill points of the others fall anywhere in 1.5 times that.
        kill_after = None if whole_run_s is None else rng.uniform(0.0, 1.5 * whole_run_s)
        sim.faults.lose_answers(0.33, seed=rng.randrange(1000))
        output, ran_s = pay_in_child(sim, data_dir, order_no, kill_after)
        sim.faults.clear()
        if whole_run_s is None:
            assert "DONE paid" in output
            whole_run_s = ran_s
        killed += "DONE" not in output

        restarted = Cashier(client, PaymentLedger.in_data_dir(data_dir))  # the restart
        restarted.recover()
        restarted.ledger.close()

    ledger = PaymentLedger.in_data_dir(data_dir)
    platform_applications = set(simulated.application_nos(sim))
    receipts = data_dir / "receipts"
    double, paid_without_application, unknown_state = 0, 0, 0
    for order_no, application_nos in orders.items():
        keys = charges(sim, order_no)
        double += len(keys) > 1
        status = client.get_payment(order_no).status
        recorded = ledger.order(order_no)
        if status is PaymentStatus.PAID and not set(application_nos) <= platform_applications:
            paid_without_application += 1
        known = recorded is not None and (
            recorded.state in (OrderState.PAID, OrderState.PRINTED)
            if status is PaymentStatus.PAID else recorded.state is OrderState.CLOSED
        )
        unknown_state += not known
        if recorded is not None and recorded.state is OrderState.PRINTED:
            assert (receipts / order_no).exists(), "marked printed before the receipt was cut"
    assert (double, paid_without_application, unknown_state) == (0, 0, 0)
    assert killed, "every kill fell after the work"
