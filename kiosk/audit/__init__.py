"""The hash-chained audit log and its verifier (``python -m kiosk.audit verify FILE…``)."""
