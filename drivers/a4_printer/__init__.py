"""A4 printer over IPP (a CUPS queue or an IPP Everywhere printer): status, PDF jobs followed to
their final state, and a simulator that speaks IPP on loopback with settable faults."""
