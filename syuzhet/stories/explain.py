"""Why articles are in one story, as lines a terminal or report can print."""

from __future__ import annotations

from syuzhet.model import Story

_KINDS = {"e": "entity", "n": "name", "#": "number", "t": "word"}
_FEATURES = {"similarity": "shared words", "names": "shared names", "same_day": "same day",
             "one_day": "a day apart", "two_three_days": "2-3 days apart", "four_seven_days": "4-7 days apart",
             "over_week": "over a week apart", "undated": "no date", "other_language": "other language",
             "same_outlet": "same outlet", "similarity_near": "shared words, close in time",
             "names_near": "shared names, close in time"}


def explain_story(story: Story) -> list[str]:
    """One line per member: opened the story, reprint of another member, or joined with the probability the
    link model gave, the features that weighed most (their share of the log-odds) and the keys shared."""
    out = [f"story {story.id}: {len(story.articles)} articles — {story.title or '(untitled)'}"]
    for link in story.explain:
        if link["rule"] == "opened":
            out.append(f"  {link['article']}  opened the story")
        elif link["rule"] == "merged":
            out.append(f"  {link['article']}  opened a story in another language, merged in when "
                       f"{link.get('original')} linked both (p={link.get('probability', 0.0):.2f})")
        elif link["rule"] == "duplicate":
            out.append(f"  {link['article']}  reprint of {link.get('original')}")
        else:
            because = ", ".join(f"{_FEATURES.get(name, name)} {value:+.1f}" for name, value in link.get("because", []))
            shared = ", ".join(f"{_KINDS.get(k[0], k[0])} {k[2:]}" for k in link.get("shared", [])[:8])
            out.append(f"  {link['article']}  joined with p={link.get('probability', 0.0):.2f} ({because}); "
                       f"shares {shared or 'no name'}")
    return out
