"""The SQLite store (``Store``) and the story index it keeps (``StoredStoryIndex``)."""

from syuzhet.store.db import Hit, Store, StoreError
from syuzhet.store.stories import StoredStoryIndex

__all__ = ["Hit", "Store", "StoreError", "StoredStoryIndex"]
