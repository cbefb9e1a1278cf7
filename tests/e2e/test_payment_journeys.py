"""End to end: paying a matter's fees at the kiosk (simulated devices, the embedded simulated
platform, real QML) — by the QR code on screen and by a payment code at the scanner — then the
payment receipt printed with the acceptance receipt."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.outbox.payments import OrderState
from tests.e2e.test_apply_journeys import _printed, _to_review, _verified
from ui.bridge.devdock import PAYMENT_CODES

FEE_MATTER = "11330109002500109E407507915000"
"""不动产权证书补证换证: full, ¥10.00 工本费; its one material may be replaced by a commitment
(the other seed matters with fees need a scanned material first)."""


def _to_fees(kiosk: Any, code: str = FEE_MATTER) -> str:
    _verified(kiosk, code)
    _to_review(kiosk)
    kiosk.intent("apply_confirm")
    kiosk.qtbot.waitUntil(lambda: kiosk.screen != "apply_submitting", timeout=60000)
    assert kiosk.screen == "pay_fees", kiosk.screen
    return str(kiosk.app.machine.session.payment.order_no)


def _state(kiosk: Any) -> dict[str, Any]:
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    return dict(state)


def _texts(kiosk: Any) -> list[str]:
    return [i["text"] for i in _state(kiosk)["items"] if i["kind"] == "text"]


def _ledger_state(kiosk: Any, order_no: str) -> OrderState:
    order = kiosk.app.payment.cashier().ledger.order(order_no)
    assert order is not None
    return order.state


def _scan(kiosk: Any, wallet: str) -> None:
    text = PAYMENT_CODES[wallet]
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/scanner", {"text": text}))


def test_paying_by_the_qr_code_on_screen_prints_both_receipts(kiosk: Any) -> None:
    order_no = _to_fees(kiosk)
    assert "¥10.00" in _texts(kiosk)
    primary = [i["object_name"] for i in _state(kiosk)["items"] if i.get("primary")]
    assert primary == ["action_pay_qr"]
    kiosk.intent("pay_qr")
    kiosk.wait_screen("pay_qr", 30000)
    kiosk.qtbot.waitUntil(lambda: any("二维码有效期还剩" in t for t in _texts(kiosk)), timeout=5000)
    assert kiosk.app.payment_vm.payQr.startswith("image://qr/")
    kiosk.app.ui.dev_dock.payOnPhone()  # the dock's 模拟手机支付
    kiosk.wait_screen("pay_paid", 15000)
    kiosk.wait_screen("apply_done", 30000)
    kiosk.qtbot.waitUntil(lambda: _printed(kiosk, order_no), timeout=15000)
    kiosk.qtbot.waitUntil(lambda: _ledger_state(kiosk, order_no) is OrderState.PRINTED,
                          timeout=5000)


@pytest.mark.parametrize("wallet", ["wechat", "alipay"])
def test_paying_by_a_payment_code_after_a_code_that_is_none(kiosk: Any, wallet: str) -> None:
    order_no = _to_fees(kiosk)
    kiosk.intent("pay_code")
    kiosk.wait_screen("pay_scan")
    kiosk.app.ui.dev_dock.scanPaymentCode("invalid")  # the dock's buttons, through the scanner
    kiosk.qtbot.waitUntil(lambda: any("这不是付款码" in t for t in _texts(kiosk)), timeout=5000)
    assert kiosk.screen == "pay_scan"
    kiosk.app.ui.dev_dock.scanPaymentCode(wallet)
    kiosk.wait_screen("apply_done", 30000)
    kiosk.qtbot.waitUntil(lambda: _printed(kiosk, order_no), timeout=15000)
    attempts = kiosk.app.payment.cashier().ledger.attempts(order_no)
    assert len(attempts) == 1, "the code that is no payment code was never sent"


def test_a_declined_code_then_a_good_one(kiosk: Any) -> None:
    _to_fees(kiosk)
    kiosk.intent("pay_code")
    kiosk.wait_screen("pay_scan")
    kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/payment/next-charge", {"outcome": "declined"})
    )
    _scan(kiosk, "wechat")
    kiosk.qtbot.waitUntil(lambda: any("支付未成功" in t for t in _texts(kiosk)), timeout=15000)
    assert kiosk.screen == "pay_scan"
    _scan(kiosk, "alipay")
    kiosk.wait_screen("apply_done", 30000)


def test_a_pending_code_is_confirmed_on_the_phone_later(kiosk: Any) -> None:
    order_no = _to_fees(kiosk)
    kiosk.intent("pay_code")
    kiosk.wait_screen("pay_scan")
    kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/payment/next-charge", {"outcome": "pending"})
    )
    _scan(kiosk, "wechat")
    kiosk.wait_screen("pay_pending", 15000)
    assert "请在手机上确认支付" in _texts(kiosk)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/payment/paid"))
    kiosk.wait_screen("apply_done", 30000)
    assert _ledger_state(kiosk, order_no) in (OrderState.PAID, OrderState.PRINTED)


def test_the_qr_code_runs_out_and_a_fresh_one_is_shown(kiosk: Any) -> None:
    _to_fees(kiosk)
    kiosk.intent("pay_qr")
    kiosk.wait_screen("pay_qr", 30000)
    first = kiosk.app.payment_vm.payQr
    kiosk.clock.advance(301)
    kiosk.wait_screen("pay_qr_expired", 10000)
    kiosk.intent("pay_qr")
    kiosk.wait_screen("pay_qr", 30000)
    assert kiosk.app.payment_vm.payQr not in ("", first)


def test_walking_away_cancels_the_unpaid_order_at_the_platform(kiosk: Any) -> None:
    order_no = _to_fees(kiosk)
    kiosk.intent("home")
    kiosk.wait_screen("home")
    client = kiosk.app.backend.client
    kiosk.qtbot.waitUntil(
        lambda: kiosk.call_off_gui(lambda: client.get_payment(order_no)).status == "cancelled",
        timeout=15000,
    )
    kiosk.qtbot.waitUntil(lambda: _ledger_state(kiosk, order_no) is OrderState.CLOSED,
                          timeout=5000)


def test_a_cancel_racing_a_payment_that_arrived_finishes_as_paid(kiosk: Any) -> None:
    order_no = _to_fees(kiosk)
    kiosk.intent("pay_qr")
    kiosk.wait_screen("pay_qr", 30000)
    kiosk.app.backend.platform_sim.mark_paid(order_no)  # before the poll has seen it
    kiosk.intent("pay_cancel")
    kiosk.wait_screen("apply_done", 30000)
    assert kiosk.app.machine.session.payment.paid


def test_a_lost_charge_answer_is_learned_from_the_platform_without_a_second_charge(
    kiosk: Any,
) -> None:
    order_no = _to_fees(kiosk)
    kiosk.intent("pay_code")
    kiosk.wait_screen("pay_scan")
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/payment/lose-answer"))
    _scan(kiosk, "wechat")
    kiosk.wait_screen("apply_done", 60000)
    attempts = kiosk.app.payment.cashier().ledger.attempts(order_no)
    assert [a.operation for a in attempts] == ["payByBarcode"]


def test_paper_out_after_payment_shows_the_qr_and_reprints_later(kiosk: Any) -> None:
    order_no = _to_fees(kiosk)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "out"}))
    kiosk.intent("pay_code")
    kiosk.wait_screen("pay_scan")
    _scan(kiosk, "wechat")
    kiosk.wait_screen("apply_print_failed", 60000)
    assert kiosk.app.ui.apply.receiptQr.startswith("image://qr/")
    assert kiosk.app.payment_vm.invoiceQr.startswith("image://qr/")
    assert any("已支付 ¥10.00" in t for t in _texts(kiosk))
    assert _ledger_state(kiosk, order_no) is OrderState.PAID
    receipts = kiosk.app.payment.paid_receipts_for(
        kiosk.app.machine.session.payment.application_nos[0]
    )
    assert [o.order_no for o in receipts] == [order_no]
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "ok"}))
    kiosk.qtbot.waitUntil(lambda: kiosk.app.machine.view.application.printer_ready, timeout=15000)
    kiosk.intent("apply_reprint")
    kiosk.wait_screen("apply_done", 30000)
    kiosk.qtbot.waitUntil(lambda: _ledger_state(kiosk, order_no) is OrderState.PRINTED,
                          timeout=5000)
