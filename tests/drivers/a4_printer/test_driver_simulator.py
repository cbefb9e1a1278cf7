"""The IPP driver against the IPP simulator: jobs followed to their end, faults, no reply."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.a4_printer.ipp import IppClient
from drivers.a4_printer.printer import IppA4Printer
from drivers.a4_printer.types import A4Timings, JobOutcome
from drivers.base import DeviceEvent, DeviceState, MediaStatus, StatusChanged

PDF = b"%PDF-1.4\n% a tiny stand-in document\n%%EOF\n"
FAST = A4Timings(request_timeout_s=2.0, job_poll_s=0.02, job_timeout_s=5.0, status_poll_s=60.0)


@pytest.fixture
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[A4PrinterEmulator]:
    sim = A4PrinterEmulator(tmp_path_factory.mktemp("spool"), job_seconds=0.05)
    yield sim
    sim.stop()


@pytest.fixture
def printer(simulator: A4PrinterEmulator) -> Iterator[IppA4Printer]:
    device = IppA4Printer(IppClient(simulator.uri, FAST.request_timeout_s), FAST)
    device.open()
    yield device
    device.close()


def test_a_job_completes_and_the_simulator_keeps_its_pdf(
    simulator: A4PrinterEmulator, printer: IppA4Printer
) -> None:
    assert printer.capabilities.model == "Kiosk A4 IPP Simulator"
    result = printer.print_pdf(PDF, "社保缴费证明")
    assert result.outcome is JobOutcome.COMPLETED and result.ok
    assert result.job_id == 1
    [spooled] = simulator.jobs()
    assert spooled.read_bytes() == PDF


def test_paper_out_mid_job_fails_the_job_with_the_reason(
    simulator: A4PrinterEmulator, printer: IppA4Printer
) -> None:
    simulator.fail_next_job("media-empty")
    result = printer.print_pdf(PDF, "证明")
    assert result.outcome is JobOutcome.FAILED
    assert "aborted" in result.reason and "paper out" in result.reason
    assert result.status is not None and result.status.media is MediaStatus.OUT
    assert simulator.jobs() == []


@pytest.mark.parametrize(
    ("fault", "media"),
    [
        ("media-jam", MediaStatus.JAMMED),
        ("door-open", MediaStatus.COVER_OPEN),
        ("media-empty", MediaStatus.OUT),
    ],
)
def test_a_stopped_printer_refuses_the_job_before_sending_it(
    simulator: A4PrinterEmulator, printer: IppA4Printer, fault: str, media: MediaStatus
) -> None:
    simulator.set_fault(fault)
    result = printer.print_pdf(PDF, "证明")
    assert result.outcome is JobOutcome.FAILED and result.job_id is None
    assert printer.status.media is media


def test_toner_low_still_prints_and_says_so(
    simulator: A4PrinterEmulator, printer: IppA4Printer
) -> None:
    simulator.set_fault("toner-low")
    result = printer.print_pdf(PDF, "证明")
    assert result.ok
    assert result.status is not None and "toner low" in result.status.detail


def test_a_printer_that_stops_answering_is_offline_with_paper_unknown(
    simulator: A4PrinterEmulator, printer: IppA4Printer
) -> None:
    simulator.set_online(False)
    result = printer.print_pdf(PDF, "证明")
    assert result.outcome is JobOutcome.FAILED
    assert (printer.status.state, printer.status.media) == (
        DeviceState.OFFLINE,
        MediaStatus.UNKNOWN,
    )


def test_status_is_published_only_on_change(
    simulator: A4PrinterEmulator, printer: IppA4Printer
) -> None:
    seen: list[DeviceEvent] = []
    printer.events.subscribe(seen.append)
    printer.refresh()
    printer.refresh()
    simulator.set_fault("media-jam")
    printer.refresh()
    printer.refresh()
    simulator.clear_faults()
    printer.refresh()
    changes = [e.status.media for e in seen if isinstance(e, StatusChanged)]
    assert changes == [MediaStatus.JAMMED, MediaStatus.OK]


def test_open_fails_as_a_device_error_when_nothing_answers() -> None:
    from drivers.base import DeviceError

    device = IppA4Printer(IppClient("ipp://127.0.0.1:9/ipp/print", 1.0), FAST)
    with pytest.raises(DeviceError, match="unreachable"):
        device.open()
    assert device.status.media is MediaStatus.UNKNOWN


def test_unknown_fault_names_are_refused(simulator: A4PrinterEmulator) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        simulator.set_fault("on-fire")
