"""Everything the platform would refuse, found before the citizen confirms (预审).

The platform checks a submission's form and materials (``platform_sim``'s ``forms.py``), the
verification (valid at ``submitted_at``; contract 1.1: a ``card``-level verification is not
enough for a matter needing ``id_card_and_face``), the delivery method (offered by a matter;
``mail`` needs an address) and that every matter can be applied for at a terminal. This
module checks the same rules on the kiosk's own data, and what only the terminal knows: the
devices the application needs now. Each :class:`Problem` has a code and where to fix it
(form page and field, material, identity, delivery, device); ``blocking`` problems stop the
submission, the others are warnings (a scan with glare, no printer for the receipt).

For a bundle the strictest identity of its matters applies, and the receipt printer is needed
when any matter's result can only be printed here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from drivers.base import DeviceClass, DeviceStatus
from kiosk.catalogue.model import MaterialSpec, Matter
from kiosk.forms.form import Form
from kiosk.forms.paging import Page, page_of
from kiosk.forms.validation import InputError
from kiosk.gating import needs_printer
from kiosk.materials.plan import MaterialPlan
from kiosk.materials.resolution import MaterialKind, Refusal, ScanUse, check_resolution
from kiosk.platform.models import Delivery

APPLYABLE = frozenset({"full", "query_print"})
IDENTITY_RANK = {"none": 0, "id_card": 1, "id_card_and_face": 2}
FACE_LEVELS = frozenset({"face", "app"})
"""Verification levels enough for ``id_card_and_face`` (the provincial app is its non-face
alternative, as gating already accepts)."""


class ProblemCode(StrEnum):
    """What is wrong; the UI words each and sends the citizen where it is fixed."""

    NOT_APPLYABLE = "not_applyable"
    FIELD_INVALID = "field_invalid"
    MATERIAL_MISSING = "material_missing"
    MATERIAL_REFUSED = "material_refused"
    SCAN_QUALITY = "scan_quality"
    CAMERA_UNAVAILABLE = "camera_unavailable"
    IDENTITY_REQUIRED = "identity_required"
    IDENTITY_INSUFFICIENT = "identity_insufficient"
    VERIFICATION_EXPIRED = "verification_expired"
    DELIVERY_NOT_OFFERED = "delivery_not_offered"
    DELIVERY_ADDRESS_REQUIRED = "delivery_address_required"
    PRINTER_UNAVAILABLE = "printer_unavailable"
    RECEIPT_PRINTER_UNAVAILABLE = "receipt_printer_unavailable"


@dataclass(frozen=True)
class Problem:
    """One problem and where to fix it: a form ``page`` and ``field``, a ``material``, a
    ``matter``; ``field_error`` and ``refusal`` say more for fields and materials."""

    code: ProblemCode
    blocking: bool = True
    page: int | None = None
    field: str = ""
    material: str = ""
    matter: str = ""
    field_error: InputError | None = None
    refusal: Refusal | None = None


@dataclass(frozen=True)
class IdentityProof:
    """What the session's verification established: its contract ``level`` (``face``,
    ``card`` or ``app``; absent in a 1.0 answer means ``face``) and when it expires."""

    level: str
    expires_at: datetime


def _field_problems(form: Form, pages: Sequence[Page]) -> list[Problem]:
    return [
        Problem(ProblemCode.FIELD_INVALID, page=page_of(pages, fid), field=fid, field_error=err)
        for fid, err in form.errors().items()
    ]


def _usable(devices: Mapping[DeviceClass, DeviceStatus], device: DeviceClass) -> bool:
    status = devices.get(device)
    return status is not None and status.usable


def _missing(spec: MaterialSpec, camera: bool) -> Problem:
    only_scan = set(spec.accepts) == {MaterialKind.SCAN.value} and not spec.deferrable
    if only_scan and not camera:
        return Problem(ProblemCode.CAMERA_UNAVAILABLE, material=spec.id)
    return Problem(ProblemCode.MATERIAL_MISSING, material=spec.id)


def _material_problems(plan: MaterialPlan, now: datetime, camera: bool) -> list[Problem]:
    problems: list[Problem] = []
    for spec in plan.specs:
        use = plan.resolution(spec.id)
        if use is None:
            if spec.required:
                problems.append(_missing(spec, camera))
            continue
        refusal = check_resolution(spec, use, now.date())
        if refusal is not None:
            problems.append(
                Problem(ProblemCode.MATERIAL_REFUSED, material=spec.id, refusal=refusal)
            )
        elif isinstance(use, ScanUse) and any(p.issues for p in use.pages):
            problems.append(Problem(ProblemCode.SCAN_QUALITY, blocking=False, material=spec.id))
    return problems


def _identity_problems(
    matters: Sequence[Matter], proof: IdentityProof | None, now: datetime, margin: timedelta
) -> list[Problem]:
    needed = max((m.identity for m in matters), key=lambda i: IDENTITY_RANK[i], default="none")
    if needed == "none":
        return []
    if proof is None:
        return [Problem(ProblemCode.IDENTITY_REQUIRED)]
    problems = []
    if needed == "id_card_and_face" and proof.level not in FACE_LEVELS:
        problems.append(Problem(ProblemCode.IDENTITY_INSUFFICIENT))
    if now + margin >= proof.expires_at:
        problems.append(Problem(ProblemCode.VERIFICATION_EXPIRED))
    return problems


def _delivery_problems(matters: Sequence[Matter], delivery: Delivery | None) -> list[Problem]:
    if delivery is None:
        return []
    if not any(delivery.method in m.result_delivery for m in matters):
        return [Problem(ProblemCode.DELIVERY_NOT_OFFERED)]
    if delivery.method == "mail" and not delivery.address.strip():
        return [Problem(ProblemCode.DELIVERY_ADDRESS_REQUIRED)]
    return []


def _device_problems(
    matters: Sequence[Matter], devices: Mapping[DeviceClass, DeviceStatus]
) -> list[Problem]:
    if _usable(devices, DeviceClass.RECEIPT_PRINTER):
        return []
    printing = [m.code for m in matters if needs_printer(m)]
    if printing:
        return [Problem(ProblemCode.PRINTER_UNAVAILABLE, matter=code) for code in printing]
    return [Problem(ProblemCode.RECEIPT_PRINTER_UNAVAILABLE, blocking=False)]


def precheck(
    matters: Sequence[Matter],
    form: Form,
    pages: Sequence[Page],
    materials: MaterialPlan,
    identity: IdentityProof | None,
    devices: Mapping[DeviceClass, DeviceStatus],
    now: datetime,
    delivery: Delivery | None = None,
    verification_margin: timedelta = timedelta(0),
) -> tuple[Problem, ...]:
    """Every problem of the application, blocking ones first, each group in screen order.

    ``now`` is the confirmation time (the submission's ``submitted_at``, which is when the
    platform checks the verification); ``verification_margin`` asks for that much validity
    left, for the uploads that must precede the submission.
    """
    problems = [
        Problem(ProblemCode.NOT_APPLYABLE, matter=m.code)
        for m in matters
        if m.self_service not in APPLYABLE
    ]
    problems += _identity_problems(matters, identity, now, verification_margin)
    problems += _field_problems(form, pages)
    problems += _material_problems(materials, now, _usable(devices, DeviceClass.CAMERA))
    problems += _delivery_problems(matters, delivery)
    problems += _device_problems(matters, devices)
    return tuple(sorted(problems, key=lambda p: not p.blocking))
