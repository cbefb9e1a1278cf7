"""Checks audit files (in order, as one chain) and says where a line was edited, removed or
inserted.

The chain shows tampering inside the log: an edited line no longer hashes to the ``prev``
the next line holds; a removed line leaves a gap in ``seq``; an inserted line repeats a
``seq`` or does not link to its neighbours. What it cannot show alone is a cut at the very
end (the last lines removed, or the last line edited): compare the last ``seq`` and hash
with a copy kept elsewhere (e.g. collected with the logs) for that.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.audit.log import GENESIS, line_hash, parse_record


class ChainBreak(StrEnum):
    """What was found at a line."""

    EDITED = "edited"
    REMOVED = "removed"
    INSERTED = "inserted"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Finding:
    """One problem, at ``path`` line ``line`` (1-based)."""

    path: Path
    line: int
    problem: ChainBreak
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}: {self.message}"


@dataclass(frozen=True)
class ChainReport:
    """The verdict over all files: intact when there are no findings."""

    records: int
    findings: tuple[Finding, ...]

    @property
    def intact(self) -> bool:
        """True when nothing was found."""
        return not self.findings


@dataclass(frozen=True)
class _Link:
    seq: int
    hash: str
    path: Path
    line: int


def _lines(paths: Sequence[Path]) -> Iterator[tuple[Path, int, bytes]]:
    for path in paths:
        for number, line in enumerate(path.read_bytes().splitlines(), start=1):
            yield path, number, line


def verify(paths: Sequence[Path]) -> ChainReport:
    """Check ``paths`` (oldest first) as one chain; raises ``OSError`` for an unreadable
    file."""
    findings: list[Finding] = []
    last: _Link | None = None
    before_last: _Link | None = None
    records = 0
    for path, number, line in _lines(paths):
        parsed = parse_record(line)
        if parsed is None:
            findings.append(
                Finding(path, number, ChainBreak.UNREADABLE, "not an audit record (edited or torn)")
            )
            continue
        records += 1
        seq, prev = parsed
        here = _Link(seq, line_hash(line), path, number)
        if last is None:
            if seq != 1:
                findings.append(
                    Finding(path, number, ChainBreak.REMOVED, f"records 1 to {seq - 1} are missing")
                )
            elif prev != GENESIS:
                findings.append(
                    Finding(
                        path, number, ChainBreak.EDITED, "the first record does not start a chain"
                    )
                )
            before_last, last = None, here
            continue
        expected = last.seq + 1
        if seq == expected:
            if prev != last.hash:
                findings.append(
                    Finding(
                        last.path,
                        last.line,
                        ChainBreak.EDITED,
                        f"record {last.seq} does not match the hash record {seq} holds of it",
                    )
                )
            before_last, last = last, here
        elif seq > expected:
            missing = (
                f"record {expected}" if seq == expected + 1 else f"records {expected}-{seq - 1}"
            )
            findings.append(
                Finding(path, number, ChainBreak.REMOVED, f"{missing} missing before it")
            )
            before_last, last = last, here
        elif before_last is not None and seq == before_last.seq + 1 and prev == before_last.hash:
            findings.append(
                Finding(
                    last.path,
                    last.line,
                    ChainBreak.INSERTED,
                    f"record {last.seq} stands where record {seq} links to {before_last.seq}",
                )
            )
            last = here
        else:
            findings.append(
                Finding(path, number, ChainBreak.INSERTED, f"record {seq} repeats or goes back")
            )
    return ChainReport(records, tuple(findings))
