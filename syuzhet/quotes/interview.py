"""Interviews: paragraphs opening with a dash alternate questions and answers. Answers (with the undashed
paragraphs that follow them, up to the next question) are the interviewee's direct speech; questions are
not speech of anyone quoted. The interviewee is the person addressed in a question ('– Александр, как Вы
...'), else the last person who spoke or was named before the first question."""

from __future__ import annotations

import re

from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.speakers import Speaker

_DASH = re.compile(r"^[—–-]\s*")
_POLITE = re.compile(r"\b(?:Вы|Вас|Вам|Ваш\w*|вы|вас|вам|ваш\w*|Ви|Вас|Вам|Ваш\w*|ви|you|your)\b")
MIN_TURNS = 2


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in doc.article.blocks if b.kind == "paragraph"]


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?") or _POLITE.search(text) is not None


def find(doc: Doc) -> list[Found]:
    paras = _paragraphs(doc)
    dashed = [i for i, (s, e) in enumerate(paras) if _DASH.match(doc.text[s:e])]
    questions = [i for i in dashed if _is_question(doc.text[slice(*paras[i])])]
    answers = [i for i in dashed if i not in questions]
    if len(questions) < 1 or len(answers) < MIN_TURNS - 1 or len(dashed) < MIN_TURNS:
        return []
    who = _interviewee(doc, paras, questions[0])
    found: list[Found] = []
    for i in answers:
        j = i + 1
        while j < len(paras) and j not in dashed and paras[j][1] - paras[j][0] > 40:
            j += 1
        first = _DASH.match(doc.text[paras[i][0] : paras[i][1]])
        start, end = clause(doc, paras[i][0] + (first.end() if first else 0), paras[j - 1][1])
        if doc.text[end : end + 1] in ".!?…":
            end += 1
        found.append(Found("direct", start, end, "interview_answer", None, paras[i][0], who))
    return found


def _interviewee(doc: Doc, paras: list[tuple[int, int]], first_q: int) -> Speaker | None:
    for s, e in paras[first_q : first_q + 1]:
        m = re.match(r"[—–-]\s*([A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ][\w-]+)\s*,", doc.text[s:e])
        if m:
            name = m.group(1)
            for p in doc.persons:
                if p.start < s and name in p.text.split():
                    return Speaker(p.text, p.start, p.end, "name", mention=p)
    intro_end = paras[first_q][0]
    named = [p for p in doc.persons if p.end <= intro_end and not doc.in_quote(p.start)]
    if named:
        p = named[-1]
        return Speaker(p.text, p.start, p.end, "name", mention=p)
    return None
