"""The form engine: a matter's (or a bundle's) form fields as typed specs, per-keystroke and
complete validation returning error codes, prefill from the ID card and e-licences, paging
for the portrait screen with the on-screen keyboard open, and the contract's ``form`` object.
Qt-free: the UI owns every word the citizen reads."""
