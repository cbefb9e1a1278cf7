"""Matters of real estate (不动产登记), housing (住建), market regulation (市场监管) and the
utilities that follow a property transfer (水电气联动过户)."""

from __future__ import annotations

from platform_sim.seed.base import (
    CONFIRM,
    GAS,
    HOUSING,
    JSON,
    LAND,
    MARKET,
    OTHER_POWER,
    PERMIT,
    POWER,
    REAL_ESTATE_FEE_BASIS,
    WATER,
    Dept,
    Law,
    bank_account,
    business_licence,
    date,
    fee,
    field,
    hukou,
    marriage_cert,
    number,
    promise,
    property_cert,
    residence_permit,
    scan,
    select,
    text,
    textarea,
)
from platform_sim.seed.base import matter as m

ESTATE = "不动产登记"
HOME = "住房保障"
BUSINESS = "就业创业"

_REGISTRATION_FEE = fee("住宅类不动产登记费", 80, REAL_ESTATE_FEE_BASIS)
_CERT_FEE = fee("不动产权证书工本费", 10, REAL_ESTATE_FEE_BASIS)
_LOCATION = text(
    "property_address", "不动产坐落", 100, prefill="license.real_estate_certificate.location"
)
_CERT_NO = text(
    "certificate_no", "不动产权证号", 40, prefill="license.real_estate_certificate.number"
)
_CONTRACT_NO = text("contract_no", "网签合同编号", 30)
_OPERATOR = [
    text("business_name", "个体工商户名称", 60, prefill="license.business_license.business_name"),
    text("credit_code", "统一社会信用代码", 18, prefill="license.business_license.credit_code"),
]
_ACCOUNT_NO = text("account_no", "户号", 20, pattern="^[0-9]{6,20}$", hint="见缴费单或账单")


def _utility(name: str, dept: Dept, what: str, keywords: list[str]) -> JSON:
    """A utility account transfer (过户) that follows a property transfer."""
    return m(
        name,
        dept,
        ESTATE,
        keywords=keywords,
        basis=[Law.UTILITIES, "《优化营商环境条例》第三十九条"],
        conditions=[
            f"房屋已办理不动产转移登记, 新产权人申请{what}过户",
            "原户号无欠费(欠费可在过户时结清)",
        ],
        review=f"根据不动产登记共享信息将{what}户名变更为新产权人, 开通电子账单",
        materials=[property_cert(note="新产权人的不动产权证书, 不动产联动办理的免交")],
        fields=[
            _ACCOUNT_NO,
            _LOCATION,
            select("bill", "账单方式", [("e", "电子账单"), ("paper", "纸质账单")]),
        ],
        delivery=["electronic", "print_at_terminal"],
    )


_ESTATE: list[JSON] = [
    m(
        "不动产登记信息查询打印",
        LAND,
        ESTATE,
        short_name="不动产权属证明",
        keywords=["房产证明", "无房证明", "有房证明", "房产查询", "不动产证明"],
        basis=[
            Law.REAL_ESTATE + "第二十七条",
            "《不动产登记资料查询暂行办法》(国土资源部令第80号)",
        ],
        conditions=["权利人查询本人名下的不动产登记信息", "用于入学、购房资格、公积金、落户等"],
        review="检索全市不动产登记簿, 生成权属证明(名下无房的生成无房证明)",
        self_service="query_print",
        category=OTHER_POWER,
        fields=[
            select(
                "scope", "查询范围", [("own", "本人名下"), ("family", "本人及配偶、未成年子女")]
            ),
            select(
                "purpose",
                "用途",
                [
                    ("school", "子女入学"),
                    ("purchase", "购房资格"),
                    ("fund", "公积金"),
                    ("other", "其他"),
                ],
            ),
        ],
    ),
    m(
        "存量房转移登记",
        LAND,
        ESTATE,
        short_name="二手房过户",
        keywords=["二手房过户", "房产过户", "买卖过户", "房屋转移登记"],
        basis=[
            Law.REAL_ESTATE + "第十四条",
            Law.REAL_ESTATE_RULES + "第三十八条",
            Law.URBAN_REAL_ESTATE,
        ],
        conditions=[
            "买卖双方已签订存量房买卖合同并网签",
            "契税等税费已缴纳, 房屋无查封",
            "买卖双方共同申请",
        ],
        review="审核权属和完税信息, 登簿并核发电子不动产权证书(60分钟领证)",
        self_service="guide_only",
        days=1,
        category=CONFIRM,
        materials=[
            property_cert(note="卖方的不动产权证书"),
            scan("contract", "存量房买卖合同"),
            marriage_cert(required=False, note="按婚姻状况提供"),
            scan("tax", "完税凭证", note="税务共享的免交"),
        ],
        fees=[_REGISTRATION_FEE],
    ),
    m(
        "新建商品房转移登记",
        LAND,
        ESTATE,
        keywords=["新房办证", "商品房办证", "交房即交证"],
        basis=[Law.REAL_ESTATE + "第十四条", Law.REAL_ESTATE_RULES + "第三十八条"],
        conditions=["开发企业已办理首次登记", "购房人已缴纳契税和维修基金"],
        review="审核购房合同和完税信息, 登簿并核发不动产权证书",
        days=3,
        category=CONFIRM,
        materials=[
            scan("contract", "商品房买卖合同"),
            marriage_cert(required=False),
            promise("tax", "契税完税凭证", note="税务共享的免交"),
        ],
        fees=[_REGISTRATION_FEE],
        fields=[
            _CONTRACT_NO,
            text("project", "楼盘名称", 60),
            select(
                "share",
                "共有方式",
                [("single", "单独所有"), ("joint", "共同共有"), ("by_share", "按份共有")],
            ),
        ],
        delivery=["electronic", "mail", "window_pickup"],
    ),
    m(
        "不动产抵押权注销登记",
        LAND,
        ESTATE,
        keywords=["解押", "抵押注销", "房贷还清解押"],
        basis=[Law.REAL_ESTATE_RULES + "第七十三条", Law.CIVIL_CODE + "第三百九十三条"],
        conditions=["主债权已消灭(贷款已还清)", "抵押权人(银行)同意注销, 已线上推送"],
        review="核对银行推送的注销申请, 注销抵押登记",
        category=CONFIRM,
        materials=[
            property_cert(),
            scan("settlement", "贷款结清证明", note="公积金或银行线上推送的免交"),
        ],
        fields=[_CERT_NO, text("mortgagee", "抵押权人(银行)", 60)],
        delivery=["electronic", "print_at_terminal"],
    ),
    m(
        "不动产权证书补证换证",
        LAND,
        ESTATE,
        keywords=["房产证丢了", "补办房产证", "换新版房产证"],
        basis=[Law.REAL_ESTATE_RULES + "第二十二条"],
        conditions=["不动产权证书遗失、灭失或损坏", "补证的需在门户网站公告15个工作日"],
        review="公告后注销原证, 补发或换发不动产权证书",
        days=5,
        category=CONFIRM,
        materials=[promise("loss", "遗失声明或损坏的原证书")],
        fees=[_CERT_FEE],
        fields=[
            _LOCATION,
            _CERT_NO,
            select(
                "reason", "原因", [("lost", "遗失"), ("damaged", "损坏"), ("old", "旧证换新证")]
            ),
        ],
        delivery=["mail", "window_pickup"],
    ),
    m(
        "不动产继承转移登记",
        LAND,
        "身后事",
        keywords=["房产继承", "继承过户", "遗产房子"],
        basis=[Law.REAL_ESTATE_RULES + "第十四条", Law.CIVIL_CODE + "第一千一百二十七条"],
        conditions=["被继承人死亡, 全部法定继承人到场或提供放弃继承声明", "需窗口查验继承关系"],
        review="查验死亡证明、亲属关系和继承协议, 公示后办理转移登记",
        self_service="guide_only",
        days=10,
        category=CONFIRM,
        materials=[
            property_cert(),
            scan("death", "被继承人死亡证明"),
            scan("kinship", "亲属关系证明"),
            scan("agreement", "继承协议或放弃继承声明"),
        ],
        fees=[_REGISTRATION_FEE],
    ),
]

_HOUSING: list[JSON] = [
    m(
        "公共租赁住房申请",
        HOUSING,
        HOME,
        keywords=["公租房", "保障房", "廉租房", "申请公租房"],
        basis=[Law.PUBLIC_RENTAL + "第七条", "《杭州市公共租赁住房保障管理办法》"],
        conditions=[
            "本区户籍住房困难家庭或符合条件的新就业大学生、外来务工人员",
            "家庭收入和资产符合规定标准",
        ],
        review="审核家庭住房、收入和资产, 公示后轮候配租",
        days=20,
        category=CONFIRM,
        materials=[
            hukou(required=False),
            residence_permit(required=False),
            promise("housing", "家庭住房情况", note="不动产登记信息自动核验"),
        ],
        fields=[
            number("family_size", "家庭人口"),
            number("annual_income", "家庭年收入(元)"),
            select(
                "category",
                "申请类别",
                [
                    ("local", "本地住房困难家庭"),
                    ("graduate", "新就业大学生"),
                    ("migrant", "外来务工人员"),
                ],
            ),
        ],
        delivery=["electronic", "mail"],
    ),
    m(
        "住房租赁补贴申请",
        HOUSING,
        HOME,
        keywords=["租房补贴", "货币补贴", "租赁补贴"],
        basis=[Law.PUBLIC_RENTAL, "《杭州市公共租赁住房保障管理办法》"],
        conditions=["已取得公共租赁住房保障资格", "选择货币补贴方式并在市场租房"],
        review="核定补贴标准, 按季度发放至申请人账户",
        days=20,
        materials=[promise("lease", "房屋租赁合同", note="已租赁备案的免交")],
        fields=[number("monthly_rent", "月租金(元)"), *bank_account()],
    ),
    m(
        "房屋租赁登记备案",
        HOUSING,
        HOME,
        keywords=["租房备案", "租赁合同备案", "租房登记"],
        basis=[Law.LEASE + "第十四条", Law.URBAN_REAL_ESTATE + "第五十四条"],
        conditions=["房屋租赁合同订立后30日内", "出租房屋产权清晰, 符合安全和使用条件"],
        review="核对产权和合同信息, 出具房屋租赁登记备案证明",
        category=CONFIRM,
        materials=[
            scan("lease", "房屋租赁合同"),
            property_cert(required=False, note="出租人办理时提供"),
        ],
        fields=[
            _LOCATION,
            date("lease_start", "租赁起始日期"),
            date("lease_end", "租赁截止日期"),
            number("monthly_rent", "月租金(元)"),
            select("role", "申请人身份", [("tenant", "承租人"), ("landlord", "出租人")]),
        ],
    ),
]

_MARKET: list[JSON] = [
    m(
        "个体工商户设立登记",
        MARKET,
        BUSINESS,
        short_name="个体户开办",
        keywords=["开店", "办营业执照", "个体户注册", "小店开业"],
        basis=[Law.MARKET_ENTITY + "第三条", Law.INDIVIDUAL_BUSINESS],
        conditions=["有经营能力的自然人", "有固定经营场所, 经营范围不属于禁止类"],
        review="核准名称和经营范围, 核发营业执照(同步生成电子营业执照)",
        category=PERMIT,
        materials=[promise("premises", "经营场所使用证明", note="可签署住所(经营场所)申报承诺")],
        fields=[
            text("business_name", "个体工商户名称", 60, hint="如: 萧山区城厢街道张记便利店"),
            field("premises", "经营场所", "address"),
            textarea("scope", "经营范围", 300),
            select("form", "组成形式", [("individual", "个人经营"), ("family", "家庭经营")]),
            number("capital", "资金数额(万元)"),
        ],
        delivery=["print_at_terminal", "electronic"],
    ),
    m(
        "个体工商户变更登记",
        MARKET,
        BUSINESS,
        keywords=["个体户变更", "营业执照变更", "改经营范围"],
        basis=[Law.MARKET_ENTITY + "第二十四条"],
        conditions=[
            "个体工商户登记事项发生变化(名称、经营范围、经营场所等)",
            "变更经营者的应先注销后新设或按规定办理",
        ],
        review="核准变更事项, 换发营业执照",
        category=PERMIT,
        materials=[business_licence(), promise("premises", "新经营场所使用证明", required=False)],
        fields=[
            *_OPERATOR,
            select(
                "item",
                "变更事项",
                [
                    ("name", "名称"),
                    ("scope", "经营范围"),
                    ("premises", "经营场所"),
                    ("capital", "资金数额"),
                ],
            ),
            text("new_value", "变更后内容", 200),
        ],
        delivery=["print_at_terminal", "electronic"],
    ),
    m(
        "个体工商户注销登记",
        MARKET,
        BUSINESS,
        keywords=["个体户注销", "关店", "营业执照注销"],
        basis=[Law.MARKET_ENTITY + "第三十一条", "《市场主体登记管理条例实施细则》"],
        conditions=[
            "已结清税款, 无未办结的行政处罚和未缴清的罚没款",
            "营业执照未被吊销的可适用简易注销",
        ],
        review="比对税务清税信息, 注销登记并收回营业执照",
        category=PERMIT,
        materials=[business_licence(), promise("clearance", "债权债务清理完结承诺")],
        fields=[
            *_OPERATOR,
            select("mode", "注销方式", [("simple", "简易注销"), ("general", "普通注销")]),
        ],
    ),
    m(
        "仅销售预包装食品备案",
        MARKET,
        BUSINESS,
        keywords=["食品备案", "卖预包装食品", "食品经营备案", "小卖部"],
        basis=[
            Law.FOOD_SAFETY + "第三十五条",
            "《食品经营许可和备案管理办法》(国家市场监督管理总局令第78号)",
        ],
        conditions=["已取得营业执照", "仅销售预包装食品(含冷藏冷冻)"],
        review="当场备案并生成备案编号",
        category=OTHER_POWER,
        materials=[business_licence()],
        fields=[*_OPERATOR, select("storage", "是否含冷藏冷冻", [("no", "否"), ("yes", "是")])],
    ),
    m(
        "消费者投诉举报",
        MARKET,
        "消费维权",
        keywords=["投诉商家", "12315", "消费投诉", "退货纠纷"],
        basis=[Law.CONSUMER + "第三十九条", "《市场监督管理投诉举报处理暂行办法》"],
        conditions=["消费者与经营者发生消费者权益争议", "有明确的被投诉人和具体诉求"],
        review="7个工作日内决定是否受理, 受理后组织调解",
        days=7,
        category=OTHER_POWER,
        materials=[scan("evidence", "购物凭证、聊天记录等证据", required=False)],
        fields=[
            text("respondent", "被投诉经营者", 60),
            field("respondent_address", "经营者地址", "address", required=False),
            date("occurred_on", "消费日期"),
            textarea("claim", "投诉请求和事实", 500),
        ],
        delivery=["electronic"],
    ),
]

_UTILITIES: list[JSON] = [
    _utility("自来水过户", WATER, "用水", ["水表过户", "水费户名变更", "用水过户"]),
    _utility("用电过户", POWER, "用电", ["电表过户", "电费户名变更", "更名过户"]),
    _utility("管道燃气过户", GAS, "管道燃气", ["燃气过户", "煤气过户", "天然气户名变更"]),
]

MATTERS: list[JSON] = _ESTATE + _HOUSING + _MARKET + _UTILITIES
