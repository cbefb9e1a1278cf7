"""The same driver against CUPS's ``ippeveprinter``, a real IPP Everywhere printer: proves the
driver (and so the simulator it was written against) speaks IPP as CUPS does.

ippeveprinter registers with DNS-SD through Avahi, which needs a D-Bus system bus; a private
``dbus-daemon`` stands in for it. Faults are injected the only way ippeveprinter allows: its
print command (``-c``) reports ``STATE: +media-jam`` on stderr and fails.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from drivers.a4_printer.ipp import IppClient
from drivers.a4_printer.printer import IppA4Printer
from drivers.a4_printer.types import A4Timings, JobOutcome
from drivers.base import DeviceState, MediaStatus

pytestmark = pytest.mark.skipif(
    shutil.which("ippeveprinter") is None or shutil.which("dbus-daemon") is None,
    reason="needs ippeveprinter (Debian cups-ipp-utils) and dbus-daemon",
)
PDF = b"%PDF-1.4\n% a tiny stand-in document\n%%EOF\n"
TIMINGS = A4Timings(request_timeout_s=3.0, job_poll_s=0.05, job_timeout_s=20.0, status_poll_s=60.0)
COMMAND = """#!/bin/sh
if [ -s "{fault}" ]; then echo "STATE: +$(cat "{fault}")" >&2; exit 1; fi
cp "$1" "{printed}/"
"""


@dataclass
class Ippeve:
    uri: str
    fault_file: Path
    printed: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_listening(port: int) -> None:
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("ippeveprinter did not start")


@pytest.fixture
def ippeve(tmp_path: Path) -> Iterator[Ippeve]:
    printed, spool = tmp_path / "printed", tmp_path / "spool"
    printed.mkdir()
    spool.mkdir()
    fault = tmp_path / "fault"
    fault.write_text("")
    command = tmp_path / "print.sh"
    command.write_text(COMMAND.format(fault=fault, printed=printed))
    command.chmod(0o755)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    port = _free_port()
    arguments = ["-r", "off", "-n", "localhost", "-p", str(port), "-d", str(spool), "-k"]
    arguments += ["-f", "application/pdf", "-c", str(command), "-M", "Kiosk", "-m", "A4"]
    try:
        printer = subprocess.Popen(
            [str(shutil.which("ippeveprinter")), *arguments, "Kiosk A4"],
            env={"DBUS_SYSTEM_BUS_ADDRESS": address, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_listening(port)
            yield Ippeve(f"ipp://127.0.0.1:{port}/ipp/print", fault, printed)
        finally:
            printer.terminate()
            printer.wait(timeout=5)
    finally:
        bus.terminate()
        bus.wait(timeout=5)


def _printer(uri: str) -> IppA4Printer:
    device = IppA4Printer(IppClient(uri, TIMINGS.request_timeout_s), TIMINGS)
    device.open()
    return device


def test_a_job_to_ippeveprinter_completes_and_reaches_its_print_command(ippeve: Ippeve) -> None:
    printer = _printer(ippeve.uri)
    try:
        assert printer.status.state is DeviceState.ONLINE
        assert printer.capabilities.model == "Kiosk A4"
        result = printer.print_pdf(PDF, "test")
    finally:
        printer.close()
    assert result.outcome is JobOutcome.COMPLETED, result.reason
    [printed] = list(ippeve.printed.iterdir())
    assert printed.read_bytes() == PDF


def test_a_jam_reported_by_ippeveprinter_aborts_the_job_and_marks_the_paper_jammed(
    ippeve: Ippeve,
) -> None:
    ippeve.fault_file.write_text("media-jam")
    printer = _printer(ippeve.uri)
    try:
        result = printer.print_pdf(PDF, "test")
    finally:
        printer.close()
    assert result.outcome is JobOutcome.FAILED
    assert "aborted" in result.reason
    assert result.status is not None and result.status.media is MediaStatus.JAMMED
