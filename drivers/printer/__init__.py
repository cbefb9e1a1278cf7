"""ESC/POS receipt printer: document model, byte renderer, transports, driver and emulator.

The document (``document.py``) is rendered to ESC/POS bytes by one transport-independent module
(``render.py``); the driver (``printer.py``) sends them over a transport and checks the printer's
real-time status before and after every job; the emulator (``emulator.py``) interprets the same
bytes (``interpreter.py``) and draws each cut receipt to a PNG.
"""
