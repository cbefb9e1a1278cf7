"""Applying (办理): form pages, materials one after another, review, submission, receipt.

Entered from ``verified`` with 继续办理 for a ``self_service: full`` matter or bundle. The
matters and the person's e-licences load first; the form follows page by page (下一步 stays
on a page with errors and shows them), then each material (an e-licence is matched already;
otherwise a commitment or 稍后补交 where the material allows), then the review with the
pre-check. Confirming submits through the write-ahead outbox: accepted online, or saved for
later when the platform is away, or not saved at all when the terminal cannot store it. The
receipt prints either way (after the fees are paid, when the matters have any: see
:mod:`kiosk.flow.phases.payment`; the payment receipt prints with it); an instant result
that is a certificate then prints on A4, and the done screen says whether it did (else its
verify QR and 请到人工窗口打印). When the receipt cannot print, the screen shows its content
as a QR code and offers to reprint once the printer is back. 完成 on the done screens leads
to the rating of the service (:mod:`kiosk.flow.phases.evaluation`). Leaving the phase forgets
the draft, except when the platform refuses a card-level verification for the matter (403
``insufficient_identity``): the draft (answers, materials, captured pages, commitments) is
held while the citizen steps up to face verification, which then lands on review with it
(:mod:`kiosk.flow.phases.face`); it is forgotten with the identity when the face step fails
or is given up, and with the session.
"""

from __future__ import annotations

from kiosk.flow import apply_actions as a
from kiosk.flow import events as ev
from kiosk.flow import payment_actions as pay
from kiosk.flow.actions import cancel_request, require_face
from kiosk.flow.apply_actions import Backward, FormNext
from kiosk.flow.chart import STAY, Node, Row
from kiosk.flow.phases.capture import APPLY_CAPTURE, FROM_MATERIAL
from kiosk.flow.phases.evaluation import evaluate_after, served_application
from kiosk.flow.phases.payment import PAYMENT
from kiosk.flow.states import Phase, Reason, State

S = State
"""Short name for the table rows."""

_FORM_NEXT = a.form_next
_FAILED_PRINT = (ev.ReceiptPrintFailed, ev.StateTimedOut)

APPLY_FINISH = Node(
    Phase.APPLY_FINISH,
    contains=(
        Node(S.APPLY_PRINTING, entry=a.print_receipt, exit=cancel_request),
        evaluate_after(S.APPLY_DONE, served_application),
        evaluate_after(S.APPLY_OFFLINE_SAVED, served_application),
        S.APPLY_PRINT_FAILED,
        S.APPLY_NOT_SAVED,
    ),
    rows=(
        Row(S.APPLY_PRINTING, on=ev.ReceiptPrinted, when=a.outcome_kind.is_("accepted"),
            do=(a.record_certificates, pay.confirm_printed), to=S.APPLY_DONE),
        Row(S.APPLY_PRINTING, on=ev.ReceiptPrinted, when=a.outcome_kind.is_("saved"),
            to=S.APPLY_OFFLINE_SAVED),
        Row(S.APPLY_PRINTING, on=_FAILED_PRINT, to=S.APPLY_PRINT_FAILED),
        Row(S.APPLY_PRINT_FAILED, on=ev.Reprint, when=a.printer_ready, to=S.APPLY_PRINTING),
    ),
)
"""After confirming: the receipt, and the screen that says what happened."""

APPLY = Node(
    Phase.APPLY,
    contains=(
        Node(S.APPLY_LOADING, exit=cancel_request),
        S.APPLY_FORM,
        S.APPLY_MATERIAL,
        APPLY_CAPTURE,
        Node(S.APPLY_REVIEW, entry=a.run_precheck),
        Node(S.APPLY_SUBMITTING, exit=cancel_request),
        PAYMENT,
        APPLY_FINISH,
    ),
    exit=a.leave_application,
    rows=(
        Row(S.APPLY_LOADING, on=ev.ApplicationLoaded, do=a.start_draft, to=S.APPLY_FORM),
        Row(S.APPLY_LOADING, on=(ev.PlatformUnavailable, ev.StateTimedOut), to=S.VERIFIED,
            because=Reason.APPLICATION_UNAVAILABLE),
        Row(S.APPLY_LOADING, on=ev.Back, to=S.VERIFIED),
        # The form, page by page.
        Row(S.APPLY_FORM, on=ev.FieldEdited, do=a.edit_field, to=STAY),
        Row(S.APPLY_FORM, on=ev.NextStep, when=_FORM_NEXT.is_(FormNext.PAGE_INVALID),
            do=a.show_page_errors, to=STAY),
        Row(S.APPLY_FORM, on=ev.NextStep, when=_FORM_NEXT.is_(FormNext.NEXT_PAGE),
            do=a.next_page, to=STAY),
        Row(S.APPLY_FORM, on=ev.NextStep, when=_FORM_NEXT.is_(FormNext.MATERIALS),
            do=a.first_material, to=S.APPLY_MATERIAL),
        Row(S.APPLY_FORM, on=ev.NextStep, when=_FORM_NEXT.is_(FormNext.REVIEW),
            to=S.APPLY_REVIEW),
        Row(S.APPLY_FORM, on=ev.Back, when=a.form_back.is_(Backward.WITHIN),
            do=a.previous_page, to=STAY),
        Row(S.APPLY_FORM, on=ev.Back, when=a.form_back.is_(Backward.OUT), to=S.VERIFIED),
        # The materials, one after another.
        Row(S.APPLY_MATERIAL, on=ev.Commit, do=a.commit_material, to=STAY),
        Row(S.APPLY_MATERIAL, on=ev.DeferMaterial, do=a.defer_material, to=STAY),
        Row(S.APPLY_MATERIAL, on=ev.ChooseAgain, do=a.undo_material, to=STAY),
        FROM_MATERIAL,
        Row(S.APPLY_MATERIAL, on=ev.NextStep, when=a.material_next.is_(Backward.WITHIN),
            do=a.next_material, to=STAY),
        Row(S.APPLY_MATERIAL, on=ev.NextStep, when=a.material_next.is_(Backward.OUT),
            to=S.APPLY_REVIEW),
        Row(S.APPLY_MATERIAL, on=ev.Back, when=a.material_back.is_(Backward.WITHIN),
            do=a.previous_material, to=STAY),
        Row(S.APPLY_MATERIAL, on=ev.Back, when=a.material_back.is_(Backward.OUT),
            to=S.APPLY_FORM),
        # Review, pre-check and confirm.
        Row(S.APPLY_REVIEW, on=ev.ConfirmApplication, when=a.ready_to_submit, do=a.submit,
            to=S.APPLY_SUBMITTING),
        Row(S.APPLY_REVIEW, on=ev.ConfirmApplication, when=~a.ready_to_submit,
            do=a.run_precheck, to=STAY),
        Row(S.APPLY_REVIEW, on=ev.Back, when=a.has_materials, to=S.APPLY_MATERIAL),
        Row(S.APPLY_REVIEW, on=ev.Back, when=~a.has_materials, to=S.APPLY_FORM),
        # Submission through the outbox.
        Row(S.APPLY_SUBMITTING, on=(ev.ApplicationAccepted, ev.ApplicationQueued),
            when=~pay.payment_due, do=a.record_outcome, to=S.APPLY_PRINTING),
        Row(S.APPLY_SUBMITTING, on=ev.ApplicationAccepted, when=pay.payment_due,
            do=(a.record_outcome, pay.open_payment), to=S.PAY_FEES),
        Row(S.APPLY_SUBMITTING, on=ev.ApplicationRefused, when=a.needs_face,
            do=require_face, to=S.VERIFIED, because=Reason.INSUFFICIENT_IDENTITY),
        Row(S.APPLY_SUBMITTING, on=ev.ApplicationRefused, when=~a.needs_face,
            do=a.record_refusal,
            to=S.APPLY_REVIEW, because=Reason.APPLICATION_REFUSED),
        Row(S.APPLY_SUBMITTING, on=ev.ApplicationNotSaved, to=S.APPLY_NOT_SAVED,
            because=Reason.STORAGE_FULL),
        Row(S.APPLY_SUBMITTING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.APPLY_NOT_SAVED, because=Reason.SUBMIT_UNANSWERED),
    ),
)
"""From 继续办理 to the receipt; the draft is forgotten on leaving, except when the platform
wants the face: then it is held until face verification resumes it on review."""
