"""Derived figures: pure functions of the validated input."""
