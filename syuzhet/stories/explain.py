"""Why articles are in one story, as lines a terminal or report can print."""

from __future__ import annotations

from syuzhet.model import Story

_KINDS = {"e": "entity", "n": "name", "#": "number", "t": "term"}


def explain_story(story: Story) -> list[str]:
    """One line per member: opened the story, reprint of another member, or joined with its similarity to
    the story, its closest member and the keys they share."""
    out = [f"story {story.id}: {len(story.articles)} articles — {story.title or '(untitled)'}"]
    for link in story.explain:
        if link["rule"] == "opened":
            out.append(f"  {link['article']}  opened the story")
        elif link["rule"] == "duplicate":
            out.append(f"  {link['article']}  reprint of {link['closest']}")
        else:
            shared = ", ".join(f"{_KINDS.get(k[0], k[0])} {k[2:]}" for k in link["shared"][:8])
            gap = f", {link['date_gap_days']} days apart" if link.get("date_gap_days") is not None else ""
            out.append(f"  {link['article']}  similarity {link['similarity']:.2f} to the story, "
                       f"{link['closest_similarity']:.2f} to {link['closest']}{gap}; shares {shared}")
    return out
