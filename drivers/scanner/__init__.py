"""QR/barcode scanner HAL: a serial/USB-CDC driver, camera scanning with zxing-cpp, and a pty
emulator that speaks the scanner's serial protocol (payload + suffix, Honeywell triggers)."""
