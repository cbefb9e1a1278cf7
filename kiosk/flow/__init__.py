"""The citizen flow: a declarative table of nested phases (``table``, ``phases/``, written in
the words of ``chart``) run by ``machine``; ``python -m kiosk.flow --diagram`` draws it.

Screens follow states; the UI sends events and never decides the flow. The flow speaks in
codes; the UI words them (``ui.text``). Import from the submodules (``kiosk.flow.machine``,
``kiosk.flow.events``…); this package imports nothing so that the session and gating modules
can use ``kiosk.flow.matter`` without cycles.
"""
