"""``syuzhet.json_layout.dumps`` writes ``json.dumps(..., ensure_ascii=False, indent=N)``'s text exactly."""

from __future__ import annotations

import enum
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from syuzhet.json_layout import dumps

_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats() | st.text()
           | st.sampled_from(["", "«цитата»", "line\nbreak", "\u2028", "\x00", "é", 'a "quoted" word']))
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=2),
    max_leaves=25,
)


class _Kind(enum.StrEnum):
    PERSON = "PER"


def _theirs(value: Any, indent: int = 1) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from([1, 2]))
def test_same_text_as_json_dumps(value: Any, indent: int) -> None:
    assert dumps(value, indent) == _theirs(value, indent)
    assert dumps(value, indent, margin="  ") == _theirs(value, indent).replace("\n", "\n  ")


def test_odd_values_and_errors() -> None:
    value = {"kind": _Kind.PERSON, "n": [2**80, -0.0, 1e-7, float("nan"), float("-inf")], "empty": [{}, [], ()]}
    assert dumps(value) == _theirs(value)
    for bad in ({"x": {1, 2}}, [object()]):
        for write in (dumps, _theirs):
            try:
                write(bad)
            except TypeError:
                continue
            raise AssertionError(f"{write.__name__} wrote {bad!r}")
