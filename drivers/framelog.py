"""Debug hex dumps of device frames that never show personal fields.

A reader's answer carries a name, an ID number and a photo; a receipt's print data carries
the citizen's name. Hex escapes the log masking (which looks for text), so this helper shows
only the bytes a driver declares *public* — headers, commands, lengths, status words,
checksums — and replaces every other run by ``<N bytes withheld>``. What a driver forgets
to declare is withheld, not leaked. Nothing is rendered unless DEBUG is enabled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

PublicParts = Callable[[bytes], Sequence[slice]]
"""Which byte ranges of a frame hold nothing personal (may look at the frame's header)."""


def _nothing_public(_: bytes) -> Sequence[slice]:
    return ()


def render_frame(frame: bytes, public: Sequence[slice]) -> str:
    """``frame`` as hex where ``public`` covers it, withheld runs elsewhere."""
    shown = [False] * len(frame)
    for part in public:
        for index in range(*part.indices(len(frame))):
            shown[index] = True
    pieces: list[str] = []
    withheld = 0
    for byte, visible in zip(frame, shown, strict=True):
        if visible:
            if withheld:
                pieces.append(f"<{withheld} bytes withheld>")
                withheld = 0
            pieces.append(f"{byte:02x}")
        else:
            withheld += 1
    if withheld:
        pieces.append(f"<{withheld} bytes withheld>")
    return " ".join(pieces)


class FrameLogger:
    """Logs a device's frames at DEBUG on ``logger``, showing only public parts."""

    def __init__(self, logger: logging.Logger, device: str, public: PublicParts = _nothing_public):
        self._logger = logger
        self._device = device
        self._public = public

    def sent(self, frame: bytes) -> None:
        """A frame written to the device."""
        self._log("->", frame)

    def received(self, frame: bytes) -> None:
        """A frame read from the device."""
        self._log("<-", frame)

    def _log(self, direction: str, frame: bytes) -> None:
        if self._logger.isEnabledFor(logging.DEBUG):
            rendered = render_frame(frame, self._public(frame))
            self._logger.debug("%s %s %d bytes: %s", self._device, direction, len(frame), rendered)
