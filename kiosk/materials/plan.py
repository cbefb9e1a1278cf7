"""The materials of one application and how each is satisfied so far.

For a bundle (一件事) the materials of its matters are merged by material id, as the platform
merges them (first definition wins), except that a material is required when any matter
requires it. :meth:`MaterialPlan.auto_match` satisfies every material it can with a held,
valid e-licence; the citizen chooses the rest (scan, commitment, deferral). The plan then
gives the contract's ``materials`` references — one reference per scanned page, each naming
its upload — and the uploads to ``PUT /uploads/{sha256}`` first, each file once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from kiosk.catalogue.model import MaterialSpec, Matter
from kiosk.materials.resolution import (
    CommitmentUse,
    DeferredUse,
    LicenceUse,
    MaterialKind,
    Resolution,
    ScanUse,
    kind_of,
    match_licence,
)
from kiosk.platform.models import License, MaterialRef

JPEG = "image/jpeg"


def merged_materials(matters: Iterable[Matter]) -> tuple[MaterialSpec, ...]:
    """The materials of ``matters`` by id, in order of first appearance."""
    by_id: dict[str, MaterialSpec] = {}
    for matter in matters:
        for spec in matter.materials:
            first = by_id.get(spec.id)
            by_id[spec.id] = (
                spec if first is None else replace(first, required=first.required or spec.required)
            )
    return tuple(by_id.values())


@dataclass(frozen=True)
class MaterialFile:
    """One file to ``PUT /uploads/{sha256}`` before the submission."""

    sha256: str
    content_type: str
    data: bytes = field(repr=False)


class MaterialPlan:
    """How each material of an application is satisfied; holds scans until :meth:`clear`."""

    def __init__(self, specs: Sequence[MaterialSpec]) -> None:
        self._specs = tuple(specs)
        self._chosen: dict[str, Resolution] = {}

    @property
    def specs(self) -> tuple[MaterialSpec, ...]:
        """The materials, in order."""
        return self._specs

    def spec(self, material_id: str) -> MaterialSpec | None:
        """The material ``material_id``, if the application has it."""
        return next((s for s in self._specs if s.id == material_id), None)

    def auto_match(self, licences: Sequence[License], today: date) -> tuple[str, ...]:
        """Satisfy every unresolved material a held, valid e-licence can; the ids matched."""
        matched: list[str] = []
        for spec in self._specs:
            if spec.id in self._chosen:
                continue
            use = match_licence(spec, licences, today)
            if use is not None:
                self._chosen[spec.id] = use
                matched.append(spec.id)
        return tuple(matched)

    def choose(self, material_id: str, resolution: Resolution) -> None:
        """Record how ``material_id`` is satisfied (built with ``kiosk.materials.resolution``'s
        ``use_*`` functions, which check it against the spec). KeyError for an unknown id."""
        if self.spec(material_id) is None:
            raise KeyError(f"no material {material_id} in this application")
        self._chosen[material_id] = resolution

    def drop(self, material_id: str) -> None:
        """Forget how ``material_id`` was satisfied (to choose again)."""
        self._chosen.pop(material_id, None)

    def resolution(self, material_id: str) -> Resolution | None:
        """How ``material_id`` is satisfied so far, if it is."""
        return self._chosen.get(material_id)

    def unresolved(self, required_only: bool = True) -> tuple[MaterialSpec, ...]:
        """Materials not satisfied yet (only the required ones, by default)."""
        return tuple(
            s for s in self._specs if s.id not in self._chosen and (s.required or not required_only)
        )

    def deferred(self) -> tuple[tuple[MaterialSpec, date], ...]:
        """Deferred materials with their deadlines, in order."""
        return tuple(
            (s, use.deadline)
            for s in self._specs
            if isinstance(use := self._chosen.get(s.id), DeferredUse)
        )

    def refs(self) -> tuple[MaterialRef, ...]:
        """The contract's ``materials`` references, in material order."""
        refs: list[MaterialRef] = []
        for spec in self._specs:
            use = self._chosen.get(spec.id)
            if use is None:
                continue
            kind = kind_of(use).value
            if isinstance(use, ScanUse):
                refs.extend(MaterialRef(spec.id, kind, sha256=p.sha256) for p in use.pages)
            elif isinstance(use, LicenceUse):
                refs.append(MaterialRef(spec.id, kind, license_number=use.licence.number))
            elif isinstance(use, CommitmentUse):
                refs.append(MaterialRef(spec.id, kind, commitment_text_sha256=use.text_sha256))
            else:
                refs.append(MaterialRef(spec.id, MaterialKind.DEFERRED.value))
        return tuple(refs)

    def uploads(self) -> tuple[MaterialFile, ...]:
        """Every scanned page to upload, each distinct file once, in material order."""
        seen: dict[str, MaterialFile] = {}
        for spec in self._specs:
            use = self._chosen.get(spec.id)
            if isinstance(use, ScanUse):
                for page in use.pages:
                    seen.setdefault(page.sha256, MaterialFile(page.sha256, JPEG, page.jpeg))
        return tuple(seen.values())

    def clear(self) -> None:
        """Forget every choice and scan (end of session)."""
        self._chosen.clear()
