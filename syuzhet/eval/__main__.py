"""Evaluation commands: ``python -m syuzhet.eval COMMAND [options]``, COMMAND one of ``COMMANDS`` below."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "clean": "syuzhet.eval.clean",
    "lang": "syuzhet.eval.lang",
    "extraction": "syuzhet.eval.extraction",
    "ner-uk": "syuzhet.eval.ner_uk",
    "ner-en": "syuzhet.eval.ner_en",
    "quotes": "syuzhet.eval.quotes",
    "entities": "syuzhet.eval.entities",
    "stories": "syuzhet.eval.stories",
    "dossier": "syuzhet.eval.dossier",
    "timeline": "syuzhet.eval.timeline",
    "ingest": "syuzhet.eval.ingest",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m syuzhet.eval {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]])
    code: int = module.main(argv[1:])
    return code


sys.exit(main(sys.argv[1:]))
