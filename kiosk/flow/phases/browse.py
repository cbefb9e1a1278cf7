"""Browsing: the catalogue and a matter's guide."""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.actions import StartRoute
from kiosk.flow.chart import STAY, Node, Row
from kiosk.flow.states import Phase, Reason, State

S = State
"""Short name for the table rows."""

BROWSE = Node(
    Phase.BROWSE,
    contains=(
        S.CATALOGUE,
        Node(S.GUIDE, exit=a.cancel_request),
    ),
    rows=(
        Row(S.CATALOGUE, on=ev.SelectMatter, do=a.load_guide, to=S.GUIDE),
        Row(S.CATALOGUE, on=ev.Back, to=S.HOME),
        Row(S.GUIDE, on=ev.GuideLoaded, do=a.keep_guide, to=STAY),
        Row(S.GUIDE, on=ev.PlatformUnavailable, to=S.CATALOGUE, because=Reason.GUIDE_UNAVAILABLE),
        Row(S.GUIDE, on=ev.Back, do=a.clear_matter, to=S.CATALOGUE),
        # 开始办理: where the matter starts depends on its identity needs and the devices;
        # when it cannot start (StartRoute.BLOCKED) the guide stays and says why.
        Row(S.GUIDE, on=ev.StartMatter, when=a.start_route.is_(StartRoute.NO_IDENTITY),
            to=S.VERIFIED),
        Row(S.GUIDE, on=ev.StartMatter, when=a.start_route.is_(StartRoute.CARD),
            to=S.IDENTITY_CARD),
        Row(S.GUIDE, on=ev.StartMatter, when=a.start_route.is_(StartRoute.QR), to=S.QR_LOGIN),
    ),
)
"""Catalogue → guide → start; the guide's pending load is dropped on leaving it."""
