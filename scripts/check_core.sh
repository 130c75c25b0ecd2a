#!/usr/bin/env bash
# The core install (`pip install -e .`, no extras) on its own: a throw-away venv with the pinned core
# requirements, then analyse, ingest, list and search the seeds. Fails if any core command fails, prints a
# traceback, or does not say (once) which extra the NLP stages need.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-../shared/corpus/seeds}"
[ -d "$seeds" ] || { echo "check_core: no seeds at $seeds (CI puts ../shared beside the repository)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip install --quiet -c constraints.txt -e .
syuzhet="$work/venv/bin/syuzhet"
"$syuzhet" analyze "$seeds" --out "$work/out" 2> "$work/analyze.err"
"$syuzhet" ingest "$seeds" --db "$work/store.db" 2> "$work/ingest.err"
"$syuzhet" articles --db "$work/store.db" > "$work/articles.out" 2> "$work/articles.err"
"$syuzhet" search "Москв" --db "$work/store.db" > "$work/search.out" 2> "$work/search.err"
fail() { echo "check_core: $*" >&2; cat "$work"/*.err >&2; exit 1; }
grep -q "Traceback" "$work"/*.err && fail "a traceback"
[ "$(grep -c "pip install 'syuzhet\[nlp\]'" "$work/analyze.err")" = 1 ] || fail "the nlp extra is not named exactly once"
grep -q "5 articles read, 0 skipped" "$work/analyze.err" || fail "analyze did not read the five seeds"
grep -q "5 new" "$work/ingest.err" || fail "ingest did not store the five seeds"
[ -s "$work/search.out" ] || fail "search found nothing"
echo "check_core: the core install reads, cleans, stores, lists and searches without the nlp extra"
