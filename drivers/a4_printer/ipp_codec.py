"""pyipp's IPP message codec (enums, parser, serializer, exceptions) without its asyncio client.

``import pyipp`` runs the package's ``__init__``, which imports pyipp's aiohttp client; the
driver never uses it (it posts with requests from its own thread) but it cost the kiosk
process about 25 MiB of resident memory and 150 ms of CPU (``benchmarks/bench_ui.py``). The
codec modules import only each other, so the package is registered from its spec without
running ``__init__`` and they are imported from it. Where the whole package was already
imported, that one is used as it is.
"""

from __future__ import annotations

import importlib.util
import sys


def _register_package_without_client() -> None:
    """Put ``pyipp`` in ``sys.modules`` as an empty package whose submodules can load."""
    if "pyipp" in sys.modules:
        return
    spec = importlib.util.find_spec("pyipp")
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError("pyipp is not installed (the A4 printer's IPP codec)")
    sys.modules["pyipp"] = importlib.util.module_from_spec(spec)


_register_package_without_client()

from pyipp.enums import IppOperation, IppTag  # noqa: E402
from pyipp.exceptions import IPPParseError  # noqa: E402
from pyipp.parser import parse  # noqa: E402
from pyipp.serializer import construct_attribute, encode_dict  # noqa: E402

__all__ = ["IPPParseError", "IppOperation", "IppTag", "construct_attribute", "encode_dict", "parse"]
