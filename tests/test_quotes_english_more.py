"""More English quotations (made-up sentences, never corpus text), and the consistency of the extraction gold
(``tests/data/quotes_extraction.jsonl``) against ../shared."""

from __future__ import annotations

import os

import pytest

from syuzhet.model import Article, Block
from syuzhet.quotes import find_quotes


def _article(text: str, lang: str = "en") -> Article:
    blocks, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(at, at + len(line), "paragraph", lang))
        at += len(line) + 1
    return Article(source="t", raw=text, id="t", lang=lang, text=text, blocks=blocks)


def test_extraction_gold_is_consistent() -> None:
    """Every record's text and speaker mention is what its offsets point at in the article body; the two parts
    share no article."""
    from syuzhet.eval import quote_extraction
    from syuzhet.eval.common import shared_dir

    truth = shared_dir() / "corpus" / "extraction" / "ground-truth.json"
    if not truth.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpus/extraction/ground-truth.json is missing")
        pytest.skip("../shared is not beside the repository")
    data = quote_extraction.bodies(shared_dir())
    parts: dict[str, set[str]] = {}
    for r in quote_extraction.read_records():
        body = data[str(r["file"]).partition("#")[2]]["articleBody"]
        parts.setdefault(str(r["file"]), set()).add(str(r["part"]))
        if r["type"] == "item":
            continue
        assert body[int(str(r["start"])) : int(str(r["end"]))] == r["text"]
        if r.get("speaker_text") is not None:
            assert body[int(str(r["speaker_start"])) : int(str(r["speaker_end"]))] == r["speaker_text"]
    assert all(len(p) == 1 for p in parts.values())
    assert {p for ps in parts.values() for p in ps} == set(quote_extraction.PARTS)


def test_curly_opener_closed_by_straight_mark() -> None:
    """curly_straight_close: '“...," she said' closes, so the later quotation is no inner one."""
    text = ('The mayor called the plan “a disaster," the council said.\n'
            '"We will vote against it," Anna Berg said.')
    a = _article(text)
    find_quotes(a)
    found = {(q.kind, q.text) for q in a.quotes}
    assert ("direct", "We will vote against it,") in found


def test_curly_quote_over_paragraphs_encloses_no_later_quote() -> None:
    """curly_line_ends: '“...' left open at its line's end (reopened on the next paragraph) is no outer quote."""
    text = ('The minister said the deal “gives us a chance to rebuild.\n'
            '“We see this as a first step.”\n'
            '“We thank our partners,” said Tom Reed, a spokesman.')
    a = _article(text)
    find_quotes(a)
    found = {(q.kind, q.text) for q in a.quotes}
    assert ("direct", "We thank our partners,") in found


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The mayor says police are looking into the fire at the depot.",
         "police are looking into the fire at the depot"),
        ("Anna Berg says park rangers closed the trail after the storm.",
         "park rangers closed the trail after the storm"),
    ],
)
def test_said_clause_bare_noun(text: str, quoted: str) -> None:
    """said_clause_bare_noun: a reported clause opening with a bare plural, organisation or role noun."""
    a = _article(text)
    find_quotes(a)
    assert ("indirect", quoted) in {(q.kind, q.text) for q in a.quotes}


@pytest.mark.parametrize(
    "text",
    [
        "The state corporation promised to repair the pad.",
        "The hull split in two, footage published by state media showed.",
    ],
)
def test_said_clause_bare_noun_not(text: str) -> None:
    """No clause after a cue word that is a noun or adjective ('the state', 'by state media')."""
    a = _article(text)
    find_quotes(a)
    assert not [q for q in a.quotes if q.rules and q.rules[0] == "said_clause"]


def test_source_then_apposition() -> None:
    """source_apposition: the clause before 'according to X, a <noun phrase>.' is the statement."""
    text = "Bread prices rose 4 percent in May, according to Grainstat, a Denver-based market data firm."
    a = _article(text)
    find_quotes(a)
    assert {(q.kind, q.text) for q in a.quotes} == {("indirect", "Bread prices rose 4 percent in May")}


def test_indefinite_role_is_no_earlier_person() -> None:
    """speaker_role_indefinite: 'said a city spokesperson' is not the person named before."""
    from syuzhet.model import Mention

    text = 'Anna Berg opened the bridge on Monday.\n"We are cooperating," said a city spokesperson.'
    a = _article(text)
    a.mentions = [Mention("t", 0, 9, "Anna Berg", "PER")]
    find_quotes(a)
    q = next(q for q in a.quotes if q.text == "We are cooperating,")
    assert q.speaker_text == "spokesperson"
    assert q.speaker_start is None  # not the mention of Anna Berg


def test_inverted_attribution_is_no_clause() -> None:
    """said_clause_not_inverted: '"...," said a spokesperson when reached' reports no clause after the cue."""
    text = '"We are looking into it," said a city spokesperson when reached by phone.'
    a = _article(text)
    find_quotes(a)
    assert not [q for q in a.quotes if q.kind == "indirect"]


def test_said_clause_name_present() -> None:
    """said_clause_name_present: 'said Acme needs a ...' reports a clause."""
    text = "The chairman said Acme needs a leaner structure to survive the winter."
    a = _article(text)
    find_quotes(a)
    assert ("indirect", "Acme needs a leaner structure to survive the winter") in {(q.kind, q.text) for q in a.quotes}


def test_title_abbreviation_ends_no_sentence() -> None:
    """title_abbreviations: '<clause about Rep. X>, officials said.' reports the whole clause."""
    text = "A farmer was fined for threatening U.S. Rep. Ann Lee, R-Utah, in May, officials said."
    a = _article(text)
    find_quotes(a)
    assert ("indirect", "A farmer was fined for threatening U.S. Rep. Ann Lee, R-Utah, in May") in {
        (q.kind, q.text) for q in a.quotes}


def test_short_regular_past_opens_clause() -> None:
    """en_past_forms: a four-letter regular past ('died') shows the clause after 'says'."""
    text = "The mayor says the old man died in the fire on Sunday night."
    a = _article(text)
    find_quotes(a)
    assert ("indirect", "the old man died in the fire on Sunday night") in {(q.kind, q.text) for q in a.quotes}
