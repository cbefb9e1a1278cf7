"""A citizen's session: browsing, identity, and what comes after ``verified``.

返回首页 and the idle countdown end the session from any of its screens; entering home
wipes it (:mod:`kiosk.flow.table`).
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import apply_actions
from kiosk.flow import events as ev
from kiosk.flow.apply_actions import ContinueRoute
from kiosk.flow.chart import STAY, Node, Row
from kiosk.flow.phases.apply import APPLY
from kiosk.flow.phases.appointment import APPOINTMENT
from kiosk.flow.phases.appointment import FROM_GUIDE as APPOINTMENT_FROM_GUIDE
from kiosk.flow.phases.browse import BROWSE
from kiosk.flow.phases.certificates import CERTIFICATES, FROM_VERIFIED
from kiosk.flow.phases.evaluation import EVALUATION
from kiosk.flow.phases.identity import IDENTITY
from kiosk.flow.phases.progress import PROGRESS
from kiosk.flow.phases.reprint import REPRINT
from kiosk.flow.states import Phase, State

S = State
"""Short name for the table rows."""

_CONTINUE = apply_actions.continue_route

SESSION = Node(
    Phase.SESSION,
    contains=(
        BROWSE, IDENTITY, S.VERIFIED, APPLY, CERTIFICATES, EVALUATION, APPOINTMENT, PROGRESS,
        REPRINT,
    ),
    rows=(
        Row(Phase.SESSION, on=(ev.GoHome, ev.IdleExpired), to=S.HOME),
        Row(S.VERIFIED, on=ev.OpenCatalogue, do=a.clear_matter, to=S.CATALOGUE),
        Row(S.VERIFIED, on=ev.Back, when=a.has_matter, to=S.GUIDE),
        # Taking the card away after a card verification ends the session after a grace.
        Row(S.VERIFIED, on=ev.CardTakenAway, when=a.verified_by_card, do=a.start_card_grace,
            to=STAY),
        Row(S.VERIFIED, on=ev.CardPresented, do=a.cancel_card_grace, to=STAY),
        Row(S.VERIFIED, on=ev.CardGraceExpired, to=S.HOME),
        # The platform refused the card-level verification for this matter: face first.
        Row(S.VERIFIED, on=ev.ContinueApply, when=_CONTINUE.is_(ContinueRoute.FACE_FIRST),
            to=S.FACE_CONSENT),
        Row(S.VERIFIED, on=ev.ContinueApply, when=_CONTINUE.is_(ContinueRoute.APPLY),
            do=apply_actions.load_application, to=S.APPLY_LOADING),
        FROM_VERIFIED,
        APPOINTMENT_FROM_GUIDE,
    ),
)
"""From the first tap after home until the citizen leaves or is timed out."""
