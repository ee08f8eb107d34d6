"""Validated input model (Pydantic, unknown keys forbidden)."""

from reportgen.schema.rapport import Indata

__all__ = ["Indata"]
