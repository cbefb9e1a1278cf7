"""Is a terminal's configuration fit to serve citizens? Checked before the window opens.

A terminal (a profile with ``[terminal] fullscreen = true``, run without ``--simulate``) must
talk to the real platform over verified TLS with its own secret, drive real devices, and keep
its data in a directory nobody else can read. A mistake there otherwise shows up later and
worse: a traceback at the first platform call, a simulated card reader in a hall, or ID data
readable by other users. Each mistake is one :class:`ConfigProblem`, printed on one line, and
the kiosk refuses to start (the line lands in the journal).
"""

from __future__ import annotations

import ipaddress
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from drivers.manager import SIMULATED_DRIVER
from kiosk.config import Config

PRIVATE_MODE_MASK = 0o077
"""Permission bits the data directory must not have (group and others)."""
OTHERS_MODE_MASK = 0o007
"""Permission bits a secret or private key must not have (others; the group may read)."""


@dataclass(frozen=True)
class ConfigProblem:
    """One reason a terminal may not start: the setting and what is wrong with it."""

    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


def is_terminal(config: Config, simulate: bool) -> bool:
    """True when this run serves citizens: a full-screen profile, not ``--simulate``."""
    return config.terminal.fullscreen and not simulate


def _file_problem(key: str, path: Path | None, what: str) -> ConfigProblem | None:
    if path is None:
        return ConfigProblem(key, f"not set: a terminal needs {what}")
    if not path.is_file():
        return ConfigProblem(key, f"{path} does not exist ({what})")
    if not os.access(path, os.R_OK):
        return ConfigProblem(key, f"{path} is not readable by this user ({what})")
    return None


def _secret_problem(key: str, path: Path | None, what: str) -> ConfigProblem | None:
    problem = _file_problem(key, path, what)
    if problem is None and path is not None and path.stat().st_mode & OTHERS_MODE_MASK:
        mode = stat.S_IMODE(path.stat().st_mode)
        return ConfigProblem(key, f"{path} is readable by every user (mode {mode:o}); chmod o-rwx")
    return problem


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _platform_problems(config: Config) -> Iterator[ConfigProblem | None]:
    platform = config.platform  # an http:// base_url is refused by kiosk.config already
    if _is_loopback(platform.base_url):
        yield ConfigProblem(
            "platform.base_url",
            f"{platform.base_url} is this machine (the simulated platform's address); set the "
            "provincial platform's URL in the site file",
        )
    if platform.embedded_simulator:
        yield ConfigProblem(
            "platform.embedded_simulator", "true: a terminal never starts the simulated platform"
        )
    yield _file_problem("platform.ca_file", platform.ca_file, "the platform's CA bundle")
    yield _secret_problem("platform.secret_file", platform.secret_file, "the terminal's secret")
    if (platform.client_cert is None) != (platform.client_key is None):
        yield ConfigProblem(
            "platform.client_cert",
            "client_cert and client_key go together: set both (mTLS) or neither",
        )
    elif platform.client_cert is not None:
        yield _file_problem(
            "platform.client_cert", platform.client_cert, "the terminal's client certificate"
        )
        yield _secret_problem(
            "platform.client_key", platform.client_key, "the terminal's private key"
        )


def _device_problems(config: Config) -> Iterator[ConfigProblem]:
    enabled = {cls: c for cls, c in config.devices.items() if c.enabled}
    simulated = sorted(cls.value for cls, c in enabled.items() if c.driver == SIMULATED_DRIVER)
    for name in simulated:
        yield ConfigProblem(
            f"devices.{name}.driver", "simulated: a terminal drives the real device"
        )
    if enabled and len(simulated) == len(enabled):
        yield ConfigProblem(
            "simulation.control_port",
            "every device is simulated, so the simulation control API would listen; a terminal "
            "never serves it",
        )


def _data_dir_problem(data_dir: Path, uid: int) -> ConfigProblem | None:
    key = "terminal.data_dir"
    if not data_dir.is_dir():
        return ConfigProblem(key, f"{data_dir} is not a directory (the package creates it)")
    status = data_dir.stat()
    if status.st_uid != uid:
        return ConfigProblem(
            key, f"{data_dir} belongs to uid {status.st_uid}, not to this user (uid {uid})"
        )
    if status.st_mode & PRIVATE_MODE_MASK:
        mode = stat.S_IMODE(status.st_mode)
        return ConfigProblem(
            key, f"{data_dir} has mode {mode:o}; it holds citizens' data: chmod 700"
        )
    return None


def _logo_problem(config: Config) -> ConfigProblem | None:
    """A logo the profile names must be there: the header would show an empty circle."""
    logo = config.branding.logo
    return None if logo is None else _file_problem("branding.logo", logo, "the header's logo")


def check_terminal(
    config: Config, uid: Callable[[], int] = os.geteuid
) -> list[ConfigProblem]:
    """Every reason ``config`` may not serve citizens on a terminal; empty when it may."""
    found = [
        *_platform_problems(config),
        *_device_problems(config),
        _data_dir_problem(config.terminal.data_dir, uid()),
        _logo_problem(config),
    ]
    return [problem for problem in found if problem is not None]
