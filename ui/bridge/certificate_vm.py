"""The 证明打印 view-model: the query-and-print matters with their availability, the preview of
the issued certificate (its PDF's first page, rendered by QtPdf) and its verify QR code.

The list is gated by :mod:`kiosk.gating` with the device statuses the catalogue view-model
holds; the preview image is rendered off the GUI thread (:func:`render_first_page`) and handed
here; the session wipe drops it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QBuffer, QByteArray, QIODevice, QObject, QSize, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtQuick import QQuickImageProvider

from kiosk.catalogue.service import CatalogueService, CatalogueSnapshot
from kiosk.flow import events as ev
from kiosk.flow.matter import MatterBrief, SelfService
from kiosk.flow.view import FlowView
from kiosk.gating import matter_availability
from ui import text
from ui.bridge.catalogue_vm import CatalogueViewModel
from ui.bridge.images import qr_url

Dispatch = Callable[[ev.Event], object]

PREVIEW_PROVIDER = "certificate"
PREVIEW_WIDTH_PX = 900
"""The preview's width: an A4 page 900 px wide is 1273 px high, readable on the portrait screen."""
A4_RATIO = 297 / 210


class PreviewError(RuntimeError):
    """QtPdf could not read the PDF or render its first page."""


def render_first_page(pdf: bytes, width: int = PREVIEW_WIDTH_PX) -> QImage:
    """The first page of ``pdf`` as an image ``width`` pixels wide, on white (any thread)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() is not QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PreviewError(f"QtPdf could not read the PDF ({document.error()})")
    image = document.render(0, QSize(width, round(width * A4_RATIO)))
    document.close()
    if image.isNull():
        raise PreviewError("QtPdf rendered an empty page")
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


class CertificatePreviewProvider(QQuickImageProvider):
    """Serves ``image://certificate/<n>``: the held preview, or a blank page."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._lock = threading.Lock()
        self._image: QImage | None = None

    def set_image(self, image: QImage | None) -> None:
        """Hold ``image`` (None drops it)."""
        with self._lock:
            self._image = image

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        """The held preview, or a small white page when none is held."""
        with self._lock:
            image = self._image
        if image is None:
            image = QImage(21, 30, QImage.Format.Format_RGB888)
            image.fill(QColor("white"))
        return image


def _is_query_print(brief: MatterBrief | None) -> bool:
    return brief is not None and brief.self_service is SelfService.QUERY_PRINT


class CertificateViewModel(QObject):
    """What the 证明打印 screens bind to as ``certificates``."""

    changed = Signal()
    preview_changed = Signal()

    def __init__(
        self,
        dispatch: Dispatch,
        service: CatalogueService,
        catalogue: CatalogueViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._snapshot = service.snapshot
        self._catalogue = catalogue
        self._view: FlowView | None = None
        self._generation = 0
        self.provider = CertificatePreviewProvider()
        self.unsubscribe = service.subscribe(self._show)
        catalogue.changed.connect(self.changed)

    # --- fed by the app ---------------------------------------------------------------------

    def _show(self, snapshot: CatalogueSnapshot) -> None:
        self._snapshot = snapshot
        self.changed.emit()

    def set_view(self, view: FlowView) -> None:
        """The flow's view: the issued certificate's title and verify URL."""
        if self._view is None or view.certificate != self._view.certificate:
            self._view = view
            self.preview_changed.emit()
        self._view = view

    def show_preview(self, image: QImage) -> None:
        """The issued certificate's first page (GUI thread)."""
        self.provider.set_image(image)
        self._generation += 1
        self.preview_changed.emit()

    def wipe(self) -> None:
        """Drop the preview (the certificate was dropped or the session wiped)."""
        self.provider.set_image(None)
        self._generation += 1
        self.preview_changed.emit()

    # --- list -------------------------------------------------------------------------------

    @Property(list, notify=changed)
    def items(self) -> list[dict[str, Any]]:
        """The list QML shows (:meth:`rows`)."""
        return self.rows()

    def rows(self) -> list[dict[str, Any]]:
        """The catalogue's query-and-print matters, each with whether it can run now."""
        rows = []
        catalogue = self._snapshot.catalogue
        for matter in catalogue.matters:
            brief = MatterBrief.from_matter(matter)
            if not _is_query_print(brief):
                continue
            availability = matter_availability(brief, self._catalogue.devices)
            rows.append(
                {
                    "code": matter.code,
                    "name": matter.name,
                    "detail": matter.department,
                    "available": availability.available,
                    "reason": text.gate_message(availability.reasons),
                }
            )
        return rows

    @Slot(str)
    def open(self, code: str) -> None:
        """A certificate was chosen."""
        self._dispatch(ev.SelectMatter(code))

    # --- the issued certificate -------------------------------------------------------------

    @Property(str, notify=preview_changed)
    def title(self) -> str:
        """The certificate's title."""
        certificate = self._view.certificate if self._view else None
        return certificate.title if certificate else ""

    @Property(str, notify=preview_changed)
    def applicationNo(self) -> str:  # noqa: N802
        """The application number (办件编号) the certificate was issued under."""
        certificate = self._view.certificate if self._view else None
        return certificate.application_no if certificate else ""

    @Property(str, notify=preview_changed)
    def preview(self) -> str:
        """The image source of the preview (changes whenever a new one is held)."""
        return f"image://{PREVIEW_PROVIDER}/{self._generation}"

    @Property(str, notify=preview_changed)
    def verifyQr(self) -> str:  # noqa: N802
        """The image source of the verify URL's QR code ("" without one)."""
        certificate = self._view.certificate if self._view else None
        return qr_url(certificate.verify_url) if certificate and certificate.verify_url else ""
