"""The UI as one object: the QML engine, the view-models, the image providers, and the
window's input rules (no way out by keyboard, no context menus, F12 dev dock when simulated).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.catalogue.service import CatalogueService
from kiosk.flow import events as ev
from kiosk.flow.view import FlowView
from kiosk.workers import Workers
from ui.bridge.apply_vm import ApplyViewModel, DraftSource
from ui.bridge.branding_vm import BrandingViewModel, Look
from ui.bridge.catalogue_vm import CatalogueViewModel
from ui.bridge.certificate_vm import PREVIEW_PROVIDER, CertificateViewModel
from ui.bridge.devdock import DevDockViewModel
from ui.bridge.identity_vm import IdentityViewModel
from ui.bridge.images import CAMERA_PROVIDER, QR_PROVIDER, CameraFrameProvider, QrImageProvider
from ui.bridge.kiosk_vm import KioskViewModel
from ui.privacy import wipe_window

QML_DIR = Path(__file__).resolve().parent / "qml"
MAIN_QML = QML_DIR / "Main.qml"

Dispatch = Callable[[ev.Event], object]

_BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_Tab}
_PRESS_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


class InputGuard(QObject):
    """Counts every press as activity, swallows ways out and context menus, toggles the dock."""

    def __init__(
        self, touch: Callable[[], None], dock: Callable[[], None] | None, production: bool
    ) -> None:
        super().__init__()
        self._touch = touch
        self._dock = dock
        self._production = production

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Qt's filter hook; True swallows the event."""
        kind = event.type()
        if kind in _PRESS_EVENTS:
            if isinstance(event, QMouseEvent) and event.button() != Qt.MouseButton.LeftButton:
                return True
            self._touch()
            return False
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind == QEvent.Type.Close and self._production:
            event.ignore()
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_F12:
            if self._dock is not None:
                self._dock()
            return True
        modifiers = event.modifiers()
        with_modifier = bool(
            modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        return key == Qt.Key.Key_Escape or (with_modifier and key in _BLOCKED_KEYS)


@dataclass(frozen=True)
class UiSettings:
    """How the UI looks and behaves on this terminal."""

    hall_name: str
    hall_phone: str
    size: tuple[int, int] = (1080, 1920)
    help_window: str = ""
    """The staffed window citizens are sent to ("" to name the hall's phone only)."""
    production: bool = False
    """Full screen, frameless, no way out by keyboard, window close refused."""
    control_url: str | None = None
    """The simulation control API, for the dev dock (simulated devices only)."""
    progress_base: str = "https://zwfw.zj.gov.cn/progress"
    """The progress page a receipt's QR opens (shown on screen when printing fails)."""
    look: Look = field(default_factory=Look)
    """The profile's logo, colours, text scale and home tiles."""


class KioskUi:
    """Builds and owns everything QML sees; fed by the app with flow views and wipes.

    Construction loads the scene; :meth:`start` shows it (full screen in production).
    ``models`` are further view-models QML sees by name (e.g. ``maintenance``).
    """

    def __init__(
        self,
        view: FlowView,
        *,
        dispatch: Dispatch,
        touch: Callable[[], None],
        workers: Workers,
        catalogue: CatalogueService,
        settings: UiSettings,
        draft: DraftSource = lambda: None,
        models: Mapping[str, QObject] | None = None,
    ) -> None:
        self.settings = settings
        self.engine = QQmlApplicationEngine()
        self.frames = CameraFrameProvider()
        self.kiosk = KioskViewModel(
            view, dispatch, settings.hall_name, settings.hall_phone, self.engine,
            help_window=settings.help_window, home_tiles=settings.look.home_tiles,
        )
        self.kiosk.set_window(settings.size[0], settings.size[1], settings.production)
        self.catalogue = CatalogueViewModel(dispatch, catalogue, self.engine)
        self.identity = IdentityViewModel(self.frames, self.engine)
        self.apply = ApplyViewModel(dispatch, draft, settings.progress_base, self.engine)
        self.certificates = CertificateViewModel(dispatch, catalogue, self.catalogue, self.engine)
        control_url = settings.control_url
        self.dev_dock = (
            DevDockViewModel(control_url, workers, self.engine) if control_url else None
        )
        self.branding = BrandingViewModel(settings.look, self.engine)
        self.engine.addImageProvider(QR_PROVIDER, QrImageProvider())
        self.engine.addImageProvider(CAMERA_PROVIDER, self.frames)
        self.engine.addImageProvider(PREVIEW_PROVIDER, self.certificates.provider)
        context = self.engine.rootContext()
        context.setContextProperty("kiosk", self.kiosk)
        context.setContextProperty("catalogue", self.catalogue)
        context.setContextProperty("identity", self.identity)
        context.setContextProperty("apply", self.apply)
        context.setContextProperty("certificates", self.certificates)
        context.setContextProperty("devDock", self.dev_dock)
        context.setContextProperty("branding", self.branding)
        for name, model in (models or {}).items():
            if model.parent() is None:
                model.setParent(self.engine)  # destroyed with the scene, not before it
            context.setContextProperty(name, model)
        self.set_view(view)
        self.engine.load(MAIN_QML)
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError(f"{MAIN_QML} did not load")
        self.window: QQuickWindow = roots[0]
        self._guard = InputGuard(
            touch, self.kiosk.toggle_dev_dock if self.dev_dock else None, settings.production
        )

    def start(self) -> None:
        """Take input and show the window (full screen and frameless in production)."""
        self.window.installEventFilter(self._guard)
        if self.settings.production:
            self.window.showFullScreen()

    def close(self) -> None:
        """Hide the window and destroy the scene, then the view-models (the engine's children)."""
        self.catalogue.unsubscribe()
        self.certificates.unsubscribe()
        self.window.removeEventFilter(self._guard)
        self.window.hide()
        self.engine.deleteLater()

    def set_view(self, view: FlowView) -> None:
        """Push the flow's view to every view-model."""
        self.kiosk.set_view(view)
        self.catalogue.set_view(view)
        self.identity.set_view(view)
        self.apply.set_view(view)
        self.certificates.set_view(view)

    def wipe(self) -> None:
        """Clear every view-model, QML field and image, camera frame and the clipboard."""
        self.catalogue.wipe()
        self.identity.wipe()
        self.apply.wipe()
        self.certificates.wipe()
        wipe_window(self.window)
