"""A small synchronous IPP client: Print-Job, Get-Job-Attributes, Get-Printer-Attributes.

Messages are encoded and decoded by pyipp's serializer and parser (the IPP codec Home
Assistant uses); the transport is a plain HTTP POST with ``requests``, because the HAL runs
on threads and pyipp's own client is asyncio-only. ``ipp://`` maps to ``http://`` and
``ipps://`` to ``https://`` on the printer's port (631 when the URI has none), as RFC 8010
says. Every failure is an :class:`IppError` (a :class:`DeviceError`) with a message.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests

from drivers.a4_printer.ipp_codec import IppOperation, IPPParseError, encode_dict, parse
from drivers.base import DeviceError

IPP_PORT = 631
IPP_VERSION = (2, 0)
IPP_MIME = "application/ipp"
SUCCESS_LIMIT = 0x0100
USER_NAME = "kiosk"

PRINTER_ATTRIBUTES = (
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-make-and-model",
    "printer-firmware-string-version",
    "printer-uuid",
)
JOB_ATTRIBUTES = ("job-id", "job-state", "job-state-reasons", "job-state-message")


class IppError(DeviceError):
    """The printer could not be reached, or it refused or garbled a request."""


@dataclass(frozen=True)
class PrinterAttributes:
    """What Get-Printer-Attributes told: state enum (None if absent), reasons, identity."""

    state: int | None
    reasons: tuple[str, ...]
    message: str = ""
    model: str = "unknown"
    firmware: str = "unknown"
    serial: str = "unknown"


@dataclass(frozen=True)
class JobAttributes:
    """What Get-Job-Attributes told: the job's state enum (None if absent) and reasons."""

    job_id: int
    state: int | None
    reasons: tuple[str, ...]
    message: str = ""


def http_url(uri: str) -> str:
    """The HTTP URL an ``ipp://``/``ipps://`` URI is served at; raises IppError on others."""
    parts = urlsplit(uri)
    schemes = {"ipp": "http", "ipps": "https", "http": "http", "https": "https"}
    if parts.scheme not in schemes or not parts.hostname:
        raise IppError(f"not an IPP printer URI: {uri!r}")
    netloc = parts.netloc if parts.port else f"{parts.netloc}:{IPP_PORT}"
    return urlunsplit((schemes[parts.scheme], netloc, parts.path or "/", "", ""))


def _strings(value: Any) -> tuple[str, ...]:
    """A 1setOf keyword as a tuple (pyipp gives one value bare, several as a list)."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int) else None


class IppClient:
    """Speaks IPP to one printer URI; thread-safe (each request is independent)."""

    def __init__(self, uri: str, timeout_s: float = 5.0) -> None:
        self.uri = uri
        self._url = http_url(uri)
        self._timeout_s = timeout_s
        self._ids = itertools.count(1)

    def _request(
        self,
        operation: IppOperation,
        attributes: dict[str, Any],
        document: bytes | None = None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "version": IPP_VERSION,
            "operation": operation,
            "request-id": next(self._ids),
            "operation-attributes-tag": {
                "attributes-charset": "utf-8",
                "attributes-natural-language": "zh-cn",
                "printer-uri": self.uri,
                "requesting-user-name": USER_NAME,
                **attributes,
            },
        }
        if document is not None:
            message["data"] = document
        try:
            reply = requests.post(
                self._url,
                data=encode_dict(message),
                headers={"Content-Type": IPP_MIME},
                timeout=self._timeout_s,
            )
        except requests.RequestException as error:
            raise IppError(f"printer {self.uri} unreachable: {type(error).__name__}") from None
        if reply.status_code != 200:
            raise IppError(f"printer {self.uri} answered HTTP {reply.status_code}")
        try:
            answer = parse(reply.content)
        except (IPPParseError, ValueError, IndexError, KeyError, UnicodeDecodeError) as error:
            raise IppError(f"printer {self.uri} sent a malformed IPP reply: {error}") from None
        status = int(answer["status-code"])
        if status >= SUCCESS_LIMIT:
            detail = answer["operation-attributes"].get("status-message", "")
            raise IppError(f"printer refused {operation.name}: 0x{status:04x} {detail}".rstrip())
        return answer

    def printer_attributes(self) -> PrinterAttributes:
        """Get-Printer-Attributes: state, reasons and identity."""
        answer = self._request(
            IppOperation.GET_PRINTER_ATTRIBUTES,
            {"requested-attributes": list(PRINTER_ATTRIBUTES)},
        )
        printer = answer["printers"][0] if answer["printers"] else {}
        return PrinterAttributes(
            state=_int(printer.get("printer-state")),
            reasons=_strings(printer.get("printer-state-reasons")),
            message=str(printer.get("printer-state-message", "")),
            model=str(printer.get("printer-make-and-model", "unknown")),
            firmware=str(printer.get("printer-firmware-string-version", "unknown")),
            serial=str(printer.get("printer-uuid", "unknown")),
        )

    def print_job(self, pdf: bytes, name: str) -> int:
        """Print-Job with a PDF document; the new job's id."""
        answer = self._request(
            IppOperation.PRINT_JOB,
            {"job-name": name, "document-format": "application/pdf"},
            pdf,
        )
        job = answer["jobs"][0] if answer["jobs"] else {}
        job_id = _int(job.get("job-id"))
        if job_id is None:
            raise IppError("printer accepted the job but sent no job-id")
        return job_id

    def job_attributes(self, job_id: int) -> JobAttributes:
        """Get-Job-Attributes: the job's state and reasons."""
        answer = self._request(
            IppOperation.GET_JOB_ATTRIBUTES,
            {"job-id": job_id, "requested-attributes": list(JOB_ATTRIBUTES)},
        )
        job = answer["jobs"][0] if answer["jobs"] else {}
        return JobAttributes(
            job_id=job_id,
            state=_int(job.get("job-state")),
            reasons=_strings(job.get("job-state-reasons")),
            message=str(job.get("job-state-message", "")),
        )
