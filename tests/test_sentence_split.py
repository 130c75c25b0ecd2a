"""The project's sentence splitter (``syuzhet.stories.text.pieces``): razdel, with pieces joined after the
abbreviations of ``data/stories/abbreviations.txt`` that razdel takes for a sentence end, and cut where a
sentence end lost its space."""

from __future__ import annotations

from syuzhet.model import Article
from syuzhet.stories.text import pieces, split


def texts(text: str) -> list[str]:
    return [t for _, _, t in pieces(text)]


def test_a_month_abbreviation_before_a_day_does_not_end_the_sentence() -> None:
    assert texts("The council voted on Sept. 12 to close the bridge. Traffic moved at once.") == [
        "The council voted on Sept. 12 to close the bridge.", "Traffic moved at once."]


def test_a_title_never_ends_the_sentence_but_a_month_before_a_capital_does() -> None:
    assert texts("Dr. Brown met Gen. Green at noon. They left in Feb. Nobody stayed.") == [
        "Dr. Brown met Gen. Green at noon.", "They left in Feb.", "Nobody stayed."]


def test_offsets_point_into_the_text_and_other_languages_are_unchanged() -> None:
    text = "Заседание прошло 5 янв. в столице. Решение приняли единогласно. The vote came on Jan. 5 in town."
    for start, stop, piece in pieces(text):
        assert text[start:stop] == piece
    assert texts(text)[-1] == "The vote came on Jan. 5 in town."
    article = Article("x", text, text=text, id="x", lang="en")
    assert [s.text for s in split(article)] == texts(text)


def test_a_sentence_end_whose_space_was_lost_is_cut_but_site_names_and_abbreviations_are_not() -> None:
    text = "Вода поднялась у моста.Жители ушли. Читайте Example.Ru и Site.Com, им.Петрова и Ген.Директора."
    assert texts(text) == ["Вода поднялась у моста.", "Жители ушли.",
                           "Читайте Example.Ru и Site.Com, им.Петрова и Ген.Директора."]
    for start, stop, piece in pieces(text):
        assert text[start:stop] == piece
    assert texts("The bridge closed at noon.Drivers waited. See www.Example.News for more.") == [
        "The bridge closed at noon.", "Drivers waited.", "See www.Example.News for more."]


def test_a_list_items_bullet_is_not_part_of_its_sentence() -> None:
    text = "• The bridge reopened on Monday. Drivers waited.\n\n● Мост открыли в понедельник."
    article = Article("x", text, text=text, id="x", lang="en")
    sentences = split(article)
    assert [s.text for s in sentences] == ["The bridge reopened on Monday.", "Drivers waited.",
                                           "Мост открыли в понедельник."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_an_agency_dateline_is_not_part_of_the_first_sentence() -> None:
    text = ("SPRINGFIELD, Illinois (AP) — The bridge reopened on Monday.\n\nOSLO - Officials said so.\n\n"
            "США (по данным СМИ) — крупнейший покупатель. NATO - the alliance said so.")
    article = Article("x", text, text=text, id="x", lang="en")
    sentences = split(article)
    assert [s.text for s in sentences] == ["The bridge reopened on Monday.", "Officials said so.",
                                           "США (по данным СМИ) — крупнейший покупатель.",
                                           "NATO - the alliance said so."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_bracket_left_open_and_closed_at_the_next_pieces_start_is_one_sentence() -> None:
    assert texts("Trading opened at 13:30 local time (10:30 a.m. GMT) and the index fell. Later it rose.") == [
        "Trading opened at 13:30 local time (10:30 a.m. GMT) and the index fell.", "Later it rose."]
    assert texts("The plan (see the annex. It has two parts) was approved.") == [
        "The plan (see the annex. It has two parts) was approved."]
