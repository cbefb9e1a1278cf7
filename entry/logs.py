"""Masking on every log line: ID numbers and the session's names never reach a log."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from kiosk.masking import MaskingFilter


def install_log_masking(names: Callable[[], Iterable[str]]) -> Callable[[], None]:
    """Attach a :class:`MaskingFilter` to every handler of the root logger; returns the undo.

    On the handlers, not on a logger: a logger's filters see only records logged on that very
    logger, while every module's records propagate to the root handlers, so each line that
    reaches a log is masked whatever module wrote it. Call it after logging is configured.
    """
    masking = MaskingFilter(names)
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(masking)

    def uninstall() -> None:
        for handler in handlers:
            handler.removeFilter(masking)

    return uninstall
