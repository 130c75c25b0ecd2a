"""The NER tagger's quicker tag-path decode gives slovnet's own paths, ties and padding included; its batches
of lines of about one length give the tags of one line per call."""

from __future__ import annotations

from itertools import chain

import numpy as np

from syuzhet.entities.ru_ner import SIMILAR, _lines, _tag_lines, _tagger, batches
from syuzhet.entities.viterbi import QuickCRF, decode
from tests.conftest import SHARED, require


def test_decode_matches_slovnet_on_random_scores() -> None:
    crf = _tagger().infer.model.head.crf
    assert isinstance(crf, QuickCRF)
    original = crf.original
    rng = np.random.default_rng(7)
    for trial in range(400):
        batch, tokens = int(rng.integers(1, 4)), int(rng.integers(1, 30))
        emissions = rng.normal(size=(batch, tokens, crf.transitions.array.shape[0])).astype(np.float32)
        if trial % 4 == 0:
            emissions = np.round(emissions)  # equal scores: the first best wins on both sides
        lengths = rng.integers(1, tokens + 1, size=batch) if trial % 2 else np.full(batch, tokens)
        mask = np.arange(tokens)[None, :] < lengths[:, None]
        expected = original.decode(emissions, mask)
        got = decode(crf.transitions.array, emissions, mask)
        assert len(got) == len(expected)
        for mine, theirs in zip(got, expected, strict=True):
            assert mine.dtype == theirs.dtype
            assert mine.tolist() == theirs.tolist()


def test_tagger_finds_names_with_the_quick_decode() -> None:
    [markup] = list(_tagger().map(["Министр Иван Петров прилетел в Москву на встречу с делегацией ООН."]))
    found = {(span.type, span.start, span.stop) for span in markup.spans}
    assert ("PER", 8, 19) in found
    assert any(kind == "LOC" for kind, _, _ in found)


def test_batches_hold_lines_of_about_one_length() -> None:
    lines = ["a" * n for n in (5, 300, 40, 7, 290, 41, 60)]
    found = batches(lines)
    assert sorted(chain.from_iterable(found)) == list(range(len(lines)))
    for batch in found:
        lengths = [len(lines[i]) for i in batch]
        assert lengths == sorted(lengths)
        assert max(lengths) <= SIMILAR * min(lengths) + 20
    assert len(found) < len(lines)  # near-equal lines share a call


def test_batched_tags_equal_one_line_per_call_on_real_text() -> None:
    """Real Russian news text (factRuEval's devset, read at run time): every line tagged in batches gets the
    spans it gets when tagged alone, padding and all."""
    texts = sorted(require(SHARED / "corpus" / "factru" / "devset").glob("*.txt"))[:40]
    lines = list(dict.fromkeys(line for path in texts for _, line in _lines(path.read_text(encoding="utf-8"))))
    assert len(lines) > 100
    infer = _tagger().infer
    alone = [tuple((s.start, s.stop, s.type) for s in next(iter(infer([line]))).spans) for line in lines]
    assert _tag_lines(lines) == alone
    assert any(alone)
