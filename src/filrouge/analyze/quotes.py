"""Who said what: direct, indirect and mixed quotes with their cue, speaker and channel.

Rules over the dependency parse and the quotation marks, in the spirit of the published French
quote extractors (the Radar de Parité, textacy's triples), written for French news:

1. **Statements from the clause**: a reporting verb of the reviewed lexicon (data/quote_verbs.tsv)
   with a que-clause ("a affirmé que …"), with an object holding a quoted fragment ("a salué un
   « message fort »"), or after the statement without quotation marks ("…, a confirmé un
   responsable"); and "selon X" / "d'après X". The statement is *mixed* when it holds quoted
   words, *indirect* otherwise. Negated reporting ("n'a pas dit que") is not a statement.
2. **Direct quotes**: the other quoted passages (« », “ ”, " ", paragraphs reopened with «,
   dialogue dashes with an incise) with a cue attached: after the closing mark ("», a déclaré
   X", "», a-t-il dit"), inside ("« …, a-t-il dit, … »") or before with a colon ("X a déclaré :
   « … »"); a whole-sentence quote with no cue continues the last speaker of its paragraph.
   Quoted names and scare quotes ("le format « Quad »") have no cue and are left out.
3. **Speakers** are resolved by :mod:`filrouge.analyze.speakers` in text order, so that "il"
   can point back to the last speaker.

See docs/quotes.md for the method, the lexicon classes and the measured figures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from filrouge.analyze.dating import statement_date
from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.lexicons import (
    ReportingVerb,
    anonymous_sources,
    quote_cues,
    reporting_forms,
    reporting_verbs,
)
from filrouge.analyze.speakers import Speaker, SpeakerResolver, fold, strip_determiner
from filrouge.model import Quote, QuoteKind, Span, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_QUE = {"que", "qu'", "qu’"}
_OBJECT_PRONOUNS = {"m'", "m’", "me", "te", "t'", "t’", "se", "s'", "s’", "l'", "l’", "le", "la",
                    "les", "leur", "y", "en"}
_COMPARATIVES = {"plus", "moins", "autant", "aussi", "davantage", "autre", "tel", "telle",
                 "mieux", "pire"}
_IMPERSONAL = {"falloir", "agir", "sembler", "paraître", "rester", "exister", "manquer", "suffire",
               "arriver", "valoir", "pleuvoir", "importer", "convenir", "apparaître"}
_COMPOUND_QUE = {"ainsi", "alors", "bien", "parce", "tandis", "tant", "plus", "moins", "avant",
                 "après", "sans", "pour", "même", "dès", "lors", "si", "autant", "pendant"}
_CLITIC_AFTER = re.compile(r"(?:-t)?-(?P<p>il|elle|ils|elles|on)\b", re.IGNORECASE)
_NEGATIONS = {"pas", "jamais", "ne", "n'", "n’", "nullement", "aucunement", "guère"}
_OBJECT_CLITICS = {"m'", "m’", "me", "lui", "leur", "nous", "vous", "l'", "l’", "le", "la",
                   "les", "y", "en", "se", "s'", "s’", "-t", "-il", "-elle", "-ils", "-elles",
                   "il", "elle", "ils", "elles", "t'", "te"}
_LINK_WORDS = {"pour", "sa", "son", "part", "quant", "à", "lui", "elle", "de", "côté", "d'",
               "d’", "ailleurs", "par", "encore", "lui-même", "elle-même", "aussitôt", "alors",
               "ensuite", "enfin", "également", "aussi", "toutefois", "cependant", "pourtant",
               "simplement", "même", "plus", "tard", "plusieurs", "fois", "nouveau",
               "notamment", "surtout", "-même"}
_LEADING_ADVERBIALS = {
    "depuis", "pendant", "plusieurs", "quelques", "jours", "semaines", "mois", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "soir", "matin",
    "encore", "aussi", "également", "ensuite", "alors", "déjà", "lors", "veille", "lendemain",
    "en", "printemps", "été", "automne", "hiver", "dernier", "dernière", "récemment", "ainsi",
    "ailleurs", "toutefois", "simplement", "aussitôt", "enfin", "plus", "tard", "même", "fois",
}
# adverbial phrases that stand between an inverted verb and its subject
_ADVERBIAL_PHRASES = re.compile(
    r"^(?:de (?:son|leur) côté|pour (?:sa|leur) part|quant à (?:lui|elle|eux)|à (?:son|leur) "
    r"tour|d['’]ailleurs|par ailleurs|lui-même|elle-même|à nouveau|de nouveau|en outre)\b",
    re.IGNORECASE)
_SPEAKER_STOPS = {"qui", "dont", "lequel", "laquelle", ",", "(", "lors", "dans", "pendant",
                  "devant", "depuis", "après", "avant", "pour", "que", "qu'", "qu’", "«", "»",
                  ":", ";", "en marge", "face", "aux", "—", "–", "-", "selon", "sans"}
_SPEAKER_STOPS_AFTER_FIRST = {"me", "m'", "m’", "nous", "vous", "leur", "se", "s'", "s’", "y",
                              "à", "au", "sur", "lundi", "mardi", "mercredi", "jeudi",
                              "vendredi", "samedi", "dimanche", "hier", "ce", "cette", "le",
                              "la", "mais", "et", "puis", "avec", "vers", "parlant",
                              "s'exprimant", "interrogé", "interrogée", "cité", "citée"}
_ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "mgr", "av",
                  "etc", "cf", "p", "n°", "no", "vol", "art", "gal", "lt", "col", "cap"}
_SENTENCE_END = re.compile(r"[.!?…]+(?:[\s\u00a0\u202f]*[»”\"])?(?=\s+[«“\"—–A-ZÀ-ÝÉ0-9])|\n+")
_DATELINE = re.compile(r"\s*(?:\d{1,2}\s?h\s?\d{0,2}|[A-ZÀ-Ý][\w' -]{1,30}\s?\(\w+\))"
                       r"\s*[—–-]\s*")
_SELON = re.compile(r"(?<![\w'’])(?:selon|d['’]après)\s+", re.IGNORECASE)
_MIN_FLOATING_WORDS = 4
_LAYOUT_KEY = "filrouge_quote_layout"  # the quotation marks of the doc, while quotes are found
_TEXT_KEY = "filrouge_quote_text"


# -- quotation marks ------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A quoted passage: ``open`` is the opening mark, ``close`` just after the closing one;
    ``parts`` the words inside (several for a quote running over paragraphs). ``dash``: a
    dialogue paragraph opened by a dash, which only counts with an incise cue."""

    open: int
    close: int
    parts: tuple[tuple[int, int], ...]
    dash: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u00a0\u202f\t\n":
        start += 1
    while end > start and text[end - 1] in " \u00a0\u202f\t\n":
        end -= 1
    return start, end


def quotation_marks(text: str) -> list[Mark]:
    """Every quoted passage, outermost only. French « » may run over paragraphs, each new
    paragraph reopening with «; a « never closed is dropped rather than swallowing the text."""
    marks: list[Mark] = []
    opened: int | None = None
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    for found in re.finditer(r"[«»]", text):
        at = found.start()
        if found.group() == "«":
            if opened is not None:
                line_start = text.rfind("\n", 0, at) + 1
                continued = "\n" in text[piece_start:at] and not text[line_start:at].strip() \
                    and "\n" not in text[piece_start:text.rfind("\n", 0, at)].strip("\n")
                if continued and at - opened < 6000:
                    pieces.append(_strip(text, piece_start, text.rfind("\n", 0, at)))
                    piece_start = at + 1
                    continue
            opened, pieces, piece_start = at, [], at + 1
        elif opened is not None:
            if "\n" in text[piece_start:at] or at - opened > 3000:
                opened = None  # a paragraph break without a reopening mark: unbalanced
                continue
            pieces.append(_strip(text, piece_start, at))
            parts = tuple(p for p in pieces if p[0] < p[1])
            if parts:
                marks.append(Mark(opened, at + 1, parts))
            opened = None
    for pattern in (r"“(?P<q>[^“”\n]{1,3000}?)”", r"(?<![\w])\"(?P<q>[^\"\n]{1,1500}?)\"(?![\w])"):
        for found in re.finditer(pattern, text):
            if any(m.open <= found.start() < m.close or found.start() <= m.open < found.end()
                   for m in marks):
                continue
            start, end = _strip(text, found.start("q"), found.end("q"))
            if start < end:
                marks.append(Mark(found.start(), found.end(), ((start, end),)))
    for found in re.finditer(r"(?m)^[—–]\s+(?P<q>[^\n]+)", text):
        start, end = _strip(text, found.start("q"), found.end("q"))
        if start < end and not any(m.open <= start < m.close for m in marks):
            marks.append(Mark(found.start(), found.end(), ((start, end),), dash=True))
    return sorted(marks, key=lambda m: m.open)


# -- layout: sentences and paragraphs that respect quotation marks --------------------------


class Layout:
    """Sentences and paragraphs of a text, computed once. spaCy's sentence splitter cuts at
    an opening « and inside quotes; these sentences never end inside a quoted passage, nor
    after "M." or an initial."""

    def __init__(self, text: str, marks: list[Mark]) -> None:
        self.text = text
        self.marks = marks
        self._mark_opens = [m.open for m in marks]
        starts = [0]
        for found in _SENTENCE_END.finditer(text):
            boundary = found.end()
            if found.group().startswith("\n"):
                starts.append(boundary)
                continue
            if self.mark_at(found.start()) is not None and not found.group().endswith(
                    ("»", "”", '"')):
                continue
            word = re.search(r"([\w°]+)\W*$", text[max(0, found.start() - 12):found.start() + 1])
            if word and (word.group(1).lower() in _ABBREVIATIONS or (
                    len(word.group(1)) == 1 and word.group(1).isupper())):
                continue
            while boundary < len(text) and text[boundary] in " \u00a0\u202f":
                boundary += 1
            starts.append(boundary)
        self.sentence_starts = sorted(set(starts))
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]

    def mark_at(self, position: int) -> Mark | None:
        """The quoted passage ``position`` falls in (between its marks), if any. Quoted
        passages do not overlap, except inside a dialogue paragraph."""
        index = bisect.bisect_right(self._mark_opens, position) - 1
        for mark in self.marks[max(0, index - 2):index + 1][::-1]:
            if not mark.dash and mark.open <= position < mark.close:
                return mark
        return None

    def sentence(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[max(0, index)]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) \
            else len(self.text)
        return start, end

    def clause_start(self, position: int) -> int:
        """Where the clause holding ``position`` starts: its sentence, after a dateline
        ("21h58 — ") or a colon."""
        start, _end = self.sentence(position)
        dateline = _DATELINE.match(self.text, start)
        if dateline and dateline.end() <= position:
            start = dateline.end()
        colon = self.text.rfind(": ", start, position)
        if colon != -1 and self.mark_at(colon) is None:
            start = colon + 2
        return start

    def heading(self, position: int) -> bool:
        """Whether the sentence is a headline in title case ("Trump Dit Que L'Ukraine Doit
        …"): a link or a heading, not the article's prose."""
        start, end = self.sentence(position)
        words = re.findall(r"[^\W\d_][\w'’-]*", self.text[start:end])
        capitals = sum(1 for w in words if w[:1].isupper())
        return len(words) >= 4 and capitals >= 0.7 * len(words)

    def paragraph_of(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1


# -- statements before speakers are resolved -------------------------------------------------


@dataclass
class _Statement:
    kind: QuoteKind
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None
    verb: ReportingVerb | None
    speaker: tuple[int, int] | None = None
    implicit: bool = False
    floating: bool = False
    channel: tuple[int, int] | None = None
    anchor: int = 0
    sentence: tuple[int, int] = (0, 0)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    verb_index: int | None = None  # the reporting verb's token, for coordinated statements

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def find_quotes(
    doc: Doc,
    entities: EntityIndex,
    times: list[TimeExpr],
    published: str | None,
) -> list[Quote]:
    """Statements from reporting clauses and "selon" first, then the quoted passages outside
    them; speakers resolved in text order."""
    text = doc.text
    doc.user_data[_TEXT_KEY] = text  # Doc.text is rebuilt from the tokens on every access
    marks = quotation_marks(text)
    layout = Layout(text, marks)
    doc.user_data[_LAYOUT_KEY] = layout
    try:
        return _find_quotes(doc, entities, times, published, layout)
    finally:
        doc.user_data.pop(_LAYOUT_KEY, None)
        doc.user_data.pop(_TEXT_KEY, None)


def _text(doc: Doc) -> str:
    """The doc's text, read once per call of :func:`find_quotes`."""
    cached = doc.user_data.get(_TEXT_KEY)
    return cached if isinstance(cached, str) else doc.text


def _find_quotes(doc: Doc, entities: EntityIndex, times: list[TimeExpr], published: str | None,
                 layout: Layout) -> list[Quote]:
    text = _text(doc)
    marks = layout.marks
    time_spans = [(t.start, t.end) for t in times]
    clauses = _clause_statements(doc, layout, time_spans)
    clauses += _selon_statements(doc, layout, clauses)
    clauses = _outermost(_split_coordinated(doc, clauses, layout))
    direct = _direct_statements(doc, layout, clauses, time_spans)
    statements = sorted(clauses + direct, key=lambda s: (s.anchor, s.start))
    resolver = SpeakerResolver(doc, entities, published,
                               [(m.open, m.close) for m in marks if not m.dash],
                               layout.sentence_starts, layout.paragraph_starts, text)
    quotes: list[Quote] = []
    for statement in statements:
        speaker = _speaker_of(statement, resolver, layout)
        if speaker is None:
            continue
        resolver.remember(statement.anchor, speaker)
        quotes.append(_to_quote(statement, speaker, text, times, published, layout))
    quotes = _unique(sorted(quotes, key=lambda q: q.start))
    assert all(text[q.start:q.end] == q.text for q in quotes)
    return quotes


def _speaker_of(statement: _Statement, resolver: SpeakerResolver, layout: Layout
                ) -> Speaker | None:
    if statement.floating:
        paragraph = layout.paragraph_of(statement.anchor)
        for at, speaker in reversed(resolver.history):
            if at < statement.anchor and layout.paragraph_of(at) == paragraph:
                return Speaker(None, speaker.actor, speaker.name, speaker.anonymous,
                               speaker.description, speaker.gender)
        return None
    if statement.speaker is not None:
        start, end = statement.speaker
        speaker = resolver.resolve(start, end, statement.anchor)
        # the journalist ("que j'ai interrogé") or a document ("le texte") is no speaker; an
        # unresolved pronoun still names one
        return speaker if speaker.speaks else None
    speaker = resolver.implicit(statement.anchor)
    return speaker if speaker.known else None


def _to_quote(statement: _Statement, speaker: Speaker, text: str, times: list[TimeExpr],
              published: str | None, layout: Layout) -> Quote:
    parts = [Span.of(text, s, e) for s, e in statement.parts]
    sentence_start, sentence_end = statement.sentence
    date, origin = statement_date(times, sentence_start, sentence_end, published,
                                  skip=(statement.start, statement.end))
    channel = statement.channel or _channel(text, statement, layout)
    return Quote(
        start=statement.start,
        end=statement.end,
        text=text[statement.start:statement.end],
        parts=parts,
        kind=statement.kind,
        cue=Span.of(text, *statement.cue) if statement.cue else None,
        cue_class=statement.verb.cue_class if statement.verb else None,
        speaker=speaker.span,
        speaker_actor=speaker.actor,
        speaker_name=speaker.name,
        anonymous=speaker.anonymous,
        speaker_description=speaker.description,
        channel=Span.of(text, *channel) if channel else None,
        date=date,
        date_origin=origin,
    )


def _unique(quotes: list[Quote]) -> list[Quote]:
    """One quote per span: a passage found twice keeps its first reading."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for quote in quotes:
        if (quote.start, quote.end) not in seen:
            seen.add((quote.start, quote.end))
            kept.append(quote)
    return kept


def _split_coordinated(doc: Doc, statements: list[_Statement], layout: Layout
                       ) -> list[_Statement]:
    """"X a expliqué que A, mais il a aussi fait savoir que B": two statements; the first
    stops where the coordinated reporting verb's clause begins."""
    text = layout.text
    for statement in statements:
        if statement.verb_index is None:
            continue
        for other in statements:
            if other is statement or other.verb_index is None or other.cue is None or \
                    not statement.start <= other.cue[0] < statement.end:
                continue
            verb = doc[other.verb_index]
            head, linked = verb, False
            for _step in range(3):
                if head.dep_ != "conj" or head.head is head:
                    break
                head = head.head
                if head.i == statement.verb_index or (
                        statement.start <= head.idx < statement.end and
                        _same_tense(doc[statement.verb_index], verb)):
                    # the parser may hang "mais a accusé" on the reported verb: the same
                    # compound tense as the reporting verb tells it is the speaker's
                    linked = True
                    break
            if not linked:
                continue
            starts = [other.cue[0], *[c.idx for c in verb.children
                                      if c.dep_ in {"cc", "nsubj"} and c.i < verb.i]]
            if other.speaker is not None and other.speaker[0] > statement.start:
                starts.append(other.speaker[0])
            cut = min(starts)
            while True:  # back over ", mais", " et", spaces and commas
                stripped = re.sub(r"(?:[\s,;]+|\b(?:mais|et|puis|ou|tout)\s*)$", "",
                                  text[statement.start:cut])
                if len(stripped) == cut - statement.start:
                    break
                cut = statement.start + len(stripped)
            parts = [(a, min(b, cut)) for a, b in statement.parts if a < cut]
            if parts and parts[-1][0] < parts[-1][1]:
                statement.parts = parts
                statement.kind = "mixed" if _holds_quote(layout, parts) else "indirect"
    return statements


def _same_tense(first: Token, second: Token) -> bool:
    """Two verbs in the same compound tense ("a dit" … "a accusé")."""
    def auxiliaries(verb: Token) -> list[str]:
        holders = [verb, *[c for c in verb.children if c.lemma_ == "faire"]]  # "a fait savoir"
        return [c.lower_ for h in holders for c in h.children if c.dep_.startswith("aux")]

    return bool(auxiliaries(first)) and auxiliaries(first) == auxiliaries(second)


def _outermost(statements: list[_Statement]) -> list[_Statement]:
    """A statement reported inside another one's words ("X a dit que Y affirme que …") belongs
    to the outer one."""
    kept = []
    for statement in statements:
        cue = statement.cue[0] if statement.cue else statement.start
        if any(other is not statement and other.start <= cue < other.end
               and other.start <= statement.start and statement.end <= other.end + 1
               for other in statements):
            continue
        kept.append(statement)
    return kept


# -- the reporting verb lexicon over tokens -------------------------------------------------


@lru_cache(maxsize=1)
def _lexicon_index() -> tuple[dict[str, ReportingVerb], dict[str, list[ReportingVerb]]]:
    """Single-word lemmas (reflexive ones under their bare verb), and multi-word lemmas under
    their last word ("faire savoir" under "savoir") or first word ("mettre en garde")."""
    single: dict[str, ReportingVerb] = {}
    multi: dict[str, list[ReportingVerb]] = {}
    for lemma, verb in reporting_verbs().items():
        if verb.frame == "source":
            continue
        bare = lemma.removeprefix("se ").removeprefix("s'")
        if " " not in bare:
            single.setdefault(bare, verb)
        else:
            words = bare.split()
            multi.setdefault(words[-1], []).append(verb)
            multi.setdefault(words[0], []).append(verb)
    return single, multi


def reporting_entry(token: Token) -> ReportingVerb | None:
    """The lexicon entry of a token used as a reporting verb, if it is one. Where the token
    stands as an attached cue (after "»," or before "-t-il") its surface form is enough: the
    tagger often reads "tranche", "plaisante", "estime" there as a noun or an adjective."""
    entry = _lexicon_entry(token)
    if entry is None:
        return None
    if entry.lemma == "dire" and _means_not_said(token):
        return None
    if any(c.dep_ == "aux:pass" for c in token.children) or (
            token.i > 0 and token.doc[token.i - 1].lemma_ == "voir" and
            "Part" in token.morph.get("VerbForm", None)):
        return None  # "Israël est assuré d'une manne", "se sont vus menacés": passives
    if token.pos_ == "ADJ" and not _attached(token) and not _after_auxiliary(token):
        return None  # "ces deux ennemis jurés que sont …": an adjective
    bare_participle = "Part" in token.morph.get("VerbForm", None) and "Past" in token.morph.get(
        "Tense", None) and not _after_auxiliary(token)
    if bare_participle and not _follows_quote(token) and (
            token.dep_ in {"acl", "amod", "acl:relcl"} or token.doc[token.i - 1].text == ","):
        # "la déclaration dite « de Vilnius »", "l'enquête, confiée à la brigade"
        return None
    return entry


def _follows_quote(token: Token) -> bool:
    """Whether a cue stands right after a closing quotation mark ("», a-t-il déclaré")."""
    before = _text(token.doc)[max(0, token.idx - 16):_cue_span(token)[0]]
    return bool(re.search(r"[»”\"]\s*,?\s*$", before)) or _clitic_subject(token) is not None


def _after_auxiliary(token: Token) -> bool:
    """Whether a participle is in a compound tense: an auxiliary as child, or a few words
    before it without punctuation between ("a pour sa part exclu")."""
    if any(c.dep_.startswith("aux") for c in token.children):
        return True
    doc = token.doc
    return any(t.pos_ == "AUX" and not any(p.is_punct for p in doc[t.i:token.i])
               for t in doc[max(0, token.i - 5):token.i])


def _lexicon_entry(token: Token) -> ReportingVerb | None:
    doc = token.doc
    before_que = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _QUE and (
        token.i == 0 or doc[token.i - 1].pos_ not in {"DET", "ADP"})
    if _attached(token) or before_que or (token.pos_ in {"VERB", "AUX"} and
                                          token.lemma_.lower() == token.lower_):
        # the lemmatizer left "estime" as "estime", the tagger read "juge que" as a noun:
        # the conjugated form tells the verb
        form = reporting_forms().get(token.lower_)
        if form is not None:
            return form
    if token.pos_ not in {"VERB", "AUX", "ADJ"}:
        return None
    lemma = token.lemma_.lower()
    single, multi = _lexicon_index()
    for verb in multi.get(lemma, []):
        words = verb.lemma.split()
        doc = token.doc
        if words[-1] == lemma and any(t.lemma_.lower() == words[0]
                                      for t in doc[max(0, token.i - 2):token.i]):
            return verb
        if len(words) > 2 and words[0] == lemma and " ".join(
                t.lower_ for t in doc[token.i + 1:token.i + len(words)]) == " ".join(words[1:]):
            return verb
    return single.get(lemma)


def _attached(token: Token) -> bool:
    """Whether a token stands where an inverted cue stands: right after "»," or ",", or
    before an inverted pronoun ("tranche-t-il")."""
    doc = token.doc
    if _CLITIC_AFTER.match(_text(doc), token.idx + len(token.text)):
        return True
    before = doc[max(0, token.i - 3):token.i]
    texts = [t.text for t in before]
    closing = {"»", "”", '"'}
    if token.pos_ in {"VERB", "AUX"}:
        return bool(texts) and (texts[-1] in closing | {","} or (
            len(texts) >= 2 and texts[-2] in closing | {","} and before[-1].pos_ == "AUX"))
    # a word the tagger read as a noun is a cue only right after the closing mark, or right
    # before a colon opening the quote (", tempère : « … »")
    if re.match(r"\s*:\s*[«“\"]", _text(doc)[token.idx + len(token.text):]):
        return True
    return bool(texts) and (texts[-1] in closing or (
        len(texts) >= 2 and texts[-2] in closing and texts[-1] == ","))


def _means_not_said(token: Token) -> bool:
    """"vouloir dire", "c'est-à-dire", "autrement dit", "à vrai dire": not a statement."""
    head = token.head
    before = token.doc[max(0, token.i - 2):token.i].text.lower()
    return (head.lemma_ == "vouloir" and head.i < token.i) or "-à-" in before or \
        before.endswith(("autrement", "vrai", "ainsi", "dire")) or (token.text.lower() == "dit" \
        and token.dep_ in {"amod", "acl"})


def _is_negated(token: Token) -> bool:
    """"n'a pas dit que", "ne peut pas promettre que", "personne ne peut affirmer que"."""
    governors = [token]
    if token.dep_ == "xcomp" and "Inf" in token.morph.get("VerbForm", None) and \
            token.head.lemma_ in {"pouvoir", "vouloir", "devoir", "oser",
                                                       "savoir", "falloir"}:
        governors.append(token.head)
    for governor in governors:
        first = _token_at(governor.doc, _cue_span(governor)[0])
        for child in governor.children:
            near = first - 3 <= child.i <= governor.i + 2  # "n'a pas dit", "ne dit pas"
            if (child.lower_ in _NEGATIONS and near) or (
                    child.dep_.startswith("nsubj") and child.lower_ in {
                        "personne", "rien", "aucun", "aucune", "nul"}):
                return True
    return False


def _cue_span(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries before it ("a-t-il déclaré", "avait alors jugé")."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and
                   verb.i - 4 <= c.i < verb.i and not any(t.is_punct for t in
                                                          verb.doc[c.i:verb.i])]
    start = min([verb.idx] + [a.idx for a in auxiliaries])
    end = verb.idx + len(verb.text)
    clitic = _CLITIC_AFTER.match(_text(verb.doc), end)
    if clitic and not auxiliaries:
        end = clitic.end()  # "répète-t-il"
    return start, end


# -- speakers from the parse ----------------------------------------------------------------


def _clitic_subject(verb: Token) -> tuple[int, int] | None:
    """The inverted pronoun of "a-t-il dit", "confiait-il", "avait-elle déclaré"."""
    text = _text(verb.doc)
    for token in [verb, *[c for c in verb.children if c.dep_.startswith("aux")]]:
        found = _CLITIC_AFTER.match(text, token.idx + len(token.text))
        if found:
            return found.start("p"), found.end("p")
    return None


def _subject_phrase(verb: Token, inverted: bool, times: list[tuple[int, int]]
                    ) -> tuple[int, int] | str | None:
    """Where the speaker is named: a character span, None when nothing names it, or
    "implicit" when the verb has no subject of its own and inherits one ("Et d'ajouter")."""
    clitic = _clitic_subject(verb)
    if clitic is not None:
        return clitic
    holders = [verb, *[c for c in verb.children if c.lemma_ == "faire"]]  # "a fait savoir"
    if not _parsed_as_verb(verb):
        holders = []  # a cue the tagger misread: its dependents are not to be trusted
    subjects = [c for h in holders for c in h.children if (
        c.dep_ in {"nsubj", "nsubj:pass"} or (c.dep_ == "expl:subj" and c.lower_ in {"il", "elle"}
                                             and verb.lemma_ not in _IMPERSONAL))
                and (not inverted or c.i > verb.i) and _same_clause_outside_quotes(c, verb)]
    # "Volodymyr Zelensky, lui, a dit": the name, not the emphatic pronoun set off by commas;
    # "Un diplomate m'a dit": an object pronoun read as a second subject
    subjects = [c for c in subjects if c.lower_ not in _OBJECT_PRONOUNS and not (
        c.lower_ in {"lui", "eux", "elle", "elles"} and c.i > 0 and
        verb.doc[c.i - 1].text == "," and c.i + 1 < len(verb.doc) and
        verb.doc[c.i + 1].text == ",")]
    # the nearest nominal subject: the parser sometimes marks an earlier noun as well
    subjects.sort(key=lambda c: (c.pos_ not in {"NOUN", "PROPN", "PRON"},
                                 c.i > verb.i and not inverted, abs(verb.i - c.i)))
    for child in subjects:
        if child.lower_ in {"qui", "lequel", "laquelle"} and verb.dep_.startswith("acl"):
            return _phrase(_noun_phrase_before(verb.head, child))
        if child.pos_ == "PRON":
            return child.idx, child.idx + len(child.text)  # "il", "elle", "on", "j'"
        if child.pos_ in {"VERB", "AUX"} or (child.pos_ == "ADJ" and not any(
                c.dep_ == "det" for c in child.children)):
            continue  # "Réunis à Vilnius, les dirigeants …": a participle read as subject
        appositive = _named_apposition(child) or _name_before_apposition(child)
        # the subtree may reach back over a dateline ("VILNIUS, 11 juillet (AFP) - Les …")
        words = [t for t in child.subtree if t.i >= child.i or not any(
            p.is_punct and p.text not in {"'", "’"} for p in child.doc[t.i:child.i])]
        phrase = _phrase(appositive or _trim_speaker(words, times))
        if phrase is not None:
            return phrase  # else a time word read as a subject ("Mercredi, il a dit")
    head = verb.head
    if verb.dep_ == "conj":
        for _step in range(3):  # "a remercié Paris pour son soutien et souligné que"
            if head.pos_ in {"VERB", "AUX"} or head.head is head:
                break
            head = head.head
    if not subjects and verb.lower_.endswith("ant"):
        # a participle or gerund ("en le décrivant comme", "jugeant que") has the subject
        # of the clause it hangs on
        governor = head
        for _step in range(3):
            if governor is verb or re.search(r"[.!?]\s|\n", _text(verb.doc)[
                    min(governor.idx, verb.idx):max(governor.idx, verb.idx)]):
                break
            if governor.i < verb.i and any(c.dep_ in {"nsubj", "nsubj:pass"}
                                           for c in governor.children):
                return _subject_phrase(governor, False, times)
            if governor.head is governor:
                break
            governor = governor.head
        if not inverted:
            return "implicit"  # the speaker of the sentence before
    if not subjects and not inverted and verb.dep_.startswith("acl") and \
            head.pos_ in {"NOUN", "PROPN"} and head.i < verb.i:
        # "Un haut responsable, qui a requis l'anonymat, a indiqué": the parser hangs the
        # main verb on the noun as a second relative clause; the noun is the subject
        phrase = _phrase(_trim_speaker([t for t in head.subtree if t.i < verb.i], times))
        if phrase is not None:
            return phrase
    between = _text(verb.doc)[min(head.idx, verb.idx):max(head.idx, verb.idx)]
    if verb.dep_ in {"conj", "xcomp", "advcl", "acl", "ccomp"} and head is not verb and \
            head.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} and not inverted and \
            not re.search(r"[.!?»:;]\s|\n", between):
        inherited = _subject_phrase(head, False, times)
        if inherited is not None:
            return inherited
    if not inverted:
        before = _preceding_subject(verb, times)
        return _phrase(before) if before else "implicit"
    following = _following_subject(verb, times)
    return _phrase(following) if following else None


def _preceding_subject(verb: Token, times: list[tuple[int, int]]) -> list[Token]:
    """When the parse gives the verb no subject: the noun phrase before it in its clause,
    read chunk by chunk between commas from the verb back. Relative clauses (", qui a requis
    l'anonymat,"), participle phrases (", parlant sous couvert d'anonymat,") and adverbials
    are passed over; a clause with its own finite verb ends the search; a name followed by
    its apposition gives the name ("Jake Sullivan, son principal interlocuteur, a salué")."""
    doc = verb.doc
    first = _token_at(doc, _cue_span(verb)[0])
    collected: list[Token] = []
    for token in reversed(doc[max(0, first - 40):first]):
        if token.text in {".", ";", ":", "!", "?", "«", "»", "—", "–"} or "\n" in token.text \
                or (token.lower_ in _QUE and token.dep_ == "mark") or token.pos_ == "SCONJ":
            break
        if token.pos_ in {"PRON", "AUX", "ADV"} and token.lower_ not in {"il", "elle"} and \
                not collected:
            continue  # "s'est", "l'a", "a toutefois": between the subject and the verb
        collected.append(token)
    collected.reverse()
    chunks: list[list[Token]] = [[]]
    for token in collected:
        if token.text == ",":
            chunks.append([])
        else:
            chunks[-1].append(token)
    phrases: list[list[Token]] = []
    for chunk in reversed([c for c in chunks if c]):
        head = chunk[0]
        if head.lower_ in {"qui", "dont", "lequel", "laquelle"} or "Part" in head.morph.get(
                "VerbForm", None) or head.pos_ in {"ADP", "ADV", "CCONJ", "SCONJ"} or \
                any(s <= head.idx < e for s, e in times) or (
                len(chunk) == 1 and head.lower_ in {"lui", "elle", "eux", "elles"}):
            continue  # a relative clause, a participle phrase, an adverbial, "lui,"
        if any("Fin" in t.morph.get("VerbForm", None) for t in chunk):
            break  # another clause
        if (head.pos_ in {"DET", "PROPN", "NOUN", "PRON", "ADJ"} or head.text[:1].isupper()) \
                and any(t.pos_ in {"NOUN", "PROPN"} or t.lower_ in {"il", "elle"} or (
                    t.pos_ == "ADJ" and head.pos_ == "DET") for t in chunk):
            phrases.append(chunk)
    if not phrases:
        return []
    def named(chunk: list[Token]) -> bool:
        """A short phrase headed by a name ("Jake Sullivan", "Le sénateur Patrick Leahy")."""
        head = next((t for t in chunk if t.pos_ in {"NOUN", "PROPN"}), None)
        return head is not None and head.pos_ == "PROPN" and len(chunk) <= 6 and not any(
            t.is_punct or t.pos_ in {"VERB", "AUX"} for t in chunk)

    nearest = phrases[0]
    if len(phrases) > 1 and not named(nearest) and named(phrases[1]):
        return _trim_speaker(phrases[1], times)  # the name before its apposition
    return _trim_speaker(nearest, times)


def _same_clause_outside_quotes(subject: Token, verb: Token) -> bool:
    """A subject the parser found in another sentence or inside quoted words is not the
    speaker ("« les hommes forts font la paix »", a heading line above)."""
    doc = verb.doc
    between = _text(doc)[min(subject.idx, verb.idx):max(subject.idx, verb.idx)]
    if re.search(r"[.!?]\s|\n", between):
        return False
    layout = doc.user_data.get(_LAYOUT_KEY)
    return not (isinstance(layout, Layout) and layout.mark_at(subject.idx) is not None)


def _parsed_as_verb(token: Token) -> bool:
    """Whether the parser read the cue as a verb (then its dependents can be trusted)."""
    return token.pos_ in {"VERB", "AUX"} or token.lemma_.lower() in _lexicon_index()[0]


def _phrase(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _noun_phrase_before(head: Token, relative: Token) -> list[Token]:
    """The antecedent of "qui": a name set off before its apposition ("Paul Martin, ancien
    conseiller du ministre, qui estime") is the speaker, not the apposition."""
    return _name_before_apposition(head) or _trim_speaker(
        [t for t in head.subtree if t.i < relative.i])


def _named_apposition(subject: Token) -> list[Token] | None:
    """"Le porte-parole du Kremlin, Dmitri Peskov, a déclaré": the name in apposition."""
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return [t for t in child.subtree if not t.is_punct]
    return None


def _name_before_apposition(subject: Token) -> list[Token] | None:
    """"Hakan Fidan, son ministre des Affaires étrangères, a qualifié": the parser may take
    the apposition for the subject; the name just before it, with a comma, is the speaker."""
    doc = subject.doc
    start = subject.left_edge.i
    if start < 2 or doc[start - 1].text != "," or subject.pos_ == "PROPN":
        return None
    name: list[Token] = []
    for token in reversed(doc[max(0, start - 5):start - 1]):
        if not token.text[:1].isupper() or token.pos_ in {"DET", "PRON", "ADP", "VERB", "AUX"}:
            break
        name.insert(0, token)
    if len(name) >= 2 and any(t.pos_ == "PROPN" for t in name) and (
            name[0].i == 0 or doc[name[0].i - 1].is_punct or doc[name[0].i - 1].is_space):
        return name
    return None


def _following_subject(verb: Token, times: list[tuple[int, int]]) -> list[Token]:
    """The words after an inverted verb that name the speaker ("a déclaré mardi Jens
    Stoltenberg à Vilnius" → Jens Stoltenberg; "a écrit sur X le secrétaire général" → le
    secrétaire général): the first noun phrase not governed by a preposition."""
    for child in verb.children if _parsed_as_verb(verb) else []:
        if child.dep_ in {"nsubj", "nsubj:pass"} and child.i > verb.i:
            return _trim_speaker(list(child.subtree), times)
    doc = verb.doc
    window = []
    for token in doc[verb.i + 1: verb.i + 18]:
        if token.text in {".", "!", "?", "»", "«", ":", ";"} or "\n" in token.text or \
                token.lower_ in _QUE:
            break
        window.append(token)
    for index, token in enumerate(window):
        if token.is_punct or token.pos_ in {"ADV", "AUX"} or \
                any(s <= token.idx < e for s, e in times) or token.lower_ in _LEADING_ADVERBIALS:
            continue
        head = token
        while head.dep_ in {"det", "amod", "flat:name", "fixed", "case", "nummod", "compound",
                            "flat"} and head.head is not head and head.head.i > verb.i:
            head = head.head
        if head.dep_.startswith(("obl", "nmod", "case", "advmod")) or token.pos_ == "ADP":
            continue
        return _trim_speaker(window[index:], times)
    return _trim_speaker(window, times)


def _trim_speaker(tokens: list[Token], times: list[tuple[int, int]] | None = None
                  ) -> list[Token]:
    """Keep the noun phrase: stop at a relative clause, a comma, a time or place phrase."""
    def in_time(token: Token) -> bool:
        return any(s <= token.idx < e for s, e in times or [])

    while tokens:
        phrase = _ADVERBIAL_PHRASES.match(_text(tokens[0].doc), tokens[0].idx)
        if phrase:
            tokens = [t for t in tokens if t.idx >= phrase.end()]
        elif tokens[0].lower_ in _LEADING_ADVERBIALS or tokens[0].pos_ in {"ADV", "NUM"} or \
                in_time(tokens[0]) or tokens[0].lower_ in {"-t", "t", "-t-"}:
            tokens = tokens[1:]
        else:
            break
    tokens = [t for t in tokens if t.lower_ not in {"-t", "t", "-t-"}]
    kept: list[Token] = []
    for token in tokens:
        if token.lower_ in _SPEAKER_STOPS or "\n" in token.text:
            break
        if kept and (token.lower_ in _SPEAKER_STOPS_AFTER_FIRST or in_time(token) or
                     token.lower_ in {"l'", "l’", "lui"}):
            if token.lower_ in {"le", "la", "l'", "l’"}:
                if kept[-1].lower_ not in {"de", "à"}:
                    break
            else:
                break
        if kept and token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "acl"}:
            break
        kept.append(token)
    while kept and (kept[-1].is_punct or kept[-1].lower_ in {"de", "du", "des", "et", "d'", "d’"}):
        kept.pop()
    return kept


# -- statements from reporting clauses --------------------------------------------------------


def _clause_statements(doc: Doc, layout: Layout, times: list[tuple[int, int]]
                       ) -> list[_Statement]:
    """Reporting verb + que-clause, + object holding quoted words, or after an unquoted
    statement ("…, a confirmé un responsable")."""
    text = _text(doc)
    found: list[_Statement] = []
    for token in doc:
        verb = reporting_entry(token)
        if verb is None or layout.mark_at(token.idx) is not None or _is_negated(token) or \
                layout.heading(token.idx):
            continue
        sentence = layout.sentence(token.idx)
        content: list[tuple[int, int]] | None = None
        inverted = False
        if verb.frame != "incise":
            que = _que_clause(token, times)
            if que is not None:
                content = [_clause_extent(text, que, layout, sentence)]
        participle = token.lower_.endswith("ant")  # "parlant sous couvert d'anonymat"
        if content is None and verb.frame == "any" and not _follows_quote(token):
            content = _quoted_object(text, token, layout, sentence, times)
        if content is None and not participle:
            content = _statement_before(text, token, layout, sentence)
            inverted = content is not None
        if not content or content[0][0] >= content[-1][1]:
            continue
        subject = _subject_phrase(token, inverted, times)
        statement = _Statement(
            kind="mixed" if _holds_quote(layout, content) else "indirect",
            parts=content, cue=_cue_span(token), verb=verb,
            speaker=subject if isinstance(subject, tuple) else None,
            implicit=subject == "implicit", sentence=sentence, verb_index=token.i,
        )
        if subject is None:
            continue
        statement.anchor = min(statement.start, statement.cue[0] if statement.cue else
                               statement.start, statement.speaker[0] if statement.speaker
                               else statement.start)
        found.append(statement)
    return found


def _que_clause(verb: Token, times: list[tuple[int, int]]) -> Token | None:
    """The "que" opening the content clause of a reporting verb: the parse's, or the first
    "que" after the verb (the parser sometimes reads it as a relative pronoun: "a écrit sur
    Telegram que Trump avait …"). Either way only adverbs, times and prepositional phrases
    may stand between; a bare noun before it would be its antecedent ("l'enveloppe que le
    Congrès n'a pas adoptée"), and "pour que", "ainsi que", "plus … que" are not content
    clauses."""
    doc = verb.doc
    parsed = None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in {"ccomp", "obj", "xcomp", "advcl", "obl", "acl",
                                               "conj", "dep"}:
            parsed = next((g for g in child.children if g.dep_ == "mark" and g.lower_ in _QUE
                           and verb.i < g.i < child.i), None)
            if parsed is not None:
                break
    if parsed is not None:
        previous = doc[parsed.i - 1].lower_
        if previous in _COMPOUND_QUE or _comparative(verb, parsed):
            return None
        if parsed.i - verb.i <= 12:
            return parsed  # the parse's content clause, near the verb
    after_preposition = False
    for token in doc[verb.i + 1: verb.i + 20]:
        if token.lower_ in _QUE:
            if parsed is not None and token.i != parsed.i:
                return None
            previous = doc[token.i - 1].lower_
            return None if previous in _COMPOUND_QUE or _comparative(verb, token) else token
        if token.text in {".", "!", "?", ";", ":", "«", "»"} or "\n" in token.text or \
                token.pos_ in {"VERB", "SCONJ"}:
            return None
        if token.text == ",":
            continue
        in_time = any(s <= token.idx < e or (token.pos_ == "DET" and s == token.idx +
                                             len(token.text) + 1) for s, e in times)
        if token.pos_ == "ADP":
            after_preposition = True
        elif in_time or token.pos_ in {"ADV", "AUX"} or \
                token.lower_ in _OBJECT_CLITICS or token.lower_ in _LINK_WORDS:
            continue
        elif token.pos_ in {"DET", "NOUN", "PROPN", "PRON", "NUM"} and not after_preposition:
            return None
    return None


def _comparative(verb: Token, que: Token) -> bool:
    """"relève d'une plus grande maturité que …": a comparison, not a content clause ("a dit
    aussi que" is not one: "aussi" right before "que" means "also")."""
    between = verb.doc[verb.i + 1:que.i - 1]
    # "le même jour que" compares; "le jour même de la signature que" does not
    return any(t.lower_ in _COMPARATIVES or (t.lower_ == "même" and t.i > 0 and
                                             verb.doc[t.i - 1].pos_ == "DET") for t in between)


def _clause_extent(text: str, que: Token, layout: Layout, sentence: tuple[int, int]
                   ) -> tuple[int, int]:
    """From after "que" to the end of the sentence, short of a trailing incise, a trailing
    "selon", a gerund, a comment or the channel."""
    start = que.idx + len(que.text)
    end = _statement_end(text, start, layout, sentence)
    return _strip_statement(text, start, end)


_CLAUSE_TAIL = re.compile(
    r",\s*(?:selon|d['’]après)\s[^,;:«»]*$"  # a trailing source: "…, selon l'agence Tass."
    r"|,\s*(?:a-t-(?:il|elle)|(?:a|avait|ont)\s+(?:\w+\s+)?(?:ajouté|précisé|souligné|"
    r"indiqué|expliqué|déclaré|affirmé|assuré|estimé|dit|insisté))\b"  # an incise cue
    r"|\s[—–]\s"  # a dash
    r"|,\s*(?:tout\s+)?en\s+[\wéèêàâîôûç]+ant\b"  # a gerund: "…, tout en réclamant"
    r"|,\s*ce\s+qu"  # a comment on the whole: "…, ce qu'un diplomate qualifie de …"
    r"|,\s*(?:dans (?:un|une|des) (?:entretien|interview|propos|tribune|message|vidéo)"
    r"|lors d['’]une? (?:entretien|interview|conférence|point|allocution)"
    r"|sur (?:son compte|sa chaîne|le réseau|la plateforme|Telegram|X|Twitter|Facebook))"
)


def _statement_end(text: str, start: int, layout: Layout, sentence: tuple[int, int]) -> int:
    """Where a reported clause stops: the sentence end, or an incise cue, a trailing "selon",
    a dash, a gerund, a comment or the channel standing after it."""
    end = sentence[1]
    for tail in _CLAUSE_TAIL.finditer(text, start, end):
        if layout.mark_at(tail.start()) is None and tail.start() > start:
            return tail.start()
    return end


def _strip_statement(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _strip(text, start, end)
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    return start, end


def _quoted_object(text: str, verb: Token, layout: Layout, sentence: tuple[int, int],
                   times: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """"a salué un « message fort »", "a qualifié la séance de « très positive »", "s'est dit
    « pas content »": the words after the verb, when they hold a quoted fragment that is not
    a sentence of its own (that one is a direct quote)."""
    right = [t for t in verb.subtree if t.i > verb.i and t.idx < sentence[1]]
    subject = {t.i for c in verb.children if c.dep_.startswith("nsubj") and c.i > verb.i
               for t in c.subtree}
    right = [t for t in right if t.i not in subject]
    if not right:
        return None
    start, end = right[0].idx, right[-1].idx + len(right[-1].text)
    inside = [m for m in layout.marks if start <= m.open and m.close <= end + 1 and not m.dash]
    if not inside:
        return None
    first = inside[0]
    if ":" in text[verb.idx + len(verb.text):first.open]:
        return None  # "X l'a dit à plusieurs reprises : « … »": a direct quote
    if any(reporting_entry(t) is not None for t in right if t.idx < first.open):
        return None  # "parlant sous couvert d'anonymat, a dit que … « … »": the other verb's
    lead = text[verb.idx + len(verb.text):first.open]
    if not re.search(r"[\w]", _remove_spans(lead, verb.idx + len(verb.text), times)) and \
            _sentence_like(text, first):
        return None  # "a lancé « Nous tiendrons »": a direct quote with its cue before
    while right and (right[0].lower_ in _LEADING_ADVERBIALS or right[0].pos_ == "ADV" or
                     right[0].is_punct or any(s <= right[0].idx < e for s, e in times)) and \
            right[0].idx < first.open:
        right = right[1:]
    if not right:
        return None
    start = min(right[0].idx, first.open)
    end = max(end, inside[-1].close)
    end = _statement_end(text, start, layout, sentence)
    stop = _token_at(verb.doc, end) if end < len(text) else len(verb.doc)
    for token in verb.doc[_token_at(verb.doc, first.close):stop]:
        head = token.head
        if token.dep_ in {"nsubj", "nsubj:pass", "expl:subj"} and head.i > token.i and \
                head is not verb and _finite(head) and (
                    verb not in head.ancestors or head.dep_ == "conj"):
            # "« … », Washington a appelé", "de « guerre civile » et il paraît clair que":
            # a new clause with its own subject is the writer's, not the quoted object's
            comma = text.rfind(",", first.close, token.idx)
            joined = list(re.finditer(r"\s(?:et|mais|puis|car|or)\s+$",
                                      text[first.close:token.idx]))
            cut = max(comma, first.close + joined[-1].start() if joined else -1)
            end = cut if cut != -1 else end
            break
    content = _strip_statement(text, start, end)
    lead_words = re.sub(r"^(?:de|d['’]|comme|à|au)\s*", "", text[content[0]:first.open].strip())
    rest = _remove_spans(text[first.close:content[1]], first.close, times)
    if len(inside) == 1 and not lead_words and (
            not re.search(r"\w", rest) or rest.lstrip().startswith(",")):
        return None  # "a salué « un partenaire loyal »": the quoted words are the whole object
    return [content]


def _remove_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(max(s - offset, 0), min(e - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _statement_before(text: str, verb: Token, layout: Layout, sentence: tuple[int, int]
                      ) -> list[tuple[int, int]] | None:
    """"Rubio doit rencontrer des responsables russes, a confirmé un responsable." and
    "Ces garanties, a-t-elle soutenu, sont « des garanties de danger »": the statement is
    the words around an inverted cue, without quotation marks around all of them."""
    cue_start, cue_end = _cue_span(verb)
    if not text[:cue_start].rstrip().endswith(","):
        return None
    if _clitic_subject(verb) is None and any(
            c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children):
        return None  # not inverted: "X, qui …, a dit" is a subject, not a statement
    if _clitic_subject(verb) is None and not _someone_after(verb):
        return None  # "…, sourit souvent et …", "…, lancent une pétition": no speaker after
    start = layout.clause_start(cue_start)
    first_end = len(text[:cue_start].rstrip()) - 1
    if first_end - start < 6:
        return None
    first = _strip_statement(text, start, first_end)
    whole = [m for m in layout.marks if m.close >= first[1] - 1 and (
        m.open <= first[0] or not text[first[0]:m.open].strip(" \u00a0\u202f—–-"))]
    if whole:
        return None  # « … », a-t-il dit: a direct quote
    last = next((m for m in layout.marks if first[1] - 1 <= m.close - 1 <= first[1] and
                 text[:m.open].rstrip().endswith(",")), None)
    if last is not None:
        return None  # "…, « en geste de bonne volonté », a précisé X": the quote stands apart
    doc = verb.doc
    before = doc[_token_at(doc, first[0]):_token_at(doc, first[1])]
    if any(reporting_entry(t) is not None and layout.mark_at(t.idx) is None and
           _follows_quote(t) for t in before):
        return None  # "« … », a-t-il déclaré, promettant …": the cue of a quote before
    parts = [first]
    after = re.match(r"[^,.;:«»!?]{0,80},\s*", text[cue_end:sentence[1]])
    if after:
        second_start = cue_end + after.end()
        second = _strip_statement(text, second_start, _statement_end(
            text, second_start, layout, sentence))
        rest = doc[_token_at(doc, second[0]):_token_at(doc, second[1])]
        if second[1] - second[0] > 3 and not _SELON.match(text, second[0]) and rest and \
                rest[0].pos_ not in {"ADP"} and any(
                "Fin" in t.morph.get("VerbForm", None) or (t.pos_ == "VERB" and
                t.dep_ in {"ROOT", "conj", "xcomp"}) for t in rest):
            parts.append(second)  # not the subject's apposition (", de l'UNSA")
    if not any(t.pos_ in {"VERB", "AUX"} for t in before) and len(before) <= 2:
        parts = parts[1:]  # "Pourtant, ajoute-t-il, « … »": a connector, not a statement
        if len(parts) == 1 and any(m.open <= parts[0][0] + 1 and m.close >= parts[0][1] - 1
                                   for m in layout.marks):
            return None  # the rest is a quote: direct, with its cue before
    elif len(parts) == 1 and not any("Fin" in t.morph.get("VerbForm", None) for t in before):
        return None  # no clause of its own before the cue ("Au nom du parti, X, …")
    return parts or None


def _someone_after(verb: Token) -> bool:
    """Whether the words after an inverted verb name someone: a name, a pronoun, a person,
    a title or an institution ("a confirmé un haut responsable", "affirme le ministère")."""
    following = _following_subject(verb, [])
    if not following or following[0].pos_ in {"VERB", "AUX", "ADV", "CCONJ", "ADP", "SCONJ"}:
        return False
    cues = quote_cues()
    lexicon = anonymous_sources()
    people = lexicon.heads | lexicon.people | cues.institution_heads | cues.organisation_heads | {
        t.split()[0] for t in cues.titles}
    return any(t.pos_ in {"PROPN", "PRON"} or t.lower_ in people for t in following)


def _finite(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary ("il est parti")."""
    return "Fin" in verb.morph.get("VerbForm", None) or any(
        c.dep_ in {"aux", "aux:tense", "aux:pass"} and "Fin" in c.morph.get("VerbForm", None)
        for c in verb.children)


def _token_at(doc: Doc, position: int) -> int:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _holds_quote(layout: Layout, parts: list[tuple[int, int]]) -> bool:
    return any(start <= mark.open < end and not mark.dash for mark in layout.marks
               for start, end in parts) or any(
        layout.text[end - 1:end] in {"»", "”", '"'} for _s, end in parts)


# -- "selon X", "d'après X" -------------------------------------------------------------------


def _selon_statements(doc: Doc, layout: Layout, clauses: list[_Statement]
                      ) -> list[_Statement]:
    """"Selon X, …", "…, selon X." and "…, selon X, …": the statement attributed to X. A
    "selon" in a sentence that already has a reporting verb names where it was said (a
    channel: "selon l'agence Tass, X a jugé que …")."""
    text = _text(doc)
    cues = quote_cues()
    source = reporting_verbs().get("selon")
    found: list[_Statement] = []
    for match in _SELON.finditer(text):
        if layout.mark_at(match.start()) is not None:
            continue
        after = fold(text[match.end():match.end() + 40])
        if any(after == w or after.startswith(w + " ") or after.startswith(w + ",")
               for w in cues.source_not_speaker_after):
            continue
        sentence = layout.sentence(match.start())
        phrase_end = _phrase_end(text, match.end(), sentence[1])
        phrase = _source_phrase(text, match.end(), phrase_end)
        if phrase is None:
            continue
        same_sentence = [c for c in clauses if c.sentence == sentence]
        media = _is_media(text[phrase[0]:phrase[1]])
        opening = not text[layout.clause_start(match.start()):match.start()].strip(
            " \u00a0\u202f—–-")
        if same_sentence and (media or not opening):
            for clause in same_sentence:
                if clause.channel is None and media:
                    clause.channel = (match.start(), phrase_end)
            continue  # "Selon l'agence Tass, X a jugé que …": where X said it
        # "D'après une source à Moscou, la Russie juge que …": the source reports it all
        if _attached_cue_in(doc, layout, sentence):
            continue  # "« … », a-t-il lancé, d'après un extrait diffusé par ses services"
        parts = _selon_content(text, match.start(), phrase_end, layout, sentence)
        if not parts:
            continue
        kind: QuoteKind = "mixed" if _holds_quote(layout, parts) else "indirect"
        if len(parts) == 1:
            whole = [m for m in layout.marks if not m.dash and m.open <= parts[0][0]
                     and m.close >= parts[0][1]]
            if whole:
                kind, parts = "direct", list(whole[0].parts)
        statement = _Statement(kind=kind, parts=parts, cue=(match.start(), match.end() - 1),
                               verb=source, speaker=phrase, sentence=sentence)
        statement.anchor = min(statement.start, match.start())
        found.append(statement)
    return found


def _attached_cue_in(doc: Doc, layout: Layout, sentence: tuple[int, int]) -> bool:
    """Whether the sentence holds a reporting verb attached to quoted words: inverted after a
    closing mark ("», a-t-il lancé") or with an inverted pronoun."""
    span = doc.char_span(sentence[0], sentence[1], alignment_mode="contract")
    for token in span if span is not None else []:
        if layout.mark_at(token.idx) is not None or reporting_entry(token) is None:
            continue
        before = _text(doc)[max(0, token.idx - 12):_cue_span(token)[0]].rstrip(" ,")
        if _clitic_subject(token) is not None or before.endswith(("»", "”", '"')):
            return True
    return False


def _phrase_end(text: str, start: int, limit: int) -> int:
    stop = re.search(r"[,;:.!?«»()\n]|\s[—–]\s", text[start:limit])
    return start + stop.start() if stop else limit


def _source_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The source after "selon", unwrapped: "l'expression d'un conseiller" → "un conseiller",
    "le texte publié par le gouvernement ukrainien" → "le gouvernement ukrainien". A document
    with nobody behind it ("selon le texte") is no source."""
    cues = quote_cues()
    relative = re.search(r"\s(?:qui|que|qu['’]|dont)\s", text[start:end])
    if relative:
        end = start + relative.start()  # "un haut fonctionnaire que j'ai interrogé"
    phrase = text[start:end]
    folded = fold(phrase)
    for wrapper in cues.source_wrappers:
        if folded.startswith(wrapper + " ") or folded == wrapper:
            rest = re.match(
                rf"{re.escape(wrapper)}\s*(?:[\wéèêàâîôûç-]+\s+){{0,2}}?"
                r"(?:(?:publiée?s?|diffusée?s?|rendue?s? publice?s?|citée?s?)\s+par|de la part"
                r" de|du|des|de|d')\s*", folded)
            if rest is None:
                return None
            offset = _offset_in(phrase, rest.end())
            start += offset
            break
    _det, noun = strip_determiner(text[start:end])
    if not noun or noun.split()[0] in cues.not_speakers:
        return None
    return _strip(text, start, end)


def _offset_in(phrase: str, folded_offset: int) -> int:
    """Map an offset in the folded phrase back to the original (folding only merges spaces
    and replaces apostrophes)."""
    count = 0
    folded = 0
    previous_space = True
    for index, char in enumerate(phrase):
        if folded >= folded_offset:
            return index
        if char.isspace():
            if not previous_space:
                folded += 1
            previous_space = True
        else:
            folded += 1
            previous_space = False
        count = index
    return count + 1


def _is_media(phrase: str) -> bool:
    folded = fold(phrase)
    return any(folded.startswith(w) for w in quote_cues().media_words) or bool(
        re.fullmatch(r"(?:l['’])?[A-Z][A-Za-z]{1,10}(?:[ -][A-Z][a-z]+)?", phrase.strip()))


def _selon_content(text: str, selon_at: int, phrase_end: int, layout: Layout,
                   sentence: tuple[int, int]) -> list[tuple[int, int]]:
    clause_start = layout.clause_start(selon_at)
    lead = text[clause_start:selon_at]
    if not lead.strip(" \u00a0\u202f—–-"):
        # "Selon X, the statement."
        if text[phrase_end:phrase_end + 1] != ",":
            return []
        start = phrase_end + 1
        relative = re.match(r"\s*(?:qui|dont|lequel|laquelle|lesquels)\b[^,.;:«»]{0,120},",
                            text[start:sentence[1]])
        if relative:
            start += relative.end()  # "Selon Dmitri Peskov, qui s'exprimait jeudi, …"
        return [_strip_statement(text, start, _statement_end(text, start, layout, sentence))]
    if not lead.rstrip().endswith((",", "(")):
        return []
    first = _strip_statement(text, clause_start, len(lead.rstrip()) + clause_start - 1)
    parts = [first]
    aside = re.match(r"\s*\([^()]{1,80}\)", text[phrase_end:])  # "selon le CRS (…),"
    if aside:
        phrase_end += aside.end()
    if text[phrase_end:phrase_end + 1] == ",":
        rest = _strip_statement(text, phrase_end + 1,
                                _statement_end(text, phrase_end + 1, layout, sentence))
        if rest[1] - rest[0] > 3:
            parts.append(rest)
    return parts


# -- direct quotes ---------------------------------------------------------------------------


def _direct_statements(doc: Doc, layout: Layout, clauses: list[_Statement],
                       times: list[tuple[int, int]]) -> list[_Statement]:
    text = _text(doc)
    found: list[_Statement] = []
    for mark in layout.marks:
        if any(c.start <= mark.start and mark.end <= c.end + 1 for c in clauses) or \
                any(c.start <= mark.start < c.end for c in clauses):
            continue
        lead = text[layout.sentence(mark.open)[0]:mark.open].rstrip()
        if _name_like(text[mark.start:mark.end]) and lead[-1:].isalnum():
            continue  # "le quotidien « El Hayat »": a name after a noun, not a quote
        if _scare_quoted(text, lead, mark):
            continue  # "lorsqu'une « philosophe égyptienne » assure": a term, not a quote
        statement = _incise_statement(doc, mark, times) or (
            None if mark.dash else _after_statement(doc, layout, mark, times)) or (
            None if mark.dash else _before_statement(doc, layout, mark, times))
        if statement is None and not mark.dash and _floating(text, layout, mark):
            statement = _Statement(kind="direct", parts=list(mark.parts), cue=None, verb=None,
                                   floating=True, sentence=layout.sentence(mark.open))
        if statement is None:
            continue
        statement.anchor = min(mark.open, statement.speaker[0] if statement.speaker
                               else mark.open)
        if statement.sentence == (0, 0):
            statement.sentence = layout.sentence(mark.open)
        found.append(statement)
    return found


_INCISE = re.compile(
    r",\s*(?:"
    r"(?:a|avait|aurait|ont|avaient)(?:-t)?-(?:il|elle|ils|elles|on)\s+(?P<v1>[\wéèêàâîôûç']+)"
    r"|(?P<v2>[\wéèêàâîôûç']+?)(?:-t)?-(?:il|elle|ils|elles|on)"
    r"|(?:a|avait|ont)\s+(?:\w+\s+)?(?P<v3>[\wéèêàâîôûç']+)\s+[^,.«»]{1,60}"
    r"|(?P<v4>[\wéèêàâîôûç']+)\s+(?:le|la|l'|l’|un|une|M\.|Mme|[A-Z])\s*[^,.«»]{0,60}"
    r")(?:\s+[^,.«»]{0,60})?[,.]\s*"
)


def _incise_statement(doc: Doc, mark: Mark, times: list[tuple[int, int]]
                      ) -> _Statement | None:
    """« Nous tiendrons, a-t-il dit, jusqu'au bout » is one quote in two parts."""
    text = _text(doc)
    for piece_start, piece_end in mark.parts:
        for incise in _INCISE.finditer(text, piece_start, piece_end):
            if incise.start() <= piece_start or (incise.end() >= piece_end - 1 and not mark.dash):
                continue
            gap = doc.char_span(incise.start(), incise.end(), alignment_mode="expand")
            if gap is None:
                continue
            verb = next((t for t in gap if reporting_entry(t) is not None and
                         not _is_negated(t)), None)
            if verb is None or any(c.dep_.startswith("nsubj") and c.i < verb.i and
                                   not c.text.startswith("-") for c in verb.children):
                continue  # "A, lui, a reconnu …": a subject before the verb, not an incise
            if mark.dash and (re.search(r"[.!?»]", text[piece_start:incise.start()]) or
                              text[:incise.start()].rstrip().endswith("»")):
                continue  # in a dialogue paragraph, only an incise in its first sentence
            entry = reporting_entry(verb)
            parts: list[tuple[int, int]] = []
            for part in mark.parts:
                if part == (piece_start, piece_end):
                    parts += [_strip(text, piece_start, incise.start()),
                              _strip(text, incise.end(), piece_end)]
                else:
                    parts.append(part)
            parts = [p for p in parts if p[0] < p[1]]
            subject = _subject_phrase(verb, True, times)
            return _Statement(kind="direct", parts=parts, cue=_cue_span(verb), verb=entry,
                              speaker=subject if isinstance(subject, tuple) else None,
                              implicit=not isinstance(subject, tuple))
    return None


def _after_statement(doc: Doc, layout: Layout, mark: Mark, times: list[tuple[int, int]]
                     ) -> _Statement | None:
    """"« … », a déclaré X", "« … », a-t-il dit", "« … » elle a écrit": the cue right after
    the closing mark, before any subject of its own."""
    text = _text(doc)
    after = doc.char_span(mark.close, min(len(text), mark.close + 160), alignment_mode="expand")
    if after is None:
        return None
    ends_sentence = text[mark.start:mark.end].rstrip().endswith((".", "!", "?", "…"))
    tokens = list(after)
    if tokens and tokens[0].text in {"»", "”", '"'}:
        tokens = tokens[1:]
    steps = 0
    comma = bool(tokens) and tokens[0].text == ","
    noun_phrase: list[Token] = []
    for index, token in enumerate(tokens):
        if steps > 7 or "\n" in token.text:
            return None
        if index == 0 and token.text in {",", "—", "–"}:
            continue
        if index == 0 and ends_sentence and token.text[:1].isupper() and token.pos_ != "VERB":
            return None  # a new sentence starts after the quote
        entry = reporting_entry(token)
        if entry is not None and entry.frame != "source":
            if _is_negated(token) or token.lower_.endswith("ant"):
                return None  # "», tout en reconnaissant que": the main verb's adjunct
            pronoun = next((t for t in tokens[:index] if t.lower_ in {"il", "elle", "ils",
                                                                      "elles"}), None)
            if noun_phrase and any(c.dep_ in {"obj", "ccomp", "xcomp"} and c.i > token.i
                                   for c in token.children):
                return None  # "« … », les alliés ont promis de …": not the quote's cue
            subject = (pronoun.idx, pronoun.idx + len(pronoun.text)) if pronoun else \
                _phrase(noun_phrase) if noun_phrase else _subject_phrase(token, True, times)
            if subject == "implicit":
                subject = None
            return _Statement(kind="direct", parts=list(mark.parts), cue=_cue_span(token),
                              verb=entry,
                              speaker=subject if isinstance(subject, tuple) else None,
                              implicit=subject is None)
        steps += 1
        if token.text in {",", "—", "–"} and index <= 1:
            continue
        if comma and (not noun_phrase or noun_phrase[-1].i == token.i - 1) and \
                len(noun_phrase) < 5 and token.pos_ in {"DET", "NOUN", "PROPN", "ADJ"} and not (
                token.pos_ == "DET" and noun_phrase):
            noun_phrase.append(token)  # "« … », l'officiel a ajouté" (translated wire copy)
            continue
        if token.pos_ in {"AUX", "ADV"} or token.lower_ in _OBJECT_CLITICS or \
                token.lower_ in _LINK_WORDS or token.lemma_ == "faire" or \
                any(s <= token.idx < e for s, e in times):
            continue
        return None
    return None


def _before_statement(doc: Doc, layout: Layout, mark: Mark, times: list[tuple[int, int]]
                      ) -> _Statement | None:
    """"X a déclaré : « … »", "Et d'ajouter : « … »", "X a lancé « Nous … »"."""
    text = _text(doc)
    sentence_start = layout.sentence(mark.open)[0]
    lead = text[sentence_start:mark.open]
    colon = lead.rstrip().endswith(":")
    span = doc.char_span(sentence_start, mark.open, alignment_mode="contract")
    if span is None or not lead.strip():
        return None
    for token in reversed(list(span)):
        entry = reporting_entry(token)
        if entry is None or entry.frame == "source" or layout.mark_at(token.idx) is not None:
            continue
        if _is_negated(token):
            return None
        between = text[token.idx + len(token.text):mark.open]
        if len(between) > 160:
            return None
        incise = _clitic_subject(token) is not None and not _CLITIC_AFTER.sub(
            "", between, count=1).strip(" ,\u00a0")
        if not colon and not incise:  # "Pourtant, ajoute-t-il, « … »" is an incise
            words = _remove_spans(between, token.idx + len(token.text), times)
            if re.search(r"\bqu", between) or len(re.findall(r"\w+", words)) > 3 or not (
                    _sentence_like(text, mark) or (entry.frame == "any" and
                                                   _ends_clause(text, layout, mark))):
                return None
        elif len(re.findall(r"\w+", text[mark.start:mark.end])) < 2:
            return None
        subject = _subject_phrase(token, False, times)
        if subject is None:
            return None
        return _Statement(kind="direct", parts=list(mark.parts), cue=_cue_span(token),
                          verb=entry, speaker=subject if isinstance(subject, tuple) else None,
                          implicit=subject == "implicit")
    if colon and _sentence_like(text, mark):
        return _colon_statement(doc, span, mark, times)
    return None


def _colon_statement(doc: Doc, lead: SpacySpan, mark: Mark, times: list[tuple[int, int]]
                     ) -> _Statement | None:
    """"Il s'en est pris à Madrid : « … »": a clause about a person, a colon, and a quoted
    sentence; the person is the speaker even without a reporting verb."""
    verbs = [t for t in lead if t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "conj"}]
    if not verbs:
        return None
    verb = verbs[-1]
    subject = _subject_phrase(verb, False, times)
    if not isinstance(subject, tuple):
        return None
    words = [t for t in lead if subject[0] <= t.idx < subject[1]]
    cues = quote_cues()
    heads = anonymous_sources().heads | anonymous_sources().people
    personal = any(t.pos_ == "PROPN" or t.lower_ in {"il", "elle"} or t.lower_ in heads or
                   any(t.lower_ == title.split()[0] for title in cues.titles) for t in words)
    if not personal:
        return None
    return _Statement(kind="direct", parts=list(mark.parts), cue=_cue_span(verb), verb=None,
                      speaker=subject)


_NAME_LINKS = {"de", "du", "des", "la", "le", "les", "l'", "d'", "el", "al", "of", "the", "and",
               "et", "à", "&"}


_NOUN_DETERMINERS = frozenset({
    "un", "une", "le", "la", "les", "l'", "l’", "des", "du", "ce", "cet", "cette", "ces", "son",
    "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "quelques", "plusieurs"})
_SCARE_WORDS = 5


def _scare_quoted(text: str, lead: str, mark: Mark) -> bool:
    """Quoted words inside a noun phrase, after its determiner ("une « philosophe
    égyptienne »", "ces « pseudo-révolutionnaires »"): a few words in lower case without
    sentence punctuation name a term; they are not words someone said."""
    if mark.dash or len(mark.parts) > 1:
        return False
    content = text[mark.start:mark.end].strip()
    words = content.split()
    if not words or len(words) > _SCARE_WORDS or not content[:1].islower() or re.search(
            r"[.!?;:…]", content):
        return False
    last = re.search(r"([^\W\d_]+['’]?)\s*$", lead)  # "lorsqu'une": "une"
    return last is not None and last.group(1).lower() in _NOUN_DETERMINERS


def _name_like(content: str) -> bool:
    """Quoted words that name something ("El Hayat", "Rail Force One", "Quad"): a few
    capitalised words and no sentence punctuation."""
    words = content.split()
    if len(words) == 1:
        return content[:1].isupper() and content.isalpha() and len(content) < 15
    return 0 < len(words) <= 5 and not re.search(r"[.!?,;:]", content) and all(
        w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)


def _ends_clause(text: str, layout: Layout, mark: Mark) -> bool:
    """Whether nothing but punctuation follows the quoted words in their clause."""
    rest = text[mark.close:layout.sentence(mark.open)[1]].strip(" \u00a0\u202f\n")
    return rest in {"", ".", "!", "?", "…"} or rest.startswith((",", ";"))


def _sentence_like(text: str, mark: Mark) -> bool:
    """Quoted words that make a sentence of their own: a capital first letter and some
    length, or closing punctuation."""
    content = text[mark.start:mark.end]
    words = re.findall(r"\w+", content)
    return (content[:1].isupper() and len(words) >= 3) or (
        content.rstrip().endswith((".", "!", "?", "…")) and len(words) >= 2)


def _floating(text: str, layout: Layout, mark: Mark) -> bool:
    """A quote that is a sentence on its own, between sentence boundaries."""
    if not _sentence_like(text, mark) or len(re.findall(r"\w+", text[mark.start:mark.end])) < \
            _MIN_FLOATING_WORDS:
        return False
    sentence_start, sentence_end = layout.sentence(mark.open)
    before = text[sentence_start:mark.open].strip(" \u00a0\u202f")
    after = text[mark.close:sentence_end].strip(" \u00a0\u202f\n")
    return not before and after in {"", ".", "!", "?"}


# -- channel ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _channel_pattern() -> re.Pattern[str]:
    cues = quote_cues()
    platforms = "|".join(re.escape(p) for p in sorted(cues.platforms, key=len, reverse=True))
    bare = {re.sub(r"^(?:le|la|l['’])\s*", "", m) for m in cues.media_words}  # "au quotidien"
    media = "|".join(re.escape(m) for m in sorted(set(cues.media_words) | bare, key=len,
                                                     reverse=True))
    name = r"(?:[A-Z][\w-]*|[A-Z]{2,})(?:[ -](?:[A-Z][\w-]*|de|du))*"
    return re.compile(
        rf"\b(?:sur (?:son compte |le réseau social |la plateforme |le site |la messagerie )?"
        rf"(?:{platforms})(?![\w])"
        rf"|(?:dans|lors d['’])\s*(?:un |une )?(?:entretien|interview|tribune|émission|"
        rf"message vidéo|vidéo|allocution télévisée|allocution)"
        rf"(?: (?:accordée?|publiée?|diffusée?|donnée?))?\s+(?:à|au|aux|par|sur|dans)\s+"
        rf"(?:(?:{media})\s+)?(?:l['’])?{name}"
        rf"|dans des propos rapportés par\s+(?:(?:{media})\s+)?(?:l['’])?{name}"
        rf"|(?:à|au|aux)\s+(?:(?:{media})(?:\s+{name}|\s+[a-zéèêîôûç]{{4,}}\b"
        rf"(?:\s+d['’]État)?)?"
        rf"|l['’][A-Z]{{2,}}\b|[A-Z]{{2,}}\b(?:[ -][A-Z0-9]+)*))"
    )


def _channel(text: str, statement: _Statement, layout: Layout) -> tuple[int, int] | None:
    """Where the statement was made ("sur Telegram", "à CNN", "dans un entretien au Monde"),
    when its sentence says it outside the quoted words."""
    start, end = statement.sentence
    pattern = _channel_pattern()
    for found in pattern.finditer(text, start, end):
        if any(s <= found.start() < e for s, e in statement.parts):
            continue
        if layout.mark_at(found.start()) is not None:
            continue
        return found.start(), found.end()
    return None
