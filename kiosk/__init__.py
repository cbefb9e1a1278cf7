"""The kiosk: citizen flow, session, catalogue, platform client, outbox, maintenance, config."""

__version__ = "0.1.0"
