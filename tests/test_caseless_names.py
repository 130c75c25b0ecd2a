"""Kazakh in Arabic letters: transliterated to Cyrillic, names read by their shape and the gazetteer."""

from syuzhet.entities.keys import from_arabic, name_key
from syuzhet.entities.kk_names import caseless_name
from syuzhet.stories.text import analyse, fold


def test_arabic_kazakh_transliterates_to_the_cyrillic_key() -> None:
    assert from_arabic("توقايەۆ") == "тоқаев"  # й + е after a vowel is the iotated е
    assert from_arabic("ازيا") == "азия"
    assert name_key("توقايەۆ") == name_key("Тоқаев") == name_key("Токаев")
    assert fold("قازاقستان") == fold("Қазақстан")


def test_caseless_names_by_shape_and_gazetteer() -> None:
    assert caseless_name("тоқаевтың") == "тоқаев"  # a surname in the genitive
    assert caseless_name("қазақстан") == "Казахстан"  # the gazetteer's canonical form
    assert caseless_name("жұмысын") == ""  # an accusative ending is no surname
    assert caseless_name("мен") == ""  # too short to be read as a name
    word = analyse("قازاقستان", "kk", False)
    assert word.name and word.listed and word.key == fold("Казахстан")
    assert not analyse("پارلامەنت", "kk", False).name
