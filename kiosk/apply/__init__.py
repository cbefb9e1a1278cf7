"""Applying (办件申报) at the terminal: the checks before the citizen confirms."""
