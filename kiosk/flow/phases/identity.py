"""Establishing identity: card, face or QR code, or the staffed window.

The phase is called like a subroutine: entered from the guide (or from home for a QR login),
its 返回 returns to where it was entered from, and it ends on ``verified``.
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import Node, Return, Row
from kiosk.flow.phases.card import CARD_ERRORS, CARD_READING
from kiosk.flow.phases.card_level import CARD_VERIFYING
from kiosk.flow.phases.face import FACE
from kiosk.flow.phases.qr import QR
from kiosk.flow.states import Phase, State

S = State
"""Short name for the table rows."""

IDENTITY = Node(
    Phase.IDENTITY,
    contains=(
        CARD_READING,
        CARD_ERRORS,
        CARD_VERIFYING,
        FACE,
        Node(S.IDENTITY_CHOICE, entry=a.forget_identity),
        Node(S.REFER_TO_WINDOW, entry=a.forget_identity),
        Node(S.VERIFICATION_UNAVAILABLE, entry=a.forget_identity),
        QR,
    ),
    rows=(
        # Declining face verification offers the non-face ways.
        Row(S.IDENTITY_CHOICE, on=ev.StartQrLogin, when=a.qr_usable, to=S.QR_LOGIN),
        Row(S.IDENTITY_CHOICE, on=ev.ChooseWindow, to=S.REFER_TO_WINDOW),
        Row(S.IDENTITY_CHOICE, on=ev.Back, to=Return(Phase.IDENTITY)),
        # The platform cannot be reached: only the staffed window (or leaving) works now.
        Row(S.VERIFICATION_UNAVAILABLE, on=ev.ChooseWindow, to=S.REFER_TO_WINDOW),
    ),
)
"""Every way to establish identity; nothing of a refused attempt is kept."""
