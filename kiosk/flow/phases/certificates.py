"""证明打印: query-and-print matters, from the list to a printed certificate.

Home's 证明打印 opens the list of the catalogue's query-and-print matters. Choosing one loads
its brief; identity follows as the matter requires (the identity phase, entered from the list
and returning to it on 返回), ending on ``verified``, whose 查询并打印 submits the application.
A citizen already verified enough goes straight to submission. A matter whose form needs
answers the verified identity cannot give (a period's dates, say) is answered
``CertificateFormNeeded``: the citizen fills exactly those fields on the apply flow's form page
(same form, paging and validation), and 下一步 on the last page submits the completed form.
The platform completes a
query-and-print application at once with its ``result_document``; the app renders it to PDF
(``entry.certificates``) and the citizen sees a preview, prints on A4, and is told to take the
certificate only once the job completed; 完成 then leads to the rating of the service. A
failed print shows the verify QR and sends the citizen to the staffed window; nothing is ever
reported printed that was not.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from kiosk.apply.draft import ApplicationDraft
from kiosk.flow import actions as a
from kiosk.flow import apply_actions as form
from kiosk.flow import events as ev
from kiosk.flow.apply_actions import Backward, FormNext
from kiosk.flow.certificate import IssuedCertificate
from kiosk.flow.chart import STAY, Node, Row, decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import DropCertificate, Effect, IssueCertificate, PrintIssuedCertificate
from kiosk.flow.matter import IdentityRequirement, MatterBrief, SelfService, SubjectKind
from kiosk.flow.phases.evaluation import evaluate_after, served_certificate
from kiosk.flow.states import Phase, Reason, State
from kiosk.forms.minimal import answered_form, identity_sources
from kiosk.forms.paging import paginate
from kiosk.gating import IdentityRoute, identity_routes, matter_availability
from kiosk.identity.person import IdentityMethod
from kiosk.materials.plan import MaterialPlan

S = State
"""Short name for the table rows."""


class CertificateStart(StrEnum):
    """How a chosen query-and-print matter goes on from the list."""

    ISSUE = "issue"
    """The session's identity is enough: submit now."""
    CARD = "card"
    QR = "qr"
    """Only the QR route works."""
    BLOCKED = "blocked"
    """Not a query-and-print matter, or the devices cannot serve it now."""


def _identity_enough(ctx: FlowContext, matter: MatterBrief) -> bool:
    """A platform verification that covers the matter (the card alone gives none)."""
    verification = ctx.session.verification
    if verification is None or verification.verification_id is None:
        return False
    if matter.identity is IdentityRequirement.ID_CARD_AND_FACE:
        return verification.method is not IdentityMethod.ID_CARD
    return True


@decision
def certificate_start(ctx: FlowContext, event: ev.Event) -> CertificateStart | None:
    """Where the loaded query-and-print matter starts, given identity and devices."""
    if not isinstance(event, ev.GuideLoaded):
        return None
    matter = event.matter
    if matter.self_service is not SelfService.QUERY_PRINT:
        return CertificateStart.BLOCKED
    if not matter_availability(matter, ctx.devices).available:
        return CertificateStart.BLOCKED
    if _identity_enough(ctx, matter):
        return CertificateStart.ISSUE
    routes = identity_routes(ctx.devices, matter.identity)
    if IdentityRoute.CARD in routes:
        return CertificateStart.CARD
    return CertificateStart.QR if IdentityRoute.QR in routes else CertificateStart.BLOCKED


@predicate
def query_print_verified(ctx: FlowContext, _event: ev.Event) -> bool:
    """The chosen matter is query-and-print and the session's identity covers it."""
    matter = ctx.session.matter
    return (
        matter is not None
        and matter.self_service is SelfService.QUERY_PRINT
        and _identity_enough(ctx, matter)
    )


def load_matter(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Ask for the chosen matter's brief (the guide's answer, without showing the guide)."""
    ctx.reason = None
    return a.load_guide(ctx, event)


def _issue(ctx: FlowContext, form: Mapping[str, Any] | None) -> Effect | None:
    matter, verification = ctx.session.matter, ctx.session.verification
    if matter is None or verification is None or verification.verification_id is None:
        return None
    return IssueCertificate(
        ctx.new_request(),
        matter.code,
        verification.verification_id,
        verification.person,
        form,
    )


def issue_certificate(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Submit the chosen matter for the verified citizen (the app answers its form)."""
    return _issue(ctx, None)


def start_certificate_form(ctx: FlowContext, event: ev.Event) -> None:
    """A draft of the matter's form, answered as far as the identity goes, whose pages hold
    only the fields still to answer."""
    verification = ctx.session.verification
    if not isinstance(event, ev.CertificateFormNeeded) or verification is None:
        return
    ctx.pending_request = None
    person = verification.person
    answered = answered_form(event.matter, identity_sources(person.name, person.id_number))
    missing = answered.errors()
    asked = [spec for spec in answered.spec.fields if spec.id in missing]
    ctx.session.drop_application()
    ctx.session.application = ApplicationDraft(
        code=event.matter.code,
        kind=SubjectKind.MATTER,
        matters=(event.matter,),
        form=answered,
        pages=paginate(asked or answered.spec.fields),
        plan=MaterialPlan(()),
        idempotency_key="",
    )


def issue_filled_certificate(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Submit the matter with the form the citizen completed."""
    draft = ctx.session.application
    return _issue(ctx, draft.form.contract_form() if draft is not None else None)


def keep_certificate(ctx: FlowContext, event: ev.Event) -> None:
    """Hold what the preview and the failure screen show of the issued certificate."""
    if isinstance(event, ev.CertificateIssued):
        ctx.certificate = IssuedCertificate(
            event.application_no, event.title, event.verify_url, event.pages
        )
        ctx.pending_request = None


def print_certificate(ctx: FlowContext, _event: ev.Event) -> Effect:
    """Print the kept certificate on A4."""
    return PrintIssuedCertificate(ctx.new_request())


def forget_form(ctx: FlowContext, event: ev.Event) -> None:
    """Done with the certificate form: forget the citizen's answers (sent, or given up)."""
    form.drop_application(ctx, event)


def forget_certificate(ctx: FlowContext, event: ev.Event) -> Effect:
    """Leaving the certificates: forget the certificate and any form answers, and have the app
    drop its PDF."""
    ctx.certificate = None
    forget_form(ctx, event)
    return DropCertificate()


_START = certificate_start
_FORM_NEXT = form.form_next

CERTIFICATES = Node(
    Phase.CERTIFICATES,
    contains=(
        S.CERTIFICATE_LIST,
        S.CERTIFICATE_FORM,
        Node(S.CERTIFICATE_ISSUING, exit=a.cancel_request),
        S.CERTIFICATE_PREVIEW,
        Node(S.CERTIFICATE_PRINTING, exit=a.cancel_request),
        evaluate_after(S.CERTIFICATE_PRINTED, served_certificate),
        S.CERTIFICATE_PRINT_FAILED,
    ),
    exit=forget_certificate,
    rows=(
        Row(S.CERTIFICATE_LIST, on=ev.SelectMatter, do=load_matter, to=STAY),
        Row(S.CERTIFICATE_LIST, on=ev.GuideLoaded, when=_START.is_(CertificateStart.ISSUE),
            do=(a.keep_guide, issue_certificate), to=S.CERTIFICATE_ISSUING),
        Row(S.CERTIFICATE_LIST, on=ev.GuideLoaded, when=_START.is_(CertificateStart.CARD),
            do=a.keep_guide, to=S.IDENTITY_CARD),
        Row(S.CERTIFICATE_LIST, on=ev.GuideLoaded, when=_START.is_(CertificateStart.QR),
            do=a.keep_guide, to=S.QR_LOGIN),
        Row(S.CERTIFICATE_LIST, on=ev.GuideLoaded, when=_START.is_(CertificateStart.BLOCKED),
            do=a.cancel_request, to=STAY),
        Row(S.CERTIFICATE_LIST, on=ev.PlatformUnavailable, to=S.CERTIFICATE_LIST,
            because=Reason.GUIDE_UNAVAILABLE),
        Row(S.CERTIFICATE_LIST, on=ev.Back, to=S.HOME),
        Row(S.CERTIFICATE_ISSUING, on=ev.CertificateIssued, do=keep_certificate,
            to=S.CERTIFICATE_PREVIEW),
        Row(S.CERTIFICATE_ISSUING, on=ev.CertificateFormNeeded, do=start_certificate_form,
            to=S.CERTIFICATE_FORM),
        # The fields the identity cannot answer, on the apply flow's form pages.
        Row(S.CERTIFICATE_FORM, on=ev.FieldEdited, do=form.edit_field, to=STAY),
        Row(S.CERTIFICATE_FORM, on=ev.NextStep, when=_FORM_NEXT.is_(FormNext.PAGE_INVALID),
            do=form.show_page_errors, to=STAY),
        Row(S.CERTIFICATE_FORM, on=ev.NextStep, when=_FORM_NEXT.is_(FormNext.NEXT_PAGE),
            do=form.next_page, to=STAY),
        Row(S.CERTIFICATE_FORM, on=ev.NextStep,
            when=_FORM_NEXT.is_(FormNext.MATERIALS, FormNext.REVIEW),
            do=(issue_filled_certificate, forget_form), to=S.CERTIFICATE_ISSUING),
        Row(S.CERTIFICATE_FORM, on=ev.Back, when=form.form_back.is_(Backward.WITHIN),
            do=form.previous_page, to=STAY),
        Row(S.CERTIFICATE_FORM, on=ev.Back, when=form.form_back.is_(Backward.OUT),
            do=(forget_form, a.clear_matter), to=S.CERTIFICATE_LIST),
        Row(S.CERTIFICATE_ISSUING, on=ev.CertificateRefused, do=a.clear_matter,
            to=S.CERTIFICATE_LIST, because=Reason.CERTIFICATE_REFUSED),
        Row(S.CERTIFICATE_ISSUING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            do=a.clear_matter, to=S.CERTIFICATE_LIST, because=Reason.PLATFORM_UNAVAILABLE),
        Row(S.CERTIFICATE_PREVIEW, on=ev.PrintCertificate, do=print_certificate,
            to=S.CERTIFICATE_PRINTING),
        Row(S.CERTIFICATE_PREVIEW, on=ev.Back, do=a.clear_matter, to=S.CERTIFICATE_LIST),
        # Printed only when the job completed and the printer was fine afterwards.
        Row(S.CERTIFICATE_PRINTING, on=ev.CertificatePrinted, to=S.CERTIFICATE_PRINTED),
        Row(S.CERTIFICATE_PRINTING, on=(ev.CertificatePrintFailed, ev.StateTimedOut),
            to=S.CERTIFICATE_PRINT_FAILED),
        Row(S.CERTIFICATE_PRINT_FAILED, on=ev.PrintCertificate, do=print_certificate,
            to=S.CERTIFICATE_PRINTING),
        Row(S.CERTIFICATE_PRINTED, on=ev.OpenCertificates, do=a.clear_matter,
            to=S.CERTIFICATE_LIST),
        Row(S.CERTIFICATE_PRINT_FAILED, on=ev.OpenCertificates, do=a.clear_matter,
            to=S.CERTIFICATE_LIST),
    ),
)
"""List → (identity) → issuing (→ form → issuing) → preview → printing → printed, or the
failure's verify QR."""

FROM_HOME = Row(S.HOME, on=ev.OpenCertificates, to=S.CERTIFICATE_LIST)
"""证明打印 on home (a row of the in-service phase)."""

FROM_VERIFIED = Row(S.VERIFIED, on=ev.QueryCertificate, when=query_print_verified,
                    do=issue_certificate, to=S.CERTIFICATE_ISSUING)
"""查询并打印 on ``verified`` (a row of the session phase)."""
