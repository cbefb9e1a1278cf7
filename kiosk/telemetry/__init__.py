"""Telemetry: Prometheus metrics and their HTTP exporter, JSON-lines logs with masking."""
