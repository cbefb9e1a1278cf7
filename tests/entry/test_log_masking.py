"""Log masking as the app installs it: on the root logger's handlers, for every module."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from drivers.id_card.fixtures import load_fixture
from entry.logs import install_log_masking
from kiosk.session import Session


@pytest.fixture
def root_output() -> Iterator[io.StringIO]:
    """A root handler like ``logging.basicConfig`` sets up, writing to a string."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    try:
        yield output
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_a_line_from_any_module_with_the_citizens_name_and_number_is_masked(
    root_output: io.StringIO,
) -> None:
    card = load_fixture("resident")
    session = Session(card=card)
    uninstall = install_log_masking(session.known_names)
    try:
        logging.getLogger("drivers.id_card.reader").info("read %s %s", card.name, card.id_number)
    finally:
        uninstall()
    line = root_output.getvalue()
    assert card.name not in line
    assert card.id_number not in line
    assert "read 张* 330106********" in line


def test_uninstall_leaves_the_handlers_as_they_were(root_output: io.StringIO) -> None:
    handlers = logging.getLogger().handlers
    before = [list(h.filters) for h in handlers]
    install_log_masking(tuple)()
    assert [list(h.filters) for h in handlers] == before
