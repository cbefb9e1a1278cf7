"""Identity logic: what a read ID card says about its holder, and the citizen's consent to
face verification. Pure functions and values; the flow decides what to do with them."""
