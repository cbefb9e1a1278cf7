"""The touch keyboard's environment and its privacy.

Qt Virtual Keyboard is loaded as the input method (``QT_IM_MODULE``) before the
``QGuiApplication`` exists. Its Pinyin engine learns the phrases people choose and keeps them
in a user dictionary (``$XDG_CONFIG_HOME/qtvirtualkeyboard/pinyin/usr_dict.dat``) that it
opens once per process and holds in memory.

Verified here (PySide6 6.12, offscreen): wiping that directory, or emitting
``VirtualKeyboardSettings.userDataReset``, does *not* make the running engine forget a learned
phrase; giving every field ``Qt.ImhSensitiveData`` does stop the learning (the Pinyin input
method turns its user dictionary off for sensitive fields). So every text field of the kiosk
carries that hint (``KioskTextField.qml``; a test checks the whole QML tree), and the user
dictionary directory is a per-process temporary one removed at exit, so nothing typed can
reach the disk of the terminal or be read back from an earlier run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import MutableMapping
from pathlib import Path

from PySide6.QtCore import Qt

from drivers.tempfiles import private_dir

SENSITIVE_HINT = int(Qt.InputMethodHint.ImhSensitiveData.value)
"""The input-method hint that switches the Pinyin engine's learning off."""


def prepare_environment(environ: MutableMapping[str, str] = os.environ) -> Path:
    """Load the virtual keyboard and give it a throwaway user-data directory.

    Call before the ``QGuiApplication`` is created. Returns the directory; remove it with
    :func:`remove_user_data` at exit.
    """
    user_data = private_dir("keyboard")
    environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    environ["XDG_CONFIG_HOME"] = str(user_data)
    environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    return user_data


def remove_user_data(user_data: Path) -> None:
    """Delete the keyboard's user-data directory and anything the engine wrote there."""
    shutil.rmtree(user_data, ignore_errors=True)
