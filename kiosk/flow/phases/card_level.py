"""Card-level verification (contract 1.1 ``method: card``): for a matter needing ``id_card``
only, the card read by the SAM reader is enough — no face. The platform's answer gives the
verification id that the application, the e-licences and the reprint by card need.

The answer is used only when it names the holder of the card that was read; a refusal (card
unknown, expired) refers to the staffed window, and an unreachable platform says so.
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import Node, Row
from kiosk.flow.states import Reason, State
from kiosk.identity.person import IdentityMethod

S = State
"""Short name for the table rows."""

CARD_VERIFYING = Node(
    S.CARD_VERIFYING,
    exit=a.cancel_request,
    rows=(
        Row(S.CARD_VERIFYING, on=ev.VerifyResult, when=a.answer_names_card_holder,
            do=a.verified_as(IdentityMethod.ID_CARD), to=S.VERIFIED),
        Row(S.CARD_VERIFYING, on=ev.VerifyResult, when=~a.answer_names_card_holder,
            to=S.REFER_TO_WINDOW, because=Reason.VERIFIED_SOMEONE_ELSE),
        Row(S.CARD_VERIFYING, on=(ev.VerifyFailed, ev.PlatformRefused), to=S.REFER_TO_WINDOW,
            because=Reason.CARD_REJECTED),
        Row(S.CARD_VERIFYING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.VERIFICATION_UNAVAILABLE),
    ),
)
"""Waiting for the platform's card-level verification."""
