"""The A4 printer's IPP codec comes from pyipp without pyipp's asyncio client (aiohttp)."""

from __future__ import annotations

import subprocess
import sys


def _run(statement: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", statement], capture_output=True, text=True, check=True, timeout=120
    )
    return out.stdout.strip()


def test_driver_and_simulator_load_without_the_aiohttp_client() -> None:
    loaded = _run(
        "import sys\nimport drivers.a4_printer.printer, drivers.a4_printer.emulator\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'yarl')))"
    )
    assert loaded == "[]"


def test_codec_encodes_and_parses_a_request_without_the_client() -> None:
    decoded = _run(
        "from drivers.a4_printer.ipp_codec import IppOperation, encode_dict, parse\n"
        "message = {'version': (2, 0), 'operation': IppOperation.GET_PRINTER_ATTRIBUTES,\n"
        "  'request-id': 7, 'operation-attributes-tag': {'attributes-charset': 'utf-8',\n"
        "  'attributes-natural-language': 'zh-cn', 'printer-uri': 'ipp://127.0.0.1/ipp/print'}}\n"
        "parsed = parse(encode_dict(message))\n"
        "print(parsed['request-id'], parsed['operation-attributes']['printer-uri'])"
    )
    assert decoded == "7 ipp://127.0.0.1/ipp/print"


def test_codec_uses_the_whole_package_when_it_was_imported_first() -> None:
    same = _run(
        "import pyipp\nfrom drivers.a4_printer import ipp_codec\n"
        "print(pyipp.IPP is not None and ipp_codec.parse is pyipp.parser.parse)"
    )
    assert same == "True"
