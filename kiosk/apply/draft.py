"""One citizen's application while it is being made at the terminal (办件草稿).

An :class:`ApplicationDraft` ties the Qt-free cores together for the flow: the form (fields,
answers, pages), the material plan (e-licences matched at once, then the citizen's choices
one material after another), the pre-check before confirming, the contract request, and
what came of the submission (accepted online, or saved in the outbox for later). It lives
in the session and holds personal data until :meth:`ApplicationDraft.clear`. ``revision``
grows with every change, so the flow's view changes whenever the draft does.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast

from drivers.base import DeviceClass, DeviceStatus
from kiosk.apply.certificates import CertificatePrint
from kiosk.apply.precheck import IdentityProof, Problem, precheck
from kiosk.catalogue.model import MaterialSpec, Matter
from kiosk.flow.matter import SubjectKind
from kiosk.forms.form import Form, FormSpec, form_for_bundle, form_for_matter
from kiosk.forms.paging import Page, paginate
from kiosk.forms.prefill import PrefillCard, card_sources, licence_sources
from kiosk.forms.validation import FieldValue, InputError
from kiosk.materials.plan import MaterialFile, MaterialPlan, merged_materials
from kiosk.materials.resolution import (
    CommitmentUse,
    DeferredUse,
    MaterialKind,
    Refusal,
    ScannedPage,
    ScanUse,
    deferral_deadline,
    use_commitment,
    use_deferral,
    use_scan,
)
from kiosk.platform.models import Applicant, Application, ApplicationRequest, License

DEFERRAL_WORKING_DAYS = 5
"""Working days a deferred (容缺) material may follow in: the terminal's policy (the contract
carries no deadline)."""
PHONE_FIELD = "phone"
"""The form field whose answer becomes ``applicant.phone``."""
_CARD_FIELDS = ("name", "id_number", "sex", "birth_date", "issuer", "nation", "address")


@dataclass(frozen=True)
class Accepted:
    """The platform accepted the application online: one application per matter."""

    applications: tuple[Application, ...]
    local_ref: str


@dataclass(frozen=True)
class Saved:
    """Kept in the outbox while the platform is away; delivered later under ``local_ref``."""

    local_ref: str
    saved_at: datetime


Outcome = Accepted | Saved


def prefill_from(card: object | None, name: str, id_number: str) -> dict[str, str]:
    """The ``id.*`` sources: the whole card when it is a read card, else the verified person's
    name and number (a QR login has no card)."""
    sources = {"id.name": name, "id.number": id_number}
    if card is not None and all(hasattr(card, f) for f in _CARD_FIELDS):
        sources |= card_sources(cast(PrefillCard, card))
    return {k: v for k, v in sources.items() if v}


@dataclass
class ApplicationDraft:
    """The application being made: form, materials, where the citizen is, and the outcome."""

    code: str
    kind: SubjectKind
    matters: tuple[Matter, ...]
    form: Form
    pages: tuple[Page, ...]
    plan: MaterialPlan
    idempotency_key: str
    licences: tuple[License, ...] = ()
    page: int = 0
    material: int = 0
    shown_errors: set[str] = field(default_factory=set)
    input_errors: dict[str, InputError] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    submitted_at: datetime | None = None
    outcome: Outcome | None = None
    certificates: tuple[CertificatePrint, ...] = ()
    refused_fields: tuple[str, ...] = ()
    revision: int = 0

    @classmethod
    def start(
        cls,
        code: str,
        kind: SubjectKind,
        matters: Sequence[Matter],
        licences: Sequence[License],
        sources: Mapping[str, str],
        today: date,
        idempotency_key: str,
    ) -> ApplicationDraft:
        """A new draft: one form for all ``matters`` (shared fields asked once), prefilled from
        ``sources`` and the licences, and every material a held licence satisfies matched."""
        spec: FormSpec = (
            form_for_bundle(matters) if kind is SubjectKind.BUNDLE else form_for_matter(matters[0])
        )
        form = Form(spec)
        form.prefill(dict(sources) | licence_sources(licences))
        plan = MaterialPlan(merged_materials(matters))
        plan.auto_match(licences, today)
        return cls(
            code=code,
            kind=kind,
            matters=tuple(matters),
            form=form,
            pages=paginate(spec.fields),
            plan=plan,
            idempotency_key=idempotency_key,
            licences=tuple(licences),
        )

    # --- where the citizen is -------------------------------------------------------------

    def touched(self) -> None:
        """Note a change (the flow's view follows the revision)."""
        self.revision += 1

    @property
    def page_fields(self) -> Page:
        """The fields of the current form page."""
        return self.pages[self.page]

    def page_errors(self) -> dict[str, InputError]:
        """Errors of the current page's answers."""
        return self.form.errors(self.page_fields.fields)

    def edit(self, field_id: str, value: FieldValue) -> None:
        """The citizen changed an answer: keep what typing more cannot fix, to show at once."""
        error = self.form.set(field_id, value)
        if error is None:
            self.input_errors.pop(field_id, None)
        else:
            self.input_errors[field_id] = error
        self.touched()

    def shown_error(self, field_id: str) -> InputError | None:
        """The error beside a field: the finished answer's once 下一步 was tried (or the
        platform named it), else only what typing more cannot fix."""
        if field_id in self.shown_errors:
            return self.form.error(field_id)
        return self.input_errors.get(field_id)

    def show_page_errors(self) -> None:
        """下一步 on a page with errors: show every error of the page."""
        self.shown_errors |= {f.id for f in self.page_fields.fields}
        self.touched()

    def go_to_page(self, page: int) -> None:
        """Show form page ``page``."""
        self.page = page
        self.touched()

    def go_to_material(self, index: int) -> None:
        """Show material ``index``."""
        self.material = index
        self.touched()

    @property
    def current_material(self) -> MaterialSpec | None:
        """The material on screen, if the application has any."""
        specs = self.plan.specs
        return specs[self.material] if 0 <= self.material < len(specs) else None

    # --- materials --------------------------------------------------------------------------

    def commit(self) -> Refusal | None:
        """The citizen confirmed the current material's commitment text (告知承诺)."""
        spec = self.current_material
        if spec is None:
            return Refusal.NOT_ACCEPTED
        use = use_commitment(spec)
        if isinstance(use, CommitmentUse):
            self.plan.choose(spec.id, use)
            self.touched()
            return None
        return use

    def defer(self, today: date) -> Refusal | None:
        """The citizen chose 稍后补交 for the current material."""
        spec = self.current_material
        if spec is None:
            return Refusal.NOT_ACCEPTED
        use = use_deferral(spec, deferral_deadline(today, DEFERRAL_WORKING_DAYS))
        if isinstance(use, DeferredUse):
            self.plan.choose(spec.id, use)
            self.touched()
            return None
        return use

    def use_pages(self, pages: Sequence[ScannedPage]) -> Refusal | None:
        """The citizen finished capturing the current material's pages (拍摄材料)."""
        spec = self.current_material
        if spec is None:
            return Refusal.NOT_ACCEPTED
        use = use_scan(spec, pages)
        if isinstance(use, ScanUse):
            self.plan.choose(spec.id, use)
            self.touched()
            return None
        return use

    def undo_material(self) -> None:
        """Choose again for the current material."""
        spec = self.current_material
        if spec is not None:
            self.plan.drop(spec.id)
            self.touched()

    def offers(self, spec: MaterialSpec) -> frozenset[MaterialKind]:
        """The ways the terminal offers for ``spec`` now (scanning is not offered yet)."""
        ways = set()
        if MaterialKind.COMMITMENT in spec.accepts and spec.commitment_text:
            ways.add(MaterialKind.COMMITMENT)
        if spec.deferrable:
            ways.add(MaterialKind.DEFERRED)
        return frozenset(ways)

    # --- pre-check, request, outcome --------------------------------------------------------

    def check(
        self,
        identity: IdentityProof | None,
        devices: Mapping[DeviceClass, DeviceStatus],
        now: datetime,
    ) -> tuple[Problem, ...]:
        """Run the pre-check (预审) and keep its problems for the review screen."""
        self.problems = precheck(self.matters, self.form, self.pages, self.plan, identity,
                                 devices, now)
        self.touched()
        return self.problems

    @property
    def blocked(self) -> bool:
        """The last pre-check found something the platform would refuse."""
        return any(p.blocking for p in self.problems)

    def request(
        self, verification_id: str, applicant: Applicant, submitted_at: datetime
    ) -> ApplicationRequest:
        """The contract request (``terminal_id`` is the app's to fill in)."""
        self.submitted_at = submitted_at
        phone = self.form.answer(PHONE_FIELD) if self.form.spec.field(PHONE_FIELD) else ""
        return ApplicationRequest(
            verification_id=verification_id,
            terminal_id="",
            submitted_at=submitted_at,
            applicant=Applicant(applicant.name, applicant.id_number,
                                phone if isinstance(phone, str) else ""),
            form=self.form.contract_form(),
            materials=self.plan.refs(),
            matter_code=self.code if self.kind is SubjectKind.MATTER else "",
            bundle_code=self.code if self.kind is SubjectKind.BUNDLE else "",
        )

    def uploads(self) -> tuple[MaterialFile, ...]:
        """The scanned pages to upload before the request."""
        return self.plan.uploads()

    def settle(self, outcome: Outcome) -> None:
        """Record what came of the submission."""
        self.outcome = outcome
        self.touched()

    def record_certificates(self, prints: Sequence[CertificatePrint]) -> None:
        """Record what came of printing the instant certificates on A4."""
        self.certificates = tuple(prints)
        self.touched()

    def refuse(self, fields: Sequence[str]) -> None:
        """The platform refused the submission naming ``fields``: show their errors."""
        self.refused_fields = tuple(fields)
        self.shown_errors |= set(fields)
        self.touched()

    def renew_key(self) -> None:
        """A new idempotency key for the next confirmed submission: the platform keeps its
        refusal under the refused submission's key, and the same key with another request
        would be 409 ``idempotency_conflict``."""
        self.idempotency_key = str(uuid.uuid4())
        self.touched()

    def clear(self) -> None:
        """Forget every answer, licence, choice and outcome (end of session)."""
        self.form.clear()
        self.plan.clear()
        self.licences = ()
        self.shown_errors.clear()
        self.input_errors.clear()
        self.problems = ()
        self.outcome = None
        self.certificates = ()
        self.refused_fields = ()
