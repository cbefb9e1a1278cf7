"""The progress phase: a receipt's code or the card, the application, and its correction."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.evaluation.service import ServiceKind
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.states import Reason, State
from kiosk.platform.models import Application, HistoryEntry
from kiosk.progress.scan import ForeignCode
from kiosk.progress.summary import Progress, progress_of
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.matters import COMMITMENT, material, matter

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=10)).isoformat()
NUMBER = "ZW2026112700000001AB12"
FACE = IdentityRequirement.ID_CARD_AND_FACE


def _progress(status: str = "correction_required", deferred: tuple[str, ...] = ("archive",),
              identity: IdentityRequirement = FACE, number: str = NUMBER) -> Progress:
    at = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    application = Application(number, "K7P2Q9", "M1", "职工基本养老保险待遇申领", status, at,
                              (HistoryEntry(at, "received"),), correction_note="请补交",
                              deferred_materials=deferred)
    return progress_of(application, identity, {"archive": "本人档案"})


def _corrected() -> Application:
    return Application(NUMBER, "K7P2Q9", "M1", "职工基本养老保险待遇申领", "in_review", NOW,
                       (HistoryEntry(NOW, "in_review"),))


@pytest.fixture
def machine() -> FlowMachine:
    m = FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                    devices=all_online())
    m.dispatch(ev.OpenProgress())
    assert m.state is State.PROGRESS_SCAN
    return m


def _scanned(m: FlowMachine, progress: Progress) -> None:
    [query] = [e for e in m.dispatch(ev.QrScanned("code")) if isinstance(e, fx.QueryProgress)]
    assert m.state is State.PROGRESS_QUERYING
    m.dispatch(ev.ProgressLoaded(query.request_id, progress))
    assert m.state is State.PROGRESS_DETAIL


def test_home_tile_opens_scanning_with_the_scanner_and_the_card_reader_on() -> None:
    m = FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                    devices=all_online())
    effects = m.dispatch(ev.OpenProgress())
    assert m.state is State.PROGRESS_SCAN
    assert {type(e) for e in effects} >= {fx.StartQrScanning, fx.StartCardReading}


def test_a_receipts_code_shows_the_application_and_finish_asks_for_a_rating(
    machine: FlowMachine,
) -> None:
    _scanned(machine, _progress("in_review", ()))
    assert machine.session.progress is not None
    machine.dispatch(ev.Finish())
    assert machine.state is State.EVALUATION_RATING
    served = machine.session.evaluation.served if machine.session.evaluation else None
    assert served is not None and served.kind is ServiceKind.QUERY
    assert served.keys == (f"visit:{served.visit_id}",) and served.visit_id.startswith("query:")
    machine.dispatch(ev.SkipEvaluation())
    assert machine.state is State.HOME and machine.session.is_empty()


@pytest.mark.parametrize("kind", list(ForeignCode))
def test_a_refused_code_comes_back_to_scanning_saying_what_it_was(
    machine: FlowMachine, kind: ForeignCode
) -> None:
    [query] = [e for e in machine.dispatch(ev.QrScanned("x")) if isinstance(e, fx.QueryProgress)]
    machine.dispatch(ev.CodeRefused(query.request_id, kind))
    assert machine.state is State.PROGRESS_SCAN
    assert (machine.view.reason, machine.view.foreign_code) == (Reason.FOREIGN_CODE, kind)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [(ev.ProgressNotFound, Reason.PROGRESS_NOT_FOUND),
     (ev.PlatformUnavailable, Reason.PLATFORM_UNAVAILABLE)],
)
def test_an_unknown_or_unanswered_query_comes_back_to_scanning(
    machine: FlowMachine, answer: type[ev.Reply], reason: Reason
) -> None:
    [query] = [e for e in machine.dispatch(ev.QrScanned("x")) if isinstance(e, fx.QueryProgress)]
    machine.dispatch(answer(query.request_id))
    assert (machine.state, machine.view.reason) == (State.PROGRESS_SCAN, reason)


def test_the_card_is_verified_lists_the_last_year_and_each_application_opens(
    machine: FlowMachine,
) -> None:
    [verify] = [e for e in machine.dispatch(ev.CardRead(FakeCard()))
                if isinstance(e, fx.VerifyCard)]
    assert machine.state is State.PROGRESS_CARD_CHECKING
    [listing] = [e for e in machine.dispatch(
        ev.VerifyResult(verify.request_id, "ver-1", EXPIRES, "张伟", FakeCard().id_number))
        if isinstance(e, fx.ListApplications)]
    assert listing.verification_id == "ver-1"
    other = _progress("completed", (), number="ZW2026010100000002CD34")
    machine.dispatch(ev.ApplicationsListed(listing.request_id, (_progress(), other)))
    assert machine.state is State.PROGRESS_LIST
    machine.dispatch(ev.OpenApplication("ZW0000000000"))
    assert machine.state is State.PROGRESS_LIST, "an unlisted number opens nothing"
    machine.dispatch(ev.OpenApplication("ZW2026010100000002CD34"))
    assert machine.state is State.PROGRESS_DETAIL
    machine.dispatch(ev.Back())
    assert machine.state is State.PROGRESS_LIST


def test_a_refused_card_comes_back_to_scanning(machine: FlowMachine) -> None:
    machine.dispatch(ev.CardRead(FakeCard(valid_to=date(2020, 1, 1))))
    assert (machine.state, machine.view.reason) == (State.PROGRESS_SCAN, Reason.CARD_REJECTED)
    [verify] = [e for e in machine.dispatch(ev.CardRead(FakeCard()))
                if isinstance(e, fx.VerifyCard)]
    machine.dispatch(ev.VerifyFailed(verify.request_id, "card_not_found"))
    assert (machine.state, machine.view.reason) == (State.PROGRESS_SCAN, Reason.CARD_REJECTED)
    assert machine.session.verification is None


def test_a_correction_is_refused_where_none_is_awaited(machine: FlowMachine) -> None:
    _scanned(machine, _progress("in_review", ()))
    machine.dispatch(ev.StartCorrection())
    assert (machine.state, machine.view.reason) == (
        State.PROGRESS_DETAIL, Reason.CORRECTION_NOT_NEEDED)


def _to_material(m: FlowMachine) -> fx.LoadApplication:
    _scanned(m, _progress())
    m.dispatch(ev.StartCorrection())
    assert m.state is State.CORRECTION_CARD
    m.dispatch(ev.CardRead(FakeCard()))
    assert m.state is State.CORRECTION_FACE_CONSENT, "the matter asks for the face"
    m.dispatch(ev.ConsentGiven())
    assert m.state is State.CORRECTION_FACE_CAPTURE
    [verify] = [e for e in m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
                if isinstance(e, fx.VerifyIdentity)]
    [load] = [e for e in m.dispatch(
        ev.VerifyResult(verify.request_id, "ver-2", EXPIRES, "张伟", FakeCard().id_number))
        if isinstance(e, fx.LoadApplication)]
    assert (m.state, load.code, load.verification_id) == (State.CORRECTION_LOADING, "M1", "ver-2")
    spec = matter("M1", [], [material("archive", ["commitment", "scan"],
                                      commitment_text=COMMITMENT, deferrable=True)])
    m.dispatch(ev.ApplicationLoaded(load.request_id, (spec,), (), "key-9"))
    assert m.state is State.CORRECTION_MATERIAL
    return load


def test_a_deferred_material_is_supplied_with_face_identity_sent_and_receipted(
    machine: FlowMachine,
) -> None:
    _to_material(machine)
    machine.dispatch(ev.NextStep())
    assert (machine.state, machine.view.reason) == (
        State.CORRECTION_MATERIAL, Reason.CORRECTION_MISSING)
    machine.dispatch(ev.Commit())
    [send] = [e for e in machine.dispatch(ev.NextStep()) if isinstance(e, fx.SubmitCorrection)]
    assert machine.state is State.CORRECTION_SUBMITTING
    assert (send.application_no, send.idempotency_key) == (NUMBER, "key-9")
    assert send.correction.verification_id == "ver-2"
    assert [m.kind for m in send.correction.materials] == ["commitment"]
    effects = machine.dispatch(ev.CorrectionAccepted(send.request_id, _corrected(), "L-1"))
    [receipt] = [e for e in effects if isinstance(e, fx.PrintCorrectionReceipt)]
    assert (receipt.application, receipt.supplied) == (_corrected(), ("材料archive",))
    assert machine.state is State.CORRECTION_PRINTING
    machine.dispatch(ev.ReceiptPrinted(receipt.request_id))
    assert machine.state is State.CORRECTION_DONE
    assert machine.session.application is None, "the correction's draft is forgotten"
    machine.dispatch(ev.Finish())
    assert machine.state is State.EVALUATION_RATING
    served = machine.session.evaluation.served if machine.session.evaluation else None
    assert served is not None and served.kind is ServiceKind.CORRECTION


def test_a_correction_saved_for_later_still_prints_its_receipt(machine: FlowMachine) -> None:
    _to_material(machine)
    machine.dispatch(ev.Commit())
    [send] = [e for e in machine.dispatch(ev.NextStep()) if isinstance(e, fx.SubmitCorrection)]
    [receipt] = [e for e in machine.dispatch(ev.ApplicationQueued(send.request_id, "L-7"))
                 if isinstance(e, fx.PrintCorrectionReceipt)]
    assert (receipt.application, receipt.local_ref) == (None, "L-7")
    machine.dispatch(ev.ReceiptPrintFailed(receipt.request_id, "paper out"))
    assert (machine.state, machine.view.reason) == (
        State.CORRECTION_DONE, Reason.RECEIPT_NOT_PRINTED)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (ev.ApplicationRefused(0, "not_correctable"), Reason.CORRECTION_NOT_NEEDED),
        (ev.ApplicationRefused(0, "verification_required"), Reason.CORRECTION_REFUSED),
        (ev.ApplicationNotSaved(0, "storage_full"), Reason.STORAGE_FULL),
        (ev.PlatformUnavailable(0), Reason.SUBMIT_UNANSWERED),
    ],
)
def test_a_refused_or_unsent_correction_comes_back_to_the_application(
    machine: FlowMachine, answer: ev.Reply, reason: Reason
) -> None:
    _to_material(machine)
    machine.dispatch(ev.Commit())
    [send] = [e for e in machine.dispatch(ev.NextStep()) if isinstance(e, fx.SubmitCorrection)]
    machine.dispatch(type(answer)(**{**answer.__dict__, "request_id": send.request_id}))
    assert (machine.state, machine.view.reason) == (State.PROGRESS_DETAIL, reason)
    assert machine.session.application is None


def test_a_card_level_matter_is_corrected_with_the_card_alone(machine: FlowMachine) -> None:
    _scanned(machine, _progress(identity=IdentityRequirement.ID_CARD))
    machine.dispatch(ev.StartCorrection())
    [verify] = [e for e in machine.dispatch(ev.CardRead(FakeCard()))
                if isinstance(e, fx.VerifyCard)]
    assert machine.state is State.CORRECTION_VERIFYING
    machine.dispatch(ev.VerifyResult(verify.request_id, "ver-3", EXPIRES, "张伟",
                                     FakeCard().id_number))
    assert machine.state is State.CORRECTION_LOADING


def test_the_card_holders_list_goes_straight_to_the_face_for_a_face_matter(
    machine: FlowMachine,
) -> None:
    [verify] = [e for e in machine.dispatch(ev.CardRead(FakeCard()))
                if isinstance(e, fx.VerifyCard)]
    [listing] = [e for e in machine.dispatch(
        ev.VerifyResult(verify.request_id, "ver-1", EXPIRES, "张伟", FakeCard().id_number))
        if isinstance(e, fx.ListApplications)]
    machine.dispatch(ev.ApplicationsListed(listing.request_id, (_progress(),)))
    machine.dispatch(ev.OpenApplication(NUMBER))
    machine.dispatch(ev.StartCorrection())
    assert machine.state is State.CORRECTION_FACE_CONSENT, "card level is not enough"
