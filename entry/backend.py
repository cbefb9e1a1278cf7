"""Everything slow to import, behind one module: the app imports it after home's first frame.

The platform client (requests, jsonschema), face capture and the camera scanner (numpy,
OpenCV) together cost about 400 ms to import; the embedded simulated platform (its seed data
and pypinyin) is imported only when configured. The window must not wait for them, so
:mod:`entry.app` imports this module only in its start-up worker (and :mod:`entry.devices`
when it builds the scanner there); every other module imports what it needs at the top.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING
from uuid import uuid4

from drivers.base import DeviceClass
from drivers.camera.types import FrameSource
from drivers.config import DeviceConfig
from drivers.manager import BuiltDevice, DeviceManager
from drivers.scanner import factory as scanner_factory
from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.cache_file import CatalogueFile
from kiosk.catalogue.service import CatalogueSnapshot, snapshot_of
from kiosk.config import Config
from kiosk.flow import events as ev
from kiosk.identity.card import IdentityCard, SamReadCard
from kiosk.identity.face_capture import FaceCaptureListener, FaceCaptureRun, Post
from kiosk.outbox.store import OutboxStore
from kiosk.outbox.submitter import Submitter
from kiosk.outbox.worker import OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.platform.exchange import Timeouts
from kiosk.platform.models import Card, CardVerifyRequest, Verification, VerifyRequest
from kiosk.platform.transport_retry import NO_RETRY
from ui.bridge.camera_preview import CameraPreview
from ui.kiosk_ui import KioskUi

if TYPE_CHECKING:
    from platform_sim import RunningSimulator

log = logging.getLogger(__name__)

PLATFORM_SIM_DIR = "platform-sim"
"""The embedded simulated platform's directory under the data directory."""
ONLINE_TRY = Timeouts(connect_s=3.0, read_s=10.0, total_s=15.0)
"""The submitter's one online try per record before leaving it to the outbox worker."""

def build_scanner(config: DeviceConfig, camera: object | None) -> BuiltDevice:
    """The QR scanner; the ``camera`` driver decodes the camera's frames."""
    frames = camera if isinstance(camera, FrameSource) else None
    return scanner_factory.build(config, frames=frames)


def _contract_card(card: IdentityCard) -> Card:
    valid_to = card.valid_to
    return Card(
        card_type=card.card_type,
        id_number=card.id_number,
        name=card.name,
        valid_to=valid_to.isoformat() if isinstance(valid_to, date) else str(valid_to or ""),
        photo_wlt_b64=base64.b64encode(card.photo_wlt).decode("ascii"),
    )


def verify_request(card: IdentityCard, jpeg: bytearray, liveness: float | None) -> VerifyRequest:
    """The contract's request, encoding the face now, straight from the session's buffer (no
    intermediate ``bytes``); the flow zeroes that buffer when verification ends. The base64
    text is immutable and cannot be wiped (see :mod:`kiosk.session`)."""
    return VerifyRequest(
        card=_contract_card(card),
        live_face_jpeg_b64=base64.b64encode(jpeg).decode("ascii"),
        liveness_score=liveness,
    )


def card_verify_request(card: SamReadCard) -> CardVerifyRequest:
    """The contract's card-level request: the card and the SAM that read it, no face.
    ``ValueError`` for a card no SAM reader read (no ``sam_id``)."""
    return CardVerifyRequest(card=_contract_card(card), sam_id=card.sam_id)


def verification_event(request_id: int, result: Verification) -> ev.Event:
    """The flow's answer to a verification or QR login result."""
    if result.verified:
        return ev.VerifyResult(
            request_id,
            result.verification_id,
            result.expires_at.isoformat(),
            result.person.name,
            result.person.id_number,
        )
    return ev.VerifyFailed(request_id, result.reason or "not_verified")


RETRYABLE_4XX = frozenset({408, 425, 429})
"""Client-error statuses that mean "not now" rather than "no": treated as unreachable."""


def refusal_code(error: BaseException) -> str | None:
    """The problem's ``code`` when the platform was reached and refused the request (HTTP 4xx,
    e.g. 422 for a QR code that is not a login code); None for anything else (unreachable,
    5xx, malformed, "not now" statuses)."""
    if not isinstance(error, PlatformError):
        return None
    if 400 <= error.status < 500 and error.status not in RETRYABLE_4XX:
        return error.code
    return None


def is_platform_failure(error: BaseException) -> bool:
    """An expected platform failure (unreachable, refused, malformed), not a bug."""
    return isinstance(error, PlatformFailure)


@dataclasses.dataclass
class Backend:
    """What starts after the first frame: the platform connection (with the embedded
    simulated platform when configured) and the catalogue cache it refreshes."""

    client: PlatformClient
    catalogue_cache: CatalogueCache
    platform_sim: RunningSimulator | None = None
    outbox: OutboxWorker | None = None
    submitter: Submitter | None = None
    scope: frozenset[str] = frozenset()
    """The matters this terminal offers (``[services] matters``; empty: all)."""

    def verify(self, request: VerifyRequest) -> Verification:
        """verifyIdentity with a fresh idempotency key (worker thread)."""
        return self.client.verify_identity(request, idempotency_key=uuid4())

    def verify_card(self, card: SamReadCard) -> Verification:
        """Card-level verifyIdentity (``method: card`` with the reader's SAM id, no face) with
        a fresh idempotency key (worker thread). The result's ``level`` is ``card``: enough
        for matters whose ``identity`` is ``id_card``; one needing ``id_card_and_face``
        refuses it later with 403 ``insufficient_identity``."""
        return self.client.verify_identity(card_verify_request(card), idempotency_key=uuid4())

    def qr_login(self, payload: str) -> Verification:
        """qrLogin with a fresh idempotency key (worker thread)."""
        return self.client.qr_login(payload, idempotency_key=uuid4())

    def refresh_catalogue(self) -> CatalogueSnapshot:
        """The catalogue from the platform (or the disk copy when it is away), scoped to the
        terminal's matters and indexed;
        raises the platform failure when there is neither (worker thread)."""
        return snapshot_of(self.catalogue_cache.refresh(self.client), self.scope)

    def stop(self) -> None:
        """Stop the outbox worker and close its store, then the embedded platform, if any."""
        if self.outbox is not None:
            self.outbox.stop()
        if self.platform_sim is not None:
            self.platform_sim.stop()


def start_backend(
    config: Config, catalogue_file: CatalogueFile, outbox_store: OutboxStore
) -> Backend:
    """Start the embedded platform when configured and build the client (worker thread);
    ``catalogue_file`` is the one the start-up worker already read
    (:mod:`entry.catalogue_disk`), ``outbox_store`` the app's one outbox (the app closes it)."""
    settings = config.platform
    platform_sim = None
    if settings.embedded_simulator:
        # Only here: the simulated platform brings its seed data and pypinyin (~60 MiB) that a
        # kiosk talking to the real platform must not carry.
        from platform_sim import start_simulator

        platform_sim = start_simulator(
            config.terminal.data_dir / PLATFORM_SIM_DIR,
            terminal_ids=(config.terminal.terminal_id,),
        )
        settings = dataclasses.replace(
            settings,
            base_url=platform_sim.base_url,
            ca_file=platform_sim.ca_file,
            secret_file=platform_sim.material.secret_file,
        )
    try:
        client = PlatformClient.from_settings(settings, config.terminal.terminal_id)
    except BaseException:
        if platform_sim is not None:
            platform_sim.stop()
        raise
    outbox = OutboxWorker(outbox_store, client)
    outbox.start()
    submitter = Submitter(client.tuned(ONLINE_TRY, NO_RETRY), outbox.store, outbox)
    return Backend(
        client, CatalogueCache(catalogue_file), platform_sim, outbox, submitter,
        config.services.matters,
    )


def face_capture(
    devices: DeviceManager, ui: KioskUi, dispatch: Callable[[ev.Event], None], post: Post
) -> FaceCaptureRun | None:
    """A face-capture run on the camera, shown live on the identity screen and answered to the
    flow; None when there is no camera that gives frames."""
    camera = devices.device_as(DeviceClass.CAMERA, FrameSource)
    if camera is None:
        return None
    preview = CameraPreview(ui.frames, ui.identity, post)
    listener = FaceCaptureListener(
        preview=preview.show,
        guidance=ui.identity.set_guidance,
        captured=lambda jpeg: dispatch(ev.FaceCaptured(jpeg)),  # the one buffer, not a copy
        failed=lambda: dispatch(ev.FaceCaptureFailed()),
    )
    return FaceCaptureRun(camera, listener, post)

