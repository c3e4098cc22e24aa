"""A sourced figure: a value with the year it describes and who published it.

Examples
--------
>>> f = Figure(value=247150, year=2024, source="IISS, The Military Balance 2024")
>>> f.number
247150.0
"""

from __future__ import annotations

from dataclasses import dataclass

from alliances.model.kinds import Confidence

__all__ = ["Figure"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A value (number, text or unknown) with its year, source and confidence."""

    value: float | int | str | None
    year: int | None = None
    source: str
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    @property
    def number(self) -> float | None:
        """The value as a float, or None when it is unknown or not numeric."""
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            return None
        return float(self.value)
