"""The metrics' label values: plain codes only, the ``code`` of a failed platform call, and how
a citizen session ended. Apart from :mod:`kiosk.telemetry.metrics` so that the maintenance
checks and the app can use them without importing ``prometheus_client`` before home's first
frame.
"""

from __future__ import annotations

import re
from enum import StrEnum

from kiosk.platform.errors import (
    MalformedResponse,
    PlatformError,
    PlatformFailure,
    PlatformUnreachable,
)

_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,48}$")
NO_MATTER = "none"
OTHER = "other"


class SessionOutcome(StrEnum):
    """How a citizen session ended (the ``outcome`` label)."""

    COMPLETED = "completed"
    """The service was submitted, queued or finished."""
    ABANDONED = "abandoned"
    """The citizen left or cancelled, or the idle timeout ended it."""
    FAILED = "failed"
    """A device or the platform stopped the service."""


def code_label(value: str, empty: str = NO_MATTER) -> str:
    """``value`` as a label if it is a plain code, ``empty`` when blank, else ``other``."""
    if not value:
        return empty
    return value if _CODE.match(value) else OTHER


def failure_code(error: PlatformFailure) -> str:
    """The ``code`` label of a failed platform call: the problem's code, or what kind of
    failure it was when the platform did not answer with a problem."""
    if isinstance(error, PlatformError):
        return code_label(error.code, OTHER)
    if isinstance(error, MalformedResponse):
        return "malformed_response"
    if isinstance(error, PlatformUnreachable) and error.tls:
        return "tls"
    return "unreachable"
