"""好差评 in the flow: after a service's 完成, from home's 评价 tile, the answers, sending."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.base import DeviceClass
from kiosk.evaluation.answers import COMMENT_LIMIT, Rating
from kiosk.evaluation.service import Served, ServedItem, ServiceKind
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.platform.models import Application
from tests.kiosk.flow import test_flow_apply as apply_flow
from tests.kiosk.flow import test_flow_certificates as certificate_flow
from tests.kiosk.flow.helpers import OFFLINE, FakeCard, FakeClock, all_online

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
LATEST = Served(ServiceKind.LATEST, (ServedItem("330100000000000001", "居住证签注", "ZJ1"),))


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def applied(m: FlowMachine) -> None:
    apply_flow._fill_and_choose(m)
    submit = m.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    application = Application("ZJ2026112300001", "AB12CD", apply_flow.CODE, "居住证签注",
                              "accepted", NOW, ())
    receipt = m.dispatch(ev.ApplicationAccepted(submit.request_id, (application,), "L-1"))[-1]
    assert isinstance(receipt, fx.PrintReceipt)
    m.dispatch(ev.ReceiptPrinted(receipt.request_id))
    assert m.state is State.APPLY_DONE


def rated_from_tile(m: FlowMachine, already: bool = False) -> None:
    m.dispatch(ev.OpenEvaluation())
    assert m.state is State.EVALUATION_CARD
    find = m.dispatch(ev.CardRead(FakeCard()))[-1]
    assert isinstance(find, fx.FindLatestService)
    assert m.state is State.EVALUATION_FINDING
    m.dispatch(ev.LatestServiceFound(find.request_id, LATEST, already))


def send(m: FlowMachine) -> fx.SubmitEvaluation:
    effect = m.dispatch(ev.SendEvaluation())[-1]
    assert isinstance(effect, fx.SubmitEvaluation)
    assert m.state is State.EVALUATION_SENDING
    return effect


def test_finish_after_a_receipt_rates_the_application_submitted(machine: FlowMachine) -> None:
    applied(machine)
    machine.dispatch(ev.Finish())
    assert machine.state is State.EVALUATION_RATING
    assert machine.session.application is None, "the draft is forgotten on leaving apply"
    status = machine.view.evaluation
    assert status is not None and status.application_nos == ("ZJ2026112300001",)
    machine.dispatch(ev.RateService(Rating.VERY_SATISFIED))
    assert machine.state is State.EVALUATION_COMMENT
    machine.dispatch(ev.CommentEdited("很方便"))
    effect = send(machine)
    (body,) = effect.draft.evaluations(effect.evaluated_at, "T1")
    assert (body.application_no, body.matter_code) == ("ZJ2026112300001", apply_flow.CODE)
    assert (body.rating, body.comment, body.evaluated_at) == (5, "很方便", NOW)
    machine.dispatch(ev.EvaluationRecorded(effect.request_id))
    assert machine.state is State.EVALUATION_THANKS
    machine.dispatch(ev.GoHome())
    assert machine.session.is_empty()


def test_finish_after_a_saved_submission_rates_the_visit(machine: FlowMachine) -> None:
    apply_flow._fill_and_choose(machine)
    submit = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    receipt = machine.dispatch(ev.ApplicationQueued(submit.request_id, "L-9"))[-1]
    assert isinstance(receipt, fx.PrintReceipt)
    machine.dispatch(ev.ReceiptPrinted(receipt.request_id))
    assert machine.state is State.APPLY_OFFLINE_SAVED
    machine.dispatch(ev.Finish())
    machine.dispatch(ev.RateService(Rating.SATISFIED))
    effect = send(machine)
    assert effect.draft.served.keys == ("visit:L-9",)
    (body,) = effect.draft.evaluations(NOW, "T1")
    assert (body.application_no, body.matter_code) == ("", apply_flow.CODE)


def test_finish_after_a_certificate_print_rates_its_application(machine: FlowMachine) -> None:
    certificate_flow.to_preview(machine)
    job = machine.dispatch(ev.PrintCertificate())[-1]
    assert isinstance(job, fx.PrintIssuedCertificate)
    machine.dispatch(ev.CertificatePrinted(job.request_id))
    assert machine.state is State.CERTIFICATE_PRINTED
    machine.dispatch(ev.Finish())
    assert machine.state is State.EVALUATION_RATING
    machine.dispatch(ev.RateService(Rating.FAIRLY_SATISFIED))
    effect = send(machine)
    (body,) = effect.draft.evaluations(NOW, "T1")
    assert (body.application_no, body.matter_code, body.rating) == ("ZW1", "CERT0001", 3)


def test_two_stars_ask_for_a_reason_before_the_comment(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.DISSATISFIED))
    assert machine.state is State.EVALUATION_REASONS
    machine.dispatch(ev.NextStep())
    assert machine.state is State.EVALUATION_REASONS
    assert machine.view.reason is Reason.EVALUATION_REASONS_REQUIRED
    machine.dispatch(ev.ToggleReason("等待时间过长"))
    assert machine.view.reason is None
    machine.dispatch(ev.NextStep())
    assert machine.state is State.EVALUATION_COMMENT
    effect = send(machine)
    assert effect.draft.reasons == ("等待时间过长",)


def test_a_reason_unchosen_again_is_missing_again(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.VERY_DISSATISFIED))
    machine.dispatch(ev.ToggleReason("其他"))
    machine.dispatch(ev.ToggleReason("其他"))
    machine.dispatch(ev.NextStep())
    assert machine.state is State.EVALUATION_REASONS
    assert machine.view.evaluation is not None and machine.view.evaluation.reasons == ()


def test_four_stars_need_no_reason(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.SATISFIED))
    assert machine.state is State.EVALUATION_COMMENT
    assert send(machine).draft.reasons == ()


def test_back_to_a_better_rating_drops_the_reasons(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.DISSATISFIED))
    machine.dispatch(ev.ToggleReason("其他"))
    machine.dispatch(ev.NextStep())
    machine.dispatch(ev.Back())
    assert machine.state is State.EVALUATION_REASONS
    machine.dispatch(ev.Back())
    assert machine.state is State.EVALUATION_RATING
    machine.dispatch(ev.RateService(Rating.VERY_SATISFIED))
    assert send(machine).draft.reasons == ()


def test_a_comment_over_the_limit_is_refused_with_a_message(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.SATISFIED))
    machine.dispatch(ev.CommentEdited("好" * (COMMENT_LIMIT + 1)))
    assert machine.dispatch(ev.SendEvaluation()) == []
    assert machine.state is State.EVALUATION_COMMENT
    assert machine.view.reason is Reason.EVALUATION_COMMENT_TOO_LONG
    machine.dispatch(ev.CommentEdited("好" * COMMENT_LIMIT))
    assert machine.view.reason is None
    assert len(send(machine).draft.comment) == COMMENT_LIMIT


@pytest.mark.parametrize("state", [State.EVALUATION_RATING, State.EVALUATION_COMMENT])
def test_skip_leaves_without_sending_and_forgets_the_answers(
    machine: FlowMachine, state: State
) -> None:
    rated_from_tile(machine)
    if state is State.EVALUATION_COMMENT:
        machine.dispatch(ev.RateService(Rating.SATISFIED))
        machine.dispatch(ev.CommentEdited("留言"))
    assert machine.state is state
    effects = machine.dispatch(ev.SkipEvaluation())
    assert not any(isinstance(e, fx.SubmitEvaluation) for e in effects)
    assert machine.state is State.HOME
    assert machine.session.is_empty()


def test_the_tile_says_kindly_when_the_latest_was_rated_already(machine: FlowMachine) -> None:
    rated_from_tile(machine, already=True)
    assert machine.state is State.EVALUATION_ALREADY
    assert machine.view.evaluation is not None


def test_the_platform_refusing_a_second_rating_is_said_kindly(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.SATISFIED))
    effect = send(machine)
    machine.dispatch(ev.EvaluationRefused(effect.request_id, "already_evaluated"))
    assert machine.state is State.EVALUATION_ALREADY


def test_a_rating_that_could_not_be_kept_says_so(machine: FlowMachine) -> None:
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.SATISFIED))
    effect = send(machine)
    machine.dispatch(ev.EvaluationNotSaved(effect.request_id, "storage_full"))
    assert machine.state is State.EVALUATION_UNAVAILABLE
    assert machine.view.reason is Reason.EVALUATION_NOT_SAVED


def test_the_tile_without_applications_or_platform_says_why(machine: FlowMachine) -> None:
    machine.dispatch(ev.OpenEvaluation())
    find = machine.dispatch(ev.CardRead(FakeCard()))[-1]
    assert isinstance(find, fx.FindLatestService)
    machine.dispatch(ev.NothingToEvaluate(find.request_id))
    assert machine.state is State.EVALUATION_UNAVAILABLE
    assert machine.view.reason is Reason.NOTHING_TO_EVALUATE
    machine.dispatch(ev.GoHome())
    machine.dispatch(ev.OpenEvaluation())
    find = machine.dispatch(ev.CardRead(FakeCard()))[-1]
    assert isinstance(find, fx.FindLatestService)
    machine.dispatch(ev.PlatformUnavailable(find.request_id))
    assert machine.view.reason is Reason.PLATFORM_UNAVAILABLE


def test_an_expired_card_is_not_sent_for_verification(machine: FlowMachine) -> None:
    machine.dispatch(ev.OpenEvaluation())
    effects = machine.dispatch(ev.CardRead(FakeCard(valid_to=date(2020, 1, 1))))
    assert not any(isinstance(e, fx.FindLatestService) for e in effects)
    assert machine.state is State.EVALUATION_UNAVAILABLE
    assert machine.view.reason is Reason.CARD_REJECTED


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(comment=st.text(alphabet=st.characters(), max_size=COMMENT_LIMIT + 20))
def test_any_comment_text_is_sent_or_refused_with_a_message(
    machine: FlowMachine, comment: str
) -> None:
    machine.dispatch(ev.GoHome())
    rated_from_tile(machine)
    machine.dispatch(ev.RateService(Rating.FAIRLY_SATISFIED))
    machine.dispatch(ev.CommentEdited(comment))
    effects = machine.dispatch(ev.SendEvaluation())
    if machine.state is State.EVALUATION_SENDING:
        (effect,) = [e for e in effects if isinstance(e, fx.SubmitEvaluation)]
        for body in effect.draft.evaluations(NOW, "T1"):
            json.dumps(body.to_json(), ensure_ascii=False).encode("utf-8")
    else:
        assert machine.state is State.EVALUATION_COMMENT
        assert machine.view.reason is Reason.EVALUATION_COMMENT_TOO_LONG


def test_the_tile_says_so_when_the_card_reader_cannot_read(machine: FlowMachine) -> None:
    machine.dispatch(ev.DevicesChanged({DeviceClass.ID_CARD_READER: OFFLINE}))
    effects = machine.dispatch(ev.OpenEvaluation())
    assert fx.StartCardReading() not in effects
    assert machine.state is State.EVALUATION_UNAVAILABLE
    assert machine.view.reason is Reason.EVALUATION_READER_DOWN
