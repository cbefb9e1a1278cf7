"""Applications (办件): submission for a matter or a bundle, progress, corrections.

Each matter of a submission becomes one application with an opaque number and a 6-character
query code; a bundle (一件事) shares one form and one set of materials across its matters.
Progress follows ``lifecycle`` and is brought up to date whenever an application is read.
Fees of all matters of a submission go into one payment order.
"""

from __future__ import annotations

import json
import math
import secrets
import sqlite3
import string
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import Any

from platform_api.signing import parse_timestamp
from platform_sim import forms, identity, lifecycle, payments
from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.problems import (
    FieldError,
    Problem,
    Response,
    not_found,
    validation_failed,
    verification_required,
)

QUERY_CODE_ALPHABET = string.digits + string.ascii_uppercase
APPLYABLE = ("full", "query_print")
MAX_FUTURE = timedelta(seconds=300)
VERIFY_URL_BASE = "https://zwfw.sim.invalid/verify"


def _masked(id_number: str) -> str:
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def _matters(call: Call, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The matters a submission names, or 422 naming matter_code/bundle_code."""
    catalogue = call.world.catalogue
    matter_code, bundle_code = document.get("matter_code"), document.get("bundle_code")
    if (matter_code is None) == (bundle_code is None):
        raise validation_failed(
            [FieldError("matter_code", "give exactly one of matter_code or bundle_code")]
        )
    if bundle_code is not None:
        bundle = catalogue.bundles.get(bundle_code)
        if bundle is None:
            raise validation_failed([FieldError("bundle_code", "no such bundle")])
        field_name, matters = "bundle_code", [catalogue.matters[c] for c in bundle["matters"]]
    else:
        matter = catalogue.matters.get(str(matter_code))
        if matter is None:
            raise validation_failed([FieldError("matter_code", "no such matter")])
        field_name, matters = "matter_code", [matter]
    if any(m["self_service"] not in APPLYABLE for m in matters):
        raise validation_failed([FieldError(field_name, "cannot be applied for at a terminal")])
    return matters


def _union(matters: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for matter in matters:
        items = matter["form"]["fields"] if key == "fields" else matter["materials"]
        for item in items:
            seen.setdefault(item["id"], item)
    return list(seen.values())


def _check_submission(
    call: Call, document: dict[str, Any], matters: list[dict[str, Any]], id_number: str
) -> list[str]:
    """422 listing every wrong field; returns the deferred material ids."""
    errors = forms.check_form(_union(matters, "fields"), document["form"])
    materials = forms.check_materials(
        call, _union(matters, "materials"), document["materials"], id_number
    )
    errors.extend(materials.errors)
    if document["terminal_id"] != call.terminal_id:
        errors.append(FieldError("terminal_id", "is not the signing terminal"))
    delivery = document.get("delivery", {})
    method = delivery.get("method")
    if method is not None and not any(method in m["result_delivery"] for m in matters):
        errors.append(FieldError("delivery.method", "is not offered for this matter"))
    if method == "mail" and not delivery.get("address"):
        errors.append(FieldError("delivery.address", "is required for mail"))
    if errors:
        raise validation_failed(errors)
    return materials.deferred


def _result_document(
    matter: dict[str, Any],
    application_no: str,
    query_code: str,
    name: str,
    id_number: str,
    at: datetime,
) -> dict[str, Any]:
    return {
        "title": matter["name"],
        "lines": [
            f"申请人：{name}",
            f"证件号码：{_masked(id_number)}",
            f"事项：{matter['name']}",
            f"办件编号：{application_no}",
            f"办结时间：{at.astimezone(lifecycle.CHINA):%Y-%m-%d %H:%M}",
            f"实施机构：{matter['department']}",
        ],
        "verify_url": f"{VERIFY_URL_BASE}?no={application_no}&code={query_code}",
    }


def _add_history(db: sqlite3.Connection, application_no: str, step: lifecycle.Step) -> None:
    db.execute(
        "INSERT INTO application_history (application_no, seq, at, status, note)"
        " VALUES (?, (SELECT COUNT(*) FROM application_history WHERE application_no = ?),"
        " ?, ?, ?)",
        (application_no, application_no, rfc3339(step.at), step.status, step.note),
    )


def _insert(
    call: Call,
    matter: dict[str, Any],
    document: dict[str, Any],
    deferred: list[str],
    order_no: str | None,
) -> str:
    db, now = call.db, call.now
    seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM applications").fetchone()[0]
    application_no = (
        f"ZW{now.astimezone(lifecycle.CHINA):%Y%m%d}{seq:08d}{secrets.token_hex(2).upper()}"
    )
    query_code = "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(6))
    at_once = matter["type"] == "instant" or matter["self_service"] == "query_print"
    applicant = document["applicant"]
    field_ids = {f["id"] for f in matter["form"]["fields"]}
    material_ids = {m["id"] for m in matter["materials"]}
    steps = (
        lifecycle.completed_at_once(now) if at_once else [lifecycle.Step("received", now, "已接收")]
    )
    db.execute(
        "INSERT INTO applications (application_no, seq, query_code, id_number, terminal_id,"
        " matter_code, matter_name, completes_at_once, status, status_at, accepted_at,"
        " promised_date, deferred, result_document, form, materials, order_no)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            application_no,
            seq,
            query_code,
            applicant["id_number"],
            call.terminal_id,
            matter["code"],
            matter["name"],
            int(at_once),
            steps[-1].status,
            rfc3339(now),
            rfc3339(now),
            lifecycle.promised_date(now, matter["promised_days"]).isoformat(),
            json.dumps([d for d in deferred if d in material_ids]),
            json.dumps(
                _result_document(
                    matter,
                    application_no,
                    query_code,
                    applicant["name"],
                    applicant["id_number"],
                    now,
                ),
                ensure_ascii=False,
            )
            if at_once
            else None,
            json.dumps(
                {k: v for k, v in document["form"].items() if k in field_ids}, ensure_ascii=False
            ),
            json.dumps([m for m in document["materials"] if m["material_id"] in material_ids]),
            order_no,
        ),
    )
    for step in steps:
        _add_history(db, application_no, step)
    return application_no


def _set_status(db: sqlite3.Connection, application_no: str, step: lifecycle.Step) -> None:
    db.execute(
        "UPDATE applications SET status = ?, status_at = ?,"
        " correction_note = CASE WHEN ? = 'correction_required' THEN ? ELSE correction_note END"
        " WHERE application_no = ?",
        (step.status, rfc3339(step.at), step.status, step.note, application_no),
    )
    _add_history(db, application_no, step)


def _deferred_note(row: sqlite3.Row, names: dict[str, str]) -> str | None:
    deferred = json.loads(row["deferred"])
    if not deferred:
        return None
    return "请补交容缺材料：" + "、".join(names.get(d, d) for d in deferred)


def _refresh(call: Call, row: sqlite3.Row) -> None:
    if row["completes_at_once"]:
        return
    matter = call.world.catalogue.matters.get(row["matter_code"], {"materials": []})
    names = {m["id"]: m["name"] for m in matter["materials"]}
    steps = lifecycle.due_steps(
        row["status"],
        parse_timestamp(row["status_at"]),
        call.now,
        _deferred_note(row, names),
    )
    for step in steps:
        _set_status(call.db, row["application_no"], step)


def _row(call: Call, application_no: str) -> sqlite3.Row:
    """The application brought up to date with the clock; 404 when unknown."""
    row = call.db.execute(
        "SELECT * FROM applications WHERE application_no = ?", (application_no,)
    ).fetchone()
    if row is None:
        raise not_found(f"no application {application_no}")
    _refresh(call, row)
    fresh: sqlite3.Row = call.db.execute(
        "SELECT * FROM applications WHERE application_no = ?", (application_no,)
    ).fetchone()
    return fresh


def _render(db: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    result: dict[str, Any] = {
        "application_no": row["application_no"],
        "query_code": row["query_code"],
        "matter_code": row["matter_code"],
        "matter_name": row["matter_name"],
        "status": row["status"],
        "accepted_at": row["accepted_at"],
        "promised_date": row["promised_date"],
        "history": [
            {k: h[k] for k in ("at", "status", "note") if h[k] is not None}
            for h in db.execute(
                "SELECT at, status, note FROM application_history"
                " WHERE application_no = ? ORDER BY seq",
                (row["application_no"],),
            )
        ],
    }
    if row["status"] == "correction_required" and row["correction_note"]:
        result["correction_note"] = row["correction_note"]
    deferred = json.loads(row["deferred"])
    if deferred:
        result["deferred_materials"] = deferred
    if row["result_document"]:
        result["result_document"] = json.loads(row["result_document"])
    return result


def submit_application(call: Call) -> Response:
    """submitApplication: one application per matter, 201 with the payment order if any."""
    document: dict[str, Any] = call.document
    try:
        submitted_at = parse_timestamp(document["submitted_at"])
    except ValueError:
        raise validation_failed([FieldError("submitted_at", "is not a date-time")]) from None
    if submitted_at > call.now + MAX_FUTURE:
        raise validation_failed([FieldError("submitted_at", "is in the future")])
    verified = identity.require(
        call.db, call.terminal_id, document["verification_id"], submitted_at
    )
    applicant = document["applicant"]
    if applicant["id_number"] != verified.id_number or applicant["name"] != verified.name:
        raise verification_required("the applicant is not the verified person")
    matters = _matters(call, document)
    identity.require_level(verified, matters)
    deferred = _check_submission(call, document, matters, verified.id_number)
    fees = [
        {
            "name": fee["name"] if len(matters) == 1 else f"{matter['name']}：{fee['name']}",
            "amount_cents": fee["amount_cents"],
        }
        for matter in matters
        for fee in matter["fees"]
        if fee["amount_cents"] > 0
    ]
    order_no = payments.create_order(call.db, call.now, fees) if fees else None
    numbers = [_insert(call, matter, document, deferred, order_no) for matter in matters]
    result: dict[str, Any] = {"applications": [_render(call.db, _row(call, no)) for no in numbers]}
    if order_no is not None:
        result["payment"] = payments.payment(call.db, order_no, call.now)
    return Response.json(201, result)


def get_application(call: Call) -> Response:
    """getApplication: progress, for whoever holds the number and the query code."""
    application_no = call.path_params["application_no"]
    row = _row(call, application_no)
    if not secrets.compare_digest(row["query_code"], call.query["query_code"]):
        raise not_found(f"no application {application_no}")
    return Response.json(200, _render(call.db, row))


def list_applications(call: Call) -> Response:
    """listApplications: the verified person's applications, newest first."""
    verified = identity.require_header(call)
    numbers = [
        r["application_no"]
        for r in call.db.execute(
            "SELECT application_no FROM applications WHERE id_number = ? ORDER BY seq DESC",
            (verified.id_number,),
        )
    ]
    return Response.json(
        200, {"applications": [_render(call.db, _row(call, no)) for no in numbers]}
    )


def submit_correction(call: Call) -> Response:
    """submitCorrection: supply deferred or requested materials (and form changes)."""
    application_no = call.path_params["application_no"]
    verified = identity.require_body(call)
    row = _row(call, application_no)
    if row["id_number"] != verified.id_number:
        raise verification_required("the application belongs to another person")
    deferred: list[str] = json.loads(row["deferred"])
    if row["status"] != "correction_required" and not deferred:
        raise Problem(
            HTTPStatus.CONFLICT, "not_correctable", "the application awaits no correction"
        )
    matter = call.world.catalogue.matters[row["matter_code"]]
    identity.require_level(verified, [matter])
    form: dict[str, Any] = call.document.get("form", {})
    errors = forms.check_form(matter["form"]["fields"], form, partial=True)
    refs: list[dict[str, Any]] = call.document["materials"]
    check = forms.check_materials(
        call, matter["materials"], refs, verified.id_number, require_all=False
    )
    errors.extend(check.errors)
    errors.extend(
        FieldError(f"materials.{d}", "must be supplied now, not deferred") for d in check.deferred
    )
    supplied = {r["material_id"] for r in refs}
    errors.extend(
        FieldError(f"materials.{d}", "is required") for d in deferred if d not in supplied
    )
    if errors:
        raise validation_failed(errors)
    call.db.execute(
        "UPDATE applications SET deferred = '[]', form = ?, materials = ? WHERE application_no = ?",
        (
            json.dumps({**json.loads(row["form"]), **form}, ensure_ascii=False),
            json.dumps([*json.loads(row["materials"]), *refs]),
            application_no,
        ),
    )
    if row["status"] == "correction_required":
        _set_status(
            call.db, application_no, lifecycle.Step("in_review", call.now, "已补齐补正材料")
        )
    else:
        _add_history(
            call.db, application_no, lifecycle.Step(row["status"], call.now, "已补齐容缺材料")
        )
    return Response.json(200, _render(call.db, _row(call, application_no)))


def request_correction(call: Call, application_no: str, note: str) -> dict[str, Any]:
    """Send an application under way back for correction (a dev-dock and test hook)."""
    row = _row(call, application_no)
    if row["status"] not in ("received", "accepted", "in_review"):
        raise Problem(HTTPStatus.CONFLICT, "not_correctable", f"status is {row['status']}")
    _set_status(call.db, application_no, lifecycle.Step("correction_required", call.now, note))
    return _render(call.db, _row(call, application_no))



def _under_way(call: Call) -> list[sqlite3.Row]:
    """Every application waiting for its next step, brought up to date first."""
    numbers = [
        r["application_no"]
        for r in call.db.execute(
            "SELECT application_no FROM applications WHERE completes_at_once = 0"
        )
    ]
    rows = [_row(call, no) for no in numbers]
    return [r for r in rows if r["status"] in lifecycle.NEXT]


def _shift(db: sqlite3.Connection, row: sqlite3.Row, by: timedelta) -> None:
    """Move an application's acceptance, status and history times ``by`` into the past."""
    def back(stamp: str) -> str:
        return rfc3339(parse_timestamp(stamp) - by)

    db.execute(
        "UPDATE applications SET accepted_at = ?, status_at = ? WHERE application_no = ?",
        (back(row["accepted_at"]), back(row["status_at"]), row["application_no"]),
    )
    for entry in db.execute(
        "SELECT seq, at FROM application_history WHERE application_no = ?",
        (row["application_no"],),
    ).fetchall():
        db.execute(
            "UPDATE application_history SET at = ? WHERE application_no = ? AND seq = ?",
            (back(entry["at"]), row["application_no"], entry["seq"]),
        )


def advance(call: Call) -> int:
    """推进办件状态: every application under way takes its next step now; how many did.

    The platform's clock itself stays: the terminal's signed timestamps and its verifications
    follow it. Each application moves back in time instead, by what its next step still
    needed (acceptance, status and history alike, so its history stays in order), and is
    brought up to date.
    """
    rows = _under_way(call)
    for row in rows:
        at = lifecycle.next_step_at(row["status"], parse_timestamp(row["status_at"]))
        if at is None:
            continue
        # Whole seconds, rounded up: the stored times have no fractions.
        wait = math.ceil(max(0.0, (at - call.now).total_seconds()))
        _shift(call.db, row, timedelta(seconds=wait))
        _row(call, row["application_no"])
    return len(rows)
