"""Paying the fees (统一公共支付): between an accepted submission with a payment order and
its receipt.

The fees screen lists the items and the total and offers two ways: the order's pay QR code
on screen (its countdown, a fresh code when it runs out and the citizen asks), or the wallet's
payment code (付款码) shown to the scanner — a code of no wallet's shape is refused at once
and never sent. While a QR code is shown or a charge awaits the citizen's confirmation
("请在手机上确认支付") the order's state is polled. Paid → the paid screen, then the receipts
(the payment receipt prints with the acceptance receipt). Declined → scan another code.

The citizen may cancel (暂不支付); leaving in any other way (home, idle, the session wiped)
with the order open cancels it too. The platform's answer to a cancel is the order's real
state: ``paid`` when the money arrived first, and the service then finishes as paid.
"""

from __future__ import annotations

from kiosk.flow import events as ev
from kiosk.flow import payment_actions as p
from kiosk.flow.actions import cancel_request
from kiosk.flow.chart import Activity, Node, Row
from kiosk.flow.effects import StartQrScanning, StopQrScanning
from kiosk.flow.payment_actions import Settled
from kiosk.flow.states import Phase, Reason, State
from kiosk.payment.verdict import Verdict

S = State
"""Short name for the table rows."""

_UNANSWERED = (ev.PlatformUnavailable, ev.StateTimedOut)
_CANCELLABLE = (S.PAY_FEES, S.PAY_SCAN, S.PAY_QR, S.PAY_QR_EXPIRED, S.PAY_PENDING)

PAY_WAITING = Node(
    Phase.PAY_WAITING,
    contains=(S.PAY_QR, S.PAY_PENDING),
    entry=p.watch,
    exit=p.stop_watching,
    rows=(
        Row(Phase.PAY_WAITING, on=ev.PaymentSettled, when=p.settled_as.is_(Settled.PAID),
            do=p.record_settled, to=S.PAY_PAID),
        Row(Phase.PAY_WAITING, on=ev.PaymentSettled, when=p.settled_as.is_(Settled.EXPIRED),
            do=p.record_settled, to=S.PAY_FAILED, because=Reason.PAYMENT_EXPIRED),
        Row(Phase.PAY_WAITING, on=ev.PaymentSettled,
            when=p.settled_as.is_(Settled.CLOSED, Settled.PENDING),
            do=p.record_settled, to=S.PAY_FAILED, because=Reason.PAYMENT_CLOSED),
        Row(S.PAY_QR, on=(ev.PaymentQrExpired, ev.StateTimedOut), to=S.PAY_QR_EXPIRED),
        Row(S.PAY_QR, on=ev.Back, to=S.PAY_FEES),
        Row(S.PAY_QR, on=ev.PayByCode, to=S.PAY_SCAN),
        Row(S.PAY_PENDING, on=ev.StateTimedOut, to=S.PAY_SCAN,
            because=Reason.PAYMENT_NOT_CONFIRMED),
    ),
)
"""Polling the order: a QR code on screen, or a charge awaiting confirmation."""

PAYMENT = Node(
    Phase.PAYMENT,
    contains=(
        S.PAY_FEES,
        Node(S.PAY_QR_LOADING, entry=p.request_qr, exit=cancel_request),
        PAY_WAITING,
        S.PAY_QR_EXPIRED,
        Node(S.PAY_SCAN, runs=Activity(StartQrScanning(), StopQrScanning())),
        Node(S.PAY_CHARGING, exit=cancel_request),
        Node(S.PAY_CANCELLING, entry=p.cancel, exit=cancel_request),
        S.PAY_PAID,
        S.PAY_FAILED,
        S.PAY_CANCELLED,
    ),
    exit=p.cancel_if_unpaid,
    rows=(
        Row(S.PAY_FEES, on=ev.PayByQr, to=S.PAY_QR_LOADING),
        Row(S.PAY_FEES, on=ev.PayByCode, to=S.PAY_SCAN),
        *(Row(s, on=ev.AbandonPayment, to=S.PAY_CANCELLING) for s in _CANCELLABLE),
        # The QR code on screen.
        Row(S.PAY_QR_LOADING, on=ev.PaymentQrReady, do=p.show_qr, to=S.PAY_QR),
        Row(S.PAY_QR_LOADING, on=ev.PaymentSettled, when=p.settled_as.is_(Settled.PAID),
            do=p.record_settled, to=S.PAY_PAID),
        Row(S.PAY_QR_LOADING, on=ev.PaymentSettled, when=p.settled_as.is_(Settled.EXPIRED),
            do=p.record_settled, to=S.PAY_FAILED, because=Reason.PAYMENT_EXPIRED),
        Row(S.PAY_QR_LOADING, on=ev.PaymentSettled,
            when=p.settled_as.is_(Settled.CLOSED, Settled.PENDING),
            do=p.record_settled, to=S.PAY_FAILED, because=Reason.PAYMENT_CLOSED),
        Row(S.PAY_QR_LOADING, on=_UNANSWERED, to=S.PAY_FEES,
            because=Reason.PAYMENT_UNAVAILABLE),
        Row(S.PAY_QR_EXPIRED, on=ev.PayByQr, to=S.PAY_QR_LOADING),
        Row(S.PAY_QR_EXPIRED, on=ev.PayByCode, to=S.PAY_SCAN),
        Row(S.PAY_QR_EXPIRED, on=ev.Back, to=S.PAY_FEES),
        # The payment code shown to the scanner.
        Row(S.PAY_SCAN, on=ev.QrScanned, when=p.is_payment_code, do=p.charge,
            to=S.PAY_CHARGING),
        Row(S.PAY_SCAN, on=ev.QrScanned, when=~p.is_payment_code, to=S.PAY_SCAN,
            because=Reason.NOT_A_PAYMENT_CODE),
        Row(S.PAY_SCAN, on=ev.Back, to=S.PAY_FEES),
        Row(S.PAY_SCAN, on=ev.PayByQr, to=S.PAY_QR_LOADING),
        Row(S.PAY_CHARGING, on=ev.ChargeAnswered, when=p.charge_verdict.is_(Verdict.PAID),
            do=p.record_charge, to=S.PAY_PAID),
        Row(S.PAY_CHARGING, on=ev.ChargeAnswered, when=p.charge_verdict.is_(Verdict.PENDING),
            do=p.record_charge, to=S.PAY_PENDING),
        Row(S.PAY_CHARGING, on=ev.ChargeAnswered,
            when=p.charge_verdict.is_(Verdict.DECLINED),
            do=p.record_charge, to=S.PAY_SCAN, because=Reason.PAYMENT_DECLINED),
        Row(S.PAY_CHARGING, on=ev.ChargeAnswered,
            when=p.charge_verdict.is_(Verdict.NOT_A_CODE),
            do=p.record_charge, to=S.PAY_SCAN, because=Reason.NOT_A_PAYMENT_CODE),
        Row(S.PAY_CHARGING, on=ev.ChargeAnswered, when=p.charge_verdict.is_(Verdict.CLOSED),
            do=p.record_charge, to=S.PAY_FAILED, because=Reason.PAYMENT_CLOSED),
        # An unanswered charge is never repeated: the order's state is polled instead.
        Row(S.PAY_CHARGING, on=ev.StateTimedOut, to=S.PAY_PENDING),
        # Cancelling: the answer is the order's real state.
        Row(S.PAY_CANCELLING, on=ev.PaymentSettled, when=p.settled_as.is_(Settled.PAID),
            do=p.record_settled, to=S.PAY_PAID),
        Row(S.PAY_CANCELLING, on=ev.PaymentSettled,
            when=p.settled_as.is_(Settled.CLOSED, Settled.EXPIRED),
            do=p.record_settled, to=S.PAY_CANCELLED),
        Row(S.PAY_CANCELLING, on=ev.PaymentSettled, when=p.settled_as.is_(Settled.PENDING),
            do=p.record_settled, to=S.PAY_FAILED, because=Reason.PAYMENT_UNAVAILABLE),
        Row(S.PAY_CANCELLING, on=_UNANSWERED, to=S.PAY_FAILED,
            because=Reason.PAYMENT_UNAVAILABLE),
        Row(S.PAY_PAID, on=(ev.PaymentContinue, ev.StateTimedOut), to=S.APPLY_PRINTING),
    ),
)
"""From the fees to paid (then the receipts), failed or cancelled."""
