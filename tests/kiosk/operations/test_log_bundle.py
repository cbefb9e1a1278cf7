"""The log bundle: masked, bounded, sealed by its manifest, and free of secrets."""

from __future__ import annotations

import hashlib
import json
import os
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk import config as kiosk_config
from kiosk.audit.log import AuditEvent, AuditLog
from kiosk.operations.log_bundle import (
    RESERVE_BYTES,
    BundleSources,
    bundles,
    config_summary,
    mask_line,
    write_bundle,
)

ID_NUMBER = "11010519491231002X"
NAME = "王小明"
AT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _devices() -> dict[DeviceClass, DeviceStatus]:
    return {DeviceClass.RECEIPT_PRINTER: DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT)}


def _sources(tmp_path: Path, log_lines: list[str], names: tuple[str, ...] = ()) -> BundleSources:
    log_file = tmp_path / "logs" / "kiosk.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.write_text("".join(line + "\n" for line in log_lines), encoding="utf-8")
    audit = AuditLog(tmp_path / "audit")
    audit.record(AuditEvent.SERVICE_STARTED)
    audit.record(AuditEvent.SERVICE_ENDED, matter="M001", outcome="done")
    return BundleSources(
        log_file, tmp_path / "audit", _devices, {"terminal_id": "KIOSK-0001"}, lambda: names
    )


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path, "r:gz") as tar:
        found = {}
        for member in tar.getmembers():
            extracted = tar.extractfile(member)
            assert extracted is not None
            found[member.name] = extracted.read()
        return found


def _record(message: str) -> str:
    return json.dumps({"at": "2026-11-30T08:00:00.000+00:00", "level": "INFO",
                       "logger": "kiosk.test", "message": message}, ensure_ascii=False)


def test_an_id_number_and_a_name_in_the_log_are_masked_in_the_bundle(tmp_path: Path) -> None:
    lines = [
        _record(f"card read: name={NAME} id={ID_NUMBER}"),
        _record(f'verified {{"card_name": "{NAME}", "phone": "13800138000"}}'),
        f"plain text line id_number {ID_NUMBER} full_name: {NAME}",
    ]
    bundle = write_bundle(_sources(tmp_path, lines), tmp_path / "exports", "KIOSK-0001", "test",
                          now=lambda: AT)
    content = b"".join(_members(bundle.path).values()).decode("utf-8")
    assert ID_NUMBER not in content
    assert NAME not in content
    assert "13800138000" not in content
    assert "王*" in content
    assert bundle.log_lines == 3


def test_the_session_names_still_known_are_masked_anywhere_in_a_line(tmp_path: Path) -> None:
    sources = _sources(tmp_path, [_record(f"printing for {NAME} now")], names=(NAME,))
    bundle = write_bundle(sources, tmp_path / "exports", "KIOSK-0001", "test", now=lambda: AT)
    assert NAME.encode() not in _members(bundle.path)["logs.jsonl"]


def test_fields_that_never_name_a_person_stay_readable() -> None:
    assert mask_line("hall_name=市民中心 logger_name=kiosk.x") == (
        "hall_name=市民中心 logger_name=kiosk.x"
    )


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_masking_a_line_never_fails_and_never_leaves_an_id_number(text: str) -> None:
    masked = mask_line(f"{text} id={ID_NUMBER} {text}")
    assert ID_NUMBER not in masked


def test_the_bundle_stays_within_its_bound_and_keeps_the_newest_lines(tmp_path: Path) -> None:
    # random hex does not compress: the bound must hold on the members' sizes alone
    lines = [_record(f"line {i:05d} {os.urandom(200).hex()}") for i in range(600)]
    max_bytes = RESERVE_BYTES + 100_000
    bundle = write_bundle(_sources(tmp_path, lines), tmp_path / "exports", "KIOSK-0001",
                          "test", max_bytes=max_bytes, now=lambda: AT)
    assert bundle.path.stat().st_size == bundle.size <= max_bytes
    assert bundle.truncated
    kept = _members(bundle.path)["logs.jsonl"].decode().splitlines()
    assert 0 < len(kept) < 600
    assert "line 00599" in kept[-1]


def test_the_manifest_seals_each_member_and_the_audit_tail_comes_along(tmp_path: Path) -> None:
    bundle = write_bundle(_sources(tmp_path, [_record("started")]), tmp_path / "exports",
                          "KIOSK-0001", "command c-1", now=lambda: AT)
    members = _members(bundle.path)
    manifest = json.loads(members["manifest.json"])
    assert manifest["reason"] == "command c-1"
    for name, seal in manifest["files"].items():
        assert hashlib.sha256(members[name]).hexdigest() == seal["sha256"]
    assert b"service.ended" in members["audit-tail.jsonl"]
    assert json.loads(members["devices.json"]) == [
        {"device_class": "receipt_printer", "state": "online", "media": "out", "detail": ""}
    ]
    assert hashlib.sha256(bundle.path.read_bytes()).hexdigest() == bundle.sha256


def test_only_the_newest_bundles_are_kept(tmp_path: Path) -> None:
    sources = _sources(tmp_path, [_record("x")])
    for minute in range(4):
        moment = AT.replace(minute=minute)
        write_bundle(sources, tmp_path / "exports", "KIOSK-0001", "t", keep=2,
                     now=lambda m=moment: m)
    assert [p.name for p in bundles(tmp_path / "exports")] == [
        "logs-20261130T080200.000Z.tar.gz", "logs-20261130T080300.000Z.tar.gz"
    ]


def test_a_second_bundle_in_the_same_moment_is_kept_beside_the_first(tmp_path: Path) -> None:
    sources = _sources(tmp_path, [_record("x")])
    first = write_bundle(sources, tmp_path / "exports", "KIOSK-0001", "t", now=lambda: AT)
    second = write_bundle(sources, tmp_path / "exports", "KIOSK-0001", "t", now=lambda: AT)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert bundles(tmp_path / "exports") == [first.path, second.path]


def test_the_config_summary_holds_no_secret(tmp_path: Path) -> None:
    config = kiosk_config.load(simulate=True, data_home=tmp_path)
    summary = json.dumps(config_summary(config), ensure_ascii=False)
    assert config.terminal.terminal_id in summary
    for secret in ("secret", "pin_hash", "key", str(config.platform.secret_file)):
        assert secret not in summary
