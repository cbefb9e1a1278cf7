"""End to end: the terminal's catalogue copy says a matter needs the ID card alone, the platform
(which now wants the face) refuses the card-level submission with 403 ``insufficient_identity``;
the citizen is told so on ``verified``, 继续办理 leads through face verification straight back
to the review of the same application, and 确认提交 submits it under a new idempotency key:
one application at the platform."""

from __future__ import annotations

import dataclasses
from typing import Any

from entry.screenshots import fill_page
from kiosk.flow.states import Reason

MATTER = "11330109MB1900053L405782351000"
"""生育津贴申领: promised; an e-licence and a deferrable material (no camera needed)."""


def _catalogue_copy_says_card_alone(kiosk: Any, code: str) -> None:
    """The terminal's copy of the catalogue is older than the platform's: it still says the card
    alone is enough for ``code`` (``identity: id_card``)."""
    catalogue = kiosk.app.catalogue
    snapshot = catalogue.snapshot
    matters = tuple(
        dataclasses.replace(m, identity="id_card") if m.code == code else m
        for m in snapshot.catalogue.matters
    )
    stale = dataclasses.replace(snapshot.catalogue, matters=matters)
    catalogue.publish(dataclasses.replace(snapshot, catalogue=stale))


def _card_verified(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    _catalogue_copy_says_card_alone(kiosk, MATTER)
    kiosk.app.ui.catalogue.open(MATTER)
    kiosk.wait_screen("guide")
    kiosk.qtbot.waitUntil(lambda: bool(kiosk.app.ui.catalogue.guideAvailable), timeout=5000)
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/camera", {"source": "face"}))
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"}))
    kiosk.wait_screen("verified")
    v = kiosk.app.machine.session.verification
    assert v is not None and v.method.value == "id_card", "card-level, no face"


def _to_review(kiosk: Any) -> None:
    kiosk.intent("continue")
    kiosk.wait_screen("apply_form")
    while kiosk.screen == "apply_form":
        fill_page(kiosk.app)
        kiosk.intent("apply_next")
    while kiosk.screen == "apply_material":
        draft = kiosk.app.machine.session.application
        if draft.plan.resolution(draft.current_material.id) is None:
            kiosk.intent("apply_defer")
        kiosk.intent("apply_next")
    kiosk.wait_screen("apply_review")


def _platform(kiosk: Any, sql: str, *args: Any) -> list[Any]:
    """Rows of the simulated platform's own database."""
    with kiosk.app.backend.platform_sim.service.store.transaction() as db:
        return [tuple(row) for row in db.execute(sql, args).fetchall()]


def _kept_status(kiosk: Any, key: str) -> list[Any]:
    return _platform(kiosk, "SELECT status FROM idempotency WHERE key = ?", key)


def test_the_form_survives_the_face_step_up_and_is_submitted_once(kiosk: Any) -> None:
    _card_verified(kiosk)
    _to_review(kiosk)
    draft = kiosk.app.machine.session.application
    answers = {f.id: draft.form.answer(f.id) for f in draft.form.spec.fields}
    refused_key = draft.idempotency_key
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("verified", 30000)
    assert kiosk.app.machine.view.reason is Reason.INSUFFICIENT_IDENTITY
    assert _kept_status(kiosk, refused_key) == [(403,)], "the platform keeps its refusal"
    kiosk.intent("continue")
    kiosk.wait_screen("face_consent")
    kiosk.intent("consent")
    kiosk.wait_screen("apply_review", 30000)
    assert kiosk.app.machine.session.application is draft, "the same application, as left"
    assert {f.id: draft.form.answer(f.id) for f in draft.form.spec.fields} == answers
    v = kiosk.app.machine.session.verification
    assert v is not None and v.method.value == "id_card_and_face"
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)
    (number,) = kiosk.app.machine.view.application.application_nos
    assert draft.idempotency_key != refused_key
    assert _kept_status(kiosk, draft.idempotency_key) == [(201,)]
    assert _platform(kiosk, "SELECT application_no FROM applications WHERE matter_code = ?",
                     MATTER) == [(number,)], "one application at the platform"
