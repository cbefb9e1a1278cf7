"""The JSON-lines log file: rotated by size, every line JSON, personal data masked."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.telemetry.logs import json_log_handler

ID_NUMBER = "33010619850312001X"


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("tests.kiosk.telemetry.logs")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_each_record_is_one_json_line(tmp_path: Path, logger: logging.Logger) -> None:
    path = tmp_path / "logs" / "kiosk.jsonl"
    logger.addHandler(json_log_handler(path))
    logger.info("打印回执 %d 张", 2)
    logger.debug("not at INFO")
    (line,) = lines(path)
    assert line["message"] == "打印回执 2 张"
    assert line["level"] == "INFO"
    assert line["logger"] == "tests.kiosk.telemetry.logs"
    assert line["at"].endswith("+00:00")


def test_the_file_rotates_by_size_and_keeps_the_backups(
    tmp_path: Path, logger: logging.Logger
) -> None:
    path = tmp_path / "kiosk.jsonl"
    logger.addHandler(json_log_handler(path, max_bytes=2000, backups=2))
    for n in range(100):
        logger.info("outbox delivered record %03d", n)
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == ["kiosk.jsonl", "kiosk.jsonl.1", "kiosk.jsonl.2"]
    assert all(p.stat().st_size <= 2000 for p in files)
    assert lines(path)[-1]["message"] == "outbox delivered record 099"
    assert all(lines(p) for p in files)


def test_id_numbers_names_and_tracebacks_are_masked(tmp_path: Path, logger: logging.Logger) -> None:
    path = tmp_path / "kiosk.jsonl"
    logger.addHandler(json_log_handler(path, names=lambda: ["张伟"]))
    logger.warning("card read: %s %s", "张伟", ID_NUMBER)
    try:
        raise ValueError(f"bad card {ID_NUMBER} of 张伟")
    except ValueError:
        logger.exception("reader failed")
    text = path.read_text("utf-8")
    assert ID_NUMBER not in text
    assert "张伟" not in text
    warning, error = lines(path)
    assert "330106********001X" in warning["message"]
    assert "ValueError: bad card 330106********001X of 张*" in error["exc"]
