"""Receipts shared by the printer tests."""

from __future__ import annotations

from drivers.printer.document import Document


def standard_receipt() -> Document:
    """A typical acceptance receipt: title, eight rows, a QR code, a cut."""
    return (
        Document()
        .title("受理回执")
        .row("受理编号", "330109-20240501-0001")
        .row("事项名称", "居住证签注")
        .row("申请人", "张三")
        .row("证件号码", "3301**********1234")
        .row("受理时间", "2024-05-01 09:30")
        .row("受理地点", "市民中心政务服务大厅")
        .row("办理时限", "3个工作日")
        .row("咨询电话", "0571-12345")
        .separator()
        .qr("https://zwfw.example.gov.cn/r/330109-20240501-0001")
        .line("扫码查询办理进度：请妥善保管本回执。", bold=True)
        .feed(3)
        .cut()
    )
