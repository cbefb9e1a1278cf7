"""``python -m kiosk``: the kiosk's familiar entry point, handed to the composition root.

The one import from ``kiosk`` upward, allowed by name in the import-linter contract
(``pyproject.toml``): everything the kiosk runs is built in :mod:`entry`.
"""

from entry.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
