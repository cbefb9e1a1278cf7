"""The WLT decoder plug-in, against a stand-in library built with the system C compiler."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from drivers.id_card.cards import encode_text
from drivers.id_card.decoding import card_from_data
from drivers.id_card.errors import IdCardError
from drivers.id_card.fixtures import load_fixture
from drivers.id_card.payloads import CardData
from drivers.id_card.photo import BMP_SIZE, WltDecoder

# Writes "BM" and then the WLT bytes; rejects WLT starting with 0xFF like a real decoder would
# reject a corrupt photo.
FAKE_LIBWLT = r"""
#include <string.h>
int unpack(char *wlt, char *bmp, int with_header) {
    if ((unsigned char)wlt[0] == 0xFF || !with_header) return -1;
    memset(bmp, 0, 38862);
    bmp[0] = 'B'; bmp[1] = 'M';
    memcpy(bmp + 54, wlt, 1024);
    return 1;
}
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build the stand-in WLT library")
    directory = tmp_path_factory.mktemp("wlt")
    (directory / "wlt.c").write_text(FAKE_LIBWLT)
    target = directory / "libwlt.so"
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", str(target), str(directory / "wlt.c")], check=True
    )
    return target


def test_decoded_photo_is_attached_and_wlt_kept(library: Path) -> None:
    fixture = load_fixture("resident")
    card = card_from_data(CardData(encode_text(fixture), fixture.photo_wlt), WltDecoder(library))
    assert card.photo_bmp is not None
    assert len(card.photo_bmp) == BMP_SIZE
    assert card.photo_bmp[54 : 54 + 1024] == fixture.photo_wlt
    assert card.photo_wlt == fixture.photo_wlt


def test_rejected_photo_leaves_no_bmp(library: Path) -> None:
    assert WltDecoder(library).decode(b"\xff" * 1024) is None
    assert WltDecoder(library).decode(b"\x00" * 10) is None


def test_without_a_decoder_the_photo_is_none() -> None:
    fixture = load_fixture("resident")
    card = card_from_data(CardData(encode_text(fixture), fixture.photo_wlt), None)
    assert card.photo_bmp is None
    assert len(card.photo_wlt) == 1024


def test_missing_library_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IdCardError, match="cannot be loaded"):
        WltDecoder(tmp_path / "missing.so")
