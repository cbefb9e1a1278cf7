"""Receipts the kiosk prints: the acceptance receipt (受理回执), its offline variant, and the
result document of instant matters, as ``drivers.printer.document`` documents. They are built
from values and a ``ReceiptWording`` worded by the UI (``ui/receipt_text.py``); the progress
QR's payload format is in ``progress.py``."""
