"""Quotations, direct and reported, with their speakers: ``find_quotes`` (an article stage, after
``find_entities``) and ``attribute_quotes`` (a batch stage, after ``link_entities``)."""

from syuzhet.quotes.attribute import attribute_quotes
from syuzhet.quotes.stage import find_quotes

__all__ = ["attribute_quotes", "find_quotes"]
