"""A kiosk process for the payment crash test: pays one order with a WeChat payment code the
way the kiosk does (the charge's key on disk first; no answer → the order's state from
getPayment, asked until it is known), then "cuts" the payment receipt (a file written and
fsynced) and marks it printed. Prints ``READY`` once its ledger is open and ``DONE`` at the
end; the test kills it with SIGKILL at a random moment after ``READY``.

Run: ``python -m tests.kiosk.payment.pay_child DATA_DIR BASE_URL CA_FILE SECRET_FILE TERMINAL_ID
ORDER_NO CODE`` (nothing of the simulator is imported: the child starts in half the time).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kiosk.outbox.payments import PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.payment.verdict import Verdict
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer


def cut_receipt(data_dir: Path, order_no: str) -> None:
    """The receipt printer's confirmed job: a file on disk before the ledger hears of it."""
    folder = data_dir / "receipts"
    folder.mkdir(exist_ok=True)
    fd = os.open(folder / order_no, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, order_no.encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def main(
    data_dir: str, base_url: str, ca_file: str, secret_file: str, terminal_id: str,
    order_no: str, code: str,
) -> None:
    secret = Path(secret_file).read_text(encoding="ascii").strip().encode()
    transport = Transport(
        base_url, Signer(terminal_id, secret), TlsSettings(Path(ca_file)), Timeouts(1.0, 1.0)
    )
    ledger = PaymentLedger.in_data_dir(Path(data_dir))
    cashier = Cashier(PlatformClient(transport, NO_RETRY), ledger)
    print("READY", flush=True)
    answer = cashier.charge(order_no, code)
    while answer.verdict is Verdict.PENDING:
        answer = cashier.resolve(order_no)
    if answer.verdict is Verdict.PAID:
        cut_receipt(Path(data_dir), order_no)
        cashier.printed(order_no)
    print("DONE", answer.verdict.value, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
