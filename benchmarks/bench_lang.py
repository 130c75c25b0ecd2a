"""Language ID's shortcuts against the detector, block by block, per corpus:

    python benchmarks/bench_lang.py [--shared ../shared] [--shares 0.5 0.75 0.9 1.0]

The English shortcut (``syuzhet.lang.by_words``, function words) is checked the same way on the Latin blocks
of the story corpus's dev articles and of the HTML extraction benchmark's pages (both held out: the word list
and its thresholds were set before either was read), with the detector's CPU on the blocks it settles and on
all of them (model loading included: the detector is a fresh one per corpus).

For every block the pipeline's cleaning makes (12+ letters, cut as ``syuzhet.lang.detect`` cuts it), the
detector's label (lingua, minus the languages whose letters are missing, as ``detect`` asks it) is compared
with what ``syuzhet.lang.by_letters`` would say at each minimum share of Cyrillic letters: blocks it settles,
blocks where it disagrees with the detector, and the detector's CPU on the blocks it settles. The shortcut was
written on SlavicNER; the other corpora (ner-uk texts, factRuEval devset texts, the story corpus's dev
articles in 26 languages) are held out.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from syuzhet import lang
from syuzhet.clean import clean
from syuzhet.model import Article


def corpora(shared: Path) -> dict[str, list[str]]:
    """Raw texts of each corpus."""
    found: dict[str, list[str]] = {
        "slavicner ru+uk (written on)": [
            p.read_text(encoding="utf-8") for p in sorted((shared / "corpus/slavicner/raw").glob("*/*/*.txt"))
        ],
        "ner-uk v2.0 texts (held out)": [
            p.read_text(encoding="utf-8") for p in sorted((shared / "corpus/ner-uk/v2.0").rglob("*.txt"))
        ],
        "factRuEval devset texts (held out)": [
            p.read_text(encoding="utf-8") for p in sorted((shared / "corpus/factru/devset").glob("*.txt"))
        ],
    }
    stories = shared / "corpus/stories/dev.jsonl"
    found["stories dev, 26 languages (held out)"] = [
        json.loads(line)["text"] or "" for line in stories.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return found


def blocks(texts: list[str]) -> Iterator[str]:
    """Every block of the cleaned texts, cut and filtered as ``detect`` does."""
    for raw in texts:
        article = clean(Article(source="bench", raw=raw))
        for block in article.blocks:
            text = lang.sample(article.text[block.start:block.end])
            if len(lang._LETTERS.findall(text)) >= lang._MIN_LETTERS:
                yield text


def latin_corpora(shared: Path) -> dict[str, list[Article]]:
    """Articles with Latin-script text: the story corpus's dev items and the extraction benchmark's pages."""
    import gzip

    from syuzhet.readers.html import read_html

    stories = shared / "corpus/stories/dev.jsonl"
    found = {"stories dev, 26 languages": [
        Article(source="bench", raw=json.loads(line)["text"] or "")
        for line in stories.read_text(encoding="utf-8").splitlines() if line.strip()]}
    pages = sorted((shared / "corpus/extraction/html").glob("*.html.gz"))
    found["extraction benchmark pages"] = [
        read_html(p.name, gzip.decompress(p.read_bytes()).decode("utf-8", "replace")) for p in pages]
    return found


def english(shared: Path) -> None:
    print("\n| corpus | Latin blocks | settled as English by words | disagreeing with the detector | "
          "detector CPU s on the settled blocks / on all |")
    print("|---|---|---|---|---|")
    for name, articles in latin_corpora(shared).items():
        lang.detector.cache_clear()
        rows: list[tuple[str, bool, float]] = []
        for article in articles:
            cleaned = clean(article)
            for block in cleaned.blocks:
                text = lang.sample(cleaned.text[block.start:block.end])
                letters = len(lang._LETTERS.findall(text))
                if letters < lang._MIN_LETTERS or not lang.mostly_latin(text, letters) or \
                        lang.is_kazakh_latin(text, letters):
                    continue
                ruled_out = frozenset(lang._REQUIRED_LETTERS)
                start = time.process_time()
                found = lang.detector(ruled_out).detect_language_of(text)
                spent = time.process_time() - start
                rows.append((found.iso_code_639_1.name.lower() if found else "und", lang.by_words(text, letters),
                             spent))
        settled = [r for r in rows if r[1]]
        wrong = [r for r in settled if r[0] != "en"]
        print(f"| {name} | {len(rows)} | {len(settled)} | {len(wrong)} {sorted({r[0] for r in wrong})} | "
              f"{sum(r[2] for r in settled):.2f} / {sum(r[2] for r in rows):.2f} |")
        missed = Counter(r[0] for r in rows if not r[1])
        print(f"| {name}: not settled, by detector label | {dict(missed.most_common())} | | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--shares", type=float, nargs="+", default=[0.5, 0.75, 0.9, 1.0])
    args = parser.parse_args()
    print("| corpus | blocks | min Cyrillic share | settled by letters | disagreeing with the detector | "
          "detector CPU s on the settled blocks / on all |")
    print("|---|---|---|---|---|---|")
    for name, texts in corpora(args.shared).items():
        rows: list[tuple[str, str | None, float, float]] = []  # detector label, letters' label, share, CPU
        for text in blocks(texts):
            ruled_out = frozenset(c for c, letters in lang._REQUIRED_LETTERS.items() if not letters.search(text))
            start = time.process_time()
            found = lang.detector(ruled_out).detect_language_of(text)
            spent = time.process_time() - start
            label = found.iso_code_639_1.name.lower() if found else "und"
            letters = len(lang._LETTERS.findall(text))
            quick = lang.by_letters(text, 0) if len(ruled_out) == len(lang._REQUIRED_LETTERS) else None
            share = len(lang._CYRILLIC.findall(text)) / letters
            rows.append((label, quick, share, spent))
        total_cpu = sum(r[3] for r in rows)
        for minimum in args.shares:
            settled = [r for r in rows if r[1] is not None and r[2] >= minimum]
            wrong = [r for r in settled if r[0] != r[1]]
            print(f"| {name} | {len(rows)} | {minimum:.2f} | {len(settled)} | {len(wrong)} "
                  f"{sorted({f'{r[0]}->{r[1]}' for r in wrong})} | "
                  f"{sum(r[3] for r in settled):.2f} / {total_cpu:.2f} |")
    english(args.shared)


if __name__ == "__main__":
    main()
