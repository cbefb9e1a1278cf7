"""Work dropped by shutdown is dropped quietly: no callback error for a cancelled future."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from kiosk.workers import Workers


def test_work_cancelled_by_shutdown_raises_nothing_in_its_callback(
    qapp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    workers = Workers(max_workers=1)
    release = threading.Event()
    delivered: list[object] = []
    workers.submit(lambda: release.wait(5), delivered.append)
    queued = workers.submit(lambda: "never", delivered.append, delivered.append)
    with caplog.at_level(logging.ERROR):
        workers.shutdown()
        release.set()
    assert queued.cancelled()
    assert not [r for r in caplog.records if "callback" in r.getMessage()]
    assert delivered == []
