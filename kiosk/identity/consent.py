"""Separate consent to face verification (PIPL art. 29; face-recognition rules 2025).

The purpose text is what the ``face_consent`` screen shows, word for word; the record says
what was agreed and when. It lives in the session only and is wiped with it: the terminal
keeps no consent log of its own (the platform's verification record is the durable trace).
"""

from __future__ import annotations

from dataclasses import dataclass

FACE_CONSENT_PURPOSE = (
    "为核验您的身份，本机将采集您的现场人脸照片，与您的身份证件照片进行比对。"
    "照片仅用于本次核验，核验结束即从本机删除，平台不留存。"
    "如不同意，您可以改用“扫码登录”或到人工窗口办理。"
)
"""The purpose of face capture, shown before the citizen agrees or declines."""


@dataclass(frozen=True)
class ConsentRecord:
    """The citizen's answer to the face-consent question."""

    purpose: str
    granted: bool
    at: float
    """Flow clock time of the answer (monotonic seconds)."""
