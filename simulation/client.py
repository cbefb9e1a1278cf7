"""A blocking JSON client for the simulation control API, for the dev dock and for tests.

It only ever talks to loopback, like the server it calls."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

HTTP_TIMEOUT_S = 5.0
"""How long one control-API request may take; the server answers from memory."""


def request_json(
    base_url: str, method: str, path: str, body: Any = None, timeout_s: float = HTTP_TIMEOUT_S
) -> tuple[int, Any]:
    """One JSON request to the control API at ``base_url``; the status and decoded reply.

    An HTTP error status is returned, not raised: the API's 4xx replies carry the message."""
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError(f"the control API is on loopback only, not {base_url}")
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 - loopback http only, checked above
        base_url + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as reply:  # noqa: S310
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
