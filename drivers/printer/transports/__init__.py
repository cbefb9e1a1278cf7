"""Byte channels to a printer: serial (and pty / ``socket://`` URLs), raw TCP 9100, USB."""
