"""Which catalogue matters take an appointment at the staffed window.

The contract: ``guide_only`` matters are shown with their guide and booked for the window,
and any matter with ``appointment: true`` may be booked too (the simulated platform lists
slots for exactly these).
"""

from __future__ import annotations

from kiosk.catalogue.model import Catalogue, Matter

GUIDE_ONLY = "guide_only"


def appointable(matter: Matter) -> bool:
    """True when the matter can be booked for the staffed window."""
    return matter.appointment or matter.self_service == GUIDE_ONLY


def appointable_matters(catalogue: Catalogue) -> tuple[Matter, ...]:
    """The catalogue's appointable matters, in the catalogue's order."""
    return tuple(m for m in catalogue.matters if appointable(m))
