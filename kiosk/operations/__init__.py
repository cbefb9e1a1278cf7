"""Remote operations (运维): the terminal's status, the heartbeat and the platform's commands."""
