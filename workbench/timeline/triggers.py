"""Trigger words: which kind of event a sentence reports, and whether it reports one at all.

:func:`find_trigger` names a sentence's event type and the trigger word's span:
the first type of :data:`TRIGGERS` whose words occur ("met", "talks", "phone call",
"the call", "a conversation with",
"summit", "ceasefire", "signed", "attack", "shelled", "strike"), so "a visit for
talks" is a visit; a call told by its verb takes the place of a gathering named as its
time ("following his meetings, Ann Jones spoke by phone with Bo Lee": a call). Violence
is typed by its words rather than by precedence: a strike noun anywhere ("a Russian
strike ... the deadliest attack") makes a ``strike``; "attacked" or a verb that says nothing of the
weapon ("hit", "struck", "fired at") is a ``strike`` when missiles, rockets, drones or aircraft are
named and an ``attack`` otherwise ("shelling struck a convoy"), and so are explosions and
blasts, which tell neither the doer nor the weapon; shelling, bombardment,
shooting and assaults are attacks, and so is a campaign as a whole (an invasion, an
offensive), which is taken only when the sentence tells no deed (:func:`campaign`: the
events module keeps it only when dated or placed). "Hit" and "struck" count only in a sentence that
names a weapon ("prices hit a record" is no event), and "strike a deal", "signed
up to" or "deal with" are not events either; nor is a cyberattack (:func:`cyber`: an
"attack" in a sentence telling of hackers, ransomware or the like).

:func:`hypothetical` tells events that did not happen: a negation or a condition in
the trigger's clause ("there was no call", "did not meet", "if there was an attack"; not
"no one was hurt in the attack"), a willingness, wish or appeal ("willing to resume
negotiations", "called for a ceasefire"), and for violence also a capability, a threat
or its prevention or pretence ("a fake attack", "systems that can strike", "drones used
for attacks", "the threat of attacks", "warnings about a possible attack", "an attack
could come" (a forecast), "to prevent airstrikes", "forces need in order to press their offensive")
or the infinitive of an intent, a plan or a capacity ("ways to attack", "poised to launch an
attack"; not "used drones to strike").
"""

from __future__ import annotations

import re

# Who a speaker addresses when speaking is no call: "spoke to reporters", "speaking to CNN",
# a legislature or its committee ("speaking to the House Intelligence Committee").
_AUDIENCE = (
    r"(?:(?:the|a|an|local|foreign|western|state|his|her|their)\s+)?"
    r"(?:(?-i:[A-Z])[\w.-]*\s+){0,2}(?:reporters|journalists"
    r"|media|press|news|crowds?|audiences?|supporters|lawmakers|parliament|students|troops"
    r"|soldiers|residents|nation|broadcaster|television|radio|congress|senate|assembly"
    r"|committees?|(?-i:[A-Z]{2,5})\b)"
)
# What one side signs alone is no agreement: "signed a decree", "signed the bill into law".
_DECREE = (
    r"\s+(?:(?:a|an|the|into|off on)\s+)?(?:[\w-]+\s+)?(?:decrees?|laws?|bills?|orders?"
    r"|legislation)\b"
)
#: Event types with their trigger words, in order of precedence within a sentence.
TRIGGERS: dict[str, re.Pattern[str]] = {
    "summit": re.compile(r"\bsummits?\b", re.I),
    # not "would be met with sanctions", "was met with criticism" (received, not met)
    "meeting": re.compile(
        r"\b(?:(?<!\bbe )(?<!\bbeen )(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )met|met(?! with\b)"
        r"|meet|meets|meeting|meetings|sat down with)\b",
        re.I,
    ),
    "call": re.compile(
        r"\b(?:(?:phone|telephone|conference|video) calls?|calls? with|phoned"
        r"|(?:the|a|their|his|her|that|this) call(?! (?:for|to|on|from|of|centre|center)\b)"
        r"|phone conversation|telephone conversation|talked (?:with|to)"
        r"|(?:spoke|spoken|speaks|speaking)(?: (?:by|on the) (?:tele)?phone(?: with| to)?"
        rf"| (?:with|to)\b(?! {_AUDIENCE}))|conversation with\b(?! {_AUDIENCE}))\b",
        re.I,
    ),
    "visit": re.compile(
        r"\b(?:visit|visits|visited|visiting|trip to|travell?ed to|arrived in)\b", re.I
    ),
    "talks": re.compile(
        r"\b(?:talks|negotiations|negotiated|discussions|dialogue"
        r"|negotiating(?! (?:position|table|team|power|stance|strategy|tactics|skills)\b))\b",
        re.I,
    ),
    "ceasefire": re.compile(
        r"\b(?:cease-?fire|truce|armistice|halt (?:on|to) (?:the )?strikes)\b", re.I
    ),
    "agreement": re.compile(
        rf"\b(?:agreement|agreed|accord|treaty|memorandum|signed(?! up\b)(?!{_DECREE})"
        r"|deal(?! with\b)(?<!great deal)(?<!good deal))\b",
        re.I,
    ),
    "attack": re.compile(
        r"(?<!ly-)\b(?:attack|attacks|attacked|assault|assassination|assassinated|shooting|bombing"
        r"|bombed|bombarded|bombardment|shelled|shelling|(?:shot|shooting|shoot) down|downing of"
        r"|counter-?offensives?|invaded|invasion)\b"
        r"|(?:\b(?:an?|the|its|their|new|renewed|major|ground|full-scale|spring|summer|autumn"
        r"|winter|week's|month's)|['’]s) offensive\b",
        re.I,
    ),
    "strike": re.compile(
        r"(?<!hunger )(?<!general )\b(?:strike|strikes|striking|airstrikes?|air strikes?"
        r"|missile strikes?|drone strikes?)\b(?! a (?:deal|balance|chord|note|tone|pose)\b)",
        re.I,
    ),
}
VIOLENCE = ("attack", "strike")
# Verbs that say nothing of the weapon: "hit", "struck" (violence only beside a weapon) ...
_HIT = re.compile(r"\b(?:hit|hits|hitting|struck(?! a (?:deal|balance|chord|note|tone)\b))\b", re.I)
# ... "explosions", "a blast": what was seen or heard, not who did it or with what ...
_BLAST = re.compile(r"\b(?:explosions?|blasts?)\b(?! (?:of|from the past)\b)", re.I)
# ... and "fired at", "opened fire" (violence whatever the weapon).
_FIRE = re.compile(
    r"\b(?:fir(?:ed|es|ing) (?:\w+ ){0,2}?(?:at|on|upon)|to (?:\w+ly )?fire (?:\w+ ){0,2}?(?:at|on)"
    r"|open(?:ed|s)? fire)\b",
    re.I,
)
# Arms that make an attack a strike: from the air, or from afar.
_STRIKE_WEAPON = re.compile(
    r"\b(?:missiles?|rockets?|drones?|air-launched|air raids?|warplanes?|aircraft|jets?"
    r"|bombers?|UAVs?)\b",
    re.I,
)
# A weapon named in the sentence: "hit" and "struck" are violence only then.
_WEAPON = re.compile(
    rf"{_STRIKE_WEAPON.pattern}|\b(?:shells?|shelling|artillery|rounds|mortars?|bombs?"
    r"|munitions?|projectiles?|explosives?|strikes?|airstrikes?|attacks?|gunfire)\b",
    re.I,
)
# Substrings each type's trigger words contain: a cheap test before the pattern runs.
_STEMS = {
    "summit": ("summit",),
    "meeting": ("met", "meet", "sat down"),
    "call": ("call", "spoke", "speak", "phone", "talk", "conversation"),
    "visit": ("visit", "trip", "travel", "arrived"),
    "talks": ("talk", "negotiat", "discussion", "dialogue"),
    "ceasefire": ("cease", "truce", "armistice", "halt"),
    "agreement": ("agree", "deal", "accord", "treaty", "signed", "memorandum"),
    "attack": (
        "attack",
        "assault",
        "assassin",
        "shooting",
        "shot",
        "shoot",
        "bomb",
        "shell",
        "downing",
        "offensive",
        "invad",
        "invasion",
    ),
    "strike": ("strike", "striking"),
    "hit": ("hit", "struck"),
    "fire": ("fire",),
    "blast": ("explosion", "blast"),
}


def _has(low: str, kind: str) -> bool:
    return any(w in low for w in _STEMS[kind])


def find_trigger(text: str) -> tuple[str, tuple[int, int]] | None:
    """The event type a sentence reports and its trigger word's span, or None."""
    low = text.lower()
    for event_type, pattern in TRIGGERS.items():
        if event_type in VIOLENCE:
            break
        m = pattern.search(text) if _has(low, event_type) else None
        if m:
            return event_type, m.span()
    return _violence(text, low)


def find_triggers(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Every event type a sentence may report, each with its first trigger word's span.

    In the order of :data:`TRIGGERS` (:func:`find_trigger`'s choice first), violence typed
    as :func:`find_trigger` types it; the events module takes those that report an event,
    one to a clause ("Leaders met in Rome as missiles struck Kyiv": two events).
    """
    low = text.lower()
    found = []
    for event_type, pattern in TRIGGERS.items():
        if event_type in VIOLENCE:
            break
        m = pattern.search(text) if _has(low, event_type) else None
        if m:
            found.append((event_type, m.span()))
    if found and found[0][0] == "summit" and occasion(text, found[0][1]):
        held = [f for f in found if f[0] in _HELD_AT]
        if held:  # "held talks at the G20 summit": talks, the summit their occasion
            found = [f for f in found if f[0] != "summit"]
    if any(f[0] == "call" and _CALL_VERB.match(text, f[1][0]) for f in found):
        # "Following his meetings in Avalon, Ann Jones spoke to Bo Lee by phone": the
        # call is the deed, the gathering its time
        found = [f for f in found if f[0] not in GATHERINGS or not _as_time(text, f[1])]
    violence = _violence(text, low)
    return found + [violence] if violence else found


#: Gatherings, which a call's sentence may name as its time.
GATHERINGS = ("summit", "meeting", "talks")
# A call told by its verb and its phone ("spoke to Bo Lee by phone", "phoned"), the clause's
# deed (not "spoke with leaders", which may be face to face).
_CALL_VERB = re.compile(
    r"(?:(?:spoke|spoken|speaks|speaking|talked)\b[^.;,]{0,40}?\b(?:by|on\s+the|over\s+the)"
    r"\s+(?:tele)?phone|phoned)\b",
    re.I,
)
# A gathering named as the time of another deed: "following his meetings", "ahead of the
# summit", "after talks".
_AS_TIME = re.compile(
    r"\b(?:after|before|following|ahead\s+of|since)\s+(?:(?:the|a|an|his|her|their|its|this"
    r"|that|last|[\w'’.-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _as_time(text: str, span: tuple[int, int]) -> bool:
    """Whether a gathering's trigger is named as the time of another deed."""
    return bool(_AS_TIME.search(text[max(0, span[0] - 40) : span[0]]))


#: Encounters held at a summit, on its sidelines or around it, each an event of its own.
_HELD_AT = ("meeting", "talks")
# A summit named as where something else is held: "at the G20 summit", "on the sidelines of
# the NATO summit", "during the summit".
_OCCASION = re.compile(
    r"\b(?:at|during|on the (?:sidelines|margins|fringes) of)\s+"
    r"(?:(?:the|a|an|this|that|next|last|its|their|[\w'’.-]+['’]s)\s+)?(?:[\w'’.-]+\s+){0,4}$",
    re.I,
)


def occasion(text: str, summit: tuple[int, int]) -> bool:
    """Whether a summit is named as the occasion of another deed ("talks at the summit").

    The summit word governed by "at", "during" or "on the sidelines of": what the sentence
    tells was held there is the event.
    """
    return bool(_OCCASION.search(text[max(0, summit[0] - 60) : summit[0]]))


def _violence(text: str, low: str) -> tuple[str, tuple[int, int]] | None:
    """A strike noun anywhere makes a strike; else the first attack word or neutral verb."""
    strike = TRIGGERS["strike"].search(text) if _has(low, "strike") else None
    if strike:
        return "strike", strike.span()
    attacks = list(TRIGGERS["attack"].finditer(text)) if _has(low, "attack") else []
    # a deed ("shelled", "an attack") before a campaign ("the invasion", "the offensive")
    deeds = [m for m in attacks if not _CAMPAIGN.search(m.group())]
    attack = deeds[0] if deeds else None
    hit = _HIT.search(text) if _has(low, "hit") and _WEAPON.search(text) else None
    fire = _FIRE.search(text) if _has(low, "fire") else None
    blast = _BLAST.search(text) if _has(low, "blast") else None
    found = (attack, hit, fire, blast)
    first = min((m for m in found if m), key=lambda m: m.start(), default=None)
    if first is None and attacks:
        return "attack", attacks[0].span()  # only the campaign: background unless anchored
    if first is None:
        return None
    by_weapon = first is not attack or first.group().lower().startswith("attack")
    if by_weapon and _STRIKE_WEAPON.search(text):
        return "strike", first.span()
    return "attack", first.span()


# Capability, threat, intent or denial: "can strike", "will not use ... to strike".
_UNREAL = re.compile(
    r"\b(?:can|could|would|will|may|might|cannot|can't|won't|able to|capable of|designed to"
    r"|intended to|threaten(?:s|ed)? to|(?:used|designed|intended|meant|built) (?:for|to)"
    r"|prevent(?:s|ed|ing)?|avert|deter|in order to|so as to"
    r"|(?:threat|risk|fears?|danger|possibility|prospect)s? of"
    r"|possible|potential|imminent|looming|feared|hypothetical"
    r"|warn(?:s|ed|ing|ings)?\s+(?:of|about|against))\b",
    re.I,
)
# A trigger noun whose own predicate is a forecast: "an attack from Avalon could come", "an
# invasion may begin", "an attack is likely", "attacks are expected" (not "the attack could
# be a war crime", "may have killed" nor "the blast was likely the result of", which judge a
# deed told).
_UNREAL_AFTER = re.compile(
    r"(?:\s+(?:from|by|on|against|in|of)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+)?)?"
    r"\s+(?:(?:could|would|may|might|will)\s+(?:\w+ly\s+)?(?:come|happen|begin|start|occur"
    r"|take\s+place|unfold|follow|go\s+ahead|be\s+(?:launched|imminent|coming|underway|days"
    r"|weeks|hours))|(?:is|are|was|were)\s+(?:(?:likely|expected|unlikely)(?=\s+(?:to|soon|within|in\s+the\s+coming)\b|\s*[.,;]|$)"
    r"|imminent|feared))\b",
    re.I,
)
# Negation and condition, which unmake any event: "there was no call", "did not meet",
# "if there was an attack" (not "not only met", nor "no one was hurt in the attack", which
# denies the harm, not the deed).
_NOT_SO = re.compile(
    r"\b(?:not(?! only\b| just\b| least\b)|never|no(?! longer\b| doubt\b| one\b)|neither|nor"
    r"|without|if|unless|whether|in case of|in the event of)\b|n['’]t\b",
    re.I,
)
# Willingness, readiness, wish or appeal that governs the trigger ("to"/"for" + a few words),
# which is no event of any type even with its parties named: "willing to resume
# negotiations", "ready for talks", "called for a truce", "urged Russia to uphold a truce"
# (not "expressed hope Biden's call with Putin might ease", a call that was planned).
_WISH = re.compile(
    r"\b(?:willing(?:ness)?|unwilling|ready|readiness|open|eager|keen|want(?:s|ed)?"
    r"|wish(?:es|ed)?|hop(?:e|es|ed|ing)|seek(?:s|ing)?|sought|call(?:s|ed|ing)?|push(?:es|ed|ing)?"
    r"|appeal(?:s|ed)?|(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?"
    r"|call(?:s|ed|ing)? on)(?:\s+[\w'’.-]+){0,8})\s+(?:to|for)\s+[\"“]?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
# Violence told as the infinitive of an intent, a plan or a capacity, a course not (yet)
# taken: "ways to attack Ukraine", "is positioned to potentially launch an attack" (not
# "used rockets to hit a prison" nor "continued to shell", which tell what was done).
_TO_ATTACK = re.compile(
    r"\b(?:ways?|means|plans?|planning|plotting|plotted|intends?|intended|intention|aims?"
    r"|aimed|aiming|seeks?|seeking|sought|prepar(?:es|ed|ing)|positioned|poised|ready|able"
    r"|capacity|capability|threat(?:en|ens|ened)?|vow(?:s|ed)?|decid(?:es|ed)|decision|likely"
    r"|expected|set|about|going|wants?|wanted|order(?:s|ed)?|pretext|option)"
    r"\s+to\s+(?:\w+ly\s+)?(?:(?:launch|carry out|conduct|mount|stage|unleash|step up"
    r"|intensify|resume)\s+(?:(?:an?|the|any|more|further|new|fresh|another|its|their|his"
    r"|her)\s+)?(?:[\w-]+\s+){0,2}?)?$",
    re.I,
)
# Where the trigger's clause begins, looking back from it ...
_CLAUSE_START = re.compile(r"[,;:\"“”(]|\b(?:that|which|who|after|before|when|while|as)\b")
# ... and for an appeal, whose object may be quoted words: 'urged X to "make a deal"'.
_APPEAL_START = re.compile(r"[,;:(]|\b(?:that|which|who|after|before|when|while|as)\b")
#: Characters before a trigger searched for hypothetical wording.
UNREAL_WINDOW = 45
#: Characters before a trigger searched for an appeal (its addressees may be long).
APPEAL_WINDOW = 100


# Violence that is no deed but its pretence: "a fake attack", "a false-flag attack", "a
# staged attack", "a mock strike" (not "staged an attack", which was done).
_FAKE = re.compile(
    r"\b(?:fake|faked|false[- ]flag|staged|mock|simulated|sham|fabricated)\s+$", re.I
)


def hypothetical(text: str, trigger: tuple[int, int], *, violence: bool = True) -> bool:
    """Whether the trigger's clause makes its event unreal.

    Negation or a condition does for every event ("there was no call", "had not met",
    "if there was an attack"); for violence also a capability, a threat or an intent
    ("systems that can strike", "drones used for attacks"): a meeting that "could" happen
    is planned, which :mod:`workbench.timeline.events` marks instead.
    """
    before = text[max(0, trigger[0] - UNREAL_WINDOW) : trigger[0]]
    starts = [m.end() for m in _CLAUSE_START.finditer(before)]
    clause = before[starts[-1] :] if starts else before
    wide = text[max(0, trigger[0] - APPEAL_WINDOW) : trigger[0]]
    starts = [m.end() for m in _APPEAL_START.finditer(wide)]
    unreal = _NOT_SO.search(clause) or _WISH.search(wide[starts[-1] :] if starts else wide)
    if violence and _UNREAL_AFTER.match(text, trigger[1]):
        return True  # "an attack could come": a forecast, no deed
    if violence and _FAKE.search(before):
        return True  # "a fake attack": a pretence, no deed
    return bool(unreal or (violence and (_UNREAL.search(clause) or _intended(clause))))


def _intended(clause: str) -> bool:
    """Whether violence is told as an infinitive of intent ("ways to attack", "to launch")."""
    return bool(_TO_ATTACK.search(clause))


# Words of computer intrusion: an "attack" in a sentence that tells of one is a cyberattack.
_CYBER = re.compile(
    r"\b(?:cyber[\w-]*|hack(?:ers?|ing|ed|s)?|ransomware|malware|spyware|wiper|DDoS"
    r"|denial[- ]of[- ]service|phishing|botnets?)\b",
    re.I,
)


def cyber(text: str, trigger: tuple[int, int]) -> bool:
    """Whether an ``attack`` trigger tells of a cyberattack, which is no physical violence.

    "a ransomware attack on Avalon", "hackers launched another attack against the firm":
    an "attack" word (not shelling, bombing or a strike) in a sentence that speaks of
    computer intrusion.
    """
    word = text[trigger[0] : trigger[1]].lower()
    return word.startswith("attack") and bool(_CYBER.search(text))


# An invasion: the background of the coverage unless the sentence dates it.
_BACKGROUND = re.compile(r"invad|invasion", re.I)
# A campaign as a whole ("the invasion", "the counteroffensive"): the war's course, an event
# only where the sentence dates or places it.
_CAMPAIGN = re.compile(r"invad|invasion|offensive", re.I)


def background(text: str, trigger: tuple[int, int]) -> bool:
    """Whether the trigger word tells the war's background (an invasion) rather than an event."""
    return bool(_BACKGROUND.match(text, trigger[0], trigger[1]))


def campaign(text: str, trigger: tuple[int, int]) -> bool:
    """Whether the trigger word names a campaign as a whole (an invasion, an offensive)."""
    return bool(_CAMPAIGN.search(text[trigger[0] : trigger[1]]))


def in_quotation(text: str, span: tuple[int, int]) -> bool:
    """Whether ``span`` lies inside double quotation marks in ``text``."""
    return any(m.start() <= span[0] < m.end() for m in re.finditer(r"[\"“][^\"“”]*[\"”]", text))


# "arrived in": a visit only when someone arrives (a ship or a convoy arriving is none).
_ARRIVAL = re.compile(r"arrived", re.I)
# "the Jan. 6 attack", "the 9/11 attacks": an event named by its day, whose year is not told
# (not "an April 7 attack", an event reported for the first time).
_NAMED_BY_DATE = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:[\w-]+\s+)?$|\b\d{1,2}/\d{1,2}\s+(?:[\w-]+\s+)?$"
)


def arrival(text: str, trigger: tuple[int, int]) -> bool:
    """Whether a visit's trigger only says that something arrived ("arrived in")."""
    return bool(_ARRIVAL.match(text, trigger[0], trigger[1]))


def named_by_date(text: str, trigger: tuple[int, int]) -> bool:
    """Whether the trigger names an event by its day ("the Jan. 6 attack", "the 9/11 attacks").

    Such a name tells no year: :mod:`workbench.timeline.events` does not date it by the
    article's year when that day lies well before the article.
    """
    return bool(_NAMED_BY_DATE.search(text[max(0, trigger[0] - 40) : trigger[0]]))
