"""A matter's or bundle's guide (办事指南) as titled sections of lines, every contract field."""

from __future__ import annotations

from kiosk.catalogue.model import Bundle, Catalogue, Matter

TYPE_TEXT = {"instant": "即办件", "promised": "承诺件"}
DELIVERY_TEXT = {
    "print_at_terminal": "本机打印",
    "mail": "邮寄送达",
    "window_pickup": "窗口领取",
    "electronic": "电子证照",
}
ACCEPTS_TEXT = {"scan": "本机拍照上传", "e_license": "电子证照免提交", "commitment": "告知承诺替代"}
IDENTITY_TEXT = {
    "none": "无需核验身份",
    "id_card": "刷身份证",
    "id_card_and_face": "刷身份证并人脸识别",
}
SELF_SERVICE_TEXT = {
    "full": "可在本机全程办理",
    "query_print": "可在本机查询打印",
    "guide_only": "本机仅提供指南，请到窗口办理或预约",
}
GUIDE_URL = "https://zwfw.example.gov.cn/guide/{code}"
"""Where a citizen's phone opens the guide (the platform's public guide page)."""

Section = dict[str, object]


def _yuan(cents: int) -> str:
    return "免费" if cents == 0 else f"{cents / 100:.2f} 元"


def type_line(matter: Matter) -> str:
    """办件类型 and time limit: 即办件 / 承诺件 · N 个工作日."""
    kind = TYPE_TEXT.get(matter.type, matter.type)
    if matter.type == "instant":
        return f"{kind}，当场办结"
    line = f"{kind}，承诺 {matter.promised_days} 个工作日办结"
    if matter.statutory_days is not None:
        line += f"（法定 {matter.statutory_days} 个工作日）"
    return line


def matter_sections(matter: Matter, prefix: str = "") -> list[Section]:
    """Every guide field of ``matter`` as sections; ``prefix`` names the matter in a bundle."""

    def section(title: str, lines: list[str]) -> Section:
        return {"title": prefix + title, "lines": lines or ["无"]}

    materials = []
    for m in matter.materials:
        ways = "、".join(ACCEPTS_TEXT.get(a, a) for a in m.accepts)
        flags = ["必交" if m.required else "选交", f"{m.copies} 份"]
        if m.deferrable:
            flags.append("可容缺后补")
        line = f"{m.name}（{'，'.join(flags)}）：{ways}"
        if m.license_type:
            line += f"；电子证照：{m.license_type}"
        if m.note:
            line += f"；{m.note}"
        materials.append(line)
    fields = [
        f"{f.label}{'（必填）' if f.required else ''}{'：' + f.help if f.help else ''}"
        for f in matter.form
    ]
    fees = [
        f"{f.name}：{_yuan(f.amount_cents)}" + (f"（依据：{f.basis}）" if f.basis else "")
        for f in matter.fees
    ] or ["不收费"]
    delivery = "、".join(DELIVERY_TEXT.get(d, d) for d in matter.result_delivery)
    return [
        section("办件类型与时限", [type_line(matter)]),
        section(
            "办理方式",
            [
                SELF_SERVICE_TEXT.get(matter.self_service, matter.self_service),
                "身份核验：" + IDENTITY_TEXT.get(matter.identity, matter.identity),
                "可预约窗口办理" if matter.appointment else "无需预约",
            ],
        ),
        section("受理条件", [f"{i}. {c}" for i, c in enumerate(matter.conditions, 1)]),
        section("办理流程", [f"{i}. {s}" for i, s in enumerate(matter.steps, 1)]),
        section("申请材料", materials),
        section("表单内容", fields),
        section("收费标准", fees),
        section("结果送达", [delivery]),
        section("设定依据", list(matter.legal_basis)),
        section(
            "办理地点与时间",
            [
                f"地点：{matter.place or '各级政务服务中心'}",
                f"时间：{matter.hours or '工作日'}",
                f"咨询电话：{matter.phone or '12345'}",
                f"实施部门：{matter.department}",
            ],
        ),
    ]


def bundle_sections(bundle: Bundle, catalogue: Catalogue) -> list[Section]:
    """A bundle's description, its matters, then every member matter's full guide."""
    members = [m for code in bundle.matters if (m := catalogue.matter(code)) is not None]
    sections: list[Section] = [
        {
            "title": "一件事一次办",
            "lines": [bundle.description or "多个部门的事项，一张表单、一次提交。"],
        },
        {
            "title": "包含事项",
            "lines": [
                f"{i}. {m.name}（{m.department}，{type_line(m)}）"
                for i, m in enumerate(members, 1)
            ],
        },
    ]
    for matter in members:
        sections.extend(matter_sections(matter, prefix=f"【{matter.short_name or matter.name}】"))
    return sections
