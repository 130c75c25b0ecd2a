"""Unicode normalisation of decoded input: invisible characters out, typography («», —, ’) kept."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")  # C0 and C1 (U+0085 is a newline)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalize(text: str) -> str:
    """NFC, one kind of newline and space; no soft hyphens, zero-width or control characters."""
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text)


_WS_RUN = re.compile(r"[ ]{2,}")


def tidy_line(line: str) -> str:
    """A line with runs of spaces folded and ends stripped."""
    return _WS_RUN.sub(" ", line).strip()


def one_line(value: str, limit: int = 1000) -> str:
    """A metadata value (title, outlet, author...) as one printable line: normalised, no control characters or
    line breaks, at most ``limit`` characters."""
    return tidy_line(normalize(value[: limit * 4]).replace("\n", " "))[:limit]


_LATIN_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
# anchored at a word start: without \b a long all-Latin token is rescanned from each of its positions (quadratic)
_MIXED_WORD = re.compile(r"\b\w*[а-яёіїєґА-ЯЁІЇЄҐ]\w*")


def fold_lookalikes(text: str) -> str:
    """In words that mix scripts, Latin letters that look Cyrillic become Cyrillic ('Tекст' -> 'Текст');
    all-Latin words stay as they are."""
    return _MIXED_WORD.sub(lambda m: m.group().translate(_LATIN_LOOKALIKES), text)
