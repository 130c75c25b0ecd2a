"""The NER tagger's quicker tag-path decode gives slovnet's own paths, ties and padding included."""

from __future__ import annotations

import numpy as np

from syuzhet.entities.ru_ner import _tagger
from syuzhet.entities.viterbi import QuickCRF, decode


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
