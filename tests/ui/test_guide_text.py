"""The guide's and catalogue list's words: every code worded, whole sentences filled with the
catalogue's values as they are."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui import guide_text
from ui.guide_text import Badge, GuideSection


def test_every_contract_code_is_worded_and_an_unknown_one_shown_as_itself() -> None:
    assert [guide_text.matter_type(t) for t in ("instant", "promised")] == ["即办件", "承诺件"]
    assert guide_text.self_service("guide_only") == "本机仅提供指南，请到窗口办理或预约"
    assert guide_text.identity_check("id_card_and_face") == "身份核验：刷身份证并人脸识别"
    assert guide_text.delivery(["print_at_terminal", "mail", "window_pickup", "electronic"]) == (
        "本机打印、邮寄送达、窗口领取、电子证照"
    )
    assert guide_text.matter_type("overnight") == "overnight"
    assert guide_text.delivery(["mail", "drone"]) == "邮寄送达、drone"


def test_the_time_limit_names_the_promised_and_the_statutory_days() -> None:
    assert guide_text.time_limit("instant", 0, None) == "即办件，当场办结"
    assert guide_text.time_limit("promised", 5, None) == "承诺件，承诺 5 个工作日办结"
    assert guide_text.time_limit("promised", 5, 20) == (
        "承诺件，承诺 5 个工作日办结（法定 20 个工作日）"
    )


def test_a_material_says_whether_how_many_and_how_in_one_line() -> None:
    assert guide_text.material(
        "户口簿", required=True, copies=1, deferrable=False, accepts=["scan", "e_license"]
    ) == "户口簿（必交，1 份）：本机拍照上传、电子证照免提交"
    assert guide_text.material(
        "结婚证",
        required=False,
        copies=2,
        deferrable=True,
        accepts=["commitment"],
        license_type="结婚证",
        note="原件核验",
    ) == "结婚证（选交，2 份，可容缺后补）：告知承诺替代；电子证照：结婚证；原件核验"


def test_a_form_field_says_whether_it_must_be_filled_and_its_help() -> None:
    assert guide_text.form_field("姓名", required=False) == "姓名"
    assert guide_text.form_field("姓名", required=True) == "姓名（必填）"
    assert guide_text.form_field("电话", required=False, help_text="11 位") == "电话：11 位"
    assert guide_text.form_field("电话", required=True, help_text="11 位") == "电话（必填）：11 位"


def test_a_fee_is_free_or_in_yuan_with_its_basis() -> None:
    assert guide_text.fee("工本费", 0) == "工本费：免费"
    assert guide_text.fee("证书费", 1250, "某收费标准") == "证书费：12.50 元（依据：某收费标准）"
    assert guide_text.no_fees() == "不收费"


def test_a_bundle_members_section_titles_carry_its_name() -> None:
    assert guide_text.section_title(GuideSection.MATERIALS) == "申请材料"
    assert guide_text.section_title(GuideSection.MATERIALS, "出生登记") == "【出生登记】申请材料"
    assert all(guide_text.section_title(s) for s in GuideSection)


def test_place_and_hours_fall_back_to_the_usual_ones() -> None:
    assert guide_text.place_and_hours("", "", "12345", "民政局") == [
        "地点：各级政务服务中心",
        "时间：工作日",
        "咨询电话：12345",
        "实施部门：民政局",
    ]


def test_every_badge_is_worded() -> None:
    assert [guide_text.badge(b) for b in Badge] == ["可办理", "一件事", "仅指南", "暂停"]


def test_the_list_summary_says_what_the_list_shows_and_how_many() -> None:
    assert guide_text.list_summary(3, query="社保") == "“社保”的搜索结果：3 项"
    assert guide_text.list_summary(2, group="婚育收养") == "婚育收养：2 项"
    assert guide_text.list_summary(4, bundles=True) == "一件事：4 项"
    assert guide_text.list_summary(9) == "全部事项：9 项"


@given(st.text(min_size=1))
def test_whatever_the_citizen_types_is_quoted_as_typed(query: str) -> None:
    assert guide_text.list_summary(1, query=query) == f"“{query}”的搜索结果：1 项"


def test_an_empty_list_says_whether_the_catalogue_is_still_coming() -> None:
    assert guide_text.empty_list(loading=True) == "正在获取事项目录，请稍候…"
    assert "没有找到相关事项" in guide_text.empty_list(loading=False)
