"""What contract 1.1 adds, through the typed client against the simulated platform:
card-level verification and its level, insufficient_identity, commitment texts, and the
payment lifecycle (pending, cancel, a charge whose answer is late or lost)."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.materials.resolution import commitment_sha256
from kiosk.platform.client import PlatformClient, encode_request
from kiosk.platform.errors import PlatformError, PlatformUnreachable, ProblemCode
from kiosk.platform.exchange import Timeouts
from kiosk.platform.models import (
    CardVerifyRequest,
    Payment,
    PaymentStatus,
    Verification,
    VerificationLevel,
    VerifyMethod,
    VerifyRequest,
)
from kiosk.platform.transport_retry import RetryPolicy
from platform_sim import Fault, FaultKind, RunningSimulator
from platform_sim.charges import Charge, ChargeOutcome
from tests.kiosk.platform import simulated
from tests.kiosk.platform.simulated import CARD
from tests.platform_sim.helpers import JPEG, PROMISED, RENTAL_COMMITMENT, SAM_ID

WECHAT = "134567890123456789"


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = simulated.start(tmp_path / "platform-sim")
    yield running
    running.stop()


@pytest.fixture
def client(sim: RunningSimulator) -> PlatformClient:
    return simulated.client_for(sim)


def _card_level(client: PlatformClient) -> Verification:
    return client.verify_identity(CardVerifyRequest(CARD, SAM_ID), idempotency_key=uuid.uuid4())


def _order(client: PlatformClient) -> Payment:
    verification = simulated.verify(client)
    result = client.submit_application(
        simulated.application(verification, simulated.uploaded_scan(client, verification)),
        idempotency_key=uuid.uuid4(),
    )
    assert result.payment is not None
    return result.payment


def test_the_card_alone_gives_a_card_level_verification(client: PlatformClient) -> None:
    verification = _card_level(client)
    assert verification.verified and verification.level is VerificationLevel.CARD
    assert verification.similarity is None


def test_face_and_app_verifications_carry_their_level(client: PlatformClient) -> None:
    assert simulated.verify(client).level is VerificationLevel.FACE
    login = client.qr_login("zjzwfw://login?token=resident", idempotency_key=uuid.uuid4())
    assert login.level is VerificationLevel.APP


def test_a_verification_without_level_is_face_level(
    sim: RunningSimulator, client: PlatformClient
) -> None:
    sim.faults.add(
        Fault(
            FaultKind.RESPOND,
            200,
            body=(
                b'{"verified":true,"verification_id":"V-1","expires_at":"2026-11-23T09:30:00Z",'
                b'"person":{"name":"x","id_number":"y"}}'
            ),
            headers={"Content-Type": "application/json"},
        )
    )
    request = VerifyRequest(CARD, base64.b64encode(JPEG).decode())
    assert client.verify_identity(request, idempotency_key=uuid.uuid4()).level is (
        VerificationLevel.FACE
    )


def test_requests_say_their_method_and_a_face_request_stays_as_in_1_0() -> None:
    face = VerifyRequest(CARD, "AAAA", 0.9)
    card = CardVerifyRequest(CARD, SAM_ID)
    assert (face.method, card.method) == (VerifyMethod.FACE, VerifyMethod.CARD)
    assert "method" not in face.to_json()
    assert encode_request("verifyIdentity", card.to_json()).startswith(b'{"method":"card"')
    with pytest.raises(ValueError, match="SAM"):
        CardVerifyRequest(CARD, " ")


def test_a_card_level_verification_is_refused_for_a_matter_needing_the_face(
    client: PlatformClient,
) -> None:
    verification = _card_level(client)
    request = simulated.application(verification, simulated.uploaded_scan(client, verification))
    with pytest.raises(PlatformError) as caught:
        client.submit_application(request, idempotency_key=uuid.uuid4())
    assert (caught.value.status, caught.value.code) == (403, ProblemCode.INSUFFICIENT_IDENTITY)
    instant = simulated.application(verification)
    assert client.submit_application(instant, idempotency_key=uuid.uuid4()).applications


def test_the_catalogue_carries_the_commitment_text_the_platform_checks(
    client: PlatformClient,
) -> None:
    catalogue = client.get_catalogue().catalogue
    assert catalogue is not None
    matter = next(m for m in catalogue.matters if m.code == PROMISED)
    rental = next(s for s in matter.materials if s.id == "rental")
    assert rental.commitment_text == RENTAL_COMMITMENT
    assert _order(client).status is PaymentStatus.PENDING  # its ref hashes this very text
    assert commitment_sha256(rental.commitment_text) == simulated.RENTAL_COMMITMENT_SHA256


def test_cancel_closes_an_unpaid_order_and_answers_paid_when_paid_first(
    client: PlatformClient,
) -> None:
    unpaid, paid = _order(client), _order(client)
    assert client.cancel_payment(unpaid.order_no, idempotency_key=uuid.uuid4()).status is (
        PaymentStatus.CANCELLED
    )
    client.pay_by_barcode(paid.order_no, WECHAT, idempotency_key=uuid.uuid4())
    after = client.cancel_payment(paid.order_no, idempotency_key=uuid.uuid4())
    assert after.status is PaymentStatus.PAID and after.paid_at is not None


def test_a_pending_charge_is_polled_until_paid(
    sim: RunningSimulator, client: PlatformClient
) -> None:
    order = _order(client)
    sim.next_charge(Charge(ChargeOutcome.PENDING, settle_s=20))
    charged = client.pay_by_barcode(order.order_no, WECHAT, idempotency_key=uuid.uuid4())
    assert charged.status is PaymentStatus.PENDING
    sim.advance(20)
    assert client.get_payment(order.order_no).status is PaymentStatus.PAID


def test_a_paid_order_is_already_paid_to_a_new_charge(client: PlatformClient) -> None:
    order = _order(client)
    client.pay_by_barcode(order.order_no, WECHAT, idempotency_key=uuid.uuid4())
    with pytest.raises(PlatformError) as caught:
        client.pay_by_barcode(order.order_no, WECHAT, idempotency_key=uuid.uuid4())
    assert (caught.value.status, caught.value.code) == (409, ProblemCode.ALREADY_PAID)


def test_a_charge_answered_too_late_is_learned_by_the_retry_with_the_same_key(
    sim: RunningSimulator,
) -> None:
    waits: list[float] = []
    client = simulated.client_for(
        sim, retry=RetryPolicy(max_attempts=2), timeouts=Timeouts(1.0, 1.0, 10.0), sleeps=waits
    )
    order = _order(client)
    sim.next_charge(Charge(ChargeOutcome.TIMEOUT, hold_s=3))
    charged = client.pay_by_barcode(order.order_no, WECHAT, idempotency_key=uuid.uuid4())
    assert charged.status is PaymentStatus.PAID and len(waits) == 1


def test_a_charge_whose_answer_is_lost_is_learned_with_get_payment(
    sim: RunningSimulator, client: PlatformClient
) -> None:
    order = _order(client)
    sim.faults.add(Fault(FaultKind.DROP_AFTER, operation="payByBarcode"))
    with pytest.raises(PlatformUnreachable):
        client.pay_by_barcode(order.order_no, WECHAT, idempotency_key=uuid.uuid4())
    assert client.get_payment(order.order_no).status is PaymentStatus.PAID
