"""The simulated central platform: the whole contract (``platform-api.yaml``) over HTTPS,
with state in SQLite. Run it with ``python -m platform_sim`` or in-process with
:func:`start_simulator`. See ``README.md`` in this package for what it enforces."""

from platform_sim.charges import Charge, ChargeOutcome, ChargePlan
from platform_sim.clock import SimClock
from platform_sim.faults import Fault, FaultKind, FaultPlan
from platform_sim.journal import Exchange
from platform_sim.pki import KeyMaterial
from platform_sim.server import RunningSimulator, start_simulator

__all__ = [
    "Charge",
    "ChargeOutcome",
    "ChargePlan",
    "Exchange",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "KeyMaterial",
    "RunningSimulator",
    "SimClock",
    "start_simulator",
]
