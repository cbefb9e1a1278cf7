"""The site's settings for 好差评: ``[evaluation] reasons``, the reasons a citizen chooses
from at 不满意 or below (words of the site, sent to the platform as they are)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def configured_reasons(raw: Mapping[str, Any]) -> tuple[str, ...]:
    """The configured reasons, in order, without blanks or repeats; empty when the setting is
    missing or not a list of strings."""
    table = raw.get("evaluation", {})
    values = table.get("reasons", []) if isinstance(table, Mapping) else []
    if not isinstance(values, list):
        return ()
    cleaned = (v.strip() for v in values if isinstance(v, str))
    return tuple(dict.fromkeys(v for v in cleaned if v))
