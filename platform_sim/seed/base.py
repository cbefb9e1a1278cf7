"""Building blocks of the seed catalogue: departments, laws, recurring materials and form
fields, and :func:`matter`, which turns one row of a matter table into a contract ``Matter``
with its complete guide (办事指南)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pypinyin import Style, lazy_pinyin

JSON = dict[str, Any]
SelfService = Literal["full", "query_print", "guide_only"]
Identity = Literal["none", "id_card", "id_card_and_face"]

REGION = "330109"
"""The simulated terminal's district (杭州市萧山区), as in ``config/default.toml``."""

CENTRE = "萧山区政务服务中心(杭州市萧山区市心中路818号)"
HALL_HOURS = "周一至周五 9:00-12:00, 13:30-17:00(法定节假日除外)"
SELF_SERVICE_HOURS = "自助终端24小时可办; 窗口" + HALL_HOURS

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(kind: str, org: str) -> str:
    """A unified social credit code (GB 32100) for an organisation of ``kind`` ("11" organ of
    state, "12" public institution, "91" company) registered in :data:`REGION`, with its check
    character; ``org`` is the 9-character organisation code."""
    body = kind + REGION + org
    total = sum(_USCC_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of an ID number's first 17 digits."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


def pinyin(text: str) -> str:
    """Full pinyin of ``text``: lower case, toneless, syllables separated by spaces; characters
    that are not Chinese (punctuation, brackets) are left out."""
    return " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


@dataclass(frozen=True)
class Dept:
    """A department that implements matters, with its window and consultation phone."""

    name: str
    org: str
    place: str
    phone: str
    kind: str = "11"

    @property
    def credit_code(self) -> str:
        """The department's unified social credit code."""
        return uscc(self.kind, self.org)


def _window(where: str) -> str:
    return f"{CENTRE}{where}"


PSB = Dept(
    "杭州市公安局萧山区分局", "002500011", _window("1楼 公安户籍窗口(12-15号)"), "0571-12345"
)
EXIT_ENTRY = Dept(
    "杭州市公安局萧山区分局出入境管理大队", "002500029", _window("1楼 出入境窗口(16-18号)"), "12367"
)
TRAFFIC = Dept(
    "杭州市公安局交通警察支队萧山大队",
    "002500037",
    _window("1楼 车驾管窗口(20-23号)"),
    "0571-12345",
)
HRSS = Dept(
    "杭州市萧山区人力资源和社会保障局", "002500045", _window("2楼 人力社保窗口(30-39号)"), "12333"
)
MEDICARE = Dept("杭州市萧山区医疗保障局", "MB1900053", _window("2楼 医保窗口(40-45号)"), "12393")
HOUSING_FUND = Dept(
    "杭州住房公积金管理中心萧山分中心",
    "MB1900061",
    _window("2楼 公积金窗口(46-50号)"),
    "12329",
    kind="12",
)
CIVIL = Dept("杭州市萧山区民政局", "002500070", _window("3楼 民政窗口(51-54号)"), "0571-12345")
MARRIAGE_OFFICE = Dept(
    "杭州市萧山区民政局婚姻登记处",
    "MB1900088",
    "萧山区婚姻登记处(杭州市萧山区育才路518号)",
    "0571-12345",
    kind="12",
)
TAX = Dept("国家税务总局杭州市萧山区税务局", "MB1900096", _window("3楼 税务窗口(55-62号)"), "12366")
LAND = Dept(
    "杭州市规划和自然资源局萧山分局",
    "002500109",
    _window("4楼 不动产登记窗口(63-75号)"),
    "0571-12345",
)
HEALTH = Dept("杭州市萧山区卫生健康局", "002500117", _window("3楼 卫健窗口(76-77号)"), "12320")
EDUCATION = Dept("杭州市萧山区教育局", "002500125", _window("3楼 教育窗口(78-79号)"), "0571-12345")
TRANSPORT = Dept("杭州市萧山区交通运输局", "002500133", _window("1楼 交通窗口(24-25号)"), "12328")
DISABLED = Dept(
    "杭州市萧山区残疾人联合会",
    "MB1900141",
    _window("3楼 残联窗口(80号)"),
    "12385",
    kind="13",
)
MARKET = Dept(
    "杭州市萧山区市场监督管理局", "00250015X", _window("4楼 市场准入窗口(81-90号)"), "12315"
)
VETERANS = Dept(
    "杭州市萧山区退役军人事务局", "002500168", _window("3楼 退役军人窗口(91号)"), "0571-12345"
)
JUSTICE = Dept("杭州市萧山区司法局", "002500176", _window("3楼 法律援助窗口(92号)"), "12348")
HOUSING = Dept(
    "杭州市萧山区住房和城乡建设局", "002500184", _window("4楼 住房保障窗口(93-95号)"), "0571-12345"
)
WATER = Dept(
    "杭州萧山水务有限公司", "MA27X0012", _window("4楼 水电气联办窗口(96号)"), "0571-12345", "91"
)
POWER = Dept(
    "国网浙江省电力有限公司杭州市萧山区供电公司",
    "MA27X0020",
    _window("4楼 水电气联办窗口(97号)"),
    "95598",
    "91",
)
GAS = Dept(
    "杭州萧山天然气有限公司", "MA27X0039", _window("4楼 水电气联办窗口(98号)"), "0571-12345", "91"
)

# Matter categories (事项类型), the two digits after the agency in an implementation code.
PERMIT, BENEFIT, CONFIRM, OTHER_POWER, PUBLIC = "01", "05", "07", "10", "20"


class Law:
    """Laws and regulations that recur as legal basis (设定依据)."""

    HUKOU = "《中华人民共和国户口登记条例》"
    ID_CARD = "《中华人民共和国居民身份证法》"
    RESIDENCE = "《居住证暂行条例》(国务院令第663号)"
    EXIT_ENTRY = "《中华人民共和国出境入境管理法》"
    HK_MACAO = "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》"
    ROAD = "《中华人民共和国道路交通安全法》"
    DRIVING = "《机动车驾驶证申领和使用规定》(公安部令第162号)"
    VEHICLE = "《机动车登记规定》(公安部令第164号)"
    SOCIAL_INSURANCE = "《中华人民共和国社会保险法》"
    SI_COLLECTION = "《社会保险费征缴暂行条例》"
    UNEMPLOYMENT = "《失业保险条例》"
    WORK_INJURY = "《工伤保险条例》"
    EMPLOYMENT = "《中华人民共和国就业促进法》"
    EMPLOYMENT_SERVICE = "《就业服务与就业管理规定》(劳动和社会保障部令第28号)"
    RURAL_PENSION = "《国务院关于建立统一的城乡居民基本养老保险制度的意见》(国发〔2014〕8号)"
    PENSION_TRANSFER = "《城镇企业职工基本养老保险关系转移接续暂行办法》(国办发〔2009〕66号)"
    SSC = "《社会保障卡管理办法》(人社部发〔2011〕47号)"
    LABOUR_DISPUTE = "《中华人民共和国劳动争议调解仲裁法》"
    MEDICAL_FUND = "《医疗保障基金使用监督管理条例》(国务院令第735号)"
    MEDICAL_TRANSFER = "《基本医疗保险关系转移接续暂行办法》(医保发〔2021〕30号)"
    CROSS_REGION = (
        "《国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》"
        "(医保发〔2022〕22号)"
    )
    HOUSING_FUND = "《住房公积金管理条例》"
    HF_FLEXIBLE = "《杭州市灵活就业人员住房公积金缴存使用管理办法》"
    MARRIAGE = "《婚姻登记条例》"
    CIVIL_CODE = "《中华人民共和国民法典》"
    ASSISTANCE = "《社会救助暂行办法》(国务院令第649号)"
    ZJ_ASSISTANCE = "《浙江省社会救助条例》"
    ELDERLY = "《中华人民共和国老年人权益保障法》"
    FUNERAL = "《殡葬管理条例》"
    DISABILITY = "《中华人民共和国残疾人保障法》"
    DISABILITY_CARD = "《中华人民共和国残疾人证管理办法》(残联发〔2017〕29号)"
    TWO_SUBSIDIES = (
        "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》(国发〔2015〕52号)"
    )
    TAX_ADMIN = "《中华人民共和国税收征收管理法》"
    IIT = "《中华人民共和国个人所得税法》"
    IIT_DEDUCTION = "《个人所得税专项附加扣除暂行办法》(国发〔2018〕41号)"
    INVOICE = "《中华人民共和国发票管理办法》"
    DEED_TAX = "《中华人民共和国契税法》"
    REAL_ESTATE = "《不动产登记暂行条例》"
    REAL_ESTATE_RULES = "《不动产登记暂行条例实施细则》"
    URBAN_REAL_ESTATE = "《中华人民共和国城市房地产管理法》"
    MATERNAL = "《中华人民共和国母婴保健法》"
    POPULATION = "《中华人民共和国人口与计划生育法》"
    ZJ_POPULATION = "《浙江省人口与计划生育条例》"
    VACCINE = "《中华人民共和国疫苗管理法》"
    PHYSICIAN = "《中华人民共和国医师法》"
    NURSE = "《护士条例》"
    COMPULSORY_EDUCATION = "《中华人民共和国义务教育法》"
    TEACHER = "《教师资格条例》"
    MARKET_ENTITY = "《中华人民共和国市场主体登记管理条例》"
    INDIVIDUAL_BUSINESS = "《促进个体工商户发展条例》"
    FOOD_SAFETY = "《中华人民共和国食品安全法》"
    CONSUMER = "《中华人民共和国消费者权益保护法》"
    VETERANS = "《中华人民共和国退役军人保障法》"
    PENSIONS_PREFERENTIAL = "《军人抚恤优待条例》"
    LEGAL_AID = "《中华人民共和国法律援助法》"
    TAXI = "《巡游出租汽车经营服务管理规定》(交通运输部令2021年第16号)"
    RIDE_HAILING = "《网络预约出租汽车经营服务管理暂行办法》"
    ROAD_TRANSPORT_STAFF = "《道路运输从业人员管理规定》"
    PUBLIC_RENTAL = "《公共租赁住房管理办法》(住房和城乡建设部令第11号)"
    LEASE = "《商品房屋租赁管理办法》(住房和城乡建设部令第8号)"
    CRIMINAL_RECORD = "《公安机关办理无犯罪记录证明工作规定》(公通字〔2021〕19号)"
    E_LICENCE = "《国务院关于在线政务服务的若干规定》(国务院令第716号)"
    UTILITIES = "《浙江省人民政府办公厅关于不动产登记与水电气网联动过户的实施意见》"


# ---------------------------------------------------------------- materials (MaterialSpec)


COMMITMENT_TEXT = (
    "本人承诺：所申报的“{material}”相关情况真实、准确、完整，与原件一致；"
    "如有虚假，愿意承担相应的法律责任，并同意相关部门依法核查。"
)
"""The commitment (告知承诺) a material accepting ``commitment`` carries (contract 1.1)."""


def material(
    mid: str,
    name: str,
    accepts: Sequence[str] = ("scan",),
    *,
    required: bool = True,
    license_type: str | None = None,
    deferrable: bool = False,
    copies: int | None = None,
    note: str | None = None,
) -> JSON:
    """A ``MaterialSpec``; a licence type is required exactly when ``e_license`` is accepted."""
    if ("e_license" in accepts) != (license_type is not None):
        raise ValueError(f"material {mid}: license_type goes with e_license")
    spec: JSON = {"id": mid, "name": name, "required": required, "accepts": list(accepts)}
    if license_type is not None:
        spec["license_type"] = license_type
    if copies is not None:
        spec["copies"] = copies
    if deferrable:
        spec["deferrable"] = True
    if note is not None:
        spec["note"] = note
    if "commitment" in accepts:
        spec["commitment_text"] = COMMITMENT_TEXT.format(material=name)
    return spec


def licence_material(mid: str, name: str, license_type: str, **kw: Any) -> JSON:
    """A material an electronic licence satisfies; a scan of the paper one also does."""
    return material(mid, name, ("e_license", "scan"), license_type=license_type, **kw)


def hukou(**kw: Any) -> JSON:
    """居民户口簿."""
    return licence_material("hukou_booklet", "居民户口簿", "hukou_booklet", **kw)


def marriage_cert(**kw: Any) -> JSON:
    """结婚证."""
    return licence_material("marriage_certificate", "结婚证", "marriage_certificate", **kw)


def birth_cert(**kw: Any) -> JSON:
    """出生医学证明."""
    return licence_material("birth_certificate", "出生医学证明", "birth_certificate", **kw)


def ssc(**kw: Any) -> JSON:
    """社会保障卡 (its financial account receives payments)."""
    return licence_material(
        "social_security_card", "社会保障卡(市民卡)", "social_security_card", **kw
    )


def disability_cert(**kw: Any) -> JSON:
    """残疾人证."""
    return licence_material(
        "disability_certificate", "中华人民共和国残疾人证", "disability_certificate", **kw
    )


def residence_permit(**kw: Any) -> JSON:
    """居住证."""
    return licence_material("residence_permit", "浙江省居住证", "residence_permit", **kw)


def business_licence(**kw: Any) -> JSON:
    """营业执照."""
    return licence_material("business_license", "营业执照", "business_license", **kw)


def driving_licence(**kw: Any) -> JSON:
    """机动车驾驶证."""
    return licence_material("driving_license", "机动车驾驶证", "driving_license", **kw)


def property_cert(**kw: Any) -> JSON:
    """不动产权证书."""
    return licence_material(
        "real_estate_certificate", "不动产权证书", "real_estate_certificate", **kw
    )


def photo(note: str = "近6个月内正面免冠彩色照片, 可在终端现场拍摄") -> JSON:
    """A recent photo, taken at the terminal's camera."""
    return material("photo", "近期免冠证件照片", note=note)


def bank_card() -> JSON:
    """The applicant's own bank account, for payments."""
    return material(
        "bank_card",
        "本人银行卡或社会保障卡金融账户",
        ("scan", "commitment"),
        note="用于发放待遇或补贴; 已开通社保卡金融功能的可承诺使用社保卡账户",
    )


def scan(mid: str, name: str, **kw: Any) -> JSON:
    """A paper material captured by the terminal's document camera."""
    return material(mid, name, **kw)


def promise(mid: str, name: str, **kw: Any) -> JSON:
    """A proof that a signed commitment (告知承诺) may replace, or a scan."""
    return material(mid, name, ("commitment", "scan"), **kw)


# ---------------------------------------------------------------- form fields (FormField)

PHONE_PATTERN = "^1[3-9][0-9]{9}$"


def field(
    fid: str,
    label: str,
    ftype: str = "text",
    *,
    required: bool = True,
    prefill: str | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
    options: Sequence[tuple[str, str]] = (),
    hint: str | None = None,
) -> JSON:
    """A ``FormField`` (``hint`` is its help text); select fields must have options."""
    if (ftype == "select") != bool(options):
        raise ValueError(f"field {fid}: options go with select")
    spec: JSON = {"id": fid, "label": label, "type": ftype, "required": required}
    if max_length is not None:
        spec["max_length"] = max_length
    if pattern is not None:
        spec["pattern"] = pattern
    if options:
        spec["options"] = [{"value": v, "label": lab} for v, lab in options]
    if prefill is not None:
        spec["prefill"] = prefill
    if hint is not None:
        spec["help"] = hint
    return spec


def text(fid: str, label: str, max_length: int = 50, **kw: Any) -> JSON:
    """A one-line text field."""
    return field(fid, label, "text", max_length=max_length, **kw)


def select(fid: str, label: str, options: Sequence[tuple[str, str]], **kw: Any) -> JSON:
    """A choice among ``options`` (value, label)."""
    return field(fid, label, "select", options=options, **kw)


def date(fid: str, label: str, **kw: Any) -> JSON:
    """A date field."""
    return field(fid, label, "date", **kw)


def number(fid: str, label: str, **kw: Any) -> JSON:
    """A number field."""
    return field(fid, label, "number", **kw)


def textarea(fid: str, label: str, max_length: int = 500, **kw: Any) -> JSON:
    """A multi-line text field."""
    return field(fid, label, "textarea", max_length=max_length, **kw)


def person(prefix: str, who: str, *, prefill_from: str | None = None) -> list[JSON]:
    """Name and ID number of another person (spouse, child, deceased...); ``prefill_from``
    names licence fields ``<prefix>_name``/``<prefix>_id_number`` to take them from."""
    src = (lambda f: f"{prefill_from}.{prefix}_{f}") if prefill_from else (lambda f: None)
    return [
        text(f"{prefix}_name", f"{who}姓名", 30, prefill=src("name")),
        field(f"{prefix}_id_number", f"{who}公民身份号码", "id_number", prefill=src("id_number")),
    ]


def applicant(*, with_phone: bool = True) -> list[JSON]:
    """The applicant block every form starts with, prefilled from the ID card."""
    fields = [
        text("applicant_name", "申请人姓名", 30, prefill="id.name"),
        field("applicant_id_number", "公民身份号码", "id_number", prefill="id.number"),
    ]
    if with_phone:
        fields.append(
            field(
                "phone",
                "联系电话",
                "phone",
                pattern=PHONE_PATTERN,
                hint="用于接收办理进度短信",
            )
        )
    return fields


def sex() -> JSON:
    """Sex, from the ID card."""
    return select("sex", "性别", [("male", "男"), ("female", "女")], prefill="id.sex")


def nation() -> JSON:
    """Ethnic group, from the ID card."""
    return text("nation", "民族", 10, prefill="id.nation")


def birth() -> JSON:
    """Date of birth, from the ID card."""
    return date("birth_date", "出生日期", prefill="id.birth")


def home_address(label: str = "户籍地址") -> JSON:
    """The address on the ID card."""
    return field("home_address", label, "address", prefill="id.address")


def mail_address(required: bool = False) -> JSON:
    """Where a result is posted."""
    return field(
        "mail_address", "邮寄地址", "address", required=required, hint="选择邮寄送达时填写"
    )


def bank_account() -> list[JSON]:
    """A bank account for payments."""
    return [
        text("bank_name", "开户银行", 40, prefill="license.social_security_card.bank"),
        text(
            "bank_account",
            "银行账号",
            30,
            pattern="^[0-9]{12,30}$",
            prefill="license.social_security_card.bank_account",
        ),
    ]


def period() -> list[JSON]:
    """The period a certificate covers (query_print matters)."""
    return [
        select(
            "period",
            "查询期间",
            [("12m", "最近12个月"), ("36m", "最近36个月"), ("all", "全部参保期间")],
        )
    ]


def purpose(options: Sequence[str]) -> JSON:
    """What a certificate is for."""
    return select("purpose", "用途", [(f"p{i}", o) for i, o in enumerate(options, 1)])


def relation(fid: str = "relation", label: str = "与当事人关系") -> JSON:
    """Relation of the applicant to the person concerned."""
    return select(
        fid,
        label,
        [
            ("self", "本人"),
            ("spouse", "配偶"),
            ("child", "子女"),
            ("parent", "父母"),
            ("other", "其他近亲属"),
        ],
    )


def fee(name: str, yuan: int, basis: str) -> JSON:
    """A fee item in cents."""
    return {"name": name, "amount_cents": yuan * 100, "basis": basis}


ID_CARD_FEE_BASIS = (
    "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》(发改价格〔2003〕2322号)"
)
REAL_ESTATE_FEE_BASIS = (
    "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》(发改价格规〔2016〕2559号)"
)

# ---------------------------------------------------------------- the matter itself

_DELIVERY_LABEL = {
    "print_at_terminal": "在终端打印",
    "mail": "邮政寄递",
    "window_pickup": "窗口领取",
    "electronic": "电子证照/短信推送",
}


def _default_delivery(self_service: SelfService, days: int) -> list[str]:
    if self_service == "guide_only":
        return ["window_pickup", "mail"]
    if days == 0:
        return ["print_at_terminal", "electronic"]
    return ["electronic", "mail", "window_pickup"]


def _default_identity(self_service: SelfService) -> Identity:
    return "id_card" if self_service == "guide_only" else "id_card_and_face"


def _steps(
    self_service: SelfService,
    identity: Identity,
    days: int,
    dept: Dept,
    review: str,
    materials: Sequence[JSON],
    fees: Sequence[JSON],
    delivery: Sequence[str],
) -> list[str]:
    names = "、".join(m["name"] for m in materials)
    how = "、".join(_DELIVERY_LABEL[d] for d in delivery)
    when = f"{days}个工作日内办结" if days else "即时办结"
    if self_service == "guide_only":
        steps = ["在终端查看办事指南, 预约窗口办理时段(也可通过浙里办预约)"]
        if names:
            steps.append(f"按预约时间携带{names}原件到{dept.place}")
        steps += [f"窗口受理: {review}", f"{when}; 结果送达: {how}"]
        return steps
    login = {
        "none": "在终端选择本事项",
        "id_card": "刷身份证登录(或扫浙里办二维码登录)",
        "id_card_and_face": "刷身份证并完成人脸识别(或扫浙里办二维码登录)",
    }[identity]
    if self_service == "query_print":
        return [
            login,
            "选择查询条件(期间、用途等), 核对查询结果",
            review,
            f"结果: {how}; 证明附验真二维码, 可扫码核验真伪",
        ]
    steps = [login, "阅读办事指南并确认告知事项, 核对自动带出的身份信息, 填写申请表"]
    if names:
        steps.append(f"提交材料: {names}(可调用电子证照、在终端拍摄或签署告知承诺)")
    if fees:
        total = sum(f["amount_cents"] for f in fees) / 100
        steps.append(f"扫码支付{total:.2f}元(统一公共支付平台, 开具电子票据)")
    steps += [f"{dept.name}审核: {review}", f"{when}; 结果送达: {how}; 可凭回执二维码查询进度"]
    return steps


def matter(
    name: str,
    dept: Dept,
    theme: str,
    *,
    keywords: Sequence[str],
    basis: Sequence[str],
    conditions: Sequence[str],
    review: str,
    self_service: SelfService = "full",
    days: int = 0,
    statutory_days: int | None = None,
    materials: Sequence[JSON] = (),
    fields: Sequence[JSON] = (),
    fees: Sequence[JSON] = (),
    identity: Identity | None = None,
    delivery: Sequence[str] | None = None,
    category: str = PUBLIC,
    short_name: str | None = None,
    audience: str = "personal",
) -> JSON:
    """One contract ``Matter`` with its whole guide. The implementation code, pinyin, process
    steps, hours and the applicant block of the form are derived; ``review`` says what the
    department checks or does, for the steps."""
    if self_service == "query_print" and days:
        raise ValueError(f"{name}: a query_print matter is instant")
    ident = identity or _default_identity(self_service)
    if self_service == "guide_only" and ident == "id_card_and_face":
        raise ValueError(f"{name}: guide_only matters need at most an ID card")
    deliver = list(delivery or _default_delivery(self_service, days))
    digest = int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 10**6
    form = applicant(with_phone=self_service != "query_print") + list(fields)
    out: JSON = {
        "code": f"{dept.credit_code}4{category}{digest:06d}000",
        "name": name,
    }
    if short_name:
        out["short_name"] = short_name
    out |= {
        "pinyin": pinyin(name),
        "keywords": list(keywords),
        "department": dept.name,
        "theme": theme,
        "audience": audience,
        "type": "promised" if days else "instant",
        "promised_days": days,
    }
    if statutory_days is not None:
        out["statutory_days"] = statutory_days
    out |= {
        "legal_basis": list(basis),
        "conditions": list(conditions),
        "steps": _steps(self_service, ident, days, dept, review, materials, fees, deliver),
        "fees": list(fees),
        "materials": list(materials),
        "form": {"fields": form},
        "identity": ident,
        "result_delivery": deliver,
        "self_service": self_service,
        "appointment": self_service == "guide_only",
        "hours": HALL_HOURS if self_service == "guide_only" else SELF_SERVICE_HOURS,
        "place": dept.place,
        "phone": dept.phone,
    }
    return out
