"""syuzhet: multilingual news articles in, stories and analyst dossiers out."""

from syuzhet.model import Article, Block, Entity, Fact, Mention, Quote, Story
from syuzhet.pipeline import Analysis, analyze

__all__ = ["Analysis", "Article", "Block", "Entity", "Fact", "Mention", "Quote", "Story", "analyze"]
__version__ = "0.1.0"
