"""Resident ID card reader (SAM, GA 467 serial protocol): codec, driver, emulator and CLI."""
