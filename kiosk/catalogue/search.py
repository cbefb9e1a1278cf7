"""Search and browse the catalogue: Chinese, full pinyin, pinyin initials and keywords.

The index is built once per catalogue version and a query is a scan over precomputed strings,
well under a millisecond for a few hundred entries (``benchmarks/bench_search.py``). Pinyin is
the slow part: pypinyin's readings of a catalogue's texts (:func:`readings_for`) are computed
once per catalogue version and stored with it, and an index given them never loads pypinyin.

Matching, for each matter or bundle name (and short name):

* a query with Chinese characters matches the name as text;
* a query of letters is pinyin, spaces and apostrophes ignored (``she bao`` = ``shebao``),
  ``ü`` typed as ``v``. It matches the name's full pinyin (the matter's ``pinyin`` field
  when the platform gives one, since it knows the right reading of polyphones; pypinyin's
  otherwise) from its start or from any syllable's start, and the name's initials
  (``sbjf`` finds 社保缴费证明打印);
* keywords (``报户口``) match the same ways, as a last resort.

Ranking: exact name > name prefix > name substring > initials > keyword; then initials
that start the name before those inside it, then shorter names, then catalogue order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum

from kiosk.catalogue.model import Catalogue
from kiosk.flow.matter import SubjectKind

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_NOT_SPELLING = re.compile(r"[^0-9a-zv]+")


class MatchKind(IntEnum):
    """How a hit matched, best first (the ranking tiers)."""

    EXACT = 0
    PREFIX = 1
    SUBSTRING = 2
    INITIALS = 3
    KEYWORD = 4


@dataclass(frozen=True)
class CatalogueEntry:
    """A matter or bundle as lists show it; ``kind`` and ``code`` select it in the flow."""

    kind: SubjectKind
    code: str
    name: str
    department: str = ""
    theme: str = ""


@dataclass(frozen=True)
class SearchHit:
    """One search result and how it matched."""

    entry: CatalogueEntry
    match: MatchKind


def _spelling(text: str) -> str:
    """Lower-case, ``ü`` as ``v``, and only letters and digits."""
    return text.lower().replace("ü", "v").replace("u:", "v")


Readings = Mapping[str, Sequence[str]]
"""Text → its pinyin syllables as :func:`pypinyin.lazy_pinyin` gives them."""


def _pinyin(text: str) -> list[str]:
    # Imported on first use, not at module level: pypinyin loads its phrase dictionaries
    # (~0.1 s, ~50 MiB) and is needed only when a new catalogue arrives (readings_for); a
    # catalogue read back from the cache brings its readings along.
    from pypinyin import lazy_pinyin

    return lazy_pinyin(text)


def texts_read_by_pypinyin(catalogue: Catalogue) -> list[str]:
    """Every distinct text the index reads with pypinyin: names without the platform's
    ``pinyin``, short names, keywords and bundle names."""
    return list(dict.fromkeys(_texts_read_by_pypinyin(catalogue)))


def _texts_read_by_pypinyin(catalogue: Catalogue) -> Iterator[str]:
    for matter in catalogue.matters:
        if not matter.pinyin:
            yield matter.name
        if matter.short_name:
            yield matter.short_name
        yield from matter.keywords
    for bundle in catalogue.bundles:
        yield bundle.name


def readings_for(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """The pinyin of every text of ``catalogue`` the index needs, so that an index built with
    them (:class:`CatalogueIndex` ``readings``) never loads pypinyin; computed here, with
    pypinyin (the kiosk computes them in a child process: :mod:`kiosk.catalogue.readings`)."""
    return {text: tuple(_pinyin(text)) for text in texts_read_by_pypinyin(catalogue)}


@dataclass(frozen=True)
class _Text:
    """One searchable text in its Chinese, full pinyin and initials forms."""

    chinese: str
    spelled: str
    starts: frozenset[int]
    initials: str

    @classmethod
    def of(cls, text: str, pinyin: str = "", readings: Readings | None = None) -> _Text:
        if pinyin:
            syllables: Sequence[str] = pinyin.split()
        elif readings is not None and text in readings:
            syllables = readings[text]
        else:
            syllables = _pinyin(text)
        tokens = [t for s in syllables for t in _NOT_SPELLING.split(_spelling(s)) if t]
        starts, offset = [], 0
        for token in tokens:
            starts.append(offset)
            offset += len(token)
        return cls(
            chinese=text.lower(),
            spelled="".join(tokens),
            starts=frozenset(starts),
            initials="".join(t[0] for t in tokens),
        )

    def match(self, query: str, chinese: bool) -> tuple[MatchKind, int] | None:
        """How this text matches ``query`` (already normalised), with a sub-rank."""
        if chinese:
            if self.chinese == query:
                return MatchKind.EXACT, 0
            if self.chinese.startswith(query):
                return MatchKind.PREFIX, 0
            return (MatchKind.SUBSTRING, 0) if query in self.chinese else None
        if self.spelled == query:
            return MatchKind.EXACT, 0
        if self.spelled.startswith(query):
            return MatchKind.PREFIX, 0
        at = self.spelled.find(query, 1)
        while at != -1:
            if at in self.starts:
                return MatchKind.SUBSTRING, 0
            at = self.spelled.find(query, at + 1)
        if self.initials.startswith(query):
            return MatchKind.INITIALS, 0
        return (MatchKind.INITIALS, 1) if query in self.initials else None


@dataclass(frozen=True)
class _Indexed:
    entry: CatalogueEntry
    names: tuple[_Text, ...]
    keywords: tuple[_Text, ...]
    order: int

    def match(self, query: str, chinese: bool) -> tuple[MatchKind, int] | None:
        best = None
        for text in self.names:
            found = text.match(query, chinese)
            if found is not None and (best is None or found < best):
                best = found
        if best is not None:
            return best
        if any(t.match(query, chinese) for t in self.keywords):
            return MatchKind.KEYWORD, 0
        return None


def _normalise(query: str) -> tuple[str, bool]:
    """The query as matched, and whether it is Chinese (any CJK character)."""
    query = query.strip().lower()
    if _CJK.search(query):
        return query, True
    return _NOT_SPELLING.sub("", _spelling(query)), False


class CatalogueIndex:
    """Search and browse over one catalogue version; build once, query many times. With the
    catalogue's ``readings`` (:func:`readings_for`) it is built without pypinyin."""

    def __init__(self, catalogue: Catalogue, readings: Readings | None = None) -> None:
        items: list[_Indexed] = []
        self._bundle_themes: dict[str, list[CatalogueEntry]] = {}
        for matter in catalogue.matters:
            names = [_Text.of(matter.name, matter.pinyin, readings)]
            if matter.short_name:
                names.append(_Text.of(matter.short_name, readings=readings))
            entry = CatalogueEntry(
                SubjectKind.MATTER, matter.code, matter.name, matter.department, matter.theme
            )
            keywords = tuple(_Text.of(k, readings=readings) for k in matter.keywords)
            items.append(_Indexed(entry, tuple(names), keywords, len(items)))
        themes = {m.code: m.theme for m in catalogue.matters}
        self._bundles: list[CatalogueEntry] = []
        for bundle in catalogue.bundles:
            entry = CatalogueEntry(SubjectKind.BUNDLE, bundle.code, bundle.name)
            self._bundles.append(entry)
            for theme in dict.fromkeys(themes.get(code, "") for code in bundle.matters):
                if theme:
                    self._bundle_themes.setdefault(theme, []).append(entry)
            name = _Text.of(bundle.name, readings=readings)
            items.append(_Indexed(entry, (name,), (), len(items)))
        self._items = tuple(items)
        self._matters = tuple(i.entry for i in items if i.entry.kind is SubjectKind.MATTER)

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Matters and bundles matching ``query``, best first (empty query: nothing)."""
        normalised, chinese = _normalise(query)
        if not normalised:
            return []
        scored = []
        for item in self._items:
            found = item.match(normalised, chinese)
            if found is not None:
                scored.append((found, len(item.entry.name), item.order, item))
        scored.sort(key=lambda s: (s[0], s[1], s[2]))
        return [SearchHit(s[3].entry, s[0][0]) for s in scored[:limit]]

    def themes(self) -> list[str]:
        """Life-event themes in catalogue order (first appearance)."""
        return _distinct(m.theme for m in self._matters)

    def departments(self) -> list[str]:
        """Departments in catalogue order (first appearance)."""
        return _distinct(m.department for m in self._matters)

    def in_theme(self, theme: str) -> list[CatalogueEntry]:
        """The bundles touching ``theme``, then its matters, in catalogue order."""
        matters = [m for m in self._matters if m.theme == theme]
        return [*self._bundle_themes.get(theme, []), *matters]

    def in_department(self, department: str) -> list[CatalogueEntry]:
        """The matters of ``department`` in catalogue order."""
        return [m for m in self._matters if m.department == department]

    def bundles(self) -> list[CatalogueEntry]:
        """Every bundle (一件事), in catalogue order."""
        return list(self._bundles)


def _distinct(values: Iterable[str]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]
