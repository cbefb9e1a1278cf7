"""Apply figures of the running kiosk (embedded simulated platform and devices, as ``./dev run``):

* **confirm → receipt**: from the touch on 确认提交 to the flow's ``apply_done``, which it
  reaches only once the receipt printer emulator cut the receipt and its post-job status came
  back clean (write-ahead to the outbox, submission to the platform, ESC/POS over the pty at the
  configured 115,200 baud, status polling): what a citizen waits for after confirming.
* **touch → next form page**: a real touch (:class:`benchmarks.kiosk_process.Finger`) on
  下一步 of a filled first page, to the first frame swapped showing the second page.
* **validation per keystroke**: one ``FieldEdited`` through the flow as a keystroke in the
  phone field sends it (validation, the view, the apply view-model and the QML bindings it
  updates, synchronously on the GUI thread), typing ``13800138000`` one character at a time.

Each session: 办事 → a promised matter with two form pages (生育津贴申领) → card, face →
继续办理 → the form (page 1 touched forward and back to measure) → materials (稍后补交) →
review → 确认提交 → receipt → home, card taken away. Sessions: ``BENCH_APPLY_SESSIONS``
(default 20). Writes ``benchmarks/results/apply.json``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.common import print_figures, spread, write_results

if TYPE_CHECKING:
    from entry.app import KioskApp

RESULTS = Path(__file__).parent / "results" / "apply.json"
SESSIONS = int(os.environ.get("BENCH_APPLY_SESSIONS", "20"))
PAGE_TOUCHES = 3
"""Touches on 下一步 (and back) per session."""
MATTER = "11330109MB1900053L405782351000"
"""生育津贴申领: promised, two form pages, an e-licence and a deferrable material."""
PHONE = "13800138000"
STEP_TIMEOUT_S = 60.0
POLL_MS = 2


def _wait(predicate: Callable[[], bool], what: str) -> None:
    """Run the Qt event loop until ``predicate()`` holds (see ``bench_ui._wait``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if predicate() else None)
    QTimer.singleShot(round(STEP_TIMEOUT_S * 1000), loop, loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not predicate():
        raise TimeoutError(f"timed out waiting {STEP_TIMEOUT_S:g} s for {what}")


def _screen(kiosk: KioskApp) -> str:
    return str(kiosk.machine.state.value)


def _page(kiosk: KioskApp) -> int:
    draft = kiosk.machine.session.application
    return draft.page if draft is not None else -1


def _to_form(kiosk: KioskApp) -> None:
    from drivers.base import DeviceClass
    from drivers.id_card.emulator import IdCardEmulator

    card = kiosk.devices.simulator_as(DeviceClass.ID_CARD_READER, IdCardEmulator)
    if card is None:
        raise RuntimeError("the ID-card reader is not simulated")
    intent = kiosk.ui.kiosk.intent
    intent("home.services")
    _wait(lambda: _screen(kiosk) == "catalogue", "catalogue")
    kiosk.ui.catalogue.open(MATTER)
    _wait(lambda: _screen(kiosk) == "guide" and bool(kiosk.ui.catalogue.guideAvailable), "guide")
    kiosk.ui.catalogue.start()
    _wait(lambda: _screen(kiosk) == "identity_card", "identity_card")
    card.place("resident")
    _wait(lambda: _screen(kiosk) == "face_consent", "face_consent")
    intent("consent")
    _wait(lambda: _screen(kiosk) == "verified", "verified")
    intent("continue")
    _wait(lambda: _screen(kiosk) == "apply_form", "apply_form")


def keystrokes(kiosk: KioskApp) -> list[float]:
    """Type the phone number one character at a time; each keystroke's time in ms."""
    from kiosk.flow import events as ev

    times = []
    for n in range(1, len(PHONE) + 1):
        started = time.perf_counter_ns()
        kiosk.dispatch(ev.FieldEdited("phone", PHONE[:n]))
        times.append((time.perf_counter_ns() - started) / 1e6)
    return times


def page_touches(kiosk: KioskApp) -> list[float]:
    """下一步 on the filled first page by touch, to the second page's first frame, in ms."""
    from benchmarks.kiosk_process import Finger
    from entry.screenshots import fill_page

    fill_page(kiosk)
    finger = Finger(kiosk.ui.window)
    frames: list[float] = []

    def swapped() -> None:
        if _page(kiosk) == 1:
            frames.append(time.perf_counter())

    kiosk.ui.window.frameSwapped.connect(swapped)
    latencies = []
    for _ in range(PAGE_TOUCHES):
        frames.clear()
        touched = time.perf_counter()
        if not finger.tap_named("action_apply_next"):
            raise RuntimeError("no 下一步 on the form")
        _wait(lambda: bool(frames), "the second page's first frame")
        latencies.append((frames[0] - touched) * 1000)
        kiosk.ui.kiosk.back()
        _wait(lambda: _page(kiosk) == 0, "the first page again")
    kiosk.ui.window.frameSwapped.disconnect(swapped)
    return latencies


def confirm_to_receipt(kiosk: KioskApp) -> float:
    """From the form's first page: finish, confirm, and time 确认提交 → apply_done in ms."""
    from entry.screenshots import fill_page

    intent = kiosk.ui.kiosk.intent
    while _screen(kiosk) == "apply_form":
        fill_page(kiosk)
        intent("apply_next")
    while _screen(kiosk) == "apply_material":
        draft = kiosk.machine.session.application
        spec = draft.current_material if draft is not None else None
        if draft is not None and spec is not None and draft.plan.resolution(spec.id) is None:
            intent("apply_defer")
        intent("apply_next")
    _wait(lambda: _screen(kiosk) == "apply_review", "apply_review")
    started = time.perf_counter()
    intent("apply_confirm")
    _wait(lambda: _screen(kiosk) in ("apply_done", "apply_print_failed", "apply_not_saved",
                                     "apply_offline_saved"), "the receipt")
    if _screen(kiosk) != "apply_done":
        raise RuntimeError(f"confirm ended on {_screen(kiosk)}")
    return (time.perf_counter() - started) * 1000


def _home(kiosk: KioskApp) -> None:
    """Home, and the card taken away (waiting until the reader saw it go)."""
    from drivers.base import DeviceClass
    from drivers.id_card.emulator import IdCardEmulator
    from drivers.id_card.types import IdCardReader

    kiosk.ui.kiosk.intent("home")
    card = kiosk.devices.simulator_as(DeviceClass.ID_CARD_READER, IdCardEmulator)
    reader = kiosk.devices.device_as(DeviceClass.ID_CARD_READER, IdCardReader)
    if card is None or reader is None:
        raise RuntimeError("the ID-card reader is not simulated")
    card.remove()
    _wait(lambda: _screen(kiosk) == "home" and reader.current_card is None, "card taken away")


def run(sessions: int) -> dict[str, Any]:
    """Run the kiosk for ``sessions`` applications; the figures."""
    from entry.memory import limit_malloc_retention
    from ui.keyboard import prepare_environment

    limit_malloc_retention()
    prepare_environment()
    from PySide6.QtGui import QGuiApplication

    from benchmarks.kiosk_process import start_kiosk
    from drivers.base import DeviceClass
    from drivers.camera.emulator import CameraEmulator

    app = QGuiApplication(sys.argv[:1])
    confirm: list[float] = []
    pages: list[float] = []
    keys: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        kiosk = start_kiosk(Path(data))
        _wait(lambda: kiosk.started and kiosk.catalogue.snapshot.loaded, "start-up")
        camera = kiosk.devices.simulator_as(DeviceClass.CAMERA, CameraEmulator)
        if camera is None:
            raise RuntimeError("the camera is not simulated")
        camera.show("face")
        for _ in range(sessions):
            _to_form(kiosk)
            keys += keystrokes(kiosk)
            pages += page_touches(kiosk)
            confirm.append(confirm_to_receipt(kiosk))
            _home(kiosk)
        kiosk.stop()
    del app
    return {
        "sessions": sessions,
        "confirm_to_receipt_ms": spread(confirm, 1),
        "touch_to_next_form_page_frame_ms": spread(pages, 1),
        "validation_per_keystroke_ms": spread(keys, 3),
    }


def main() -> int:
    """Run, print the table, write the JSON."""
    figures = run(SESSIONS)
    print_figures(figures)
    write_results(RESULTS, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
