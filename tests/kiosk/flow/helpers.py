"""Fakes for flow tests: a clock, cards, device statuses, matters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.flow.matter import (
    BriefStep,
    IdentityRequirement,
    MatterBrief,
    SelfService,
    SubjectKind,
)


class FakeClock:
    """A monotonic clock the test advances by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class FakeCard:
    """A card with the fields the kiosk reads."""

    card_type: str = "resident"
    name: str = "张伟"
    id_number: str = "33010619850312001X"
    valid_to: date | str = date(2036, 5, 1)
    id_number_valid: bool = True
    photo_wlt: bytes = b"\x00" * 1024

    def expired(self, today: date) -> bool:
        """Past ``valid_to`` on ``today`` (never for long-term cards)."""
        return isinstance(self.valid_to, date) and self.valid_to < today


ONLINE = DeviceStatus(DeviceState.ONLINE, MediaStatus.NOT_APPLICABLE)
PRINTER_OK = DeviceStatus(DeviceState.ONLINE, MediaStatus.OK)
OFFLINE = DeviceStatus(DeviceState.OFFLINE)


def all_online() -> dict[DeviceClass, DeviceStatus]:
    """Every device usable."""
    return {
        DeviceClass.ID_CARD_READER: ONLINE,
        DeviceClass.QR_SCANNER: ONLINE,
        DeviceClass.CAMERA: ONLINE,
        DeviceClass.RECEIPT_PRINTER: PRINTER_OK,
        DeviceClass.A4_PRINTER: PRINTER_OK,
    }


def matter(
    identity: IdentityRequirement = IdentityRequirement.ID_CARD_AND_FACE,
    self_service: SelfService = SelfService.FULL,
    delivery: frozenset[str] = frozenset({"mail", "window_pickup"}),
    code: str = "330100000000000001",
) -> MatterBrief:
    """A matter brief as the app would load it."""
    return MatterBrief(
        code=code,
        name="城乡居民基本养老保险参保登记",
        kind=SubjectKind.MATTER,
        identity=identity,
        result_delivery=delivery,
        self_service=self_service,
        steps=(BriefStep("核验身份"), BriefStep("填写表单"), BriefStep("提交申请")),
    )
