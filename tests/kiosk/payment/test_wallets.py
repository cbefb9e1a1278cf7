"""The wallet code table: which scanned texts are payment codes, and that nothing else is ever
sent to the platform."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.outbox.payments import PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.payment.verdict import Verdict
from kiosk.payment.wallets import WALLET_RULES, WalletId, wallet_of


@pytest.mark.parametrize(
    ("code", "wallet"),
    [
        ("134567890123456789", WalletId.WECHAT),
        ("104567890123456789", WalletId.WECHAT),
        ("154567890123456789", WalletId.WECHAT),
        ("2845678901234567", WalletId.ALIPAY),
        ("304567890123456789012345", WalletId.ALIPAY),
        (" 284567890123456789\r\n", WalletId.ALIPAY),
        ("164567890123456789", None),
        ("13456789012345678", None),
        ("3145678901234567", None),
        ("2445678901234567", None),
        ("6901234567892", None),
        ("https://pay.example/qr", None),
        ("13456789012345678９", None),
        ("", None),
    ],
)
def test_a_code_is_a_wallets_payment_code_only_by_its_shape(code: str, wallet: Any) -> None:
    assert wallet_of(code) is wallet


class RecordingClient:
    """A platform client that only records what would be charged."""

    def __init__(self) -> None:
        self.charged: list[str] = []

    def tuned(self, **_: object) -> RecordingClient:
        return self

    def pay_by_barcode(self, order_no: str, auth_code: str, **_: object) -> object:
        self.charged.append(auth_code)
        raise AssertionError("charged")


@given(st.text(max_size=30) | st.from_regex(r"[0-9]{14,26}", fullmatch=True))
def test_random_text_is_never_sent_unless_it_matches_a_wallet(tmp_path_factory: Any,
                                                               text: str) -> None:
    ledger = PaymentLedger(Path(tmp_path_factory.mktemp("ledger")) / "outbox.sqlite3")
    client = RecordingClient()
    cashier = Cashier(client, ledger)  # type: ignore[arg-type]
    if wallet_of(text) is None:
        assert cashier.charge("P1", text).verdict is Verdict.NOT_A_CODE
        assert client.charged == []
        assert ledger.attempts("P1") == []
    else:
        stripped = text.strip()
        assert stripped.isdigit() and 16 <= len(stripped) <= 24  # the contract's pattern
        assert any(rule.matches(stripped) for rule in WALLET_RULES)
    ledger.close()
