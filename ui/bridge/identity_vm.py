"""The identity view-model: the masked name, the live camera view and the face guidance."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal

from kiosk.flow.view import FlowView
from ui import text
from ui.bridge.images import CAMERA_PROVIDER, CameraFrameProvider, qr_url
from ui.glyphs import shown

SAMPLE_CODE_TEXT = "personal-code-illustration"
"""What the QR-login screen's illustration encodes: a real QR pattern, never a login code."""


class IdentityViewModel(QObject):
    """What identity screens bind to as ``identity``."""

    changed = Signal()
    frame_changed = Signal()

    def __init__(self, frames: CameraFrameProvider, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames = frames
        self._masked_name = ""
        self._guidance = "no_face"
        self._frame_no = 0
        self._live = False

    def set_view(self, view: FlowView) -> None:
        """The flow's view: the masked name of the verified citizen."""
        name = shown(view.display_name)
        if name != self._masked_name:
            self._masked_name = name
            self.changed.emit()

    def set_guidance(self, guidance: str) -> None:
        """The latest face-quality verdict."""
        if guidance != self._guidance:
            self._guidance = guidance
            self.changed.emit()

    def frame_arrived(self) -> None:
        """A new preview frame is in the provider."""
        self._live = True
        self._frame_no += 1
        self.frame_changed.emit()

    def wipe_frame(self) -> None:
        """Drop the preview frame (capture stopped)."""
        self._frames.clear()
        if self._live:
            self._live = False
            self.frame_changed.emit()

    def wipe(self) -> None:
        """Drop the frame, the guidance and the name (capture stopped or session reset)."""
        self._frames.clear()
        self._live = False
        self._guidance = "no_face"
        self._masked_name = ""
        self.changed.emit()
        self.frame_changed.emit()

    @Property(str, notify=changed)
    def maskedName(self) -> str:  # noqa: N802
        """张* — never the full name."""
        return self._masked_name

    @Property(str, notify=changed)
    def guidance(self) -> str:
        """What to do in front of the camera."""
        return text.face_guidance(self._guidance) or text.face_guidance("no_face")

    @Property(bool, notify=changed)
    def faceOk(self) -> bool:  # noqa: N802
        """The face in view is fit for verification."""
        return self._guidance == "ok"

    @Property(str, constant=True)
    def sampleCode(self) -> str:  # noqa: N802
        """The image source of the QR-login illustration's code (not a login code)."""
        return qr_url(SAMPLE_CODE_TEXT)

    @Property(str, notify=frame_changed)
    def cameraSource(self) -> str:  # noqa: N802
        """The image source of the latest frame ("" when capture is not running)."""
        return f"image://{CAMERA_PROVIDER}/{self._frame_no}" if self._live else ""
