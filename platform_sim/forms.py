"""The matter-specific rules of an application: its form fields and its materials.

Form: every required field present and non-empty; each value of the field's type (text,
textarea, address: string; id_number: 18 characters with a valid GB 11643 check digit;
phone: mainland mobile; date: ISO date; number; checkbox: boolean; email; select: one of
the options), within ``max_length`` and matching ``pattern``; no field the matter lacks.
Errors are named ``form.<field id>``.

Materials: each reference names one of the matter's materials, in a way the material
accepts: ``scan`` with the sha256 of a file this person uploaded, ``e_license`` with the
number of a licence of the material's ``license_type`` this person holds, ``commitment``
with the sha256 of the confirmed text (the material's ``commitment_text`` when it has one),
``deferred`` when the material is deferrable (容缺). Every required material must be
referenced. Errors are named ``materials.<material id>``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from platform_sim import licences, uploads
from platform_sim.call import Call
from platform_sim.problems import FieldError

PHONE = re.compile(r"^1[3-9][0-9]{9}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ID_NUMBER = re.compile(r"^[0-9]{17}[0-9X]$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_number_valid(text: str) -> bool:
    """True for an 18-character resident ID number whose check digit is right (GB 11643)."""
    if not ID_NUMBER.match(text):
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == text[17]


def _date_valid(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _type_error(spec: Mapping[str, Any], value: Any) -> str | None:
    kind = spec["type"]
    if kind == "checkbox":
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return "must be a number"
        try:
            float(value)
        except ValueError:
            return "must be a number"
        return None
    if not isinstance(value, str):
        return "must be a string"
    checks: dict[str, tuple[bool, str]] = {
        "id_number": (id_number_valid(value), "is not a valid ID number"),
        "phone": (bool(PHONE.match(value)), "is not a mobile number"),
        "date": (_date_valid(value), "is not a date (YYYY-MM-DD)"),
        "email": (bool(EMAIL.match(value)), "is not an e-mail address"),
        "select": (
            value in {o["value"] for o in spec.get("options", [])},
            "is not one of the options",
        ),
    }
    ok, message = checks.get(kind, (True, ""))
    return None if ok else message


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_form(
    fields: Iterable[Mapping[str, Any]], form: Mapping[str, Any], *, partial: bool = False
) -> list[FieldError]:
    """Errors of ``form`` against ``fields``; ``partial`` checks only the fields given."""
    specs = {f["id"]: f for f in fields}
    errors = [
        FieldError(f"form.{name}", "is not a field of this matter")
        for name in form
        if name not in specs
    ]
    for field_id, spec in specs.items():
        value = form.get(field_id)
        if _empty(value):
            if spec["required"] and not (partial and field_id not in form):
                errors.append(FieldError(f"form.{field_id}", "is required"))
            continue
        message = _type_error(spec, value)
        text = value if isinstance(value, str) else None
        if message is None and text is not None:
            if "max_length" in spec and len(text) > spec["max_length"]:
                message = f"is longer than {spec['max_length']} characters"
            elif "pattern" in spec and not re.search(spec["pattern"], text):
                message = "does not match the required format"
        if message is not None:
            errors.append(FieldError(f"form.{field_id}", message))
    return errors


@dataclass
class MaterialCheck:
    """Outcome of checking material references: errors and the ids deferred (容缺)."""

    errors: list[FieldError] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)


def _reference_error(
    call: Call, spec: Mapping[str, Any], ref: Mapping[str, Any], id_number: str
) -> str | None:
    kind = ref["kind"]
    if kind == "deferred":
        return None if spec.get("deferrable", False) else "may not be deferred"
    if kind not in spec["accepts"]:
        return f"does not accept {kind}"
    if kind == "scan":
        digest = ref.get("sha256")
        if digest is None or not uploads.is_stored(call.db, digest, id_number):
            return "scan not uploaded"
        return None
    if kind == "e_license":
        wanted = spec.get("license_type")
        held = any(
            lic["number"] == ref.get("license_number")
            and (wanted is None or lic["license_type"] == wanted)
            for lic in licences.held_by(call, id_number)
        )
        return None if held else "the applicant holds no such licence"
    text_hash = ref.get("commitment_text_sha256", "")
    if not SHA256.match(text_hash):
        return "commitment_text_sha256 missing or malformed"
    text = spec.get("commitment_text")
    if text is not None and text_hash != hashlib.sha256(text.encode("utf-8")).hexdigest():
        return "commitment_text_sha256 is not the hash of the material's commitment text"
    return None


def check_materials(
    call: Call,
    specs: Iterable[Mapping[str, Any]],
    refs: Iterable[Mapping[str, Any]],
    id_number: str,
    *,
    require_all: bool = True,
) -> MaterialCheck:
    """Check ``refs`` against the material ``specs`` for the applicant ``id_number``."""
    by_id = {s["id"]: s for s in specs}
    result = MaterialCheck()
    supplied: set[str] = set()
    for ref in refs:
        material_id = ref["material_id"]
        spec = by_id.get(material_id)
        message = (
            "is not a material of this matter"
            if spec is None
            else _reference_error(call, spec, ref, id_number)
        )
        if message is not None:
            result.errors.append(FieldError(f"materials.{material_id}", message))
            continue
        supplied.add(material_id)
        if ref["kind"] == "deferred":
            result.deferred.append(material_id)
    if require_all:
        result.errors.extend(
            FieldError(f"materials.{material_id}", "is required")
            for material_id, spec in by_id.items()
            if spec["required"] and material_id not in supplied
        )
    return result
