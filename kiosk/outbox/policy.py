"""What the outbox does with a failed delivery: try again later, or give up on the record.

A record is moved to the dead letters only when the platform has *understood* it and said
no for reasons retrying cannot change; everything that may be the terminal's, the network's
or the platform's passing trouble keeps the record (and the order of the queue) waiting:

======================================  ==========  ==========================================
answer                                  outcome     why
======================================  ==========  ==========================================
no answer (refused, reset, timeout)     retry       offline; the idempotency key makes the
                                                    resend safe even if the first one landed
TLS certificate refused                 retry       a terminal configuration fault, not the
                                                    record's; a technician fixes the CA bundle
5xx, 408, 429                           retry       the platform's passing trouble
401 (clock_skew, replayed,              retry       about the terminal (clock, secret), not
bad_signature)                                      this record; dead-lettering would empty
                                                    the queue for a fault that NTP fixes
malformed non-2xx (e.g. proxy HTML)     retry       likely a gateway in between
400, 403 (verification_required),       dead        the platform refused this request; the
404, 409 (idempotency_conflict and      letter      same bytes will be refused again
other conflicts), 413, 422, other 4xx
malformed 2xx                           dead        the platform accepted it but its answer
                                        letter      cannot be read; a replay gives the same
                                                    answer, so keep the record for a person
======================================  ==========  ==========================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformFailure

RETRY_STATUSES = frozenset({401, 408, 429})


@dataclass(frozen=True)
class Verdict:
    """``retry`` True: keep the record and try later; False: dead-letter it with ``problem``."""

    retry: bool
    problem: Mapping[str, Any]


def judge(failure: PlatformFailure) -> Verdict:
    """The outbox's decision for one failed delivery (see the module's table)."""
    if isinstance(failure, PlatformError):
        retry = failure.status >= 500 or failure.status in RETRY_STATUSES
        return Verdict(retry, failure.to_json())
    if isinstance(failure, MalformedResponse):
        problem = {"status": failure.status, "code": "malformed_response", "detail": failure.reason}
        return Verdict(not 200 <= failure.status < 300, problem)
    return Verdict(True, {"code": "unreachable", "detail": str(failure)})
