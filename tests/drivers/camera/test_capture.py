"""The camera driver with latest-frame semantics, on the simulator and on OpenCV files."""

from __future__ import annotations

import time

import numpy as np
import pytest

from drivers.base import DeviceError, DeviceState
from drivers.camera.capture import Camera, parse_source
from drivers.camera.emulator import FIXTURE_DIR, CameraEmulator, SimulatorError
from drivers.camera.types import CameraSettings

from .helpers import FAST, WAIT_S, simulated_camera, wait_until_state


def test_frames_arrive_at_the_requested_size_with_rising_indexes() -> None:
    with simulated_camera("face") as rig:
        first = rig.camera.wait_frame(0, WAIT_S)
        assert first is not None
        second = rig.camera.wait_frame(first.index, WAIT_S)
        assert second is not None
        assert first.image.shape == (720, 1280, 3)
        assert second.index > first.index
        assert second.timestamp >= first.timestamp
        assert wait_until_state(rig.camera, DeviceState.ONLINE)


def test_slow_consumer_gets_the_latest_frame_not_a_backlog() -> None:
    with simulated_camera() as rig:
        first = rig.camera.wait_frame(0, WAIT_S)
        assert first is not None
        time.sleep(0.1)
        later = rig.camera.wait_frame(first.index, WAIT_S)
        assert later is not None
        assert later.index > first.index + 1
        assert rig.camera.latest_frame() is not None


def test_show_switches_what_the_camera_sees() -> None:
    with simulated_camera("blank") as rig:
        before = rig.camera.wait_frame(0, WAIT_S)
        assert before is not None
        rig.simulator.show("document")
        time.sleep(0.05)
        after = rig.camera.wait_frame(before.index + 1, WAIT_S)
        assert after is not None
        assert not np.array_equal(before.image, after.image)
        assert rig.simulator.shown == "document"


def test_show_accepts_a_path() -> None:
    with simulated_camera() as rig:
        rig.simulator.show(str(FIXTURE_DIR / "qr_small.jpg"))
        assert rig.simulator.shown.endswith("qr_small.jpg")


def test_unknown_fixture_or_fault_is_a_clear_error() -> None:
    simulator = CameraEmulator(fps=100)
    with pytest.raises(SimulatorError, match="unknown camera fixture"):
        simulator.show("nope")
    with pytest.raises(SimulatorError, match="unknown camera fault"):
        simulator.inject_fault("melted")
    simulator.stop()


def test_sources_lists_the_shipped_fixtures() -> None:
    simulator = CameraEmulator(fps=100)
    assert {"face", "document", "blank", "qr_small", "qr_medium", "qr_large"} <= set(
        simulator.sources()
    )
    simulator.stop()


def test_frozen_stream_goes_offline_and_recovers_when_frames_resume() -> None:
    with simulated_camera() as rig:
        assert wait_until_state(rig.camera, DeviceState.ONLINE)
        rig.simulator.inject_fault("frozen")
        assert wait_until_state(rig.camera, DeviceState.OFFLINE)
        assert "no new frame" in rig.camera.status.detail
        rig.simulator.clear_faults()
        assert wait_until_state(rig.camera, DeviceState.ONLINE)


def test_black_fault_delivers_black_frames() -> None:
    with simulated_camera("face") as rig:
        rig.simulator.inject_fault("black")
        time.sleep(0.05)
        latest = rig.camera.latest_frame()
        assert latest is not None
        frame = rig.camera.wait_frame(latest.index, WAIT_S)
        assert frame is not None
        assert not frame.image.any()
        assert rig.camera.status.state is DeviceState.ONLINE


def test_unplugged_camera_goes_offline_then_cannot_be_opened() -> None:
    with simulated_camera() as rig:
        rig.simulator.inject_fault("no_device")
        assert wait_until_state(rig.camera, DeviceState.OFFLINE)
        with pytest.raises(DeviceError, match="cannot open"):
            rig.camera.open()
        assert rig.camera.status.state is DeviceState.NO_DEVICE
        rig.simulator.clear_faults()
        rig.camera.open()
        assert wait_until_state(rig.camera, DeviceState.ONLINE)


def test_opencv_reads_an_image_file_then_reports_the_stream_stopped() -> None:
    camera = Camera(CameraSettings(str(FIXTURE_DIR / "face.png")), timings=FAST)
    camera.open()
    try:
        frame = camera.wait_frame(0, WAIT_S)
        assert frame is not None
        assert frame.image.shape == (512, 512, 3)
        assert wait_until_state(camera, DeviceState.OFFLINE)
    finally:
        camera.close()


def test_opencv_missing_source_is_no_device() -> None:
    camera = Camera(CameraSettings("/nonexistent/camera.mp4"), timings=FAST)
    with pytest.raises(DeviceError):
        camera.open()
    assert camera.status.state is DeviceState.NO_DEVICE


def test_sources_are_parsed_as_index_or_path() -> None:
    assert parse_source("0") == 0
    assert parse_source("/dev/video2") == "/dev/video2"
    assert parse_source("rtsp://10.0.0.5/stream") == "rtsp://10.0.0.5/stream"
