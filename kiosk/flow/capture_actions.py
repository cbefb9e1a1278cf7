"""The guards and steps of capturing a paper material (:mod:`kiosk.flow.phases.capture`).

The pages are the session's :class:`~kiosk.materials.capture.PageCapture`; 完成 turns them
into the material's scan in the draft. Each change touches the draft, so the view follows.
"""

from __future__ import annotations

from drivers.base import DeviceClass
from drivers.camera.quality_issue import QualityIssue
from kiosk.flow import events as ev
from kiosk.flow.chart import predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import Effect, TakePage
from kiosk.materials.resolution import MaterialKind

CAPTURE_CAMERAS = (DeviceClass.DOCUMENT_CAMERA, DeviceClass.CAMERA)
"""The document camera, else the face camera in document mode."""


def _touch(ctx: FlowContext) -> None:
    draft = ctx.session.application
    if draft is not None:
        draft.touched()


@predicate
def can_capture(ctx: FlowContext, _event: ev.Event) -> bool:
    """The material on screen accepts a scan and a camera that can capture it is usable."""
    draft = ctx.session.application
    spec = draft.current_material if draft is not None else None
    if spec is None or MaterialKind.SCAN not in spec.accepts:
        return False
    return any(
        (status := ctx.devices.get(device)) is not None and status.usable
        for device in CAPTURE_CAMERAS
    )


@predicate
def has_pages(ctx: FlowContext, _event: ev.Event) -> bool:
    """At least one page is captured (完成 takes them)."""
    return bool(ctx.session.capture.pages)


@predicate
def capture_full(ctx: FlowContext, _event: ev.Event) -> bool:
    """The material has as many pages as the terminal takes."""
    return ctx.session.capture.full


def clear_pages(ctx: FlowContext, _event: ev.Event) -> None:
    """Zero and forget the pages not taken (entering or leaving the capture)."""
    ctx.session.capture.clear()
    _touch(ctx)


def take_page(ctx: FlowContext, _event: ev.Event) -> Effect:
    """拍摄: capture the page now in view."""
    return TakePage(ctx.new_request())


def keep_page(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the captured page (its own buffer) with its quality issues."""
    if isinstance(event, ev.PageCaptured):
        ctx.pending_request = None
        known = {issue.value for issue in QualityIssue}
        issues = tuple(QualityIssue(i) for i in event.issues if i in known)
        ctx.session.capture.add(event.jpeg, issues)
        _touch(ctx)


def page_missed(ctx: FlowContext, event: ev.Event) -> None:
    """No whole page was in view: the screen says how to place it."""
    if isinstance(event, ev.PageNotFound):
        ctx.pending_request = None
        ctx.session.capture.missed = True
        _touch(ctx)


def retake(ctx: FlowContext, _event: ev.Event) -> None:
    """重拍: drop the last page."""
    ctx.session.capture.retake()
    _touch(ctx)


def use_pages(ctx: FlowContext, _event: ev.Event) -> None:
    """完成: the pages become the material's scan (then the capture's buffers are zeroed)."""
    draft = ctx.session.application
    if draft is not None:
        draft.use_pages(ctx.session.capture.scanned())
    ctx.session.capture.clear()
