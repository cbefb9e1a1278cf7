"""The terminal's Debian package: built by ``deploy/build-deb`` (what ``./dev package``
runs; ``./dev test`` installs the tools), then its contents checked: files and modes,
conffiles, dependencies, maintainer scripts, the unit (``systemd-analyze verify``), and the
kiosk running from the packaged virtualenv.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1500
VENV = Path("opt/venvs/gov-kiosk")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(BUILD_TIMEOUT_S + 300),
    pytest.mark.skipif(
        not (shutil.which("dpkg-buildpackage") and shutil.which("dh_virtualenv")),
        reason="package build tools missing: ./dev test installs them",
    ),
]


def run(command: list[str | Path], timeout: float = 120, **kwargs: object) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                            check=False, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return str(result.stdout)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    run([ROOT / "deploy" / "build-deb", out], timeout=BUILD_TIMEOUT_S, cwd=ROOT)
    (deb,) = out.glob("gov-kiosk_*_*.deb")
    return deb


@pytest.fixture(scope="module")
def unpacked(package: Path) -> Path:
    tree = package.parent / "tree"
    run(["dpkg-deb", "--extract", package, tree])
    run(["dpkg-deb", "--control", package, tree / "DEBIAN"])
    return tree


def field(package: Path, name: str) -> str:
    return run(["dpkg-deb", "--field", package, name]).strip()


def listing(package: Path) -> dict[str, str]:
    """Path → mode string (``-rw-r--r--``) of every entry."""
    entries = {}
    for line in run(["dpkg-deb", "--contents", package]).splitlines():
        mode, *_, path = line.split(None, 5)
        entries[path.split(" -> ")[0].removeprefix(".")] = mode
    return entries


def test_the_version_is_the_projects(package: Path) -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert field(package, "Version") == version


def test_it_depends_on_the_compositor_fonts_python_and_qts_libraries(package: Path) -> None:
    depends = {d.split()[0] for d in field(package, "Depends").split(", ")}
    assert {"cage", "xwayland", "fonts-noto-cjk", "python3", "adduser", "libegl1",
            "libxkbcommon0", "libwayland-cursor0", "libwayland-egl1"} <= depends


def test_files_are_where_a_terminal_expects_them(package: Path) -> None:
    entries = listing(package)
    for path, mode in {
        f"/{VENV}/bin/kiosk": "-rwxr-xr-x",
        "/etc/kiosk/site.toml": "-rw-r--r--",
        "/etc/default/gov-kiosk": "-rw-r--r--",
        "/etc/pam.d/gov-kiosk": "-rw-r--r--",
        "/lib/systemd/system/gov-kiosk.service": "-rw-r--r--",
        "/lib/udev/rules.d/60-gov-kiosk.rules": "-rw-r--r--",
        "/usr/share/gov-kiosk/profiles": "lrwxrwxrwx",
    }.items():
        assert entries.get(path) == mode, path
    site_packages = f"/{VENV}/lib/python3.11/site-packages"
    for package_dir in ("entry", "kiosk", "ui", "drivers", "config", "assets", "PySide6"):
        assert f"{site_packages}/{package_dir}/" in entries, package_dir
    assert f"{site_packages}/config/profiles/hall.toml" in entries


def test_the_configuration_is_kept_on_upgrade(unpacked: Path) -> None:
    conffiles = (unpacked / "DEBIAN" / "conffiles").read_text(encoding="utf-8").split()
    assert sorted(conffiles) == ["/etc/default/gov-kiosk", "/etc/kiosk/site.toml",
                                 "/etc/pam.d/gov-kiosk"]


def test_the_bundled_libraries_are_not_declared_as_the_packages(unpacked: Path) -> None:
    assert not (unpacked / "DEBIAN" / "shlibs").exists()


def test_the_scripts_run_from_opt_with_debians_python(unpacked: Path) -> None:
    venv = unpacked / VENV
    assert (venv / "bin" / "kiosk").read_text(encoding="utf-8").startswith(
        f"#!/{VENV}/bin/python\n"
    )
    assert "home = /usr/bin\n" in (venv / "pyvenv.cfg").read_text(encoding="utf-8")


def test_the_profiles_link_points_into_the_venv(unpacked: Path) -> None:
    target = (unpacked / "usr/share/gov-kiosk/profiles").readlink()
    assert (unpacked / str(target).lstrip("/") / "bank_branch.toml").is_file()


def test_postinst_makes_the_user_and_a_private_data_dir(unpacked: Path) -> None:
    postinst = (unpacked / "DEBIAN" / "postinst").read_text(encoding="utf-8")
    assert re.search(r"adduser --system --group .*kiosk", postinst.replace("\\\n", " "))
    assert "install -d -o kiosk -g kiosk -m 0700 /var/lib/kiosk" in postinst
    assert "deb-systemd-helper enable 'gov-kiosk.service'" in postinst


def test_remove_stops_the_service_and_purge_removes_data_and_user(unpacked: Path) -> None:
    prerm = (unpacked / "DEBIAN" / "prerm").read_text(encoding="utf-8")
    assert "deb-systemd-invoke stop 'gov-kiosk.service'" in prerm
    postrm = (unpacked / "DEBIAN" / "postrm").read_text(encoding="utf-8")
    purge = postrm.split("purge)", 1)[1]
    assert "rm -rf /var/lib/kiosk /etc/kiosk" in purge
    assert "deluser --quiet --system kiosk" in purge


def test_the_unit_passes_systemd_analyze_verify(unpacked: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze missing")
    unit = unpacked / "lib/systemd/system/gov-kiosk.service"
    result = subprocess.run(["systemd-analyze", "verify", unit], capture_output=True,
                            text=True, timeout=60, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    text = unit.read_text(encoding="utf-8")
    for line in ("Type=notify", "NotifyAccess=all", "Restart=always", "User=kiosk",
                 "TTYPath=/dev/tty1", "Conflicts=getty@tty1.service"):
        assert f"{line}\n" in text
    assert re.search(r"^WatchdogSec=\d+$", text, re.M)
    assert re.search(r"^ExecStart=/usr/bin/cage -- /opt/venvs/gov-kiosk/bin/kiosk ", text, re.M)


def test_the_packaged_kiosk_renders_home(unpacked: Path, tmp_path: Path) -> None:
    python = unpacked / VENV / "bin" / "python"
    shot = tmp_path / "home.png"
    run([python, "-m", "kiosk", "--screenshot", shot], timeout=180, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"})
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
