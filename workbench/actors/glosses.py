"""A name the text glosses: "Harbourgas, the Ruritanian energy company, said".

A news report that names an actor its readers may not know glosses the name at once, in
apposition: "Harbourgas, the Ruritanian energy company, said", "Tal, a local farmer,
said", "Harbourgas, based in Port Vell, said". The gloss is what marks the capitalised
words before it as a name, even where the model found no mention there (a one-word name
the model missed, which :mod:`workbench.actors.speakers` would otherwise read as any
capitalised word opening a sentence). The gloss also tells the name's kind: a body's noun
("company", "operator", "watchdog") makes it a body, and so does "based in" after a
one-word name (a person's full name may be "based in" a city too); a person's noun or
title ("farmer", "mayor") makes it a person.

A glossed name that speaks is registered in the document's types, so the rules that look
back for a body ("It also said", "the company added") or a person ("she said") find it.
"""

from __future__ import annotations

import re

from workbench.actors import descriptions
from workbench.actors.cues import BODY_NOUNS
from workbench.actors.document import Document
from workbench.actors.gazetteer import fold
from workbench.actors.mastheads import masthead_name, outlet_name
from workbench.actors.names import DEMONYMS, TITLE_WORDS

#: A name of one to three capitalised words opening its clause, a gloss in commas, then
#: the end of the subject (the speech verb follows).
_GLOSSED = re.compile(
    r"(?:^|[.;:!?\"']\s+|\b(?:and|but|while)\s+)"
    r"(?P<name>[A-Z][\w&.'-]*[\w&](?:\s+[A-Z][\w&.'-]*[\w&]){0,2}),\s+"
    r"(?P<gloss>(?:(?:the|a|an)\s+[^,;:\"()]{2,60}?|(?:based|headquartered)\s+in\s+"
    r"[^;:\"()]{2,50}?)),\s*$"
)
#: Nouns a body's gloss ends in besides :data:`BODY_NOUNS` and the body nouns of
#: :mod:`descriptions` ("the Ruritanian energy giant", "the state operator").
_BODY_HEADS = frozenset(
    "giant producer operator regulator watchdog charity foundation union association "
    "federation party body network corporation conglomerate utility bank fund".split()
)
#: Capitalised words that open a clause and name no one ("However, the ...", "Officials, ...").
_NOT_NAMES = (
    TITLE_WORDS
    | DEMONYMS
    | frozenset(
        "the a an but and however meanwhile later earlier today yesterday officials police "
        "this that these those it he she they we i there here then now also still".split()
    )
)


def glossed(doc: Document, head: str) -> str | None:
    """The name a gloss marks at the end of a subject, or None; its kind is registered.

    Args:
        doc: The document being read; ``doc.types`` learns the kind of a name found.
        head: The text from the clause's start to the speech verb.

    Returns:
        The name ("Harbourgas" of "Harbourgas, the Ruritanian energy company, "), unless
        the gloss tells no kind, or the name is an outlet, a title or a nationality.
    """
    m = _GLOSSED.search(head)
    if m is None:
        return None
    name, gloss = m.group("name"), m.group("gloss")
    if any(fold(word) in _NOT_NAMES for word in name.split()):
        return None
    if outlet_name(name) or masthead_name(name):
        return None
    kind = kind_of(gloss)
    if kind is None or (gloss.startswith(("based", "headquartered")) and " " in name):
        return None  # "Mira Tal, based in Port Vell, said": a person may be based somewhere
    if doc.types.setdefault(name, kind) == "MEDIA":
        return None  # an outlet the text names: it carries words, it does not speak
    return name


def kind_of(gloss: str) -> str | None:
    """``"ORG"`` or ``"PERSON"``: the kind of actor a gloss describes, or None.

    Example:
        >>> kind_of("the Ruritanian energy company"), kind_of("a local farmer")
        ('ORG', 'PERSON')
    """
    words = gloss.split()
    if words[0] in ("based", "headquartered"):
        return "ORG"
    noun = re.sub(r"[^a-z-]", "", words[-1].lower())
    if noun in BODY_NOUNS or noun in _BODY_HEADS or noun in descriptions.AGENT_BODIES:
        return "ORG"
    desc = descriptions.parse("the " + " ".join(words[1:]))
    if desc is not None and desc.kind in ("title", "person"):
        return "PERSON"
    return None
