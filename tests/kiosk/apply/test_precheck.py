"""Pre-check: every rule the platform would refuse on, with where to fix it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from drivers.camera.quality_issue import QualityIssue
from kiosk.apply.precheck import IdentityProof, Problem, ProblemCode, precheck
from kiosk.catalogue.model import Matter
from kiosk.forms.form import Form, form_for_bundle
from kiosk.forms.paging import paginate
from kiosk.forms.validation import ErrorCode, InputError
from kiosk.materials.plan import MaterialPlan, merged_materials
from kiosk.materials.resolution import (
    CommitmentUse,
    DeferredUse,
    Refusal,
    ScannedPage,
    ScanUse,
    use_commitment,
)
from kiosk.platform.models import Delivery
from tests.kiosk.matters import COMMITMENT, field, material, matter

NOW = datetime(2024, 5, 6, 2, 0, tzinfo=UTC)
ONLINE = DeviceStatus(DeviceState.ONLINE, MediaStatus.OK)
DEVICES = {d: ONLINE for d in DeviceClass}
FACE = IdentityProof("face", NOW + timedelta(minutes=10))

APPLY = matter(
    "MATTER0000001",
    fields=[field("name", max_length=4), field("phone", "phone"), field("remark", "textarea")],
    materials=[
        material("income", ["commitment", "scan"], commitment_text=COMMITMENT),
        material("photo", ["scan"]),
        material("proof", ["scan"], deferrable=True),
    ],
)


def _ready(*matters: Matter) -> tuple[Form, MaterialPlan]:
    spec = form_for_bundle(matters)
    form = Form(spec)
    for fid, value in {"name": "张三", "phone": "13800138000", "remark": "无"}.items():
        if spec.field(fid) is not None:
            form.set(fid, value)
    plan = MaterialPlan(merged_materials(matters))
    for mid, use in {
        "income": CommitmentUse(_commitment_hash()),
        "photo": ScanUse((ScannedPage.of(b"jpeg"),)),
        "proof": DeferredUse(date(2024, 5, 13)),
    }.items():
        if plan.spec(mid) is not None:
            plan.choose(mid, use)
    return form, plan


def _commitment_hash() -> str:
    spec = merged_materials([APPLY])[0]
    use = use_commitment(spec)
    assert isinstance(use, CommitmentUse)
    return use.text_sha256


def _check(
    matters: list[Matter],
    form: Form,
    plan: MaterialPlan,
    identity: IdentityProof | None = FACE,
    devices: dict[DeviceClass, DeviceStatus] | None = None,
    **kw: object,
) -> tuple[Problem, ...]:
    pages = paginate(form.spec.fields, 400)
    return precheck(
        matters, form, pages, plan, identity, DEVICES if devices is None else devices, NOW, **kw
    )  # type: ignore[arg-type]


def test_a_complete_application_has_no_problem() -> None:
    form, plan = _ready(APPLY)
    assert _check([APPLY], form, plan) == ()


def test_field_problems_say_the_page_and_the_field() -> None:
    form, plan = _ready(APPLY)
    form.set("name", "张三李四王")
    form.set("remark", "")
    problems = _check([APPLY], form, plan)
    assert problems == (
        Problem(
            ProblemCode.FIELD_INVALID,
            page=0,
            field="name",
            field_error=InputError(ErrorCode.TOO_LONG, 4),
        ),
        Problem(
            ProblemCode.FIELD_INVALID,
            page=1,
            field="remark",
            field_error=InputError(ErrorCode.REQUIRED),
        ),
    )


def test_material_problems_name_the_material() -> None:
    form, plan = _ready(APPLY)
    plan.drop("photo")
    plan.choose("income", DeferredUse(date(2024, 5, 13)))
    plan.choose("proof", ScanUse((ScannedPage.of(b"x", [QualityIssue.GLARE]),)))
    assert _check([APPLY], form, plan) == (
        Problem(ProblemCode.MATERIAL_REFUSED, material="income", refusal=Refusal.NOT_DEFERRABLE),
        Problem(ProblemCode.MATERIAL_MISSING, material="photo"),
        Problem(ProblemCode.SCAN_QUALITY, blocking=False, material="proof"),
    )


def test_a_scan_only_material_without_a_camera_says_so() -> None:
    form, plan = _ready(APPLY)
    plan.drop("photo")
    devices = DEVICES | {DeviceClass.CAMERA: DeviceStatus(DeviceState.OFFLINE)}
    assert _check([APPLY], form, plan, devices=devices) == (
        Problem(ProblemCode.CAMERA_UNAVAILABLE, material="photo"),
    )


def test_identity_level_and_expiry_are_checked_against_the_clock() -> None:
    form, plan = _ready(APPLY)
    card = IdentityProof("card", NOW + timedelta(minutes=10))
    assert _check([APPLY], form, plan, identity=card) == (
        Problem(ProblemCode.IDENTITY_INSUFFICIENT),
    )
    app = IdentityProof("app", NOW)
    assert _check([APPLY], form, plan, identity=app) == (Problem(ProblemCode.VERIFICATION_EXPIRED),)
    assert _check(
        [APPLY], form, plan, identity=FACE, verification_margin=timedelta(minutes=10)
    ) == (Problem(ProblemCode.VERIFICATION_EXPIRED),)
    assert _check([APPLY], form, plan, identity=None) == (Problem(ProblemCode.IDENTITY_REQUIRED),)
    card_only = matter("MATTER0000002", identity="id_card")
    assert _check([card_only], *_ready(card_only), identity=card) == ()
    anyone = matter("MATTER0000003", identity="none")
    assert _check([anyone], *_ready(anyone), identity=None) == ()


def test_a_bundle_takes_the_strictest_identity_of_its_matters() -> None:
    card_only = matter("MATTER0000002", identity="id_card")
    form, plan = _ready(APPLY, card_only)
    card = IdentityProof("card", NOW + timedelta(minutes=10))
    assert _check([card_only, APPLY], form, plan, identity=card) == (
        Problem(ProblemCode.IDENTITY_INSUFFICIENT),
    )


def test_delivery_and_applyability_follow_the_platform() -> None:
    form, plan = _ready(APPLY)
    assert _check([APPLY], form, plan, delivery=Delivery("print_at_terminal")) == (
        Problem(ProblemCode.DELIVERY_NOT_OFFERED),
    )
    assert _check([APPLY], form, plan, delivery=Delivery("mail", " ")) == (
        Problem(ProblemCode.DELIVERY_ADDRESS_REQUIRED),
    )
    guide = matter("MATTER0000004", self_service="guide_only")
    assert _check([guide], *_ready(guide)) == (
        Problem(ProblemCode.NOT_APPLYABLE, matter="MATTER0000004"),
    )


def test_printer_is_needed_for_printed_results_and_otherwise_only_warned_about() -> None:
    no_paper = DEVICES | {
        DeviceClass.RECEIPT_PRINTER: DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT)
    }
    form, plan = _ready(APPLY)
    assert _check([APPLY], form, plan, devices=no_paper) == (
        Problem(ProblemCode.RECEIPT_PRINTER_UNAVAILABLE, blocking=False),
    )
    printed = matter(
        "MATTER0000005", type="instant", promised_days=0, result_delivery=["print_at_terminal"]
    )
    assert _check([printed], *_ready(printed), devices=no_paper) == (
        Problem(ProblemCode.PRINTER_UNAVAILABLE, matter="MATTER0000005"),
    )


def test_blocking_problems_come_before_warnings() -> None:
    form, plan = _ready(APPLY)
    plan.choose("proof", ScanUse((ScannedPage.of(b"x", [QualityIssue.BLURRED]),)))
    form.set("phone", "")
    problems = _check([APPLY], form, plan)
    assert [p.blocking for p in problems] == [True, False]
