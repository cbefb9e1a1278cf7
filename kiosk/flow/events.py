"""Events the flow reacts to: citizen intents from the UI, answers from the app's workers and
devices, and the machine's own timers.

Answers to an effect that carries a ``request_id`` must carry the same id; the machine drops
an answer whose request is no longer pending (the citizen left, or the session was reset),
so a late platform reply can never land in the next citizen's session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from drivers.base import DeviceClass, DeviceStatus
from kiosk.flow.matter import MatterBrief, SubjectKind
from kiosk.flow.states import PlaceholderTopic
from kiosk.identity.card import IdentityCard


@dataclass(frozen=True)
class Event:
    """Base class of every flow event."""


# --- citizen intents (the UI) -------------------------------------------------------------


@dataclass(frozen=True)
class Wake(Event):
    """The attract loop was touched."""


@dataclass(frozen=True)
class GoHome(Event):
    """返回首页: leave whatever is under way, forget the citizen."""


@dataclass(frozen=True)
class Back(Event):
    """返回: one step back, where the screen offers it."""


@dataclass(frozen=True)
class OpenCatalogue(Event):
    """办事: browse the catalogue."""


@dataclass(frozen=True)
class OpenPlaceholder(Event):
    """A home entry whose feature comes later (查询进度, 证明打印, 预约, 评价, 适老模式)."""

    topic: PlaceholderTopic


@dataclass(frozen=True)
class StartQrLogin(Event):
    """扫码登录, from home or from the identity alternatives."""


@dataclass(frozen=True)
class SelectMatter(Event):
    """A matter or bundle was chosen in the catalogue; its guide opens."""

    code: str
    kind: SubjectKind = SubjectKind.MATTER


@dataclass(frozen=True)
class StartMatter(Event):
    """开始办理 on the guide."""


@dataclass(frozen=True)
class ConsentGiven(Event):
    """The citizen agreed to face verification."""


@dataclass(frozen=True)
class ConsentDeclined(Event):
    """不同意，改用其他方式."""


@dataclass(frozen=True)
class ChooseWindow(Event):
    """The citizen chose the staffed window instead."""


@dataclass(frozen=True)
class RetryCard(Event):
    """重新放置证件, on a card error screen."""


@dataclass(frozen=True)
class RetryFace(Event):
    """重新识别, on the face retry screen."""


@dataclass(frozen=True)
class ContinueSession(Event):
    """还需要更多时间 on the idle countdown (any touch does the same through ``touch()``)."""


# --- answers from workers and devices -----------------------------------------------------


@dataclass(frozen=True)
class GuideLoaded(Event):
    """The guide asked for by ``LoadGuide`` is ready."""

    request_id: int
    matter: MatterBrief


@dataclass(frozen=True)
class CardPresented(Event):
    """The reader found a card on its plate and is reading it (optional: a reader that only
    reports the finished read goes straight from ``identity_card`` on ``CardRead``)."""


@dataclass(frozen=True)
class CardRead(Event):
    """The card was read."""

    card: IdentityCard


class CardFailure(StrEnum):
    """Why the reader could not give a card."""

    UNKNOWN_TYPE = "unknown_type"
    UNREADABLE = "unreadable"
    REMOVED = "removed"


@dataclass(frozen=True)
class CardReadFailed(Event):
    """The reader found a card but could not read it."""

    failure: CardFailure


@dataclass(frozen=True)
class CardRemoved(Event):
    """The card left the reader (forwarded whenever the reader reports it)."""


@dataclass(frozen=True)
class FaceCaptured(Event):
    """The camera has a live face image good enough to send (JPEG)."""

    jpeg: bytes = field(repr=False)
    liveness_score: float | None = None


@dataclass(frozen=True)
class FaceCaptureFailed(Event):
    """The camera failed while capturing."""


@dataclass(frozen=True)
class QrScanned(Event):
    """The scanner read a code while the QR login screen was shown."""

    payload: str = field(repr=False)


@dataclass(frozen=True)
class VerifyResult(Event):
    """The platform established identity (``Verification.verified`` true)."""

    request_id: int
    verification_id: str
    expires_at: str
    name: str = field(repr=False)
    id_number: str = field(repr=False)


@dataclass(frozen=True)
class VerifyFailed(Event):
    """The platform answered but did not verify (``Verification.reason``, e.g. face_mismatch)."""

    request_id: int
    reason: str


@dataclass(frozen=True)
class PlatformUnavailable(Event):
    """A platform call for ``request_id`` failed (network, 5xx, timeout) or the guide is missing."""

    request_id: int


@dataclass(frozen=True)
class DevicesChanged(Event):
    """Device statuses changed; merged into what the flow knows."""

    statuses: Mapping[DeviceClass, DeviceStatus]


@dataclass(frozen=True)
class ServiceSuspended(Event):
    """The platform's ``out_of_service`` command (or maintenance) suspended the terminal."""


@dataclass(frozen=True)
class ServiceResumed(Event):
    """The platform's ``back_in_service`` command."""


# --- the machine's own timers ---------------------------------------------------------------


@dataclass(frozen=True)
class IdleExpired(Event):
    """The idle countdown ran out (or, on screens without one, the idle time)."""


@dataclass(frozen=True)
class StateTimedOut(Event):
    """The current state's work time limit passed (card read, face capture, verify)."""


@dataclass(frozen=True)
class CardGraceExpired(Event):
    """The card stayed off the reader past the grace allowed on ``verified``."""
