"""Intents: the words QML uses for what the citizen asked, and the flow events they become."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kiosk.flow import events as ev
from kiosk.flow.states import PlaceholderTopic

INTENTS: Mapping[str, Callable[[], ev.Event]] = {
    "wake": ev.Wake,
    "home": ev.GoHome,
    "back": ev.Back,
    "keep": ev.ContinueSession,
    "services": ev.OpenCatalogue,
    "home.services": ev.OpenCatalogue,
    "home.progress": lambda: ev.OpenPlaceholder(PlaceholderTopic.PROGRESS),
    "home.certificate_print": lambda: ev.OpenPlaceholder(PlaceholderTopic.CERTIFICATE_PRINT),
    "home.appointment": lambda: ev.OpenPlaceholder(PlaceholderTopic.APPOINTMENT),
    "home.evaluation": lambda: ev.OpenPlaceholder(PlaceholderTopic.EVALUATION),
    "home.elderly_mode": lambda: ev.OpenPlaceholder(PlaceholderTopic.ELDERLY_MODE),
    "qr_login": ev.StartQrLogin,
    "start": ev.StartMatter,
    "consent": ev.ConsentGiven,
    "decline": ev.ConsentDeclined,
    "window": ev.ChooseWindow,
    "retry_card": ev.RetryCard,
    "retry_face": ev.RetryFace,
}
"""Every intent QML may send (``kiosk.intent(name)``)."""


def event_for(intent: str) -> ev.Event | None:
    """The flow event of an intent, or None for an unknown one."""
    factory = INTENTS.get(intent)
    return factory() if factory is not None else None


HOME_ENTRIES: tuple[dict[str, str], ...] = (
    {"id": "services", "label": "办事", "symbol": "办", "hint": "按主题、部门或名称查找事项"},
    {"id": "progress", "label": "查询进度", "symbol": "查", "hint": "扫描回执二维码查询办理进度"},
    {"id": "certificate_print", "label": "证明打印", "symbol": "印", "hint": "社保缴费证明等"},
    {"id": "appointment", "label": "预约", "symbol": "约", "hint": "预约人工窗口办理时间"},
    {"id": "evaluation", "label": "评价", "symbol": "评", "hint": "对本次服务“好差评”"},
    {"id": "elderly_mode", "label": "适老模式", "symbol": "老", "hint": "大字体、慢节奏、简明说明"},
)
"""The home screen's entries, 办事 first (the primary)."""
