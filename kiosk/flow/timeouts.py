"""Every flow timeout, in one table.

Two kinds of clock per state:

* **idle** — time without any touch (``FlowMachine.touch()`` resets it). On screens with a
  countdown it opens the "还需要更多时间吗？" dialog for :data:`IDLE_COUNTDOWN_S`; when that
  runs out too the flow returns home and wipes the session. On screens without a countdown
  (home, information-only screens) the idle time leads straight to ``IdleExpired``: home goes
  to the attract loop, an information screen returns home.
* **limit** — time since the state was entered, for work the citizen waits on (reading a
  card, capturing a face, a platform call). It fires ``StateTimedOut``; touching does not
  extend it, and such states have no idle clock, since the citizen is not expected to touch.

In elderly mode (适老模式, ``Session.elderly``) every time the citizen must act within is
:data:`ELDERLY_TIME_FACTOR` times longer: idle times and their countdown, the card grace on
``verified``, and the limits marked ``paced`` (face guidance, confirming a charge in the
wallet, the paid screen). The flow reads the clocks only through :func:`for_state` and
:func:`paced`, so the factor is applied in one place. Limits on the terminal's own work
(reading a card, platform calls, printing) are not the citizen's time and stay as they are.

Values in seconds. Reasons: 60 s is the usual per-screen idle for hall terminals; reading
screens (guide, consent text) get the form value 120 s; the card reader answers in about 1 s
and 10 s covers a card placed badly; face capture guidance needs up to 30 s for an elderly
citizen; the platform's read timeout is 10 s, so 20 s covers a retry by the client.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kiosk.flow.states import State

SCREEN_IDLE_S = 60.0
"""Default idle time on a screen before the countdown."""
FORM_IDLE_S = 120.0
"""Idle time on screens where the citizen reads or fills in (guide, consent, forms)."""
IDLE_COUNTDOWN_S = 20.0
"""Length of the "还需要更多时间吗？" countdown."""
INFO_RETURN_S = 30.0
"""Information-only screens (errors, refer to window, placeholders) return home after this."""
ATTRACT_AFTER_S = 60.0
"""Home falls back to the attract loop after this long untouched."""
CARD_READ_LIMIT_S = 10.0
"""From a card being placed to its data, before ``card_unreadable``."""
FACE_CAPTURE_LIMIT_S = 30.0
"""Live face guidance before giving up on this attempt."""
VERIFY_LIMIT_S = 20.0
"""Waiting for verifyIdentity or qrLogin before treating the platform as unavailable."""
VERIFIED_CARD_GRACE_S = 10.0
"""On ``verified``, how long the card may stay off the reader before the session ends."""
ISSUE_LIMIT_S = 30.0
"""Submitting a query-and-print matter and rendering its PDF, before the platform counts as
unavailable (the platform call's 20 s plus rendering a long document)."""
A4_PRINT_LIMIT_S = 330.0
"""Waiting for the A4 job: a backstop past the driver's own ``job_timeout_s`` (300 s), which
reports a job without a final state as failed; the flow never waits for ever."""
MAINTENANCE_WAIT_S = 120.0
"""How long the technician waits for in-flight outbox work before entry is given up."""
FACE_FRAME_INTERVAL_S = 1 / 15
"""Face capture checks at most 15 frames a second (a check takes about 22 ms; see README)."""
FACE_FRAME_WAIT_S = 0.5
"""Face capture waits this long for the next camera frame before looking again."""
FACE_NO_FRAME_LIMIT_S = 5.0
"""A camera that delivers no frame for this long fails the capture (the flow offers a retry)."""
PREVIEW_FRAME_WAIT_S = 0.5
"""Maintenance's camera preview: one wait for a new frame (it checks for stop between waits)."""
PREVIEW_NO_FRAME_LIMIT_S = 3.0
"""Maintenance's camera preview: no frame for this long says the camera delivers nothing."""
PREVIEW_INTERVAL_S = 0.1
"""Maintenance's camera preview: at most ten a second (a technician needs no more; shared CPU)."""
DOCUMENT_FRAME_INTERVAL_S = 1 / 8
"""The live document view looks for the page at most 8 times a second (detection runs on a
640-wide copy): an outline that follows the hand, CPU left for the rest of the kiosk."""
DOCUMENT_FRAME_WAIT_S = 0.5
"""Document capture waits this long for the next camera frame before looking again."""
DOCUMENT_NO_FRAME_LIMIT_S = 5.0
"""A document camera that delivers no frame for this long fails the capture."""
APPLY_LOAD_LIMIT_S = 20.0
"""Looking up the matters and listing e-licences (one platform read, as for verification)."""
SUBMIT_LIMIT_S = 120.0
"""Waiting for the submitter: the outbox write, then an online try of every upload and the
request with the client's short timeouts; past this the citizen is sent to the window."""
RECEIPT_PRINT_LIMIT_S = 60.0
"""Waiting for a receipt job and the printer's post-job status (a long bundle receipt)."""
BOOKING_LIMIT_S = VERIFY_LIMIT_S
"""Waiting for bookAppointment (one platform call with the client's retries, as verifying)."""
PROGRESS_QUERY_LIMIT_S = 20.0
"""Reading one application with the receipt's code (one platform read)."""
CARD_LIST_LIMIT_S = 2 * VERIFY_LIMIT_S
"""Verifying the card and listing its holder's applications (two platform calls)."""
APPLY_PRINT_LIMIT_S = RECEIPT_PRINT_LIMIT_S + A4_PRINT_LIMIT_S
"""Waiting for the receipt and then an instant matter's certificate on A4 (one worker)."""
PAYMENT_POLL_S = 2.0
"""While a QR code is shown or a charge awaits confirmation, the order's state is asked this
often: a paid order is seen within 2 s, at 30 getPayment requests a minute per terminal
(see README, benchmarks/bench_payment.py)."""
PAYMENT_CALL_LIMIT_S = 30.0
"""Waiting for a QR code, a charge (with its resolution by getPayment) or a cancel: the
client's 20 s call plus one getPayment."""
PAYMENT_CONFIRM_LIMIT_S = 120.0
"""How long a charge may await the citizen's confirmation in the wallet app before the
terminal offers to scan again (the order stays payable; a second charge cannot pay twice)."""
PAYMENT_CHOOSE_IDLE_S = 90.0
"""Idle time on the fees and payment screens (finding the wallet app takes a while)."""
PAYMENT_QR_LIMIT_S = 600.0
"""Backstop on the QR screen, which has no idle clock (the citizen is busy with the phone):
the code's own expiry ends it, reported by the watcher; this only if that report never came."""
PAYMENT_PAID_SHOW_S = 3.0
"""The paid screen shows this long before the receipts print."""
EVALUATION_FIND_LIMIT_S = VERIFY_LIMIT_S + APPLY_LOAD_LIMIT_S
"""评价 from home: the card-level verification, then listing the holder's applications."""
EVALUATION_SEND_LIMIT_S = 30.0
"""Waiting for the outbox to keep the rating and try it online once (15 s at most), before
the citizen is told it may not have been kept."""


ELDERLY_TIME_FACTOR = 2.0
"""适老模式: how many times longer the citizen has for every timed step. MIIT's 2021 ageing
design rules ask for "enough time" without a number; WCAG 2.2.1 (Timing Adjustable) asks for
at least ten times the default or a way to extend, which the idle countdown's
"还需要更多时间" already gives; twice the time halves the pace of every prompt (60 s screens
get 120 s, the countdown 40 s, face guidance 60 s) while a forgotten session still ends within
minutes, as residual-information protection wants."""


@dataclass(frozen=True)
class StateTimeouts:
    """The clocks of one state: idle (reset by touch) and limit (from entry); ``paced`` says
    the limit is the citizen's own time (it grows in elderly mode, as idle times do)."""

    idle_s: float | None = None
    countdown: bool = True
    limit_s: float | None = None
    paced: bool = False


_SCREEN = StateTimeouts(idle_s=SCREEN_IDLE_S)
_READING = StateTimeouts(idle_s=FORM_IDLE_S)
_INFO = StateTimeouts(idle_s=INFO_RETURN_S, countdown=False)
_PAYING = StateTimeouts(idle_s=PAYMENT_CHOOSE_IDLE_S)
_FACE_GUIDANCE = StateTimeouts(limit_s=FACE_CAPTURE_LIMIT_S, paced=True)

TIMEOUTS: dict[State, StateTimeouts] = {
    State.HOME: StateTimeouts(idle_s=ATTRACT_AFTER_S, countdown=False),
    State.ATTRACT: StateTimeouts(),
    State.CATALOGUE: _SCREEN,
    State.GUIDE: _READING,
    State.IDENTITY_CARD: _SCREEN,
    State.IDENTITY_READING: StateTimeouts(limit_s=CARD_READ_LIMIT_S),
    State.CARD_EXPIRED: _INFO,
    State.CARD_UNKNOWN: _INFO,
    State.CARD_UNREADABLE: _INFO,
    State.CARD_REMOVED: _INFO,
    State.FACE_CONSENT: _READING,
    State.IDENTITY_CHOICE: _SCREEN,
    State.FACE_CAPTURE: _FACE_GUIDANCE,
    State.FACE_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.CARD_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.FACE_RETRY: _SCREEN,
    State.REFER_TO_WINDOW: _INFO,
    State.VERIFICATION_UNAVAILABLE: _INFO,
    State.QR_LOGIN: _SCREEN,
    State.QR_LOGIN_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.VERIFIED: _SCREEN,
    State.OUT_OF_SERVICE: StateTimeouts(),
    State.APPLY_LOADING: StateTimeouts(limit_s=APPLY_LOAD_LIMIT_S),
    State.APPLY_FORM: _READING,
    State.APPLY_MATERIAL: _READING,
    State.APPLY_CAPTURE: _READING,
    State.APPLY_REVIEW: _READING,
    State.APPLY_SUBMITTING: StateTimeouts(limit_s=SUBMIT_LIMIT_S),
    State.APPLY_PRINTING: StateTimeouts(limit_s=APPLY_PRINT_LIMIT_S),
    State.APPLY_DONE: _INFO,
    State.APPLY_OFFLINE_SAVED: _INFO,
    State.APPLY_PRINT_FAILED: _READING,
    State.APPLY_NOT_SAVED: _INFO,
    State.PAY_FEES: _PAYING,
    State.PAY_QR_LOADING: StateTimeouts(limit_s=PAYMENT_CALL_LIMIT_S),
    State.PAY_QR: StateTimeouts(limit_s=PAYMENT_QR_LIMIT_S),
    State.PAY_QR_EXPIRED: _PAYING,
    State.PAY_SCAN: _PAYING,
    State.PAY_CHARGING: StateTimeouts(limit_s=PAYMENT_CALL_LIMIT_S),
    State.PAY_PENDING: StateTimeouts(limit_s=PAYMENT_CONFIRM_LIMIT_S, paced=True),
    State.PAY_CANCELLING: StateTimeouts(limit_s=PAYMENT_CALL_LIMIT_S),
    State.PAY_PAID: StateTimeouts(limit_s=PAYMENT_PAID_SHOW_S, paced=True),
    State.PAY_FAILED: _INFO,
    State.PAY_CANCELLED: _INFO,
    State.REPRINT_CARD: _SCREEN,
    State.REPRINT_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.REPRINT_LOADING: StateTimeouts(limit_s=APPLY_LOAD_LIMIT_S),
    State.REPRINT_LIST: _SCREEN,
    State.REPRINT_PRINTING: StateTimeouts(limit_s=APPLY_PRINT_LIMIT_S),
    State.REPRINT_DONE: _INFO,
    State.REPRINT_PRINT_FAILED: _READING,
    State.REPRINT_FAILED: _INFO,
    State.CERTIFICATE_LIST: _SCREEN,
    State.CERTIFICATE_FORM: _READING,
    State.CERTIFICATE_ISSUING: StateTimeouts(limit_s=ISSUE_LIMIT_S),
    State.CERTIFICATE_PREVIEW: _READING,
    State.CERTIFICATE_PRINTING: StateTimeouts(limit_s=A4_PRINT_LIMIT_S),
    State.CERTIFICATE_PRINTED: _INFO,
    State.CERTIFICATE_PRINT_FAILED: _READING,
    State.EVALUATION_CARD: _SCREEN,
    State.EVALUATION_FINDING: StateTimeouts(limit_s=EVALUATION_FIND_LIMIT_S),
    State.EVALUATION_RATING: _SCREEN,
    State.EVALUATION_REASONS: _SCREEN,
    State.EVALUATION_COMMENT: _READING,
    State.EVALUATION_SENDING: StateTimeouts(limit_s=EVALUATION_SEND_LIMIT_S),
    State.EVALUATION_THANKS: _INFO,
    State.EVALUATION_ALREADY: _INFO,
    State.EVALUATION_UNAVAILABLE: _INFO,
    State.APPOINTMENT_MATTERS: _SCREEN,
    State.APPOINTMENT_SLOTS: _SCREEN,
    State.APPOINTMENT_CARD: _SCREEN,
    State.APPOINTMENT_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.APPOINTMENT_PHONE: _READING,
    State.APPOINTMENT_BOOKING: StateTimeouts(limit_s=BOOKING_LIMIT_S),
    State.APPOINTMENT_PRINTING: StateTimeouts(limit_s=RECEIPT_PRINT_LIMIT_S),
    State.APPOINTMENT_DONE: _READING,
    State.PROGRESS_SCAN: _SCREEN,
    State.PROGRESS_QUERYING: StateTimeouts(limit_s=PROGRESS_QUERY_LIMIT_S),
    State.PROGRESS_CARD_CHECKING: StateTimeouts(limit_s=CARD_LIST_LIMIT_S),
    State.PROGRESS_LIST: _SCREEN,
    State.PROGRESS_DETAIL: _READING,
    State.CORRECTION_CARD: _SCREEN,
    State.CORRECTION_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.CORRECTION_FACE_CONSENT: _READING,
    State.CORRECTION_FACE_CAPTURE: _FACE_GUIDANCE,
    State.CORRECTION_FACE_VERIFYING: StateTimeouts(limit_s=VERIFY_LIMIT_S),
    State.CORRECTION_LOADING: StateTimeouts(limit_s=APPLY_LOAD_LIMIT_S),
    State.CORRECTION_MATERIAL: _READING,
    State.CORRECTION_CAPTURE: _READING,
    State.CORRECTION_SUBMITTING: StateTimeouts(limit_s=SUBMIT_LIMIT_S),
    State.CORRECTION_PRINTING: StateTimeouts(limit_s=RECEIPT_PRINT_LIMIT_S),
    State.CORRECTION_DONE: _INFO,
    State.MAINTENANCE_PIN: _INFO,
    State.MAINTENANCE_WAITING: StateTimeouts(idle_s=MAINTENANCE_WAIT_S, countdown=False),
    # The maintenance gate ends maintenance after [maintenance] idle_timeout_s (a site setting).
    State.MAINTENANCE: StateTimeouts(),
}
"""The clocks of every state (a test checks that no state is missing)."""


def paced(seconds: float, elderly: bool) -> float:
    """``seconds`` of the citizen's time, :data:`ELDERLY_TIME_FACTOR` times longer in
    elderly mode."""
    return seconds * ELDERLY_TIME_FACTOR if elderly else seconds


def for_state(state: State, elderly: bool) -> StateTimeouts:
    """The clocks of ``state`` for this session: idle times, and limits that are the
    citizen's own time, grow in elderly mode."""
    clocks = TIMEOUTS[state]
    if not elderly:
        return clocks
    return replace(
        clocks,
        idle_s=None if clocks.idle_s is None else paced(clocks.idle_s, elderly),
        limit_s=(
            paced(clocks.limit_s, elderly)
            if clocks.limit_s is not None and clocks.paced
            else clocks.limit_s
        ),
    )
