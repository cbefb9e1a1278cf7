"""The durable outbox: what the citizen submitted, kept encrypted on disk until the platform
has confirmed it, delivered in order by one worker thread."""
