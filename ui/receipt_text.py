"""The wording of printed receipts (受理回执, the offline-saved slip, instant results, the
appointment slip) and of printed A4 documents.

Marked for Qt Linguist in the ``Receipt`` context like every other citizen-facing text
(see :mod:`ui.text`); the composition root hands :func:`receipt_wording` to the kiosk's
receipt builders.
"""

from __future__ import annotations

from kiosk.appointments.slip import SlipWording
from kiosk.documents.wording import PdfWording
from kiosk.receipts.payment import PaymentReceiptWording
from kiosk.receipts.wording import ReceiptWording
from ui.text import QT_TRANSLATE_NOOP, tr


def receipt_wording() -> ReceiptWording:
    """The receipt's words in the installed language."""
    return ReceiptWording(
        acceptance_title=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "受理回执")),
        offline_title=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "申请已保存")),
        hall=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "受理地点")),
        applicant=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "申请人")),
        id_number=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "证件号码")),
        matter=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "事项名称")),
        application_no=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "办件编号")),
        accepted_at=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "受理时间")),
        promised_date=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "承诺办结")),
        instant=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "即办件，当场办结")),
        query_code=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "查询码")),
        saved_at=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "保存时间")),
        deferred_heading=tr(
            "Receipt", QT_TRANSLATE_NOOP("Receipt", "容缺材料（请在期限前补交）：")
        ),
        deferred_deadline=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "{deadline}前")),
        scan_to_query=tr(
            "Receipt", QT_TRANSLATE_NOOP("Receipt", "扫码查询办理进度，请妥善保管本回执。")
        ),
        offline_notice=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "已保存，网络恢复后自动提交。")),
        offline_follow_up=tr(
            "Receipt", QT_TRANSLATE_NOOP("Receipt", "提交后将以短信告知办件编号和查询码。")
        ),
        scan_to_verify=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "扫码核验本证明真伪。")),
        phone=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "咨询电话")),
        date_format=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "%Y年%m月%d日")),
        time_format=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "%Y-%m-%d %H:%M")),
        correction_title=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "补齐补正回执")),
        corrected_at=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "补正时间")),
        supplied_heading=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "本次补交的材料：")),
    )


def pdf_wording() -> PdfWording:
    """The words around a printed A4 document, in the installed language."""
    return PdfWording(
        printed_at=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "打印时间 {time}")),
        page_of=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "第 {page} 页 / 共 {pages} 页")),
        scan_to_verify=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "扫描二维码核验本文件")),
    )


# --- appointments (预约凭条) --------------------------------------------------------------------


def appointment_slip_wording() -> SlipWording:
    """The appointment slip's words in the installed language."""
    return SlipWording(
        title=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "预约凭条")),
        matter=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "预约事项")),
        appointment_no=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "预约号")),
        time=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "预约时间")),
        place=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "办理地点")),
        person=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "预约人")),
        phone=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "手机号码")),
        bring_heading=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "请携带以下材料原件：")),
        bring_item=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "· {name}")),
        nothing_to_bring=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "· 本人有效身份证件")),
        scan_at_window=tr(
            "Receipt", QT_TRANSLATE_NOOP("Receipt", "请按预约时间到窗口出示本凭条，扫码签到。")
        ),
        hall_phone=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "咨询电话")),
        time_format=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "%Y-%m-%d %H:%M")),
        end_format=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "%H:%M")),
    )


# --- the payment receipt (issue 12) -----------------------------------------------------------


def payment_receipt_wording() -> PaymentReceiptWording:
    """The payment receipt's words in the installed language."""
    return PaymentReceiptWording(
        title=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "缴费凭证")),
        hall=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "缴费地点")),
        total=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "合计")),
        order_no=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "支付订单号")),
        paid_at=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "支付时间")),
        application_no=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "办件编号")),
        scan_for_invoice=tr(
            "Receipt", QT_TRANSLATE_NOOP("Receipt", "扫码查看并下载电子票据。")
        ),
        phone=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "咨询电话")),
        time_format=tr("Receipt", QT_TRANSLATE_NOOP("Receipt", "%Y-%m-%d %H:%M")),
    )
