"""What the flow needs to know of the matter or bundle a citizen chose.

A :class:`MatterBrief` is built from the catalogue model's ``Matter`` or ``Bundle``, and
keeps only what the flow and gating read. For a bundle
(一件事) the strongest identity requirement of its matters applies, and its result
deliveries are the union of theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.appointments.matters import appointable
from kiosk.catalogue.model import Bundle, Catalogue, Matter


class IdentityRequirement(StrEnum):
    """Matter.identity: what the terminal must establish before the matter can start."""

    NONE = "none"
    ID_CARD = "id_card"
    ID_CARD_AND_FACE = "id_card_and_face"


_STRENGTH = {
    IdentityRequirement.NONE: 0,
    IdentityRequirement.ID_CARD: 1,
    IdentityRequirement.ID_CARD_AND_FACE: 2,
}


class SelfService(StrEnum):
    """Matter.self_service: how far the terminal can carry the matter."""

    FULL = "full"
    QUERY_PRINT = "query_print"
    GUIDE_ONLY = "guide_only"


class SubjectKind(StrEnum):
    """Whether the citizen chose a single matter or a bundle (一件事)."""

    MATTER = "matter"
    BUNDLE = "bundle"


@dataclass(frozen=True)
class BriefStep:
    """One step of the procedure; in a bundle, ``matter`` names the matter it belongs to (the
    UI words the pair)."""

    text: str
    matter: str = ""


@dataclass(frozen=True)
class MatterBrief:
    """The chosen matter or bundle: identity needed, deliveries, self-service level, steps."""

    code: str
    name: str
    kind: SubjectKind
    identity: IdentityRequirement
    result_delivery: frozenset[str]
    self_service: SelfService
    steps: tuple[BriefStep, ...] = ()
    appointable: bool = False
    """The staffed window takes an appointment for it (``guide_only`` or ``appointment``)."""

    @classmethod
    def from_matter(cls, matter: Matter) -> MatterBrief:
        """Build from a catalogue matter."""
        return cls(
            code=matter.code,
            name=matter.name,
            kind=SubjectKind.MATTER,
            identity=IdentityRequirement(matter.identity),
            result_delivery=frozenset(matter.result_delivery),
            self_service=SelfService(matter.self_service),
            steps=tuple(BriefStep(step) for step in matter.steps),
            appointable=appointable(matter),
        )

    @classmethod
    def from_bundle(cls, bundle: Bundle, catalogue: Catalogue) -> MatterBrief:
        """Build from a catalogue bundle and the matters of ``catalogue`` it names.

        The bundle can be done at the terminal only as far as its least self-service matter;
        a bundle naming no known matter is guide-only.
        """
        found = (catalogue.matter(code) for code in bundle.matters)
        briefs = [cls.from_matter(m) for m in found if m is not None]
        identity = max(
            (b.identity for b in briefs),
            key=_STRENGTH.__getitem__,
            default=IdentityRequirement.ID_CARD,
        )
        levels = {b.self_service for b in briefs}
        level = (
            SelfService.GUIDE_ONLY
            if not levels or SelfService.GUIDE_ONLY in levels
            else SelfService.QUERY_PRINT
            if SelfService.QUERY_PRINT in levels
            else SelfService.FULL
        )
        return cls(
            code=bundle.code,
            name=bundle.name,
            kind=SubjectKind.BUNDLE,
            identity=identity,
            result_delivery=frozenset(d for b in briefs for d in b.result_delivery),
            self_service=level,
            steps=tuple(BriefStep(s.text, b.name) for b in briefs for s in b.steps),
        )


def brief_for(catalogue: Catalogue, code: str, kind: SubjectKind) -> MatterBrief | None:
    """The brief of the matter or bundle ``code`` (what the app answers ``LoadGuide`` with)."""
    if kind is SubjectKind.BUNDLE:
        bundle = catalogue.bundle(code)
        return None if bundle is None else MatterBrief.from_bundle(bundle, catalogue)
    matter = catalogue.matter(code)
    return None if matter is None else MatterBrief.from_matter(matter)
