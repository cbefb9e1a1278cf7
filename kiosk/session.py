"""The data of the citizen currently at the terminal, and the means to forget it.

Only the flow machine owns a :class:`Session`. Residual-information protection (MLPS 2.0)
asks that nothing of one citizen be left for the next: :meth:`Session.wipe` drops every
reference and zeroes the byte buffers (captured face and document images) in place, which
is why images are held as ``bytearray``.

The face image is one buffer from capture to request: the JPEG encoder's output is copied
once into a ``bytearray`` (and the encoder's own array zeroed), the flow's ``FaceCaptured``
event carries that object, :meth:`Session.hold_face_image` keeps it without copying, the
``VerifyIdentity`` effect hands it to the app, and the flow zeroes it when verification
ends (answer, failure, timeout or leaving) and on every wipe.

What is *not* wiped, and cannot be: the request body. The contract sends the face as base64
text inside JSON, and Python's ``bytes`` and ``str`` are immutable; the base64 text, the
JSON document and the encoded body (and the TLS layer's buffers) live until the garbage
collector frees them, unzeroed. The app keeps their number and lifetime small instead: it
encodes straight from the buffer (no intermediate ``bytes``), only when it sends, in the
request it hands to one worker, and keeps no reference once the call returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.evaluation.answers import EvaluationDraft
from kiosk.flow.matter import MatterBrief
from kiosk.identity.card import IdentityCard
from kiosk.identity.consent import ConsentRecord
from kiosk.identity.person import EstablishedIdentity
from kiosk.materials.capture import PageCapture
from kiosk.receipts.reprint import ReprintChoice

if TYPE_CHECKING:
    from kiosk.apply.draft import ApplicationDraft
    from kiosk.appointments.draft import AppointmentDraft
    from kiosk.payment.progress import PaymentProgress
    from kiosk.progress.case import ProgressCase


def _zero(buffer: bytearray) -> None:
    """Overwrite ``buffer`` with zeros in place, then empty it."""
    buffer[:] = bytes(len(buffer))
    buffer.clear()


@dataclass
class Session:
    """One citizen's data: card, consent, verification, chosen matter, form, captures, and
    the application or appointment being made."""

    card: IdentityCard | None = None
    consent: ConsentRecord | None = None
    verification: EstablishedIdentity | None = None
    matter: MatterBrief | None = None
    face_attempts: int = 0
    face_image: bytearray | None = None
    form_values: dict[str, str] = field(default_factory=dict)
    scanned_texts: list[str] = field(default_factory=list)
    images: list[bytearray] = field(default_factory=list)
    application: ApplicationDraft | None = None
    payment: PaymentProgress | None = None
    evaluation: EvaluationDraft | None = None
    """The service just completed and the rating being given for it (好差评)."""
    appointment: AppointmentDraft | None = None
    progress: ProgressCase | None = None
    capture: PageCapture = field(default_factory=PageCapture)
    """Pages being captured for the material on screen (zeroed on leaving the capture)."""
    reprint: ReprintChoice = field(default_factory=ReprintChoice)
    """补打回执: the applications offered and the receipt chosen."""
    face_required: bool = False
    """The platform refused the card-level verification for the matter (403
    ``insufficient_identity``): continuing needs face verification."""
    elderly: bool = False
    """适老模式, chosen on home: larger text and more time for every timed step
    (:func:`kiosk.flow.timeouts.paced`); forgotten with the rest of the session."""
    held_application: ApplicationDraft | None = None
    """The application refused for that reason, held while the citizen steps up to face
    verification and resumed on its confirm page once the face verifies; it belongs to the
    card-level identity it was made under and is forgotten with it."""

    def hold_face_image(self, jpeg: bytearray) -> bytearray:
        """Keep the captured face image's own buffer, not a copy (zeroing any earlier one)."""
        if self.face_image is not jpeg:
            self.drop_face_image()
        self.face_image = jpeg
        return jpeg

    def drop_face_image(self) -> None:
        """Zero and forget the captured face image: face data is kept no longer than needed."""
        if self.face_image is not None:
            _zero(self.face_image)
            self.face_image = None

    def forget_identity(self) -> None:
        """Forget the card, consent, verification, face image and attempts, and any application
        held for the face (it was made under this identity); keep the matter.

        Used when the card leaves the reader before identity is established: the citizen may
        put it back and continue with the same matter.
        """
        self.drop_face_image()
        self.card = None
        self.consent = None
        self.verification = None
        self.face_attempts = 0
        self.face_required = False
        self.drop_held_application()

    def wipe(self) -> None:
        """Forget everything and zero every image buffer."""
        self.forget_identity()
        self.elderly = False
        self.matter = None
        self.drop_application()
        self.payment = None
        self.drop_evaluation()
        self.drop_appointment()
        self.progress = None
        self.capture.clear()
        self.reprint = ReprintChoice()
        self.form_values.clear()
        self.scanned_texts.clear()
        for image in self.images:
            _zero(image)
        self.images.clear()

    def drop_application(self) -> None:
        """Forget the application being made (its answers, choices and outcome)."""
        if self.application is not None:
            self.application.clear()
            self.application = None

    def hold_application(self) -> None:
        """Set the application aside (off screen) until face verification resumes it."""
        self.drop_held_application()
        self.held_application, self.application = self.application, None

    def resume_application(self) -> None:
        """Put the held application back on screen, as the citizen left it."""
        if self.held_application is not None:
            self.drop_application()
            self.application, self.held_application = self.held_application, None

    def drop_held_application(self) -> None:
        """Forget the held application (its answers, choices and captured pages)."""
        if self.held_application is not None:
            self.held_application.clear()
            self.held_application = None

    def drop_evaluation(self) -> None:
        """Forget the service to rate and the answers given (the comment is the citizen's)."""
        if self.evaluation is not None:
            self.evaluation.clear()
            self.evaluation = None
    def drop_appointment(self) -> None:
        """Forget the appointment being made (its phone number, slot and outcome)."""
        if self.appointment is not None:
            self.appointment.clear()
            self.appointment = None

    def is_empty(self) -> bool:
        """True when the session holds nothing of any citizen (the state after :meth:`wipe`).

        The elderly mode is not the citizen's data but how the screens look for them: home
        may show it switched on for the citizen in front of it (a wipe switches it off)."""
        return (
            self.card is None
            and self.consent is None
            and self.verification is None
            and self.matter is None
            and self.face_attempts == 0
            and not self.face_required
            and not self.capture.pages
            and not self.reprint.offered
            and self.face_image is None
            and not self.form_values
            and not self.scanned_texts
            and not self.images
            and self.application is None
            and self.held_application is None
            and self.payment is None
            and self.evaluation is None
            and self.appointment is None
            and self.progress is None
        )

    def known_names(self) -> tuple[str, ...]:
        """The citizen's names the log filter must hide (card and verified person)."""
        names: list[str] = []
        if self.card is not None:
            names.append(self.card.name)
        if self.verification is not None:
            names.append(self.verification.person.name)
        return tuple(n for n in names if n)
