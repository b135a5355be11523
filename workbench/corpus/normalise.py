"""Normalising one article: clean characters, move metadata out of the body, drop chrome.

The body of a scraped article carries things that are not the article: tickers,
share and subscribe prompts, "Continue Reading", tag lists, photo credits, and
metadata (headline, byline, dateline) that belongs in its own column.
:func:`normalise_article` returns the clean body, what it moved to metadata, and
an audit of every piece it removed and by which rule, so that nothing leaves
the body silently. Every rule is a small regex or line test, listed in this
module, and each has a table of cases in ``tests/test_normalise.py``.

The body comes back as paragraphs separated by one blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.corpus.textclean import clean_characters

# ----------------------------------------------------------------------------- line rules

_CHROME_LINES = re.compile(
    r"""^(?:
        continue\ reading|read\ more|read\ full\ (?:article|story)
      | want\ to\ read\ more(?:\ articles)?\??
      | explore\ our\ latest\ news(?:\ and\ updates)?|browse\ all\ articles|more\ stories
      | related(?:\ (?:articles|stories|coverage))?
      | (?:post|leave|add)\ a\ comment|comments?(?:\ \(\d+\))?|view\ comments|show\ comments
      | previous\ post(?:\ next\ post)?|next\ post|previous\ article|next\ article
      | you\ may\ also\ like|you\ might\ also\ like|recommended(?:\ for\ you)?
      | most\ read|popular\ now|trending\ now
      | share(?:\ this)?(?:\ article|\ story)?(?:\ on\ \w+)?|share\ via\ email
      | print|email|tweet|facebook|twitter|whatsapp|linkedin
      | advertisement|sponsored(?:\ content)?|skip\ to\ (?:main\ )?content
      | back\ to\ top|top\ of\ page
      | (?:follow|like)\ us\ on\ .{1,40}|subscribe(?:\ now|\ today)?(?:\ to\ .{1,60})?
      | sign\ up(?:\ for|\ to)\ .{0,80}|get\ our\ .{0,40}newsletter.{0,60}|newsletter
      | by\ signing\ up.{0,120}
      | click\ here\ to\ .{0,80}|watch(?:\ video)?|video|listen(?:\ to\ (?:this\ )?article)?
      | image|photo|gallery
      | copyright\ .{0,120}|all\ rights\ reserved\.?
    )[.!:]?$""",
    re.IGNORECASE | re.VERBOSE,
)

_TICKER = re.compile(
    r"^(?:breaking(?:\ news)?|latest(?:\ news)?|live(?:\ updates)?|just\ in|developing(?:\ story)?"
    r"|trending(?:\ now)?)$|^(?:breaking|latest|trending|just\ in|live)\s*:\s*.+",
    re.IGNORECASE | re.VERBOSE,
)
_TICKER_SEPARATORS = re.compile(r"\s[•|·]\s")

_HASHTAG_RUN = re.compile(r"^(?:#[^#\n]+?\s*){2,}$")
_KEYWORDS_LINE = re.compile(
    r"^\(?\s*(?:keywords?|tags?|topics?|tagged)\s*:\s*(?P<tags>.+?)\s*\)?\.?$", re.I
)
_GLUED_TAGS = re.compile(r"(?<=[a-z)])(?=[A-Z])")

_BYLINE_PREFIX = re.compile(r"^(?:by|written by|words by|reporting by)\s+(?P<name>.+)$", re.I)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$"
)
_NOT_NAME_WORDS = frozenset(
    """news breaking latest analysis analytical breakdown opinion editorial live update updates
    world politics report reports staff desk home sport sports business today week weekly
    daily comment comments review feature features explainer exclusive video watch read more
    story stories conclusion introduction background summary overview faq faqs questions
    related peace war talks russia ukraine united states america american europe european
    the and of diplomacy relations conflict crisis global international security press media
    in on at for with from by to as of a an about after before during under over into""".split()
)
_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|press|media|agency|reuters|associated|wire|staff|desk|tv|radio|daily"
    r"|herald|journal|tribune|telegraph|guardian|bbc|cnn|fox|online)\b|\.(?:com|news|org|net)\b",
    re.I,
)

_TEASER_END = re.compile(r"(?:\.\.\.|…)\s*$")
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?"
    r"\s*\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|Xinhua)\))\s*[—-]+\s*"
)

_PHOTO_CREDIT_LINE = re.compile(
    r"^(?:\(?(?:photo|image|picture|photograph|credit|video|caption|file photo)s?"
    r"(?:\s+(?:by|credit|source))?\s*:.{0,200}|.{0,120}(?:getty images|ap photo|afp via getty"
    r"|shutterstock|reuters/[a-z]+)\)?\.?)$",
    re.I,
)

# ----------------------------------------------------------------------------- inline rules

# (rule, a substring that must be present, in lower case, for the pattern to be tried, pattern)
_INLINE_BOILERPLATE: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "video_caption",
        "fox news flash",
        re.compile(
            r"Fox News Flash top (?:headlines|entertainment and celebrity headlines)"
            r"(?: for [^.]{1,20})? are here\. Check out what's clicking (?:today )?"
            r"(?:in entertainment )?on Fox ?news\.com\.?\s*",
            re.I,
        ),
    ),
    (
        "newsletter_prompt",
        "sign up",
        re.compile(
            r"Get all the latest news on [^.]{1,60} delivered daily to your inbox\."
            r" Sign up here\.?\s*"
            r"|Sign up (?:for|to) (?:our|the) [^.]{1,80}newsletter[^.]{0,80}\.\s*"
            r"|Sign up to [^.]{1,60} here\.?\s*",
            re.I,
        ),
    ),
    (
        "copyright",
        "©",
        re.compile(
            r"\(?©\s*(?:Copyright\s*)?\d{4}[^.]{0,80}\.(?:\s*All Rights Reserved\.)?"
            r"(?:\s*This material may not be published, broadcast, rewritten,?"
            r" or redistributed\.?)?"
            r"(?:\s*The BBC is not responsible for the content of external sites\."
            r"\s*Read about our approach to external linking\.)?\)?\s*",
            re.I,
        ),
    ),
    (
        "read_more",
        "",
        re.compile(
            r"\*\*\s*(?:CLICK HERE TO )?READ MORE[^*]{0,80}\*\*\s*"
            r"|\bREAD MORE:\s*[^.]{0,200}?(?=\s[A-Z][a-z]|\s*$)"
            r"|\bCLICK HERE (?:TO|FOR) [^.]{0,100}(?:\.|$)\s*",
        ),
    ),
    ("photo_credit", "(", re.compile(r"\((?:Photo|Image|Credit)[^()]{0,150}\)\s*", re.I)),
)


# ----------------------------------------------------------------------------- result


@dataclass
class Normalised:
    """One article after normalising.

    Attributes:
        text: The clean body, paragraphs separated by a blank line.
        title: The headline, given or found at the top of the text.
        author: The byline's person(s), ``None`` when there is none.
        source: An outlet named in the byline (``"by time news"``), else ``None``.
        tags: Keywords and hashtags taken out of the body.
        dateline: A wire dateline (``"KYIV, Ukraine (AP)"``) taken off the first paragraph.
        removed: ``(rule, text)`` for everything taken out of the body, in order.
    """

    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    dateline: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)


# ----------------------------------------------------------------------------- helpers


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def _words(text: str) -> int:
    return len(text.split())


def is_ticker(line: str) -> bool:
    """A news ticker or breaking-news banner line."""
    return bool(_TICKER.match(line)) or len(_TICKER_SEPARATORS.findall(line)) >= 2


def is_chrome_line(line: str) -> bool:
    """A whole line of page chrome: share, comment, subscribe, navigation, ads."""
    return len(line) <= 160 and bool(_CHROME_LINES.match(line.strip()))


def is_photo_credit(line: str) -> bool:
    """A whole line that is a photo or video credit or caption label."""
    return _words(line) <= 40 and bool(_PHOTO_CREDIT_LINE.match(line))


def split_tags(line: str) -> list[str] | None:
    """The tags in a hashtag run, a ``Keywords:`` line or a line of tags glued together.

    Returns ``None`` when the line is not a tag line.
    """
    if _HASHTAG_RUN.match(line):
        return [t.strip() for t in line.split("#") if t.strip()]
    m = _KEYWORDS_LINE.match(line)
    if m:
        return [t.strip() for t in re.split(r"[,;|]", m.group("tags")) if t.strip()]
    if _words(line) <= 20 and not re.search(r"[.!?,:;]$", line):
        parts = _GLUED_TAGS.split(line)
        if len(parts) >= 3:
            return [p.strip() for p in parts if p.strip()]
    return None


def parse_byline(
    line: str, *, require_prefix: bool = False
) -> tuple[str | None, str | None] | None:
    """Read a byline into ``(author, outlet)``; ``None`` when the line is not a byline.

    ``"By Jane Doe, Associated Press"`` -> ``("Jane Doe", "Associated Press")``;
    ``"by time news"`` -> ``(None, "time news")``; ``"Sarah Chen"`` -> ``("Sarah Chen", None)``.
    """
    m = _BYLINE_PREFIX.match(line.strip())
    if not m and require_prefix:
        return None
    body = (m.group("name") if m else line).strip().rstrip(".")
    if not body or _words(body) > 12 or re.search(r"\d|[!?;:]", body):
        return None
    name, _, affiliation = body.partition(",")
    if not m and affiliation:  # a bare line must be nothing but the name(s)
        return None
    if m and _OUTLET_WORDS.search(name):
        return None, name.strip()
    people = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", name) if p.strip()]
    if not people or not all(_looks_like_name(p) for p in people):
        return None
    author = " and ".join(p.title() if p.isupper() else p for p in people)
    return author, (affiliation.strip() or None)


def _looks_like_name(text: str) -> bool:
    tokens = (text.title() if text.isupper() else text).split()
    if not 2 <= len(tokens) <= 4:
        return False
    if any(t.lower().strip(".") in _NOT_NAME_WORDS for t in tokens):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


def looks_like_title(line: str) -> bool:
    """A line that can be a headline: short, not a sentence ending in a full stop."""
    return 2 <= _words(line) <= 25 and len(line) <= 220 and not re.search(r"[.,;:]$", line)


# ----------------------------------------------------------------------------- the pipeline


def normalise_article(
    raw: str, *, title: str | None = None, author: str | None = None, find_title: bool = True
) -> Normalised:
    """Normalise one article's text.

    Args:
        raw: The text as received.
        title: The headline when the source gives one; lines repeating it are removed.
        author: The author when the source gives one; a byline repeating it is removed.
        find_title: Take the first headline-like line as the title when ``title`` is empty
            (plain-text files); off for tables whose bodies never start with a headline.

    Returns:
        The clean body with the metadata found and the audit of what was removed.
    """
    cleaned = clean_characters(raw or "")
    out = Normalised(text="", title=title or None, author=author or None)
    lines = [ln for ln in cleaned.split("\n") if ln]
    lines = _take_header(lines, out, find_title=find_title)
    body = _drop_lines(lines, out)
    body = _drop_teasers(body, out)
    body = _drop_inline(body, out)
    if body:
        body[0] = _take_dateline(body[0], out)
    body = [p for p in body if p]
    out.text = "\n\n".join(body)
    _guard_against_loss(cleaned, out)
    return out


def _take_header(lines: list[str], out: Normalised, *, find_title: bool) -> list[str]:
    """Walk the top lines: tickers, headline, repeated headline, tags, byline."""
    kept: list[str] = []
    seen_byline = seen_title_line = False
    known_title = _comparable(out.title) if out.title else None
    for i, line in enumerate(lines):
        if i >= 12 or (_words(line) >= 30 and not _TEASER_END.search(line)):
            return kept + lines[i:]
        if is_ticker(line):
            out.removed.append(("ticker", line))
        elif known_title and _comparable(line) == known_title:
            seen_title_line = True
            out.removed.append(("repeated_title", line))
        elif (tags := split_tags(line)) is not None:
            out.tags.extend(tags)
            out.removed.append(("tags", line))
        elif not seen_byline and (by := parse_byline(line, require_prefix=not seen_title_line)):
            seen_byline = True
            person, outlet = by
            out.author = out.author or person
            out.source = out.source or outlet
            out.removed.append(("byline", line))
        elif find_title and out.title is None and not kept and looks_like_title(line):
            out.title, known_title, seen_title_line = line, _comparable(line), True
            out.removed.append(("title", line))
        else:
            kept.append(line)
    return kept


def _drop_lines(lines: list[str], out: Normalised) -> list[str]:
    """Whole lines of chrome, photo credits and tag lists, anywhere in the body."""
    kept = []
    for line in lines:
        if is_chrome_line(line):
            out.removed.append(("chrome_line", line))
        elif is_photo_credit(line):
            out.removed.append(("photo_credit", line))
        elif (tags := _tag_line_anywhere(line)) is not None:
            out.tags.extend(tags)
            out.removed.append(("tags", line))
        else:
            kept.append(line)
    return kept


def _tag_line_anywhere(line: str) -> list[str] | None:
    if _HASHTAG_RUN.match(line) or _KEYWORDS_LINE.match(line):
        return split_tags(line)
    return None


def _drop_teasers(lines: list[str], out: Normalised) -> list[str]:
    """A paragraph cut off with an ellipsis that repeats the start of a later one."""
    kept = []
    for i, line in enumerate(lines):
        if _TEASER_END.search(line):
            stem = _comparable(_TEASER_END.sub("", line))[:120]
            later = lines[i + 1 :]
            if len(stem) >= 20 and any(_comparable(p).startswith(stem) for p in later):
                out.removed.append(("teaser", line))
                continue
            if len(stem) >= 20 and any(stem in _comparable(p) for p in later):
                out.removed.append(("teaser", line))
                continue
        kept.append(line)
    return kept


def _drop_inline(lines: list[str], out: Normalised) -> list[str]:
    """Boilerplate sentences inside paragraphs (flattened bodies carry them inline)."""
    kept = []
    for line in lines:
        lower = line.lower()
        shouting = "READ MORE" in line or "CLICK HERE" in line
        for rule, trigger, pattern in _INLINE_BOILERPLATE:
            if (trigger and trigger not in lower) or (rule == "read_more" and not shouting):
                continue
            if pattern.search(line):
                for m in pattern.finditer(line):
                    out.removed.append((rule, m.group(0).strip()))
                line = pattern.sub("", line).strip()
        if line:
            kept.append(line)
    return kept


def _take_dateline(first: str, out: Normalised) -> str:
    m = _DATELINE.match(first)
    if not m:
        return first
    out.dateline = m.group("dateline").strip()
    out.removed.append(("dateline", m.group(0).strip()))
    return first[m.end() :]


def _guard_against_loss(cleaned: str, out: Normalised) -> None:
    """If the rules left almost nothing of a real body, keep every line but metadata."""
    before = _words(cleaned)
    if before < 40 or _words(out.text) >= 0.25 * before:
        return
    moved = {"title", "repeated_title", "byline", "tags", "dateline"}
    dropped = {text for rule, text in out.removed if rule in moved}
    lines = [ln for ln in cleaned.split("\n") if ln and ln not in dropped]
    out.removed = [(r, t) for r, t in out.removed if r in moved]
    out.removed.append(
        ("kept_body_guard", f"rules would have removed {before - _words(out.text)} words")
    )
    out.text = "\n\n".join(lines)
