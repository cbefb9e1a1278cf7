"""Service evaluations (好差评): one per application, or any number for visits without one."""

from __future__ import annotations

import json
from http import HTTPStatus

from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.problems import FieldError, Problem, Response, validation_failed


def submit_evaluation(call: Call) -> Response:
    """submitEvaluation: 201 recorded; 409 ``already_evaluated`` for a second rating."""
    document = call.document
    errors: list[FieldError] = []
    application_no = document.get("application_no")
    if application_no is not None:
        known = call.db.execute(
            "SELECT 1 FROM applications WHERE application_no = ?", (application_no,)
        ).fetchone()
        if known is None:
            errors.append(FieldError("application_no", "no such application"))
    matter_code = document.get("matter_code")
    if matter_code is not None and matter_code not in call.world.catalogue.matters:
        errors.append(FieldError("matter_code", "no such matter"))
    if document.get("terminal_id", call.terminal_id) != call.terminal_id:
        errors.append(FieldError("terminal_id", "is not the signing terminal"))
    if errors:
        raise validation_failed(errors)
    if application_no is not None:
        rated = call.db.execute(
            "SELECT 1 FROM evaluations WHERE application_no = ?", (application_no,)
        ).fetchone()
        if rated is not None:
            raise Problem(
                HTTPStatus.CONFLICT, "already_evaluated", "this application was already rated"
            )
    call.db.execute(
        "INSERT INTO evaluations (terminal_id, application_no, rating, body, received_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            call.terminal_id,
            application_no,
            document["rating"],
            json.dumps(document, ensure_ascii=False),
            rfc3339(call.now),
        ),
    )
    return Response.empty(201)
