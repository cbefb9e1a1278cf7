"""Logging in with the provincial app's dynamic QR code.

No card is read on this path, so there is nothing to hold the platform's answer against: the
person the platform names for the code is the person logged in (the code was shown on their
phone, which the app unlocked). The answer must still answer the pending request.
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import Activity, Node, Return, Row
from kiosk.flow.effects import StartQrScanning, StopQrScanning
from kiosk.flow.states import Phase, Reason, State
from kiosk.identity.person import IdentityMethod

S = State
"""Short name for the table rows."""

QR = Node(
    Phase.QR,
    contains=(
        Node(S.QR_LOGIN, runs=Activity(StartQrScanning(), StopQrScanning())),
        Node(S.QR_LOGIN_VERIFYING, exit=a.cancel_request),
    ),
    rows=(
        Row(S.QR_LOGIN, on=ev.QrScanned, do=a.qr_login, to=S.QR_LOGIN_VERIFYING),
        Row(S.QR_LOGIN, on=ev.Back, to=Return(Phase.IDENTITY)),
        Row(S.QR_LOGIN_VERIFYING, on=ev.VerifyResult, do=a.verified_as(IdentityMethod.QR_LOGIN),
            to=S.VERIFIED),
        Row(S.QR_LOGIN_VERIFYING, on=ev.VerifyFailed, to=S.QR_LOGIN, because=Reason.QR_REJECTED),
        Row(S.QR_LOGIN_VERIFYING, on=ev.PlatformRefused, to=S.QR_LOGIN,
            because=Reason.NOT_A_LOGIN_CODE),
        Row(S.QR_LOGIN_VERIFYING, on=(ev.PlatformUnavailable, ev.StateTimedOut), to=S.QR_LOGIN,
            because=Reason.PLATFORM_UNAVAILABLE),
    ),
)
"""The scanner takes login codes only on qr_login; a refused or unanswered login comes back."""
