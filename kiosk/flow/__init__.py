"""The citizen flow: a declarative state machine (``table``) run by ``machine``.

Screens follow states; the UI sends events and never decides the flow. Import from the
submodules (``kiosk.flow.machine``, ``kiosk.flow.events``…); this package imports nothing so
that the session and gating modules can use ``kiosk.flow.matter`` without cycles.
"""
