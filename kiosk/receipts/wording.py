"""Every word printed on a receipt, in one place.

Citizen-facing text normally lives in ``ui/``; receipts are the exception because the kiosk
prints them without the UI. Nothing else under ``kiosk/`` holds receipt wording.
"""

from __future__ import annotations

ACCEPTANCE_TITLE = "受理回执"
OFFLINE_TITLE = "申请已保存"
HALL = "受理地点"
APPLICANT = "申请人"
ID_NUMBER = "证件号码"
MATTER = "事项名称"
APPLICATION_NO = "办件编号"
ACCEPTED_AT = "受理时间"
PROMISED_DATE = "承诺办结"
INSTANT = "即办件，当场办结"
QUERY_CODE = "查询码"
SAVED_AT = "保存时间"
DEFERRED_HEADING = "容缺材料（请在期限前补交）："
DEFERRED_DEADLINE = "{deadline}前"
SCAN_TO_QUERY = "扫码查询办理进度，请妥善保管本回执。"
OFFLINE_NOTICE = "已保存，网络恢复后自动提交。"
OFFLINE_FOLLOW_UP = "提交后将以短信告知办件编号和查询码。"
SCAN_TO_VERIFY = "扫码核验本证明真伪。"
PHONE = "咨询电话"
DATE_FORMAT = "%Y年%m月%d日"
TIME_FORMAT = "%Y-%m-%d %H:%M"
