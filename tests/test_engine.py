"""Executors of the article stages: the local process pool and Ray give the same result as one process."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from syuzhet.engine import LocalEngine, make_engine
from syuzhet.engine.base import plan
from syuzhet.model import Article
from syuzhet.output import analysis_document
from syuzhet.pipeline import analyze
from syuzhet.problems import Problem

NEWS = (
    "Министр Сергей Орлов посетил завод в Казани\n\n"
    "Министр промышленности Сергей Орлов в среду посетил новый завод в Казани. «Производство выйдет на "
    "полную мощность к весне», — сказал Орлов журналистам. Губернатор Анна Белова добавила, что завод даст "
    "работу двум тысячам человек.\n"
)


def _items(n: int, problems: int = 0) -> list[Article | Problem]:
    return [Problem(f"bad{i}", "test") for i in range(problems)] + [Article(f"a{i}", "x") for i in range(n)]


@pytest.mark.parametrize(("articles", "problems", "workers", "cpus", "expect_workers", "expect_chunk"), [
    (1, 0, 4, 8, 1, 1),      # one article: one worker
    (5, 3, 4, 8, 4, 2),      # a short stream: every worker gets a share
    (5, 0, 2, 8, 2, 3),
    (100, 0, 4, 2, 2, 8),    # never more workers than CPUs
    (100, 0, 1, 8, 1, 8),
])
def test_plan_caps_workers_by_cpus_and_articles(articles: int, problems: int, workers: int, cpus: int,
                                                 expect_workers: int, expect_chunk: int) -> None:
    items = _items(articles, problems)
    got_workers, chunk, stream = plan(items, workers, 8, cpus)
    assert (got_workers, chunk) == (expect_workers, expect_chunk)
    assert list(stream) == items  # nothing lost or reordered by the look-ahead


def _write_corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        (folder / f"{i:02d}.txt").write_text(NEWS.replace("Казани", ["Казани", "Самаре", "Перми"][i % 3])
                                             + f"\nЗаметка номер {i}.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_process_pool_gives_the_same_analysis_as_one_process(tmp_path: Path) -> None:
    corpus = str(_write_corpus(tmp_path / "in", 10))
    one = analysis_document(analyze([corpus]))
    two = analysis_document(analyze([corpus], engine=LocalEngine(2, chunk=2)))  # five chunks over two workers
    assert one == two
    assert len(one["articles"]) == 10 and len(one["skipped"]) == 1


def test_a_failing_article_in_a_worker_is_a_problem_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from syuzhet import pipeline

    real = pipeline.process

    def fragile(article: Article, keep_raw: bool = False) -> Article:
        if article.source.endswith("07.txt"):
            raise RuntimeError("model failed")
        return real(article, keep_raw)

    monkeypatch.setattr(pipeline, "process", fragile)  # inherited by the forked workers
    corpus = str(_write_corpus(tmp_path / "in", 8))
    result = analyze([corpus], engine=LocalEngine(2, chunk=2))
    assert len(result.articles) == 7
    assert [str(p) for p in result.problems if "07.txt" in p.source] == [
        f"skipped: {corpus}/07.txt: processing failed (RuntimeError: model failed)"]


def _ray_or_fail() -> Any:
    try:
        import ray
    except ModuleNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must test the Ray engine: install syuzhet[ray]")
        pytest.skip("ray is not installed (pip install 'syuzhet[ray]')")
    return ray


def test_ray_engine_gives_the_same_analysis_as_the_local_one(seeds: Path) -> None:
    """A real local Ray cluster with 2 CPUs and two actors, each loading the models once."""
    ray = _ray_or_fail()
    local = analysis_document(analyze([str(seeds)]))
    engine = make_engine("ray", 2)
    try:
        assert ray.cluster_resources().get("CPU") == 2
        remote = analysis_document(analyze([str(seeds)], engine=engine))
    finally:
        engine.close()
    assert not ray.is_initialized()
    assert json.dumps(remote, sort_keys=True) == json.dumps(local, sort_keys=True)
    assert len(local["articles"]) == 5 and local["stories"]


def test_ray_engine_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from syuzhet.engine.ray import RayEngineError

    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed
    with pytest.raises(RayEngineError, match=r"pip install 'syuzhet\[ray\]'"):
        make_engine("ray", 2)


def test_address_needs_the_ray_engine() -> None:
    with pytest.raises(ValueError, match="--address needs --engine ray"):
        make_engine("local", 1, "auto")


def test_an_unreachable_cluster_is_one_clear_error_not_a_hang() -> None:
    import socket

    from syuzhet.engine.ray import RayEngineError

    _ray_or_fail()
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(RayEngineError, match=f"cannot reach a Ray cluster at 127.0.0.1:{port}"):
        make_engine("ray", 2, f"127.0.0.1:{port}")


def test_fewer_collections_sets_and_restores_the_collector_thresholds() -> None:
    import gc

    from syuzhet.engine.collector import THRESHOLDS, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
        assert THRESHOLDS[0] > before[0]
    assert gc.get_threshold() == before
