"""Outlets whatever type the model gave them: press words, press nouns, mastheads."""

from __future__ import annotations

import pytest

from workbench.actors.outlets import is_outlet, named_outlets


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Baltic News Service said so.", "Baltic News Service", True),  # a press word
        ("She told state news agency Kanal Nine so.", "Kanal Nine", True),  # a noun before
        ("The Kanal Nine newspaper said so.", "Kanal Nine", True),  # a noun after
        ("According to the Times, it rained.", "Times", True),  # a masthead after "the"
        ("The Energy Agency said so.", "Energy Agency", False),  # a word others share
        ("She posted on her Kanal Nine channel.", "Kanal Nine", False),  # a messaging channel
        ("Times Square was full.", "Times", False),  # no "the"
        ("Murdoch's newspaper said so.", "Murdoch", False),  # an owner is no outlet
        ("She told the Baltic daily Kanal so.", "Kanal", True),  # "daily" after a nationality
        ("He briefs the daily Kanal so.", "Kanal", True),  # "daily" after "the"
        ("The daily Kanal briefing was long.", "Kanal", True),  # (a name it precedes)
        ("The Kanal Nine news website says so.", "Kanal Nine", True),  # a news website
        ("She told the Kanal Nine television channel so.", "Kanal Nine", True),
        ("She told state TV Kanal Nine so.", "Kanal Nine", True),  # state TV
        ("According to the Mail, it rained.", "Mail", True),  # a masthead after "the"
    ],
)
def test_is_outlet(text, name, expected):
    start = text.index(name)
    assert is_outlet(text, start, start + len(name), name) is expected


@pytest.mark.parametrize(
    ("text", "name", "kind", "expected"),
    [
        ("Mira Tal, a reporter for the Kanal Courier, said so.", "Kanal Courier", "ORG", True),
        ("Kanal Nine's chief correspondent said so.", "Kanal Nine", "ORG", True),
        ("Mira Tal told Kanal Nine in an interview that it rained.", "Kanal Nine", "ORG", True),
        ("Kanal Nine reported, citing sources, that it rained.", "Kanal Nine", "ORG", True),
        ("A source told the news agency, Kanal Nine.", "Kanal Nine", "ORG", True),  # apposition
        ("The Harbour Blog says so.", "Harbour Blog", "LOC", True),  # a press word
        ("Mira Tal told Ukraine in an interview that it rained.", "Ukraine", "GPE", False),
        ("A journalist with Omar Haddad said so.", "Omar Haddad", "PERSON", False),
        ("An interview with a newspaper, Ukraine's leader said so.", "Ukraine", "GPE", False),
        ("A pro-Kremlin newspaper said so.", "Kremlin", "ORG", False),  # a modifier
        ("Mira Tal told Kanal Nine that it rained.", "Kanal Nine", "ORG", False),
    ],
)
def test_is_outlet_by_press_roles(text, name, kind, expected):
    start = text.index(name)
    assert is_outlet(text, start, start + len(name), name, kind) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("It rained, Baltic broadcaster Kanal 3 reported.", ["Kanal 3"]),  # noun before
        ("According to the Baltic newspaper k-online, it rained.", ["k-online"]),  # lower case
        ("It rained, news agency kpa said.", ["kpa"]),
        ("She told the state-run Kanal-1 television channel.", ["Kanal-1"]),  # noun after
        ("The Baltic Kanal newspaper reported it.", ["Kanal"]),  # no nationality in the name
        ("A Kanal-linked media outlet, Vesti, said so.", ["Vesti"]),  # set off by commas
        ("According to the Post, it rained.", ["Post"]),  # a masthead
        ("It was reported, citing Baltic daily Kanal Nine.", ["Kanal Nine"]),
        # no names: a modifier, a nationality, a date, a messaging channel, a common word
        ("A pro-Kremlin newspaper said so.", []),
        ("The Baltic newspaper said so.", []),
        ("He told a local news outlet Tuesday.", []),
        ("She said on her Telegram channel Kanal that it rained.", []),
        ("The newspaper said it rained.", []),
        ("The news agency, Kanal Nine and others said so.", []),
        ("Local newspaper reports say so.", []),
        ("She told the news agency she was safe.", []),  # a pronoun is no lower-case name
        ("She told Baltic TV broadcaster Kanal Nine so.", ["Kanal Nine"]),  # "TV" no name
        # a masthead word ending a longer name after "the", but not before another name
        ("It was reported in the Harbour Post Mr Tal said.", ["Harbour Post"]),
        ("The Baltic Times reported it.", ["Baltic Times"]),
        ("The Harbour Independent Anti-Graft Bureau said so.", []),
        ("According to the Royal Mail, it rained.", []),
        # a website or a news portal names an outlet, but "a website post" names none
        ("He said in an interview with website k-online.", ["k-online"]),
        ("The news portal Kanal said so.", ["Kanal"]),
        ("The group said so in a website post.", []),
        # "media outlet" after a name
        ("An investigation by Kanal Nine media outlet found it.", ["Kanal Nine"]),
    ],
)
def test_named_outlets(text, names):
    assert [name for _, _, name in named_outlets(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # "publication" is a press noun
        ("He told the Baltic publication Kanal that it rained.", ["Kanal"]),
        # a news channel on a messaging app, not someone's own channel
        ("The Telegram channel Kanal said so.", ["Kanal"]),
        ("According to Telegram channel Kanal Nine, it rained.", ["Kanal Nine"]),
        ("The governor's Telegram channel Kanal said so.", []),
        ("In his Telegram channel, Mira Tal said so.", []),
        # a name ending like a nationality is still a name; a nationality is none
        ("In an interview with the Harbour Statesman magazine, he said so.", ["Harbour Statesman"]),
        ("She told the Borlan news agency that it rained.", ["Borlan"]),
        ("The Norwegian news agency said so.", []),
        # an academic journal is no outlet; other mastheads before "of" still are
        ("A study in the Journal of Harbour Studies found it.", []),
        ("An analysis by the Observer of the data found it.", ["Observer"]),
        # after "told a news agency", a name before a verb opens what was told
        ("She told a state news agency Kanal was safe.", []),
        ("She told the state news agency Kanal that it rained.", ["Kanal"]),
    ],
)
def test_named_outlets_more_nouns(text, names):
    assert [name for _, _, name in named_outlets(text)] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She told the Baltic publication Kanal Nine so.", "Kanal Nine"),
        ("The Telegram channel Kanal Nine said so.", "Kanal Nine"),
    ],
)
def test_is_outlet_more_nouns(text, name):
    start = text.index(name)
    assert is_outlet(text, start, start + len(name), name)


def test_a_name_before_a_press_noun_and_another_name_is_a_modifier():
    text = "In an interview with the Jesuit magazine La Civilta, he spoke."
    assert [n for _, _, n in named_outlets(text)] == ["La Civilta"]
    a = text.index("Jesuit")
    assert not is_outlet(text, a, a + 6, "Jesuit", "ORG")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("She told ABC affiliate WKAN so.", ["WKAN"]),
        ("Police told local channel Kanal 24 that it rained.", ["Kanal 24"]),
        ("Baltic outlet Kanalnews confirmed it.", ["Kanalnews"]),
        ("It ran in The Harbour, an upstate newspaper, on Friday.", ["Harbour"]),
        ("Mira Tal, a Baltic newspaper editor, said so.", []),
        ("Mira Tal, a reporter for the newspaper, said so.", []),
        ("Tal told the Harbour Morning News.", ["Harbour Morning News"]),
        ("As Harbour News reported, it rained.", ["Harbour News"]),
        ("It was on Baltic TV.", []),
        ("He wrote an op-ed published in The Harbour Review.", ["Harbour Review"]),
        ("The ISIS affiliate Kanal claimed it.", []),
        ("He crossed the English Channel Tuesday.", []),
        ("She told an upstate Harbour newspaper so.", []),
    ],
)
def test_named_outlets_by_more_signs(text, names):
    assert [name for _, _, name in named_outlets(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a nationality before any masthead word after "the"
        ("Tal told the Scottish Sun that it fell.", ["Scottish Sun"]),
        ("Tal spoke to the Irish Examiner.", ["Irish Examiner"]),
        ("Tal watched the Russian Star Wars.", []),
        # a participle and its preposition after the apposed press noun
        ("A source told Kanal, a media outlet linked to exiled reporters.", ["Kanal"]),
        ("Kanal, a newspaper backed by the state, said so.", ["Kanal"]),
        # a name before "state television"
        ("Tal told Kanal state television that it fell.", ["Kanal"]),
        ("Tal told Russian state television that it fell.", []),
        ("Tal told Kanal state TV that it fell.", ["Kanal"]),
    ],
)
def test_named_outlets_general_patterns(text, names):
    assert [n for _, _, n in named_outlets(text)] == names
