"""End to end: every ``self_service: full`` matter and bundle of the seed catalogue is
applied for to a receipt through the UI automation API (``/ui/state``, ``/ui/type``,
``/ui/tap``), with valid input generated from what the screen says of each field, and each
receipt's QR decodes back to its application at the platform (issue 11's done-when).

One kiosk walks them all, going home between subjects; the card stays on the reader, so each
subject needs only the face (or nothing more, for a card-only matter). Form fields are filled
from ``/ui/state`` alone: each field's ``kind`` picks candidate answers (an ID number with a
GB 11643 check digit, a mainland mobile, a past date, …); a candidate the field's error
refuses (a ``pattern`` the screen does not show) is replaced by the next. Each material is
satisfied as the screen offers: already from the e-licence library, else a commitment, else
稍后补交, else the document camera (one page).
"""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.exceptions import TimeoutError

from drivers.base import DeviceClass
from entry.apply import progress_base
from kiosk.flow.matter import SelfService, SubjectKind
from kiosk.receipts.progress import ProgressQuery, parse_progress
from ui.bridge.devdock import PAYMENT_CODES

BUNDLE = SubjectKind.BUNDLE
WALK_TIMEOUT_S = 900
"""About 100 subjects at 2–3 s each on a loaded machine, with room to spare."""

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECKS = "10X98765432"


def id_number(body: str) -> str:
    """An 18-character ID number: the 17-digit ``body`` and its GB 11643 check character."""
    total = sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
    return body + CHECKS[total % 11]


CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("测试", "浙A12345", "12345678", "91330109MA27X0012L"),
    "textarea": ("家庭遭遇意外，需要帮助。",),
    "id_number": (id_number("33010620180101002"), id_number("33010619600101003")),
    "phone": ("13800138000",),
    "date": ("2020-01-01", "2026-12-31"),
    "number": ("1", "100"),
    "email": ("zhangwei@example.cn",),
    "address_detail": ("文三路100号",),
}
"""Valid answers per field kind, in the order tried (a later one when the field refuses)."""


class Walker:
    """Drives one kiosk through the automation API."""

    def __init__(self, kiosk: Any) -> None:
        self.k = kiosk
        self.paid: dict[str, str] = {}
        """The subjects whose fees were paid, and how (qr, wechat, alipay)."""

    def state(self) -> dict[str, Any]:
        status, state = self.k.call_off_gui(lambda: self.k.control("GET", "/ui/state"))
        assert status == 200
        return dict(state)

    def tap(self, name: str) -> None:
        status, body = self.k.call_off_gui(
            lambda: self.k.control("POST", "/ui/tap", {"object_name": name}))
        assert status == 200, body

    def type(self, name: str, text: str) -> None:
        status, body = self.k.call_off_gui(
            lambda: self.k.control("POST", "/ui/type", {"object_name": name, "text": text}))
        assert status == 200, body

    def where(self) -> tuple[object, ...]:
        draft = self.k.app.machine.session.application
        return (self.k.screen, draft.revision if draft else -1,
                len(self.k.app.machine.session.capture.pages))

    def tap_and_wait(self, name: str) -> None:
        """Tap and wait until the screen, page, material or pages changed."""
        before = self.where()
        self.tap(name)
        self.k.qtbot.waitUntil(lambda: self.where() != before, timeout=20000)

    def primary(self, state: dict[str, Any]) -> str:
        (name,) = [i["object_name"] for i in state["items"] if i.get("primary")]
        return str(name)

    # --- the form ---------------------------------------------------------------------------

    def fill_page(self) -> tuple[list[str], dict[str, Any]]:
        """Answer every field on the page; the field ids seen and the page's last state."""
        tried: dict[str, int] = {}
        for _ in range(len(CANDIDATES["text"]) + 1):
            state = self.state()
            fields = [i for i in state["items"] if i.get("field")]
            pending = False
            for item in fields:
                pending |= self._answer(item, fields, tried)
            if not pending:
                return sorted({i["field"] for i in fields}), state
        raise AssertionError(f"fields still refused: {[i for i in fields if i.get('error')]}")

    def _answer(self, item: dict[str, Any], fields: list[dict[str, Any]],
                tried: dict[str, int]) -> bool:
        """Answer one item when it is empty or refused; True when it was (re)answered."""
        kind, name = item["kind"], item["object_name"]
        if kind == "select":
            options = [i for i in fields if i["field"] == item["field"] and "option" in i]
            if not any(i["selected"] for i in options) and name == options[0]["object_name"]:
                self.tap(name)
                return True
            return False
        if kind == "checkbox":
            if not item["text"].startswith("☑"):
                self.tap(name)
                return True
            return False
        if kind == "address_region":
            if "▾" in item["text"]:
                self.tap(name)
                regions = [i["object_name"] for i in self.state()["items"]
                           if i["object_name"].startswith(f"region_{item['field']}_")]
                self.tap(regions[0])
                return True
            return False
        if item.get("value") and not item.get("error"):
            return False
        options = CANDIDATES[kind]
        index = tried.get(name, -1) + 1
        assert index < len(options), f"no valid answer for {item}"
        tried[name] = index
        self.type(name, options[index])
        return True

    # --- materials --------------------------------------------------------------------------

    def satisfy_material(self) -> tuple[str, dict[str, Any]]:
        """Satisfy the material on screen as offered; the way used and the screen's state."""
        state = self.state()
        names = {i["object_name"] for i in state["items"]}
        if "material_status" in names:
            return "e_license", state
        for way, button in (("commitment", "action_apply_commit"),
                            ("deferred", "action_apply_defer")):
            if button in names:
                self.tap_and_wait(button)
                return way, state
        if "action_apply_capture" in names:
            self.capture_page()
            return "scan", state
        return "none", state

    def capture_page(self) -> None:
        self.tap_and_wait("action_apply_capture")
        assert self.k.screen == "apply_capture"
        self.k.qtbot.waitUntil(lambda: bool(self.k.app.capture_vm.pageInView), timeout=15000)
        self.tap_and_wait("action_capture_shoot")
        self.tap_and_wait("action_apply_next")
        assert self.k.screen == "apply_material"

    def pay(self, code: str) -> None:
        """Pay the fees the dev dock's way, the QR code and the payment codes in turn."""
        k = self.k
        way = ("qr", "wechat", "alipay")[len(self.paid) % 3]
        if way == "qr":
            self.tap_and_wait("action_pay_qr")
            k.wait_screen("pay_qr", 30000)
            k.call_off_gui(lambda: k.control("POST", "/sim/payment/paid"))  # 模拟手机支付
        else:
            self.tap_and_wait("action_pay_code")
            k.wait_screen("pay_scan", 30000)
            text = PAYMENT_CODES[way]
            k.call_off_gui(lambda: k.control("POST", "/sim/scanner", {"text": text}))
        k.wait_screen("apply_done", 60000)
        self.paid[code] = way

    # --- one subject ------------------------------------------------------------------------

    def verify(self) -> None:
        """The card (placed when asked for) and the face, to ``verified``."""
        k = self.k
        k.qtbot.waitUntil(lambda: k.screen in ("identity_card", "face_consent", "verified"),
                          timeout=15000)
        if k.screen == "identity_card":
            k.call_off_gui(lambda: k.control("POST", "/sim/id-card", {"fixture": "resident"}))
        k.qtbot.waitUntil(lambda: k.screen in ("face_consent", "verified"), timeout=15000)
        if k.screen == "face_consent":
            self.tap("action_consent")
        k.wait_screen("verified", 20000)

    def apply(self, code: str) -> dict[str, Any]:
        """From home, apply for ``code`` to its receipt; what was asked and used."""
        k = self.k
        self.tap("home_services")
        k.wait_screen("catalogue")
        k.app.ui.catalogue.open(code)
        k.wait_screen("guide")
        try:
            k.qtbot.waitUntil(lambda: bool(k.app.ui.catalogue.guideAvailable), timeout=10000)
        except TimeoutError as timeout:
            raise AssertionError(f"{code}: {k.app.ui.catalogue.guideReason}") from timeout
        self.tap(self.primary(self.state()))
        self.verify()
        self.tap_and_wait("action_continue")
        k.wait_screen("apply_form", 20000)
        pages: dict[int, list[str]] = {}
        while k.screen == "apply_form":
            page = k.app.machine.session.application.page
            asked, state = self.fill_page()
            pages[page] = asked  # again when 下一步 showed an error the typing did not
            self.tap_and_wait(self.primary(state))
        ways = []
        while k.screen == "apply_material":
            way, state = self.satisfy_material()
            ways.append(way)
            self.tap_and_wait(self.primary(state))
        assert k.screen == "apply_review", (code, k.screen, ways)
        self.tap_and_wait(self.primary(self.state()))
        k.qtbot.waitUntil(lambda: k.screen in ("apply_done", "apply_print_failed",
                                                "apply_not_saved", "apply_review", "pay_fees"),
                          timeout=60000)
        if k.screen == "pay_fees":
            self.pay(code)
        assert k.screen == "apply_done", (code, k.screen, k.app.machine.view.reason)
        return {"pages": list(pages.values()), "ways": ways,
                "numbers": list(k.app.machine.view.application.application_nos)}


def _receipt_queries(kiosk: Any, numbers: list[str]) -> list[ProgressQuery]:
    """The progress queries on the newest receipts naming ``numbers`` (the printer keeps the
    newest receipts only, so the lookup is by number, not by position)."""
    _, receipts = kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/printer/receipts"))
    base = progress_base(kiosk.app.config)
    found = [parse_progress(p, base) for r in list(receipts)[-5:] for p in r.get("qr", [])]
    return [q for q in found if q is not None and q.application_no in numbers]


def _printed(kiosk: Any, numbers: list[str]) -> bool:
    return len(_receipt_queries(kiosk, numbers)) == len(numbers)


@pytest.mark.timeout(WALK_TIMEOUT_S)
def test_every_full_matter_and_bundle_is_applied_to_a_receipt_through_the_automation_api(
    kiosk: Any,
) -> None:
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=20000)
    catalogue = kiosk.app.catalogue.snapshot.catalogue
    subjects = [m.code for m in catalogue.matters if m.self_service == "full"]
    full_bundles = [
        b.code for b in catalogue.bundles
        if (brief := kiosk.app.catalogue.brief(b.code, BUNDLE)) is not None
        and brief.self_service is SelfService.FULL
    ]
    assert full_bundles, "the seed has bundles a citizen can finish at the terminal"
    subjects += full_bundles
    kiosk.app.devices.simulator(DeviceClass.CAMERA).show("face")
    walker = Walker(kiosk)
    client = kiosk.app.backend.client
    shared_asked_once = False
    for code in subjects:
        done = walker.apply(code)
        asked = [f for page in done["pages"] for f in page]
        assert len(asked) == len(set(asked)), f"{code}: a field asked twice"
        bundle = catalogue.bundle(code)
        matter_codes = set(bundle.matters) if bundle is not None else {code}
        if bundle is not None:
            fields = [f.id for m in bundle.matters if (mm := catalogue.matter(m)) is not None
                      for f in mm.form]
            shared_asked_once |= len(fields) > len(set(fields))
        numbers = done["numbers"]
        kiosk.qtbot.waitUntil(lambda n=numbers: _printed(kiosk, n), timeout=20000)
        queries = _receipt_queries(kiosk, numbers)
        for query in queries:
            found = client.get_application(query.application_no, query.query_code)
            assert found.matter_code in matter_codes, (code, found.matter_code)
        walker.tap("action_finish")  # 完成: 好差评 follows, skipped here
        kiosk.wait_screen("evaluation_rating")
        walker.tap("action_evaluation_skip")
        kiosk.wait_screen("home")
    assert shared_asked_once, "some bundle shares a field among its matters, asked once"
    with_fees = {m.code for m in catalogue.matters if m.self_service == "full" and m.fees}
    assert with_fees <= set(walker.paid), "every full matter with fees was paid"
    assert {"qr", "wechat", "alipay"} <= set(walker.paid.values()), "both ways, both wallets"
