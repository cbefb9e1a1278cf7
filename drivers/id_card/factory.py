"""Builds the ID card reader from its ``[devices.id_card_reader]`` config table.

Driver ``"sam"`` opens a real reader on ``port``. Driver ``"simulated"`` starts an
:class:`~drivers.id_card.emulator.Emulator` on a pty (behind a stable symlink in the temp
directory, so the device manager can reconnect across emulator restarts) with the
``fixture`` card on it, and connects the same real driver to it.

Options: ``port``, ``baud`` (115200), ``poll_interval_s`` (0.3), ``fixture`` ("" = none),
``wlt_decoder_library`` ("" = no photo decoding; an absolute path, or a bare file name that the
dynamic loader finds on its search path, never a path relative to the working directory),
``read_fingerprint`` (false), ``pace`` (simulated: answer at the baud's real speed; true).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from drivers.config import ConfigError, DeviceConfig
from drivers.id_card.emulator import IdCardEmulator
from drivers.id_card.errors import IdCardError
from drivers.id_card.fixtures import UnknownFixtureError
from drivers.id_card.photo import WltDecoder
from drivers.id_card.reader import SamReader
from drivers.id_card.types import TIMING, Timing
from drivers.manager import SIMULATED_DRIVER, BuiltDevice
from drivers.tempfiles import link_path

REAL_DRIVER = "sam"


@dataclass(frozen=True)
class ReaderSettings:
    """The reader's options, typed and checked."""

    port: str
    baud: int
    timing: Timing
    fixture: str
    wlt_decoder_library: Path | None
    read_fingerprint: bool
    pace: bool

    @classmethod
    def from_config(cls, config: DeviceConfig) -> ReaderSettings:
        """Read and check every option; a bad one raises ConfigError naming it."""
        baud = config.int_option("baud", 115200)
        poll = config.float_option("poll_interval_s", TIMING.poll_interval_s)
        if baud <= 0 or poll <= 0:
            raise ConfigError(
                f"devices.{config.device_class}: baud and poll_interval_s must be > 0"
            )
        library = _library_path(config)
        return cls(
            port=config.str_option("port", "/dev/ttyUSB0"),
            baud=baud,
            timing=dataclasses.replace(TIMING, poll_interval_s=poll),
            fixture=config.str_option("fixture", ""),
            wlt_decoder_library=library,
            read_fingerprint=config.bool_option("read_fingerprint", False),
            pace=config.bool_option("pace", True),
        )


def _library_path(config: DeviceConfig) -> Path | None:
    """``wlt_decoder_library`` as the dynamic loader will take it; a relative path with a
    directory is refused, as it would depend on the kiosk's working directory."""
    value = config.str_option("wlt_decoder_library", "")
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute() and len(path.parts) > 1:
        raise ConfigError(
            f"devices.{config.device_class}.wlt_decoder_library: {value!r} is relative; give an "
            "absolute path or a bare library name on the loader's search path"
        )
    return path


def _decoder(config: DeviceConfig, library: Path | None) -> WltDecoder | None:
    if library is None:
        return None
    try:
        return WltDecoder(library)
    except IdCardError as error:
        raise ConfigError(f"devices.{config.device_class}.wlt_decoder_library: {error}") from error


def _start_emulator(config: DeviceConfig, settings: ReaderSettings) -> IdCardEmulator:
    """The emulator for the simulated driver, with the ``fixture`` card on it, answering."""
    emulator = IdCardEmulator(
        baud=settings.baud, pace=settings.pace, link_path=link_path("id-card")
    )
    if settings.fixture:
        try:
            emulator.place(settings.fixture)
        except UnknownFixtureError as error:
            raise ConfigError(f"devices.{config.device_class}.fixture: {error}") from error
    emulator.start()
    return emulator


def build(config: DeviceConfig) -> BuiltDevice:
    """The reader (and its emulator when simulated) described by ``config``."""
    settings = ReaderSettings.from_config(config)
    decoder = _decoder(config, settings.wlt_decoder_library)
    if config.driver not in (REAL_DRIVER, SIMULATED_DRIVER):
        raise ConfigError(
            f"devices.{config.device_class}.driver: unknown driver {config.driver!r} "
            f"(expected {REAL_DRIVER!r} or {SIMULATED_DRIVER!r})"
        )
    emulator = _start_emulator(config, settings) if config.driver == SIMULATED_DRIVER else None
    reader = SamReader(
        settings.port if emulator is None else emulator.port,
        settings.baud,
        timing=settings.timing,
        decoder=decoder,
        with_fingerprint=settings.read_fingerprint,
    )
    return BuiltDevice(reader, emulator)
