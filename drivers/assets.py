"""Where the data files of the ``assets`` package are on disk.

Found through ``importlib.resources``, so they are the same files in a source checkout and in
an installed wheel. Their readers (OpenCV, glob, open) need real paths, which an installed
wheel has: it is unpacked into site-packages.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def asset_path(*parts: str) -> Path:
    """The path of ``assets/<parts...>`` (a file or a directory)."""
    resource = files("assets").joinpath(*parts)
    if not isinstance(resource, Path):
        raise RuntimeError(f"the kiosk's assets are not on the file system: {resource}")
    return resource
