"""What the kiosk imports before home's first frame (``entry.app``) and after it
(``entry.backend``) leaves out the slow and heavy libraries it does not need then."""

from __future__ import annotations

import subprocess
import sys

import pytest

BEFORE_FIRST_FRAME_NOT = (
    "jsonschema", "yaml", "referencing", "pypinyin", "cv2", "numpy", "requests", "urllib3",
    "qrcode", "PIL", "cryptography", "prometheus_client", "http.server",
)
"""Validation, pinyin, image processing, HTTP, PDF rendering, encryption and metrics: none is
needed to show home or the catalogue (the platform's transport and the metrics are built by
the start-up worker after the first frame, PDFs are rendered in workers, the outbox's cipher
is built on first use; the control API's HTTP server only for simulated devices)."""
WITH_A_REMOTE_PLATFORM_NOT = ("pypinyin", "platform_sim")
"""The simulated platform and its pinyin dictionaries (~60 MiB) when the platform is real."""


def _loaded_after(statement: str, modules: tuple[str, ...]) -> list[str]:
    probe = f"import sys\n{statement}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return out.stdout.split()


@pytest.mark.parametrize(
    ("statement", "modules"),
    [
        ("import entry.app", BEFORE_FIRST_FRAME_NOT),
        ("import entry.backend", WITH_A_REMOTE_PLATFORM_NOT),
    ],
    ids=["before-first-frame", "backend-without-simulator"],
)
def test_slow_libraries_are_not_imported(statement: str, modules: tuple[str, ...]) -> None:
    assert _loaded_after(statement, modules) == []
