"""Every citizen-facing sentence of the catalogue list and the guide (办事指南), in one place.

The catalogue brings data (names, departments, conditions, notes: the platform's own words,
shown as they are) and codes (matter type, delivery, accepted ways, identity check,
self-service); this module words the codes and writes the whole sentences around the data.
Marked for Qt Linguist like :mod:`ui.text` (contexts ``Guide`` and ``Catalogue``; ``{name}``
placeholders). A code this kiosk does not know (a newer catalogue) is shown as the code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from ui.text import QT_TRANSLATE_NOOP, tr

# --- the contract's codes ------------------------------------------------------------------

_MATTER_TYPES: Mapping[str, str] = {
    "instant": QT_TRANSLATE_NOOP("Guide", "即办件"),
    "promised": QT_TRANSLATE_NOOP("Guide", "承诺件"),
}

_DELIVERY: Mapping[str, str] = {
    "print_at_terminal": QT_TRANSLATE_NOOP("Guide", "本机打印"),
    "mail": QT_TRANSLATE_NOOP("Guide", "邮寄送达"),
    "window_pickup": QT_TRANSLATE_NOOP("Guide", "窗口领取"),
    "electronic": QT_TRANSLATE_NOOP("Guide", "电子证照"),
}

_ACCEPTS: Mapping[str, str] = {
    "scan": QT_TRANSLATE_NOOP("Guide", "本机拍照上传"),
    "e_license": QT_TRANSLATE_NOOP("Guide", "电子证照免提交"),
    "commitment": QT_TRANSLATE_NOOP("Guide", "告知承诺替代"),
}

_IDENTITY: Mapping[str, str] = {
    "none": QT_TRANSLATE_NOOP("Guide", "无需核验身份"),
    "id_card": QT_TRANSLATE_NOOP("Guide", "刷身份证"),
    "id_card_and_face": QT_TRANSLATE_NOOP("Guide", "刷身份证并人脸识别"),
}

_SELF_SERVICE: Mapping[str, str] = {
    "full": QT_TRANSLATE_NOOP("Guide", "可在本机全程办理"),
    "query_print": QT_TRANSLATE_NOOP("Guide", "可在本机查询打印"),
    "guide_only": QT_TRANSLATE_NOOP("Guide", "本机仅提供指南，请到窗口办理或预约"),
}


def _worded(table: Mapping[str, str], code: str) -> str:
    source = table.get(code)
    return tr("Guide", source) if source else code


def listed(items: Iterable[str]) -> str:
    """Items as one run, with the language's list separator."""
    return QCoreApplication.translate("Guide", "、").join(items)


def matter_type(code: str) -> str:
    """办件类型: 即办件 or 承诺件."""
    return _worded(_MATTER_TYPES, code)


def self_service(code: str) -> str:
    """What the citizen can do at this kiosk."""
    return _worded(_SELF_SERVICE, code)


def delivery(codes: Iterable[str]) -> str:
    """How the result reaches the citizen, every way in one line."""
    return listed(_worded(_DELIVERY, c) for c in codes)


def identity_check(code: str) -> str:
    """How the citizen proves who they are."""
    source = QCoreApplication.translate("Guide", "身份核验：{way}")
    return source.format(way=_worded(_IDENTITY, code))


def appointment(possible: bool) -> str:
    """Whether a window appointment can be booked."""
    if possible:
        return QCoreApplication.translate("Guide", "可预约窗口办理")
    return QCoreApplication.translate("Guide", "无需预约")


# --- sections ---------------------------------------------------------------------------------


class GuideSection(StrEnum):
    """The titled sections of a guide, in the order a guide shows them."""

    TIME_LIMIT = "time_limit"
    HOW = "how"
    CONDITIONS = "conditions"
    STEPS = "steps"
    MATERIALS = "materials"
    FORM = "form"
    FEES = "fees"
    DELIVERY = "delivery"
    LEGAL_BASIS = "legal_basis"
    PLACE_AND_HOURS = "place_and_hours"
    BUNDLE = "bundle"
    BUNDLE_MATTERS = "bundle_matters"


_SECTION_TITLES: Mapping[GuideSection, str] = {
    GuideSection.TIME_LIMIT: QT_TRANSLATE_NOOP("Guide", "办件类型与时限"),
    GuideSection.HOW: QT_TRANSLATE_NOOP("Guide", "办理方式"),
    GuideSection.CONDITIONS: QT_TRANSLATE_NOOP("Guide", "受理条件"),
    GuideSection.STEPS: QT_TRANSLATE_NOOP("Guide", "办理流程"),
    GuideSection.MATERIALS: QT_TRANSLATE_NOOP("Guide", "申请材料"),
    GuideSection.FORM: QT_TRANSLATE_NOOP("Guide", "表单内容"),
    GuideSection.FEES: QT_TRANSLATE_NOOP("Guide", "收费标准"),
    GuideSection.DELIVERY: QT_TRANSLATE_NOOP("Guide", "结果送达"),
    GuideSection.LEGAL_BASIS: QT_TRANSLATE_NOOP("Guide", "设定依据"),
    GuideSection.PLACE_AND_HOURS: QT_TRANSLATE_NOOP("Guide", "办理地点与时间"),
    GuideSection.BUNDLE: QT_TRANSLATE_NOOP("Guide", "一件事一次办"),
    GuideSection.BUNDLE_MATTERS: QT_TRANSLATE_NOOP("Guide", "包含事项"),
}


def section_title(section: GuideSection, matter: str = "") -> str:
    """A section's heading; in a bundle's guide, ``matter`` names the member it belongs to."""
    title = tr("Guide", _SECTION_TITLES[section])
    if not matter:
        return title
    return QCoreApplication.translate("Guide", "【{matter}】{section}").format(
        matter=matter, section=title
    )


def nothing() -> str:
    """The one line of a section with nothing in it."""
    return QCoreApplication.translate("Guide", "无")


# --- lines ------------------------------------------------------------------------------------


def time_limit(type_code: str, promised_days: int, statutory_days: int | None) -> str:
    """办件类型 and time limit: when it is done, and the legal limit when there is one."""
    kind = matter_type(type_code)
    if type_code == "instant":
        line = QCoreApplication.translate("Guide", "{kind}，当场办结")
    elif statutory_days is None:
        line = QCoreApplication.translate("Guide", "{kind}，承诺 {days} 个工作日办结")
    else:
        line = QCoreApplication.translate(
            "Guide", "{kind}，承诺 {days} 个工作日办结（法定 {statutory_days} 个工作日）"
        )
    return line.format(kind=kind, days=promised_days, statutory_days=statutory_days)


def material(
    name: str,
    *,
    required: bool,
    copies: int,
    deferrable: bool,
    accepts: Iterable[str],
    license_type: str = "",
    note: str = "",
) -> str:
    """One material: whether and how many, whether it may follow later, the accepted ways,
    then the electronic licence that replaces it and the platform's note, when there are."""
    if required and deferrable:
        line = QCoreApplication.translate("Guide", "{name}（必交，{copies} 份，可容缺后补）：{ways}")
    elif required:
        line = QCoreApplication.translate("Guide", "{name}（必交，{copies} 份）：{ways}")
    elif deferrable:
        line = QCoreApplication.translate("Guide", "{name}（选交，{copies} 份，可容缺后补）：{ways}")
    else:
        line = QCoreApplication.translate("Guide", "{name}（选交，{copies} 份）：{ways}")
    ways = listed(_worded(_ACCEPTS, a) for a in accepts)
    line = line.format(name=name, copies=copies, ways=ways)
    if license_type:
        line = QCoreApplication.translate("Guide", "{material}；电子证照：{license_type}").format(
            material=line, license_type=license_type
        )
    if note:
        line = QCoreApplication.translate("Guide", "{material}；{note}").format(
            material=line, note=note
        )
    return line


def form_field(label: str, *, required: bool, help_text: str = "") -> str:
    """One field of the form: its label, whether it must be filled, and its help."""
    if required and help_text:
        line = QCoreApplication.translate("Guide", "{label}（必填）：{help}")
    elif required:
        line = QCoreApplication.translate("Guide", "{label}（必填）")
    elif help_text:
        line = QCoreApplication.translate("Guide", "{label}：{help}")
    else:
        return label
    return line.format(label=label, help=help_text)


def fee(name: str, amount_cents: int, basis: str = "") -> str:
    """One fee: its amount in yuan (or free), and its legal basis when given."""
    if amount_cents == 0:
        amount = QCoreApplication.translate("Guide", "免费")
    else:
        amount = QCoreApplication.translate("Guide", "{yuan} 元").format(
            yuan=f"{amount_cents / 100:.2f}"
        )
    if basis:
        line = QCoreApplication.translate("Guide", "{fee}：{amount}（依据：{basis}）")
    else:
        line = QCoreApplication.translate("Guide", "{fee}：{amount}")
    return line.format(fee=name, amount=amount, basis=basis)


def no_fees() -> str:
    """The fees section of a matter that charges nothing."""
    return QCoreApplication.translate("Guide", "不收费")


def place_and_hours(place: str, hours: str, phone: str, department: str) -> list[str]:
    """Where and when to go, whom to call, and who decides (the usual place and hours when
    the catalogue names none)."""
    place = place or QCoreApplication.translate("Guide", "各级政务服务中心")
    hours = hours or QCoreApplication.translate("Guide", "工作日")
    return [
        QCoreApplication.translate("Guide", "地点：{place}").format(place=place),
        QCoreApplication.translate("Guide", "时间：{hours}").format(hours=hours),
        QCoreApplication.translate("Guide", "咨询电话：{phone}").format(phone=phone),
        QCoreApplication.translate("Guide", "实施部门：{department}").format(department=department),
    ]


def bundle_description(description: str) -> str:
    """What a bundle (一件事) is: the catalogue's description, or what every bundle is."""
    return description or QCoreApplication.translate("Guide", "多个部门的事项，一张表单、一次提交。")


def bundle_member(number: int, name: str, department: str, time_limit: str) -> str:
    """One numbered matter of a bundle, with its department and time limit."""
    line = QCoreApplication.translate("Guide", "{number}. {name}（{department}，{time_limit}）")
    return line.format(number=number, name=name, department=department, time_limit=time_limit)


# --- the catalogue list -----------------------------------------------------------------------


class Badge(StrEnum):
    """What a row of the list says about starting it here."""

    AVAILABLE = "available"
    BUNDLE = "bundle"
    GUIDE_ONLY = "guide_only"
    SUSPENDED = "suspended"


_BADGES: Mapping[Badge, str] = {
    Badge.AVAILABLE: QT_TRANSLATE_NOOP("Catalogue", "可办理"),
    Badge.BUNDLE: QT_TRANSLATE_NOOP("Catalogue", "一件事"),
    Badge.GUIDE_ONLY: QT_TRANSLATE_NOOP("Catalogue", "仅指南"),
    Badge.SUSPENDED: QT_TRANSLATE_NOOP("Catalogue", "暂停"),
}


def badge(value: Badge) -> str:
    """A row's badge."""
    return tr("Catalogue", _BADGES[value])


def matter_detail(department: str, type_code: str) -> str:
    """A matter row's second line: its department and type."""
    return QCoreApplication.translate("Catalogue", "{department} · {kind}").format(
        department=department, kind=matter_type(type_code)
    )


def bundle_detail(count: int) -> str:
    """A bundle row's second line: how many matters it joins."""
    return QCoreApplication.translate("Catalogue", "一件事 · {count} 个部门事项一次办").format(
        count=count
    )


def list_summary(count: int, *, query: str = "", group: str = "", bundles: bool = False) -> str:
    """The line above the list: what it shows (a search, a theme or department, the bundles
    or everything) and how many."""
    if query:
        line = QCoreApplication.translate("Catalogue", "“{query}”的搜索结果：{count} 项")
    elif group:
        line = QCoreApplication.translate("Catalogue", "{group}：{count} 项")
    elif bundles:
        line = QCoreApplication.translate("Catalogue", "一件事：{count} 项")
    else:
        line = QCoreApplication.translate("Catalogue", "全部事项：{count} 项")
    return line.format(query=query, group=group, count=count)


def empty_list(loading: bool) -> str:
    """What an empty list says: the catalogue is still coming, or nothing matched."""
    if loading:
        return QCoreApplication.translate("Catalogue", "正在获取事项目录，请稍候…")
    return QCoreApplication.translate("Catalogue", "没有找到相关事项，请换个说法，或到咨询台询问。")


def matter_subtitle(department: str, code: str) -> str:
    """Under a matter guide's title: its department and implementation code."""
    return QCoreApplication.translate("Catalogue", "{department} · 事项编码 {code}").format(
        department=department, code=code
    )


def bundle_subtitle() -> str:
    """Under a bundle guide's title."""
    return QCoreApplication.translate("Catalogue", "一件事一次办")
