"""A guide shows every field of the matter, in titled sections, empty ones saying so."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kiosk.catalogue.model import Bundle, Catalogue, Fee, Matter
from ui.bridge.guide import HOTLINE, bundle_sections, matter_sections

BASE = Matter(
    code="1",
    name="事项1",
    department="民政局",
    audience="person",
    type="promised",
    promised_days=5,
    legal_basis=(),
    conditions=("年满十八周岁",),
    steps=(),
    fees=(),
    materials=(),
    form=(),
    identity="id_card",
    result_delivery=("mail",),
    self_service="full",
)


def _matter(code: str, short_name: str = "", **changes: Any) -> Matter:
    return replace(BASE, code=code, name=f"事项{code}", short_name=short_name, **changes)


def test_a_matter_guide_has_every_section_in_order_and_says_when_one_is_empty() -> None:
    sections = matter_sections(_matter("1"))
    assert [s["title"] for s in sections] == [
        "办件类型与时限", "办理方式", "受理条件", "办理流程", "申请材料",
        "表单内容", "收费标准", "结果送达", "设定依据", "办理地点与时间",
    ]
    lines = {str(s["title"]): s["lines"] for s in sections}
    assert lines["办件类型与时限"] == ["承诺件，承诺 5 个工作日办结"]
    assert lines["办理方式"] == ["可在本机全程办理", "身份核验：刷身份证", "无需预约"]
    assert lines["受理条件"] == ["1. 年满十八周岁"]
    assert lines["办理流程"] == ["无"]
    assert lines["收费标准"] == ["不收费"]
    assert lines["结果送达"] == ["邮寄送达"]
    assert f"咨询电话：{HOTLINE}" in lines["办理地点与时间"]


def test_fees_are_listed_when_the_matter_charges() -> None:
    sections = matter_sections(_matter("1", fees=(Fee("工本费", 2000),)))
    assert {"title": "收费标准", "lines": ["工本费：20.00 元"]} in sections


def test_a_bundle_guide_lists_its_matters_then_each_guide_under_its_name() -> None:
    matters = (_matter("1", "出生"), _matter("2", type="instant"))
    catalogue = Catalogue("v1", matters, (Bundle("B", "一件事", ("1", "2")),))
    bundle = catalogue.bundles[0]
    sections = bundle_sections(bundle, catalogue)
    assert sections[0] == {
        "title": "一件事一次办",
        "lines": ["多个部门的事项，一张表单、一次提交。"],
    }
    assert sections[1] == {
        "title": "包含事项",
        "lines": [
            "1. 事项1（民政局，承诺件，承诺 5 个工作日办结）",
            "2. 事项2（民政局，即办件，当场办结）",
        ],
    }
    titles = [s["title"] for s in sections[2:]]
    assert titles[0] == "【出生】办件类型与时限"
    assert titles[10] == "【事项2】办件类型与时限"
    assert len(titles) == 20
