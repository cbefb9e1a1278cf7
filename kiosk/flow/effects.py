"""Effects: what the flow asks the app layer to do. The machine itself does no I/O.

The app executes each effect (devices, platform calls in workers) and answers with events.
Effects with a ``request_id`` are answered with an event carrying the same id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.flow.matter import SubjectKind
from kiosk.identity.card import IdentityCard


@dataclass(frozen=True)
class Effect:
    """Base class of every effect."""


@dataclass(frozen=True)
class StartCardReading(Effect):
    """Have the reader look for and read a card; answer CardPresented/CardRead/CardReadFailed."""


@dataclass(frozen=True)
class StopCardReading(Effect):
    """Stop reading cards (``CardTakenAway`` is still forwarded)."""


@dataclass(frozen=True)
class StartFaceCapture(Effect):
    """Show the live camera with guidance; answer FaceCaptured or FaceCaptureFailed."""


@dataclass(frozen=True)
class StopFaceCapture(Effect):
    """Stop the camera preview and drop any frames held for it."""


@dataclass(frozen=True)
class StartQrScanning(Effect):
    """Accept a code from the scanner for login; answer QrScanned."""


@dataclass(frozen=True)
class StopQrScanning(Effect):
    """Stop accepting codes for login."""


@dataclass(frozen=True)
class VerifyIdentity(Effect):
    """Call verifyIdentity with the card and the live face; answer VerifyResult, VerifyFailed
    or PlatformUnavailable with ``request_id``.

    ``jpeg`` is the session's own buffer, which the flow zeroes as soon as verification ends
    or the session is wiped: the handler must encode it (base64) when it receives the
    effect, on the flow's thread, before handing the request to a worker.
    """

    request_id: int
    card: IdentityCard = field(repr=False)
    jpeg: bytearray = field(repr=False)
    liveness_score: float | None = None


@dataclass(frozen=True)
class QrLogin(Effect):
    """Call qrLogin with the scanned payload; answer like :class:`VerifyIdentity`."""

    request_id: int
    payload: str = field(repr=False)


@dataclass(frozen=True)
class LoadGuide(Effect):
    """Load the matter's or bundle's guide from the catalogue; answer GuideLoaded or
    PlatformUnavailable with ``request_id``."""

    request_id: int
    code: str
    kind: SubjectKind


@dataclass(frozen=True)
class WipeSession(Effect):
    """The session was wiped: clear every view-model and QML field, and the keyboard's
    per-session user dictionary (devices.md §6), so nothing is left for the next citizen."""


@dataclass(frozen=True)
class RequestMaintenance(Effect):
    """The PIN was accepted: ask the maintenance gate for entry; answer MaintenanceGranted
    once nothing is in progress (no outbox delivery in flight)."""


@dataclass(frozen=True)
class EndMaintenance(Effect):
    """Maintenance (or the wait for it) is over: close the gate."""
