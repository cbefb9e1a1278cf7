"""Administrative divisions (行政区划) for the address field's region chooser.

The table (``divisions.json``, GB/T 2260 codes) covers the terminals' region: the province,
its city and the city's districts and counties. An address is a chosen division plus a
free-text detail; its text is the division's full name (province + city + district) followed
by the detail, which is what the contract's ``form`` carries for an ``address`` field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Division:
    """One division: its 6-digit code, its name and its parent's code ("" for a province)."""

    code: str
    name: str
    parent: str


class Divisions:
    """A division table: lookup, children for the chooser, full names, address splitting."""

    def __init__(self, divisions: tuple[Division, ...]) -> None:
        self._by_code = {d.code: d for d in divisions}
        self._order = divisions

    def get(self, code: str) -> Division | None:
        """The division with ``code``, if the table has it."""
        return self._by_code.get(code)

    def children(self, code: str = "") -> tuple[Division, ...]:
        """The divisions directly under ``code`` ("" gives the provinces), in table order."""
        return tuple(d for d in self._order if d.parent == code)

    def leaves(self) -> tuple[Division, ...]:
        """The divisions without children: the districts and counties an address picks."""
        parents = {d.parent for d in self._order}
        return tuple(d for d in self._order if d.code not in parents)

    def full_name(self, code: str) -> str:
        """Province, city and district names joined (浙江省杭州市萧山区); "" when unknown."""
        names: list[str] = []
        division = self._by_code.get(code)
        while division is not None:
            names.append(division.name)
            division = self._by_code.get(division.parent)
        return "".join(reversed(names))

    def split_address(self, text: str) -> tuple[str, str]:
        """``(leaf code, rest)`` when ``text`` starts with a district's full name, else
        ``("", text)``: how an address read from an ID card fills the chooser and the detail."""
        for leaf in self.leaves():
            name = self.full_name(leaf.code)
            if text.startswith(name):
                return leaf.code, text[len(name) :]
        return "", text


@cache
def load_divisions() -> Divisions:
    """The table shipped with the kiosk (``kiosk/forms/divisions.json``)."""
    raw = json.loads(files("kiosk.forms").joinpath("divisions.json").read_text("utf-8"))
    return Divisions(tuple(Division(d["code"], d["name"], d["parent"]) for d in raw["divisions"]))
