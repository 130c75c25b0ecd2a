"""A story's dossier and report page, computed as ``syuzhet stories`` and ``syuzhet report`` do
(``Store.analysis``, ``describe_stories``, ``analysis_document``, ``render_report``).

A dossier is answered, in order of preference, from the store (kept there by the ingest worker for the
story's present size and latest member: ``syuzhet.store.kept_dossiers``), from this process' memory (same
key), or computed now. A story that grows gets a new key, so no answer is older than the snapshot read."""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict
from typing import Any

from syuzhet.api.models import Dossier
from syuzhet.output import analysis_document
from syuzhet.pipeline import Analysis
from syuzhet.report import render_report
from syuzhet.store import Store, kept_dossiers
from syuzhet.stories import describe_stories

_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
_BRIEF = ("id", "source", "outlet", "url", "lang", "date", "title", "duplicate_of")


def _analysis(store: Store, sid: str) -> Analysis:
    analysis = store.analysis([sid])
    describe_stories(analysis)
    return analysis


def dossier_json(store: Store, sid: str) -> bytes:
    """The dossier as the service answers it: ``Story.as_dict()`` with ``sources`` (the story's articles in
    brief), as JSON."""
    analysis = _analysis(store, sid)
    record: dict[str, Any] = analysis.stories[0].as_dict()
    record["sources"] = [{**{k: a.as_dict()[k] for k in _BRIEF}, "story": sid} for a in analysis.articles]
    return Dossier.model_validate(record).model_dump_json().encode("utf-8")


class Dossiers:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.memory: OrderedDict[tuple[str, str, int, int], Any] = OrderedDict()
        self.lock = threading.Lock()

    def _remembered(self, key: tuple[str, str, int, int]) -> Any:
        with self.lock:
            if key in self.memory:
                self.memory.move_to_end(key)
                return self.memory[key]
        return None

    def _remember(self, key: tuple[str, str, int, int], value: Any) -> Any:
        with self.lock:
            self.memory[key] = value
            while len(self.memory) > self.size:
                self.memory.popitem(last=False)
        return value

    def dossier(self, store: Store, sid: str) -> bytes | None:
        """The dossier JSON; None for an unknown story."""
        version = kept_dossiers.version(store.db, sid)
        if version is None:
            return None
        if kept_dossiers.usable(store.db) and (body := kept_dossiers.kept(store.db, sid, *version)) is not None:
            return body
        key = ("dossier", sid, *version)
        if (found := self._remembered(key)) is not None:
            return bytes(found)
        return bytes(self._remember(key, dossier_json(store, sid)))

    def report(self, store: Store, sid: str) -> tuple[str, str] | None:
        """(the HTML page, its Content-Security-Policy); None for an unknown story."""
        version = kept_dossiers.version(store.db, sid)
        if version is None:
            return None
        key = ("report", sid, *version)
        if (found := self._remembered(key)) is not None:
            return found[0], found[1]
        page = render_report(analysis_document(_analysis(store, sid)))
        match = _CSP.search(page)
        csp = html.unescape(match.group(1)) if match else "default-src 'none'"
        self._remember(key, (page, csp))
        return page, csp
