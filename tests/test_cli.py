"""The command line end to end, as a user runs it (a real subprocess, a real database file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from syuzhet.output import validate

TEXT = (
    "Президент Казахстана прибыл в Москву\n\n"
    "Переговоры президентов прошли в Кремле и завершились подписанием декларации о союзничестве. "
    "Стороны договорились о сотрудничестве в энергетике, транспорте и образовании.\n"
)


def syuzhet(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "syuzhet", *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_analyze_seeds_writes_valid_json(seeds: Path, tmp_path: Path) -> None:
    run = syuzhet("analyze", str(seeds), "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    document = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    validate(document)
    assert len(document["articles"]) == 5
    assert {a["lang"] for a in document["articles"]} == {"ru", "uk"}
    assert all(a["source"].startswith(str(seeds)) for a in document["articles"])
    assert "5 articles read, 0 skipped, 0 duplicates; languages: ru 4, uk 1" in run.stderr


def test_explain_names_the_rules(seeds: Path, tmp_path: Path) -> None:
    run = syuzhet("analyze", str(seeds), "--out", str(tmp_path), "--explain")
    for rule in ("cookie_banner", "photo_credit", "byline", "furniture_section", "template_placeholder",
                 "view_counter", "title_line", "section_heading"):
        assert rule in run.stderr, rule


def test_stdin_and_exit_status(tmp_path: Path) -> None:
    run = syuzhet("analyze", "-", "--out", str(tmp_path), stdin=TEXT)
    assert run.returncode == 0
    [article] = json.loads((tmp_path / "analysis.json").read_text())["articles"]
    assert article["source"] == "-" and article["title"] == "Президент Казахстана прибыл в Москву"
    (tmp_path / "empty.txt").write_text("")
    run = syuzhet("analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"))
    assert run.returncode == 1
    assert f"skipped: {tmp_path / 'empty.txt'}: empty file" in run.stderr


def test_ingest_twice_search_and_list(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT)
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    db = str(tmp_path / "store.db")
    first = syuzhet("ingest", str(tmp_path / "in"), "--db", db)
    assert first.returncode == 0 and "1 new" in first.stderr and "bad.txt: binary file (PNG" in first.stderr
    second = syuzhet("ingest", str(tmp_path / "in"), "--db", db)
    assert "0 new, 1 already stored" in second.stderr and "1 articles in" in second.stderr
    listed = syuzhet("articles", "--db", db, "--json")
    [record] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert record["title"] == "Президент Казахстана прибыл в Москву"
    found = syuzhet("search", "Кремл", "--db", db, "--json")
    assert json.loads(found.stdout)["snippet"].count("[") == 1
    table = syuzhet("search", "декларации", "--db", db)
    assert record["id"] in table.stdout and "[декларации]" in table.stdout


def test_bad_batch_loses_nothing_already_stored(tmp_path: Path) -> None:
    from tests.test_readers import make_bad_inputs

    db = str(tmp_path / "store.db")
    (tmp_path / "good.txt").write_text(TEXT)
    syuzhet("ingest", str(tmp_path / "good.txt"), "--db", db)
    bad = tmp_path / "bad"
    bad.mkdir()
    make_bad_inputs(bad)
    run = syuzhet("ingest", str(bad), "--db", db)
    assert run.returncode == 1
    assert len([line for line in run.stderr.splitlines() if line.startswith("syuzhet: skipped:")]) == 7
    listed = syuzhet("articles", "--db", db, "--json")
    assert len(listed.stdout.splitlines()) == 1


@pytest.mark.parametrize("command", [["articles"], ["search", "x"], ["stories"], ["entities"], ["quotes"]])
def test_missing_store_is_a_clear_error(tmp_path: Path, command: list[str]) -> None:
    run = syuzhet(*command, "--db", str(tmp_path / "none.db"))
    assert run.returncode == 2 and "no such store" in run.stderr


def test_store_commands_on_the_seeds(seeds: Path, tmp_path: Path) -> None:
    """Ingest the seeds one file per run; the store's story, entities and quotes as the commands list them."""
    db = str(tmp_path / "store.db")
    for path in sorted(seeds.iterdir()):
        run = syuzhet("ingest", str(path), "--db", db)
        assert run.returncode == 0 and "1 new" in run.stderr, run.stderr
    [story] = [json.loads(line) for line in syuzhet("stories", "--db", db, "--json").stdout.splitlines()]
    assert len(story["articles"]) == 5 and len(story["outlets"]) == 5 and story["title"]
    explained = syuzhet("stories", story["id"], "--db", db, "--explain").stdout
    assert "opened the story" in explained and explained.count("joined with p=") == 4

    entities = [json.loads(line) for line in syuzhet("entities", "--db", db, "--json", "--type", "PER").stdout
                .splitlines()]
    tokaev = next(e for e in entities if e["name"] == "Касым-Жомарт Токаев")
    assert len(tokaev["articles"]) == 5 and sum(tokaev["outlets"].values()) == tokaev["mentions"]
    assert {"Токаєва", "Токаєв"} & set(tokaev["forms"]) or any("Токаєв" in f for f in tokaev["forms"])
    in_story = syuzhet("entities", "--db", db, "--story", story["id"]).stdout
    assert "Касым-Жомарт Токаев" in in_story and "ОДКБ" in in_story

    [quotes] = [json.loads(line) for line in syuzhet("quotes", "--db", db, "--json").stdout.splitlines()]
    by_name = {group["name"]: group["quotes"] for group in quotes["speakers"]}
    assert any(q["kind"] == "direct" for q in by_name["Андрей Серенко"])
    assert all(q["article"] in story["articles"] for qs in by_name.values() for q in qs)
    assert "Андрей Серенко" in syuzhet("quotes", story["id"], "--db", db).stdout
    missing = syuzhet("quotes", "s-none", "--db", db)
    assert missing.returncode == 2 and "no such story: s-none" in missing.stderr
