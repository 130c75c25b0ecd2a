"""A story's dossier and report page, computed as ``syuzhet stories`` and ``syuzhet report`` do
(``Store.analysis``, ``describe_stories``, ``analysis_document``, ``render_report``) and kept while the story
is unchanged: the cache key holds the story's size and latest member, so a story that grows is recomputed."""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict
from typing import Any

from syuzhet.output import analysis_document
from syuzhet.pipeline import Analysis
from syuzhet.report import render_report
from syuzhet.store import Store
from syuzhet.stories import describe_stories

_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


class Dossiers:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.kept: OrderedDict[tuple[str, str, int, int], Any] = OrderedDict()
        self.lock = threading.Lock()

    def _version(self, store: Store, sid: str) -> tuple[int, int] | None:
        count, last = store.db.execute("SELECT count(*), max(rowid) FROM story_members WHERE story = ?",
                                       (sid,)).fetchone()
        return (int(count), int(last)) if count else None

    def _kept(self, key: tuple[str, str, int, int]) -> Any:
        with self.lock:
            if key in self.kept:
                self.kept.move_to_end(key)
                return self.kept[key]
        return None

    def _keep(self, key: tuple[str, str, int, int], value: Any) -> Any:
        with self.lock:
            self.kept[key] = value
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)
        return value

    @staticmethod
    def _analysis(store: Store, sid: str) -> Analysis:
        analysis = store.analysis([sid])
        describe_stories(analysis)
        return analysis

    def dossier(self, store: Store, sid: str) -> dict[str, Any] | None:
        """``Story.as_dict()`` with ``sources``: the story's articles in brief; None for an unknown story."""
        version = self._version(store, sid)
        if version is None:
            return None
        key = ("dossier", sid, *version)
        if (found := self._kept(key)) is not None:
            return dict(found)
        analysis = self._analysis(store, sid)
        record = analysis.stories[0].as_dict()
        record["sources"] = [{**{k: a.as_dict()[k] for k in ("id", "source", "outlet", "url", "lang", "date",
                                                             "title", "duplicate_of")}, "story": sid}
                             for a in analysis.articles]
        return dict(self._keep(key, record))

    def report(self, store: Store, sid: str) -> tuple[str, str] | None:
        """(the HTML page, its Content-Security-Policy); None for an unknown story."""
        version = self._version(store, sid)
        if version is None:
            return None
        key = ("report", sid, *version)
        if (found := self._kept(key)) is not None:
            return found[0], found[1]
        page = render_report(analysis_document(self._analysis(store, sid)))
        match = _CSP.search(page)
        csp = html.unescape(match.group(1)) if match else "default-src 'none'"
        self._keep(key, (page, csp))
        return page, csp
