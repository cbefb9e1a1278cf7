"""The cashier against the simulated platform, counting what the platform received: a code is
charged once, a lost answer is learned with getPayment (never a second charge), a pending
charge is confirmed later, a cancel racing a payment keeps it paid, and recovery after a
restart cancels what the citizen left unpaid."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.outbox.payments import OrderState
from kiosk.payment.verdict import Verdict
from kiosk.platform.models import PaymentStatus
from platform_sim import Charge, ChargeOutcome, Fault, FaultKind, RunningSimulator
from tests.kiosk.payment.helpers import ALIPAY, WECHAT, cashier_for, charges, open_order
from tests.kiosk.platform import simulated


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = simulated.start(tmp_path / "platform-sim")
    yield running
    running.stop()


def test_a_payment_code_is_charged_once_and_the_order_is_paid(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    cashier = cashier_for(sim, tmp_path)
    order = open_order(cashier)
    answer = cashier.charge(order.order_no, WECHAT)
    assert answer.verdict is Verdict.PAID and answer.payment is not None
    assert answer.payment.amount_cents == 2000 and answer.payment.e_invoice_url
    assert len(charges(sim, order.order_no)) == 1
    assert cashier.ledger.paid_receipts_for(order.result.application_nos[0])


def test_a_declined_code_leaves_the_order_payable_by_another(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    cashier = cashier_for(sim, tmp_path)
    order = open_order(cashier)
    sim.next_charge(Charge(ChargeOutcome.DECLINED))
    assert cashier.charge(order.order_no, WECHAT).verdict is Verdict.DECLINED
    assert cashier.charge(order.order_no, ALIPAY).verdict is Verdict.PAID
    keys = charges(sim, order.order_no)
    assert len(keys) == 2 and len(set(keys)) == 2


def test_a_lost_answer_is_learned_from_the_order_without_a_second_charge(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    cashier = cashier_for(sim, tmp_path)
    order = open_order(cashier)
    sim.faults.add(Fault(FaultKind.DROP_AFTER, operation="payByBarcode"))
    answer = cashier.charge(order.order_no, WECHAT)
    assert answer.verdict is Verdict.PAID
    assert len(charges(sim, order.order_no)) == 1, "no resend, no second charge"
    assert all(a.answered for a in cashier.ledger.attempts(order.order_no))
    recorded = cashier.ledger.order(order.order_no)
    assert recorded is not None and recorded.state is OrderState.PAID


def test_a_pending_charge_is_paid_once_the_citizen_confirms(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    cashier = cashier_for(sim, tmp_path)
    order = open_order(cashier)
    sim.next_charge(Charge(ChargeOutcome.PENDING))
    assert cashier.charge(order.order_no, WECHAT).verdict is Verdict.PENDING
    assert cashier.poll(order.order_no).status is PaymentStatus.PENDING
    sim.mark_paid(order.order_no)
    assert cashier.poll(order.order_no).status is PaymentStatus.PAID


def test_a_cancel_racing_a_payment_that_arrived_keeps_it_paid(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    cashier = cashier_for(sim, tmp_path)
    order = open_order(cashier)
    sim.mark_paid(order.order_no)
    assert cashier.cancel(order.order_no).status is PaymentStatus.PAID
    recorded = cashier.ledger.order(order.order_no)
    assert recorded is not None and recorded.state is OrderState.PAID


def test_recovery_cancels_unpaid_orders_and_reports_unprinted_paid_ones(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    cashier = cashier_for(sim, tmp_path)
    unpaid = open_order(cashier)
    paid = open_order(cashier)
    cashier.charge(paid.order_no, WECHAT)
    cashier.ledger.close()

    restarted = cashier_for(sim, tmp_path)
    assert [o.order_no for o in restarted.recover()] == [paid.order_no]
    assert restarted.client.get_payment(unpaid.order_no).status is PaymentStatus.CANCELLED
    assert len(charges(sim, paid.order_no)) == 1
