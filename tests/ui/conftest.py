"""The keyboard must be the input method before the QGuiApplication exists."""

from ui.keyboard import prepare_environment

_USER_DATA = prepare_environment()
