"""Screenshots of the kiosk's screens, reached through the real flow with simulated devices.

``python -m entry.screenshots docs/screenshots`` writes one PNG per main screen (portrait, and a
few landscape); ``python -m kiosk --simulate --screenshot FILE.png --screen ID`` writes one.
Each route taps through the UI (``kiosk.intent``) and drives the device simulators the way
the dev dock does, then waits for the flow to reach the screen.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEventLoop

from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.assets import asset_path
from drivers.base import DeviceClass
from drivers.camera.emulator import CameraEmulator
from drivers.id_card.emulator import IdCardEmulator
from drivers.id_card.protocol import Request, SamCommand
from drivers.printer.emulator import PaperLevel, ReceiptPrinterEmulator
from drivers.scanner.emulator import ScannerEmulator
from kiosk.flow import events as ev
from kiosk.forms.fields import FieldSpec, FieldType
from kiosk.forms.validation import Address, FieldValue
from ui import text

if TYPE_CHECKING:
    from entry.app import KioskApp

Step = Callable[["KioskApp"], None]
S = TypeVar("S")

FACE_MATTER_THEME = "户籍办理"
FACE_FIXTURE = asset_path("sim", "camera", "face.png")
FACE_CENTRE = (223, 118)
"""Centre of the face in :data:`FACE_FIXTURE` (512×512), in pixels."""
FACE_CLOSE_UP_SIDE = 140
"""A square this wide around the face fills about two thirds of the frame's height: too close."""


class RouteError(RuntimeError):
    """A screen could not be reached."""


def pump(seconds: float) -> None:
    """Process Qt events for ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def wait_until(predicate: Callable[[], bool], timeout_s: float = 10.0, what: str = "") -> None:
    """Process events until ``predicate()`` holds; :class:`RouteError` after ``timeout_s``."""
    end = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > end:
            raise RouteError(f"timed out waiting for {what or predicate}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def _intent(name: str) -> Step:
    return lambda app: app.ui.kiosk.intent(name)


def _screen(state: str) -> Step:
    return lambda app: wait_until(lambda: app.machine.state.value == state, 15.0, state)


def _face_matter(app: KioskApp) -> None:
    wait_until(lambda: bool(app.catalogue.snapshot.catalogue.matters), 15.0, "catalogue")
    for matter in app.catalogue.snapshot.catalogue.matters:
        if matter.identity == "id_card_and_face" and matter.self_service == "full":
            app.ui.catalogue.open(matter.code)
            return
    raise RouteError("no matter needs ID card and face")


def _scan_matter(app: KioskApp) -> None:
    """Open the first full matter with a material only a camera capture satisfies."""
    wait_until(lambda: bool(app.catalogue.snapshot.catalogue.matters), 15.0, "catalogue")
    for matter in app.catalogue.snapshot.catalogue.matters:
        if matter.self_service == "full" and matter.identity == "id_card_and_face" and any(
            tuple(m.accepts) == ("scan",) for m in matter.materials
        ):
            app.ui.catalogue.open(matter.code)
            return
    raise RouteError("no matter has a material to capture")


def _instant_certificate_matter(app: KioskApp) -> None:
    """Open the first instant matter whose result prints at the terminal (a certificate) and
    that asks for no materials (nothing to scan on the way)."""
    wait_until(lambda: bool(app.catalogue.snapshot.catalogue.matters), 15.0, "catalogue")
    for matter in app.catalogue.snapshot.catalogue.matters:
        if (matter.type == "instant" and matter.self_service == "full"
                and matter.identity == "id_card_and_face" and not matter.materials
                and "print_at_terminal" in matter.result_delivery):
            app.ui.catalogue.open(matter.code)
            return
    raise RouteError("no instant matter prints its result at the terminal")


def _fee_matter(app: KioskApp) -> None:
    """Open the first matter with fees whose materials need no scan (a commitment or an
    e-licence does), so the route reaches the fees screen."""
    wait_until(lambda: bool(app.catalogue.snapshot.catalogue.matters), 15.0, "catalogue")
    for matter in app.catalogue.snapshot.catalogue.matters:
        if (matter.fees and matter.self_service == "full"
                and matter.identity == "id_card_and_face"
                and all(not m.required or m.commitment_text for m in matter.materials)):
            app.ui.catalogue.open(matter.code)
            return
    raise RouteError("no matter with fees can be applied for without a scan")


def _platform_sim(app: KioskApp) -> Any:
    sim = app.backend.platform_sim
    if sim is None:
        raise RouteError("the payment routes need the embedded simulated platform")
    return sim


def _next_charge(outcome: str) -> Step:
    def choose(app: KioskApp) -> None:
        from platform_sim import Charge, ChargeOutcome

        _platform_sim(app).next_charge(Charge(ChargeOutcome(outcome)))

    return choose


def _platform_wants_face(app: KioskApp) -> None:
    """The platform answers the next submission 403 ``insufficient_identity``."""
    from platform_sim import Fault, FaultKind

    fault = Fault(FaultKind.RESPOND, status=403, code="insufficient_identity",
                  operation="submitApplication")
    _platform_sim(app).faults.add(fault)


def _qr_runs_out(app: KioskApp) -> None:
    app.dispatch(ev.PaymentQrExpired(app.machine.pending_request or 0))


def _simulator(app: KioskApp, device: DeviceClass, kind: type[S]) -> S:
    simulator = app.devices.simulator_as(device, kind)
    if simulator is None:
        raise RouteError(f"{device} is not simulated by a {kind.__name__}")
    return simulator


def _card_reader(app: KioskApp) -> IdCardEmulator:
    return _simulator(app, DeviceClass.ID_CARD_READER, IdCardEmulator)


def _camera_sim(app: KioskApp) -> CameraEmulator:
    return _simulator(app, DeviceClass.CAMERA, CameraEmulator)


def _card(fixture: str) -> Step:
    return lambda app: _card_reader(app).place(fixture)


def _camera(source: str) -> Step:
    return lambda app: _camera_sim(app).show(source)


def _face_too_close(app: KioskApp) -> None:
    """Show a close-up of the face fixture: the live view shows a face and the guidance asks
    the citizen to step back, so capture waits instead of verifying at once."""
    import cv2  # deferred: only this shot needs it

    face = cv2.imread(str(FACE_FIXTURE), cv2.IMREAD_COLOR)
    if face is None:
        raise RouteError(f"cannot read {FACE_FIXTURE}")
    (x, y), half = FACE_CENTRE, FACE_CLOSE_UP_SIDE // 2
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "face_close_up.png"
        cv2.imwrite(str(path), face[y - half : y + half, x - half : x + half])
        _camera_sim(app).show(str(path))


def _guidance(verdict: str) -> Step:
    return lambda app: wait_until(
        lambda: str(app.ui.identity.guidance) == text.face_guidance(verdict),
        10.0,
        f"guidance {verdict}",
    )


def _card_taken_during_read(app: KioskApp) -> None:
    """Place the resident card and take it away as soon as the reader starts reading it."""
    emulator = _card_reader(app)

    def take_card_on_read(request: Request) -> None:
        if (request.cmd, request.para) == SamCommand.READ.value:
            emulator.remove()

    emulator.set_request_hook(take_card_on_read)
    emulator.place("resident")


def _reader_fault(fault: str) -> Step:
    return lambda app: _card_reader(app).inject_fault(fault)


def _platform_offline(app: KioskApp) -> None:
    platform_sim = app.backend.platform_sim
    if platform_sim is None:
        raise RouteError("the platform is not simulated")
    platform_sim.set_offline(True)


def _until(what: str, holds: Callable[[KioskApp], bool], timeout_s: float = 20.0) -> Step:
    return lambda app: wait_until(lambda: holds(app), timeout_s, what)


def _dispatch(event: ev.Event) -> Step:
    return lambda app: app.dispatch(event)


def _scan(text: str) -> Step:
    def scan(app: KioskApp) -> None:
        if not _simulator(app, DeviceClass.QR_SCANNER, ScannerEmulator).scan(text):
            raise RouteError(f"the scanner emulator did not take {text!r}")

    return scan


def _search(text: str) -> Step:
    return lambda app: app.ui.catalogue.search(text)


def _focus(object_name: str) -> Step:
    """Focus a text field the way a tap does, so the touch keyboard opens."""

    def focus(app: KioskApp) -> None:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtQuick import QQuickItem

        field = app.ui.window.findChild(QQuickItem, object_name)
        if field is None:
            raise RouteError(f"no item {object_name!r}")
        field.forceActiveFocus()
        QGuiApplication.inputMethod().show()
        panel = app.ui.window.findChild(QQuickItem, "keyboard")
        wait_until(lambda: panel is not None and bool(panel.property("active")), 10.0, "keyboard")

    return focus


def _press_keys(letters: str) -> Step:
    """Tap the touch keyboard's letter keys, so the Pinyin engine offers its candidates."""

    def press(app: KioskApp) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtQuick import QQuickItem
        from PySide6.QtTest import QTest

        window = app.ui.window
        panel = window.findChild(QQuickItem, "keyboard")
        if panel is None:
            raise RouteError("no keyboard")
        keys = {str(k.property("text")): k for k in panel.findChildren(QQuickItem)
                if k.metaObject().className().startswith("Key_")}
        for letter in letters:
            if letter not in keys:
                raise RouteError(f"no key {letter!r} on the keyboard")
            key = keys[letter]
            centre = key.mapToScene(key.boundingRect().center()).toPoint()
            QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             centre)
            pump(0.1)

    return press


def _guide_start(app: KioskApp) -> None:
    wait_until(lambda: bool(app.ui.catalogue.guideAvailable), 10.0, "guide available")
    app.ui.catalogue.start()


SAMPLE_TEXT: dict[FieldType, str] = {
    FieldType.TEXT: "测试",
    FieldType.TEXTAREA: "家庭遭遇意外，需要临时救助。",
    FieldType.ID_NUMBER: "33010619850312001X",
    FieldType.PHONE: "13800138000",
    FieldType.DATE: "2020-01-01",
    FieldType.NUMBER: "1",
    FieldType.EMAIL: "zhangwei@example.cn",
}
"""A valid answer of each text-like field type (the routes' and tests' generated input)."""


def sample_answer(spec: FieldSpec, region: str) -> FieldValue:
    """A valid answer for ``spec``: a sample text, the first option, ticked, an address."""
    if spec.type is FieldType.SELECT:
        return spec.options[0].value if spec.options else ""
    if spec.type is FieldType.CHECKBOX:
        return True
    if spec.type is FieldType.ADDRESS:
        return Address(region, "文三路100号")
    return SAMPLE_TEXT[spec.type]


def fill_page(app: KioskApp) -> None:
    """Answer every field of the form page on screen that has an error, validly."""
    draft = app.machine.session.application
    if draft is None:
        raise RouteError("no application")
    region = draft.form.divisions.leaves()[0].code
    for spec in draft.page_fields.fields:
        if draft.form.error(spec.id) is not None:
            app.dispatch(ev.FieldEdited(spec.id, sample_answer(spec, region)))


def _form_done(app: KioskApp) -> None:
    """Fill and leave every form page."""
    while app.machine.state.value == "apply_form":
        fill_page(app)
        app.ui.kiosk.intent("apply_next")


def _materials_done(app: KioskApp) -> None:
    """Satisfy each material the terminal can (commitment, else 稍后补交) and go on."""
    while app.machine.state.value == "apply_material":
        draft = app.machine.session.application
        spec = draft.current_material if draft else None
        if draft is not None and spec is not None and draft.plan.resolution(spec.id) is None:
            offers = {k.value for k in draft.offers(spec)}
            if "commitment" in offers:
                app.ui.kiosk.intent("apply_commit")
            elif "deferred" in offers:
                app.ui.kiosk.intent("apply_defer")
        app.ui.kiosk.intent("apply_next")


def _to_scan_material(app: KioskApp) -> None:
    """Go on to the first material not satisfied yet that may be captured with the camera."""
    while app.machine.state.value == "apply_material":
        draft = app.machine.session.application
        spec = draft.current_material if draft else None
        if (draft is not None and spec is not None and "scan" in spec.accepts
                and draft.plan.resolution(spec.id) is None):
            return
        app.ui.kiosk.intent("apply_next")
    raise RouteError("no material to capture")


def _page_in_view(app: KioskApp) -> None:
    wait_until(lambda: bool(app.capture_vm.pageInView), 15.0, "page in view")


def _pages_taken(count: int) -> Step:
    return lambda app: wait_until(lambda: len(app.machine.session.capture.pages) == count, 15.0,
                                  f"{count} pages")


def _card_away(app: KioskApp) -> None:
    _card_reader(app).remove()


def _choose_first_receipt(app: KioskApp) -> None:
    offered = app.machine.session.reprint.offered
    if not offered:
        raise RouteError("no application to reprint")
    app.reprint_vm.choose(offered[0].application_no)


def _paper(level: PaperLevel) -> Step:
    return lambda app: _simulator(
        app, DeviceClass.RECEIPT_PRINTER, ReceiptPrinterEmulator
    ).set_paper(level)


CERTIFICATE_NAME = "社保缴费证明打印"
"""The certificate the 证明打印 shots print (any query-and-print matter of the seed would do)."""


DATED_CERTIFICATE_NAME = "出入境记录查询"
"""A certificate whose form asks the citizen for dates (the certificate form shot)."""


def _certificate_named(name: str) -> Step:
    def choose(app: KioskApp) -> None:
        wait_until(lambda: bool(app.ui.certificates.rows()), 15.0, "certificate list")
        items = app.ui.certificates.rows()
        chosen = next((i for i in items if i["name"] == name), items[0])
        app.ui.certificates.open(chosen["code"])

    return choose


_certificate = _certificate_named(CERTIFICATE_NAME)


def _a4_printer(app: KioskApp) -> A4PrinterEmulator:
    return _simulator(app, DeviceClass.A4_PRINTER, A4PrinterEmulator)


def _a4_out_of_paper(app: KioskApp) -> None:
    """Paper out at the A4 printer, read by its driver at once (not at its next poll)."""
    _a4_printer(app).set_fault("media-empty")
    printer = app.devices.device(DeviceClass.A4_PRINTER)
    if printer is None:
        raise RouteError("no A4 printer")
    printer.reset()


def _a4_fails_next_job(app: KioskApp) -> None:
    _a4_printer(app).fail_next_job("media-empty")


def _first_appointable(app: KioskApp) -> None:
    """Choose the first matter of the 预约 list."""
    model = app.appointments.view_model
    wait_until(lambda: bool(model.matter_rows()), 15.0, "appointable matters")
    model.open(model.matter_rows()[0]["code"])


def _slots_listed(app: KioskApp) -> None:
    def listed() -> bool:
        draft = app.machine.session.appointment
        return draft is not None and bool(draft.slots)

    wait_until(listed, 15.0, "slots listed")


def _a_day_with_slots(app: KioskApp) -> None:
    """Go through the offered days until one has slots left (late today has none)."""
    draft = app.machine.session.appointment
    if draft is None:
        raise RouteError("no appointment")
    for day in draft.days:
        app.appointments.view_model.chooseDay(day.isoformat())
        wait_until(lambda: draft.slots is not None, 15.0, "slots listed")
        if sum(1 for s in draft.slots or () if s.remaining > 0) >= 2:
            return
    raise RouteError("no day with two open slots")


def _fill_slot(index: int) -> Step:
    """Book every place of the day's ``index``-th slot on the simulated platform (others did),
    then list the day again."""

    def fill(app: KioskApp) -> None:
        draft = app.machine.session.appointment
        platform_sim = app.backend.platform_sim
        if draft is None or not draft.slots or platform_sim is None:
            raise RouteError("no slots on a simulated platform")
        platform_sim.fill_slot(draft.slots[index].slot_id)
        app.appointments.view_model.chooseDay(draft.day.isoformat())
        _slots_listed(app)

    return fill


def _choose_open_slot(app: KioskApp) -> None:
    draft = app.machine.session.appointment
    slot = next((s for s in draft.slots or () if s.remaining > 0), None) if draft else None
    if slot is None:
        raise RouteError("no open slot")
    app.appointments.view_model.chooseSlot(slot.slot_id)


def _fill_chosen_slot(app: KioskApp) -> None:
    """Someone else books the last places of the chosen slot (the dev dock's 占满所选时段)."""
    draft = app.machine.session.appointment
    platform_sim = app.backend.platform_sim
    if draft is None or draft.chosen is None or platform_sim is None:
        raise RouteError("no chosen slot on a simulated platform")
    platform_sim.fill_slot(draft.chosen.slot_id)


def _phone(number: str) -> Step:
    return lambda app: app.appointments.view_model.editPhone(number)


def _guide_only_matter(app: KioskApp) -> None:
    wait_until(lambda: bool(app.catalogue.snapshot.catalogue.matters), 15.0, "catalogue")
    for matter in app.catalogue.snapshot.catalogue.matters:
        if matter.self_service == "guide_only":
            app.ui.catalogue.open(matter.code)
            return
    raise RouteError("no guide-only matter")


_APPOINTMENT_SLOTS: tuple[Step, ...] = (
    _intent("home.appointment"), _screen("appointment_matters"), _first_appointable,
    _screen("appointment_slots"), _slots_listed, _a_day_with_slots, _fill_slot(1),
    _choose_open_slot,
)
_APPOINTMENT_PHONE: tuple[Step, ...] = (
    *_APPOINTMENT_SLOTS, _intent("appointment_next"), _screen("appointment_card"),
    _card("resident"), _screen("appointment_phone"),
)
APPOINTMENT_ROUTES: dict[str, tuple[Step, ...]] = {
    "guide_appointment": (_intent("home.services"), _screen("catalogue"), _guide_only_matter,
                          _screen("guide"),
                          _until("预约 offered",
                                 lambda app: bool(app.appointments.view_model.guideOffers))),
    "appointment_matters": (_intent("home.appointment"), _screen("appointment_matters")),
    "appointment_slots": _APPOINTMENT_SLOTS,
    "appointment_card": (*_APPOINTMENT_SLOTS, _intent("appointment_next"),
                         _screen("appointment_card")),
    "appointment_phone": _APPOINTMENT_PHONE,
    "appointment_phone_error": (*_APPOINTMENT_PHONE, _phone("12345"),
                                _intent("appointment_book"), _screen("appointment_phone")),
    "appointment_slot_taken": (*_APPOINTMENT_PHONE, _fill_chosen_slot,
                               _intent("appointment_book"), _screen("appointment_slots"),
                               _slots_listed),
    "appointment_done": (*_APPOINTMENT_PHONE, _intent("appointment_book"),
                         _screen("appointment_done")),
    "appointment_done_not_printed": (*_APPOINTMENT_PHONE, _paper("out"),
                                     _intent("appointment_book"), _screen("appointment_done")),
}
"""The 预约 screens: the guide's button, the list, a day with a full slot, the card, the phone
(and its error), a slot taken before the booking, and done with or without the slip."""


DEV_PIN = "123456"
"""The embedded default's technician PIN (config/default.toml)."""


def _pin(pin: str) -> Step:
    def type_pin(app: KioskApp) -> None:
        pad = app.operations.view_model
        for digit in pin:
            pad.digit(digit)
        pad.submitPin()

    return type_pin


def _panel(name: str) -> Step:
    return lambda app: app.operations.view_model.show(name)


def _settle_panel(app: KioskApp) -> None:
    """Give the panel's workers (files, network) time to answer."""
    pump(3.0)


def _perform(action: str, target: str = "") -> Step:
    return lambda app: app.operations.perform(action, target)


def _result_shown(app: KioskApp) -> None:
    """Wait for the action's outcome on the maintenance screen."""
    vm = app.operations.view_model
    wait_until(lambda: bool(vm.result), 60.0, "maintenance result")


def _shapes_found(kind: str) -> Step:
    """Wait until the camera preview draws a shape of ``kind`` (face, qr, page)."""

    def found(app: KioskApp) -> None:
        vm = app.operations.view_model
        def shapes() -> list[dict[str, Any]]:
            return cast(list[dict[str, Any]], vm.previewShapes)

        wait_until(lambda: any(s["kind"] == kind for s in shapes()), 30.0, f"preview {kind}")
        pump(0.5)  # the frame after the one with the shape, painted

    return found


def _scroll_to_device(device: str) -> Step:
    """Scroll the Devices pane so that ``device``'s card is at its top."""

    def scroll(app: KioskApp) -> None:
        from ui.bridge.automation import walk  # deferred like the other UI helpers here

        pump(1.5)  # the status changes of the test (busy, then online) redraw the list first
        items = {item.objectName(): item for item in walk(app.ui.window.contentItem())}
        pane, card = items.get("devices_list"), items.get(f"device_{device}")
        if pane is None or card is None:
            raise RouteError(f"no card of {device} on the devices pane")
        limit = float(pane.property("contentHeight")) - pane.height()
        pane.setProperty("contentY", max(0.0, min(card.y(), limit)))
        pump(0.3)

    return scroll


def _document_camera(source: str) -> Step:
    return lambda app: _simulator(app, DeviceClass.DOCUMENT_CAMERA, CameraEmulator).show(source)


_MAINTENANCE_DEVICES: tuple[Step, ...] = (
    _intent("maintenance"), _screen("maintenance_pin"), _pin(DEV_PIN), _screen("maintenance"),
    _panel("devices"), _settle_panel,
)


_GUIDE: tuple[Step, ...] = (_intent("home.services"), _screen("catalogue"), _face_matter,
                            _screen("guide"))
_IDENTITY: tuple[Step, ...] = (*_GUIDE, _guide_start, _screen("identity_card"))
_CONSENT: tuple[Step, ...] = (*_IDENTITY, _card("resident"), _screen("face_consent"))

_APPLY_FORM: tuple[Step, ...] = (*_CONSENT, _camera("face"), _intent("consent"),
                                 _screen("verified"), _intent("continue"),
                                 _screen("apply_form"))
_APPLY_REVIEW: tuple[Step, ...] = (*_APPLY_FORM, _form_done, _materials_done,
                                   _screen("apply_review"))
_SCAN_MATERIAL: tuple[Step, ...] = (
    _intent("home.services"), _screen("catalogue"), _scan_matter, _screen("guide"),
    _guide_start, _screen("identity_card"), _card("resident"), _screen("face_consent"),
    _camera("face"), _intent("consent"), _screen("verified"), _intent("continue"),
    _screen("apply_form"), _form_done, _screen("apply_material"), _to_scan_material,
)
_APPLY_CAPTURE: tuple[Step, ...] = (*_SCAN_MATERIAL, _intent("apply_capture"),
                                    _screen("apply_capture"), _page_in_view)
_REPRINT_LIST: tuple[Step, ...] = (
    *_APPLY_REVIEW, _intent("apply_confirm"), _screen("apply_done"), _card_away,
    _intent("home"), _screen("home"), _intent("home.reprint"), _card("resident"),
    _screen("reprint_list"),
)
_INSTANT_DONE: tuple[Step, ...] = (
    _intent("home.services"), _screen("catalogue"), _instant_certificate_matter,
    _screen("guide"), _guide_start, _screen("identity_card"), _card("resident"),
    _screen("face_consent"), _camera("face"), _intent("consent"), _screen("verified"),
    _intent("continue"), _screen("apply_form"), _form_done, _materials_done,
    _screen("apply_review"), _intent("apply_confirm"),
    _screen("apply_done"),
)
_CERTIFICATES: tuple[Step, ...] = (_intent("home.certificate_print"), _screen("certificate_list"))
_CERTIFICATE_PREVIEW: tuple[Step, ...] = (
    *_CERTIFICATES, _certificate, _screen("identity_card"), _card("resident"),
    _screen("face_consent"), _camera("face"), _intent("consent"), _screen("verified"),
    _intent("query_print"), _screen("certificate_preview"),
)

_CERTIFICATE_FORM: tuple[Step, ...] = (
    *_CERTIFICATES, _certificate_named(DATED_CERTIFICATE_NAME), _screen("identity_card"),
    _card("resident"), _screen("face_consent"), _camera("face"), _intent("consent"),
    _screen("verified"), _intent("query_print"), _screen("certificate_form"),
)

_PAY_FEES: tuple[Step, ...] = (
    _intent("home.services"), _screen("catalogue"), _fee_matter, _screen("guide"), _guide_start,
    _screen("identity_card"), _card("resident"), _screen("face_consent"), _camera("face"),
    _intent("consent"), _screen("verified"), _intent("continue"), _screen("apply_form"),
    _form_done, _materials_done, _screen("apply_review"), _intent("apply_confirm"),
    _screen("pay_fees"),
)
_PAY_QR: tuple[Step, ...] = (*_PAY_FEES, _intent("pay_qr"), _screen("pay_qr"))
_PAY_SCAN: tuple[Step, ...] = (*_PAY_FEES, _intent("pay_code"), _screen("pay_scan"))
WECHAT_CODE = "134567890123456789"
PAYMENT_ROUTES: dict[str, tuple[Step, ...]] = {
    "pay_fees": _PAY_FEES,
    "pay_qr": _PAY_QR,
    "pay_qr_expired": (*_PAY_QR, _qr_runs_out, _screen("pay_qr_expired")),
    "pay_scan": _PAY_SCAN,
    "pay_scan_not_a_code": (*_PAY_SCAN, _scan("6901234567892"),
                            _until("not a code", lambda app: app.machine.view.reason is not None)),
    "pay_scan_declined": (*_PAY_SCAN, _next_charge("declined"), _scan(WECHAT_CODE),
                          _until("declined", lambda app: app.machine.view.reason is not None)),
    "pay_pending": (*_PAY_SCAN, _next_charge("pending"), _scan(WECHAT_CODE),
                    _screen("pay_pending")),
    "pay_paid": (*_PAY_SCAN, _scan(WECHAT_CODE), _screen("pay_paid")),
    "pay_cancelled": (*_PAY_FEES, _intent("pay_cancel"), _screen("pay_cancelled")),
    "pay_failed": (*_PAY_FEES, _platform_offline, _intent("pay_cancel"), _screen("pay_failed")),
    "pay_print_failed": (*_PAY_SCAN, _paper("out"), _scan(WECHAT_CODE),
                         _screen("apply_print_failed")),
}
"""The payment screens (the waits — QR loading, charging, cancelling — are BusyScreen)."""


def _rate(rating: int) -> Step:
    return lambda app: app.evaluation_vm.rate(rating)


def _toggle_reason(index: int) -> Step:
    return lambda app: app.evaluation_vm.toggleReason(index)


def _type_into(object_name: str, typed: str) -> Step:
    """Put ``typed`` into a text field as if typed (the field's own length limit applies)."""

    def type_(app: KioskApp) -> None:
        from PySide6.QtQuick import QQuickItem

        field = app.ui.window.findChild(QQuickItem, object_name)
        if field is None:
            raise RouteError(f"no item {object_name!r}")
        field.setProperty("text", typed)
        field.setProperty("cursorPosition", len(typed))

    return type_


_EVALUATION: tuple[Step, ...] = (
    *_APPLY_REVIEW, _intent("apply_confirm"), _screen("apply_done"), _intent("finish"),
    _screen("evaluation_rating"),
)
_EVALUATION_COMMENT: tuple[Step, ...] = (
    *_EVALUATION, _rate(5), _screen("evaluation_comment"),
    _type_into("evaluation_comment", "自助办理很方便，谢谢！"),
)
_EVALUATION_THANKS: tuple[Step, ...] = (
    *_EVALUATION_COMMENT, _intent("evaluation_send"), _screen("evaluation_thanks"),
)
PENSION_MATTER = "11330109002500045G405344403000"
"""职工基本养老保险待遇申领: an e-licence the resident holds and a deferrable material a
commitment may also replace (the correction's journey)."""


def _open_matter(code: str) -> Step:
    def open_(app: KioskApp) -> None:
        wait_until(lambda: bool(app.catalogue.snapshot.catalogue.matters), 15.0, "catalogue")
        app.ui.catalogue.open(code)

    return open_


def _materials_deferred(app: KioskApp) -> None:
    """Defer every material that may be deferred (容缺), commit the rest where possible."""
    while app.machine.state.value == "apply_material":
        draft = app.machine.session.application
        spec = draft.current_material if draft else None
        if draft is not None and spec is not None and draft.plan.resolution(spec.id) is None:
            offers = {k.value for k in draft.offers(spec)}
            if "deferred" in offers:
                app.ui.kiosk.intent("apply_defer")
            elif "commitment" in offers:
                app.ui.kiosk.intent("apply_commit")
        app.ui.kiosk.intent("apply_next")


def _scan_receipt(app: KioskApp) -> None:
    """Scan the progress QR of the last receipt the printer emulator printed."""
    printer = _simulator(app, DeviceClass.RECEIPT_PRINTER, ReceiptPrinterEmulator)
    wait_until(lambda: any(r.get("qr") for r in printer.receipts()), 15.0, "a receipt QR")
    payload = [r for r in printer.receipts() if r.get("qr")][-1]["qr"][0]
    _scan(payload)(app)


def _advance_applications(times: int) -> Step:
    def advance(app: KioskApp) -> None:
        platform_sim = app.backend.platform_sim
        if platform_sim is None:
            raise RouteError("the platform is not simulated")
        for _ in range(times):
            platform_sim.advance_applications()

    return advance


def _take_card_away(app: KioskApp) -> None:
    """Take the card off the reader and wait for its driver to notice."""
    from drivers.id_card.types import IdCardReader

    _card_reader(app).remove()
    reader = app.devices.device_as(DeviceClass.ID_CARD_READER, IdCardReader)
    wait_until(lambda: reader is None or reader.current_card is None, 10.0, "card removed")


def _said_why(app: KioskApp) -> bool:
    return app.machine.state.value == "progress_scan" and app.machine.view.reason is not None


_APPLIED: tuple[Step, ...] = (
    _intent("home.services"), _screen("catalogue"), _open_matter(PENSION_MATTER),
    _screen("guide"), _guide_start, _screen("identity_card"), _card("resident"),
    _screen("face_consent"), _camera("face"), _intent("consent"), _screen("verified"),
    _intent("continue"), _screen("apply_form"), _form_done, _materials_deferred,
    _screen("apply_review"), _intent("apply_confirm"), _screen("apply_done"),
    _intent("home"), _screen("home"),
)
"""A promised application with a deferred material, submitted and receipted; back home."""
_PROGRESS_SCAN: tuple[Step, ...] = (_intent("home.progress"), _screen("progress_scan"))
_RECEIPT_SCANNED: tuple[Step, ...] = (
    *_APPLIED, _take_card_away, *_PROGRESS_SCAN, _scan_receipt,
    _screen("progress_detail"),
)
"""The card taken away (else it lists its holder's applications), the receipt scanned."""
_CORRECTION_DETAIL: tuple[Step, ...] = (
    *_APPLIED, _advance_applications(2), _take_card_away,
    *_PROGRESS_SCAN, _scan_receipt, _screen("progress_detail"),
)
_CORRECTION_CONSENT: tuple[Step, ...] = (
    *_CORRECTION_DETAIL, _intent("progress_correct"), _screen("correction_card"),
    _card("resident"), _screen("correction_face_consent"),
)
_CORRECTION_MATERIAL: tuple[Step, ...] = (
    *_CORRECTION_CONSENT, _intent("consent"), _screen("correction_material"),
)
_CORRECTION_CAPTURE: tuple[Step, ...] = (
    *_CORRECTION_MATERIAL, _intent("apply_capture"), _screen("correction_capture"),
    _page_in_view, _intent("capture_shoot"), _pages_taken(1),
)
"""拍摄材料 in a correction: the deferred material's first page taken."""
PROGRESS_ROUTES: dict[str, tuple[Step, ...]] = {
    "progress_scan": _PROGRESS_SCAN,
    "progress_foreign_code": (*_PROGRESS_SCAN, _scan("https://qr.alipay.com/bax01234"),
                              _until("the code refused", _said_why)),
    "progress_not_found": (*_PROGRESS_SCAN,
                           _scan("https://zwfw.zj.gov.cn/progress?no=ZW2026113000000001AB12"
                                 "&code=ABC123"),
                           _until("the application not found", _said_why)),
    "progress_detail": _RECEIPT_SCANNED,
    "progress_detail_correction": _CORRECTION_DETAIL,
    "progress_list": (*_APPLIED, _intent("home.progress"), _screen("progress_list")),
    "correction_card": (*_CORRECTION_DETAIL, _intent("progress_correct"),
                        _screen("correction_card")),
    "correction_face_consent": _CORRECTION_CONSENT,
    "correction_material": _CORRECTION_MATERIAL,
    "correction_capture": _CORRECTION_CAPTURE,
    "correction_material_captured": (*_CORRECTION_CAPTURE, _intent("apply_next"),
                                     _screen("correction_material")),
    "correction_done": (*_CORRECTION_MATERIAL, _intent("apply_commit"), _intent("apply_next"),
                        _screen("correction_done")),
}
"""查询进度 and 补齐补正: the query (a receipt's code, a refused code, the card's list) and a
correction of a deferred material, from 推进办件状态 to the new receipt."""

_ELDERLY: Step = _intent("home.elderly_mode")
"""适老模式 on, on home: the routes after it show the session's screens in elderly mode."""
ELDERLY_ROUTES: dict[str, tuple[Step, ...]] = {
    "home_elderly": (_ELDERLY,),
    "catalogue_elderly": (_ELDERLY, _intent("home.services"), _screen("catalogue")),
    "guide_elderly": (_ELDERLY, *_GUIDE),
    "apply_form_elderly": (_ELDERLY, *_APPLY_FORM),
    "face_consent_elderly": (_ELDERLY, *_CONSENT),
}
"""The elderly mode's larger text on home, the catalogue, a guide, the face consent (its
notice scrolls) and a form page."""

ROUTES: dict[str, tuple[Step, ...]] = {
    "home": (),
    "catalogue": (_intent("home.services"), _screen("catalogue")),
    "search": (_intent("home.services"), _screen("catalogue"), _search("shebao")),
    "keyboard": (_intent("home.services"), _screen("catalogue"), _focus("catalogue_search"),
                 _press_keys("shebao")),
    "guide": _GUIDE,
    "identity_card": _IDENTITY,
    "face_consent": _CONSENT,
    "face_capture": (*_CONSENT, _face_too_close, _intent("consent"),
                     _screen("face_capture"), _guidance("move_back")),
    "verified": (*_CONSENT, _camera("face"), _intent("consent"), _screen("verified")),
    "verified_face_needed": (*_APPLY_REVIEW, _platform_wants_face, _intent("apply_confirm"),
                             _screen("verified")),
    "card_removed": (*_IDENTITY, _card_taken_during_read, _screen("card_removed")),
    "identity_choice": (*_CONSENT, _intent("decline"), _screen("identity_choice")),
    "refer_to_window": (*_CONSENT, _intent("decline"), _screen("identity_choice"),
                        _intent("window"), _screen("refer_to_window")),
    "card_expired": (*_IDENTITY, _card("expired"), _screen("card_expired")),
    "qr_login": (_intent("qr_login"), _screen("qr_login")),
    "verified_qr": (_intent("qr_login"), _screen("qr_login"),
                    _scan("zjzwfw://login?token=resident"), _screen("verified")),
    "face_retry": (*_IDENTITY, _card("face_mismatch"), _screen("face_consent"), _camera("face"),
                   _intent("consent"), _screen("face_retry")),
    "verification_unavailable": (*_CONSENT, _camera("face"), _platform_offline,
                                 _intent("consent"), _screen("verification_unavailable")),
    "reader_down": (*_IDENTITY, _reader_fault("silence"),
                    _until("reader down", lambda app: str(app.ui.kiosk.tone) == "error", 30.0)),
    "card_grace": (*_CONSENT, _camera("face"), _intent("consent"), _screen("verified"),
                   lambda app: _card_reader(app).remove(),
                   _until("card grace", lambda app: bool(app.ui.kiosk.warning))),
    "attract": (_dispatch(ev.IdleExpired()), _screen("attract")),
    "out_of_service": (_dispatch(ev.ServiceSuspended()), _screen("out_of_service")),
    "apply_form": _APPLY_FORM,
    "apply_form_errors": (*_APPLY_FORM, _intent("apply_next"), _screen("apply_form")),
    "apply_material": (*_APPLY_FORM, _form_done, _screen("apply_material")),
    "apply_review": _APPLY_REVIEW,
    "apply_material_capture": _SCAN_MATERIAL,
    "apply_capture": _APPLY_CAPTURE,
    "reprint_card": (_intent("home.reprint"), _screen("reprint_card")),
    "reprint_failed": (_intent("home.reprint"), _screen("reprint_card"), _card("expired"),
                       _screen("reprint_failed")),
    "reprint_list": _REPRINT_LIST,
    "reprint_done": (*_REPRINT_LIST, _choose_first_receipt, _screen("reprint_done")),
    "reprint_print_failed": (*_REPRINT_LIST, _paper("out"), _choose_first_receipt,
                             _screen("reprint_print_failed")),
    "apply_capture_pages": (*_APPLY_CAPTURE, _intent("capture_shoot"), _pages_taken(1),
                            _intent("capture_shoot"), _pages_taken(2)),
    "apply_material_captured": (*_APPLY_CAPTURE, _intent("capture_shoot"), _pages_taken(1),
                                _intent("apply_next"), _screen("apply_material")),
    "apply_done": (*_APPLY_REVIEW, _intent("apply_confirm"), _screen("apply_done")),
    "apply_offline_saved": (*_APPLY_REVIEW, _platform_offline, _intent("apply_confirm"),
                            _screen("apply_offline_saved")),
    "apply_print_failed": (*_APPLY_REVIEW, _paper("out"), _intent("apply_confirm"),
                           _screen("apply_print_failed")),
    "apply_done_certificate": _INSTANT_DONE,
    "apply_done_certificate_failed": (_a4_fails_next_job, *_INSTANT_DONE),
    "certificate_list": _CERTIFICATES,
    "certificate_list_no_paper": (_a4_out_of_paper, *_CERTIFICATES),
    "certificate_preview": _CERTIFICATE_PREVIEW,
    "certificate_form": _CERTIFICATE_FORM,
    "certificate_form_errors": (*_CERTIFICATE_FORM, _intent("apply_next"),
                                _screen("certificate_form")),
    "certificate_printed": (*_CERTIFICATE_PREVIEW, _intent("print_certificate"),
                            _screen("certificate_printed")),
    "certificate_print_failed": (*_CERTIFICATE_PREVIEW, _a4_fails_next_job,
                                 _intent("print_certificate"),
                                 _screen("certificate_print_failed")),
    "evaluation_card": (_intent("home.evaluation"), _screen("evaluation_card")),
    "evaluation_rating": _EVALUATION,
    "evaluation_reasons": (*_EVALUATION, _rate(2), _screen("evaluation_reasons"),
                           _toggle_reason(2)),
    "evaluation_reasons_required": (*_EVALUATION, _rate(1), _screen("evaluation_reasons"),
                                    _intent("apply_next")),
    "evaluation_comment": (*_EVALUATION_COMMENT, _focus("evaluation_comment"),
                           _press_keys("fuwu")),
    "evaluation_comment_too_long": (*_EVALUATION, _rate(4), _screen("evaluation_comment"),
                                    _type_into("evaluation_comment", "好" * 520),
                                    _intent("evaluation_send")),
    "evaluation_thanks": _EVALUATION_THANKS,
    "evaluation_already": (*_EVALUATION_THANKS, _intent("home"), _screen("home"),
                           _intent("home.evaluation"), _screen("evaluation_already")),
    "evaluation_unavailable": (_platform_offline, _intent("home.evaluation"),
                               _screen("evaluation_card"), _card("resident"),
                               _screen("evaluation_unavailable")),
    "maintenance_pin": (_intent("maintenance"), _screen("maintenance_pin"), _pin("000000"),
                        lambda app: wait_until(lambda: not app.operations.view_model.pinBusy,
                                               20.0, "PIN checked")),
    **{
        f"maintenance_{panel}": (_intent("maintenance"), _screen("maintenance_pin"),
                                 _pin(DEV_PIN), _screen("maintenance"), _panel(panel),
                                 _settle_panel)
        for panel in ("devices", "outbox", "catalogue", "network", "config", "logs", "service")
    },
    "maintenance_preview_face": (*_MAINTENANCE_DEVICES, _camera("face"),
                                 _perform("preview", "camera"), _shapes_found("face")),
    "maintenance_preview_qr": (*_MAINTENANCE_DEVICES, _camera("qr_medium"),
                               _perform("preview", "camera"), _shapes_found("qr")),
    "maintenance_preview_document": (*_MAINTENANCE_DEVICES, _document_camera("document"),
                                     _perform("preview", "document_camera"),
                                     _shapes_found("page")),
    "maintenance_a4_test": (*_MAINTENANCE_DEVICES, _perform("test_print_a4", "a4_printer"),
                            _result_shown, _scroll_to_device("a4_printer")),
    "maintenance_a4_test_failed": (*_MAINTENANCE_DEVICES, _a4_out_of_paper,
                                   _perform("test_print_a4", "a4_printer"), _result_shown,
                                   _scroll_to_device("a4_printer")),
    "maintenance_document_camera_test": (*_MAINTENANCE_DEVICES,
                                         _document_camera("document"),
                                         _perform("test_document_camera", "document_camera"),
                                         _result_shown, _scroll_to_device("document_camera")),
    "maintenance_logs_export": (_intent("maintenance"), _screen("maintenance_pin"),
                                _pin(DEV_PIN), _screen("maintenance"), _panel("logs"),
                                _settle_panel, _perform("export_logs"), _result_shown),
    **APPOINTMENT_ROUTES,
    **PROGRESS_ROUTES,
    **PAYMENT_ROUTES,
    **ELDERLY_ROUTES,
}
"""How to reach each screen from home."""


def walk_to(app: KioskApp, screen: str) -> None:
    """Drive the kiosk from home to ``screen``."""
    if screen not in ROUTES:
        raise RouteError(f"no route to {screen!r}; known: {', '.join(ROUTES)}")
    for step in ROUTES[screen]:
        step(app)


def capture(app: KioskApp, screen: str, path: Path, settle_s: float = 0.6) -> None:
    """Walk to ``screen``, let animations settle, and write the window to ``path``."""
    wait_until(lambda: app.ui.window.isExposed() or app.ui.window.isVisible(), 10.0, "window")
    wait_until(lambda: app.started, 20.0, "devices and platform")
    walk_to(app, screen)
    pump(settle_s)
    if screen == "face_capture":
        wait_until(app.ui.frames.has_frame, 10.0, "camera frame")
        pump(0.5)
    image = app.ui.window.grabWindow()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise RouteError(f"could not write {path}")


SHOTS: tuple[tuple[str, tuple[int, int]], ...] = (
    *((name, (1080, 1920)) for name in ROUTES),
    ("home", (1920, 1080)),
    ("catalogue", (1920, 1080)),
    ("guide", (1920, 1080)),
)
"""Every screenshot of ``docs/screenshots``: (route, size)."""


def main(argv: list[str] | None = None) -> int:
    """Regenerate the screenshots, one kiosk run per shot (a clean session each)."""
    parser = argparse.ArgumentParser(prog="python -m entry.screenshots")
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    failures = 0
    for name, (width, height) in SHOTS:
        suffix = "" if height >= width else "-landscape"
        target = args.out_dir / f"{name}{suffix}.png"
        command = [sys.executable, "-m", "kiosk", "--simulate", "--screenshot", str(target),
                   "--screen", name, "--size", f"{width}x{height}"]
        result = subprocess.run(command, check=False, capture_output=True, text=True)
        status = "ok" if result.returncode == 0 else f"failed\n{result.stderr[-2000:]}"
        failures += result.returncode != 0
        print(f"{target}: {status}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
