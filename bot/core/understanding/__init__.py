"""Understanding a message in stages: segment -> acts -> frames -> resolve -> scope (see reading.py)."""

from bot.core.understanding.reading import Understanding
from bot.core.understanding.scope import Part

__all__ = ["Part", "Understanding"]
