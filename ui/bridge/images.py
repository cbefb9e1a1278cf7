"""Image providers for QML: QR codes rendered in Python, and the live camera frame.

``image://qr/<percent-encoded text>`` renders a QR code of the text with ``qrcode``.
``image://camera/<n>`` returns the latest camera frame; the view-model bumps ``n`` when a
new frame arrives so that QML asks again. Frames are held only while capture runs, and
:meth:`CameraFrameProvider.clear` drops them (session wipe).

``requestImage`` leaves its ``size`` argument alone: in PySide6 6.12 each call of
``QSize.setWidth`` from Python drops a reference to ``None`` and, repeated, crashes the
interpreter (measured with ``sys.getrefcount(None)``); Qt takes the size from the image.
"""

from __future__ import annotations

import threading
from urllib.parse import quote, unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickImageProvider

QR_PROVIDER = "qr"
CAMERA_PROVIDER = "camera"


def qr_url(text: str) -> str:
    """The QML image source that shows ``text`` as a QR code."""
    return f"image://{QR_PROVIDER}/{quote(text, safe='')}"


def render_qr(text: str, size: int) -> QImage:
    """A ``size``×``size`` black-on-white QR code of ``text`` (quiet zone included)."""
    # Imported on first use: qrcode pulls in PIL (~20 ms), which home's first frame never needs.
    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = QImage(pixels, modules, modules, modules, QImage.Format.Format_Grayscale8).copy()
    return image.scaled(size, size)


class QrImageProvider(QQuickImageProvider):
    """Renders ``image://qr/<text>`` in Python."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        """The QR code of the decoded id, at the requested size (default 400 px)."""
        side = max(requested.width(), requested.height(), 0) or 400
        return render_qr(unquote(image_id), side)


class CameraFrameProvider(QQuickImageProvider):
    """Serves the latest camera frame; written by the capture worker, read by the scene graph."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._lock = threading.Lock()
        self._frame: QImage | None = None

    def set_frame(self, frame: QImage) -> None:
        """Replace the latest frame (any thread)."""
        with self._lock:
            self._frame = frame

    def clear(self) -> None:
        """Drop the held frame (capture stopped, session wiped)."""
        with self._lock:
            self._frame = None

    def has_frame(self) -> bool:
        """True while a frame is held."""
        with self._lock:
            return self._frame is not None

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        """The latest frame, or a small dark placeholder when none is held."""
        with self._lock:
            frame = self._frame
        if frame is None:
            frame = QImage(16, 9, QImage.Format.Format_RGB888)
            frame.fill(QColor("#101820"))
        return frame
