"""补打回执: a citizen who lost a receipt (or whose kiosk died after confirming) reprints it
with the ID card, on any kiosk of the hall.

Home's 补打回执 asks for the card; the card read is verified at card level (contract 1.1
``method: card``; no face: the citizen only sees their own applications' receipts), the
platform lists the person's applications, and those of the last 30 days are offered. The
chosen one prints again as its acceptance receipt (the same content, confirmed by the
printer's post-job status); when printing fails the screen shows the receipt's QR code and
offers 重新打印 once the printer is back.
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import apply_actions
from kiosk.flow import events as ev
from kiosk.flow import reprint_actions as r
from kiosk.flow.chart import Activity, Node, Row
from kiosk.flow.effects import StartCardReading, StopCardReading
from kiosk.flow.states import Phase, Reason, State
from kiosk.identity.person import IdentityMethod

S = State
"""Short name for the table rows."""

_FAILED_PRINT = (ev.ReceiptPrintFailed, ev.StateTimedOut)

REPRINT = Node(
    Phase.REPRINT,
    contains=(
        Node(S.REPRINT_CARD, entry=a.forget_identity,
             runs=Activity(StartCardReading(), StopCardReading())),
        Node(S.REPRINT_VERIFYING, exit=a.cancel_request),
        Node(S.REPRINT_LOADING, exit=a.cancel_request),
        S.REPRINT_LIST,
        Node(S.REPRINT_PRINTING, entry=r.print_chosen, exit=a.cancel_request),
        S.REPRINT_DONE,
        S.REPRINT_PRINT_FAILED,
        S.REPRINT_FAILED,
    ),
    rows=(
        Row(S.REPRINT_CARD, on=ev.CardRead, when=r.card_usable, do=r.verify_card,
            to=S.REPRINT_VERIFYING),
        Row(S.REPRINT_CARD, on=ev.CardRead, when=~r.card_usable, to=S.REPRINT_FAILED,
            because=Reason.CARD_REJECTED),
        Row(S.REPRINT_CARD, on=ev.CardReadFailed, to=S.REPRINT_FAILED,
            because=Reason.CARD_READ_FAILED),
        Row(S.REPRINT_CARD, on=ev.Back, to=S.HOME),
        Row(S.REPRINT_VERIFYING, on=ev.VerifyResult, when=a.answer_names_card_holder,
            do=(a.verified_as(IdentityMethod.ID_CARD), r.list_applications),
            to=S.REPRINT_LOADING),
        Row(S.REPRINT_VERIFYING, on=ev.VerifyResult, when=~a.answer_names_card_holder,
            to=S.REPRINT_FAILED, because=Reason.VERIFIED_SOMEONE_ELSE),
        Row(S.REPRINT_VERIFYING, on=(ev.VerifyFailed, ev.PlatformRefused),
            to=S.REPRINT_FAILED, because=Reason.CARD_REJECTED),
        Row(S.REPRINT_VERIFYING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.REPRINT_FAILED, because=Reason.PLATFORM_UNAVAILABLE),
        Row(S.REPRINT_LOADING, on=ev.ReceiptsListed, do=r.offer, to=S.REPRINT_LIST),
        Row(S.REPRINT_LOADING, on=(ev.PlatformUnavailable, ev.PlatformRefused,
                                   ev.StateTimedOut),
            to=S.REPRINT_FAILED, because=Reason.PLATFORM_UNAVAILABLE),
        Row(S.REPRINT_LIST, on=ev.ChooseReceipt, when=r.is_listed, do=r.choose,
            to=S.REPRINT_PRINTING),
        Row(S.REPRINT_LIST, on=ev.Back, to=S.HOME),
        Row(S.REPRINT_PRINTING, on=ev.ReceiptPrinted, to=S.REPRINT_DONE),
        Row(S.REPRINT_PRINTING, on=_FAILED_PRINT, to=S.REPRINT_PRINT_FAILED),
        Row(S.REPRINT_PRINT_FAILED, on=ev.Reprint, when=apply_actions.printer_ready,
            to=S.REPRINT_PRINTING),
        Row(S.REPRINT_PRINT_FAILED, on=ev.Back, to=S.REPRINT_LIST),
        Row(S.REPRINT_DONE, on=ev.Back, to=S.REPRINT_LIST),
        Row(S.REPRINT_FAILED, on=ev.RetryCard, to=S.REPRINT_CARD),
        Row(S.REPRINT_FAILED, on=ev.Back, to=S.HOME),
    ),
)
"""From 补打回执 to the receipt in hand (or its QR on screen)."""

FROM_HOME = Row(S.HOME, on=ev.OpenReprint, to=S.REPRINT_CARD)
"""补打回执 on home."""
