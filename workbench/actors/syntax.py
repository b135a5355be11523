"""The subject of a speech verb, read off a dependency parse of its sentence.

"The speaker is the subject of the speech verb": the model's dependency parser finds that
subject however long the words between them ("Tal, who visited the city last week and
met its mayor, said"), after the verb ("..., said the mayor"), or through a second verb
that shares it ("... and added", "..., adding that"). With :data:`SELECT` on, the rules
run first and a sentence with a speech verb is parsed only where they found no speaker
or a weak one (:data:`WEAK`, :func:`ask`; in news about a fifth of the words); its
document is then read again with the parse tried first. Off, every sentence with a
speech verb is parsed (half the words). The parser is that of the entity model
(:func:`workbench.actors.ner.load_parser`), loaded only when a sentence needs parsing,
and forked over processes on large inputs (:func:`run_parser`).

Parses are cached per sentence text under ``$WORKBENCH_CACHE_DIR/parses/<key>/``, where
the key covers only the model and :data:`PARSE_VERSION`, in shards written atomically as
they finish (as :mod:`workbench.actors.ner` caches spans). :data:`PARSE` is the switch
(on by default): off, the speaker rules of :mod:`workbench.actors.speakers` work from the
words alone, as they also do wherever the parse names no actor.

This module finds the subject; :mod:`workbench.actors.speakers` says whom it names.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench import config
from workbench.actors.cues import CUE, CUES
from workbench.core import cache, distributed, pool

#: The switch: parse the sentences with a speech verb and take its subject from the parse.
PARSE = True
#: Parse only the sentences where the rules ask for help (:data:`WEAK`), in a second pass
#: over their documents; False: every sentence with a speech verb, before the rules.
SELECT = True
#: The rule outcomes that send a sentence to the parser (see :func:`ask`): no speaker
#: (``empty``: "..., but said", "..., saying", "who said", a long aside, a subject after
#: the verb), a mention found past a comma or a bracket (``apposed``: "Tal, who met Dan,
#: the mayor, said"), and a second verb's subject taken from the verb before it
#: (``shared``); after a quotation, an attribution that names no person (``unnamed``:
#: "Ruritania's ministry said", whose head is the ministry). Where the words right before
#: the verb are the subject (a mention, a pronoun, a description, a body's noun, a text,
#: a name no mention covers), the parse finds that same subject, so those sentences are
#: not parsed.
WEAK = frozenset({"empty", "apposed", "shared", "unnamed"})
#: Bumped when what is parsed or stored changes, so older caches are not reused.
PARSE_VERSION = "1"
#: Sentences per cache shard.
SHARD_SENTENCES = 20_000
#: Sentences per ``nlp.pipe`` batch.
BATCH_SIZE = 256
#: Below this many words to parse, one process is faster than two (start-up costs).
MULTIPROCESS_MIN_WORDS = 50_000
#: Sentences per chunk handed to a worker process.
CHUNK_SENTENCES = 500
#: Columns of the cached parses: one row per token, offsets into its sentence.
PARSE_COLUMNS = ["sent_hash", "i", "start", "end", "head", "dep"]

#: Relations that make a word the subject of its verb. A passive speech verb speaks for
#: its agent ("claimed by Tal"); a passive verb that a speech verb depends on, for its
#: subject ("Tal was quoted as saying").
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Relations of a verb without a subject of its own that shares its head's subject:
#: "... and added", "..., adding that", "refused to say".
SHARED = frozenset({"conj", "advcl", "xcomp"})
#: Relative pronouns: "Tal, who said ...": the speaker is the noun the clause qualifies.
RELATIVES = frozenset({"who", "that", "which"})
_CUE_WORDS = frozenset(CUES)


@dataclass(frozen=True)
class Parse:
    """One sentence's parse: per token its offsets in the text, its head's index, its relation."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]

    def at(self, pos: int) -> int | None:
        """The index of the token that starts at ``pos``, or None."""
        try:
            return self.starts.index(pos)
        except ValueError:
            return None

    def children(self, i: int) -> list[int]:
        """The tokens whose head is token ``i`` (the root is its own head, not its child)."""
        return [j for j, h in enumerate(self.heads) if h == i and j != i]

    def subtree(self, i: int) -> tuple[int, int]:
        """The first and last token index of token ``i``'s subtree."""
        lo = hi = i
        todo = [i]
        while todo:
            j = todo.pop()
            lo, hi = min(lo, j), max(hi, j)
            todo.extend(self.children(j))
        return lo, hi


@dataclass(frozen=True)
class Subject:
    """The subject of a speech verb as the parse gives it.

    Attributes:
        head: Character offsets of the subject's head word ("Tal" in "Mira Tal").
        word: That word, lower-cased.
        phrase: Offsets from the phrase's first word through the head word and the
            prepositional phrases after it ("the head of the agency"), without a relative
            clause or an apposition.
        names: Offsets of the head and of the names in apposition to it ("the mayor,
            Mira Tal"; not an abbreviation in brackets), which a mention may cover.
        shared: Whether the verb has no subject of its own and shares another verb's
            ("... and added"), which a subject right before the verb overrules.
    """

    head: tuple[int, int]
    word: str
    phrase: tuple[int, int]
    names: tuple[tuple[int, int], ...]
    shared: bool = False


def ask(doc, pos: int, how: str) -> None:
    """Note that the rules found the speaker of the verb at ``pos`` by ``how``.

    In the rules' pass over a document (``doc.memo["asked"]`` is a set) a sentence whose
    outcome is :data:`WEAK` is added to the sentences to parse; otherwise nothing happens.
    """
    asked = doc.memo.get("asked")
    if asked is not None and how in WEAK:
        asked.add(doc.sentence(pos)[0])


def parse_of(doc, pos: int) -> Parse | None:
    """The parse of the sentence of a :class:`~workbench.actors.document.Document` at ``pos``."""
    parses = doc.memo.get("parses")
    if not parses:
        return None
    return parses.get(doc.sentence(pos)[0])


def subject_of(doc, cue_at: int) -> Subject | None:
    """The subject of the speech verb starting at ``cue_at``, or None when the parse has none.

    A verb without a subject of its own shares its head verb's (:data:`SHARED`); a
    relative pronoun stands for the noun its clause qualifies.
    """
    parse = parse_of(doc, cue_at)
    i = parse.at(cue_at) if parse is not None else None
    if i is None:
        return None
    seen: set[int] = set()
    while i not in seen:
        seen.add(i)
        s = _only_subject(parse, i)
        if s is not None and parse.deps[s] == "nsubjpass" and len(seen) == 1:
            # "the region, which is claimed by Tal": the agent speaks, not the subject
            agents = [c for c in parse.children(i) if parse.deps[c] == "agent"]
            objects = [c for a in agents for c in parse.children(a) if parse.deps[c] == "pobj"]
            return _subject(doc.text, parse, objects[0]) if objects else None
        if s is not None:
            if doc.text[parse.starts[s] : parse.ends[s]].lower() in RELATIVES:
                if parse.deps[i] != "relcl" or parse.heads[i] == i:
                    return None
                s = parse.heads[i]
            return _subject(doc.text, parse, s, shared=len(seen) > 1)
        if parse.deps[i] not in SHARED or parse.heads[i] == i:
            return None
        i = _shared_head(doc.text, parse, i)
    return None


def _only_subject(parse: Parse, i: int) -> int | None:
    """The subject of token ``i``; None for none, or for two, a misparse the rules judge.

    Two subjects come of a dateline or a headline run into the sentence ("KYIV, Ukraine
    — Tal vowed", "Sport | Tal promised") or of a place after a comma ("the centre in
    Houston, Texas confirmed").
    """
    subjects = [c for c in parse.children(i) if parse.deps[c] in SUBJECTS]
    return subjects[0] if len(subjects) == 1 else None


def _shared_head(text: str, parse: Parse, i: int) -> int:
    """The verb whose subject token ``i`` shares: its head, but past a clause complement.

    "Tal said the plan has failed and warned ...", "Tal described how the city held out and
    argued ...": the speech verb goes with the main verb, not with the verb of the clause
    that verb governs.
    """
    head = parse.heads[i]
    if parse.deps[i] == "conj" and parse.deps[head] == "ccomp":
        return parse.heads[head]
    return head


def bound_person(doc, pronoun_at: int) -> tuple[int, int] | None:
    """Where a verb above the one whose subject is the pronoun at ``pronoun_at`` has its subject.

    "Tal went on to say that he ...": the subject of "went" (``Tal``) is the first place to
    look for whom "he" stands for. Offsets of the nearest such subject's head, or None.
    """
    parse = parse_of(doc, pronoun_at)
    s = parse.at(pronoun_at) if parse is not None else None
    if s is None:
        return None
    i, seen = parse.heads[s], {s}
    while i not in seen and parse.deps[i] in ("ccomp", "xcomp", "conj", "advcl"):
        seen.add(i)
        i = parse.heads[i]
        if (up := _only_subject(parse, i)) is not None and up not in seen:
            return parse.starts[up], parse.ends[up]
    return None


def subject_within(doc, lo: int, hi: int) -> Subject | None:
    """The subject of a speech verb whose head word lies between ``lo`` and ``hi``.

    For an attribution after a quotation ('"...," the mayor of the city said').
    """
    parse = parse_of(doc, lo)
    if parse is None:
        return None
    for s, dep in enumerate(parse.deps):
        if dep in SUBJECTS and lo <= parse.starts[s] < hi:
            verb = parse.heads[s]
            if doc.text[parse.starts[verb] : parse.ends[verb]] in _CUE_WORDS:
                return _subject(doc.text, parse, s)
    return None


def _subject(text: str, parse: Parse, s: int, *, shared: bool = False) -> Subject:
    first, _ = parse.subtree(s)
    last = s
    for c in parse.children(s):
        if c > s and parse.deps[c] == "prep":
            last = max(last, parse.subtree(c)[1])
    names = [s] + [
        c
        for c in parse.children(s)
        if parse.deps[c] == "appos" and text[: parse.starts[c]].rstrip()[-1:] != "("
    ]  # "the Defence Ministry (MoD)": an abbreviation, no second name
    return Subject(
        head=(parse.starts[s], parse.ends[s]),
        word=text[parse.starts[s] : parse.ends[s]].lower(),
        phrase=(parse.starts[first], parse.ends[last]),
        names=tuple((parse.starts[j], parse.ends[j]) for j in names),
        shared=shared,
    )


# ----------------------------------------------------------------------------- parsing


def cue_sentences(texts: dict[str, str], sentences: pd.DataFrame) -> dict[str, list[tuple]]:
    """The sentences of each document that hold a speech verb.

    Args:
        texts: ``{doc_id: text}``.
        sentences: The sentence table (``doc_id``, ``start``, ``end``).

    Returns:
        ``{doc_id: [(start, sentence text), ...]}``.
    """
    out: dict[str, list[tuple]] = {}
    columns = (sentences[c].tolist() for c in ("doc_id", "start", "end"))
    for d, lo, hi in zip(*columns, strict=True):
        text = texts.get(d)
        if isinstance(text, str) and CUE.search(text, lo, hi):
            out.setdefault(d, []).append((lo, text[lo:hi]))
    return out


def parse_cues(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    use_cache: bool = True,
    progress: bool | None = None,
    n_process: int | None = None,
) -> dict[str, dict[int, Parse]]:
    """Parses of every sentence with a speech verb, per document (:data:`SELECT` off).

    Args:
        corpus: The corpus table (``doc_id``, ``text``).
        sentences: Its sentence table.
        use_cache: Read and write the parse cache.
        progress: Show a progress bar over the sentences sent to the parser.
        n_process: Parser processes (see :func:`run_parser`).

    Returns:
        ``{doc_id: {sentence start: Parse}}``, token offsets into the document's text.
    """
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    found = cue_sentences(texts, sentences)
    return parse_found(found, use_cache=use_cache, progress=progress, n_process=n_process)


def parse_found(
    found: dict[str, list[tuple[int, str]]],
    *,
    use_cache: bool = True,
    progress: bool | None = None,
    n_process: int | None = None,
) -> dict[str, dict[int, Parse]]:
    """Parses of ``{doc_id: [(sentence start, sentence text), ...]}``, per document.

    Arguments as in :func:`parse_cues`. Nothing is loaded when ``found`` is empty or
    the cache holds every sentence.
    """
    unique = {cache.text_hash(t): t for pairs in found.values() for _, t in pairs}
    if not unique:
        return {}
    tokens = parse_sentences(unique, use_cache=use_cache, progress=progress, n_process=n_process)
    # A sentence two runs parsed side by side sits in two shards: its first parse counts.
    tokens = tokens.drop_duplicates(["sent_hash", "i"])
    by_hash = {
        h: (g["start"].tolist(), g["end"].tolist(), g["head"].tolist(), g["dep"].tolist())
        for h, g in tokens[tokens["i"] >= 0].sort_values(["sent_hash", "i"]).groupby("sent_hash")
    }
    out: dict[str, dict[int, Parse]] = {}
    for d, pairs in found.items():
        for lo, text in pairs:
            if (p := by_hash.get(cache.text_hash(text))) is not None:
                starts, ends, heads, deps = p
                out.setdefault(d, {})[lo] = Parse(
                    tuple(lo + s for s in starts),
                    tuple(lo + e for e in ends),
                    tuple(heads),
                    tuple(deps),
                )
    return out


def asked_sentences(doc) -> list[tuple[int, str]]:
    """The sentences the rules asked to parse (:func:`ask`) that hold a speech verb."""
    out = []
    for lo in sorted(doc.memo.get("asked") or ()):
        _, hi = doc.sentence(lo)
        if CUE.search(doc.text, lo, hi):
            out.append((lo, doc.text[lo:hi]))
    return out


def parse_sentences(
    texts: dict[str, str],
    *,
    use_cache: bool = True,
    progress: bool | None = None,
    n_process: int | None = None,
) -> pd.DataFrame:
    """The parses of ``{sent_hash: sentence}``, from the cache where possible.

    Returns:
        :data:`PARSE_COLUMNS`, one row per token (a sentence without tokens: one row at
        ``i == -1``, so the cache knows it was seen).
    """
    from workbench.actors import ner

    name = ner.model_name()
    folder = config.cache_dir("parses", cache.key(PARSE_VERSION, name))
    done = _read(folder, set(texts)) if use_cache else _empty()
    seen = set(done["sent_hash"].unique().tolist())
    todo = [(h, t) for h, t in texts.items() if h not in seen]
    fresh = []
    for lo in range(0, len(todo), SHARD_SENTENCES):
        block = dict(todo[lo : lo + SHARD_SENTENCES])
        rows = run_parser(block, name=name, progress=progress, n_process=n_process)
        if use_cache:
            cache.write_table(rows, folder / f"{cache.key(sorted(block))}.parquet")
        fresh.append(rows)
    return pd.concat([done, *fresh], ignore_index=True) if fresh else done


def run_parser(
    texts: dict[str, str],
    *,
    name: str,
    progress: bool | None = None,
    n_process: int | None = None,
) -> pd.DataFrame:
    """Parse ``{sent_hash: sentence}``; rows as :data:`PARSE_COLUMNS`, in input order.

    As :func:`workbench.actors.ner.run_model` runs the entity model: on a Dask cluster
    when one is active (each worker loads its own parser), else over forked workers that
    inherit the parser loaded here, in chunks of :data:`CHUNK_SENTENCES`, when there are
    at least :data:`MULTIPROCESS_MIN_WORDS` words (default two processes, never more than
    :func:`workbench.core.pool.processes` allows), else in this process.
    """
    from workbench.actors import ner

    global _WORKER_NLP
    items = [(t, h) for h, t in texts.items()]
    chunks = [items[i : i + CHUNK_SENTENCES] for i in range(0, len(items), CHUNK_SENTENCES)]
    if n_process is None:
        words = sum(t.count(" ") + 1 for t in texts.values())
        n_process = 2 if words >= MULTIPROCESS_MIN_WORDS else 1
    bar = pool.progress_bar(len(items), "parses", "sentence", show=progress)
    rows: list[tuple] = []
    try:
        if distributed.current_client() is not None:
            parts = distributed.map_batches(_cluster_parse, chunks, name)
        else:
            _WORKER_NLP = ner.load_parser(name)
            forked = pool.processes(n_process, len(chunks)) > 1 and pool.can_fork()
            parts = pool.fork_map(_chunk_parse, chunks, workers=n_process if forked else 1)
        for part in parts:
            rows.extend(part)
            bar.update(sum(1 for r in part if r[1] == -1))
    finally:
        _WORKER_NLP = None
        bar.close()
    out = pd.DataFrame(rows, columns=PARSE_COLUMNS)
    return out.astype({c: "int64" for c in ("i", "start", "end", "head")})


_WORKER_NLP = None


def _chunk_parse(chunk: list[tuple[str, str]]) -> list[tuple]:
    """Token rows of ``[(sentence, sent_hash), ...]`` from the parser set before forking."""
    rows: list[tuple] = []
    for doc, h in _WORKER_NLP.pipe(chunk, as_tuples=True, batch_size=BATCH_SIZE):
        rows.append((h, -1, -1, -1, -1, ""))
        rows.extend((h, t.i, t.idx, t.idx + len(t), t.head.i, t.dep_) for t in doc)
    return rows


def _cluster_parse(chunk: list[tuple[str, str]], name: str) -> list[tuple]:
    """:func:`_chunk_parse` on a Dask worker, which loads (and keeps) its own parser."""
    global _WORKER_NLP
    from workbench.actors import ner

    _WORKER_NLP = ner.load_parser(name)
    return _chunk_parse(chunk)


def _empty() -> pd.DataFrame:
    kinds = {"sent_hash": "object", "dep": "object"}
    return pd.DataFrame({c: pd.Series(dtype=kinds.get(c, "int64")) for c in PARSE_COLUMNS})


def _read(folder, wanted: set[str]) -> pd.DataFrame:
    """The cached parses of the ``wanted`` sentence hashes, from every shard in ``folder``."""
    frames = []
    for path in sorted(folder.glob("*.parquet")):
        if (shard := cache.read_entry(path, pd.read_parquet)) is not None:
            frames.append(shard[shard["sent_hash"].isin(wanted)])
    return pd.concat(frames, ignore_index=True) if frames else _empty()
