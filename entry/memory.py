"""Keep freed memory from staying in the process: glibc's allocator tuned for a kiosk that
handles 1280×720 camera frames (2.7 MB each) on several threads all day.

By default glibc raises its mmap threshold each time a large block is freed, so later frames
come from the heap and stay there, and every thread that touches frames gets its own arena
that keeps what it once held. Measured with ``benchmarks/bench_ui.py`` (full sessions with
face capture), that retention was about 130 MiB of RSS. A fixed threshold sends every block
of 128 KiB or more straight to ``mmap`` (given back on free) and two arenas bound the rest.
Call once at process start, before threads exist (``python -m kiosk`` does).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 128 * 1024
ARENA_MAX = 2


def limit_malloc_retention() -> bool:
    """Fix glibc's mmap threshold and bound its arenas; False where there is no glibc."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
        mallopt(M_ARENA_MAX, ARENA_MAX)
    )
    if not done:
        log.warning("malloc tuning refused; memory may stay high after camera use")
    return done
