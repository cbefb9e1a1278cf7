"""Which instant results are certificates printed on A4, and what came of printing them.

An accepted application's result is a certificate when its matter offers
``print_at_terminal`` in ``result_delivery`` (the contract's promise that the terminal prints
the result) and the platform answered a ``result_document`` carrying a ``verify_url`` (the
contract's mark of a printout anyone can check by its QR). Such a result is printed on the A4
printer; any other ``result_document`` stays a slip on the receipt printer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kiosk.catalogue.model import Matter
from kiosk.platform.models import Application

PRINT_AT_TERMINAL = "print_at_terminal"


@dataclass(frozen=True)
class CertificatePrint:
    """One certificate's A4 job: ``printed`` only when the printer confirmed it."""

    application_no: str
    title: str
    verify_url: str = field(repr=False)
    printed: bool


def is_certificate(matters: Sequence[Matter], application: Application) -> bool:
    """The application's result is a certificate to print on A4 (see the module)."""
    document = application.result_document
    if document is None or not document.verify_url:
        return False
    return any(
        m.code == application.matter_code and PRINT_AT_TERMINAL in m.result_delivery
        for m in matters
    )


def certificate_numbers(
    matters: Sequence[Matter], applications: Sequence[Application]
) -> tuple[str, ...]:
    """The numbers of the applications whose result is a certificate."""
    return tuple(a.application_no for a in applications if is_certificate(matters, a))
