"""printer-state and printer-state-reasons mapped to the HAL's state and media."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.a4_printer.status import job_blocker, status_from, unreachable
from drivers.base import DeviceState, MediaStatus

IDLE, PROCESSING, STOPPED = 3, 4, 5


def test_idle_printer_without_reasons_is_online_with_paper() -> None:
    status = status_from(IDLE, ["none"])
    assert (status.state, status.media) == (DeviceState.ONLINE, MediaStatus.OK)
    assert job_blocker(status) is None


def test_paper_and_door_reasons_set_the_media_whatever_their_severity_suffix() -> None:
    cases = {
        "media-empty-error": MediaStatus.OUT,
        "media-needed": MediaStatus.OUT,
        "media-jam-error": MediaStatus.JAMMED,
        "door-open-report": MediaStatus.COVER_OPEN,
        "cover-open-warning": MediaStatus.COVER_OPEN,
        "media-low-report": MediaStatus.LOW,
    }
    for reason, media in cases.items():
        status = status_from(STOPPED, [reason])
        assert status.media is media, reason
        assert (job_blocker(status) is None) == (media is MediaStatus.LOW), reason


def test_toner_low_is_a_warning_and_toner_empty_stops_printing() -> None:
    low = status_from(IDLE, ["toner-low-report"])
    assert low.state is DeviceState.ONLINE and low.detail == "toner low"
    empty = status_from(STOPPED, ["toner-empty-error"])
    assert empty.state is DeviceState.HARDWARE_ERROR and job_blocker(empty) == "toner empty"


def test_offline_report_and_no_answer_are_offline_never_no_paper() -> None:
    assert status_from(IDLE, ["offline-report"]).state is DeviceState.OFFLINE
    silent = unreachable("no reply")
    assert (silent.state, silent.media) == (DeviceState.OFFLINE, MediaStatus.UNKNOWN)
    assert status_from(None, []).media is MediaStatus.UNKNOWN


def test_processing_printer_is_busy_and_still_takes_a_job() -> None:
    busy = status_from(PROCESSING, ["none"])
    assert busy.state is DeviceState.BUSY and job_blocker(busy) is None


def test_stopped_printer_with_no_known_reason_is_a_hardware_error() -> None:
    assert status_from(STOPPED, ["none"]).state is DeviceState.HARDWARE_ERROR


@given(st.one_of(st.none(), st.integers()), st.lists(st.text(max_size=40), max_size=8))
def test_any_answer_maps_to_a_status_without_raising(state: int | None, reasons: list[str]) -> None:
    status = status_from(state, reasons)
    assert status.state in DeviceState
    assert status.media in MediaStatus
