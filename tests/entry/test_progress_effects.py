"""ProgressEffects: a scanned code reaches the platform only when it is a receipt's progress
code; anything else is answered at once, whatever was scanned. A correction's captured pages
go to the outbox content-addressed, each under a key derived from the correction's."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from entry.apply import DEFAULT_PROGRESS_BASE, upload_key
from entry.progress import ProgressEffects
from kiosk import config as kiosk_config
from kiosk.catalogue.service import CatalogueService
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.materials.plan import MaterialFile
from kiosk.outbox.submitter import Queued, Upload
from kiosk.platform.errors import PlatformError
from kiosk.platform.models import Correction, MaterialRef
from kiosk.progress.scan import ForeignCode, classify
from kiosk.receipts.progress import ProgressQuery, progress_payload

RECEIPT = progress_payload(ProgressQuery("ZW2026113000000001AB12", "K7P2Q9"),
                           DEFAULT_PROGRESS_BASE)


class InlineWorkers:
    """Runs the work at once, on the caller's thread."""

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None],
               failed: Callable[[BaseException], None]) -> None:
        try:
            result = work()
        except Exception as error:  # the effect's own failure path, as the pool would
            failed(error)
            return
        done(result)


class UnknownEverywhere:
    """A platform client that knows no application, counting the reads."""

    def __init__(self) -> None:
        self.reads: list[tuple[str, str]] = []

    def get_application(self, application_no: str, query_code: str) -> Any:
        self.reads.append((application_no, query_code))
        raise PlatformError(404, "not_found")


class RecordingSubmitter:
    """An outbox that saves every correction for later, keeping what it was given."""

    def __init__(self) -> None:
        self.corrections: list[tuple[str, Correction, tuple[Upload, ...], str]] = []

    def submit_correction(self, application_no: str, correction: Correction,
                          uploads: tuple[Upload, ...] = (), *, idempotency_key: str) -> Queued:
        self.corrections.append((application_no, correction, tuple(uploads), idempotency_key))
        return Queued("L-1")


def _effects(client: UnknownEverywhere, answers: list[ev.Event],
             submitter: RecordingSubmitter | None = None) -> ProgressEffects:
    backend = SimpleNamespace(client=client, submitter=submitter)
    return ProgressEffects(
        kiosk_config.load(simulate=True), None, CatalogueService(),  # type: ignore[arg-type]
        InlineWorkers(), lambda: backend, answers.append, lambda: None,  # type: ignore[arg-type]
    )


@settings(max_examples=200)
@given(st.one_of(st.text(), st.sampled_from([RECEIPT, RECEIPT[:-2], RECEIPT + "\n"])))
def test_only_a_receipts_code_is_read_from_the_platform(scanned: str) -> None:
    client, answers = UnknownEverywhere(), []
    _effects(client, answers).handlers()[fx.QueryProgress](fx.QueryProgress(7, scanned))
    [answer] = answers
    if isinstance(classify(scanned, DEFAULT_PROGRESS_BASE), ForeignCode):
        assert isinstance(answer, ev.CodeRefused) and client.reads == []
    else:
        assert isinstance(answer, ev.ProgressNotFound)
        assert client.reads == [("ZW2026113000000001AB12", "K7P2Q9")]
    assert answer.request_id == 7


def test_a_card_no_sam_read_is_refused_without_a_platform_call() -> None:
    client, answers = UnknownEverywhere(), []
    card = SimpleNamespace(card_type="resident", name="张伟", id_number="33010619850312001X")
    _effects(client, answers).handlers()[fx.VerifyCard](fx.VerifyCard(3, card))  # type: ignore[arg-type]
    assert answers == [ev.PlatformRefused(3, "no_sam_id")]


def test_a_corrections_captured_pages_go_to_the_outbox_content_addressed() -> None:
    submitter, answers = RecordingSubmitter(), []
    page = b"\xff\xd8captured-page"
    sha = hashlib.sha256(page).hexdigest()
    key = "6f1c0a52-3a57-4c1e-9d1e-0c7b1c2f3a4b"
    correction = Correction("ver-1", (MaterialRef("health", "scan", sha256=sha),))
    effect = fx.SubmitCorrection(4, "ZW2026113000000001AB12", correction,
                                 (MaterialFile(sha, "image/jpeg", page),), key)
    _effects(UnknownEverywhere(), answers, submitter).handlers()[fx.SubmitCorrection](effect)
    [(number, sent, uploads, sent_key)] = submitter.corrections
    assert (number, sent, sent_key) == ("ZW2026113000000001AB12", correction, key)
    [upload] = uploads
    assert (upload.data, upload.sha256, upload.content_type) == (page, sha, "image/jpeg")
    assert upload.idempotency_key == upload_key(key, sha)
    assert answers == [ev.ApplicationQueued(4, "L-1")]
