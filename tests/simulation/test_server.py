"""The control API server: loopback only, JSON in and out, no browsers, clear errors."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from simulation.server import BadRequest, ControlServer, NotLoopback, require_str


def call(
    server: ControlServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    """One request as a script sends it (JSON body), with ``headers`` added or replaced."""
    sent = {"Content-Type": "application/json"} if body is not None else {}
    sent.update(headers or {})
    request = urllib.request.Request(server.base_url + path, data=body, method=method, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def server() -> Iterator[ControlServer]:
    server = ControlServer(0)
    server.route("POST", "/echo", lambda body: (200, {"got": require_str(body, "text")}))
    server.route("GET", "/boom", lambda body: (_ for _ in ()).throw(RuntimeError("boom")))
    server.start()
    yield server
    server.stop()


def test_route_receives_json_and_answers_json(server: ControlServer) -> None:
    assert call(server, "POST", "/echo", b'{"text": "\xe4\xb8\xad"}') == (200, {"got": "中"})


def test_missing_key_is_a_400_naming_it(server: ControlServer) -> None:
    status, body = call(server, "POST", "/echo", b"{}")
    assert status == 400
    assert "'text'" in body["error"]


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"\xff\xfe"])
def test_malformed_body_is_a_400(server: ControlServer, raw: bytes) -> None:
    assert call(server, "POST", "/echo", raw)[0] == 400


def test_unknown_path_is_404_and_wrong_method_405(server: ControlServer) -> None:
    assert call(server, "GET", "/nope")[0] == 404
    assert call(server, "DELETE", "/echo")[0] == 405


def test_failing_handler_is_a_500_and_the_server_goes_on(server: ControlServer) -> None:
    assert call(server, "GET", "/boom")[0] == 500
    assert call(server, "POST", "/echo", b'{"text": "x"}')[0] == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_refuses_to_listen_anywhere_but_loopback(host: str) -> None:
    with pytest.raises(NotLoopback):
        ControlServer(0, host=host)


def test_require_str_refuses_empty_and_non_strings() -> None:
    for body in (None, {}, {"text": ""}, {"text": 3}):
        with pytest.raises(BadRequest):
            require_str(body, "text")


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_loopback_host_names_with_the_port_are_accepted(server: ControlServer, name: str) -> None:
    host = {"Host": f"{name}:{server.port}"}
    assert call(server, "POST", "/echo", b'{"text": "x"}', host) == (200, {"got": "x"})


@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:{port}"]
)
def test_other_host_names_are_refused_so_dns_rebinding_reads_nothing(
    server: ControlServer, host: str
) -> None:
    status, body = call(server, "GET", "/boom", headers={"Host": host.format(port=server.port)})
    assert status == 403
    assert "Host" in body["error"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_requests_from_web_pages_are_refused(
    server: ControlServer, headers: dict[str, str]
) -> None:
    status, body = call(server, "POST", "/echo", b'{"text": "x"}', headers)
    assert status == 403
    assert "refused" in body["error"]


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_a_body_that_is_not_declared_json_is_refused(
    server: ControlServer, content_type: str | None
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    headers = {} if content_type is None else {"Content-Type": content_type}
    connection.request("POST", "/echo", body=b'{"text": "x"}', headers=headers)
    response = connection.getresponse()
    body = json.loads(response.read())
    connection.close()
    assert response.status == 415
    assert "application/json" in body["error"]


def test_json_with_a_charset_is_json(server: ControlServer) -> None:
    headers = {"Content-Type": "application/json; charset=utf-8"}
    assert call(server, "POST", "/echo", b'{"text": "x"}', headers)[0] == 200


def test_requests_without_a_body_need_no_content_type(server: ControlServer) -> None:
    assert call(server, "DELETE", "/echo")[0] == 405
