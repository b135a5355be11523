"""Citing cues around an outlet's name, on invented sentences ([Kanal] marks the name)."""

from __future__ import annotations

import pytest

from workbench.actors.citing import cited


def _cited(sentence: str, *, strong: bool = False) -> bool:
    before, rest = sentence.split("[", 1)
    after = rest.split("]", 1)[1]
    return cited(before[-60:], after, strong=strong)


@pytest.mark.parametrize(
    "sentence",
    [
        # telling, and cues after the name: first to report, a time before the verb
        "Mira Tal was upset, telling [Kanal] on Sunday that it fell.",
        "[Kanal] was the first to report the plan.",
        "[Kanal] on Thursday morning first reported the plan.",
        "It fell, first reported [Kanal].",
        "[Kanal], citing an unnamed official, said the plan was ready.",
        "[Kanal] - an outlet now in exile - wrote that it fell.",
        "[Kanal], Harbour's main newswire, claims that it fell.",
        # cues before a known outlet: shared, posted, analysed, released, reported for
        "In a series of clips shared by [Kanal], crowds gathered.",
        "Three videos were obtained and analysed by [Kanal].",
        "It was first identified by [Kanal].",
        "A poll released Friday by [Kanal] shows a tie.",
        "The concern follows reporting from [Kanal] that it fell.",
        "Tariq Panja reported for [Kanal] last month.",
        "Per [Kanal], it fell.",
        "One soldier complained to [Kanal] of exhaustion.",
        "Such claims are wrong, argues [Kanal] reporter Mira Tal.",
        # on the air and in print
        "Appearing on [Kanal], Mira Tal urged calm.",
        "On [Kanal] on Sunday, Mira Tal said so.",
        'Omar Haddad said on Sunday on "[Kanal]."',
        'Omar Haddad told "[Kanal] Sunday" that it fell.',
        "Writing for [Kanal], Mira Tal said so.",
        "As Mira Tal writes for [Kanal], it fell.",
        "Mira Tal wrote in a [Kanal] column on Sunday.",
        "He outlined it in a [Kanal] guest essay.",
        "Omar Haddad cited a [Kanal] article which said so.",
        # the outlet's people and what they saw
        "[Kanal]'s chief Harbour correspondent, Mira Tal, reported that it fell.",
        "[Kanal] senior international correspondent Mira Tal said it fell.",
        "[Kanal]'s Mira Tal tweeted that it fell.",
        "[Kanal] journalists saw the bodies.",
        "A [Kanal] witness saw smoke.",
        "[Kanal] identified the soldiers.",
        # more cues: an interview on its air, shared online, an adverb, its sources telling it
        'She called it reckless in an interview on "[Kanal Sunday]."',
        "It came in audio shared online by an official and media outlet [Kanal].",
        "[Kanal], meanwhile, reported that it fell.",
        "[Kanal]'s sources told the outlet that it fell.",
        "[Kanal], the investigative group that has tracked the convoy for weeks through open "
        "sources and satellite pictures, found it.",
    ],
)
def test_cues_that_cite_a_known_outlet(sentence):
    assert _cited(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a piece of press work published in a name cites it, whatever it is known as
        ("He previewed it in an op-ed published Monday in [The Harbour Review].", True),
        ("It was in an article that appeared in [Harbour Review].", True),
        ("The study was published Monday in [Harbour Review].", False),
    ],
)
def test_press_work_published_in(sentence, expected):
    assert _cited(sentence, strong=True) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        'As "[Kanal] Breakfast" host Omar Haddad said sorry, she left.',
        "He was paid per [Kanal] episode.",
        "[Kanal] host Mira Tal said she was tired.",  # a host's words are not its reporting
        "[Kanal]'s Mira Tal said she was tired.",
        "[Kanal] witnesses were there.",
        "Mira Tal contributed to this report from Harbour. Follow the [Kanal]'s coverage.",
        "The former [Kanal] correspondent said so.",
        # not cues: an outlet telling its staff, "appeared to", "said to be"
        "[Kanal] told staff it would close.",
        "The shells appeared to be targeting the [Kanal].",
        "He is said to be close to the [Kanal].",
    ],
)
def test_no_cue(sentence):
    assert not _cited(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a press noun at the end of a long description, an abbreviation among its words
        ("In an interview with the U.S. government-funded [Kanal] news service, he spoke.", True),
        ("In a video posted by the state news agency [Kanal], she waves.", True),
        ("Mira Tal, telling [Kanal] on Sunday, said so.", True),
        # the strong cues only, for a name known as an outlet only by its news word
        ("[Kanal] was the first to report the plan.", False),
        ("Appearing on [Kanal], Mira Tal urged calm.", False),
    ],
)
def test_strong_cues(sentence, expected):
    assert _cited(sentence, strong=True) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a time between the cue's words, and an auxiliary before "reporting"
        "Mira Tal said in an interview Tuesday with [Kanal] that it fell.",
        '"It fell," he was quoted as saying Sunday by [Kanal].',
        "[Kanal] reporters over the weekend said they saw tanks.",
        "[Kanal] is reporting that the bridge fell.",
        # on the air: set off by commas, or after any speech verb
        "Mira Tal, also on [Kanal], said she spoke with the mayor.",
        "Omar Haddad, suggesting Thursday on [Kanal] that it fell, left.",
        # asked, contacted, filmed by an outlet; a broadcast of it
        "Asked on [Kanal] about the plan, Mira Tal said no.",
        "Contacted later by [Kanal], Mira Tal explained it.",
        "A video filmed by [Kanal] showed the ruins.",
        "On Wednesday's broadcast of [Kanal], she spoke.",
        "Omar Haddad confirmed the resignation to [Kanal].",
        # the outlet's work and people after its name
        "Read the full [Kanal] story.",
        "[Kanal] spoke to seven residents.",
        "[Kanal] shared footage of the men.",
        "[Kanal]'s sources said the talks failed.",
        "[Kanal]'s Mira Tal asked the mayor if it fell.",
        "[Kanal], which monitors the war, said it fell.",
        "Mira Tal, from [Kanal], said it fell.",
        # whom one tells, set off as the outlet's host
        "Omar Haddad told his friend, [Kanal] host Mira Tal, that it fell.",
        # two outlets joined by a slash
        "According to the latest Globe/[Kanal] poll, most agree.",
    ],
)
def test_more_cues_that_cite_a_known_outlet(sentence):
    assert _cited(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a photo credit, an owner, an editor speaking, the outlet's staff as people
        "In this photo released by [Kanal], the minister waves.",
        "The Daily Globe, a tabloid published by [Kanal], ran an editorial.",
        '"My eyes burn," said the editor of the [Kanal] liberal newspaper.',
        "Mira Tal, former chief editor of [Kanal], a tabloid, wrote on Twitter that it fell.",
        "[Kanal]'s editorial staff fled the country.",
        # a speech verb that is no appearance on the air
        "They all pledged to remove [Kanal] from their platforms.",
    ],
)
def test_more_words_that_cite_no_outlet(sentence):
    assert not _cited(sentence)


def test_a_noun_cue_after_a_head_noun_still_cites():
    """ "the specifics of the Kanal report": the outlet's report, whatever noun is before."""
    assert _cited("She declined to confirm the specifics of the [Kanal] report.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an adverb between the name and its verb, a circumstance set off by commas
        ("[Kanal] further reported that the talks had stalled.", True),
        ("[Kanal] then wrote that the talks had stalled.", True),
        ("[Kanal], as part of a joint project, reported on the talks.", True),
        ("[Kanal], in a report on Monday, said the talks had stalled.", True),
        # a story the outlet broke
        ("The plan, which was first revealed by the [Kanal], alarmed officials.", True),
        ("The plan was disclosed by [Kanal] last week.", True),
        # a stray quotation mark between the cue and the name
        ("Tal said in an interview with ' [Kanal] that it fell.", True),
        # a role, not a citation: "as an X analyst"
        ("An earlier version identified Tal as an [Kanal] analyst.", False),
        ("It fell, as [Kanal] reported.", True),
        # after a verb of telling, a name a finite verb follows opens what was told
        ("Tal tells viewers the [Kanal] may have endangered troops.", False),
        ("Tal told reporters [Kanal] was wrong.", False),
        ("Tal tells 'Morning Show' the [Kanal] erred badly.", False),
        ("Tal told the [Kanal] that it fell.", True),
    ],
)
def test_general_patterns(sentence, expected):
    assert _cited(sentence) is expected
