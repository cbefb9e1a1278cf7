"""A terminal's part of the catalogue: its matters, and the bundles made of them alone."""

from __future__ import annotations

from kiosk.catalogue.model import Bundle, Catalogue
from kiosk.catalogue.scope import scoped
from tests.kiosk.matters import matter

A, B, C = (matter(f"MATTER000000{n}") for n in (1, 2, 3))
WHOLE = Catalogue(
    "v1", (A, B, C), (Bundle("BUNDLE01", "一件事", (A.code, B.code)),
                      Bundle("BUNDLE02", "另一件事", (B.code, C.code)))
)


def test_no_codes_keep_the_whole_catalogue() -> None:
    assert scoped(WHOLE, frozenset()) is WHOLE


def test_only_the_named_matters_remain_in_order_with_bundles_made_of_them() -> None:
    part = scoped(WHOLE, {C.code, A.code, B.code[:-1]})
    assert part.matters == (A, C)
    assert part.bundles == ()
    assert [b.code for b in scoped(WHOLE, {A.code, B.code}).bundles] == ["BUNDLE01"]
    assert part.version == WHOLE.version
