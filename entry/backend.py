"""Everything slow to import, behind one module: the app imports it after home's first frame.

The platform client (requests, jsonschema), the embedded simulated platform, the catalogue's
search index (pypinyin), face capture and the camera scanner (numpy, OpenCV) together cost
about 400 ms to import. The window must not wait for them, so :mod:`entry.app` imports this
module only in its start-up worker (and :mod:`entry.devices` when it builds the scanner
there); every other module imports what it needs at the top as usual.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
from collections.abc import Callable
from datetime import date
from uuid import uuid4

from drivers.base import DeviceClass
from drivers.camera.types import FrameSource
from drivers.config import DeviceConfig
from drivers.manager import BuiltDevice, DeviceManager
from drivers.scanner import factory as scanner_factory
from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.service import CatalogueSnapshot, snapshot_of
from kiosk.config import Config
from kiosk.flow import events as ev
from kiosk.identity.card import IdentityCard
from kiosk.identity.face_capture import FaceCaptureListener, FaceCaptureRun, Post
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformFailure
from kiosk.platform.models import Card, Verification, VerifyRequest
from platform_sim import RunningSimulator, start_simulator
from ui.bridge.camera_preview import CameraPreview
from ui.kiosk_ui import KioskUi

log = logging.getLogger(__name__)

PLATFORM_SIM_DIR = "platform-sim"
"""The embedded simulated platform's directory under the data directory."""

def build_scanner(config: DeviceConfig, camera: object | None) -> BuiltDevice:
    """The QR scanner; the ``camera`` driver decodes the camera's frames."""
    frames = camera if isinstance(camera, FrameSource) else None
    return scanner_factory.build(config, frames=frames)


def verify_request(card: IdentityCard, jpeg: bytearray, liveness: float | None) -> VerifyRequest:
    """The contract's request, encoding the face now (the flow zeroes its buffer later)."""
    valid_to = card.valid_to
    return VerifyRequest(
        card=Card(
            card_type=card.card_type,
            id_number=card.id_number,
            name=card.name,
            valid_to=valid_to.isoformat() if isinstance(valid_to, date) else str(valid_to or ""),
            photo_wlt_b64=base64.b64encode(card.photo_wlt).decode("ascii"),
        ),
        live_face_jpeg_b64=base64.b64encode(bytes(jpeg)).decode("ascii"),
        liveness_score=liveness,
    )


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

    def verify(self, request: VerifyRequest) -> Verification:
        """verifyIdentity with a fresh idempotency key (worker thread)."""
        return self.client.verify_identity(request, idempotency_key=uuid4())

    def qr_login(self, payload: str) -> Verification:
        """qrLogin with a fresh idempotency key (worker thread)."""
        return self.client.qr_login(payload, idempotency_key=uuid4())

    def refresh_catalogue(self) -> CatalogueSnapshot:
        """The catalogue from the platform (or the disk copy when it is away), indexed;
        raises the platform failure when there is neither (worker thread)."""
        return snapshot_of(self.catalogue_cache.refresh(self.client))

    def stop(self) -> None:
        """Stop the embedded platform, if any."""
        if self.platform_sim is not None:
            self.platform_sim.stop()


def start_backend(config: Config, catalogue_cache: CatalogueCache) -> Backend:
    """Start the embedded platform when configured and build the client (worker thread);
    ``catalogue_cache`` is the one the start-up worker already read
    (:mod:`entry.catalogue_disk`)."""
    settings = config.platform
    platform_sim = None
    if settings.embedded_simulator:
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
    return Backend(client, catalogue_cache, platform_sim)


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
        captured=lambda jpeg: dispatch(ev.FaceCaptured(jpeg)),
        failed=lambda: dispatch(ev.FaceCaptureFailed()),
    )
    return FaceCaptureRun(camera, listener, post)

