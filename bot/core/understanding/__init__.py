"""Understanding a message in stages: segment -> acts -> frames -> resolve -> scope (see reading.py)."""

from bot.core.understanding.reading import Part, Understanding

__all__ = ["Part", "Understanding"]
