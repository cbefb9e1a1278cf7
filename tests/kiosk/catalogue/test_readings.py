"""The stored pinyin readings: an index built with them searches exactly like one built with
pypinyin and never loads pypinyin; the kiosk gets them from a child process."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.catalogue import readings, search
from kiosk.catalogue.model import Catalogue, catalogue_from_json
from kiosk.catalogue.search import CatalogueIndex, readings_for
from platform_sim.seed.catalogue import build_catalogue

SEED = catalogue_from_json(build_catalogue())
WITH_PYPINYIN = CatalogueIndex(SEED)
READINGS = readings_for(SEED)
WITH_READINGS = CatalogueIndex(SEED, READINGS)


def _texts(catalogue: Catalogue) -> list[str]:
    texts = [m.name for m in catalogue.matters] + [b.name for b in catalogue.bundles]
    texts += [m.short_name for m in catalogue.matters if m.short_name]
    return texts + [k for m in catalogue.matters for k in m.keywords]


def _spellings(text: str) -> list[str]:
    syllables = list(READINGS.get(text, ())) or text.split()
    return ["".join(syllables), " ".join(syllables), "".join(s[:1] for s in syllables)]


TEXTS = _texts(SEED)
QUERIES = sorted({q for t in TEXTS for q in [t, t[:2], t[1:3], *_spellings(t)] if q})


def hits(index: CatalogueIndex, query: str) -> list[tuple[str, str, int]]:
    return [(h.entry.kind.value, h.entry.code, h.match.value) for h in index.search(query)]


def test_an_index_with_the_readings_never_calls_pypinyin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(text: str) -> list[str]:
        raise AssertionError(f"pypinyin asked for {text!r}")

    monkeypatch.setattr(search, "_pinyin", refuse)
    index = CatalogueIndex(SEED, READINGS)
    assert index.search("shebao")


def test_the_readings_are_exactly_the_texts_the_index_asks_pypinyin_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: set[str] = set()
    pinyin = search._pinyin

    def spy(text: str) -> list[str]:
        asked.add(text)
        return pinyin(text)

    monkeypatch.setattr(search, "_pinyin", spy)
    CatalogueIndex(SEED)
    assert asked == set(READINGS)


def test_every_name_and_spelling_of_the_seed_finds_the_same() -> None:
    differing = [q for q in QUERIES if hits(WITH_READINGS, q) != hits(WITH_PYPINYIN, q)]
    assert len(QUERIES) > 1_000
    assert differing == []


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz v'", max_size=12),
        st.text(alphabet="".join(sorted({c for t in TEXTS for c in t})), max_size=4),
        st.sampled_from(QUERIES).flatmap(lambda q: st.just(q[: len(q) // 2 + 1])),
    )
)
def test_any_query_finds_the_same_with_the_readings(query: str) -> None:
    assert hits(WITH_READINGS, query) == hits(WITH_PYPINYIN, query)


def test_the_kiosk_gets_the_readings_from_a_child_and_never_loads_pypinyin(
    tmp_path: Path,
) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(build_catalogue(), ensure_ascii=False), encoding="utf-8")
    probe = (
        "import json, sys\n"
        "from kiosk.catalogue.model import catalogue_from_json\n"
        "from kiosk.catalogue.readings import readings_in_child\n"
        f"seed = catalogue_from_json(json.loads(open({str(seed)!r}, encoding='utf-8').read()))\n"
        "readings = readings_in_child(seed)\n"
        "print('pypinyin' in sys.modules)\n"
        "print(json.dumps({t: list(s) for t, s in readings.items()}, ensure_ascii=False))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    loaded, answer = out.stdout.splitlines()
    assert loaded == "False"
    assert {t: tuple(s) for t, s in json.loads(answer).items()} == READINGS


def test_when_the_child_fails_the_readings_are_read_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(readings.sys, "executable", "/nonexistent/python")
    with caplog.at_level(logging.WARNING):
        assert readings.readings_in_child(SEED) == READINGS
    assert "pinyin child failed" in caplog.text
