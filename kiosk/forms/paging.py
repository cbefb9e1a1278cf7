"""Splitting a form into pages that fit the portrait screen with the keyboard open.

Heights are in **layout units: logical pixels of the 1080×1920 portrait reference layout**
(the UI's ``Theme`` sizes). Every field type has a height (label, input, error line); a
``help`` text adds a line; a select shows its options as chips two to a row while it has at
most :data:`CHIP_OPTIONS_MAX` of them, and a one-line picker beyond that.
:data:`PORTRAIT_BUDGET` is what is left for fields on 1920 with the on-screen keyboard open:
1920 − status bar 96 − step header 160 − navigation bar 176 − keyboard 720 = 768. A page never
holds more than its budget; fields keep their order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.forms.fields import FieldSpec, FieldType

SCREEN_HEIGHT = 1920
STATUS_BAR = 96
STEP_HEADER = 160
NAVIGATION_BAR = 176
KEYBOARD = 720
PORTRAIT_BUDGET = SCREEN_HEIGHT - STATUS_BAR - STEP_HEADER - NAVIGATION_BAR - KEYBOARD
"""Layout units for fields on one portrait page with the keyboard open (768)."""

LINE_INPUT = 176
HEIGHT: Mapping[FieldType, int] = {
    FieldType.TEXT: LINE_INPUT,
    FieldType.ID_NUMBER: LINE_INPUT,
    FieldType.PHONE: LINE_INPUT,
    FieldType.DATE: LINE_INPUT,
    FieldType.NUMBER: LINE_INPUT,
    FieldType.EMAIL: LINE_INPUT,
    FieldType.TEXTAREA: 336,
    FieldType.CHECKBOX: 112,
    FieldType.ADDRESS: 296,
}
"""Height of each field type but select (label 48 + input 96 + error line 32 for one line)."""

HELP_LINE = 40
SELECT_LABEL = 80
CHIP_ROW = 88
CHIPS_PER_ROW = 2
CHIP_OPTIONS_MAX = 6


def field_height(spec: FieldSpec) -> int:
    """The layout units ``spec`` takes on a page."""
    if spec.type is FieldType.SELECT:
        options = len(spec.options)
        body = (
            SELECT_LABEL + CHIP_ROW * math.ceil(options / CHIPS_PER_ROW)
            if options <= CHIP_OPTIONS_MAX
            else LINE_INPUT
        )
    else:
        body = HEIGHT[spec.type]
    return body + (HELP_LINE if spec.help else 0)


@dataclass(frozen=True)
class Page:
    """The fields of one form page and the layout units they take."""

    fields: tuple[FieldSpec, ...]
    height: int


def paginate(fields: Iterable[FieldSpec], budget: int = PORTRAIT_BUDGET) -> tuple[Page, ...]:
    """``fields`` in order on as few pages as filling each page up to ``budget`` gives.

    Raises ValueError when a single field is taller than ``budget``: the layout cannot show
    it, which is a configuration error, not something a citizen can cause.
    """
    pages: list[Page] = []
    current: list[FieldSpec] = []
    used = 0
    for spec in fields:
        height = field_height(spec)
        if height > budget:
            raise ValueError(f"field {spec.id} needs {height} layout units, budget is {budget}")
        if current and used + height > budget:
            pages.append(Page(tuple(current), used))
            current, used = [], 0
        current.append(spec)
        used += height
    if current:
        pages.append(Page(tuple(current), used))
    return tuple(pages)


def page_of(pages: Iterable[Page], field_id: str) -> int | None:
    """The 0-based index of the page holding ``field_id``, if any page does."""
    return next(
        (i for i, page in enumerate(pages) if any(f.id == field_id for f in page.fields)), None
    )
