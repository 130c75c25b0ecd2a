"""Whether an article belongs to a story: a logistic model over a few features of the article against the
story's members (each feature is a mean over the members, so the decision is average-link clustering).

The features, all in [0, 1]:

- ``similarity``: cosine of weighted keys (names, entities, numbers, content lemmas; only the
  language-free keys when the two articles are in different languages);
- ``names``: cosine of the language-free keys alone (names, linked entities, numbers);
- ``same_day`` .. ``over_week``, ``undated``: how far apart the publication dates are;
- ``other_language``: the two are in different languages;
- ``same_outlet``: one outlet published both (a site rarely runs two stories on one event in a feed);
- ``similarity_near``, ``names_near``: the two similarities when the dates are at most three days apart
  (so that being published on the same day counts only as far as the words agree).

An article without a date is scored by a second set of weights (``undated``) over the features that do not
involve dates, fitted on every pair of the stream with both dates hidden: how likely two articles are one
event when only their words say so.

The weights, the bias and the joining threshold live in ``syuzhet/data/stories/link_model.json``, fitted by
``scripts/train_story_model.py`` on a labelled news stream with folds by event family (its figures are in the
file's ``meta``).

``merge``: when an article passes the bar of its best story and also reaches this probability with a story
in other languages only, the two stories are one event reported in two language communities that had grown
apart (each language's first articles found no common names with the other's yet): the smaller joins the
larger (``StoryIndex``). Above 1: never."""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

FEATURES = ("similarity", "names", "same_day", "one_day", "two_three_days", "four_seven_days", "over_week",
            "undated", "other_language", "same_outlet", "similarity_near", "names_near")
UNDATED_FEATURES = ("similarity", "names", "other_language", "same_outlet")
GAPS = ((0, 0, "same_day"), (1, 1, "one_day"), (2, 3, "two_three_days"), (4, 7, "four_seven_days"))
MODEL_FILE = "stories/link_model.json"  # under syuzhet/data


def gap_feature(days: int | None) -> str:
    """The date feature a gap of ``days`` (None: a date is missing) falls into."""
    if days is None:
        return "undated"
    for low, high, name in GAPS:
        if low <= days <= high:
            return name
    return "over_week"


@dataclass(frozen=True, slots=True)
class Weights:
    """One logistic model: a weight per feature and a bias."""

    weights: dict[str, float]
    bias: float

    def logit(self, values: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * v for name, v in values.items())

    def as_dict(self) -> dict[str, Any]:
        return {"weights": {k: round(v, 4) for k, v in self.weights.items()}, "bias": round(self.bias, 4)}


@dataclass(frozen=True, slots=True)
class LinkModel:
    dated: Weights  # for an article with a date
    undated: Weights  # for an article without one
    threshold: float  # join a story when the probability reaches this
    window_days: int  # a story is a candidate only when all its dated members lie within this many days
    min_names: float = 0.0  # and an article joins only a story whose names it shares at least this much
    min_shared: int = 1  # and with at least this many of its names, entities or numbers in common
    merge: float = 2.0  # merge a story of other languages the article also reaches this probability with
    cross_threshold: float = 0.0  # a dated article joins a story with no member in its language at this or more
    meta: dict[str, Any] = field(default_factory=dict)

    def bar(self, dated: bool, own_language: bool) -> float:
        """The probability an article must reach to join a story."""
        return self.threshold if own_language or not dated else max(self.threshold, self.cross_threshold)

    def weights_for(self, dated: bool) -> Weights:
        return self.dated if dated else self.undated

    def probability(self, values: dict[str, float], dated: bool = True) -> float:
        z = self.weights_for(dated).logit(values)
        return 1.0 / (1.0 + math.exp(-z)) if z > -40 else 0.0

    def contributions(self, values: dict[str, float], dated: bool = True) -> list[tuple[str, float]]:
        """Each non-zero feature's share of the logit, largest first (what ``--explain`` prints)."""
        weights = self.weights_for(dated).weights
        parts = [(name, weights.get(name, 0.0) * v) for name, v in values.items() if v and name in weights]
        return sorted(parts, key=lambda kv: -abs(kv[1]))

    def as_dict(self) -> dict[str, Any]:
        return {"dated": self.dated.as_dict(), "undated": self.undated.as_dict(), "threshold": self.threshold,
                "window_days": self.window_days, "min_names": self.min_names, "min_shared": self.min_shared,
                "merge": self.merge, "cross_threshold": self.cross_threshold,
                "meta": self.meta}


def _weights(record: dict[str, Any]) -> Weights:
    return Weights({k: float(v) for k, v in record["weights"].items()}, float(record["bias"]))


def model_from(record: dict[str, Any]) -> LinkModel:
    return LinkModel(_weights(record["dated"]), _weights(record["undated"]), float(record["threshold"]),
                     int(record["window_days"]), float(record.get("min_names", 0.0)), int(record.get("min_shared", 1)),
                     float(record.get("merge", 2.0)), float(record.get("cross_threshold", 0.0)),
                     dict(record.get("meta", {})))


@functools.cache
def default_model() -> LinkModel:
    return model_from(json.loads(files("syuzhet.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")))
