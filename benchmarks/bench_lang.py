"""Language ID's letter shortcut against the detector, block by block, per corpus:

    python benchmarks/bench_lang.py [--shared ../shared] [--shares 0.5 0.75 0.9 1.0]

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
            text = article.text[block.start:block.end]
            if len(text) > lang.SAMPLE_CHARS:
                cut = text.rfind(" ", 0, lang.SAMPLE_CHARS)
                text = text[:cut if cut > lang.SAMPLE_CHARS // 2 else lang.SAMPLE_CHARS]
            if len(lang._LETTERS.findall(text)) >= lang._MIN_LETTERS:
                yield text


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


if __name__ == "__main__":
    main()
