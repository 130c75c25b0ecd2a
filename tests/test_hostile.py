"""Hostile input, probe by probe (issue 11): each gives one clear line and its exit status, never a traceback,
and nothing stored is lost or changed by a read command. The CLI runs in this process (``cli.main`` with its
arguments) except where real concurrent processes are the point."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from syuzhet import analyze, cli
from syuzhet.bounds import MAX_ARTICLE_CHARS, usable_cpus, worker_count
from syuzhet.dates import normalize_date
from syuzhet.model import Article
from syuzhet.pipeline import process_guarded
from syuzhet.problems import Problem
from syuzhet.readers import read
from syuzhet.readers.decode import decode
from syuzhet.store import Store
from syuzhet.store.schema import SCHEMA_VERSION
from syuzhet.text import fold_lookalikes

BODY = ("Министр транспорта сообщил журналистам, что новый мост через реку откроют весной. "
        "Строительство обошлось городу дешевле, чем планировали, и закончилось на месяц раньше срока.")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``syuzhet ARGS`` through ``cli.main`` (the console script's entry point)."""
    argv = sys.argv
    sys.argv = ["syuzhet", *args]
    try:
        cli.main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.argv = argv
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.out, captured.err


def jsonl(path: Path, *items: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


def ingest(capsys: pytest.CaptureFixture[str], tmp_path: Path, *items: dict[str, object]) -> Path:
    db = tmp_path / "store.db"
    code, _, err = run(capsys, "ingest", str(jsonl(tmp_path / "in.jsonl", *items)), "--db", str(db))
    assert code == 0, err
    return db


# -- 1. dates from every reader ------------------------------------------------------------------------------
@pytest.mark.parametrize(("given", "stored"), [
    ("2025-11-12T10:00:00Z", "2025-11-12"), ("12.11.2025", "2025-11-12"),
    ("Wed, 12 Nov 2025 10:00:00 +0300", "2025-11-12"), (1762941600, "2025-11-12"), ("1762941600000", "2025-11-12"),
    ("2025-02-30", None), ("soon", None), (True, None), (["2025-11-12"], None),
])
def test_dates_are_normalised_or_dropped(given: object, stored: str | None) -> None:
    assert normalize_date(given) == stored


def test_odd_dates_analyse_ingest_and_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    items = [{"text": f"{BODY} ({n})", "title": f"Мост {n}", "date": d}
             for n, d in enumerate(["2025-11-12T10:00:00Z", "12.11.2025", "Wed, 12 Nov 2025 10:00:00 +0300",
                                    1762941600, "not a date"])]
    code, _, err = run(capsys, "analyze", str(jsonl(tmp_path / "d.jsonl", *items)), "--out", str(tmp_path / "o"))
    assert code == 0 and "date 'not a date' not understood; left empty" in err
    dates = [a["date"] for a in json.loads((tmp_path / "o" / "analysis.json").read_text())["articles"]]
    assert sorted(dates, key=str) == ["2025-11-12"] * 4 + [None]
    db = ingest(capsys, tmp_path, *items)
    stored = {r[0] for r in sqlite3.connect(db).execute("SELECT date FROM articles")}
    assert stored == {"2025-11-12", None}
    assert run(capsys, "report", "--db", str(db), "--out", str(tmp_path / "r"))[0] == 0


def test_an_unreadable_address_loses_no_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """'http://[broken' makes ``urlsplit`` raise: the article is kept, its outlet and title read without it."""
    items = [{"text": f"{BODY} ({n})", "title": f"Мост через реку открыли весной {n} | Example", "url": url}
             for n, url in enumerate(["http://[broken/a", "https://example.org/b"])]
    code, _, err = run(capsys, "analyze", str(jsonl(tmp_path / "u.jsonl", *items)), "--out", str(tmp_path / "o"))
    assert code == 0 and "skipped" not in err.replace("0 skipped", "")
    articles = json.loads((tmp_path / "o" / "analysis.json").read_text())["articles"]
    assert sorted(a["title"] for a in articles) == ["Мост через реку открыли весной 0 | Example",
                                                    "Мост через реку открыли весной 1"]
    assert run(capsys, "report", "--db", str(ingest(capsys, tmp_path, *items)), "--out", str(tmp_path / "r"))[0] == 0


# -- 2. quadratic regex on a long token; 14. encodings, paths and numbers ------------------------------------
def test_long_tokens_are_linear() -> None:
    assert fold_lookalikes("a" * 200_000 + " Tекст") == "a" * 200_000 + " Текст"


def test_utf16_without_bom_and_odd_arguments(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert decode(BODY.encode("utf-16-le"))[0] == BODY
    assert decode(BODY.encode("utf-16-be"))[0] == BODY
    for bad in ("inf", "nan", "1e309"):
        code, _, err = run(capsys, "analyze", "x.txt", "--max-size", bad, "--out", str(tmp_path / "o"))
        assert code == 2 and "Invalid value" in err
    code, _, err = run(capsys, "analyze", "", "--out", str(tmp_path / "o"))
    assert code == 1 and "skipped: '': empty path" in err
    (tmp_path / "a.txt").write_text("Мост открыт\n\n" + BODY, encoding="utf-8")
    assert len(analyze(tmp_path / "a.txt").articles) == 1  # a Path, not only str


# -- 3. memory and text bounds; 4. devices and pipes -------------------------------------------------------
def test_huge_single_paragraph_is_cut_and_bounded(tmp_path: Path) -> None:
    words = BODY.split()
    text = " ".join(words[i % len(words)] for i in range(1_500_000))  # ~12 MB, one paragraph
    path = jsonl(tmp_path / "big.jsonl", {"text": text, "title": "Большой"})
    child = subprocess.run([sys.executable, "-c", (
        "import resource, sys; from syuzhet.cli import main; sys.argv[1:] = sys.argv[2:]\n"
        "try: main()\nfinally: print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"),
        "-", "analyze", str(path), "--out", str(tmp_path / "o")], capture_output=True, text=True, timeout=600)
    assert child.returncode == 0 and "Traceback" not in child.stderr, child.stderr
    assert "big.jsonl#1: text cut to its first 99,9" in child.stderr  # at a word break before the limit
    [article] = json.loads((tmp_path / "o" / "analysis.json").read_text())["articles"]
    assert len(article["text"]) <= MAX_ARTICLE_CHARS + len("Большой\n\n")  # the title comes first
    peak_kb = int(child.stderr.rsplit("peak ", 1)[1].split()[0])
    assert peak_kb < 1.5 * 1024 * 1024, peak_kb


def test_devices_and_pipes_are_read_within_the_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "analyze", "/dev/zero", "--max-size", "1", "--out", str(tmp_path / "o"))
    assert code == 1 and "skipped: /dev/zero: input too large (over 1.0 MB" in err
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def endless() -> None:
        try:
            with fifo.open("wb") as sink:
                while True:
                    sink.write(b"x\n" * 65536)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=endless, daemon=True)
    writer.start()
    code, _, err = run(capsys, "analyze", str(fifo), "--max-size", "1", "--out", str(tmp_path / "o"))
    assert code == 1 and f"skipped: {fifo}: input too large" in err
    gz = tmp_path / "bomb.txt.gz"
    gz.write_bytes(gzip.compress(b"x " * (3 * 1024 * 1024)))
    code, _, err = run(capsys, "analyze", str(gz), "--max-size", "1", "--out", str(tmp_path / "o"))
    assert "too large once decompressed" in err


def test_an_article_past_its_time_is_skipped_with_a_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Мост открыт\n\n" + (BODY + "\n") * 200, encoding="utf-8")
    [article] = [a for a in read([str(tmp_path / "a.txt")]) if isinstance(a, Article)]
    problem = process_guarded(article, max_seconds=0.01)
    assert isinstance(problem, Problem) and "processing stopped: took over 0.01 s" in problem.reason
    assert isinstance(process_guarded(article, max_seconds=None), Article)


# -- 5. workers ----------------------------------------------------------------------------------------------
def test_workers_are_capped_by_cpus_and_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert worker_count(100_000, 5) == min(5, usable_cpus())
    assert worker_count(8, 1) == 1
    for n in range(2):
        (tmp_path / f"{n}.txt").write_text(f"Мост {n}\n\n{BODY} {n}", encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(tmp_path), "-j", "100000", "--out", str(tmp_path / "o"))
    assert code == 0 and "2 articles read" in err


# -- 6, 7. markup and control characters in what is printed ------------------------------------------------
def test_titles_are_never_markup_or_terminal_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ingest(capsys, tmp_path, {"text": BODY, "title": "Мост [/x] [link=http://example.invalid]открыт[/link]",
                                   "outlet": "Вестник\x1b]0;pwned\x07\x1b[2J\x9b31m"})
    for command in (["articles"], ["stories"], ["search", "мост"], ["entities"], ["quotes"]):
        code, out, err = run(capsys, *command, "--db", str(db))
        assert code == 0, (command, err)
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    out = run(capsys, "articles", "--db", str(db))[1]
    assert "[/x]" in out and "Вестник]0;pwned" in out.replace("[2J31m", "")
    stored = sqlite3.connect(db).execute("SELECT outlet FROM articles").fetchone()[0]
    assert "\x1b" not in stored and "\x07" not in stored


# -- 8. two ingests at once -------------------------------------------------------------------------------
def test_an_article_stored_by_another_ingest_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The interleaving that raced: ingest B checks ``has`` before ingest A commits the same article, then
    writes it after A did. B must skip it, not die on the UNIQUE constraint."""
    [article] = analyze(jsonl(tmp_path / "in.jsonl", {"text": BODY, "title": "Мост"})).articles
    db = tmp_path / "store.db"
    with Store(db) as first, Store(db) as second:
        looks = [False]  # B's first look, taken before A's commit
        real_has = second.has
        monkeypatch.setattr(second, "has", lambda article_id: looks.pop() if looks else real_has(article_id))
        assert first.add(article)
        assert second.add(article) is False
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


# -- 9. folders that cannot be listed ----------------------------------------------------------------------
def test_unlistable_paths_give_a_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Мост открыт\n\n" + BODY, encoding="utf-8")
    (folder / "proc").symlink_to("/proc/1/cwd")
    code, _, err = run(capsys, "analyze", str(folder), str(folder / "proc"), "--out", str(tmp_path / "o"))
    assert code == 0 and "1 articles read" in err
    if not os.access("/proc/1/cwd", os.R_OK):  # not for this user: say so, go on
        assert f"skipped: {folder / 'proc'}: cannot read: Permission denied" in err
    if os.geteuid() != 0:  # root reads every folder
        locked = folder / "locked"
        locked.mkdir()
        locked.chmod(0o600)
        try:
            err = run(capsys, "analyze", str(folder), "--out", str(tmp_path / "o"))[2]
            assert f"skipped: {locked}: cannot list folder" in err
        finally:
            locked.chmod(0o700)


# -- 10. deep JSON; 16. entities in feeds, repeats within one input ------------------------------------------
def test_a_deep_line_loses_only_itself(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"text": BODY, "title": "Мост"}, ensure_ascii=False)
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + good.replace("Мост", "Мосты") + "\n")
    code, _, err = run(capsys, "analyze", str(path), "--out", str(tmp_path / "o"))
    assert code == 0 and f"skipped: {path}#2: line 2 is not usable JSON: nested too deeply" in err
    assert "2 articles read" in err


def test_feed_entities_and_repeats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Лента</title><item>"
                    f"<title>Мост &amp;quot;Северный&amp;quot;</title><description>{BODY} Он сказал &amp;quot;да"
                    f"&amp;quot;.</description></item></channel></rss>", encoding="utf-8")
    assert run(capsys, "analyze", str(feed), "--out", str(tmp_path / "o"))[0] == 0
    [article] = json.loads((tmp_path / "o" / "analysis.json").read_text())["articles"]
    assert '"да"' in article["text"] and "&quot;" not in article["text"] + (article["title"] or "")
    item = {"text": BODY, "title": "Мост"}
    db = tmp_path / "store.db"
    _, _, err = run(capsys, "ingest", str(jsonl(tmp_path / "twice.jsonl", item, item)), "--db", str(db))
    assert "1 new, 0 already stored, 1 repeated within this input" in err


# -- 11. output paths checked before the work --------------------------------------------------------------
@pytest.mark.parametrize("target", ["file", "/proc/syuzhet-out"])
def test_unwritable_out_fails_first(capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str) -> None:
    out = tmp_path / "taken" if target == "file" else Path(target)
    if target == "file":
        out.write_text("mine")
    code, _, err = run(capsys, "analyze", "/dev/null", "--out", str(out))
    assert code == 2 and f"syuzhet: cannot write to {out}" in err and "skipped" not in err
    if target == "file":
        assert out.read_text() == "mine"


# -- 12, 13. read commands never write; foreign, empty, newer or damaged stores ----------------------------
def _snapshot(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


@pytest.mark.parametrize(("make", "says"), [
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE notes (x)").connection.commit(), "another application"),
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000), "not a usable syuzhet store"),
])
def test_read_commands_refuse_and_never_write(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              make: Callable[[Path], None], says: str) -> None:
    db = tmp_path / "other.db"
    make(db)
    before = _snapshot(db)
    for command in (["articles"], ["stories"], ["search", "x"], ["entities"], ["quotes"], ["report", "-o",
                                                                                          str(tmp_path / "r")]):
        code, _, err = run(capsys, *command, "--db", str(db))
        assert code == 2 and says in err, (command, err)
    assert _snapshot(db) == before


def test_version_and_damage_are_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ingest(capsys, tmp_path, {"text": BODY, "title": "Мост"})
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    assert "store schema version 99" in run(capsys, "articles", "--db", str(db))[2]
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        connection.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(db.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\x00" * 4096  # a page in the middle
    db.write_bytes(bytes(data))
    for command in (["articles"], ["stories"], ["report", "-o", str(tmp_path / "r")]):
        code, _, err = run(capsys, *command, "--db", str(db))
        assert code == 2 and ("damaged" in err or "not a usable" in err), (command, err)
