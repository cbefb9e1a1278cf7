"""Catalogue search: Chinese, pinyin with and without spaces, initials, keywords, ranking,
and browsing by theme and department."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.catalogue.model import catalogue_from_json
from kiosk.catalogue.search import CatalogueIndex, MatchKind
from kiosk.flow.matter import SubjectKind
from platform_sim.seed.catalogue import build_catalogue


def raw(code: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code, "name": name, "department": "人社局", "audience": "personal",
        "type": "instant", "promised_days": 0, "legal_basis": [], "conditions": [],
        "steps": [], "fees": [], "materials": [], "form": {"fields": []},
        "identity": "id_card", "result_delivery": ["print_at_terminal"],
        "self_service": "query_print", "theme": "社会保障", **extra,
    }  # fmt: skip


@pytest.fixture(scope="module")
def index() -> CatalogueIndex:
    return CatalogueIndex(
        catalogue_from_json(
            {
                "version": "t",
                "matters": [
                    raw("M01", "社保缴费证明打印", pinyin="she bao jiao fei zheng ming da yin",
                        keywords=["参保证明"]),
                    raw("M02", "个人参保证明打印", keywords=["社保证明"]),
                    raw("M03", "社保"),
                    raw("M04", "出生登记", pinyin="chu sheng deng ji", keywords=["报户口"],
                        department="公安分局", theme="户籍办理"),
                    raw("M05", "重庆户口迁入", pinyin="chong qing hu kou qian ru",
                        department="公安分局", theme="户籍办理"),
                    raw("M06", "绿色通道申请", department="公安分局", theme="户籍办理"),
                    raw("M07", "社会保障卡申领", short_name="社保卡申领"),
                ],
                "bundles": [
                    {"code": "Y1", "name": "新生儿出生一件事", "matters": ["M04", "M02"]},
                ],
            }
        )
    )  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> CatalogueIndex:
    return CatalogueIndex(catalogue_from_json(build_catalogue()))


def names(index: CatalogueIndex, query: str) -> list[str]:
    return [hit.entry.name for hit in index.search(query)]


def test_chinese_substring(index: CatalogueIndex) -> None:
    assert names(index, "缴费") == ["社保缴费证明打印"]
    assert "新生儿出生一件事" in names(index, "出生")


def test_full_pinyin_with_or_without_spaces(index: CatalogueIndex) -> None:
    assert names(index, "shebaojiaofei")[0] == "社保缴费证明打印"
    assert names(index, "she bao jiao fei")[0] == "社保缴费证明打印"
    assert names(index, "She Bao")[0] == "社保"


def test_pinyin_matches_from_a_syllable_start_only(index: CatalogueIndex) -> None:
    assert names(index, "dengji") == ["出生登记"]
    assert names(index, "engji") == []


def test_the_platforms_pinyin_wins_over_guessing_polyphones(index: CatalogueIndex) -> None:
    assert names(index, "chongqing") == ["重庆户口迁入"]


def test_pypinyin_fills_in_missing_pinyin_and_v_stands_for_u_umlaut(
    index: CatalogueIndex,
) -> None:
    assert names(index, "lvse") == ["绿色通道申请"]
    assert names(index, "lüse") == ["绿色通道申请"]


def test_initials(index: CatalogueIndex) -> None:
    hits = index.search("sbjf")
    assert [h.entry.name for h in hits] == ["社保缴费证明打印"]
    assert hits[0].match is MatchKind.INITIALS
    assert names(index, "jfzm") == ["社保缴费证明打印"]


def test_keywords_match_last(index: CatalogueIndex) -> None:
    hits = index.search("报户口")
    assert [(h.entry.name, h.match) for h in hits] == [("出生登记", MatchKind.KEYWORD)]
    assert index.search("baohukou")[0].match is MatchKind.KEYWORD


def test_ranking_exact_then_prefix_then_substring_then_keyword(index: CatalogueIndex) -> None:
    hits = index.search("社保")
    assert [(h.entry.name, h.match) for h in hits] == [
        ("社保", MatchKind.EXACT),
        ("社会保障卡申领", MatchKind.PREFIX),
        ("社保缴费证明打印", MatchKind.PREFIX),
        ("个人参保证明打印", MatchKind.KEYWORD),
    ]


def test_initials_rank_below_pinyin_substrings(index: CatalogueIndex) -> None:
    hits = index.search("sb")
    assert [h.match for h in hits] == sorted(h.match for h in hits)
    assert hits[0].entry.name == "社保"


def test_empty_or_unmatched_queries_find_nothing(index: CatalogueIndex) -> None:
    assert index.search("") == []
    assert index.search("  '  ") == []
    assert index.search("没有这个") == []


def test_limit(index: CatalogueIndex) -> None:
    assert len(index.search("s", limit=2)) == 2


def test_bundles_are_found_and_say_so(index: CatalogueIndex) -> None:
    (hit,) = index.search("xinshenger")
    assert hit.entry.kind is SubjectKind.BUNDLE and hit.entry.code == "Y1"


def test_browse_by_theme_lists_its_bundles_first(index: CatalogueIndex) -> None:
    assert index.themes() == ["社会保障", "户籍办理"]
    assert [e.code for e in index.in_theme("户籍办理")] == ["Y1", "M04", "M05", "M06"]
    assert index.in_theme("不存在") == []


def test_browse_by_department(index: CatalogueIndex) -> None:
    assert index.departments() == ["人社局", "公安分局"]
    assert [e.code for e in index.in_department("公安分局")] == ["M04", "M05", "M06"]
    assert [e.code for e in index.bundles()] == ["Y1"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("sbjf", "社保缴费证明打印"), ("出生登记", "出生登记"), ("gongjijin", "公积金")],
)
def test_the_seed_catalogue(seed: CatalogueIndex, query: str, expected: str) -> None:
    assert expected in seed.search(query)[0].entry.name
