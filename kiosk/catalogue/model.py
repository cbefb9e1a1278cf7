"""The service catalogue (事项目录) as typed, immutable values.

Built from the platform's ``Catalogue`` JSON (``platform-api.yaml``) after it has been validated
against the contract, so the constructors index required keys directly and default the
optional ones. The kiosk never invents rules: everything here comes from the platform.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Fee:
    """One fee of a matter, in cents (分)."""

    name: str
    amount_cents: int
    basis: str = ""


@dataclass(frozen=True)
class MaterialSpec:
    """A material the matter asks for and the ways it may be satisfied."""

    id: str
    name: str
    required: bool
    accepts: tuple[str, ...]
    copies: int = 1
    license_type: str = ""
    deferrable: bool = False
    note: str = ""
    commitment_text: str = ""


@dataclass(frozen=True)
class FieldOption:
    """One choice of a ``select`` form field."""

    value: str
    label: str


@dataclass(frozen=True)
class FormField:
    """One field of a matter's form."""

    id: str
    label: str
    type: str
    required: bool
    max_length: int | None = None
    pattern: str = ""
    options: tuple[FieldOption, ...] = ()
    prefill: str = ""
    help: str = ""


@dataclass(frozen=True)
class Matter:
    """One service item with its guide (办事指南)."""

    code: str
    name: str
    department: str
    audience: str
    type: str
    promised_days: int
    legal_basis: tuple[str, ...]
    conditions: tuple[str, ...]
    steps: tuple[str, ...]
    fees: tuple[Fee, ...]
    materials: tuple[MaterialSpec, ...]
    form: tuple[FormField, ...]
    identity: str
    result_delivery: tuple[str, ...]
    self_service: str
    short_name: str = ""
    pinyin: str = ""
    keywords: tuple[str, ...] = ()
    theme: str = ""
    statutory_days: int | None = None
    appointment: bool = False
    hours: str = ""
    place: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Bundle:
    """A "one thing" (一件事): several matters under one form and one submission."""

    code: str
    name: str
    matters: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The whole catalogue as one version; matters and bundles keep the platform's order."""

    version: str
    matters: tuple[Matter, ...]
    bundles: tuple[Bundle, ...]

    def matter(self, code: str) -> Matter | None:
        """The matter with implementation code ``code``, if the catalogue has it."""
        return next((m for m in self.matters if m.code == code), None)

    def bundle(self, code: str) -> Bundle | None:
        """The bundle with ``code``, if the catalogue has it."""
        return next((b for b in self.bundles if b.code == code), None)


def _field(raw: Mapping[str, Any]) -> FormField:
    return FormField(
        id=raw["id"],
        label=raw["label"],
        type=raw["type"],
        required=raw["required"],
        max_length=raw.get("max_length"),
        pattern=raw.get("pattern", ""),
        options=tuple(FieldOption(o["value"], o["label"]) for o in raw.get("options", [])),
        prefill=raw.get("prefill", ""),
        help=raw.get("help", ""),
    )


def _material(raw: Mapping[str, Any]) -> MaterialSpec:
    return MaterialSpec(
        id=raw["id"],
        name=raw["name"],
        required=raw["required"],
        accepts=tuple(raw["accepts"]),
        copies=raw.get("copies", 1),
        license_type=raw.get("license_type", ""),
        deferrable=raw.get("deferrable", False),
        note=raw.get("note", ""),
        commitment_text=raw.get("commitment_text", ""),
    )


def matter_from_json(raw: Mapping[str, Any]) -> Matter:
    """A :class:`Matter` from a contract-valid ``Matter`` object."""
    return Matter(
        code=raw["code"],
        name=raw["name"],
        department=raw["department"],
        audience=raw["audience"],
        type=raw["type"],
        promised_days=raw["promised_days"],
        legal_basis=tuple(raw["legal_basis"]),
        conditions=tuple(raw["conditions"]),
        steps=tuple(raw["steps"]),
        fees=tuple(Fee(f["name"], f["amount_cents"], f.get("basis", "")) for f in raw["fees"]),
        materials=tuple(_material(m) for m in raw["materials"]),
        form=tuple(_field(f) for f in raw["form"]["fields"]),
        identity=raw["identity"],
        result_delivery=tuple(raw["result_delivery"]),
        self_service=raw["self_service"],
        short_name=raw.get("short_name", ""),
        pinyin=raw.get("pinyin", ""),
        keywords=tuple(raw.get("keywords", [])),
        theme=raw.get("theme", ""),
        statutory_days=raw.get("statutory_days"),
        appointment=raw.get("appointment", False),
        hours=raw.get("hours", ""),
        place=raw.get("place", ""),
        phone=raw.get("phone", ""),
    )


def catalogue_from_json(raw: Mapping[str, Any]) -> Catalogue:
    """A :class:`Catalogue` from a contract-valid ``Catalogue`` object."""
    return Catalogue(
        version=raw["version"],
        matters=tuple(matter_from_json(m) for m in raw["matters"]),
        bundles=tuple(
            Bundle(b["code"], b["name"], tuple(b["matters"]), b.get("description", ""))
            for b in raw["bundles"]
        ),
    )
