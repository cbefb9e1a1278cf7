"""Reading the ID card, and the screens of a card that cannot be used."""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.actions import CardVerdict
from kiosk.flow.chart import Activity, Node, Return, Row
from kiosk.flow.effects import StartCardReading, StopCardReading
from kiosk.flow.events import CardFailure
from kiosk.flow.states import Phase, Reason, State

S = State
"""Short name for the table rows."""

_FAILURE = a.read_failure
_VERDICT = a.card_verdict

CARD_READING = Node(
    Phase.CARD_READING,
    contains=(Node(S.IDENTITY_CARD, entry=a.forget_identity), S.IDENTITY_READING),
    runs=Activity(StartCardReading(), StopCardReading()),
    rows=(
        Row(S.IDENTITY_CARD, on=ev.CardPresented, to=S.IDENTITY_READING),
        Row(S.IDENTITY_CARD, on=ev.StartQrLogin, when=a.qr_usable, to=S.QR_LOGIN),
        # Offered while the reader is not working (the screen says so; see FlowView).
        Row(S.IDENTITY_CARD, on=ev.ChooseWindow, to=S.REFER_TO_WINDOW),
        Row(S.IDENTITY_CARD, on=ev.Back, to=Return(Phase.IDENTITY)),
        Row(S.IDENTITY_READING, on=ev.CardTakenAway, to=S.CARD_REMOVED),
        Row(S.IDENTITY_READING, on=ev.StateTimedOut, to=S.CARD_UNREADABLE,
            because=Reason.CARD_READ_TIMEOUT),
        # A reader that reports only the finished read answers on identity_card as well.
        Row(Phase.CARD_READING, on=ev.CardReadFailed, when=_FAILURE.is_(CardFailure.UNKNOWN_TYPE),
            to=S.CARD_UNKNOWN),
        Row(Phase.CARD_READING, on=ev.CardReadFailed, when=_FAILURE.is_(CardFailure.REMOVED),
            to=S.CARD_REMOVED),
        Row(Phase.CARD_READING, on=ev.CardReadFailed, when=_FAILURE.is_(CardFailure.UNREADABLE),
            to=S.CARD_UNREADABLE, because=Reason.CARD_READ_FAILED),
        Row(Phase.CARD_READING, on=ev.CardRead, when=_VERDICT.is_(CardVerdict.UNKNOWN_TYPE),
            to=S.CARD_UNKNOWN),
        Row(Phase.CARD_READING, on=ev.CardRead, when=_VERDICT.is_(CardVerdict.EXPIRED),
            to=S.CARD_EXPIRED),
        Row(Phase.CARD_READING, on=ev.CardRead, when=_VERDICT.is_(CardVerdict.ID_NUMBER_INVALID),
            to=S.CARD_UNREADABLE, because=Reason.ID_NUMBER_INVALID),
        Row(Phase.CARD_READING, on=ev.CardRead, when=_VERDICT.is_(CardVerdict.FACE_NEEDED),
            do=a.hold_card, to=S.FACE_CONSENT),
        Row(Phase.CARD_READING, on=ev.CardRead, when=_VERDICT.is_(CardVerdict.ENOUGH),
            do=a.verify_card, to=S.CARD_VERIFYING),
    ),
)
"""The reader runs exactly while the citizen is asked for the card or it is being read."""

CARD_ERRORS = Node(
    Phase.CARD_ERRORS,
    contains=(S.CARD_EXPIRED, S.CARD_UNKNOWN, S.CARD_UNREADABLE, S.CARD_REMOVED),
    entry=a.forget_identity,
    rows=(
        Row(Phase.CARD_ERRORS, on=ev.RetryCard, to=S.IDENTITY_CARD),
        Row(Phase.CARD_ERRORS, on=ev.StartQrLogin, when=a.qr_usable, to=S.QR_LOGIN),
        Row(Phase.CARD_ERRORS, on=ev.Back, to=Return(Phase.IDENTITY)),
    ),
)
"""A card that cannot be used is never kept; the citizen may retry or log in by QR code."""
