"""好差评: rating a completed service, Qt-free.

* :mod:`kiosk.evaluation.service` — what was served (the applications or the visit rated);
* :mod:`kiosk.evaluation.answers` — the citizen's answers, checked, and the contract's
  ``Evaluation`` bodies they become;
* :mod:`kiosk.evaluation.ledger` — the terminal's durable record of what was rated already
  ("一次一评": never asked twice).
"""
