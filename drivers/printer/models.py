"""Printer models from python-escpos's capability database (escpos-printer-db).

The database knows, per model, the paper width in dots, the columns of font A and which
character code table each ``ESC t n`` selects. The profile uses the first two for a configured
``model``; the emulator uses the code tables to decode single-byte text.

``escpos.capabilities`` is imported on first use, not with this module: importing it calls
``logging.basicConfig()``, which must not pre-empt the kiosk's own logging set-up.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_MODEL = "default"
FALLBACK_CODEC = "cp437"


class UnknownModelError(ValueError):
    """The model is not in python-escpos's capability database."""


@dataclass(frozen=True)
class ModelLayout:
    """A model's printable width in dots and the columns of font A across it."""

    paper_dots: int
    columns: int


def _capabilities() -> dict[str, Any]:
    from escpos import capabilities

    data: dict[str, Any] = capabilities.CAPABILITIES
    return data


def model_names() -> list[str]:
    """Every model the database describes."""
    return sorted(_capabilities()["profiles"])


def _profile(model: str) -> dict[str, Any]:
    profiles: dict[str, dict[str, Any]] = _capabilities()["profiles"]
    if model not in profiles:
        raise UnknownModelError(f"printer model {model!r} is not in python-escpos's database")
    return profiles[model]


def model_layout(model: str) -> ModelLayout | None:
    """The model's paper width and font-A columns; None when the database does not say."""
    profile = _profile(model)
    pixels = profile.get("media", {}).get("width", {}).get("pixels")
    columns = profile.get("fonts", {}).get("0", {}).get("columns")
    if not isinstance(pixels, int) or not isinstance(columns, int) or columns <= 0:
        return None
    return ModelLayout(pixels, columns)


def code_pages(model: str) -> dict[int, str]:
    """``ESC t n`` → code page name (``CP437``, ``CP858``, …) for ``model``."""
    return {int(n): name for n, name in _profile(model).get("codePages", {}).items()}


Decoder = Callable[[bytes], str]


@lru_cache(maxsize=64)
def code_table_decoder(model: str, table: int) -> Decoder:
    """How bytes print under ``ESC t table`` on ``model``; unknown tables print as CP437."""
    name = code_pages(model).get(table)
    encoding: dict[str, Any] = _capabilities()["encodings"].get(name or "", {})
    python_codec = encoding.get("python_encode")
    if isinstance(python_codec, str):
        try:
            codecs.lookup(python_codec)
        except LookupError:
            python_codec = None
        else:
            return lambda data: data.decode(python_codec, "replace")
    rows = encoding.get("data")
    if isinstance(rows, list):
        upper = "".join(rows)
        return lambda data: "".join(
            chr(b) if b < 0x80 else (upper[b - 0x80] if b - 0x80 < len(upper) else "\ufffd")
            for b in data
        )
    log.info("ESC t %d (%s) has no known decoding on %s: printing as CP437", table, name, model)
    return lambda data: data.decode(FALLBACK_CODEC, "replace")
