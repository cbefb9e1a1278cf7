"""The payment phase: fees → QR code or payment code → paid → receipts; declined, pending,
QR expiry, cancel (racing a payment), and leaving with an unpaid order cancels it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.flow.timeouts import (
    IDLE_COUNTDOWN_S,
    PAYMENT_CALL_LIMIT_S,
    PAYMENT_CHOOSE_IDLE_S,
    PAYMENT_CONFIRM_LIMIT_S,
)
from kiosk.payment.verdict import Verdict
from kiosk.platform.models import Application, Payment, PaymentItem, PaymentStatus
from tests.kiosk.flow.helpers import FakeClock, all_online
from tests.kiosk.flow.test_flow_apply import CODE, NOW, TODAY, _fill_and_choose

WECHAT = "134567890123456789"
UNPAID = Payment("P1", 1000, PaymentStatus.PENDING, (PaymentItem("工本费", 1000),))
PAID = replace(UNPAID, status=PaymentStatus.PAID, paid_at=datetime(2026, 11, 23, 2, 5, tzinfo=UTC),
               e_invoice_url="https://pay.sim.invalid/invoice/P1")
APPLICATION = Application("ZJ2026112300001", "AB12CD", CODE, "补证", "accepted", NOW, ())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> FlowMachine:
    return FlowMachine(clock=clock, today=lambda: TODAY, wall=lambda: NOW, devices=all_online())


def _at_fees(m: FlowMachine) -> fx.OpenPaymentOrder:
    _fill_and_choose(m)
    submit = m.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    effects = m.dispatch(ev.ApplicationAccepted(submit.request_id, (APPLICATION,), "L-1", UNPAID))
    assert m.state is State.PAY_FEES
    opened = [e for e in effects if isinstance(e, fx.OpenPaymentOrder)]
    assert len(opened) == 1 and opened[0].application_nos == (APPLICATION.application_no,)
    return opened[0]


def _of(effects: list[fx.Effect], kind: type[fx.Effect]) -> list[fx.Effect]:
    return [e for e in effects if isinstance(e, kind)]


def _scan_screen(m: FlowMachine) -> None:
    _at_fees(m)
    m.dispatch(ev.PayByCode())
    assert m.state is State.PAY_SCAN


def _print_receipt(m: FlowMachine, effects: list[fx.Effect]) -> fx.PrintReceipt:
    receipt = _of(effects, fx.PrintReceipt)[0]
    assert isinstance(receipt, fx.PrintReceipt)
    return receipt


def test_a_submission_without_fees_prints_at_once(machine: FlowMachine) -> None:
    _fill_and_choose(machine)
    submit = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    machine.dispatch(ev.ApplicationAccepted(submit.request_id, (APPLICATION,), "L-1"))
    assert machine.state is State.APPLY_PRINTING


def test_paying_by_qr_code_polls_then_prints_both_receipts(machine: FlowMachine) -> None:
    _at_fees(machine)
    create = machine.dispatch(ev.PayByQr())[-1]
    assert isinstance(create, fx.CreatePaymentQr) and create.order_no == "P1"
    watch = _of(machine.dispatch(ev.PaymentQrReady(create.request_id, "https://pay/qr", 300.0)),
                fx.WatchPayment)[0]
    assert isinstance(watch, fx.WatchPayment)
    assert machine.state is State.PAY_QR and watch.qr_deadline is not None
    effects = machine.dispatch(ev.PaymentSettled(watch.request_id, PAID))
    assert _of(effects, fx.StopWatchingPayment) and not _of(effects, fx.CancelPaymentOrder)
    assert machine.state is State.PAY_PAID
    effects = machine.dispatch(ev.PaymentContinue())
    receipt = _print_receipt(machine, effects)
    assert receipt.payment == PAID
    done = machine.dispatch(ev.ReceiptPrinted(receipt.request_id))
    assert _of(done, fx.PaymentReceiptPrinted) == [fx.PaymentReceiptPrinted("P1")]
    assert machine.state is State.APPLY_DONE


def test_the_qr_code_runs_out_and_a_fresh_one_is_asked_for(machine: FlowMachine) -> None:
    _at_fees(machine)
    create = machine.dispatch(ev.PayByQr())[-1]
    assert isinstance(create, fx.CreatePaymentQr)
    watch = _of(machine.dispatch(ev.PaymentQrReady(create.request_id, "u", 300.0)),
                fx.WatchPayment)[0]
    assert isinstance(watch, fx.WatchPayment)
    machine.dispatch(ev.PaymentQrExpired(watch.request_id))
    assert machine.state is State.PAY_QR_EXPIRED
    again = machine.dispatch(ev.PayByQr())[-1]
    assert isinstance(again, fx.CreatePaymentQr) and machine.state is State.PAY_QR_LOADING


def test_a_code_of_no_wallet_is_refused_at_once_and_never_charged(machine: FlowMachine) -> None:
    _scan_screen(machine)
    effects = machine.dispatch(ev.QrScanned("6901234567892"))
    assert not _of(effects, fx.ChargePaymentCode)
    assert machine.state is State.PAY_SCAN and machine.view.reason is Reason.NOT_A_PAYMENT_CODE


def test_a_declined_code_then_a_good_one(machine: FlowMachine) -> None:
    _scan_screen(machine)
    charge = _of(machine.dispatch(ev.QrScanned(WECHAT)), fx.ChargePaymentCode)[0]
    assert isinstance(charge, fx.ChargePaymentCode) and charge.code == WECHAT
    machine.dispatch(ev.ChargeAnswered(charge.request_id, Verdict.DECLINED))
    assert machine.state is State.PAY_SCAN and machine.view.reason is Reason.PAYMENT_DECLINED
    charge = _of(machine.dispatch(ev.QrScanned(WECHAT)), fx.ChargePaymentCode)[0]
    assert isinstance(charge, fx.ChargePaymentCode)
    machine.dispatch(ev.ChargeAnswered(charge.request_id, Verdict.PAID, PAID))
    assert machine.state is State.PAY_PAID


def test_a_pending_charge_is_watched_and_an_unanswered_one_never_repeated(
    machine: FlowMachine, clock: FakeClock
) -> None:
    _scan_screen(machine)
    charge = _of(machine.dispatch(ev.QrScanned(WECHAT)), fx.ChargePaymentCode)[0]
    assert isinstance(charge, fx.ChargePaymentCode)
    clock.advance(PAYMENT_CALL_LIMIT_S + 1)
    effects = machine.tick()
    assert machine.state is State.PAY_PENDING
    assert _of(effects, fx.WatchPayment) and not _of(effects, fx.ChargePaymentCode)
    clock.advance(PAYMENT_CONFIRM_LIMIT_S + 1)
    machine.tick()
    assert machine.state is State.PAY_SCAN
    assert machine.view.reason is Reason.PAYMENT_NOT_CONFIRMED


def test_cancel_closes_the_order_unless_the_money_arrived_first(machine: FlowMachine) -> None:
    _at_fees(machine)
    cancel = machine.dispatch(ev.AbandonPayment())[-1]
    assert isinstance(cancel, fx.CancelPaymentOrder) and cancel.request_id is not None
    machine.dispatch(ev.PaymentSettled(cancel.request_id, PAID))
    assert machine.state is State.PAY_PAID, "a payment that arrived first finishes the service"


def test_cancel_answered_cancelled_says_so_and_leaving_sends_no_second_cancel(
    machine: FlowMachine,
) -> None:
    _at_fees(machine)
    cancel = machine.dispatch(ev.AbandonPayment())[-1]
    assert isinstance(cancel, fx.CancelPaymentOrder) and cancel.request_id is not None
    cancelled = replace(UNPAID, status=PaymentStatus.CANCELLED)
    machine.dispatch(ev.PaymentSettled(cancel.request_id, cancelled))
    assert machine.state is State.PAY_CANCELLED
    assert not _of(machine.dispatch(ev.GoHome()), fx.CancelPaymentOrder)


def test_walking_away_from_an_unpaid_order_cancels_it(
    machine: FlowMachine, clock: FakeClock
) -> None:
    _at_fees(machine)
    clock.advance(PAYMENT_CHOOSE_IDLE_S + 1)
    machine.tick()
    clock.advance(IDLE_COUNTDOWN_S + 1)
    effects = machine.tick()
    assert machine.state is State.HOME
    assert _of(effects, fx.CancelPaymentOrder) == [fx.CancelPaymentOrder("P1")]
    assert machine.session.payment is None


def test_an_order_expired_at_the_platform_says_so_and_is_not_cancelled(
    machine: FlowMachine,
) -> None:
    _at_fees(machine)
    create = machine.dispatch(ev.PayByQr())[-1]
    assert isinstance(create, fx.CreatePaymentQr)
    watch = _of(machine.dispatch(ev.PaymentQrReady(create.request_id, "u", 300.0)),
                fx.WatchPayment)[0]
    assert isinstance(watch, fx.WatchPayment)
    expired = replace(UNPAID, status=PaymentStatus.EXPIRED)
    machine.dispatch(ev.PaymentSettled(watch.request_id, expired))
    assert machine.state is State.PAY_FAILED and machine.view.reason is Reason.PAYMENT_EXPIRED
    assert not _of(machine.dispatch(ev.GoHome()), fx.CancelPaymentOrder)
