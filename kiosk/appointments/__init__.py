"""Appointments (预约): which matters take one, the days offered, the phone check, the booking
a citizen is making (held in the session) and the slip printed for it. Qt-free; the flow's
``appointment`` phase and ``entry.appointments`` build on it."""
