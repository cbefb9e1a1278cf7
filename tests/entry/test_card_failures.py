"""The app's translation of the reader's read failures into the flow's card failures."""

from __future__ import annotations

from drivers.id_card.errors import CardFormatError, CardRemovedError, ReaderStatusError
from entry.app import card_failure
from kiosk.flow import events as ev


def test_a_card_removed_mid_read_is_a_removed_failure() -> None:
    assert card_failure(CardRemovedError("gone")) is ev.CardFailure.REMOVED


def test_a_card_of_unknown_format_is_an_unknown_type_failure() -> None:
    assert card_failure(CardFormatError("what")) is ev.CardFailure.UNKNOWN_TYPE


def test_a_reader_error_status_is_an_unreadable_failure() -> None:
    assert card_failure(ReaderStatusError("read", 0x41)) is ev.CardFailure.UNREADABLE
