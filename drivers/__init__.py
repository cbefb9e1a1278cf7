"""Device hardware abstraction layer (HAL): one interface per device class, real drivers and
simulators behind it. Nothing here knows about the UI or the central platform."""
