"""A simulated platform with an unpaid order of the tiny catalogue's matter with fees, and a
cashier of a fresh ledger for it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from kiosk.outbox.payments import PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.platform.client import PlatformClient
from kiosk.platform.models import SubmitResult
from platform_sim import RunningSimulator
from tests.kiosk.platform import simulated

WECHAT = "134567890123456789"
ALIPAY = "284567890123456789"


@dataclass(frozen=True)
class Order:
    """An accepted submission with its unpaid order, recorded in the ledger."""

    result: SubmitResult

    @property
    def order_no(self) -> str:
        assert self.result.payment is not None
        return self.result.payment.order_no


def submit_with_fees(client: PlatformClient) -> SubmitResult:
    """The promised matter (¥20.00 工本费) submitted online for the resident."""
    verification = simulated.verify(client)
    upload = simulated.uploaded_scan(client, verification)
    request = simulated.application(verification, upload)
    return client.submit_application(request, idempotency_key=uuid.uuid4())


def open_order(cashier: Cashier) -> Order:
    """A fresh accepted submission whose order the cashier has recorded."""
    result = submit_with_fees(cashier.client)
    assert result.payment is not None
    cashier.open(result.payment, result.application_nos)
    return Order(result)


def cashier_for(sim: RunningSimulator, data_dir: Path) -> Cashier:
    """A cashier with a ledger in ``data_dir`` (the outbox database's place)."""
    return Cashier(simulated.client_for(sim), PaymentLedger.in_data_dir(data_dir))


def charges(sim: RunningSimulator, order_no: str) -> list[str]:
    """The idempotency keys of every payByBarcode request the platform received for the
    order (a resend with the same key counts again)."""
    return [
        e.headers.get("idempotency-key", e.headers.get("Idempotency-Key", ""))
        for e in sim.exchanges
        if e.method == "POST" and e.path.endswith(f"/payments/{order_no}/barcode")
    ]
