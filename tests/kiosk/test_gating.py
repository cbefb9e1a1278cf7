"""Which matters can run with which devices, and why not."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.flow.matter import IdentityRequirement, SelfService
from kiosk.gating import (
    GateReason,
    IdentityRoute,
    matter_availability,
    qr_login_usable,
    terminal_in_service,
)
from tests.kiosk.flow.helpers import OFFLINE, all_online, matter

CARD_FACE = matter(identity=IdentityRequirement.ID_CARD_AND_FACE)
CARD = matter(identity=IdentityRequirement.ID_CARD)
PRINT_ONLY = matter(identity=IdentityRequirement.ID_CARD, delivery=frozenset({"print_at_terminal"}))


def with_down(*devices: DeviceClass) -> dict[DeviceClass, DeviceStatus]:
    statuses = all_online()
    for device in devices:
        statuses[device] = OFFLINE
    return statuses


def test_everything_online_offers_both_routes() -> None:
    availability = matter_availability(CARD_FACE, all_online())
    assert availability.available
    assert availability.routes == {IdentityRoute.CARD, IdentityRoute.QR}
    assert availability.reasons == ()


def test_camera_down_leaves_qr_for_card_and_face_matters() -> None:
    availability = matter_availability(CARD_FACE, with_down(DeviceClass.CAMERA))
    assert availability.available
    assert availability.routes == {IdentityRoute.QR}


def test_camera_and_scanner_down_block_card_and_face_matters_only() -> None:
    devices = with_down(DeviceClass.CAMERA, DeviceClass.QR_SCANNER)
    blocked = matter_availability(CARD_FACE, devices)
    assert not blocked.available
    assert blocked.reasons == (GateReason.CAMERA_DOWN, GateReason.QR_SCANNER_DOWN)
    assert matter_availability(CARD, devices).available


def test_reader_and_scanner_down_block_id_card_matters() -> None:
    devices = with_down(DeviceClass.ID_CARD_READER, DeviceClass.QR_SCANNER)
    availability = matter_availability(CARD, devices)
    assert not availability.available
    assert GateReason.ID_READER_DOWN in availability.reasons


@pytest.mark.parametrize(
    ("printer", "reason"),
    [
        (DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT), GateReason.PRINTER_NO_PAPER),
        (DeviceStatus(DeviceState.ONLINE, MediaStatus.JAMMED), GateReason.PRINTER_DOWN),
        (DeviceStatus(DeviceState.HARDWARE_ERROR), GateReason.PRINTER_DOWN),
    ],
)
def test_print_only_matters_need_a_working_printer(
    printer: DeviceStatus, reason: GateReason
) -> None:
    devices = all_online()
    devices[DeviceClass.RECEIPT_PRINTER] = printer
    availability = matter_availability(PRINT_ONLY, devices)
    assert not availability.available
    assert availability.reasons == (reason,)


def test_paper_low_still_prints() -> None:
    devices = all_online()
    devices[DeviceClass.RECEIPT_PRINTER] = DeviceStatus(DeviceState.ONLINE, MediaStatus.LOW)
    assert matter_availability(PRINT_ONLY, devices).available


def test_matters_with_other_deliveries_do_not_need_the_printer() -> None:
    assert matter_availability(CARD, with_down(DeviceClass.RECEIPT_PRINTER)).available


def test_query_print_needs_only_the_a4_printer_whatever_the_deliveries() -> None:
    query = matter(identity=IdentityRequirement.ID_CARD, self_service=SelfService.QUERY_PRINT)
    assert matter_availability(query, with_down(DeviceClass.RECEIPT_PRINTER)).available
    only_here = matter(
        identity=IdentityRequirement.ID_CARD,
        self_service=SelfService.QUERY_PRINT,
        delivery=frozenset({"print_at_terminal"}),
    )
    assert matter_availability(only_here, with_down(DeviceClass.RECEIPT_PRINTER)).available
    assert not matter_availability(query, with_down(DeviceClass.A4_PRINTER)).available


def test_no_identity_matter_needs_no_identity_device() -> None:
    free = matter(identity=IdentityRequirement.NONE)
    devices = with_down(DeviceClass.ID_CARD_READER, DeviceClass.QR_SCANNER, DeviceClass.CAMERA)
    availability = matter_availability(free, devices)
    assert availability.available
    assert availability.routes == frozenset()


def test_guide_only_matters_never_start() -> None:
    guide = matter(self_service=SelfService.GUIDE_ONLY)
    assert matter_availability(guide, all_online()).reasons == (GateReason.GUIDE_ONLY,)


def test_terminal_is_in_service_while_one_identity_device_works() -> None:
    assert terminal_in_service(all_online())
    assert terminal_in_service(with_down(DeviceClass.ID_CARD_READER))
    assert terminal_in_service(with_down(DeviceClass.QR_SCANNER))
    assert not terminal_in_service(with_down(DeviceClass.ID_CARD_READER, DeviceClass.QR_SCANNER))
    assert not terminal_in_service({}), "unknown statuses count as unusable"


def test_terminal_is_in_service_while_its_identity_devices_are_starting() -> None:
    starting = DeviceStatus(DeviceState.STARTING)
    devices = {DeviceClass.ID_CARD_READER: starting, DeviceClass.QR_SCANNER: starting}
    assert terminal_in_service(devices)
    assert not qr_login_usable(devices), "a starting scanner cannot take a login yet"


QUERY_PRINT = matter(
    identity=IdentityRequirement.ID_CARD_AND_FACE,
    self_service=SelfService.QUERY_PRINT,
    delivery=frozenset({"print_at_terminal", "electronic"}),
)


@pytest.mark.parametrize(
    ("a4", "reason"),
    [
        (DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT, "paper out"),
         GateReason.A4_PRINTER_NO_PAPER),
        (DeviceStatus(DeviceState.HARDWARE_ERROR, MediaStatus.OK, "toner empty"),
         GateReason.A4_PRINTER_NO_TONER),
        (DeviceStatus(DeviceState.ONLINE, MediaStatus.JAMMED, "paper jam"),
         GateReason.A4_PRINTER_DOWN),
        (DeviceStatus(DeviceState.ONLINE, MediaStatus.COVER_OPEN, "door open"),
         GateReason.A4_PRINTER_DOWN),
        (DeviceStatus(DeviceState.OFFLINE, MediaStatus.UNKNOWN), GateReason.A4_PRINTER_DOWN),
    ],
)
def test_certificates_need_a_working_a4_printer_and_say_why_not(
    a4: DeviceStatus, reason: GateReason
) -> None:
    devices = all_online()
    devices[DeviceClass.A4_PRINTER] = a4
    availability = matter_availability(QUERY_PRINT, devices)
    assert not availability.available
    assert availability.reasons == (reason,)


def test_a_busy_a4_printer_or_low_toner_still_prints_certificates() -> None:
    devices = all_online()
    devices[DeviceClass.A4_PRINTER] = DeviceStatus(DeviceState.BUSY, MediaStatus.OK, "printing")
    assert matter_availability(QUERY_PRINT, devices).available
    devices[DeviceClass.A4_PRINTER] = DeviceStatus(DeviceState.ONLINE, MediaStatus.OK, "toner low")
    assert matter_availability(QUERY_PRINT, devices).available


def test_other_matters_do_not_need_the_a4_printer() -> None:
    assert matter_availability(PRINT_ONLY, with_down(DeviceClass.A4_PRINTER)).available
    assert not matter_availability(QUERY_PRINT, with_down(DeviceClass.A4_PRINTER)).available
