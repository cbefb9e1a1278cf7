"""The seed catalogue and licences: contract-valid, complete guides, the required mixes and
counts, search-ready pinyin, bundles that resolve, prefill sources the licences can fill."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from pypinyin import Style, lazy_pinyin

from platform_api.contract import operation_response_schema, schema_ref, validate
from platform_sim.fixtures import fixture_cards
from platform_sim.seed.catalogue import build_catalogue, build_licenses, matter_code

CATALOGUE = build_catalogue()
MATTERS: list[dict[str, Any]] = CATALOGUE["matters"]
LICENCES = build_licenses()
ID_PREFILLS = {"id.name", "id.number", "id.sex", "id.nation", "id.birth", "id.address", "id.issuer"}
FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
PHONE = "^1[3-9][0-9]{9}$"


def _initials(pinyin: str) -> str:
    return "".join(s[0] for s in pinyin.split())


def _licence_values(license_type: str, key: str) -> list[str]:
    return [
        lic["fields"][key]
        for held in LICENCES.values()
        for lic in held
        if lic["license_type"] == license_type and key in lic["fields"]
    ]


def test_catalogue_is_contract_valid() -> None:
    schema = operation_response_schema("getCatalogue", "200")
    assert schema is not None
    validate(CATALOGUE, schema, "Catalogue")


def test_licences_are_contract_valid_for_every_fixture_person() -> None:
    cards = fixture_cards()
    assert {c["id_number"] for c in cards} == set(LICENCES)
    for held in LICENCES.values():
        for lic in held:
            validate(lic, schema_ref("License"), "License")
    held_types = {lic["license_type"] for held in LICENCES.values() for lic in held}
    assert held_types >= {
        "hukou_booklet",
        "marriage_certificate",
        "birth_certificate",
        "social_security_card",
        "disability_certificate",
        "residence_permit",
        "business_license",
    }
    zhang_wei = LICENCES["33010619850312001X"]
    assert {lic["license_type"] for lic in zhang_wei} >= {"hukou_booklet", "marriage_certificate"}


def test_counts() -> None:
    personal = [m for m in MATTERS if m["audience"] == "personal"]
    assert len(personal) >= 100
    departments = {m["department"] for m in personal}
    assert len(departments) >= 12
    for word in (
        "公安",
        "人力资源",
        "医疗保障",
        "公积金",
        "民政",
        "税务",
        "规划和自然资源",
        "卫生健康",
        "教育",
        "交通运输",
        "残疾人",
        "市场监督",
    ):
        assert any(word in d for d in departments), word
    themes = {m["theme"] for m in personal}
    assert len(themes) >= 8
    assert themes >= {
        "生育收养",
        "户籍办理",
        "社会保障",
        "就业创业",
        "住房保障",
        "婚姻登记",
        "医疗卫生",
        "交通出行",
        "税务",
        "退休",
        "教育",
        "残疾人服务",
    }


def test_codes_are_unique_and_well_formed() -> None:
    codes = [m["code"] for m in MATTERS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[0-9A-Z]{10,36}", c) for c in codes)
    assert len({m["name"] for m in MATTERS}) == len(MATTERS)
    assert matter_code("社保缴费证明打印") in codes
    with pytest.raises(KeyError):
        matter_code("不存在的事项")


def test_pinyin_is_full_lower_case_pypinyin() -> None:
    for m in MATTERS:
        expected = " ".join(lazy_pinyin(m["name"], style=Style.NORMAL, errors="ignore"))
        assert m["pinyin"] == expected, m["name"]
        assert m["pinyin"] == m["pinyin"].lower()
        assert re.fullmatch(r"[a-z]+( [a-z]+)*", m["pinyin"]), m["pinyin"]
    by_name = {m["name"]: m for m in MATTERS}
    assert by_name["社保缴费证明打印"]["pinyin"].startswith("she bao jiao fei zheng ming")
    assert [m["name"] for m in MATTERS if "sbjf" in _initials(m["pinyin"])] == ["社保缴费证明打印"]


def test_every_guide_is_complete() -> None:
    for m in MATTERS:
        name = m["name"]
        for key in ("legal_basis", "conditions", "steps", "keywords", "result_delivery"):
            assert m[key] and all(isinstance(s, str) and s for s in m[key]), (name, key)
        for key in ("name", "department", "theme", "pinyin", "hours", "place", "phone"):
            assert m[key], (name, key)
        assert m["form"]["fields"], name
        assert all(b.startswith("《") for b in m["legal_basis"]), name
        if m["self_service"] == "guide_only":
            assert m["materials"], name  # what to bring to the window
        for f in m["fees"]:
            assert f["amount_cents"] > 0 and f["basis"], (name, f)


def test_type_self_service_identity_and_delivery_agree() -> None:
    for m in MATTERS:
        name = m["name"]
        assert (m["type"] == "instant") == (m["promised_days"] == 0), name
        assert m.get("statutory_days", m["promised_days"]) >= m["promised_days"], name
        assert m["appointment"] == (m["self_service"] == "guide_only"), name
        if m["self_service"] == "guide_only":
            assert m["identity"] in {"none", "id_card"}, name
        else:
            assert m["identity"] == "id_card_and_face", name
            if m["type"] == "instant":
                assert "print_at_terminal" in m["result_delivery"], name
        if m["self_service"] == "query_print":
            assert m["type"] == "instant", name


def test_the_mixes_are_all_present() -> None:
    assert set(Counter(m["type"] for m in MATTERS)) == {"instant", "promised"}
    assert set(Counter(m["self_service"] for m in MATTERS)) == {"full", "query_print", "guide_only"}
    assert set(Counter(m["identity"] for m in MATTERS)) == {"none", "id_card", "id_card_and_face"}
    assert {m["audience"] for m in MATTERS} == {"personal", "legal_person"}
    query_print = {m["name"] for m in MATTERS if m["self_service"] == "query_print"}
    assert query_print >= {
        "社保缴费证明打印",
        "个人参保证明打印",
        "住房公积金缴存证明打印",
        "不动产登记信息查询打印",
        "无犯罪记录证明",
    }
    fees = {m["name"]: m["fees"] for m in MATTERS if m["fees"]}
    assert fees["居民身份证补领"][0]["amount_cents"] == 2000
    assert any("不动产登记费" in f["name"] for fs in fees.values() for f in fs)
    assert any(mat.get("deferrable") for m in MATTERS for mat in m["materials"])
    one_card = [m for m in MATTERS if m["self_service"] == "full" and not m["materials"]]
    assert one_card, "some matters need nothing but the ID card (一证通办)"
    accepts = {a for m in MATTERS for mat in m["materials"] for a in mat["accepts"]}
    assert accepts == {"scan", "e_license", "commitment"}


def test_materials() -> None:
    held_types = {lic["license_type"] for held in LICENCES.values() for lic in held}
    for m in MATTERS:
        ids = [mat["id"] for mat in m["materials"]]
        assert len(ids) == len(set(ids)), m["name"]
        for mat in m["materials"]:
            assert mat["accepts"] and set(mat["accepts"]) <= {"scan", "e_license", "commitment"}
            if "e_license" in mat["accepts"]:
                assert mat["license_type"] in held_types, (m["name"], mat["id"])
            if "commitment" in mat["accepts"]:
                assert mat["name"] in mat["commitment_text"], (m["name"], mat["id"])
            else:
                assert "commitment_text" not in mat, (m["name"], mat["id"])


def test_form_fields_and_prefill_sources() -> None:
    for m in MATTERS:
        fields = m["form"]["fields"]
        ids = [f["id"] for f in fields]
        assert len(ids) == len(set(ids)), m["name"]
        for f in fields:
            assert FIELD_ID.fullmatch(f["id"]), f["id"]
            if f["type"] == "phone":
                assert f["pattern"] == PHONE
            options = {o["value"] for o in f.get("options", [])}
            assert (f["type"] == "select") == bool(options), (m["name"], f["id"])
            source = f.get("prefill")
            if source is None or source in ID_PREFILLS:
                continue
            kind, license_type, key = source.split(".")
            assert kind == "license", source
            values = _licence_values(license_type, key)
            assert values, f"{m['name']}: no fixture licence fills {source}"
            if options:
                assert set(values) <= options, (m["name"], f["id"], values)
        assert {"applicant_name", "applicant_id_number"} <= set(ids), m["name"]


def test_bundles_resolve_to_matters() -> None:
    by_code = {m["code"]: m for m in MATTERS}
    bundles = CATALOGUE["bundles"]
    assert len(bundles) >= 5
    assert len({b["code"] for b in bundles}) == len(bundles)
    names = {b["name"] for b in bundles}
    assert names >= {
        "新生儿出生一件事",
        "退休一件事",
        "个体工商户开办一件事",
        "不动产转移登记及水电气联动一件事",
        "灵活就业参保一件事",
    }
    for b in bundles:
        assert len(b["matters"]) >= 2 and len(set(b["matters"])) == len(b["matters"])
        assert all(code in by_code for code in b["matters"]), b["name"]
        departments = {by_code[c]["department"] for c in b["matters"]}
        assert len(departments) >= 2, b["name"]
    newborn = next(b for b in bundles if b["name"] == "新生儿出生一件事")
    assert {by_code[c]["name"] for c in newborn["matters"]} >= {
        "出生医学证明办理",
        "出生登记",
        "新生儿参加城乡居民基本医疗保险",
        "社会保障卡申领",
    }


def test_build_is_deterministic_and_versioned_by_content() -> None:
    again = build_catalogue()
    assert again == CATALOGUE
    assert json.dumps(again, sort_keys=True) == json.dumps(CATALOGUE, sort_keys=True)
    assert re.fullmatch(r"seed-[0-9a-f]{16}", CATALOGUE["version"])
    again["matters"][0]["name"] = "changed"
    assert build_catalogue() == CATALOGUE
    assert build_licenses() == LICENCES
