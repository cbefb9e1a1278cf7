"""The log panel: newest lines of the JSON log and its first rotation, filtered."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.maintenance.logview import tail_log
from kiosk.telemetry.logs import json_log_handler


def test_tail_reads_masked_records_newest_last_with_a_filter(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "kiosk.jsonl"
    handler = json_log_handler(path, max_bytes=400, backups=1)
    logger = logging.getLogger("test.logview")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        for n in range(6):
            logger.info("printer step %d", n)
        logger.warning("card 330106198503120015 refused")
    finally:
        logger.removeHandler(handler)
        handler.close()
    everything = tail_log(path)
    assert everything[-1].endswith("refused") and "WARNING test.logview" in everything[-1]
    assert "330106198503120015" not in "".join(everything)
    assert tail_log(path, "WARNING") == [everything[-1]]
    assert tail_log(path, limit=2) == everything[-2:]
    assert path.with_name("kiosk.jsonl.1").exists()


def test_no_log_reads_as_no_lines(tmp_path: Path) -> None:
    assert tail_log(tmp_path / "none.jsonl") == []
