"""Typed requests to and results from the platform (``platform-api.yaml``).

Results are built from JSON that has already been validated against the contract; their
``from_json`` constructors index required keys directly and may raise ``KeyError``,
``ValueError`` or ``TypeError`` only for what the schema cannot express (e.g. a date-time
that does not parse), which the client turns into ``MalformedResponse``.

Requests render themselves with ``to_json()``. Fields holding personal data (names, ID numbers,
phone numbers, faces, addresses) are left out of ``repr`` so that logging a request cannot leak
them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from platform_api.signing import format_timestamp, parse_timestamp

JSON = dict[str, Any]


def _compact(values: Mapping[str, Any]) -> JSON:
    """Drop optional members that are unset (None, empty string, empty list or mapping)."""
    return {k: v for k, v in values.items() if v is not None and v not in ("", [], {})}


# --- requests -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """The ID document read at the terminal, as ``VerifyRequest.card``."""

    card_type: str
    id_number: str = field(repr=False)
    name: str = field(repr=False)
    valid_to: str = ""
    photo_wlt_b64: str = field(default="", repr=False)

    def to_json(self) -> JSON:
        """The contract's ``card`` object."""
        return _compact(
            {
                "card_type": self.card_type,
                "id_number": self.id_number,
                "name": self.name,
                "valid_to": self.valid_to,
                "photo_wlt_b64": self.photo_wlt_b64,
            }
        )


class VerifyMethod(StrEnum):
    """How ``verifyIdentity`` establishes the person (``VerifyRequest.method``)."""

    FACE = "face"
    """Person–card comparison of a live face with the card's portrait (the default)."""
    CARD = "card"
    """The card alone, read by the terminal's certified SAM reader; no face image."""


@dataclass(frozen=True)
class VerifyRequest:
    """Person–card verification (人证比对, method ``face``): the card and a live face image.

    ``method`` is left out of the body: ``face`` is the contract's default, and the request
    stays what a 1.0 platform expects.
    """

    card: Card
    live_face_jpeg_b64: str = field(repr=False)
    liveness_score: float | None = None

    @property
    def method(self) -> VerifyMethod:
        """Always :attr:`VerifyMethod.FACE`."""
        return VerifyMethod.FACE

    def to_json(self) -> JSON:
        """The contract's ``VerifyRequest``."""
        return _compact(
            {
                "card": self.card.to_json(),
                "live_face_jpeg_b64": self.live_face_jpeg_b64,
                "liveness_score": self.liveness_score,
            }
        )


@dataclass(frozen=True)
class CardVerifyRequest:
    """Card-level verification (method ``card``, contract 1.1): the card alone, as read by
    the terminal's SAM reader ``sam_id`` (安全模块号); no face image. Enough for matters whose
    ``identity`` is ``id_card``; a matter needing ``id_card_and_face`` refuses the resulting
    verification with 403 ``insufficient_identity``."""

    card: Card
    sam_id: str

    def __post_init__(self) -> None:
        if not self.sam_id.strip():
            raise ValueError("a card-level verification needs the reader's SAM id")

    @property
    def method(self) -> VerifyMethod:
        """Always :attr:`VerifyMethod.CARD`."""
        return VerifyMethod.CARD

    def to_json(self) -> JSON:
        """The contract's ``VerifyRequest`` with ``method: card``."""
        return {"method": self.method.value, "sam_id": self.sam_id, "card": self.card.to_json()}


@dataclass(frozen=True)
class MaterialRef:
    """How one material of an application is satisfied (scan, licence, commitment, deferred)."""

    material_id: str
    kind: str
    sha256: str = ""
    license_number: str = field(default="", repr=False)
    commitment_text_sha256: str = ""

    def to_json(self) -> JSON:
        """The contract's ``MaterialRef``."""
        return _compact(
            {
                "material_id": self.material_id,
                "kind": self.kind,
                "sha256": self.sha256,
                "license_number": self.license_number,
                "commitment_text_sha256": self.commitment_text_sha256,
            }
        )


@dataclass(frozen=True)
class Applicant:
    """Who applies; all personal data, none of it in ``repr``."""

    name: str = field(repr=False)
    id_number: str = field(repr=False)
    phone: str = field(default="", repr=False)

    def to_json(self) -> JSON:
        """The contract's ``applicant`` object."""
        return _compact({"name": self.name, "id_number": self.id_number, "phone": self.phone})


@dataclass(frozen=True)
class Delivery:
    """How the result reaches the citizen."""

    method: str
    address: str = field(default="", repr=False)

    def to_json(self) -> JSON:
        """The contract's ``delivery`` object."""
        return _compact({"method": self.method, "address": self.address})


@dataclass(frozen=True)
class ApplicationRequest:
    """An application (办件申报) for one matter (``matter_code``) or a bundle (``bundle_code``).

    ``submitted_at`` is when the citizen confirmed, which may be long before an offline
    terminal delivers it.
    """

    verification_id: str
    terminal_id: str
    submitted_at: datetime
    applicant: Applicant
    form: Mapping[str, Any] = field(repr=False)
    materials: tuple[MaterialRef, ...] = ()
    matter_code: str = ""
    bundle_code: str = ""
    delivery: Delivery | None = None

    def to_json(self) -> JSON:
        """The contract's ``ApplicationRequest``."""
        return {
            "verification_id": self.verification_id,
            "terminal_id": self.terminal_id,
            "submitted_at": format_timestamp(self.submitted_at),
            "applicant": self.applicant.to_json(),
            "form": dict(self.form),
            "materials": [m.to_json() for m in self.materials],
        } | _compact(
            {
                "matter_code": self.matter_code,
                "bundle_code": self.bundle_code,
                "delivery": self.delivery.to_json() if self.delivery else None,
            }
        )


@dataclass(frozen=True)
class Correction:
    """What a ``correction_required`` application lacks (补齐补正), or a deferred material."""

    verification_id: str
    materials: tuple[MaterialRef, ...]
    form: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def to_json(self) -> JSON:
        """The body of ``submitCorrection``."""
        return {
            "verification_id": self.verification_id,
            "materials": [m.to_json() for m in self.materials],
        } | _compact({"form": dict(self.form)})


@dataclass(frozen=True)
class Evaluation:
    """A rating (好差评) on the contract's scale: 5 非常满意 … 1 非常不满意."""

    rating: int
    evaluated_at: datetime
    application_no: str = ""
    matter_code: str = ""
    reasons: tuple[str, ...] = ()
    comment: str = field(default="", repr=False)
    terminal_id: str = ""
    channel: str = "kiosk"

    def to_json(self) -> JSON:
        """The contract's ``Evaluation``."""
        return _compact(
            {
                "application_no": self.application_no,
                "matter_code": self.matter_code,
                "rating": self.rating,
                "reasons": list(self.reasons),
                "comment": self.comment,
                "channel": self.channel,
                "evaluated_at": format_timestamp(self.evaluated_at),
                "terminal_id": self.terminal_id,
            }
        )


@dataclass(frozen=True)
class Booking:
    """An appointment request for one slot."""

    verification_id: str
    slot_id: str
    matter_code: str
    phone: str = field(repr=False)

    def to_json(self) -> JSON:
        """The body of ``bookAppointment``."""
        return {
            "verification_id": self.verification_id,
            "slot_id": self.slot_id,
            "matter_code": self.matter_code,
            "phone": self.phone,
        }


@dataclass(frozen=True)
class DeviceReport:
    """One device's state as reported in a heartbeat."""

    device_class: str
    state: str
    media: str = ""
    detail: str = ""
    model: str = ""
    firmware: str = ""

    def to_json(self) -> JSON:
        """The contract's ``DeviceReport``."""
        return _compact(
            {
                "device_class": self.device_class,
                "state": self.state,
                "media": self.media,
                "detail": self.detail,
                "model": self.model,
                "firmware": self.firmware,
            }
        )


@dataclass(frozen=True)
class Heartbeat:
    """The terminal's status report (every 60 s)."""

    app_version: str
    mode: str
    uptime_s: int
    devices: tuple[DeviceReport, ...]
    outbox_depth: int
    sent_at: datetime
    oldest_outbox_age_s: int | None = None
    sessions_today: int | None = None
    acked_commands: tuple[str, ...] = ()

    def to_json(self) -> JSON:
        """The contract's ``Heartbeat``."""
        return {
            "app_version": self.app_version,
            "mode": self.mode,
            "uptime_s": self.uptime_s,
            "devices": [d.to_json() for d in self.devices],
            "outbox_depth": self.outbox_depth,
            "sent_at": format_timestamp(self.sent_at),
        } | _compact(
            {
                "oldest_outbox_age_s": self.oldest_outbox_age_s,
                "sessions_today": self.sessions_today,
                "acked_commands": list(self.acked_commands),
            }
        )


# --- results ------------------------------------------------------------------------------


def _datetime(raw: Any) -> datetime:
    if not isinstance(raw, str):
        raise TypeError("date-time is not a string")
    return parse_timestamp(raw)


def _optional_datetime(raw: Any) -> datetime | None:
    return None if raw is None else _datetime(raw)


@dataclass(frozen=True)
class Person:
    """The person a verification established."""

    name: str = field(repr=False)
    id_number: str = field(repr=False)
    phone: str = field(default="", repr=False)


class VerificationLevel(StrEnum):
    """How a verification established the person (``Verification.level``)."""

    FACE = "face"
    """Face comparison (verifyIdentity method ``face``); what an absent ``level`` means."""
    CARD = "card"
    """The card alone (verifyIdentity method ``card``): not enough for ``id_card_and_face``."""
    APP = "app"
    """The provincial app (qrLogin)."""


@dataclass(frozen=True)
class Verification:
    """Result of ``verifyIdentity`` or ``qrLogin``; ``verified`` may be False with a ``reason``."""

    verified: bool
    verification_id: str
    expires_at: datetime
    person: Person
    similarity: float | None = None
    threshold: float | None = None
    reason: str = ""
    level: VerificationLevel = VerificationLevel.FACE

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Verification:
        """From a contract-valid ``Verification``."""
        person = raw["person"]
        return cls(
            verified=raw["verified"],
            verification_id=raw["verification_id"],
            expires_at=_datetime(raw["expires_at"]),
            person=Person(person["name"], person["id_number"], person.get("phone", "")),
            similarity=raw.get("similarity"),
            threshold=raw.get("threshold"),
            reason=raw.get("reason", ""),
            level=VerificationLevel(raw.get("level", VerificationLevel.FACE.value)),
        )


@dataclass(frozen=True)
class License:
    """An electronic licence (电子证照) that can replace a paper material."""

    license_type: str
    name: str
    number: str = field(repr=False)
    issuer: str
    valid_to: str
    valid_from: date | None = None
    fields: Mapping[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> License:
        """From a contract-valid ``License``."""
        valid_from = raw.get("valid_from")
        return cls(
            license_type=raw["license_type"],
            name=raw["name"],
            number=raw["number"],
            issuer=raw["issuer"],
            valid_to=raw["valid_to"],
            valid_from=date.fromisoformat(valid_from) if valid_from else None,
            fields=dict(raw.get("fields", {})),
        )


@dataclass(frozen=True)
class HistoryEntry:
    """One step of an application's history."""

    at: datetime
    status: str
    note: str = ""


@dataclass(frozen=True)
class ResultDocument:
    """The document to print at the terminal for instant and query_print matters."""

    title: str = ""
    lines: tuple[str, ...] = field(default=(), repr=False)
    verify_url: str = ""


@dataclass(frozen=True)
class Application:
    """One application (办件) and its progress."""

    application_no: str
    query_code: str = field(repr=False)
    matter_code: str
    matter_name: str
    status: str
    accepted_at: datetime
    history: tuple[HistoryEntry, ...]
    promised_date: date | None = None
    correction_note: str = ""
    deferred_materials: tuple[str, ...] = ()
    result_document: ResultDocument | None = None

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Application:
        """From a contract-valid ``Application``."""
        document = raw.get("result_document")
        promised = raw.get("promised_date")
        return cls(
            application_no=raw["application_no"],
            query_code=raw["query_code"],
            matter_code=raw["matter_code"],
            matter_name=raw["matter_name"],
            status=raw["status"],
            accepted_at=_datetime(raw["accepted_at"]),
            history=tuple(
                HistoryEntry(_datetime(h["at"]), h["status"], h.get("note", ""))
                for h in raw["history"]
            ),
            promised_date=date.fromisoformat(promised) if promised else None,
            correction_note=raw.get("correction_note", ""),
            deferred_materials=tuple(raw.get("deferred_materials", [])),
            result_document=(
                ResultDocument(
                    document.get("title", ""),
                    tuple(document.get("lines", [])),
                    document.get("verify_url", ""),
                )
                if document is not None
                else None
            ),
        )


@dataclass(frozen=True)
class PaymentItem:
    """One line of a payment order."""

    name: str
    amount_cents: int


class PaymentStatus(StrEnum):
    """A payment order's state (``Payment.status``)."""

    PENDING = "pending"
    """Unpaid: waiting for a payment, or a charge awaits the citizen's confirmation."""
    PAID = "paid"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    """Closed unpaid by cancelPayment; it can't be paid any more."""
    REFUNDED = "refunded"


@dataclass(frozen=True)
class Payment:
    """A payment order (统一公共支付) and its state."""

    order_no: str
    amount_cents: int
    status: PaymentStatus
    items: tuple[PaymentItem, ...] = ()
    paid_at: datetime | None = None
    e_invoice_url: str = ""

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Payment:
        """From a contract-valid ``Payment``."""
        return cls(
            order_no=raw["order_no"],
            amount_cents=raw["amount_cents"],
            status=PaymentStatus(raw["status"]),
            items=tuple(PaymentItem(i["name"], i["amount_cents"]) for i in raw.get("items", [])),
            paid_at=_optional_datetime(raw.get("paid_at")),
            e_invoice_url=raw.get("e_invoice_url", ""),
        )


@dataclass(frozen=True)
class SubmitResult:
    """What ``submitApplication`` accepted: one application per matter, maybe a payment."""

    applications: tuple[Application, ...]
    payment: Payment | None = None

    @property
    def application_nos(self) -> tuple[str, ...]:
        """The application numbers (办件编号), in the platform's order."""
        return tuple(a.application_no for a in self.applications)

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> SubmitResult:
        """From a contract-valid ``SubmitResult``."""
        payment = raw.get("payment")
        return cls(
            applications=tuple(Application.from_json(a) for a in raw["applications"]),
            payment=Payment.from_json(payment) if payment is not None else None,
        )


@dataclass(frozen=True)
class PaymentQr:
    """A code for the citizen to scan with a payment app."""

    pay_url: str
    expires_at: datetime

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> PaymentQr:
        """From a contract-valid ``createPaymentQr`` answer."""
        return cls(raw["pay_url"], _datetime(raw["expires_at"]))


@dataclass(frozen=True)
class Slot:
    """An appointment slot and how many places remain."""

    slot_id: str
    start: datetime
    end: datetime
    remaining: int

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Slot:
        """From one contract-valid entry of ``listSlots``."""
        return cls(raw["slot_id"], _datetime(raw["start"]), _datetime(raw["end"]), raw["remaining"])


@dataclass(frozen=True)
class Appointment:
    """A booked appointment."""

    appointment_no: str
    start: datetime
    hall_code: str

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Appointment:
        """From a contract-valid ``bookAppointment`` answer."""
        return cls(raw["appointment_no"], _datetime(raw["start"]), raw["hall_code"])


@dataclass(frozen=True)
class Command:
    """A command from the platform in a heartbeat answer; acknowledged by ``id`` later."""

    id: str
    command: str
    reason: str = ""

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Command:
        """From one contract-valid entry of a heartbeat answer."""
        return cls(raw["id"], raw["command"], raw.get("reason", ""))
