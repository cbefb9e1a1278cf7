"""A matter's or bundle's guide (办事指南) as titled sections of lines, every contract field.

The words are :mod:`ui.guide_text`'s; this module chooses which fields go in which section.
"""

from __future__ import annotations

from kiosk.catalogue.model import Bundle, Catalogue, Matter
from ui import guide_text
from ui.guide_text import GuideSection

GUIDE_URL = "https://zwfw.example.gov.cn/guide/{code}"
"""Where a citizen's phone opens the guide (the platform's public guide page)."""

HOTLINE = "12345"
"""The government service hotline, for a matter whose guide names no phone."""

Section = dict[str, object]


def type_line(matter: Matter) -> str:
    """办件类型 and time limit: 即办件 / 承诺件 · N 个工作日."""
    return guide_text.time_limit(matter.type, matter.promised_days, matter.statutory_days)


def matter_sections(matter: Matter, member: str = "") -> list[Section]:
    """Every guide field of ``matter`` as sections; in a bundle's guide, ``member`` is the
    matter's (short) name, which every section title then carries."""

    def section(title: GuideSection, lines: list[str]) -> Section:
        return {
            "title": guide_text.section_title(title, member),
            "lines": lines or [guide_text.nothing()],
        }

    materials = [
        guide_text.material(
            m.name,
            required=m.required,
            copies=m.copies,
            deferrable=m.deferrable,
            accepts=m.accepts,
            license_type=m.license_type,
            note=m.note,
        )
        for m in matter.materials
    ]
    fields = [
        guide_text.form_field(f.label, required=f.required, help_text=f.help) for f in matter.form
    ]
    fees = [
        guide_text.fee(f.name, f.amount_cents, f.basis) for f in matter.fees
    ] or [guide_text.no_fees()]
    return [
        section(GuideSection.TIME_LIMIT, [type_line(matter)]),
        section(
            GuideSection.HOW,
            [
                guide_text.self_service(matter.self_service),
                guide_text.identity_check(matter.identity),
                guide_text.appointment(matter.appointment),
            ],
        ),
        section(GuideSection.CONDITIONS, [f"{i}. {c}" for i, c in enumerate(matter.conditions, 1)]),
        section(GuideSection.STEPS, [f"{i}. {s}" for i, s in enumerate(matter.steps, 1)]),
        section(GuideSection.MATERIALS, materials),
        section(GuideSection.FORM, fields),
        section(GuideSection.FEES, fees),
        section(GuideSection.DELIVERY, [guide_text.delivery(matter.result_delivery)]),
        section(GuideSection.LEGAL_BASIS, list(matter.legal_basis)),
        section(
            GuideSection.PLACE_AND_HOURS,
            guide_text.place_and_hours(
                matter.place, matter.hours, matter.phone or HOTLINE, matter.department
            ),
        ),
    ]


def bundle_sections(bundle: Bundle, catalogue: Catalogue) -> list[Section]:
    """A bundle's description, its matters, then every member matter's full guide."""
    members = [m for code in bundle.matters if (m := catalogue.matter(code)) is not None]
    sections: list[Section] = [
        {
            "title": guide_text.section_title(GuideSection.BUNDLE),
            "lines": [guide_text.bundle_description(bundle.description)],
        },
        {
            "title": guide_text.section_title(GuideSection.BUNDLE_MATTERS),
            "lines": [
                guide_text.bundle_member(i, m.name, m.department, type_line(m))
                for i, m in enumerate(members, 1)
            ],
        },
    ]
    for matter in members:
        sections.extend(matter_sections(matter, member=matter.short_name or matter.name))
    return sections
