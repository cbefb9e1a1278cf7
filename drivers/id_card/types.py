"""The ID card reader's public surface: the card, its events, its timings and its interface.

Code above the HAL imports only from here (and :mod:`drivers.id_card.errors`); it cannot tell
the real driver from one fed by the emulator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final, Literal, Protocol, runtime_checkable

from drivers.base import Device, DeviceEvent
from drivers.id_card.errors import IdCardError
from drivers.id_card.idnumber import foreign_number_valid, resident_number_valid
from drivers.id_card.nations import nation_name
from drivers.id_card.privacy import mask_id_number, mask_name

LONG_TERM: Final = "long_term"
"""``valid_to`` of a card valid for life (长期 on the card)."""

ValidTo = date | Literal["long_term"]


class CardType(StrEnum):
    """The three card kinds a SAM reader returns, by the type character at text offset 248."""

    RESIDENT = "resident"
    FOREIGN_PERMANENT = "foreign_permanent"
    HK_MACAO_TAIWAN = "hk_macao_taiwan"


class Sex(StrEnum):
    """Sex as GB/T 2261.1 codes it on the card ('1' male, '2' female)."""

    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True, repr=False)
class IdCard:
    """Everything read from one card. ``repr`` is masked so a card never leaks into a log.

    ``photo_wlt`` is the card's raw 1024-byte WLT photo; ``photo_bmp`` is its decoded BMP when
    a WLT decoder plug-in is configured, else None. ``nation_code`` is set on resident cards,
    ``name_en``/``nationality`` on foreign cards, ``pass_number``/``issue_count`` on
    HK/Macao/Taiwan permits.
    """

    card_type: CardType
    name: str
    sex: Sex
    birth_date: date
    id_number: str
    issuer: str
    valid_from: date
    valid_to: ValidTo
    name_en: str | None = None
    nation_code: str | None = None
    nationality: str | None = None
    address: str | None = None
    pass_number: str | None = None
    issue_count: str | None = None
    photo_wlt: bytes = b""
    fingerprint: bytes = b""
    photo_bmp: bytes | None = None
    sam_id: str = field(default="", compare=False)

    @property
    def nation(self) -> str | None:
        """The nation's name as printed on a resident card; None on other cards."""
        return nation_name(self.nation_code) if self.nation_code is not None else None

    @property
    def id_number_valid(self) -> bool:
        """Whether the number is well formed (GB 11643 check digit; foreign: its shape)."""
        if self.card_type is CardType.FOREIGN_PERMANENT:
            return foreign_number_valid(self.id_number)
        return resident_number_valid(self.id_number)

    def expired(self, today: date) -> bool:
        """True when the card's validity ended before ``today`` (never for 长期 cards)."""
        return isinstance(self.valid_to, date) and self.valid_to < today

    def __repr__(self) -> str:
        return (
            f"IdCard({self.card_type.value}, {mask_name(self.name)}, "
            f"{mask_id_number(self.id_number)})"
        )


@dataclass(frozen=True)
class CardInserted(DeviceEvent):
    """A card was placed on the reader and read in full (once per placement)."""

    card: IdCard


@dataclass(frozen=True)
class CardRemoved(DeviceEvent):
    """The card that was on the reader (read or not) has been taken away."""


@dataclass(frozen=True)
class ReadFailed(DeviceEvent):
    """A card was placed but could not be read; ``error`` says why (removed, read failure…)."""

    error: IdCardError


@dataclass(frozen=True)
class Timing:
    """Every delay and timeout of the reader, its driver and its emulator, in seconds.

    One place to tune for slow readers or to shrink in tests (``dataclasses.replace``).
    """

    poll_interval_s: float = 0.3
    """Between two find-card polls."""
    answer_timeout_s: float = 0.5
    """Wait for the first byte of the answer to a short command (find, select, SAM)."""
    read_answer_timeout_s: float = 3.0
    """Wait for the first byte of a card-read answer (the reader reads the chip first)."""
    byte_timeout_s: float = 0.2
    """Longest silence inside a frame before it is declared truncated."""
    frame_slack_s: float = 0.5
    """Added to a frame's wire time to bound its whole reception."""
    write_timeout_s: float = 1.0
    """Longest a command write may block."""
    read_attempts: int = 2
    """Find-select-read attempts per placement before ReadFailed."""
    max_consecutive_errors: int = 3
    """Communication errors in a row before the reader is declared offline."""
    hardware_recheck_s: float = 2.0
    """Between SAM status checks while the SAM reports a self-test failure."""
    stop_timeout_s: float = 2.0
    """Longest wait for a worker thread to stop."""


TIMING: Final = Timing()
"""The production timings."""


@runtime_checkable
class IdCardReader(Device, Protocol):
    """An ID card reader: a :class:`~drivers.base.Device` that reads cards continuously.

    After ``open()`` it publishes :class:`CardInserted` once per placement,
    :class:`ReadFailed` when a placed card cannot be read, and :class:`CardRemoved` when the
    card leaves, besides :class:`~drivers.base.StatusChanged`.
    """

    @property
    def current_card(self) -> IdCard | None:
        """The card read from the reader and still on it, else None."""
        ...
