"""Documents for the report tests. Everything made here that the pipeline did not produce is a FIXTURE:
ids start with 'fixture-' and titles with '[fixture]', so nobody mistakes it for pipeline output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import SEEDS, SHARED

GOLD = SHARED / "eval" / "seeds.gold.json"
FIXTURE_STORY_ID = "fixture-seeds-story"


def seed_document() -> dict[str, Any]:
    """The seeds through the real pipeline, as written to analysis.json."""
    from syuzhet.output import analysis_document
    from syuzhet.pipeline import analyze

    return analysis_document(analyze([str(SEEDS)]))


def ensure_seed_story(document: dict[str, Any]) -> dict[str, Any]:
    """The story holding the seeds: the pipeline's own when it made one, else a fixture story of all five."""
    ids = {a["id"] for a in document["articles"]}
    for story in document["stories"]:
        if ids & set(story.get("articles", [])):
            return dict(story)
    story = {
        "id": FIXTURE_STORY_ID,
        "title": "[fixture] Tokayev's state visit to Moscow",
        "articles": [a["id"] for a in document["articles"]],
        "summary": [],
        "facts": [],
        "timeline": [],
    }
    document["stories"].append(story)
    return story


def _by_file(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(a["source"]).name: a for a in document["articles"]}


def enrich_from_gold(document: dict[str, Any]) -> None:
    """FIXTURE data from the hand-made gold, for looking at the page before the pipeline fills these parts:
    entities and quotes located by string search, facts as the story's claims. Only fills empty parts."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    files = _by_file(document)
    if not document["entities"]:
        for number, entity in enumerate(gold["entities"]):
            mentions = []
            for file, names in entity["mentions"].items():
                article = files.get(file)
                if article is None:
                    continue
                taken: list[tuple[int, int]] = []
                for name in sorted(set(names), key=len, reverse=True):
                    at = article["text"].find(name)
                    while at >= 0:
                        end = at + len(name)
                        if not any(a < end and at < b for a, b in taken):
                            taken.append((at, end))
                            mentions.append({"article": article["id"], "start": at, "end": end, "text": name})
                        at = article["text"].find(name, end)
            document["entities"].append(
                {"id": f"fixture-e{number}", "name": entity["name"], "type": entity["type"], "mentions": mentions}
            )
    names = {e["name"]: e["id"] for e in document["entities"]}
    if not document["quotes"]:
        for quote in gold["quotes"]:
            article = files.get(quote["file"])
            at = article["text"].find(quote["text"]) if article else -1
            if article is None or at < 0:
                continue
            document["quotes"].append({
                "article": article["id"], "speaker": names.get(quote["speaker"]), "speaker_text": quote["speaker"],
                "kind": quote["kind"], "text": quote["text"], "start": at, "end": at + len(quote["text"]),
                "cue": None,
            })
    story = ensure_seed_story(document)
    story = next(s for s in document["stories"] if s["id"] == story["id"])
    if not story.get("facts"):
        story["facts"] = [
            {"text": f"[fixture] {fact['claim']}", "articles": [files[f]["id"] for f in fact["files"] if f in files]}
            for fact in gold["facts"]
        ]
    if not story.get("summary"):
        story["summary"] = [{"text": f["text"], "articles": f["articles"]} for f in story["facts"][:4]]
    if not story.get("timeline"):
        dated = sorted((a["date"], a["id"]) for a in document["articles"] if a["date"])
        story["timeline"] = [{"date": d, "text": "[fixture] article published", "articles": [i]} for d, i in dated]


XSS = '<script>window.__xss = 1; alert(1)</script><img src=x onerror="window.__xss = 2">'


def hostile_document() -> dict[str, Any]:
    """A document whose every string field tries to inject markup or script."""
    text = f"Title {XSS}\n\nFirst paragraph says {XSS} and more.\n\n\"><svg onload=alert(3)></textarea></title>"
    first = text.index("First")
    second = text.index("\"><svg")
    article = {
        "id": "x1\"><script>alert(4)</script>", "source": f"evil/{XSS}.txt", "outlet": XSS,
        "url": "javascript:alert(5)", "lang": "en", "date": "2025-01-01", "title": XSS, "subtitle": XSS,
        "author": XSS, "photo_credit": None, "text": text,
        "blocks": [
            {"start": 0, "end": first - 2, "kind": "title", "lang": "en"},
            {"start": first, "end": second - 2, "kind": "paragraph", "lang": "en\" onmouseover=\"alert(6)"},
            {"start": second, "end": len(text), "kind": "paragraph", "lang": "en"},
        ],
        "duplicate_of": None,
    }
    other = dict(article, id="x2", duplicate_of=article["id"], url="https://example.invalid/a?b=<c>&d=\"e\"")
    script_at = text.index("<script>")
    return {
        "syuzhet_version": "test",
        "articles": [article, other],
        "entities": [{"id": XSS, "name": XSS, "type": "PER\"><script>alert(7)</script>", "mentions": [
            {"article": article["id"], "start": script_at, "end": script_at + 20, "text": "x"},
            {"article": article["id"], "start": 0, "end": 5, "text": "Title"},
        ]}],
        "quotes": [{"article": article["id"], "speaker": XSS, "speaker_text": XSS, "kind": "direct",
                    "text": XSS, "start": first, "end": second - 2, "cue": XSS}],
        "stories": [{
            "id": XSS, "title": XSS, "articles": [article["id"], "x2"],
            "summary": [{"text": XSS, "articles": [article["id"]]}],
            "facts": [{"text": XSS, "articles": ["x2"], "disputed_by": [article["id"]]}],
            "timeline": [{"date": XSS, "text": XSS, "articles": ["x2"], XSS: XSS}],
            "framing": [{"article": "x2", "frame": XSS}],
            XSS: {XSS: [XSS]},
        }],
        "skipped": [{"source": XSS, "reason": XSS, "skipped": True}],
    }
