"""Data files shipped with the kiosk (read with importlib.resources)."""
