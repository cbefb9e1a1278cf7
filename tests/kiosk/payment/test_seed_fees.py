"""Every matter of the seed catalogue that has fees and is applied for at the terminal: its
order (as the platform builds it from the matter's fees) is payable both ways through the
kiosk's cashier — the QR code on screen, paid on the phone, and a payment code at the
scanner — and its payment receipt prints each item and the total in yuan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.printer.document import KeyValue
from kiosk.outbox.payments import OrderState, PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.payment.money import yuan
from kiosk.payment.verdict import Verdict
from kiosk.platform.models import PaymentStatus
from kiosk.receipts.documents import Hall
from kiosk.receipts.payment import payment_receipt
from platform_sim import RunningSimulator, SimClock, start_simulator
from platform_sim import payments as sim_payments
from platform_sim.seed.catalogue import build_catalogue
from tests.kiosk.payment.helpers import WECHAT
from tests.kiosk.platform import simulated
from ui.receipt_text import payment_receipt_wording

FEE_MATTERS = [
    m for m in build_catalogue()["matters"] if m["fees"] and m["self_service"] == "full"
]


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSimulator]:
    running = start_simulator(tmp_path_factory.mktemp("platform-sim"), clock=SimClock())
    yield running
    running.stop()


def _order(sim: RunningSimulator, cashier: Cashier, matter: dict[str, Any]) -> str:
    items = [{"name": f["name"], "amount_cents": f["amount_cents"]} for f in matter["fees"]]
    with sim.service.store.transaction() as db:
        order_no = sim_payments.create_order(db, sim.clock.now(), items)
    cashier.open(cashier.client.get_payment(order_no), (f"A-{order_no}",))
    return order_no


def test_the_seed_has_matters_with_fees_applied_for_at_the_terminal() -> None:
    assert len(FEE_MATTERS) >= 6


@pytest.mark.parametrize("matter", FEE_MATTERS, ids=[m["name"] for m in FEE_MATTERS])
def test_every_matter_with_fees_is_payable_by_qr_code_and_by_payment_code(
    sim: RunningSimulator, tmp_path: Path, matter: dict[str, Any]
) -> None:
    cashier = Cashier(simulated.client_for(sim), PaymentLedger.in_data_dir(tmp_path))
    by_qr = _order(sim, cashier, matter)
    assert cashier.show_qr(by_qr).valid_s > 0
    sim.mark_paid(by_qr)
    assert cashier.poll(by_qr).status is PaymentStatus.PAID

    by_code = _order(sim, cashier, matter)
    answer = cashier.charge(by_code, WECHAT)
    assert answer.verdict is Verdict.PAID and answer.payment is not None

    total = sum(f["amount_cents"] for f in matter["fees"])
    document = payment_receipt(payment_receipt_wording(), Hall("大厅", "0571-1"), answer.payment,
                               (f"A-{by_code}",))
    rows = {(b.key, b.value) for b in document.blocks if isinstance(b, KeyValue)}
    assert {(f["name"], yuan(f["amount_cents"])) for f in matter["fees"]} <= rows
    assert (payment_receipt_wording().total, yuan(total)) in rows
    assert {o.state for o in cashier.ledger.orders()} == {OrderState.PAID}
