"""Renderers: translators from the neutral report model to one output format each."""
