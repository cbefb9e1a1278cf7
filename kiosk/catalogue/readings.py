"""The pinyin readings of a new catalogue, computed in a child process.

pypinyin's dictionaries take about 50 MiB once loaded and never leave a process. The kiosk
needs them only when the platform sends a new catalogue (the readings are stored with it,
:mod:`kiosk.catalogue.cache_file`), so :func:`readings_in_child` runs
``python -m kiosk.catalogue.readings`` for that moment: the texts go in on stdin as JSON, their
syllables come back on stdout, and the kiosk itself never imports pypinyin. Should the child
fail, the readings are computed in the kiosk instead (slower on memory, never wrong).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.search import readings_for, texts_read_by_pypinyin

log = logging.getLogger(__name__)

CHILD_TIMEOUT_S = 60.0
PACKAGE_ROOT = Path(__file__).resolve().parents[2]
"""The directory holding the ``kiosk`` package, so the child imports this same code."""


def readings_in_child(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """The readings of ``catalogue``'s texts (:func:`kiosk.catalogue.search.readings_for`),
    computed by a child process (worker thread: it takes about 0.3 s)."""
    texts = texts_read_by_pypinyin(catalogue)
    path = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__],
            input=json.dumps(texts, ensure_ascii=False).encode("utf-8"),
            env={**os.environ, "PYTHONPATH": path},
            capture_output=True,
            check=True,
            timeout=CHILD_TIMEOUT_S,
        )
        syllables = json.loads(done.stdout)
        if not isinstance(syllables, list):
            raise TypeError("the child's answer is not a list")
        pairs = zip(texts, syllables, strict=True)  # ValueError when the counts differ
        return {text: tuple(str(s) for s in said) for text, said in pairs}
    except (OSError, subprocess.SubprocessError, ValueError, TypeError) as error:
        log.warning("pinyin child failed (%s); reading in this process", error)
        return readings_for(catalogue)


def main() -> None:
    """The child: a JSON list of texts on stdin → a JSON list of their syllables on stdout."""
    from pypinyin import lazy_pinyin

    texts = json.loads(sys.stdin.buffer.read())
    json.dump([lazy_pinyin(text) for text in texts], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
