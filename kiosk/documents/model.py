"""A printable document as the platform sends it (``Application.result_document``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class DocumentError(ValueError):
    """The platform's ``result_document`` is not one the kiosk can print; says which field."""


@dataclass(frozen=True)
class ResultDocument:
    """A title, the body lines and, when the platform gives one, the URL its QR code carries."""

    title: str
    lines: tuple[str, ...] = ()
    verify_url: str | None = None

    @classmethod
    def from_contract(cls, data: Mapping[str, Any]) -> ResultDocument:
        """The document from the contract's ``result_document`` object."""
        title = data.get("title", "")
        lines = data.get("lines", [])
        url = data.get("verify_url")
        if not isinstance(title, str) or not title.strip():
            raise DocumentError("result_document.title: a non-empty string is required")
        if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
            raise DocumentError("result_document.lines: expected a list of strings")
        if url is not None and not isinstance(url, str):
            raise DocumentError("result_document.verify_url: expected a string")
        return cls(title, tuple(lines), url or None)
