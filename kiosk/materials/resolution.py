"""The ways one material can be satisfied, each checked against its ``MaterialSpec``.

* e-licence: a licence of the spec's ``license_type`` the person holds and that is valid on
  the day (``valid_to`` a date not before today, or ``long_term``); matched automatically;
* scan: one or more JPEG pages captured at the terminal, each addressed by the hex SHA-256 of
  its bytes (``PUT /uploads/{sha256}``), at most 10 MiB each as the platform accepts; each
  page carries the document-quality issues found when it was captured (guidance, not a bar);
* commitment: the spec's exact ``commitment_text`` confirmed; the reference carries the
  SHA-256 of its UTF-8 bytes (contract 1.1);
* deferred (容缺): only when the spec is ``deferrable``, with the deadline by which the
  material must follow. The contract carries no deadline, so it is the terminal's policy:
  :func:`deferral_deadline` counts working days (Monday–Friday) from the day of application.

A way the spec does not allow is refused with a :class:`Refusal` value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from drivers.camera.quality_issue import QualityIssue
from kiosk.catalogue.model import MaterialSpec
from kiosk.platform.models import License

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""The platform's limit for one uploaded file (putUpload answers 422 beyond it)."""


class MaterialKind(StrEnum):
    """The contract's ``MaterialRef.kind``."""

    SCAN = "scan"
    E_LICENSE = "e_license"
    COMMITMENT = "commitment"
    DEFERRED = "deferred"


class Refusal(StrEnum):
    """Why a way of satisfying a material is refused."""

    NOT_ACCEPTED = "not_accepted"
    WRONG_LICENCE = "wrong_licence"
    LICENCE_EXPIRED = "licence_expired"
    NO_PAGES = "no_pages"
    PAGE_TOO_LARGE = "page_too_large"
    NO_COMMITMENT_TEXT = "no_commitment_text"
    NOT_DEFERRABLE = "not_deferrable"


def sha256_hex(data: bytes) -> str:
    """The lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def commitment_sha256(text: str) -> str:
    """``MaterialRef.commitment_text_sha256``: SHA-256 of the text's UTF-8 bytes."""
    return sha256_hex(text.encode("utf-8"))


@dataclass(frozen=True)
class ScannedPage:
    """One captured page: its JPEG bytes, their SHA-256 and the quality issues found."""

    jpeg: bytes = field(repr=False)
    sha256: str
    issues: tuple[QualityIssue, ...] = ()

    @classmethod
    def of(cls, jpeg: bytes, issues: Iterable[QualityIssue] = ()) -> ScannedPage:
        """A page from its JPEG bytes (the hash is computed here, so it always matches)."""
        return cls(jpeg, sha256_hex(jpeg), tuple(issues))


@dataclass(frozen=True)
class ScanUse:
    """Satisfied by pages captured at the terminal (trust level C)."""

    pages: tuple[ScannedPage, ...]


@dataclass(frozen=True)
class LicenceUse:
    """Satisfied by an electronic licence (trust level A)."""

    licence: License


@dataclass(frozen=True)
class CommitmentUse:
    """Satisfied by the confirmed commitment whose text hashes to ``text_sha256``."""

    text_sha256: str


@dataclass(frozen=True)
class DeferredUse:
    """Deferred (容缺): to be supplied by ``deadline``."""

    deadline: date


Resolution = ScanUse | LicenceUse | CommitmentUse | DeferredUse
"""How one material is satisfied."""


def kind_of(resolution: Resolution) -> MaterialKind:
    """The contract kind of a resolution."""
    if isinstance(resolution, ScanUse):
        return MaterialKind.SCAN
    if isinstance(resolution, LicenceUse):
        return MaterialKind.E_LICENSE
    if isinstance(resolution, CommitmentUse):
        return MaterialKind.COMMITMENT
    return MaterialKind.DEFERRED


def licence_valid(licence: License, today: date) -> bool:
    """True when ``licence`` is valid on ``today`` (``long_term`` always is)."""
    if licence.valid_to == "long_term":
        return True
    try:
        return date.fromisoformat(licence.valid_to) >= today
    except ValueError:
        return False


def use_licence(spec: MaterialSpec, licence: License, today: date) -> LicenceUse | Refusal:
    """``licence`` for ``spec``, if the spec accepts e-licences of its type and it is valid."""
    if MaterialKind.E_LICENSE not in spec.accepts:
        return Refusal.NOT_ACCEPTED
    if licence.license_type != spec.license_type:
        return Refusal.WRONG_LICENCE
    if not licence_valid(licence, today):
        return Refusal.LICENCE_EXPIRED
    return LicenceUse(licence)


def match_licence(
    spec: MaterialSpec, licences: Iterable[License], today: date
) -> LicenceUse | None:
    """The first held licence that satisfies ``spec``, if any."""
    for licence in licences:
        use = use_licence(spec, licence, today)
        if isinstance(use, LicenceUse):
            return use
    return None


def use_scan(spec: MaterialSpec, pages: Iterable[ScannedPage]) -> ScanUse | Refusal:
    """Captured ``pages`` for ``spec``: at least one, none over the upload limit."""
    captured = tuple(pages)
    if MaterialKind.SCAN not in spec.accepts:
        return Refusal.NOT_ACCEPTED
    if not captured:
        return Refusal.NO_PAGES
    if any(len(p.jpeg) > MAX_UPLOAD_BYTES for p in captured):
        return Refusal.PAGE_TOO_LARGE
    return ScanUse(captured)


def use_commitment(spec: MaterialSpec) -> CommitmentUse | Refusal:
    """The applicant confirms ``spec``'s commitment text (shown to them word for word)."""
    if MaterialKind.COMMITMENT not in spec.accepts:
        return Refusal.NOT_ACCEPTED
    if not spec.commitment_text:
        return Refusal.NO_COMMITMENT_TEXT
    return CommitmentUse(commitment_sha256(spec.commitment_text))


def deferral_deadline(applied_on: date, working_days: int) -> date:
    """``working_days`` Monday–Friday days after ``applied_on``."""
    day, remaining = applied_on, working_days
    while remaining > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


def use_deferral(spec: MaterialSpec, deadline: date) -> DeferredUse | Refusal:
    """Defer ``spec`` until ``deadline``, when it is deferrable."""
    return DeferredUse(deadline) if spec.deferrable else Refusal.NOT_DEFERRABLE


def check_resolution(spec: MaterialSpec, resolution: Resolution, today: date) -> Refusal | None:
    """Why ``resolution`` does not (or no longer does) satisfy ``spec``, if it does not.

    A commitment must hash to the spec's current text; a licence must still be valid today.
    """
    if isinstance(resolution, ScanUse):
        checked: Resolution | Refusal = use_scan(spec, resolution.pages)
    elif isinstance(resolution, LicenceUse):
        checked = use_licence(spec, resolution.licence, today)
    elif isinstance(resolution, CommitmentUse):
        checked = use_commitment(spec)
        if checked != resolution and not isinstance(checked, Refusal):
            return Refusal.NO_COMMITMENT_TEXT
    else:
        checked = use_deferral(spec, resolution.deadline)
    return checked if isinstance(checked, Refusal) else None
