"""Intents: the words QML uses for what the citizen asked, and the flow events they become.

The words are those of the flow's :class:`~kiosk.flow.events.Intent` classes themselves
(``word``), so there is no second list to keep; the home screen's entries add
``home.services`` (办事); the other home tiles are intents' own words (``home.<tile>``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kiosk.flow import events as ev


def _intent_classes(base: type[ev.Intent] = ev.Intent) -> Iterator[type[ev.Intent]]:
    for cls in base.__subclasses__():
        yield cls
        yield from _intent_classes(cls)


WORDS: dict[str, type[ev.Intent]] = {
    cls.word: cls for cls in _intent_classes() if cls.word is not None
}
"""Every intent without fields, by the word QML sends (``kiosk.intent(word)``)."""


def event_for(intent: str) -> ev.Intent | None:
    """The flow event of an intent word, or None for an unknown one."""
    if intent in WORDS:
        return WORDS[intent]()
    if intent == "home.services":
        return ev.OpenCatalogue()
    return None
