"""The flow table, one phase per module, each readable on one screen.

:mod:`kiosk.flow.table` nests them: the kiosk is in service or not; in service it shows home,
the attract loop, or a citizen's session; a session browses (:mod:`.browse`), establishes
identity (:mod:`.identity`, with :mod:`.card`, :mod:`.face` and :mod:`.qr`) and goes on from
``verified`` (:mod:`.session`).
"""
