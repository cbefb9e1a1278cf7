"""The composition root: builds config → devices → platform → services → UI and runs them.

The only package that may import every layer (``ui``, ``kiosk``, ``simulation``, ``drivers``,
and the embedded ``platform_sim``); nothing imports it except ``python -m kiosk``'s
trampoline. ``python -m entry`` and the ``kiosk`` console script start the kiosk.
"""
