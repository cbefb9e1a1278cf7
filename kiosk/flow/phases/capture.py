"""Capturing a paper material (拍摄材料) with the document camera, page by page.

Entered from a material that accepts a scan while a camera can capture it, when applying
(``apply_capture``) and in a correction (``correction_capture``): :func:`capture_node` and
:func:`from_material` make the same node and entry row for either material screen. The
camera runs exactly while the capture screen is shown, with the detected page outlined and
guidance; 拍摄 takes the perspective-corrected page and its quality issues, 重拍 drops the
last page, 完成 makes the pages the material's scan and returns to the material. Leaving any
other way (返回, camera failure; the session ending wipes the session) zeroes the pages not
taken.
"""

from __future__ import annotations

from kiosk.flow import capture_actions as c
from kiosk.flow import events as ev
from kiosk.flow.actions import cancel_request
from kiosk.flow.chart import STAY, Activity, Node, Row
from kiosk.flow.effects import StartDocumentCapture, StopDocumentCapture
from kiosk.flow.states import Reason, State

S = State
"""Short name for the table rows."""


def capture_node(capture: State, material: State) -> Node:
    """The capture state ``capture``: the document camera's live view and the pages captured
    for the material on screen, back to ``material`` with them (完成) or without (返回)."""
    return Node(
        capture,
        entry=c.clear_pages,
        exit=cancel_request,
        runs=Activity(StartDocumentCapture(), StopDocumentCapture()),
        rows=(
            Row(capture, on=ev.ShootPage, when=~c.capture_full, do=c.take_page, to=STAY),
            Row(capture, on=ev.PageCaptured, do=c.keep_page, to=STAY),
            Row(capture, on=ev.PageNotFound, do=c.page_missed, to=STAY),
            Row(capture, on=ev.RetakePage, do=c.retake, to=STAY),
            Row(capture, on=ev.NextStep, when=c.has_pages, do=c.use_pages, to=material),
            Row(capture, on=ev.Back, do=c.clear_pages, to=material),
            Row(capture, on=ev.DocumentCameraFailed, do=c.clear_pages, to=material,
                because=Reason.CAMERA_FAILED),
        ),
    )


def from_material(material: State, capture: State) -> Row:
    """拍摄材料 on ``material``'s screen, for a material that accepts a scan."""
    return Row(material, on=ev.StartCapture, when=c.can_capture, to=capture)


APPLY_CAPTURE = capture_node(S.APPLY_CAPTURE, S.APPLY_MATERIAL)
"""Capturing a material of the application."""

FROM_MATERIAL = from_material(S.APPLY_MATERIAL, S.APPLY_CAPTURE)
"""拍摄材料 on an application's material."""

CORRECTION_CAPTURE = capture_node(S.CORRECTION_CAPTURE, S.CORRECTION_MATERIAL)
"""Capturing a material of a correction (补齐补正)."""

FROM_CORRECTION_MATERIAL = from_material(S.CORRECTION_MATERIAL, S.CORRECTION_CAPTURE)
"""拍摄材料 on a correction's material."""

CAPTURE_STATES = frozenset({S.APPLY_CAPTURE, S.CORRECTION_CAPTURE})
"""Every state showing the document capture screen."""
