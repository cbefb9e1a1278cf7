"""Which payment codes (付款码) the terminal accepts, in one table.

A payment code is the digits a wallet app shows for a merchant's scanner. The terminal checks
its shape before anything is sent: a code that matches no wallet here is never charged (the
citizen is told at once that it is not a payment code). Another wallet is one more row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WalletId(StrEnum):
    """A wallet whose payment codes the terminal accepts (the UI names them)."""

    WECHAT = "wechat"
    ALIPAY = "alipay"


@dataclass(frozen=True)
class WalletRule:
    """The shape of one wallet's payment codes: digits only, a length range, a prefix range
    (the first two digits, as numbers)."""

    wallet: WalletId
    min_length: int
    max_length: int
    first_prefix: int
    last_prefix: int

    def matches(self, code: str) -> bool:
        """True when ``code`` has this wallet's shape."""
        return (
            code.isascii()
            and code.isdigit()
            and self.min_length <= len(code) <= self.max_length
            and self.first_prefix <= int(code[:2]) <= self.last_prefix
        )


WALLET_RULES: tuple[WalletRule, ...] = (
    WalletRule(WalletId.WECHAT, 18, 18, 10, 15),
    WalletRule(WalletId.ALIPAY, 16, 24, 25, 30),
)
"""WeChat Pay: 18 digits starting 10–15. Alipay: 16–24 digits starting 25–30."""


def wallet_of(code: str) -> WalletId | None:
    """The wallet whose payment code ``code`` is, or None when it is not a payment code."""
    candidate = code.strip()
    return next((r.wallet for r in WALLET_RULES if r.matches(candidate)), None)
