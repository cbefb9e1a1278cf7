"""The citizen flow as one table: the phases of :mod:`kiosk.flow.phases`, nested.

How to read it (the words are defined in :mod:`kiosk.flow.chart`):

* the kiosk is ``out_of_service``, ``in_service`` or in ``maintenance_mode``; suspension or
  dead devices take any screen but maintenance to the fault notice, which says why and
  comes back by itself; a technician enters maintenance between citizens only;
* in service it shows ``home``, the ``attract`` loop, or a citizen's ``session``;
* entering ``home`` or ``out_of_service`` always wipes the session: every way out of a
  citizen's session ends there.

:data:`FACTS` are taken from an event before any row is chosen, so guards see them. Replies
(events with a ``request_id``) are dropped unless they answer the pending request. Timeouts
are in :mod:`kiosk.flow.timeouts`.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import STAY, Chart, Node, Row, Step
from kiosk.flow.phases.appointment import FROM_HOME as APPOINTMENTS_FROM_HOME
from kiosk.flow.phases.certificates import FROM_HOME as CERTIFICATES_FROM_HOME
from kiosk.flow.phases.evaluation import FROM_HOME as EVALUATION_FROM_HOME
from kiosk.flow.phases.maintenance import ENTRY_ROWS, MAINTENANCE
from kiosk.flow.phases.progress import FROM_HOME as PROGRESS_FROM_HOME
from kiosk.flow.phases.reprint import FROM_HOME as REPRINT_FROM_HOME
from kiosk.flow.phases.session import SESSION
from kiosk.flow.states import Phase, State

S = State
"""Short name for the table rows."""

SERVICE_EVENTS = (ev.DevicesChanged, ev.ServiceSuspended, ev.ServiceResumed)

FACTS: Mapping[type[ev.Event], Step] = {
    ev.DevicesChanged: a.record_devices,
    ev.ServiceSuspended: a.record_suspension(True),
    ev.ServiceResumed: a.record_suspension(False),
}

IN_SERVICE = Node(
    Phase.IN_SERVICE,
    contains=(Node(S.HOME, entry=a.wipe), S.ATTRACT, SESSION),
    rows=(
        Row(Phase.IN_SERVICE, on=SERVICE_EVENTS, when=~a.in_service, to=S.OUT_OF_SERVICE),
        Row(S.HOME, on=ev.IdleExpired, do=a.end_elderly_mode, to=S.ATTRACT),
        Row(S.ATTRACT, on=ev.Wake, to=S.HOME),
        Row(S.HOME, on=ev.OpenCatalogue, to=S.CATALOGUE),
        # 适老模式 is part of the session: entering home again wipes it with the rest.
        Row(S.HOME, on=ev.ToggleElderlyMode, do=a.toggle_elderly_mode, to=STAY),
        Row(S.HOME, on=ev.StartQrLogin, when=a.qr_usable, to=S.QR_LOGIN),
        CERTIFICATES_FROM_HOME,
        *EVALUATION_FROM_HOME,
        APPOINTMENTS_FROM_HOME,
        PROGRESS_FROM_HOME,
        REPRINT_FROM_HOME,
    ),
)

KIOSK = Node(
    Phase.KIOSK,
    contains=(
        Node(
            S.OUT_OF_SERVICE,
            entry=(a.wipe, a.explain_out_of_service),
            rows=(
                Row(S.OUT_OF_SERVICE, on=SERVICE_EVENTS, when=a.in_service, to=S.HOME),
                Row(S.OUT_OF_SERVICE, on=SERVICE_EVENTS, when=~a.in_service,
                    do=a.explain_out_of_service, to=STAY),
            ),
        ),
        IN_SERVICE,
        MAINTENANCE,
    ),
    rows=ENTRY_ROWS,
)

CHART = Chart(KIOSK, FACTS)
"""The whole flow; :class:`~kiosk.flow.machine.FlowMachine` runs it."""
