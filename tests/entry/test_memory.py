"""The kiosk process tunes glibc's allocator so freed camera frames leave its memory, and
runs on untouched where there is no glibc to tune."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import platform
from typing import Any

import pytest

from entry import memory
from entry.memory import limit_malloc_retention


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_accepts_the_fixed_threshold_and_arena_bound() -> None:
    assert limit_malloc_retention() is True


def test_without_a_c_library_nothing_is_tuned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes.util, "find_library", lambda _: None)
    assert limit_malloc_retention() is False


class _LibcWithoutMallopt:
    def __init__(self, _: str) -> None: ...


class _RefusingLibc:
    def __init__(self, _: str) -> None:
        def mallopt(_param: int, _value: int) -> int:
            return 0

        self.mallopt: Any = mallopt


def test_a_c_library_without_mallopt_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes.util, "find_library", lambda _: "libc.so.6")
    monkeypatch.setattr(memory.ctypes, "CDLL", _LibcWithoutMallopt)
    assert limit_malloc_retention() is False


def test_a_refused_setting_is_logged_and_reported(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(ctypes.util, "find_library", lambda _: "libc.so.6")
    monkeypatch.setattr(memory.ctypes, "CDLL", _RefusingLibc)
    with caplog.at_level(logging.WARNING, logger="entry.memory"):
        assert limit_malloc_retention() is False
    assert "malloc tuning refused" in caplog.text
