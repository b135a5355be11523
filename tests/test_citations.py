"""Citations: outlets known by the press words around them, on invented sentences."""

from __future__ import annotations

import pytest
from test_quotes import _tables

from workbench.actors.citations import extract_citations
from workbench.actors.gazetteer import Entry, Gazetteer


@pytest.mark.parametrize(
    ("text", "actors", "cited"),
    [
        # a long description ending in a press noun after "told" / "according to"
        ("Mira Tal told the Russian state news agency Kanal on Friday.", [("Kanal", "MEDIA")], 1),
        ("It rained, according to the local media outlet, Kanal.", [("Kanal", "ORG")], 1),
        ("A source told the state-owned news agency, Kanal Nine.", [("Kanal Nine", "ORG")], 1),
        # a press role makes an unknown body an outlet, and its reporter speaks for it
        ("Kanal Nine's correspondent said the bridge fell.", [("Kanal Nine", "ORG")], 1),
        (
            "Mira Tal, a correspondent for the Harbour Courier, wrote that it fell.",
            [("Harbour Courier", "ORG")],
            1,
        ),
        (
            "Mira Tal, a correspondent for the Harbour Courier, was wounded.",
            [("Harbour Courier", "ORG")],
            0,
        ),
        ("Mira Tal told Kanal Nine in an interview that it rained.", [("Kanal Nine", "ORG")], 1),
        ("Kanal Nine reported, citing sources, that it rained.", [("Kanal Nine", "ORG")], 1),
        ("Mira Tal told Kanal Nine that it rained.", [("Kanal Nine", "ORG")], 0),
        # a blog is an outlet by its name
        ("The Harbour Blog says six tanks were hit.", [("Harbour Blog", "LOC")], 1),
        # a body the corpus shows an outlet elsewhere is cited by the strong cues
        (
            "Kanal magazine ran a profile. His fortune is large, according to Kanal.",
            [("Kanal", "ORG"), ("Kanal", "ORG")],
            1,
        ),
        ("His fortune is large, according to Kanal.", [("Kanal", "ORG")], 0),
        # ... but not a body named mostly as a body: one outlet-like mention is not enough
        (
            "Kanal magazine ran a profile. Kanal said it would sue. Kanal denied it. "
            "Kanal declined to comment. His fortune is large, according to Kanal.",
            [("Kanal", "ORG")] * 5,
            0,
        ),
        # not outlets: a person, a country, a hyphenated modifier, a list after a comma
        ("Mira Tal told Ukraine in an interview that it rained.", [("Ukraine", "GPE")], 0),
        (
            "In an interview with an Iranian newspaper, Iran's minister said so.",
            [("Iran", "GPE")],
            0,
        ),
        (
            "Mira Tal, correspondent for pro-Kremlin newspaper Kanal, said so. "
            "Peace is near, according to the Kremlin.",
            [("Kremlin", "ORG"), ("Kanal", "ORG"), ("Kremlin", "ORG")],
            1,
        ),
    ],
)
def test_outlets_known_by_their_context(text, actors, cited):
    _, mentions, sentences = _tables(text, actors)
    out = extract_citations(mentions, sentences)
    assert len(out) == cited
    assert "Kremlin" not in set(out["cited"])


@pytest.mark.parametrize(
    ("text", "actors", "cited"),
    [
        # a reporting verb after the words it reports, and cues that cite only outlets
        ("Peace is near, reports the Daily Globe.", [("Daily Globe", "MEDIA")], ["Daily Globe"]),
        ('"It fell," reported Baltic news outlet Kanal.', [("Kanal", "ORG")], ["Kanal"]),
        (
            "It fell, Kanal reported, citing the Daily Globe.",
            [("Kanal", "MEDIA"), ("Daily Globe", "MEDIA")],
            ["Daily Globe", "Kanal"],
        ),
        (
            "A statement carried by the Daily Globe said so.",
            [("Daily Globe", "MEDIA")],
            ["Daily Globe"],
        ),
        ("Mira Tal said on Daily Globe that it fell.", [("Daily Globe", "MEDIA")], ["Daily Globe"]),
        ("He said in remarks aired on Daily Globe.", [("Daily Globe", "MEDIA")], ["Daily Globe"]),
        ("She ran onto a live broadcast on Daily Globe.", [("Daily Globe", "MEDIA")], []),
        ("The Kanal Nine news website quotes a soldier.", [("Kanal Nine", "ORG")], ["Kanal Nine"]),
        # not outlets: the same cues before a body or a person
        ("It fell, citing the Energy Agency.", [("Energy Agency", "ORG")], []),
        ("It fell, said Mira Tal.", [("Mira Tal", "PERSON")], []),
        # outlets only the press noun names, whether the model found them
        ("It rained, Baltic broadcaster Kanal 3 reported.", [], ["Kanal 3"]),
        ("According to the Baltic newspaper k-online, it rained.", [], ["k-online"]),
        ("She told the state-run Kanal-1 television channel that it rained.", [], ["Kanal-1"]),
        ("She told the Post that it rained.", [], ["Post"]),
        ("It rained, Baltic broadcaster Kanal 3 reported.", [("Kanal", "PERSON")], ["Kanal 3"]),
        ("It rained, Baltic broadcaster Kanal 3 reported.", [("Kanal 3", "PERSON")], ["Kanal 3"]),
        # ... but named, not cited
        ("Baltic broadcaster Kanal 3 was fined.", [], []),
        ("He told a local news outlet Tuesday that it rained.", [], []),
        # a lower-case mention before the name is no outlet of its own
        ("It was carried by the state news agency Kanal.", [("state news", "ORG")], ["Kanal"]),
    ],
)
def test_cues_and_outlets_named_in_text(text, actors, cited):
    _, mentions, sentences = _tables(text, actors)
    out = extract_citations(mentions, sentences)
    assert sorted(out["cited"]) == cited


def test_own_outlet_by_its_last_word():
    """ "the Mirror" in a Daily Mirror article is its own reporting."""
    _, mentions, sentences = _tables("She told the Mirror that it rained.", [("Mirror", "MEDIA")])
    out = extract_citations(mentions.assign(source="Daily Mirror"), sentences)
    assert out.empty


def test_own_outlet_under_a_longer_spelling():
    """A mention that ends in the article's outlet ("Voters Kanal News") is its own."""
    text = "Voters Kanal News spoke with said so."
    _, mentions, sentences = _tables(text, [("Voters Kanal News", "MEDIA")])
    out = extract_citations(mentions.assign(source="Kanal News"), sentences)
    assert out.empty


@pytest.mark.parametrize(
    ("text", "actors", "cited"),
    [
        # more reporting verbs after an outlet, and an apposition before the verb
        ("Kanal discovered that the ships had left.", [("Kanal", "MEDIA")], ["Kanal"]),
        ("Kanal was not able to independently confirm it.", [("Kanal", "MEDIA")], ["Kanal"]),
        ("It fell, the Daily Globe pointed out.", [("Daily Globe", "MEDIA")], ["Daily Globe"]),
        (
            "Kanal, a Baltic newspaper, said it would be hard to survive.",
            [("Kanal", "MEDIA")],
            ["Kanal"],
        ),
        ("Baltic news agency, Kanal, reported that it fell.", [("Kanal", "MEDIA")], ["Kanal"]),
        ("The state Kanal agency reported that it fell.", [("Kanal", "MEDIA")], ["Kanal"]),
        # outlet-only cues before an outlet
        ("It fell, reported The Daily Globe.", [("Daily Globe", "MEDIA")], ["Daily Globe"]),
        ("Speaking on Kanal, Mira Tal said so.", [("Kanal", "MEDIA")], ["Kanal"]),
        ("Talking to Kanal, Mira Tal said so.", [("Kanal", "MEDIA")], ["Kanal"]),
        ("The firm said in a statement to Kanal.", [("Kanal", "MEDIA")], ["Kanal"]),
        (
            "Officials clarified to the Daily Globe that it fell.",
            [("Daily Globe", "MEDIA")],
            ["Daily Globe"],
        ),
        ("It fell, according to a cable seen by Kanal.", [("Kanal", "MEDIA")], ["Kanal"]),
        (
            "In an interview broadcast on Sunday by Kanal, she said so.",
            [("Kanal", "MEDIA")],
            ["Kanal"],
        ),
        (
            "It was reported in the Daily Globe that it fell.",
            [("Daily Globe", "MEDIA")],
            ["Daily Globe"],
        ),
        ("He told Mira Tal on Kanal that it fell.", [("Kanal", "MEDIA")], ["Kanal"]),
        # a name in quotation marks of its own
        (
            'Mira Tal told "Kanal Nine" on Sunday that it fell.',
            [("Kanal Nine", "MEDIA")],
            ["Kanal Nine"],
        ),
        ('As "Kanal Breakfast" host Omar Haddad said sorry, she left.', [("Kanal", "MEDIA")], []),
        # a second outlet joined to a cited one
        (
            "It fell, according to an investigation by Kanal and the Daily Globe.",
            [("Kanal", "MEDIA"), ("Daily Globe", "MEDIA")],
            ["Daily Globe", "Kanal"],
        ),
        # not cited: a former reporter, a show on an outlet, a list after "such as"
        ('"It fell," the former "Kanal" correspondent added.', [("Kanal", "MEDIA")], []),
        ("She was dropped from her show on Kanal last year.", [("Kanal", "MEDIA")], []),
        (
            "Twitter muted state media, such as Kanal and the Daily Globe, in March.",
            [("Kanal", "MEDIA"), ("Daily Globe", "MEDIA")],
            [],
        ),
        # an agency's name alone makes no outlet: a government agency is a body
        (
            "It fell, according to the Harbour Energy Agency.",
            [("Harbour Energy Agency", "ORG")],
            [],
        ),
        ("It fell, according to the Harbour Press.", [("Harbour Press", "ORG")], ["Harbour Press"]),
    ],
)
def test_more_cues(text, actors, cited):
    _, mentions, sentences = _tables(text, actors)
    gazetteer = Gazetteer(outlet_words=frozenset({"agency", "press"}))
    assert sorted(extract_citations(mentions, sentences, gazetteer)["cited"]) == cited


_GAZETTEER = Gazetteer(
    entries={
        "Kanal": Entry("Kanal", "MEDIA"),
        "Kanal Morning": Entry("Kanal Morning", "MEDIA", affiliation="Kanal"),
    }
)


@pytest.mark.parametrize(
    ("text", "actors", "source", "cited"),
    [
        # a sister outlet of a known one, whatever the model typed it
        (
            "He told Kanal Radio 4 that it fell.",
            [("Kanal Radio 4", "ORG")],
            "Globe",
            ["Kanal Radio 4"],
        ),
        ("He told Kanal One that it fell.", [("Kanal One", "ORG")], "Globe", ["Kanal One"]),
        ("He told Kanal One that it fell.", [("Kanal One", "PERSON")], "Globe", []),
        (
            "(Kanal Photo/Mira Tal) Officials said so.",
            [("Kanal Photo/Mira Tal) Officials", "ORG")],
            "Globe",
            [],
        ),
        # an outlet's own programme is its own reporting
        ("He told Kanal Morning that it fell.", [("Kanal Morning", "MEDIA")], "Kanal", []),
        (
            "He told Kanal Morning that it fell.",
            [("Kanal Morning", "MEDIA")],
            "Globe",
            ["Kanal Morning"],
        ),
    ],
)
def test_sister_outlets_and_programmes(text, actors, source, cited):
    _, mentions, sentences = _tables(text, actors)
    out = extract_citations(mentions.assign(source=source), sentences, _GAZETTEER)
    assert sorted(out["cited"]) == cited


@pytest.mark.parametrize(
    ("text", "actors", "cited"),
    [
        # an outlet only a new press noun names, cited by a cue the model never saw
        ("The Telegram channel Kanal said it fell.", [], ["Kanal"]),
        ("He was upset, telling the Borlan news agency that it fell.", [], ["Borlan"]),
        ("He told the Baltic publication Kanal that it fell.", [], ["Kanal"]),
        # a known outlet, by a weak cue
        ("Mira Tal said in an interview translated by Kanal.", [("Kanal", "MEDIA")], ["Kanal"]),
        ("Mira Tal said in an interview translated by Kanal.", [("Kanal", "ORG")], []),
    ],
)
def test_new_nouns_and_cues(text, actors, cited):
    _, mentions, sentences = _tables(text, actors)
    assert sorted(extract_citations(mentions, sentences)["cited"]) == cited


def test_own_programme_by_a_longer_name():
    """ "Kanal Morning Weekend" is the article's own when "Kanal Morning" is Kanal's."""
    text = 'He said on "Kanal Morning Weekend." It fell.'
    _, mentions, sentences = _tables(text, [("Kanal Morning Weekend", "MEDIA")])
    assert extract_citations(mentions.assign(source="Kanal"), sentences, _GAZETTEER).empty
    out = extract_citations(mentions.assign(source="Globe"), sentences, _GAZETTEER)
    assert list(out["cited"]) == ["Kanal Morning Weekend"]


@pytest.mark.parametrize(
    ("text", "actors", "source", "cited"),
    [
        # an outlet's name after a first name is a person's, in the whole article
        (
            'He met Mira Kanal. "It fell," Kanal said.',
            [("Kanal", "MEDIA"), ("Kanal", "MEDIA")],
            "Globe",
            [],
        ),
        ("On Monday Kanal reported that it fell.", [("Kanal", "MEDIA")], "Globe", ["Kanal"]),
        # a country's press, and a body whose name holds a press word, are no outlets
        ("He told Russian TV that it fell.", [("Russian TV", "MEDIA")], "Globe", []),
        (
            "The Harbour Broadcasting Union said it fell.",
            [("Harbour Broadcasting Union", "ORG")],
            "Globe",
            [],
        ),
        # a country before a press noun and a name is the name's nationality
        (
            "He told Harbour broadcaster Kanal that it fell.",
            [("Harbour", "GPE"), ("Kanal", "MEDIA")],
            "Globe",
            ["Kanal"],
        ),
        # one outlet's name the model cut in two is cited once
        (
            "Speaking to Kanal Nightly, he said it fell.",
            [("Kanal", "MEDIA"), ("Nightly", "MEDIA")],
            "Globe",
            ["Kanal"],
        ),
        # the article's own network, under another of its names or its wire label
        ("He told KNL Business that it fell.", [("KNL Business", "MEDIA")], "KNL News", []),
        (
            "He told Kanal Television that it fell.",
            [("Kanal Television", "MEDIA")],
            "Kanal (via Globe wires)",
            [],
        ),
    ],
)
def test_names_that_are_no_cited_outlet(text, actors, source, cited):
    _, mentions, sentences = _tables(text, actors)
    out = extract_citations(mentions.assign(source=source), sentences)
    assert sorted(out["cited"]) == cited


@pytest.mark.parametrize(
    ("text", "actors", "cited"),
    [
        # outlets by a network's affiliate, a kind before "outlet" or "channel", a press
        # noun heading an apposition, a press word ending the name, a piece published in it
        ("She told ABC affiliate WKAN that it rained.", [], ["WKAN"]),
        ("Police told local channel Kanal 24 that it rained.", [], ["Kanal 24"]),
        ("Baltic outlet Kanalnews confirmed the fire.", [], ["Kanalnews"]),
        ("It ran in The Harbour, an upstate newspaper, on Friday.", [], []),
        ("An obituary published in The Harbour, an upstate newspaper, said so.", [], ["Harbour"]),
        ('"It fell," Mira Tal told the Harbour Morning News.', [], ["Harbour Morning News"]),
        ("He wrote in an op-ed published in The Harbour Review.", [], ["Harbour Review"]),
        ("He wrote in an op-ed published in The Harbour Review.", [("Harbour Review", "ORG")], 1),
        # no outlets: a group's affiliate, a power outlet, a country's TV, a place's paper
        ("The ISIS affiliate Kanal claimed the attack.", [], []),
        ("He plugged it into a power outlet Monday, officials said.", [], []),
        ("As Baltic TV reported, it rained.", [], []),
        ("She told an upstate Harbour newspaper that it rained.", [], []),
        # a sentence's first word is no part of the name
        ("As Harbour News reported, it rained.", [], ["Harbour News"]),
    ],
)
def test_outlets_by_more_signs(text, actors, cited):
    _, mentions, sentences = _tables(text, actors)
    out = extract_citations(mentions, sentences)
    if isinstance(cited, int):
        assert len(out) == cited
    else:
        assert sorted(out["cited"]) == cited
