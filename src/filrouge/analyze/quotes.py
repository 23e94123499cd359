"""Who said what: direct, indirect and mixed quotes with their cue and speaker.

Rules over the dependency parse, in the spirit of the published French quote extractors, with the
speaker resolved to an actor: named people, titles, pronouns (to the last person named) and
anonymous sources, which are kept anonymous with their description.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from filrouge.analyze.dating import statement_date
from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.lexicons import anonymous_sources, quote_verbs
from filrouge.model import Entity, Quote, Span, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_QUOTE_PAIRS = re.compile(
    r"«\s*(?P<g>[^«»]{1,3000}?)\s*»"
    r"|“(?P<c>[^“”]{1,3000}?)”"
    r"|(?<![\w])\"(?P<s>[^\"\n]{1,1500}?)\"(?![\w])"
)
_INCISE = re.compile(
    r",\s*(?:"
    r"(?:a|avait|aurait|ont|avaient)(?:-t)?-(?:il|elle|ils|elles|on)\s+(?P<v1>[\wéèêàâîôûç']+)"
    r"|(?P<v2>[\wéèêàâîôûç']+?)(?:-t)?-(?:il|elle|ils|elles|on)"
    r"|(?:a|avait|ont)\s+(?P<v3>[\wéèêàâîôûç']+)\s+[^,.«»]{1,60}"
    r"|(?P<v4>[\wéèêàâîôûç']+)\s+(?:le|la|l'|un|une|M\.|Mme)\s*[^,.«»]{1,60}"
    r")(?:\s+[^,.«»]{0,60})?[,.]\s*"
)
_PRONOUNS = {"il", "elle", "ils", "elles", "-t-il", "-t-elle", "-il", "-elle"}
_CHANNEL = re.compile(
    r"\b(?:sur (?:Telegram|Twitter|Facebook|Instagram|Truth Social|TikTok|YouTube|"
    r"(?:le |son )?(?:réseau social|compte) [\wÀ-ÿ ]{1,25}|la plateforme X|X)"
    r"|(?:à|au|dans|lors d'un entretien à|dans un entretien (?:à|au|accordé à)|"
    r"dans des propos rapportés par)\s+(?:la chaîne |la télévision |le quotidien |"
    r"l'agence |la radio |l'hebdomadaire )?(?:[A-Z][\w-]*|RIA Novosti|TASS)(?: [A-Z][\w-]*){0,2})"
    r"(?![\w])"
)
_LEADING_ADVERBIALS = {
    "depuis", "pendant", "plusieurs", "quelques", "jours", "semaines", "mois", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "soir", "matin",
    "encore", "aussi", "également", "ensuite", "alors", "déjà", "lors", "veille", "lendemain",
    "en", "printemps", "été", "automne", "hiver", "dernier", "dernière",
}
_SELON = re.compile(r"\b(?:selon|d'après|d’après)\s+", re.IGNORECASE)
_MIN_WORDS = 3


@dataclass
class _Speaker:
    span: Span | None
    actor: str | None
    name: str | None
    anonymous: bool
    description: str | None


def find_quotes(
    doc: Doc,
    entities: EntityIndex,
    times: list[TimeExpr],
    published: str | None,
) -> list[Quote]:
    """Direct quotes first (they are the most reliable), then indirect speech outside them."""
    text = doc.text
    history: list[tuple[int, _Speaker]] = []
    direct = _direct_quotes(doc, entities, times, published, history)
    covered = [(q.start, q.end) for q in direct]
    indirect = [
        q
        for q in _indirect_quotes(doc, entities, times, published, sorted(history,
                                                                         key=lambda h: h[0]))
        if not any(s < q.end and q.start < e for s, e in covered)
    ]
    quotes = sorted(direct + indirect, key=lambda q: q.start)
    assert all(text[q.start:q.end] == q.text for q in quotes)
    return quotes


# -- direct quotes ---------------------------------------------------------------------------


def _direct_quotes(
    doc: Doc, entities: EntityIndex, times: list[TimeExpr], published: str | None,
    history: list[tuple[int, _Speaker]],
) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    previous: _Speaker | None = None
    previous_end = -1
    for match in _QUOTE_PAIRS.finditer(text):
        group = next(g for g in ("g", "c", "s") if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        content = text[start:end]
        parts = _split_incise(text, start, end)
        cue_token, speaker_tokens, kind_hint = _cue_around(doc, match.start(), match.end())
        if cue_token is None:
            incise_cue = _incise_cue(doc, parts)
            if incise_cue is not None:
                cue_token = incise_cue
                speaker_tokens = _subject_or_following(incise_cue, inverted=True)
        if len(content.split()) < _MIN_WORDS and not (
            cue_token is not None and 0 <= cue_token.idx - match.end() <= 25
        ):
            continue  # a quoted name, scare quotes or a fragment of indirect speech
        speaker: _Speaker | None = None
        cue_span: Span | None = None
        if cue_token is not None:
            cue_span = _cue_span(doc, cue_token)
            speaker = _resolve_speaker(doc, speaker_tokens, entities, cue_token.idx, history)
        elif previous is not None and _same_paragraph(text, previous_end, match.start()):
            speaker = previous  # a floating quote continues the last speaker
        elif selon := _selon_after(doc, match.end()):
            cue_span, speaker = selon[0], _resolve_speaker(doc, selon[1], entities, match.end(),
                                                           history)
        if speaker is None:
            continue
        sentence_end = _sentence_end(doc, match.end())
        date, origin = statement_date(
            times, _sentence_start(doc, match.start()), sentence_end, published,
            skip=(match.start(), match.end()),
        )
        channel = _CHANNEL.search(text, match.end(), sentence_end)
        quotes.append(
            Quote(
                start=parts[0].start,
                end=parts[-1].end,
                text=text[parts[0].start:parts[-1].end],
                parts=parts,
                kind=kind_hint,
                cue=cue_span,
                speaker=speaker.span,
                speaker_actor=speaker.actor,
                speaker_name=speaker.name,
                anonymous=speaker.anonymous,
                speaker_description=speaker.description,
                channel=Span.of(text, channel.start(), channel.end()) if channel else None,
                date=date,
                date_origin=origin,
            )
        )
        previous, previous_end = speaker, match.end()
        history.append((match.start(), speaker))
    return quotes


def _split_incise(text: str, start: int, end: int) -> list[Span]:
    """« Nous tiendrons, a-t-il dit, jusqu'au bout » is one quote in two parts."""
    incise = _INCISE.search(text, start, end)
    groups = ("v1", "v2", "v3", "v4")
    verb = next((incise.group(g) for g in groups if incise and incise.group(g)), "")
    if incise is None or verb.lower() not in _verb_forms():
        return [Span.of(text, start, end)]
    return [Span.of(text, start, incise.start()), Span.of(text, incise.end(), end)]


def _verb_forms() -> set[str]:
    """Surface forms of reporting verbs usable in an incise ("a-t-il *déclaré*", "*dit*-il")."""
    forms: set[str] = set()
    for lemma in quote_verbs():
        stem = lemma.removeprefix("se ").removeprefix("s'")
        forms.add(stem)
        if stem.endswith("er"):
            forms.update({stem[:-2] + "é", stem[:-2] + "e", stem[:-2] + "ait"})
        elif stem.endswith("ir"):
            forms.update({stem[:-2] + "i", stem[:-2] + "it"})
        elif stem.endswith("re"):
            forms.update({stem[:-2] + "it", stem[:-2] + "u"})
    forms.update({"dit", "fait", "écrit", "admis", "promis", "reconnu", "répondu", "poursuit"})
    return forms


def _incise_cue(doc: Doc, parts: list[Span]) -> Token | None:
    if len(parts) < 2:
        return None
    gap = doc.char_span(parts[0].end, parts[1].start, alignment_mode="expand")
    if gap is None:
        return None
    for token in gap:
        if _is_reporting(token):
            return token
    return None


def _cue_around(doc: Doc, open_at: int, close_at: int) -> tuple[Token | None, list[Token], str]:
    """A reporting verb right after the closing mark (« … », a déclaré X) or before the opening
    one in the same sentence (X a déclaré : « … »)."""
    after = doc.char_span(close_at, _sentence_end(doc, close_at), alignment_mode="expand")
    if after is not None:
        for index, token in enumerate(after):
            if index > 6:
                break
            if _is_reporting(token):
                return token, _subject_or_following(token, inverted=True), "direct"
    sentence_start = _sentence_start(doc, open_at)
    before = doc.char_span(sentence_start, open_at, alignment_mode="contract")
    if before is not None:
        for token in reversed(list(before)):
            if _is_reporting(token) and not _is_negated(token):
                between = doc.text[token.idx + len(token.text):open_at]
                kind = "mixed" if re.search(r"\bqu[e'’]", between) else "direct"
                if len(between) > 200:
                    break
                return token, _subject_or_following(token), kind
    return None, [], "direct"


def _selon_after(doc: Doc, close_at: int) -> tuple[Span, list[Token]] | None:
    text = doc.text
    found = _SELON.search(text, close_at, close_at + 12)
    if found is None or "." in text[close_at:found.start()]:
        return None
    tail = doc.char_span(found.end(), _sentence_end(doc, found.end()), alignment_mode="expand")
    tokens = [t for t in tail if not t.is_punct] if tail is not None else []
    return Span.of(text, found.start(), found.end() - 1), tokens[:8]


def _is_reporting(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in quote_verbs()


def _is_negated(token: Token) -> bool:
    return any(child.lower_ in {"pas", "jamais", "ne", "n'"} for child in token.children)


def _subject_or_following(verb: Token, inverted: bool = False) -> list[Token]:
    """The speaker's words: the verb's subject, else the words after an inverted verb. After a
    quote (``inverted``) the parser sometimes takes a noun of the quote as subject; only a
    subject placed after the verb counts there."""
    for child in verb.children:
        clitic = child.lower_ in _PRONOUNS and child.text.startswith("-")  # a-t-il dit
        if child.dep_ in {"nsubj", "nsubj:pass"} and (clitic or not inverted or child.i > verb.i):
            return list(child.subtree)
    if not inverted:
        return []  # no subject found: the caller falls back to the last person named
    following: list[Token] = []
    for token in verb.doc[verb.i + 1: verb.i + 14]:
        new_sentence = token.i > 0 and token.doc[token.i - 1].text in {".", "!", "?", "»"}
        if new_sentence or token.lower_ in {"que", "qu'", "qu’"} or token.pos_ == "AUX":
            break
        if token.is_punct and token.text not in {"-", "'"}:
            if following:
                break
            continue
        following.append(token)
    return following


def _cue_span(doc: Doc, verb: Token) -> Span:
    tokens = [verb, *[c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]]
    start = min(t.idx for t in tokens)
    end = verb.idx + len(verb.text)
    return Span.of(doc.text, start, end)


def _resolve_speaker(
    doc: Doc, tokens: Iterable[Token], entities: EntityIndex, cue_at: int,
    history: list[tuple[int, _Speaker]] | None = None,
) -> _Speaker:
    words = _trim_speaker(list(tokens))
    if not words:
        return _antecedent(doc, entities, cue_at, history or [], None)
    text = doc.text
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    span = Span.of(text, start, end)
    lowered = span.text.lower()
    if lowered in _PRONOUNS or lowered.lstrip("-t") in _PRONOUNS:
        return _antecedent(doc, entities, start, history or [], span)
    named = entities.best_actor(start, end)
    anonymous = _anonymous_description(span.text, text[end:end + 80])
    if anonymous is not None and (named is None or named.label != "PER"):
        return _Speaker(span, None, None, True, anonymous)
    if named is not None:
        return _Speaker(span, named.actor, named.actor_name or named.text, False, None)
    titled = _title_holder(doc, entities, span)
    if titled is not None:
        return _Speaker(span, titled.actor, titled.actor_name or titled.text, False, None)
    unnamed = _unnamed_person(span.text)
    if unnamed is not None:
        return _Speaker(span, None, None, True, unnamed)
    return _Speaker(span, None, span.text, False, None)


def _antecedent(doc: Doc, entities: EntityIndex, position: int,
                history: list[tuple[int, _Speaker]], span: Span | None) -> _Speaker:
    """Who "il", "elle" or an implicit subject is: the last speaker quoted, when no person has
    been named as a subject since (news prose keeps the focus on the speaker), else the last
    person named as a subject, else the last person named."""
    recent = next((s for at, s in reversed(history) if at < position), None)
    recent_at = next((at for at, _s in reversed(history) if at < position), -1)
    person = entities.last_person_before(position)
    subject = _last_subject_person(doc, entities, position)
    if recent is not None and (_is_person(entities, recent.actor) or recent.anonymous) and (
            subject is None or subject.start < recent_at) and (
            _same_or_next_paragraph(doc.text, recent_at, position)):
        return _Speaker(span, recent.actor, recent.name, recent.anonymous, recent.description)
    chosen = subject if subject is not None and (
        person is None or subject.start >= _sentence_start(doc, person.start)
        or person.start < recent_at) else person
    return _Speaker(span, chosen.actor if chosen else None,
                    (chosen.actor_name or chosen.text) if chosen else None, False, None)


def _is_person(entities: EntityIndex, actor: str | None) -> bool:
    if actor is None:
        return False
    if actor.startswith("local:"):
        return True
    known = entities.registry.get(actor)
    return known is not None and known.type == "person"


def _last_subject_person(doc: Doc, entities: EntityIndex, position: int) -> Entity | None:
    """The last person named before ``position`` as the subject of a clause, within the
    current and previous sentence."""
    index = _sentence_index(doc, position)
    starts, _ends = _sentence_bounds(doc)
    floor = starts[max(0, index - 1)] if index is not None else 0
    for entity in reversed(entities.within(floor, position)):
        if entity.label != "PER" or not entity.actor:
            continue
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in {"nsubj", "nsubj:pass"}:
            return entity
    return None


def _same_or_next_paragraph(text: str, a: int, b: int) -> bool:
    return text.count("\n\n", a, b) <= 1 if a >= 0 else False


_TITLE_WORDS = re.compile(
    r"\b(vice-président|vice-présidente|président|présidente|ministre|chef|secrétaire|"
    r"porte-parole|chancelier|chancelière|premier|première|roi|reine|général|amiral|"
    r"commissaire|ambassadeur|ambassadrice|émissaire|envoyé|envoyée|conseiller|conseillère|"
    r"patron|patronne|directeur|directrice|député|députée|sénateur|sénatrice|maire|élu|élue)\b",
    re.IGNORECASE)


def _title_holder(doc: Doc, entities: EntityIndex, span: Span) -> Entity | None:
    """The person a definite title stands for ("le vice-président" → JD Vance) when the
    article introduced that person with the same title, next to the name ("le vice-président
    américain JD Vance", "JD Vance, le vice-président")."""
    words = span.text.split()
    if not words or (words[0].lower() not in {"le", "la", "l'", "l’", "ce", "cette"} and \
            not words[0].lower().startswith(("l'", "l’"))):
        return None
    title = _TITLE_WORDS.search(span.text)
    if title is None:
        return None
    text = doc.text
    for found in reversed(list(_TITLE_WORDS.finditer(text, 0, span.start))):
        if found.group(1).lower() != title.group(1).lower():
            continue
        near = [e for e in entities.within(max(0, found.start() - 40), found.end() + 60)
                if e.label == "PER" and e.actor and text.count("\n", min(e.start, found.start()),
                                                               max(e.end, found.end())) == 0]
        if near:
            return min(near, key=lambda e: abs(e.start - found.end()))
    return None


def _unnamed_person(speaker: str) -> str | None:
    """An unnamed person described by what they are ("le directeur d'une PME", "ce
    responsable", "la mère d'un jeune engagé"): a source the reader cannot identify."""
    lexicon = anonymous_sources()
    words = speaker.lower().replace("’", "'").split()
    if len(words) < 2 or (words[0] not in {"le", "la", "les", "ce", "cette", "ces"} and \
            not words[0].startswith("l'")):
        return None
    head = words[0][2:] if words[0].startswith("l'") else words[1]
    if head == "même" and len(words) > 2:
        head = words[2]
    if head in lexicon.heads or head in lexicon.people:
        return " ".join(words[1:]) if not words[0].startswith("l'") else " ".join(
            [head, *words[1:]])
    return None


def _trim_speaker(tokens: list[Token]) -> list[Token]:
    """Keep the noun phrase: stop at a relative clause, a comma, or a time or place phrase."""
    kept: list[Token] = []
    while tokens and (tokens[0].lower_ in _LEADING_ADVERBIALS or tokens[0].pos_ in {"ADV", "NUM"}):
        tokens = tokens[1:]  # "répète depuis plusieurs jours Jake Sullivan"
    tokens = [t for t in tokens if t.lower_ not in {"-t", "t", "-t-"}]  # "a-t-elle"
    for token in tokens:
        if token.lower_ in {"qui", "dont", "lequel", "laquelle", ",", "(", "lors", "dans",
                            "pendant", "devant", "depuis", "après", "avant", "pour", "que",
                            "qu'", "qu’", "\n", "\n\n"} or "\n" in token.text:
            break
        if kept and token.lower_ in {"à", "au", "devant", "sur", "lundi", "mardi", "mercredi",
                                     "jeudi", "vendredi", "samedi", "dimanche", "hier"}:
            break
        kept.append(token)
    while kept and (kept[-1].is_punct or kept[-1].lower_ in {"de", "du", "des", "et"}):
        kept.pop()
    return kept


def _anonymous_description(speaker: str, after: str) -> str | None:
    lexicon = anonymous_sources()
    lowered = speaker.lower()
    words = lowered.replace("’", "'").split()
    if not words:
        return None
    marked = any(marker in (lowered + " " + after.lower()) for marker in lexicon.markers)
    indefinite = words[0] in {w for w in lexicon.indefinite if " " not in w}
    has_head = any(w.strip(",.") in lexicon.heads for w in words)
    if (indefinite and has_head) or (marked and has_head):
        return " ".join(words[1:]) if indefinite else " ".join(words)
    return None


# -- indirect speech --------------------------------------------------------------------------


def _indirect_quotes(
    doc: Doc, entities: EntityIndex, times: list[TimeExpr], published: str | None,
    history: list[tuple[int, _Speaker]],
) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    for sentence in doc.sents:
        for token in sentence:
            if not _is_reporting(token) or _is_negated(token):
                continue
            clause = _que_clause(token)
            if clause is None:
                continue
            speaker = _resolve_speaker(doc, _subject_or_following(token), entities, token.idx,
                                       history)
            if speaker.span is None and speaker.actor is None:
                continue
            bisect.insort(history, (token.idx, speaker), key=lambda h: h[0])
            content = _clause_span(text, clause, sentence)
            date, origin = statement_date(
                times, sentence.start_char, sentence.end_char, published,
                skip=(content.start, content.end),
            )
            quotes.append(
                Quote(
                    start=content.start, end=content.end, text=content.text, parts=[content],
                    kind="mixed" if _has_quote_mark(content.text) else "indirect",
                    cue=_cue_span(doc, token), speaker=speaker.span,
                    speaker_actor=speaker.actor, speaker_name=speaker.name,
                    anonymous=speaker.anonymous, speaker_description=speaker.description,
                    date=date, date_origin=origin,
                )
            )
    return quotes


def _que_clause(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"ccomp", "obj"} and any(
            grand.dep_ == "mark" and grand.lower_ in {"que", "qu'", "qu’"}
            for grand in child.children
        ):
            return child
    return None


def _clause_span(text: str, clause: Token, sentence: SpacySpan) -> Span:
    tokens = [t for t in clause.subtree if t.lower_ not in {"que", "qu'", "qu’"} or t.i > clause.i]
    start = tokens[0].idx
    last = tokens[-1]
    end = min(last.idx + len(last.text), sentence.end_char)
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    return Span.of(text, start, end)


def _has_quote_mark(text: str) -> bool:
    return any(mark in text for mark in "«»“”\"")


# -- shared helpers ---------------------------------------------------------------------------


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Sentence starts and ends, computed once per document (quotes ask for them many times)."""
    cached = doc.user_data.get("filrouge_sentence_bounds")
    if cached is None:
        sentences = list(doc.sents)
        cached = ([s.start_char for s in sentences], [s.end_char for s in sentences])
        doc.user_data["filrouge_sentence_bounds"] = cached
    return cached


def _sentence_index(doc: Doc, position: int) -> int | None:
    starts, ends = _sentence_bounds(doc)
    index = bisect.bisect_right(starts, position) - 1
    return index if index >= 0 and position < ends[index] else None


def _sentence_end(doc: Doc, position: int) -> int:
    index = _sentence_index(doc, position)
    return _sentence_bounds(doc)[1][index] if index is not None else len(doc.text)


def _sentence_start(doc: Doc, position: int) -> int:
    index = _sentence_index(doc, position)
    return _sentence_bounds(doc)[0][index] if index is not None else 0


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return a >= 0 and "\n\n" not in text[a:b]
