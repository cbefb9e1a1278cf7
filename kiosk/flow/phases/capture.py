"""Capturing a paper material (拍摄材料) with the document camera, page by page.

Entered from a material that accepts a scan while a camera can capture it. The camera runs
exactly while the capture screen is shown, with the detected page outlined and guidance;
拍摄 takes the perspective-corrected page and its quality issues, 重拍 drops the last page,
完成 makes the pages the material's scan and returns to the material. Leaving any other way
(返回, camera failure; the session ending wipes the session) zeroes the pages not taken.
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

APPLY_CAPTURE = Node(
    S.APPLY_CAPTURE,
    entry=c.clear_pages,
    exit=cancel_request,
    runs=Activity(StartDocumentCapture(), StopDocumentCapture()),
    rows=(
        Row(S.APPLY_CAPTURE, on=ev.ShootPage, when=~c.capture_full, do=c.take_page, to=STAY),
        Row(S.APPLY_CAPTURE, on=ev.PageCaptured, do=c.keep_page, to=STAY),
        Row(S.APPLY_CAPTURE, on=ev.PageNotFound, do=c.page_missed, to=STAY),
        Row(S.APPLY_CAPTURE, on=ev.RetakePage, do=c.retake, to=STAY),
        Row(S.APPLY_CAPTURE, on=ev.NextStep, when=c.has_pages, do=c.use_pages,
            to=S.APPLY_MATERIAL),
        Row(S.APPLY_CAPTURE, on=ev.Back, do=c.clear_pages, to=S.APPLY_MATERIAL),
        Row(S.APPLY_CAPTURE, on=ev.DocumentCameraFailed, do=c.clear_pages,
            to=S.APPLY_MATERIAL, because=Reason.CAMERA_FAILED),
    ),
)
"""The document camera's live view and the pages captured for the material on screen."""

FROM_MATERIAL = Row(S.APPLY_MATERIAL, on=ev.StartCapture, when=c.can_capture,
                    to=S.APPLY_CAPTURE)
"""拍摄材料 on a material that accepts a scan."""
