"""Technicians' maintenance mode: the PIN with its lockout, and entry only between citizens."""
