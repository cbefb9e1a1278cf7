"""Where the WLT decoder library is looked for: never relative to the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.base import DeviceClass
from drivers.config import ConfigError, DeviceConfig
from drivers.id_card.factory import ReaderSettings


def settings(library: str) -> ReaderSettings:
    config = DeviceConfig(DeviceClass.ID_CARD_READER, "sam", {"wlt_decoder_library": library})
    return ReaderSettings.from_config(config)


def test_no_library_means_no_photo_decoding() -> None:
    assert settings("").wlt_decoder_library is None


@pytest.mark.parametrize("library", ["/opt/vendor/libwlt.so", "libwlt.so"])
def test_an_absolute_path_or_a_bare_name_is_handed_to_the_loader_as_given(library: str) -> None:
    assert settings(library).wlt_decoder_library == Path(library)


def test_a_relative_path_with_a_directory_is_refused_naming_the_key() -> None:
    with pytest.raises(ConfigError, match=r"wlt_decoder_library: 'lib/libwlt\.so' is relative"):
        settings("lib/libwlt.so")
