"""The seed catalogue of the simulated platform: high-frequency personal matters of a
district (杭州市萧山区) with complete guides, the "one thing" bundles (一件事) built from them,
and the fixture persons' electronic licences.

Everything is deterministic: the same content every call, and a ``version`` derived from a
hash of that content.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

from platform_sim.seed import (
    matters_civil,
    matters_police,
    matters_property,
    matters_social,
)
from platform_sim.seed.base import JSON, REGION
from platform_sim.seed.licences import build_licenses

__all__ = ["BUNDLES", "build_catalogue", "build_licenses", "matter_code"]

# (name, description, matter names); a bundle's code is YJS + region + its position.
BUNDLES: list[tuple[str, str, list[str]]] = [
    (
        "新生儿出生一件事",
        "出生医学证明、生育登记、出生登记(落户)、预防接种证、医保参保和社保卡申领一次办理",
        [
            "出生医学证明办理",
            "生育登记",
            "出生登记",
            "儿童预防接种证办理",
            "新生儿参加城乡居民基本医疗保险",
            "社会保障卡申领",
        ],
    ),
    (
        "退休一件事",
        "养老保险待遇申领、退休人员医保待遇核定、公积金退休提取一表申请",
        ["职工基本养老保险待遇申领", "退休人员基本医疗保险待遇核定", "提取住房公积金(离退休)"],
    ),
    (
        "个体工商户开办一件事",
        "营业执照、新办纳税人涉税事项、预包装食品备案和经营者社保参保一次办结",
        [
            "个体工商户设立登记",
            "个体工商户新办纳税人涉税事项",
            "仅销售预包装食品备案",
            "灵活就业人员参保登记",
        ],
    ),
    (
        "不动产转移登记及水电气联动一件事",
        "二手房交易纳税、转移登记后自来水、用电、管道燃气同步过户",
        ["存量房交易纳税申报", "存量房转移登记", "自来水过户", "用电过户", "管道燃气过户"],
    ),
    (
        "灵活就业参保一件事",
        "灵活就业登记及养老、医疗保险参保、社保费缴纳和公积金自愿缴存一次办理",
        [
            "就业登记",
            "灵活就业人员参保登记",
            "灵活就业人员职工基本医疗保险参保登记",
            "灵活就业人员社会保险费缴纳",
            "灵活就业人员住房公积金缴存登记",
        ],
    ),
    (
        "身后一件事",
        "户口注销、丧葬补助金抚恤金、惠民殡葬补贴和医保个人账户继承联办",
        [
            "死亡人员户口注销",
            "丧葬补助金和抚恤金申领",
            "惠民殡葬补贴申领",
            "参保人员死亡医保个人账户继承",
        ],
    ),
    (
        "入学一件事",
        "义务教育入学报名、新居民子女积分入学和预防接种证查验一次办理",
        ["义务教育招生入学报名", "新居民子女积分入学申请", "儿童预防接种证办理"],
    ),
    (
        "残疾人服务一件事",
        "残疾人证换领、两项补贴和辅助器具适配补贴一次申请",
        [
            "残疾人证换领",
            "困难残疾人生活补贴和重度残疾人护理补贴申请",
            "残疾人辅助器具适配补贴申请",
        ],
    ),
]


def _matters() -> list[JSON]:
    """A fresh copy of every matter, so that callers may modify what they get."""
    return copy.deepcopy(
        [
            *matters_police.MATTERS,
            *matters_social.MATTERS,
            *matters_civil.MATTERS,
            *matters_property.MATTERS,
        ]
    )


def matter_code(name: str) -> str:
    """The implementation code of the matter called ``name`` (KeyError when there is none)."""
    for item in _matters():
        if item["name"] == name:
            code: str = item["code"]
            return code
    raise KeyError(name)


def build_catalogue() -> dict[str, Any]:
    """The whole contract ``Catalogue``: matters, bundles and a content-derived version."""
    matters = _matters()
    codes = {item["name"]: item["code"] for item in matters}
    bundles = [
        {
            "code": f"YJS{REGION}{i:04d}",
            "name": name,
            "matters": [codes[n] for n in names],
            "description": description,
        }
        for i, (name, description, names) in enumerate(BUNDLES, 1)
    ]
    content = json.dumps(
        {"matters": matters, "bundles": bundles}, ensure_ascii=False, sort_keys=True
    ).encode("utf-8")
    version = "seed-" + hashlib.sha256(content).hexdigest()[:16]
    return {"version": version, "matters": matters, "bundles": bundles}
