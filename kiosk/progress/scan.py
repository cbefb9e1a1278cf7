"""What a code held under the scanner on the progress screen is.

Only a receipt's progress QR (:func:`kiosk.receipts.progress.parse_progress`) opens an
application; anything else is sorted into a :class:`ForeignCode` so the screen can say what
it was, and no platform call is made for it. A code that starts like our receipt's but does
not parse is a damaged (cut short or altered) receipt code.
"""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import urlsplit

from kiosk.receipts.progress import ProgressQuery, parse_progress


class ForeignCode(StrEnum):
    """Why a scanned code opens no application."""

    EMPTY = "empty"
    DAMAGED_RECEIPT = "damaged_receipt"
    """Our progress page, but cut short, altered or with other parameters."""
    PAYMENT_CODE = "payment_code"
    """A payment code or a payment link (WeChat Pay, Alipay, UnionPay)."""
    LOGIN_CODE = "login_code"
    """The provincial app's login code: for logging in, not for progress."""
    WEB_ADDRESS = "web_address"
    """Some other web address."""
    UNKNOWN = "unknown"


_PAYMENT_DIGITS = re.compile(r"(1[0-5]|2[5-9]|30)[0-9]{16}|62[0-9]{17}")
"""Payment barcodes: WeChat Pay (10–15), Alipay (25–30), UnionPay (62), 18–19 digits."""
_PAYMENT_PREFIXES = ("wxp://", "weixin://", "alipays://", "alipay://", "upwallet://")
_PAYMENT_HOSTS = frozenset({"qr.alipay.com", "wx.tenpay.com", "qr.95516.com", "pay.weixin.qq.com"})
_LOGIN_PREFIX = "zjzwfw://login"


def _receipt_prefix(base: str) -> str:
    """``host/path`` of the progress page, which a damaged code still starts with."""
    parts = urlsplit(base)
    return f"{parts.hostname or ''}{parts.path}".lower()


def _damaged(text: str, base: str) -> bool:
    lowered = text.lower()
    for scheme in ("https://", "http://", ""):
        if lowered.startswith(scheme) and lowered[len(scheme):].startswith(_receipt_prefix(base)):
            return True
    return "no=" in lowered and "code=" in lowered


def classify(text: str, base: str) -> ProgressQuery | ForeignCode:
    """The query a receipt's progress QR under ``base`` carries, or what else ``text`` is.

    Surrounding whitespace (a scanner's suffix) is ignored; nothing else is forgiven.
    """
    code = text.strip()
    if not code:
        return ForeignCode.EMPTY
    query = parse_progress(code, base)
    if query is not None:
        return query
    if _damaged(code, base):
        return ForeignCode.DAMAGED_RECEIPT
    lowered = code.lower()
    if _PAYMENT_DIGITS.fullmatch(code) or lowered.startswith(_PAYMENT_PREFIXES):
        return ForeignCode.PAYMENT_CODE
    if lowered.startswith(_LOGIN_PREFIX):
        return ForeignCode.LOGIN_CODE
    if lowered.startswith(("http://", "https://", "www.")):
        try:
            host = urlsplit(code if "://" in code else "https://" + code).hostname or ""
        except ValueError:  # not even a well-formed address
            return ForeignCode.WEB_ADDRESS
        return ForeignCode.PAYMENT_CODE if host in _PAYMENT_HOSTS else ForeignCode.WEB_ADDRESS
    return ForeignCode.UNKNOWN
