"""The terminal's look (``branding`` in QML): logo, colours and text scale of its profile.

A bank branch shows its own logo and colours, a township centre larger text; ``Main.qml``
puts these into the ``Theme`` singleton when the window loads. The home tiles are the kiosk
view-model's (``[services] home_tiles``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, QUrl

from kiosk.config import HOME_TILES, Config


@dataclass(frozen=True)
class Look:
    """How the UI looks on this terminal (the embedded default's look by default)."""

    logo: str = ""
    """A ``file:`` URL of the header's logo; "" shows the 政 mark."""
    primary_color: str = "#1656B8"
    primary_dark_color: str = "#0E3F8C"
    primary_light_color: str = "#E8F0FC"
    text_scale: float = 1.0
    home_tiles: tuple[str, ...] = HOME_TILES


def look_of(config: Config) -> Look:
    """The look a configuration asks for."""
    branding = config.branding
    logo = branding.logo
    return Look(
        logo=QUrl.fromLocalFile(str(logo)).toString() if logo is not None else "",
        primary_color=branding.primary_color,
        primary_dark_color=branding.primary_dark_color,
        primary_light_color=branding.primary_light_color,
        text_scale=branding.text_scale,
        home_tiles=config.services.home_tiles,
    )


class BrandingViewModel(QObject):
    """The look's values, constant for the run."""

    def __init__(self, look: Look, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._look = look

    @Property(str, constant=True)
    def logo(self) -> str:
        """The header's logo URL ("" for the 政 mark)."""
        return self._look.logo

    @Property(str, constant=True)
    def primaryColor(self) -> str:  # noqa: N802
        """Buttons, headings and the header's right end."""
        return self._look.primary_color

    @Property(str, constant=True)
    def primaryDarkColor(self) -> str:  # noqa: N802
        """The header's left end and emphasis."""
        return self._look.primary_dark_color

    @Property(str, constant=True)
    def primaryLightColor(self) -> str:  # noqa: N802
        """Notices and pressed buttons."""
        return self._look.primary_light_color

    @Property(float, constant=True)
    def textScale(self) -> float:  # noqa: N802
        """Every font's factor (elderly mode multiplies it further)."""
        return self._look.text_scale
