"""Text from outside the kiosk made fit for the screen: a character no font has becomes 〓.

The platform's catalogue and guides, card data and form answers can hold rare name characters.
Qt falls back through the installed fonts by itself, but a character that none of them has
is drawn as an empty box, which reads as a fault and hides that anything is missing. Like the
printed documents (:mod:`kiosk.documents.fonts`, whose font chain this reuses), the screen
shows the geta mark U+3013 in its place, and the log names the code point (never the text it
came from: that may be a citizen's name), once per code point per run.
"""

from __future__ import annotations

import logging

from kiosk.documents.fonts import PLACEHOLDER, missing_characters

_log = logging.getLogger(__name__)

_reported: set[str] = set()
"""The characters already logged, so a list re-read at every keystroke logs each once."""


def code_point(char: str) -> str:
    """``U+2EBF0``: how a character is named in the log."""
    return f"U+{ord(char):04X}"


def shown(text: str) -> str:
    """``text`` with every character no font of the chain has replaced by :data:`PLACEHOLDER`
    (and logged as a warning, by code point only)."""
    for char in missing_characters((text,)):
        if char not in _reported:
            _reported.add(char)
            _log.warning("no installed font has %s; shown as %s", code_point(char),
                         code_point(PLACEHOLDER))
        text = text.replace(char, PLACEHOLDER)
    return text
