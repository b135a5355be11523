import pytest

from workbench.corpus import normalise as nm


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Breaking News", True),
        ("Latest: Global peace talks resume • Markets reach all-time high", True),
        ("Markets up • Peace talks • Weather", True),
        ("• Washington is scheduled to hold talks with Kyiv in Saudi Arabia.", False),
        ("Latest developments suggest a shift", False),
    ],
)
def test_is_ticker(line, expected):
    assert nm.is_ticker(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Continue Reading", True),
        ("Want to read more articles?", True),
        ("Explore our latest news and updates", True),
        ("Browse All Articles", True),
        ("Post a Comment", True),
        ("Previous Post Next Post", True),
        ("You may also like", True),
        ("Leave a Comment", True),
        ("Share this article", True),
        ("Sign up for our daily newsletter", True),
        ("Advertisement", True),
        ("Conclusion", False),
        ("Continue reading the talks, Rubio said the meeting was frank.", False),
    ],
)
def test_is_chrome_line(line, expected):
    assert nm.is_chrome_line(line) is expected


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        (
            "#US-Russia relations#Ukraine War#Marco Rubio",
            ["US-Russia relations", "Ukraine War", "Marco Rubio"],
        ),
        (
            "US-Russia RelationsUkraine ConflictMarco RubioDiplomacy",
            ["US-Russia Relations", "Ukraine Conflict", "Marco Rubio", "Diplomacy"],
        ),
        (
            "(Keywords: Ukraine peace talks,Zelenskyy,Macron)",
            ["Ukraine peace talks", "Zelenskyy", "Macron"],
        ),
        ("Tags: NATO; Kremlin", ["NATO", "Kremlin"]),
        ("Rubio Leads US Team in Paris Peace Talks on Ukraine", None),
        ("McDonald's closes stores", None),
    ],
)
def test_split_tags(line, tags):
    assert nm.split_tags(line) == tags


@pytest.mark.parametrize(
    ("line", "require_prefix", "expected"),
    [
        ("Sarah Chen", False, ("Sarah Chen", None)),
        ("By Jane Doe", True, ("Jane Doe", None)),
        ("By JANE DOE, Associated Press", True, ("Jane Doe", "Associated Press")),
        ("By Jane Doe and John Roe", True, ("Jane Doe and John Roe", None)),
        ("by time news", True, (None, "time news")),
        ("Sarah Chen", True, None),
        ("Analytical Breakdown", False, None),
        ("Breaking News", False, None),
        ("In Brussels, NATO leaders will also discuss support for Ukraine.", False, None),
        ("The Diplomatic Dance: Routes to Peace", False, None),
    ],
)
def test_parse_byline(line, require_prefix, expected):
    assert nm.parse_byline(line, require_prefix=require_prefix) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rubio Leads US Team in Paris Peace Talks on Ukraine", True),
        ("Ukraine Peace: Rubio's Russia Talks Spark Hope or False Dawn?", True),
        ("This is a sentence that ends with a full stop.", False),
        ("Word", False),
    ],
)
def test_looks_like_title(line, expected):
    assert nm.looks_like_title(line) is expected


PLAIN = """Breaking News

Latest: Talks resume • Markets up

Envoys Meet in Geneva Over Ceasefire

#Diplomacy#Ukraine#Geneva
Jane Example

The envoys met on Monday to discuss a ceasefire. The talks lasted...

Talks in Geneva

The envoys met on Monday to discuss a ceasefire. The talks lasted five hours and ended without a deal, officials said.

Both sides will meet again next week, according to the host government.

Continue Reading

Leave a Comment"""


def test_plain_article_metadata_moves_out_and_chrome_goes():
    out = nm.normalise_article(PLAIN)
    assert out.title == "Envoys Meet in Geneva Over Ceasefire"
    assert out.author == "Jane Example"
    assert out.tags == ["Diplomacy", "Ukraine", "Geneva"]
    assert out.text == (
        "Talks in Geneva\n\nThe envoys met on Monday to discuss a ceasefire. The talks lasted five hours "
        "and ended without a deal, officials said.\n\nBoth sides will meet again next week, according "
        "to the host government."
    )
    rules = [rule for rule, _ in out.removed]
    assert rules.count("ticker") == 2
    assert {"title", "tags", "byline", "teaser", "chrome_line"} <= set(rules)


def test_given_title_is_removed_where_repeated_and_not_rediscovered():
    text = "Talks Possible Soon\n\nTalks Possible Soon\n\nThe Kremlin said talks could happen on Sunday, a spokesman said."
    out = nm.normalise_article(text, title="Talks possible soon")
    assert out.title == "Talks possible soon"
    assert out.text.startswith("The Kremlin said")
    assert [r for r, _ in out.removed] == ["repeated_title", "repeated_title"]


def test_table_bodies_do_not_lose_a_first_line_as_title():
    text = "Short opening line\n\nThe rest of the story follows here with many words in it."
    out = nm.normalise_article(text, find_title=False)
    assert out.title is None
    assert out.text.startswith("Short opening line")


@pytest.mark.parametrize(
    ("body", "clean", "rule"),
    [
        (
            "KYIV, Ukraine (AP) \u2014 Russian troops advanced on Monday.",
            "Russian troops advanced on Monday.",
            "dateline",
        ),
        ("WASHINGTON (Reuters) - The Senate voted.", "The Senate voted.", "dateline"),
        (
            "Fox News Flash top headlines are here. Check out what's clicking on Foxnews.com. The talks began.",
            "The talks began.",
            "video_caption",
        ),
        (
            "Officials met. Get all the latest news on coronavirus and more delivered daily to your inbox. Sign up here. They agreed.",
            "Officials met. They agreed.",
            "newsletter_prompt",
        ),
        (
            "Russia denied it. \u00a9 Copyright 2020 CNN. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed.",
            "Russia denied it.",
            "copyright",
        ),
        ("The vote passed. **READ MORE AT CBSNEWS.COM**", "The vote passed.", "read_more"),
        (
            "Putin spoke (Photo by Jane Roe/Getty Images) on Friday.",
            "Putin spoke on Friday.",
            "photo_credit",
        ),
    ],
)
def test_inline_boilerplate_in_flattened_bodies(body, clean, rule):
    out = nm.normalise_article(body, title="Given", find_title=False)
    assert out.text == clean
    assert rule in [r for r, _ in out.removed]


def test_dateline_goes_to_metadata():
    out = nm.normalise_article("KYIV, Ukraine (AP) \u2014 Troops advanced.", find_title=False)
    assert out.dateline == "KYIV, Ukraine (AP)"


def test_guard_keeps_body_when_rules_would_remove_almost_everything():
    # A body made of short lines that all look like chrome is still an article.
    body = "\n".join(["Video"] * 5 + ["Share this article"] * 5 + ["word " * 60])
    out = nm.normalise_article(body, title="T", find_title=False)
    assert len(out.text.split()) >= 60
    body2 = "\n".join(["Print"] * 40 + ["Short real sentence here."])
    out2 = nm.normalise_article(body2, title="T", find_title=False)
    assert "Short real sentence here." in out2.text
    assert out2.text.count("Print") == 40
    assert "kept_body_guard" in [r for r, _ in out2.removed]
