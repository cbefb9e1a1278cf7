"""Catalogue matters built for the apply tests (form, materials, pre-check, receipts)."""

from __future__ import annotations

from typing import Any

from drivers.id_card.idnumber import check_digit
from kiosk.catalogue.model import Matter, matter_from_json

ID_NUMBER = "33010619850312001" + check_digit("33010619850312001")
COMMITMENT = "本人承诺所填信息真实有效，如有虚假愿承担相应法律责任。"


def field(fid: str, ftype: str = "text", required: bool = True, **extra: Any) -> dict[str, Any]:
    """A contract ``FormField``."""
    return {"id": fid, "label": fid, "type": ftype, "required": required, **extra}


def material(mid: str, accepts: list[str], required: bool = True, **extra: Any) -> dict[str, Any]:
    """A contract ``MaterialSpec``."""
    return {"id": mid, "name": f"材料{mid}", "required": required, "accepts": accepts, **extra}


def matter(
    code: str = "MATTER0000001",
    fields: list[dict[str, Any]] | None = None,
    materials: list[dict[str, Any]] | None = None,
    **overrides: Any,
) -> Matter:
    """A contract ``Matter`` with a form and materials; promised in 5 days unless overridden."""
    raw: dict[str, Any] = {
        "code": code,
        "name": "居住证签注",
        "department": "杭州市公安局萧山区分局",
        "audience": "personal",
        "type": "promised",
        "promised_days": 5,
        "legal_basis": [],
        "conditions": [],
        "steps": [],
        "fees": [],
        "materials": materials or [],
        "form": {"fields": fields or []},
        "identity": "id_card_and_face",
        "result_delivery": ["electronic", "mail", "window_pickup"],
        "self_service": "full",
    } | overrides
    return matter_from_json(raw)
