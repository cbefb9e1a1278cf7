"""Electronic licences (电子证照) of the fixture persons of ``assets/sim/id_cards``.

Each licence's ``fields`` carry the keys the catalogue's forms prefill from
(``license.<license_type>.<field>``), e.g. ``hukou_booklet.household_no``,
``marriage_certificate.spouse_name``, ``birth_certificate.child_name``,
``social_security_card.bank_account``, ``disability_certificate.category``,
``business_license.credit_code``, ``real_estate_certificate.location``; ``number`` is also
repeated in ``fields`` so that ``license.<type>.number`` works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_sim.fixtures import fixture_cards
from platform_sim.seed.base import JSON, id_check_digit, uscc

Card = dict[str, Any]

_SEX = {"male": "男", "female": "女"}


def _id_number(first17: str) -> str:
    return first17 + id_check_digit(first17)


def _licence(
    license_type: str,
    name: str,
    number: str,
    issuer: str,
    valid_from: str,
    valid_to: str,
    **fields: str,
) -> JSON:
    return {
        "license_type": license_type,
        "name": name,
        "number": number,
        "issuer": issuer,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "fields": {"number": number, **fields},
    }


def _hukou(card: Card, household_no: str, head: str, relation: str, issued: str) -> JSON:
    return _licence(
        "hukou_booklet",
        "居民户口簿",
        household_no,
        card["issuer"],
        issued,
        "long_term",
        household_no=household_no,
        household_head=head,
        relation=relation,
        holder_name=card["name"],
        holder_id_number=card["id_number"],
        address=card["address"] or "",
        household_type="家庭户",
    )


def _ssc(card: Card, card_no: str, bank: str, account: str, issued: str) -> JSON:
    return _licence(
        "social_security_card",
        "社会保障卡",
        card_no,
        "杭州市人力资源和社会保障局",
        issued,
        _years_after(issued, 10),
        holder_name=card["name"],
        social_security_no=card["id_number"],
        bank=bank,
        bank_account=account,
        status="正常",
    )


def _marriage(card: Card, number: str, spouse: str, spouse_id: str, registered: str) -> JSON:
    return _licence(
        "marriage_certificate",
        "结婚证",
        number,
        "杭州市萧山区民政局",
        registered,
        "long_term",
        holder_name=card["name"],
        holder_id_number=card["id_number"],
        spouse_name=spouse,
        spouse_id_number=spouse_id,
        registration_date=registered,
        registration_authority="杭州市萧山区民政局",
    )


def _years_after(iso_date: str, years: int) -> str:
    return f"{int(iso_date[:4]) + years}{iso_date[4:]}"


def _zhang_wei(card: Card) -> list[JSON]:
    spouse_id = _id_number("33010919870809002")
    child_id = _id_number("33010920200518003")
    birth_common = {
        "mother_name": "陈静",
        "mother_id_number": spouse_id,
        "father_name": card["name"],
        "father_id_number": card["id_number"],
        "birth_place": "浙江省杭州市萧山区",
        "hospital": "杭州市萧山区妇幼保健院",
    }
    return [
        _hukou(card, "330109012345", card["name"], "户主", "2016-05-01"),
        _marriage(card, "J330109-2014-003217", "陈静", spouse_id, "2014-10-08"),
        _licence(
            "birth_certificate",
            "出生医学证明",
            "Q330123456",
            "杭州市萧山区妇幼保健院",
            "2020-05-20",
            "long_term",
            child_name="张思远",
            child_sex="male",
            child_id_number=child_id,
            birth_date="2020-05-18",
            **birth_common,
        ),
        _licence(
            "birth_certificate",
            "出生医学证明",
            "Y330654321",
            "杭州市萧山区妇幼保健院",
            "2026-10-30",
            "long_term",
            child_name="张小满",
            child_sex="female",
            birth_date="2026-10-28",
            **birth_common,
        ),
        _ssc(card, "A33010901", "工商银行", "6212261202012345678", "2018-03-01"),
        _licence(
            "driving_license",
            "机动车驾驶证",
            card["id_number"],
            "浙江省杭州市公安局交通警察支队",
            "2019-06-20",
            "2029-06-20",
            file_no="330100123456",
            holder_name=card["name"],
            **{"class": "C1"},
        ),
        _licence(
            "real_estate_certificate",
            "不动产权证书",
            "浙(2019)杭州市不动产权第0123456号",
            "杭州市规划和自然资源局",
            "2019-09-12",
            "long_term",
            holder_name=card["name"],
            location=card["address"],
            area="89.46",
            usage="住宅",
            share="共同共有",
        ),
    ]


def _li_xiuying(card: Card) -> list[JSON]:
    return [
        _hukou(card, "330102004567", card["name"], "户主", "2012-09-10"),
        _ssc(card, "A33010202", "杭州银行", "6223091200087654321", "2015-06-01"),
        _licence(
            "disability_certificate",
            "中华人民共和国残疾人证",
            card["id_number"] + "13",
            "杭州市上城区残疾人联合会",
            "2021-04-15",
            "2031-04-15",
            holder_name=card["name"],
            category="visual",
            category_label="视力残疾",
            level="3",
            level_label="三级",
        ),
        _licence(
            "real_estate_certificate",
            "不动产权证书",
            "浙(2017)杭州市不动产权第0045678号",
            "杭州市规划和自然资源局",
            "2017-03-02",
            "long_term",
            holder_name=card["name"],
            location=card["address"],
            area="62.10",
            usage="住宅",
            share="单独所有",
        ),
    ]


def _wang_fang(card: Card) -> list[JSON]:
    spouse_id = _id_number("33010519680302001")
    return [
        _hukou(card, "330105007788", "赵建国", "妻", "2004-03-01"),
        _marriage(card, "J330105-1995-000812", "赵建国", spouse_id, "1995-05-20"),
        _ssc(card, "A33010503", "农业银行", "6228480329876543210", "2016-01-10"),
    ]


def _rare_name(card: Card) -> list[JSON]:
    credit_code = uscc("92", "MA2K0X7Q1")
    return [
        _hukou(card, "330108009911", card["name"], "户主", "2019-02-20"),
        _ssc(card, "A33010804", "建设银行", "6217001540012349876", "2019-08-01"),
        _licence(
            "business_license",
            "营业执照",
            credit_code,
            "杭州市萧山区市场监督管理局",
            "2023-04-06",
            "long_term",
            credit_code=credit_code,
            business_name=f"杭州市萧山区城厢街道{card['name'][0]}记面馆",
            operator=card["name"],
            form="个人经营",
            address="浙江省杭州市萧山区城厢街道人民路12号",
            scope="餐饮服务; 食品销售(仅销售预包装食品)",
        ),
    ]


def _liu_yang(card: Card) -> list[JSON]:
    return [
        _licence(
            "residence_permit",
            "浙江省居住证",
            "330109202400123",
            "杭州市公安局萧山区分局",
            "2024-07-01",
            "2027-07-01",
            holder_name=card["name"],
            address="浙江省杭州市萧山区北干街道金城路438号",
            reason="务工就业",
        ),
        _ssc(card, "A33010905", "中国银行", "6217856100023456789", "2024-08-15"),
        _licence(
            "driving_license",
            "机动车驾驶证",
            card["id_number"],
            "浙江省杭州市公安局交通警察支队",
            "2012-08-01",
            "long_term",
            file_no="330100654321",
            holder_name=card["name"],
            **{"class": "C1"},
        ),
    ]


def _foreigner(card: Card) -> list[JSON]:
    return [_ssc(card, "F33010906", "中国银行", "6217856100098765432", "2021-03-01")]


def _hk_resident(card: Card) -> list[JSON]:
    return [_ssc(card, "H33010607", "工商银行", "6212261202087654321", "2023-05-01")]


_BY_FIXTURE: dict[str, Callable[[Card], list[JSON]]] = {
    "resident": _zhang_wei,
    "long_term": _li_xiuying,
    "expired": _wang_fang,
    "rare_name": _rare_name,
    "face_mismatch": _liu_yang,
    "foreign_permanent": _foreigner,
    "hk_macao_taiwan": _hk_resident,
}


def build_licenses() -> dict[str, list[JSON]]:
    """The electronic licences each fixture person holds, by ID number (contract ``License``
    objects); a fixture card with no licences defined here holds none."""
    book: dict[str, list[JSON]] = {}
    for card in fixture_cards():
        make = _BY_FIXTURE.get(card["fixture"])
        book[card["id_number"]] = make(card) if make else []
    return book
