"""Payment at the terminal against the embedded simulated platform (the default: HTTPS on
127.0.0.1, the seed catalogue).

* **Scan → charge answered**: a WeChat payment code handed to the kiosk's
  :class:`~kiosk.payment.cashier.Cashier` (the path a scan takes after the flow: shape
  check, the attempt's key fsynced into the ledger, payByBarcode, the answer settled in the
  ledger) until its verdict; 200 orders, one charge each.
* **QR shown → paid detected**: the kiosk's :class:`~entry.payment.PaymentWatch` polls
  getPayment every ``PAYMENT_POLL_S``; the citizen pays at a uniformly random moment; the
  time from the payment to the watch's report. Also one getPayment's latency and what the
  polling costs the platform (requests per minute per terminal while a code is shown).

Orders are created in the simulator's store as a submission with fees would create them.
Writes ``benchmarks/results/payment.json``.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import print_figures, samples_ms, spread, write_results
from entry.payment import PaymentWatch
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.timeouts import PAYMENT_POLL_S
from kiosk.outbox.payments import PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.payment.verdict import Verdict
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import TlsSettings
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from platform_sim import RunningSimulator, start_simulator
from platform_sim import payments as sim_payments

RESULTS = Path(__file__).parent / "results" / "payment.json"
TERMINAL = "KIOSK-SIM-0001"
WECHAT = "134567890123456789"
CHARGES = 200
DETECTIONS = 20
ITEMS = [{"name": "工本费", "amount_cents": 1000}]


def _order(sim: RunningSimulator, cashier: Cashier) -> str:
    with sim.service.store.transaction() as db:
        order_no = sim_payments.create_order(db, sim.clock.now(), ITEMS)
    payment = cashier.client.get_payment(order_no)
    cashier.open(payment, (f"A-{order_no}",))
    return order_no


def _charges(sim: RunningSimulator, cashier: Cashier) -> list[float]:
    orders = [_order(sim, cashier) for _ in range(CHARGES + 2)]
    pending = iter(orders)

    def charge() -> None:
        if cashier.charge(next(pending), WECHAT).verdict is not Verdict.PAID:
            raise RuntimeError("a charge was not paid")

    return samples_ms(charge, CHARGES)


def _detection(sim: RunningSimulator, cashier: Cashier, rng: random.Random) -> float:
    """Seconds from the citizen's payment to the watch's report, for one order."""
    order_no = _order(sim, cashier)
    seen = threading.Event()
    reported: list[float] = []

    def post(event: ev.Event) -> None:
        if isinstance(event, ev.PaymentSettled):
            reported.append(time.perf_counter())
            seen.set()

    watch = PaymentWatch(cashier, fx.WatchPayment(1, order_no), time.monotonic, post)
    watch.start()
    time.sleep(rng.uniform(0.0, PAYMENT_POLL_S))
    paid_at = time.perf_counter()
    sim.mark_paid(order_no)
    if not seen.wait(PAYMENT_POLL_S * 3):
        raise RuntimeError("the payment was not detected")
    watch.stop()
    return reported[0] - paid_at


def main() -> None:
    """Run the benchmark, print the table, write the JSON results."""
    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as tmp:
        sim = start_simulator(Path(tmp) / "sim")
        try:
            signer = Signer(TERMINAL, sim.secret)
            client = PlatformClient(
                Transport(sim.base_url, signer, TlsSettings(sim.ca_file)), NO_RETRY
            )
            cashier = Cashier(client, PaymentLedger.in_data_dir(Path(tmp) / "kiosk"))
            charge_ms = _charges(sim, cashier)
            polled = _order(sim, cashier)
            poll_ms = samples_ms(lambda: client.get_payment(polled), 200)
            detect_s = [_detection(sim, cashier, rng) for _ in range(DETECTIONS)]
            cashier.ledger.close()
        finally:
            sim.stop()

    figures = {
        "scan_to_charge_answered_ms": spread(charge_ms, 1),
        "get_payment_ms": spread(poll_ms, 1),
        "poll_interval_s": PAYMENT_POLL_S,
        "paid_to_detected_s": spread(detect_s, 2),
        "polls_per_minute_per_terminal": round(60 / PAYMENT_POLL_S),
        "platform": "embedded simulator, HTTPS on 127.0.0.1, ledger synchronous=FULL",
    }
    print_figures(figures)
    write_results(RESULTS, figures)


if __name__ == "__main__":
    main()
