"""The shipped configuration: default.toml and profiles/ (read with importlib.resources)."""
