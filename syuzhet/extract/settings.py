"""Which parts of the extraction run: trafilatura's own switches and the cleanup rules on top of it.

``DEFAULT`` is what ``extract_html`` uses. It is not hand-picked: ``python -m syuzhet.eval extraction --folds``
splits the extraction benchmark into folds by site (every page of a domain in one fold), chooses the
trafilatura switches and the rules on four folds, scores the fifth, and prints, for every rule, F1 with and
without it on the folds it was not chosen on. Only switches and rules that helped on held-out folds are on
here; the figures are in that command's output and in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Favor = Literal["precision", "balanced", "recall"]

RULE_NAMES = ("split_body", "drop_title", "drop_linked", "drop_related_tail", "drop_furniture", "drop_dateline")


@dataclass(frozen=True, slots=True)
class Settings:
    favor: Favor = "balanced"  # trafilatura's favor_precision / neither / favor_recall
    include_tables: bool = True
    include_comments: bool = False
    rules: frozenset[str] = frozenset(RULE_NAMES)  # names from RULE_NAMES that run

    def without(self, rule: str) -> Settings:
        return replace(self, rules=self.rules - {rule})

    def label(self) -> str:
        tables = "tables" if self.include_tables else "no-tables"
        comments = "+comments" if self.include_comments else ""
        return f"{self.favor}/{tables}{comments}"


ALL_RULES = Settings(favor="precision", include_tables=True, include_comments=False)  # the rules as first written
# Chosen by the site-fold cross-validation (121 pages, 95 sites, 5 folds). Precision mode won on every fold.
# split_body and drop_related_tail are off: each helped on one site only (the one they were written from) and
# on no held-out fold; drop_title, drop_linked, drop_furniture and drop_dateline helped on 3-5 of 5 folds.
DEFAULT = Settings(
    favor="precision",
    include_tables=True,
    include_comments=False,
    rules=frozenset({"drop_title", "drop_linked", "drop_furniture", "drop_dateline"}),
)
