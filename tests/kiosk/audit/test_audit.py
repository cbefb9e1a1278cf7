"""The audit log: chained across rotation, and the verifier finds edited, removed and
inserted lines (exit codes of ``python -m kiosk.audit verify``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.audit.__main__ import main
from kiosk.audit.log import GENESIS, AuditEvent, AuditLog, line_hash, log_files
from kiosk.audit.verify import ChainBreak, verify

AT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def write_log(directory: Path, records: int, max_bytes: int = 600) -> list[Path]:
    audit = AuditLog(directory, max_bytes=max_bytes, now=lambda: AT)
    for n in range(records):
        audit.record(AuditEvent.SERVICE_ENDED, matter="11330100MB0001", outcome="completed", n=n)
    return log_files(directory)


def all_lines(files: list[Path]) -> list[tuple[Path, bytes]]:
    return [(path, line) for path in files for line in path.read_bytes().splitlines()]


def rewrite(files: list[Path], lines: list[tuple[Path, bytes]]) -> None:
    for path in files:
        path.write_bytes(b"".join(line + b"\n" for p, line in lines if p == path))


def test_records_are_chained_across_rotated_files(tmp_path: Path) -> None:
    files = write_log(tmp_path, 12)
    assert len(files) > 2
    lines = all_lines(files)
    first = json.loads(lines[0][1])
    assert first["seq"] == 1
    assert first["prev"] == GENESIS
    assert first["event"] == "service.ended"
    assert first["data"] == {"matter": "11330100MB0001", "outcome": "completed", "n": 0}
    assert first["at"] == "2025-03-03T09:00:00Z"
    second_file_first = files[1].read_bytes().splitlines()[0]
    first_file_last = files[0].read_bytes().splitlines()[-1]
    assert json.loads(second_file_first)["prev"] == line_hash(first_file_last)
    assert all(path.stat().st_size <= 600 for path in files)
    report = verify(files)
    assert report.intact
    assert report.records == 12


def test_a_reopened_log_continues_the_chain(tmp_path: Path) -> None:
    write_log(tmp_path, 3)
    AuditLog(tmp_path, max_bytes=600).record(AuditEvent.MAINTENANCE_ENTERED, technician="pin")
    files = log_files(tmp_path)
    assert verify(files).intact
    assert json.loads(all_lines(files)[-1][1])["seq"] == 4


def test_an_id_number_in_the_data_is_masked(tmp_path: Path) -> None:
    AuditLog(tmp_path).record(AuditEvent.CONFIG_CHANGED, detail="oops 33010619850312001X")
    assert b"33010619850312001X" not in (tmp_path / "audit-000001.jsonl").read_bytes()


def test_an_edited_line_is_found(tmp_path: Path) -> None:
    files = write_log(tmp_path, 8)
    lines = all_lines(files)
    path, line = lines[3]
    lines[3] = (path, line.replace(b"completed", b"abandoned"))
    rewrite(files, lines)
    report = verify(files)
    assert [(f.problem, f.path, f.line) for f in report.findings] == [
        (ChainBreak.EDITED, path, [p for p, _ in lines[:4]].count(path))
    ]


def test_a_deleted_line_is_found(tmp_path: Path) -> None:
    files = write_log(tmp_path, 8)
    lines = all_lines(files)
    del lines[4]
    rewrite(files, lines)
    (finding,) = verify(files).findings
    assert finding.problem is ChainBreak.REMOVED
    assert "record 5 missing" in finding.message


def test_an_inserted_forged_line_is_found(tmp_path: Path) -> None:
    files = write_log(tmp_path, 8)
    lines = all_lines(files)
    path, previous = lines[2]
    forged = json.loads(lines[3][1])
    forged["event"] = "maintenance.left"
    forged["prev"] = line_hash(previous)
    lines.insert(3, (path, json.dumps(forged, separators=(",", ":")).encode()))
    rewrite(files, lines)
    (finding,) = verify(files).findings
    assert finding.problem is ChainBreak.INSERTED
    assert "record 4" in finding.message


def test_a_whole_missing_file_is_found(tmp_path: Path) -> None:
    files = write_log(tmp_path, 12)
    (finding,) = verify([files[0], *files[2:]]).findings
    assert finding.problem is ChainBreak.REMOVED


def test_a_log_given_without_its_beginning_is_not_intact(tmp_path: Path) -> None:
    files = write_log(tmp_path, 12)
    assert verify(files[1:]).findings[0].problem is ChainBreak.REMOVED


def test_after_a_torn_last_line_the_log_goes_on_and_the_tear_is_reported(tmp_path: Path) -> None:
    files = write_log(tmp_path, 3, max_bytes=10_000)
    with files[0].open("ab") as f:
        f.write(b'{"seq":4,"at":"2025-')
    AuditLog(tmp_path, max_bytes=10_000).record(AuditEvent.MODE_CHANGED, mode="out_of_service")
    report = verify(files)
    assert [(f.problem, f.line) for f in report.findings] == [(ChainBreak.UNREADABLE, 4)]
    assert report.records == 4


def test_the_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = write_log(tmp_path, 6)
    assert main(["verify", *map(str, files)]) == 0
    assert "6 records" in capsys.readouterr().out
    lines = all_lines(files)
    del lines[2]
    rewrite(files, lines)
    assert main(["verify", *map(str, files)]) == 1
    assert "removed" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "missing.jsonl")]) == 2


MUTATIONS = st.sampled_from(["edit", "delete", "insert_copy", "insert_junk", "swap"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.integers(3, 14),
    mutation=MUTATIONS,
    where=st.integers(0, 1000),
    other=st.integers(0, 1000),
    byte=st.integers(0, 255),
)
def test_any_tampering_before_the_last_line_is_found(
    tmp_path_factory: pytest.TempPathFactory,
    records: int,
    mutation: str,
    where: int,
    other: int,
    byte: int,
) -> None:
    files = write_log(tmp_path_factory.mktemp("audit"), records)
    lines = all_lines(files)
    last = len(lines) - 1
    i = where % last  # the last line's own edit or removal needs an outside copy to show
    path, line = lines[i]
    if mutation == "edit":
        position = other % len(line)
        changed = line[:position] + bytes([byte]) + line[position + 1 :]
        if changed == line or b"\n" in changed or b"\r" in changed:
            changed = line[:position] + bytes([line[position] ^ 1]) + line[position + 1 :]
        lines[i] = (path, changed)
    elif mutation == "delete":
        del lines[i]
    elif mutation == "insert_copy":
        lines.insert(i + 1, (path, lines[other % len(lines)][1]))
    elif mutation == "insert_junk":
        lines.insert(other % (len(lines) + 1), (path, b'{"note":"nothing happened"}'))
    else:
        j = (i + 1 + other % last) % len(lines)
        if lines[i][1] == lines[j][1]:
            j = i + 1
        lines[i], lines[j] = (path, lines[j][1]), (lines[j][0], line)
    rewrite(files, lines)
    assert not verify(files).intact
