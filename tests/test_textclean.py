import pytest

from workbench.corpus import textclean as tc


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("Kyiv &amp; Moscow", "Kyiv & Moscow"),
        ("it&#8217;s", "it\u2019s"),
        ("AT&T and R&D", "AT&T and R&D"),
        ("", ""),
    ],
)
def test_unescape_entities(text_in, text_out):
    assert tc.unescape_entities(text_in) == text_out


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        # UTF-8 read as cp1252 or latin-1: Latin text
        ("Zelenskyyâ€™s plan", "Zelenskyy\u2019s plan"),
        ("â€œpeaceâ€\x9d", "\u201cpeace\u201d"),
        ("ZelenskyyÂ\xa0said", "Zelenskyy\xa0said"),
        ("Ã‰lysÃ©e", "\u00c9lys\u00e9e"),
        # UTF-8 read as latin-1 / cp1252: Cyrillic
        ("Ð\x9fÑ\x83Ñ\x82Ð¸Ð½", "Путин"),
        (
            "Ð\x9fÑ\x83Ñ\x82Ð¸Ð½ Ð·Ð°Ñ\x8fÐ²Ð¸Ð», Ñ\x87Ñ\x82Ð¾ Ð¿ÐµÑ\x80ÐµÐ³Ð¾Ð²Ð¾Ñ\x80Ñ\x8b "
            "Ð¿Ñ\x80Ð¾Ð´Ð¾Ð»Ð¶Ð°Ñ\x82Ñ\x81Ñ\x8f.",
            "Путин заявил, что переговоры продолжатся.",
        ),
        ("ÐŸÑƒÑ‚Ð¸Ð½ Ð·Ð°Ñ\x8fÐ²Ð¸Ð»", "Путин заявил"),
        # Latin and Cyrillic together, all of it misread; and a misread name in good Cyrillic
        ("Vladimir Putin (Ð\x9fÑ\x83Ñ\x82Ð¸Ð½) met Macron.", "Vladimir Putin (Путин) met Macron."),
        ("Путин назвал Ð—ÐµÐ»ÐµÐ½Ñ\x81ÐºÐ¸Ð¹", "Путин назвал Зеленский"),
        # UTF-8 read as cp1251
        ("РџСѓС‚РёРЅ Р·Р°СЏРІРёР»", "Путин заявил"),
        # correct text is left exactly as it is
        ("caf\u00e9 is fine", "caf\u00e9 is fine"),
        ("Путин заявил, что переговоры продолжатся.", "Путин заявил, что переговоры продолжатся."),
        ("Сёмга, Ёлка, Рівне, Січ і Україна", "Сёмга, Ёлка, Рівне, Січ і Україна"),
        ("Größe, Übermaß, Straße «Ärger»", "Größe, Übermaß, Straße «Ärger»"),
        ("«à» l\u2019été, où ça, Noël, Ça", "«à» l\u2019été, où ça, Noël, Ça"),
        (
            "\u201cpeace\u201d and \u2018war\u2019 \u2014 fine",
            "\u201cpeace\u201d and \u2018war\u2019 \u2014 fine",
        ),
        ("🇺🇦 🙂 peace ✌️", "🇺🇦 🙂 peace ✌️"),
        ("ﬁne ＡＢＣ &amp;", "ﬁne ＡＢＣ &amp;"),
        ("", ""),
    ],
)
def test_repair_mojibake(text_in, text_out):
    assert tc.repair_mojibake(text_in) == text_out


@pytest.mark.parametrize(
    "text",
    [
        "Plain English with no accents at all.",
        "Путин заявил, что переговоры продолжатся.",
        "Рівне, Січ, Тільки і Україна",
        "Größe, Übermaß, Straße",
        "\u201cpeace\u201d \u2014 l\u2019été",
    ],
)
def test_repair_mojibake_skips_ftfy_for_clean_text(text, monkeypatch):
    import ftfy.badness

    def fail(_text):
        raise AssertionError("ftfy ran on clean text")

    monkeypatch.setattr(ftfy.badness, "is_bad", fail)
    assert tc.repair_mojibake(text) == text


def test_normalize_unicode_composes():
    assert tc.normalize_unicode("Ele\u0301 ysee") == "El\u00e9 ysee"


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("Ky\u200biv", "Kyiv"),
        ("\ufeffStart", "Start"),
        ("co\u00adoperate", "cooperate"),
        ("a\u2060b", "ab"),
    ],
)
def test_remove_zero_width(text_in, text_out):
    assert tc.remove_zero_width(text_in) == text_out


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("\u201cPeace,\u201d he said", '"Peace," he said'),
        ("Ukraine\u2019s", "Ukraine's"),
        ("\u00abnon\u00bb", '"non"'),
        ("`quoted'", "'quoted'"),
    ],
)
def test_straighten_quotes(text_in, text_out):
    assert tc.straighten_quotes(text_in) == text_out


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("2014\u20132022", "2014-2022"),
        ("peace \u2013 or not", "peace \u2014 or not"),
        ("non\u2011stop", "non-stop"),
        ("a \u2014 b", "a \u2014 b"),
        ("\u22125 degrees", "-5 degrees"),
    ],
)
def test_normalize_dashes(text_in, text_out):
    assert tc.normalize_dashes(text_in) == text_out


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("a  b\tc\u00a0d", "a b c d"),
        ("  line one  \r\n line two ", "line one\nline two"),
        ("p1\n\n\n\n\np2", "p1\n\np2"),
        ("x\u2028y", "x\ny"),
        ("plain", "plain"),
    ],
)
def test_normalize_whitespace(text_in, text_out):
    assert tc.normalize_whitespace(text_in) == text_out


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("the U. S. and Russia", "the U.S. and Russia"),
        ("U. S. -Russia relations", "U.S.-Russia relations"),
        ("U. S. President Trump", "U.S. President Trump"),
        ("at the U. N. today", "at the U.N. today"),
        ("J. R. Tolkien wrote", "J. R. Tolkien wrote"),
        ("the U.S. already", "the U.S. already"),
    ],
)
def test_join_spaced_abbreviations(text_in, text_out):
    assert tc.join_spaced_abbreviations(text_in) == text_out


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("these peace talks?The potential", "these peace talks? The potential"),
        ("ongoing,as highlighted", "ongoing, as highlighted"),
        ("Dr.Anya Sharma", "Dr. Anya Sharma"),
        ("a long shadow.These are", "a long shadow. These are"),
        ("clicking on Foxnews.com now", "clicking on Foxnews.com now"),
        ("the U.S.A. and 1,000 people", "the U.S.A. and 1,000 people"),
    ],
)
def test_space_glued_sentences(text_in, text_out):
    assert tc.space_glued_sentences(text_in) == text_out


def test_clean_characters_runs_every_cleaner_in_order():
    raw = "\u201cU. S. -Russia\u201d talks\u200b?The end &amp; more  \u2013 Dr.Anya\r\n\r\n\r\nNext"
    assert tc.clean_characters(raw) == '"U.S.-Russia" talks? The end & more \u2014 Dr. Anya\n\nNext'


def test_compose_applies_left_to_right():
    pipeline = tc.compose([str.upper, lambda s: s + "!"])
    assert pipeline("abc") == "ABC!"
