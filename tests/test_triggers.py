"""Trigger words: calls by any form of "speak", assaults beyond shelling, dated invasions."""

import pytest

from workbench.timeline.triggers import (
    arrival,
    background,
    campaign,
    cyber,
    find_trigger,
    find_triggers,
    hypothetical,
    named_by_date,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She had spoken with her counterpart Kuleba.", ("call", "spoken with")),
        ("Scholz spoke by phone with Macron.", ("call", "spoke by phone with")),
        ("The minister phoned his counterpart.", ("call", "phoned")),
        ("He spoke to reporters in Paris.", None),
        ("She spoke to CNN on Monday.", None),
        ("Rebels launched a counteroffensive near the town.", ("attack", "counteroffensive")),
        ("The army's offensive in the east stalled.", ("attack", "'s offensive")),
        ("They sent offensive weapons.", None),
        ("The envoy was assassinated near the capital.", ("attack", "assassinated")),
        ("He was blamed for the downing of the airliner.", ("attack", "downing of")),
        ("Troops invaded the country in March.", ("attack", "invaded")),
        ("They fought invading troops.", None),
    ],
)
def test_triggers_of_calls_and_assaults(text, found):
    got = find_trigger(text)
    assert (got and (got[0], text[got[1][0] : got[1][1]])) == found


@pytest.mark.parametrize(
    ("text", "is_background"),
    [("Troops invaded the country.", True), ("Troops attacked the town.", False)],
)
def test_an_invasion_is_background(text, is_background):
    _, span = find_trigger(text)
    assert background(text, span) is is_background


def span(text, word):
    start = text.index(word)
    return (start, start + len(word))


@pytest.mark.parametrize(
    ("text", "word", "violence", "unreal"),
    [
        # negation and condition unmake any event
        ("There was no call with the envoy.", "call with", False, True),
        ("The two leaders did not meet in Rome.", "meet", False, True),
        ("The ministers haven't met since May.", "met", False, True),
        ("He said he never visited the region.", "visited", False, True),
        ("Prices would soar if there was an attack on the port.", "attack", True, True),
        ("Troops would respond if the enemy attacked the bridge.", "attacked", True, True),
        # capability, threat and intent: violence only (a meeting that could happen is planned)
        ("The rebels could attack the town.", "attack", True, True),
        ("Cheap drones used for attacks on ships are spreading.", "attacks", True, True),
        ("A zone to prevent them from carrying out airstrikes on towns.", "airstrikes", True, True),
        # purpose: the offensive a capture is meant to serve has not happened
        ("Forces need the town in order to press their offensive.", "offensive", True, True),
        ("Troops dug in in order to repel attacks on the bridge.", "attacks", True, True),
        ("The leaders could meet in Rome.", "meet", False, False),
        # warnings, possibilities and forecasts of violence: no deed
        ("Officials warned of a possible attack on the port.", "attack", True, True),
        ("Leaders met amid warnings about an imminent invasion.", "invasion", True, True),
        ("Officials warn that an attack on the port could come soon.", "attack", True, True),
        ("They fear an invasion may begin within days.", "invasion", True, True),
        ("An attack is likely in the coming days.", "attack", True, True),
        ("Further strikes are expected.", "strikes", True, True),
        # a deed told, then judged: it happened
        ("The attack on the port could be a war crime.", "attack", True, False),
        ("The shelling may have killed dozens.", "shelling", True, False),
        ("The blast was likely the result of a leak.", "blast", True, False),
        # what happened
        ("The envoy had a call with the minister.", "call with", False, False),
        ("The leaders not only met but also signed a deal.", "met", False, False),
        ("Shelling hit the town, not the city.", "Shelling", True, False),
        ("A strike, which came without warning, hit the port.", "strike", True, False),
        # a pretence of violence is no deed; staging an attack is one
        ("Officials say the rebels plan a fake attack on the port.", "attack", True, True),
        ("Avalon accused its rival of a false-flag attack.", "attack", True, True),
        ("Troops held a mock strike on the range.", "strike", True, True),
        ("The rebels staged an attack on the port on Monday.", "attack", True, False),
    ],
)
def test_hypothetical_events(text, word, violence, unreal):
    assert hypothetical(text, span(text, word), violence=violence) is unreal


@pytest.mark.parametrize(
    ("text", "word", "named"),
    [
        ("Rioters took part in the Jan. 6 attack on the building.", "attack", True),
        ("He recalled the 9/11 attacks.", "attacks", True),
        ("Investigators studied the March 16 strike on the theatre.", "strike", True),
        ("The attack on Jan. 6 shocked the country.", "attack", False),
        ("A soldier was suspected in an April 7 attack on the base.", "attack", False),
        ("Saturday's attack killed three.", "attack", False),
    ],
)
def test_an_event_named_by_its_day_is_not_dated_by_the_article(text, word, named):
    assert named_by_date(text, span(text, word)) is named


@pytest.mark.parametrize(
    ("text", "word", "only_arrived"),
    [
        ("The grain ship arrived in Istanbul.", "arrived in", True),
        ("The minister visited Kyiv.", "visited", False),
    ],
)
def test_arrival(text, word, only_arrived):
    assert arrival(text, span(text, word)) is only_arrived


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a call named as a noun: its kind, or a determiner before it
        ("The leader held a conference call with his allies.", ("call", "conference call")),
        ("After the call, the two ministers issued a statement.", ("call", "the call")),
        ("The mayor had a long conversation with the governor.", ("call", "conversation with")),
        ("He issued a call for calm.", None),
        ("She answered the call to serve.", None),
        ("The minister spoke to Congress on Tuesday.", None),
        # explosions and blasts: violence that names neither doer nor weapon
        ("Explosions rocked the airbase on Tuesday.", ("attack", "Explosions")),
        ("Two people died in the blast near the station.", ("attack", "blast")),
        ("A missile caused the explosion at the depot.", ("strike", "explosion")),
        ("The film was a blast from the past.", None),
    ],
)
def test_triggers_of_call_nouns_and_explosions(text, found):
    got = find_trigger(text)
    assert (got and (got[0], text[got[1][0] : got[1][1]])) == found


@pytest.mark.parametrize(
    ("text", "word", "violence", "unreal"),
    [
        # "no one" denies the harm, not the deed
        ("No one was hurt in the blast at the depot.", "blast", True, False),
        ("There was no attack on the depot.", "attack", True, True),
        # willingness, wish or appeal is no event of any type
        ("Officials said they are willing to resume negotiations.", "negotiations", False, True),
        ("The envoy is ready for talks with the rebels.", "talks", False, True),
        ("The mayor called for a ceasefire in the city.", "ceasefire", False, True),
        ("The minister hopes to meet his counterpart.", "meet", False, True),
        ("The rebels resumed negotiations in Geneva.", "negotiations", False, False),
        ("The two sides agreed to a ceasefire.", "ceasefire", False, False),
    ],
)
def test_harm_denied_and_wishes(text, word, violence, unreal):
    assert hypothetical(text, span(text, word), violence=violence) is unreal


@pytest.mark.parametrize(
    ("text", "found", "is_campaign"),
    [
        # a deed wins over a campaign named before it
        ("During the invasion, troops shelled the town.", ("attack", "shelled"), False),
        ("The offensive stalled after rebels attacked the bridge.", ("attack", "attacked"), False),
        # the campaign alone is taken (the events module keeps it only when dated or placed)
        ("The invasion began on March 3.", ("attack", "invasion"), True),
        ("The counteroffensive is gaining momentum.", ("attack", "counteroffensive"), True),
        ("An explosion hit the town during the invasion.", ("attack", "explosion"), False),
    ],
)
def test_a_deed_before_a_campaign(text, found, is_campaign):
    got = find_trigger(text)
    assert (got[0], text[got[1][0] : got[1][1]]) == found
    assert campaign(text, got[1]) is is_campaign


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He urged Ruritania to uphold the ceasefire.", "ceasefire"),
        ("She is open to talks with the rebels.", "talks"),
    ],
)
def test_a_wish_governs_the_trigger(text, word):
    assert hypothetical(text, span(text, word), violence=False)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He expressed hope the call with the envoy might ease tensions.", "call with"),
        ("The chair rose to open the meeting in Geneva.", "meeting"),
    ],
)
def test_a_wish_that_does_not_govern_the_trigger(text, word):
    assert not hypothetical(text, span(text, word), violence=False)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what one side signs alone is no agreement
        ("The president signed a decree on Monday.", None),
        ("The governor signed the bill into law.", None),
        ("She signed into law a new budget.", None),
        ("The two ministers signed a memorandum.", ("agreement", "signed")),
        # received with, not met
        ("Any incursion would be met with sanctions.", None),
        ("The plan was met with criticism.", None),
        ("The envoy was met by the minister at the airport.", ("meeting", "met")),
        ("The envoy met with the minister.", ("meeting", "met")),
        # a legislature's committee is an audience, not a party to a call
        ("He was speaking to the House Oversight Committee.", None),
        ("She spoke with Minister Jones.", ("call", "spoke with")),
    ],
)
def test_unilateral_signing_passive_met_and_committees(text, found):
    got = find_trigger(text)
    assert (got and (got[0], text[got[1][0] : got[1][1]])) == found


@pytest.mark.parametrize(
    ("text", "word", "violence", "unreal"),
    [
        # violence as the infinitive of an intent, a plan or a capacity did not happen ...
        ("The rebels are weighing ways to attack the capital.", "attack", True, True),
        ("He is positioned to potentially launch an attack from the north.", "attack", True, True),
        ("The army plans to carry out new strikes on the port.", "strikes", True, True),
        # ... but a course underway or a means used tells what was done
        ("Troops continued to shell the city on Monday.", "shell", True, False),
        ("The ministry said it used drones to strike the depot.", "strike", True, False),
        ("Rebels began to launch strikes on the port.", "strikes", True, False),
        # an appeal to named people governs the trigger however long their titles
        (
            'Groups urged President Ann Jones and Vice President John Smith to "make a deal".',
            "deal",
            False,
            True,
        ),
        ("The envoy asked the two ministers to hold talks.", "talks", False, True),
        ("The envoy said the two ministers held talks.", "talks", False, False),
    ],
)
def test_intended_violence_and_long_appeals(text, word, violence, unreal):
    assert hypothetical(text, span(text, word), violence=violence) is unreal


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "negotiating" before the noun it qualifies is no negotiation
        ("Aid would strengthen the negotiating position of the rebels.", None),
        ("The envoys were negotiating in Geneva.", ("talks", "negotiating")),
    ],
)
def test_a_negotiating_position_is_no_talks(text, found):
    got = find_trigger(text)
    assert (got if got is None else (got[0], text[got[1][0] : got[1][1]])) == found


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # talks or a meeting held at a summit: the encounter, the summit its occasion
        ("Ann Lee and Bo Chan held talks at the G20 summit today.", ["talks"]),
        ("Lee met Chan on the sidelines of the Avalon summit.", ["meeting"]),
        ("At the summit in Avalon, Lee held talks with Chan.", ["talks"]),
        # the summit itself, or a summit that is no place of the meeting
        ("Leaders held a summit in Avalon.", ["summit"]),
        ("Leaders met for a summit in Avalon.", ["summit", "meeting"]),
        ("The meeting, two weeks before a summit in Avalon, went well.", ["summit", "meeting"]),
    ],
)
def test_a_meeting_held_at_a_summit_is_that_meeting(text, types):
    assert [t for t, _ in find_triggers(text)] == types


@pytest.mark.parametrize(
    ("text", "word", "is_cyber"),
    [
        ("A ransomware attack on the firm shut its plants in May.", "attack", True),
        ("Hackers launched another attack against the software company.", "attack", True),
        ("The July attack on the firm followed a spate of cyberattacks.", "attack", True),
        ("The denial-of-service attack took the bank offline.", "attack", True),
        # physical violence, or a cyber word beside a strike
        ("Troops attacked the port on Monday.", "attacked", False),
        ("A missile strike hit the port as hackers leaked files.", "strike", False),
        ("The attack on the port killed three.", "attack", False),
    ],
)
def test_a_cyberattack_is_no_attack(text, word, is_cyber):
    assert cyber(text, span(text, word)) is is_cyber


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a call told by its verb: the gathering named as its time is no event of the sentence
        ("Following his meetings in Avalon, Jones spoke to Lee by phone.", ["call"]),
        ("Jones and Lee spoke on the phone ahead of the summit.", ["call"]),
        ("After talks in Avalon, Jones phoned Lee.", ["call"]),
        # a call noun, or a gathering that is not the time of the call: both stay
        ("After meeting Lee in Avalon, Jones pressed Kim in a phone call.", ["meeting", "call"]),
        ("Jones met Lee in Avalon and spoke to Kim by phone.", ["meeting", "call"]),
        # speaking with someone, not by phone, may be face to face: the gathering stays
        ("After the meeting, Jones spoke with a group of leaders.", ["meeting", "call"]),
    ],
)
def test_a_call_verb_outranks_a_gathering_named_as_its_time(text, types):
    assert [t for t, _ in find_triggers(text)] == types
