"""Optional WLT photo decoding through a vendor library loaded with ctypes.

The card photo is 1024 bytes of proprietary WLT that only vendor libraries decode. This
plug-in calls the common Linux ``libwlt.so`` convention ``int unpack(char *wlt, char *bmp,
int with_header)`` (1 on success, a 102×126 24-bit BMP of 38 862 bytes written to ``bmp``).
Without a configured library, or when the library fails, cards keep ``photo_bmp = None`` and
the raw WLT bytes, and the kiosk goes on without a card photo.
"""

from __future__ import annotations

import ctypes
import logging
from pathlib import Path

from drivers.id_card.errors import IdCardError
from drivers.id_card.protocol import PHOTO_SIZE

log = logging.getLogger(__name__)

_ROW_BYTES = (102 * 3 + 3) // 4 * 4  # BMP rows are padded to 4 bytes
BMP_SIZE = 54 + _ROW_BYTES * 126
_SUCCESS = 1


class WltDecoder:
    """Decodes WLT photos to BMP with a vendor library (see the module docstring)."""

    def __init__(self, library: Path, symbol: str = "unpack") -> None:
        try:
            self._function = getattr(ctypes.CDLL(str(library)), symbol)
        except (OSError, AttributeError) as error:
            raise IdCardError(
                f"WLT decoder {library} ({symbol}) cannot be loaded: {error}"
            ) from error
        self._function.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
        self._function.restype = ctypes.c_int
        self.library = library

    def decode(self, wlt: bytes) -> bytes | None:
        """The BMP of a 1024-byte WLT photo, or None when the library rejects it."""
        if len(wlt) != PHOTO_SIZE:
            return None
        source = ctypes.create_string_buffer(wlt, PHOTO_SIZE)
        target = ctypes.create_string_buffer(BMP_SIZE)
        result = self._function(source, target, 1)
        bmp = target.raw
        if result != _SUCCESS or not bmp.startswith(b"BM"):
            log.warning("WLT decoder %s failed (returned %s)", self.library, result)
            return None
        return bmp
