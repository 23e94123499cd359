"""A dossier for one story: summary, cited timeline, key quotes, figures and sources in one file.

The dossier is built once as plain data (:func:`build_dossier`) and rendered by Jinja2 templates
to self-contained HTML (inline CSS, no script, autoescaped, print-ready) or to plain Markdown.
Every item cites its article by number in the sources list, so a reader can check each line.
Quotes whose speaker was not resolved to a known actor are left out of the key quotes and
counted, because guessed speaker names ("la forme", "Marder") would mislead a reader.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from filrouge.model import Amount, Article, Quote, Story
from filrouge.store.sqlite import Store
from filrouge.stories.sources import outlet_name, source_label

ReportFormat = Literal["html", "md"]

QUOTES_PER_SPEAKER = 5
_KIND_ORDER = {"direct": 0, "mixed": 1, "indirect": 2}
_MONEY = re.compile(r"^[A-Z]{3}$")  # ISO 4217 codes, as the figure extractor writes them
_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]+[»”\"]?\s|\n")


class StoryNotFoundError(LookupError):
    """No story, or more than one, matches the id the user gave."""


@dataclass(frozen=True)
class SourceItem:
    """One article of the story, numbered as it is cited everywhere in the dossier."""

    number: int
    article: Article

    @property
    def anchor(self) -> str:
        return f"src-{self.number}"

    @property
    def outlet(self) -> str:
        """How citations name the article: its outlet, else its title shortened, else "source
        inconnue"; never the file it was read from, which says nothing to a reader."""
        return source_label(self.article.outlet, self.article.title)

    @property
    def named_outlet(self) -> str | None:
        """The outlet the article names, if any (the sources list shows the title beside it)."""
        return outlet_name(self.article.outlet)

    @property
    def title(self) -> str:
        return self.article.title or "(untitled)"

    @property
    def date(self) -> str:
        return (self.article.published.value or "")[:10] or "date unknown"

    @property
    def url(self) -> str | None:
        """The article's address when it is a web link; anything else (``javascript:``…) is
        shown as text, never made a link."""
        url = self.article.url
        return url if url and _SAFE_URL.match(url) else None


@dataclass(frozen=True)
class TimelineItem:
    date: str
    summary: str
    sources: list[SourceItem]


@dataclass(frozen=True)
class QuoteItem:
    text: str
    kind: str
    date: str | None
    said_as: str | None  # the words the article uses for the speaker, when they differ
    description: str | None
    source: SourceItem


@dataclass
class SpeakerGroup:
    name: str
    anonymous: bool
    quotes: list[QuoteItem] = field(default_factory=list)
    more: int = 0


@dataclass(frozen=True)
class FigureItem:
    text: str
    normalised: str
    measures: str | None
    context: str
    source: SourceItem


@dataclass(frozen=True)
class ActorItem:
    id: str
    name: str
    articles: int
    mentions: int


@dataclass
class Dossier:
    story: Story
    sources: list[SourceItem]
    actors: list[ActorItem]
    timeline: list[TimelineItem]
    speakers: list[SpeakerGroup]
    figures: list[FigureItem]
    quotes_total: int
    quotes_unattributed: int
    figures_total: int
    generator: str

    @property
    def span(self) -> str:
        start, end = self.story.start, self.story.end
        if start and end and start != end:
            return f"{start} – {end}"
        return start or end or "undated"

    @property
    def outlets(self) -> int:
        """Distinct outlets the articles name (file names standing in for them don't count)."""
        return len({s.named_outlet for s in self.sources if s.named_outlet})

    @property
    def quotes_per_speaker(self) -> int:
        return QUOTES_PER_SPEAKER

    @property
    def quotes_shown(self) -> int:
        return sum(len(g.quotes) for g in self.speakers)


# -- building -------------------------------------------------------------------------------


def find_story(store: Store, wanted: str) -> Story:
    """The story with this id, or the only one whose id starts with it (looked up by key range,
    so a store with thousands of stories is not read whole)."""
    rows = store.db.execute(
        "SELECT id, record FROM stories WHERE id = ?"
        " UNION ALL SELECT * FROM (SELECT id, record FROM stories WHERE id >= ? AND id < ?"
        " AND id != ? ORDER BY id LIMIT 6)", (wanted, wanted, wanted + "\U0010ffff", wanted),
    ).fetchall()
    if (rows and rows[0]["id"] == wanted) or len(rows) == 1:
        return Story.model_validate_json(rows[0]["record"])
    if not rows:
        known = [r["id"] for r in store.db.execute("SELECT id FROM stories ORDER BY id LIMIT 6")]
        listed = ", ".join(known[:5]) + (", …" if len(known) > 5 else "") or "none stored"
        raise StoryNotFoundError(f"no story with id starting '{wanted}' (stories: {listed});"
                                 " see `filrouge stories`")
    shown = ", ".join(r["id"] for r in rows[:5]) + (", …" if len(rows) > 5 else "")
    raise StoryNotFoundError(f"several stories have ids starting '{wanted}': {shown};"
                             " give more characters")


def _load_articles(store: Store, ids: list[str]) -> dict[str, Article]:
    found: dict[str, Article] = {}
    for offset in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[offset:offset + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.db.execute(f"SELECT record FROM articles WHERE id IN ({marks})", chunk):
            article = Article.model_validate_json(row["record"])
            found[article.id] = article
    return found


def build_dossier(store: Store, story_id: str) -> Dossier:
    """Everything the dossier shows, from the stored story and its articles."""
    story = find_story(store, story_id)
    loaded = _load_articles(store, story.articles)
    ordered = sorted(loaded.values(), key=lambda a: (a.published.value or "9999", a.id))
    sources = [SourceItem(number, article) for number, article in enumerate(ordered, 1)]
    by_id = {s.article.id: s for s in sources}
    timeline = [
        TimelineItem(entry.date, entry.summary,
                     [by_id[ref.article] for ref in entry.sources if ref.article in by_id])
        for entry in story.timeline
    ]
    names = actor_names(ordered)
    speakers, unattributed = _speaker_groups(sources, names)
    figures = _figures(sources)
    return Dossier(
        story=story,
        sources=sources,
        actors=_actors(story, ordered, names),
        timeline=timeline,
        speakers=speakers,
        figures=figures,
        quotes_total=sum(len(a.quotes) for a in ordered),
        quotes_unattributed=unattributed,
        figures_total=sum(len(a.amounts) for a in ordered),
        generator=_generator(),
    )


def _generator() -> str:
    try:
        return f"filrouge {version('filrouge')}"
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "filrouge"


def actor_names(articles: Iterable[Article]) -> dict[str, str]:
    """Display name of each actor id, as the analysis linked it (the registry's name)."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for entity in article.entities:
            if entity.actor:
                names[entity.actor][entity.actor_name or _one_line(entity.text)] += 1
        for quote in article.quotes:
            if quote.speaker_actor and quote.speaker_name:
                names[quote.speaker_actor][quote.speaker_name] += 1
    return {actor: counts.most_common(1)[0][0] for actor, counts in names.items()}


def _actors(story: Story, articles: list[Article], names: dict[str, str]) -> list[ActorItem]:
    """The story's main actors with their display names and how often the articles name them."""
    mentions: Counter[str] = Counter()
    articles_naming: Counter[str] = Counter()
    for article in articles:
        named = [e.actor for e in article.entities if e.actor]
        mentions.update(named)
        articles_naming.update(set(named))
    return [
        ActorItem(actor, names.get(actor, actor), articles_naming[actor], mentions[actor])
        for actor in story.actors
    ]


def _speaker_groups(
    sources: list[SourceItem], names: dict[str, str]
) -> tuple[list[SpeakerGroup], int]:
    """Quotes grouped by resolved speaker (anonymous sources together), the most quoted first;
    within a group the clearest kinds (direct, then mixed) are kept, shown in date order."""
    groups: dict[str, SpeakerGroup] = {}
    pools: dict[str, list[QuoteItem]] = defaultdict(list)
    unattributed = 0
    for source in sources:
        for quote in source.article.quotes:
            key = _speaker_key(quote)
            if key is None:
                unattributed += 1
                continue
            if key not in groups:
                name = "Anonymous sources" if quote.anonymous else names.get(
                    quote.speaker_actor or "", quote.speaker_name or quote.speaker_actor or "?")
                groups[key] = SpeakerGroup(name=name, anonymous=quote.anonymous)
            surface = quote.speaker.text.strip(" -") if quote.speaker else ""
            # a pronoun ("il", "-elle") says nothing the group heading does not
            said_as = surface if len(surface) > 5 and surface != groups[key].name else None
            pools[key].append(QuoteItem(
                text=_one_line(quote.text), kind=quote.kind, date=quote.date, said_as=said_as,
                description=quote.speaker_description, source=source))
    for key, pool in pools.items():
        unique = list({item.text: item for item in pool}.values())
        best = sorted(unique, key=lambda q: (_KIND_ORDER.get(q.kind, 3), -len(q.text)))
        kept = best[:QUOTES_PER_SPEAKER]
        groups[key].quotes = sorted(kept, key=lambda q: (q.date or "9999", q.source.number))
        groups[key].more = len(unique) - len(kept)
    ordered = sorted(groups.items(), key=lambda kv: (
        kv[1].anonymous, -(len(kv[1].quotes) + kv[1].more), kv[1].name))
    return [group for _, group in ordered], unattributed


def _speaker_key(quote: Quote) -> str | None:
    if quote.anonymous:
        return "anonymous"
    return f"actor:{quote.speaker_actor}" if quote.speaker_actor else None


def _figures(sources: list[SourceItem]) -> list[FigureItem]:
    """Amounts of money, percentages and anything whose measured thing is known, once each
    (the same value, unit, period and measure reported again is not repeated)."""
    seen: set[tuple[float, str, str | None, str | None]] = set()
    found: list[FigureItem] = []
    for source in sources:
        for amount in source.article.amounts:
            if not (amount.measures or amount.unit == "percent" or _MONEY.match(amount.unit)):
                continue
            key = (amount.value, amount.unit, amount.period, amount.measures)
            if key in seen:
                continue
            seen.add(key)
            found.append(FigureItem(
                text=_one_line(amount.text), normalised=_normalised(amount),
                # "31 membres" measures "membres": said once is enough
                measures=None if (amount.measures or "").casefold() in amount.text.casefold()
                else amount.measures,
                context=_context(source.article.text, amount),
                source=source))
    return found


def _normalised(amount: Amount) -> str:
    """The extracted value in a form that can be compared across articles."""
    value = amount.value
    number = f"{value:,.0f}".replace(",", "\u202f") if value.is_integer() else f"{value:g}"
    unit = "%" if amount.unit == "percent" else amount.unit
    approx = {"about": "≈ ", "more_than": "> ", "less_than": "< ", "up_to": "≤ "}.get(
        amount.approx or "", "")
    period = f" · period {amount.period}" if amount.period else ""
    return f"{approx}{number} {unit}{period}"


def _context(text: str, amount: Amount, width: int = 240) -> str:
    """The sentence the figure sits in, cut around it when long."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, amount.start)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, amount.end)
    end = end_match.start() + 1 if end_match else len(text)
    sentence = _one_line(text[start:end])
    if len(sentence) <= width:
        return sentence
    offset = max(0, amount.start - start - width // 2)
    clipped = sentence[offset:offset + width]
    return ("…" if offset else "") + clipped.strip() + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- rendering ------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown_text(value: object) -> str:
    """Text as Markdown shows it literally: markup characters escaped, on one line, so article
    text can neither format the dossier nor smuggle raw HTML into a Markdown renderer."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(str(value)))


def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("filrouge.export", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    return env


def render(dossier: Dossier, fmt: ReportFormat) -> str:
    """The dossier as one HTML page (autoescaped) or as Markdown (markup escaped)."""
    if fmt == "html":
        template = _environment(autoescape=True).get_template("dossier.html.j2")
    else:
        template = _environment(autoescape=False).get_template("dossier.md.j2")
    return template.render(d=dossier, story=dossier.story)
