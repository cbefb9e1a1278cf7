"""The A4 printer's and the document camera's self-tests against their simulators: they
pass on a healthy device and fail with the reason when a fault is injected."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.a4_printer.ipp import IppClient
from drivers.a4_printer.printer import IppA4Printer
from drivers.a4_printer.types import A4Timings
from drivers.base import DeviceClass
from drivers.camera.capture import Camera
from drivers.camera.document_factory import build
from drivers.camera.emulator import CameraEmulator
from drivers.config import DeviceConfig
from kiosk.maintenance.selftests import A4_TEST_TITLE, check_document_camera, print_a4_test_page

PDF = b"%PDF-1.4\n% a stand-in test page\n%%EOF\n"
FAST = A4Timings(request_timeout_s=2.0, job_poll_s=0.02, job_timeout_s=5.0, status_poll_s=60.0)


@pytest.fixture
def a4_simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[A4PrinterEmulator]:
    sim = A4PrinterEmulator(tmp_path_factory.mktemp("spool"), job_seconds=0.05)
    yield sim
    sim.stop()


@pytest.fixture
def a4_printer(a4_simulator: A4PrinterEmulator) -> Iterator[IppA4Printer]:
    device = IppA4Printer(IppClient(a4_simulator.uri, FAST.request_timeout_s), FAST)
    device.open()
    yield device
    device.close()


def test_the_a4_test_page_prints_and_is_confirmed(
    a4_simulator: A4PrinterEmulator, a4_printer: IppA4Printer
) -> None:
    result = print_a4_test_page(a4_printer, PDF)
    assert result.passed and result.code == "a4_printed"
    assert "online, ok" in result.detail
    [spooled] = a4_simulator.jobs()
    assert spooled.read_bytes() == PDF and A4_TEST_TITLE in spooled.name


@pytest.mark.parametrize(
    ("fault", "reason"),
    [("media-empty", "paper out"), ("media-jam", "paper jam"), ("door-open", "door open"),
     ("toner-empty", "toner empty")],
)
def test_a_faulted_a4_printer_fails_the_test_with_the_reason(
    a4_simulator: A4PrinterEmulator, a4_printer: IppA4Printer, fault: str, reason: str
) -> None:
    a4_simulator.set_fault(fault)
    result = print_a4_test_page(a4_printer, PDF)
    assert not result.passed and result.code == "a4_print_failed"
    assert reason in result.detail
    assert a4_simulator.jobs() == []


def test_paper_running_out_during_the_test_page_fails_it(
    a4_simulator: A4PrinterEmulator, a4_printer: IppA4Printer
) -> None:
    a4_simulator.fail_next_job("media-empty")
    result = print_a4_test_page(a4_printer, PDF)
    assert not result.passed
    assert "aborted" in result.detail and "paper out" in result.detail


def test_an_a4_printer_that_does_not_answer_fails_the_test(
    a4_simulator: A4PrinterEmulator, a4_printer: IppA4Printer
) -> None:
    a4_simulator.set_online(False)
    result = print_a4_test_page(a4_printer, PDF)
    assert not result.passed and result.code == "a4_print_failed"


@pytest.fixture
def document_camera() -> Iterator[tuple[Camera, CameraEmulator]]:
    built = build(DeviceConfig(DeviceClass.DOCUMENT_CAMERA, "simulated", {"fps": 50.0}))
    assert isinstance(built.device, Camera) and isinstance(built.simulator, CameraEmulator)
    built.device.open()
    yield built.device, built.simulator
    built.device.close()
    built.simulator.stop()


def test_the_document_camera_finds_the_sample_page_and_reports_its_quality(
    document_camera: tuple[Camera, CameraEmulator],
) -> None:
    result = check_document_camera(document_camera[0])
    assert result.passed and result.code == "document_camera_ok"
    assert result.detail.startswith("1920×1080, page ")
    assert "sharpness" in result.detail and "glare" in result.detail


@pytest.mark.parametrize(
    ("fault", "code"), [("black", "camera_dark"), ("frozen", "camera_no_frames"),
                        ("no_device", "camera_no_frames")]
)
def test_a_faulted_document_camera_fails_the_test(
    document_camera: tuple[Camera, CameraEmulator], fault: str, code: str
) -> None:
    camera, simulator = document_camera
    simulator.inject_fault(fault)
    result = check_document_camera(camera, frames=3, wait_s=0.5)
    assert not result.passed and result.code == code


def test_a_document_camera_that_sees_no_page_fails_the_test(
    document_camera: tuple[Camera, CameraEmulator],
) -> None:
    camera, simulator = document_camera
    simulator.show("face")
    result = check_document_camera(camera, frames=3)
    assert not result.passed and result.code == "no_page"
    assert result.detail.startswith("1920×1080")
