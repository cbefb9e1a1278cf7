"""Receipts the kiosk prints: the acceptance receipt (受理回执), its offline variant, and the
result document of instant matters, as ``drivers.printer.document`` documents. Their wording
is in ``wording.py`` alone; the progress QR's payload format is in ``progress.py``."""
