"""The session forgets everything on wipe and zeroes its image buffers."""

from __future__ import annotations

from kiosk.identity.consent import ConsentPurpose, ConsentRecord
from kiosk.identity.person import Citizen, EstablishedIdentity, IdentityMethod
from kiosk.session import Session
from tests.kiosk.flow.helpers import FakeCard, matter


def filled() -> Session:
    session = Session(
        card=FakeCard(),
        consent=ConsentRecord(ConsentPurpose.FACE_VERIFICATION, granted=True, at=1.0),
        verification=EstablishedIdentity("v", "t", Citizen("张伟", "1"), IdentityMethod.QR_LOGIN),
        matter=matter(),
        face_attempts=2,
        form_values={"phone": "13800000000"},
        scanned_texts=["身份证复印件"],
        images=[bytearray(b"scan-1"), bytearray(b"scan-2")],
    )
    session.hold_face_image(bytearray(b"\xff\xd8face"))
    return session


def test_a_new_session_is_empty() -> None:
    assert Session().is_empty()


def test_wipe_leaves_nothing_and_zeroes_every_buffer() -> None:
    session = filled()
    buffers = [*session.images, session.face_image]
    assert not session.is_empty()
    session.wipe()
    assert session.is_empty()
    for buffer in buffers:
        assert buffer is not None
        assert len(buffer) == 0


def test_buffers_are_overwritten_before_being_emptied() -> None:
    seen: list[bytes] = []

    class Spy(bytearray):
        def clear(self) -> None:
            seen.append(bytes(self))
            super().clear()

    session = Session(images=[Spy(b"secret")])
    session.wipe()
    assert seen == [b"\x00" * 6]


def test_forget_identity_keeps_the_matter() -> None:
    session = filled()
    face = session.face_image
    session.forget_identity()
    assert session.card is None and session.verification is None and session.consent is None
    assert session.face_attempts == 0
    assert face is not None and len(face) == 0
    assert session.matter is not None


def test_holding_a_new_face_image_zeroes_the_previous_one() -> None:
    session = Session()
    first = session.hold_face_image(bytearray(b"one"))
    session.hold_face_image(bytearray(b"two"))
    assert len(first) == 0
    assert session.face_image == bytearray(b"two")


def test_known_names_are_the_card_and_verified_names() -> None:
    assert set(filled().known_names()) == {"张伟"}
    assert Session().known_names() == ()


def test_the_session_keeps_the_captured_buffer_itself_and_zeroes_it_on_wipe() -> None:
    session = Session()
    captured = bytearray(b"\xff\xd8face")
    assert session.hold_face_image(captured) is captured, "no copy is made"
    session.wipe()
    assert captured == bytearray(len(captured)), "the capture's own buffer is zeroed"
    assert session.face_image is None
