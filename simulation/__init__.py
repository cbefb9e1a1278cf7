"""The simulation control API: a loopback-only JSON/HTTP server that drives the device
simulators (and, registered by the UI layer, the UI automation endpoints)."""
