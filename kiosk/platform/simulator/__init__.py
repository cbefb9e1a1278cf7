"""The simulated central platform: the whole contract (``platform-api.yaml``) over HTTPS,
with state in SQLite. Run it with ``python -m kiosk.platform.simulator`` or in-process with
:func:`start_simulator`. See ``README.md`` in this package for what it enforces."""

from kiosk.platform.simulator.clock import SimClock
from kiosk.platform.simulator.server import RunningSimulator, start_simulator

__all__ = ["RunningSimulator", "SimClock", "start_simulator"]
