"""Exact and near-duplicates: reprints with edits, partial reprints, new headlines; distinct stories apart."""

from __future__ import annotations

from syuzhet.dedupe import dedupe
from syuzhet.model import Article
from syuzhet.pipeline import process

SENTENCES = [
    "Президент Казахстана прибыл в Москву с государственным визитом и провёл переговоры в Кремле.",
    "Стороны подписали декларацию о всеобъемлющем стратегическом партнёрстве и союзничестве.",
    "Кроме того, были подписаны соглашения о сотрудничестве в энергетике, транспорте и образовании.",
    "Отдельно обсуждалось строительство атомной электростанции и поставки газа в северные регионы.",
    "Эксперты отмечают, что визит стал первым государственным визитом за всю историю отношений.",
    "Вечером лидеры посетили концерт мастеров искусств в Большом театре и осмотрели выставку.",
]
OTHER = [
    "Футбольный клуб из Алматы обыграл соперника в матче Лиги конференций со счётом два один.",
    "Главный тренер команды похвалил игроков за дисциплину и самоотдачу на протяжении всей игры.",
    "Следующий матч команда проведёт на выезде через две недели против чемпиона Норвегии.",
    "Болельщики заполнили стадион полностью, билеты были распроданы за несколько часов.",
]


def article(source: str, title: str, sentences: list[str], date: str | None = None) -> Article:
    raw = f"{title}\n\n" + "\n\n".join(sentences)
    result = process(Article(source=source, raw=raw))
    result.date = date or result.date
    return result


def test_duplicates_point_to_the_earliest_copy() -> None:
    original = article("a", "Кулаев прибыл в Москву с визитом", SENTENCES, "2025-11-12")
    edited = [s.replace("провёл", "провел").replace("Кроме того, были", "Также были") for s in SENTENCES]
    batch = [
        article("reprint-later", "Кулаев прибыл в Москву с визитом", edited, "2025-11-13"),
        original,
        article("first-half", "Визит Кулаева: главное", SENTENCES[:3], "2025-11-14"),
        article("new-headline", "В Кремле подписали декларацию", SENTENCES, "2025-11-13"),
        article("exact", "Кулаев прибыл в Москву с визитом", SENTENCES, "2025-11-12"),
        article("other", "Кайрат обыграл соперника", OTHER, "2025-11-12"),
    ]
    by_source = {a.source: a for a in dedupe(batch)}
    assert by_source["a"].duplicate_of is None
    for name in ("reprint-later", "first-half", "new-headline", "exact"):
        assert by_source[name].duplicate_of == original.id, name
    assert by_source["other"].duplicate_of is None
    assert len({a.id for a in batch}) == len(batch)  # an exact copy gets its own record id


def test_short_shared_boilerplate_is_not_a_duplicate() -> None:
    a = article("a", "Заголовок первой новости дня", [SENTENCES[0], OTHER[0]])
    b = article("b", "Заголовок второй новости дня", [SENTENCES[0], OTHER[1]])
    dedupe([a, b])
    assert b.duplicate_of is None


def test_minhash_values_are_datasketchs() -> None:
    """``syuzhet.minhash`` gives datasketch's MinHash values bit for bit (stored band keys stay valid)."""
    import random

    from datasketch import MinHash

    from syuzhet.dedupe import NUM_PERM, SEED
    from syuzhet.minhash import hash_values

    rng = random.Random(5)
    for size in (0, 1, 2, 7, 300):
        grams = [" ".join(rng.choice(["слово", "word", "сөз", "слово́", "x"]) + str(rng.randrange(10**6))
                          for _ in range(3)).encode("utf-8") for _ in range(size)]
        theirs = MinHash(num_perm=NUM_PERM, seed=SEED)
        theirs.update_batch(grams)
        ours = hash_values(iter(grams), NUM_PERM, SEED)
        assert ours.dtype == theirs.hashvalues.dtype
        assert ours.tolist() == theirs.hashvalues.tolist()
        assert ours.tobytes() == theirs.hashvalues.tobytes()
    other = MinHash(num_perm=16, seed=3)
    other.update_batch([b"a", b"b"])
    assert hash_values([b"a", b"b"], 16, 3).tolist() == other.hashvalues.tolist()
