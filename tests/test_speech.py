"""Quotation and reported-speech rules (:mod:`workbench.actors.speech`) on invented sentences."""

from __future__ import annotations

import pytest

from tests.test_quotes import _quotes

TAL = ("Mira Tal", "PERSON")
COUNCIL = ("Harbour Council", "ORG")
QUOTE = "We will rebuild every bridge"


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # "asked" reports a request after its listener
            "Mira Tal asked the council to rebuild the bridge.",
            [TAL],
            [("reported", "Mira Tal", "asked", "the council to rebuild the bridge.")],
        ),
        (  # ... or a question
            "Mira Tal asked whether the bridge would reopen.",
            [TAL],
            [("reported", "Mira Tal", "asked", "whether the bridge would reopen.")],
        ),
        (  # ... but not when the subject is asked, nor a request for comment
            "Mira Tal was asked to rebuild the bridge.",
            [TAL],
            [],
        ),
        ("When asked whether the bridge would reopen, Mira Tal left.", [TAL], []),
        ("The council asked for comment on the bridge plan.", [], []),
        (  # a speech verb before "according to": its subject spoke, the witness reports it
            f'Mira Tal spoke first. "{QUOTE}," she said, according to a witness.',
            [TAL],
            [("direct", "Mira Tal", "said", f"{QUOTE},")],
        ),
        (  # a long subject after the verb: the person it names
            f'"{QUOTE}," said a cryptic and very short message from the presidential adviser '
            "Mira Tal.",
            [TAL],
            [("direct", "Mira Tal", "said", f"{QUOTE},")],
        ),
        (  # "according to" alone: the source is the speaker
            f'"{QUOTE}," according to the Harbour Council.',
            [COUNCIL],
            [("direct", "Harbour Council", "according to", f"{QUOTE},")],
        ),
        (  # a verb with "that" right after a quotation reports what follows, and shares
            # the subject of the verb before it
            'Mira Tal said the plan is "a real danger to the city," adding that the council '
            "will meet.",
            [TAL],
            [
                (
                    "reported",
                    "Mira Tal",
                    "said",
                    'the plan is "a real danger to the city," adding that',
                ),
                ("direct", "Mira Tal", "said", "a real danger to the city,"),
                ("reported", "Mira Tal", "adding", "the council will meet."),
            ],
        ),
        (  # "not" belongs to the words reported
            "Mira Tal vowed not to leave the city.",
            [TAL],
            [("reported", "Mira Tal", "vowed", "not to leave the city.")],
        ),
        (  # a stretch of time between the verb and its words
            "The Harbour Council has vowed in recent weeks not to give up the port.",
            [COUNCIL],
            [("reported", "Harbour Council", "vowed", "not to give up the port.")],
        ),
        (  # verbs of hinting and disclosing report a clause
            "Mira Tal hinted that more attacks are coming.",
            [TAL],
            [("reported", "Mira Tal", "hinted", "more attacks are coming.")],
        ),
        (
            "The Harbour Council disclosed that its debts had doubled.",
            [COUNCIL],
            [("reported", "Harbour Council", "disclosed", "its debts had doubled.")],
        ),
        (  # "according to" as an aside mid-sentence: the whole sentence is reported
            "The cost, according to the Harbour Council, would reach a billion.",
            [COUNCIL],
            [
                (
                    "reported",
                    "Harbour Council",
                    "according to",
                    "The cost, according to the Harbour Council, would reach a billion.",
                )
            ],
        ),
        (  # ... not where the words after it speak of the source
            "The cost is very high, according to Mira Tal, who spoke on Monday.",
            [TAL],
            [("reported", "Mira Tal", "according to", "The cost is very high")],
        ),
    ],
)
def test_speech_rules(text, actors, expected):
    assert _quotes(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # a verb of informing reports the clause after "that", past its listener
            "Mira Tal informed the council that the bridge would reopen in May.",
            [TAL],
            [("reported", "Mira Tal", "informed", "the bridge would reopen in May.")],
        ),
        ("Mira Tal informed the council of her decision to leave the city.", [TAL], []),
        ("Residents want to stay informed about the state of the bridge.", [], []),
        (  # "called on" a listener to do something: the appeal is reported
            "The Harbour Council has called on residents of the city to leave at once.",
            [COUNCIL],
            [
                (
                    "reported",
                    "Harbour Council",
                    "called on",
                    "residents of the city to leave at once.",
                )
            ],
        ),
        ("Mira Tal called on Monday to discuss the bridge and the roads.", [TAL], []),
        ("Mira Tal called on her neighbours during the holidays last year.", [TAL], []),
        (  # inside a relative clause, the appeal is no one's in this sentence
            "The plan, which the Harbour Council has called on Kyiv to adopt, will cost more.",
            [COUNCIL],
            [],
        ),
        (  # "called on" does not name the verb of a quotation after it
            f'Mira Tal called on everyone to act: "{QUOTE}."',
            [TAL],
            [
                ("reported", "Mira Tal", "called on", f'everyone to act: "{QUOTE}."'),
                ("direct", "Mira Tal", ":", f"{QUOTE}."),
            ],
        ),
    ],
)
def test_appeals_and_informing(text, actors, expected):
    assert _quotes(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a cue between commas after an adverbial opening reports the clause after it
            "Even so, Mira Tal said, the old bridge will reopen in spring.",
            [("reported", "Mira Tal", "said", "the old bridge will reopen in spring.")],
        ),
        (
            "During the long winter, Mira Tal says, a great many people left the city.",
            [("reported", "Mira Tal", "says", "a great many people left the city.")],
        ),
        (  # an opening that is the subject of the clause is no adverbial
            "The old bridge, Mira Tal said, will reopen in spring.",
            [],
        ),
        (  # "But," and a comma before "according to"
            "But, according to Mira Tal, the port was never closed at all.",
            [("reported", "Mira Tal", "according to", "the port was never closed at all.")],
        ),
    ],
)
def test_cues_in_asides(text, expected):
    assert _quotes(text, [TAL]) == expected


ARMY = ("Harbour Army", "ORG")


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # "it" after the words it reports stands for no one named in them
            "The Harbour Council said the port was shut. As a result, the Harbour Army "
            "stationed there was cut off, it said.",
            [COUNCIL, ARMY],
            [
                ("reported", "Harbour Council", "said", "the port was shut."),
                (
                    "reported",
                    "Harbour Council",
                    "said",
                    "As a result, the Harbour Army stationed there was cut off",
                ),
            ],
        ),
        (  # a short phrase in quotation marks may open the reported words
            'Mira Tal said "sabotage" was behind the blasts at the port.',
            [TAL],
            [("reported", "Mira Tal", "said", '"sabotage" was behind the blasts at the port.')],
        ),
        (  # ... but a quotation of its own is a direct quote, not reported words
            f'Mira Tal said "{QUOTE}" and left.',
            [TAL],
            [("direct", "Mira Tal", "said", QUOTE)],
        ),
        (  # a verb of blame reports whom it blames and for what
            "The Harbour Council blamed faulty equipment for the lower flows.",
            [COUNCIL],
            [("reported", "Harbour Council", "blamed", "faulty equipment for the lower flows.")],
        ),
        ("The fire at the port was blamed on a gas leak last week.", [], []),
        ("Mira Tal blamed the weather.", [TAL], []),
        (  # an appeal
            "Mira Tal appealed for people not to get used to the war.",
            [TAL],
            [("reported", "Mira Tal", "appealed for", "people not to get used to the war.")],
        ),
        (  # participles of clause verbs: "explaining that", ", writing that"
            "Mira Tal spoke to reporters, explaining that the port had been closed.",
            [TAL],
            [("reported", "Mira Tal", "explaining", "the port had been closed.")],
        ),
        (
            "Mira Tal denied the claim, writing that the port had been closed.",
            [TAL],
            [("reported", "Mira Tal", "writing", "the port had been closed.")],
        ),
        ("In script writing there is a term for such a twist.", [], []),  # a noun
        (  # a listener, then a clause with no "that": the clause is reported
            "Mira Tal reportedly told the council the bridge would cost more, according to "
            "Harbour News.",
            [TAL, ("Harbour News", "MEDIA")],
            [
                (
                    "reported",
                    "Mira Tal",
                    "told",
                    "the bridge would cost more, according to Harbour News.",
                )
            ],
        ),
        ("Mira Tal told the council the story of the old bridge.", [TAL], []),  # no clause
        (  # an impersonal passive inside reported words starts no words of its own
            "Mira Tal said early Friday that it's believed many of the bodies were buried.",
            [TAL],
            [("reported", "Mira Tal", "said", "it's believed many of the bodies were buried.")],
        ),
    ],
)
def test_pronouns_quoted_phrases_and_more_verbs(text, actors, expected):
    assert _quotes(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a negated speech verb, or one after a verb of not doing, reports what no one said
        ("Mira Tal and her allies have not clearly stated that the war is over.", []),
        ("Mira Tal never said the bridge would be rebuilt this year.", []),
        ("Mira Tal didn't say that the bridge would be rebuilt this year.", []),
        ("Mira Tal was fined for failing to announce that the port had closed.", []),
        ("Mira Tal refused to even acknowledge that the port had closed.", []),
        # ... not "not only", nor a verb that is not negated
        ("Mira Tal not only said that the port had closed for good.", ["reported"]),
        ("Mira Tal said that the port had closed for good.", ["reported"]),
        # ... nor a belief: "does not believe that ..." believes the opposite
        ("Mira Tal does not believe that the port will close for good.", ["reported"]),
    ],
)
def test_a_negated_speech_verb_reports_nothing(text, kinds):
    assert [q[0] for q in _quotes(text, [TAL])] == kinds
