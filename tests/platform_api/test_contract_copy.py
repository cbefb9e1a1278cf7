"""The contract the client and the simulator read is the shared one, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from platform_api.contract import CONTRACT_PATH

SHARED_CONTRACT = Path(__file__).resolve().parents[2].parent / "shared" / "platform-api.yaml"


@pytest.mark.skipif(not SHARED_CONTRACT.exists(), reason="no ../shared checkout beside the repo")
def test_the_copy_equals_the_shared_contract() -> None:
    assert CONTRACT_PATH.read_bytes() == SHARED_CONTRACT.read_bytes()
