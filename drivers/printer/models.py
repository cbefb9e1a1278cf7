"""Printer models from python-escpos's capability database (escpos-printer-db).

The database knows, per model, the paper width in dots, the columns of font A and which
character code table each ``ESC t n`` selects. The profile uses the first two for a configured
``model``; the emulator uses the code tables to decode single-byte text.

The database is python-escpos's ``capabilities.json`` (or the file named by
``ESCPOS_CAPABILITIES_FILE``, as python-escpos reads it), read with :mod:`json` on first use.
``escpos.capabilities`` itself is not imported: it parses the JSON with a YAML parser
(~160 ms), calls ``logging.basicConfig()`` (which would pre-empt the kiosk's logging), leaves a
new temporary directory in ``/tmp`` at every import and keeps the whole database (~9 MiB with
PyYAML) for the life of the process. Only the configured models' entries are kept here.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_MODEL = "default"
FALLBACK_CODEC = "cp437"
DATABASE_ENV = "ESCPOS_CAPABILITIES_FILE"


class UnknownModelError(ValueError):
    """The model is not in python-escpos's capability database."""


@dataclass(frozen=True)
class ModelLayout:
    """A model's printable width in dots and the columns of font A across it."""

    paper_dots: int
    columns: int


def _database() -> dict[str, Any]:
    """The whole capability database, read afresh (callers keep only what they need)."""
    override = os.environ.get(DATABASE_ENV)
    if override:
        with open(override, encoding="utf-8") as file:
            text = file.read()
    else:
        text = (resources.files("escpos") / "capabilities.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def model_names() -> list[str]:
    """Every model the database describes."""
    return sorted(_database()["profiles"])


@dataclass(frozen=True)
class _ModelEntry:
    """One model's profile and the encodings its code pages name."""

    profile: dict[str, Any]
    encodings: dict[str, dict[str, Any]]


@lru_cache(maxsize=8)
def _model_entry(model: str) -> _ModelEntry:
    database = _database()
    profiles: dict[str, dict[str, Any]] = database["profiles"]
    if model not in profiles:
        raise UnknownModelError(f"printer model {model!r} is not in python-escpos's database")
    profile = profiles[model]
    names = set(profile.get("codePages", {}).values())
    encodings = {n: e for n, e in database["encodings"].items() if n in names}
    return _ModelEntry(profile, encodings)


def _profile(model: str) -> dict[str, Any]:
    return _model_entry(model).profile


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
    encoding: dict[str, Any] = _model_entry(model).encodings.get(name or "", {})
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
