"""Temporary files are named for their process, and those of dead processes are removed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drivers import tempfiles


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_names_carry_the_kind_and_the_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfiles.tempfile, "tempdir", str(tmp_path))
    folder = tempfiles.private_dir("keyboard")
    link = tempfiles.link_path("id-card")
    assert folder.name.startswith(f"kiosk-keyboard-{os.getpid()}-")
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert link.name.startswith(f"kiosk-id-card-{os.getpid()}-")
    assert link.parent == tmp_path


def test_only_a_dead_process_files_are_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale_dir = tmp_path / f"kiosk-scanner-{dead}-abc"
    stale_dir.mkdir()
    (stale_dir / "ttyACM-scanner").write_text("x")
    stale_link = tmp_path / f"kiosk-id-card-{dead}-1"
    stale_link.symlink_to("/dev/pts/nonexistent")
    mine = tmp_path / f"kiosk-keyboard-{os.getpid()}-xyz"
    mine.mkdir()
    unrelated = tmp_path / "kiosk-notes.txt"
    unrelated.write_text("keep")
    removed = tempfiles.remove_stale(tmp_path)
    assert set(removed) == {stale_dir, stale_link}
    assert not stale_dir.exists() and not stale_link.is_symlink()
    assert mine.exists() and unrelated.exists()
