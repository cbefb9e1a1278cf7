"""How the appointment desk tells the flow what the platform answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from entry.appointments import failure_answer, verification_answer
from kiosk.flow import events as ev
from kiosk.platform.errors import PlatformError, PlatformUnreachable
from kiosk.platform.models import Person, Verification, VerificationLevel


@dataclass(frozen=True)
class SamCard:
    card_type: str = "resident"
    name: str = "张伟"
    id_number: str = "33010619850312001X"
    valid_from: date | None = None
    valid_to: date | str | None = None
    photo_wlt: bytes = b""
    sam_id: str = "SAM-1"


def _verification(person: Person, verified: bool = True, reason: str = "") -> Verification:
    return Verification(verified, "ver-1", datetime(2026, 12, 1, tzinfo=UTC), person,
                        reason=reason, level=VerificationLevel.CARD)


@pytest.mark.parametrize(
    ("error", "kind"),
    [(PlatformError(409, "slot_full"), ev.SlotTaken),
     (PlatformError(403, "insufficient_identity"), ev.PlatformRefused),
     (PlatformError(503, "unavailable"), ev.PlatformUnavailable),
     (PlatformUnreachable("refused"), ev.PlatformUnavailable)],
    ids=["slot_full", "refused", "5xx", "unreachable"],
)
def test_a_failed_call_is_the_slot_taken_a_refusal_or_unanswered(
    error: BaseException, kind: type[ev.Event]
) -> None:
    answer = failure_answer(7, error)
    assert type(answer) is kind
    assert getattr(answer, "request_id", None) == 7


def test_the_card_holders_verification_carries_the_platforms_phone() -> None:
    answer = verification_answer(3, SamCard(), _verification(
        Person("张伟", "33010619850312001X", "13800138000")))
    assert isinstance(answer, ev.BookingVerified)
    assert (answer.verification_id, answer.phone) == ("ver-1", "13800138000")


def test_a_verification_of_someone_else_or_refused_is_a_failure() -> None:
    other = verification_answer(3, SamCard(), _verification(Person("李四", "110101199003074514")))
    assert other == ev.VerifyFailed(3, "verified_someone_else")
    refused = verification_answer(
        3, SamCard(), _verification(Person("张伟", "33010619850312001X"), False, "card_expired")
    )
    assert refused == ev.VerifyFailed(3, "card_expired")
