"""The ledger of what was rated: durable across restarts, visits and applications alike."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import embedded_default
from kiosk.evaluation.ledger import EvaluationLedger
from kiosk.evaluation.settings import configured_reasons


def test_a_rated_key_is_remembered_after_a_restart(tmp_path: Path) -> None:
    ledger = EvaluationLedger.in_data_dir(tmp_path)
    assert not ledger.rated(["ZJ1"])
    ledger.record(["ZJ1", "visit:L-1"])
    ledger.record(["ZJ1"])
    ledger.close()
    again = EvaluationLedger.in_data_dir(tmp_path)
    assert again.rated(["ZJ9", "ZJ1"]) and again.rated(["visit:L-1"])
    assert not again.rated(["ZJ9"]) and not again.rated([])
    again.close()


def test_reasons_come_from_config_in_order_without_blanks_or_repeats() -> None:
    raw = {"evaluation": {"reasons": ["等待时间过长", " ", "其他", "等待时间过长", 3]}}
    assert configured_reasons(raw) == ("等待时间过长", "其他")
    assert configured_reasons({}) == ()
    assert configured_reasons({"evaluation": {"reasons": "其他"}}) == ()


def test_the_shipped_config_offers_reasons() -> None:
    assert "其他" in configured_reasons(embedded_default())
