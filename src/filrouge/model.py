"""The data model: the one set of types every stage reads and returns.

Everything a stage extracts is an annotation carrying ``start``/``end`` character offsets into
``Article.text`` and the ``text`` it covers, so any item can be traced back to its source words.
The JSON form of these models is the public ``filrouge/1`` contract (see ``docs/schema.md``):
field names only change with a version bump.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["filrouge/1"] = "filrouge/1"

DateOrigin = Literal[
    "metadata", "input", "timestamp", "dateline", "text", "filename", "inferred", "none"
]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
# Where a quote's or event's day comes from: its own sentence, an earlier sentence it points
# back to ("alors", the same speech), or the publication date.
StatementDateOrigin = Literal["sentence", "context", "published", "none"]
QuoteKind = Literal["direct", "indirect", "mixed"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]


class Model(BaseModel):
    """Base for all records: strict field names, nothing extra slips into the contract."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of ``Article.text``: ``text == article.text[start:end]`` always holds."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=source[start:end])


class Published(Model):
    """When the article was published, where that came from and how sure we are."""

    value: str | None = None
    origin: DateOrigin = "none"
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    # For an inferred date (origin "inferred"): the range of days it lies in, bounds included.
    earliest: str | None = None
    latest: str | None = None


class Removed(Model):
    """A line of the input that is not article text; kept so nothing given is lost."""

    text: str
    reason: str
    line: int | None = None


class Entity(Span):
    """A mention of someone or something, linked to an actor of the registry when known."""

    label: str
    actor: str | None = None
    actor_name: str | None = None


class TimeExpr(Span):
    """A time expression with its TIMEX3 type and normalised value."""

    type: TimeType
    value: str
    anchor: Literal["document", "narrative", "none"] = "document"
    vague: bool = False


class Quote(Span):
    """Who said what. The span covers the reported words (all parts of a split quote)."""

    parts: list[Span]
    kind: QuoteKind
    cue: Span | None = None
    speaker: Span | None = None
    speaker_actor: str | None = None
    speaker_name: str | None = None
    anonymous: bool = False
    speaker_description: str | None = None
    channel: Span | None = None
    date: str | None = None
    date_origin: StatementDateOrigin = "none"
    # what the reporting verb says about the statement (data/quote_verbs.tsv)
    cue_class: Literal["neutral", "assertive", "denial", "warning", "opinion"] | None = None


class Amount(Span):
    """A figure: normalised value, unit (ISO 4217, ``percent`` or a counted noun), period."""

    value: float
    unit: str
    period: str | None = None
    approx: Literal["about", "more_than", "less_than", "up_to"] | None = None
    measures: str | None = None


class Event(Span):
    """Who did what to whom, when: the span is the evidence sentence."""

    type: EventType
    mode: str | None = None
    trigger: Span
    actors: list[str]
    targets: list[str]
    date: str | None = None
    date_origin: StatementDateOrigin = "none"
    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    # For a reported event (inside a quote): the actor id of who reported it, when known.
    reported_by: str | None = None
    # Whether the first target was not named in the sentence but taken from the article (the
    # state it is most about): aid, troops, strikes and sanctions always go to someone.
    target_implicit: bool = False
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Article(Model):
    """One news article, cleaned, with everything extracted from it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["filrouge/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    source: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    raw_path: str | None = None
    language: str | None = None
    published: Published = Field(default_factory=Published)
    text: str
    removed: list[Removed] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_score: float | None = Field(default=None, ge=0.0, le=1.0)
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, object]:
        """The ``filrouge/1`` record, as users receive it."""
        return self.model_dump(mode="json", by_alias=True)


class SourceRef(Model):
    """An article cited by a timeline entry, with the sentence it was drawn from."""

    article: str
    outlet: str | None = None  # the outlet the article names; None when unknown
    title: str | None = None  # the article's title: how a reader knows it without an outlet
    published: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None


class TimelineEntry(Model):
    """One dated entry of a chronology: what happened that day and who reported it."""

    date: str
    summary: str
    sources: list[SourceRef]
    outlets: list[str] = Field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None


class StoryEvent(Model):
    """One happening inside a story: articles about the same days in close wording."""

    id: str
    title: str
    articles: list[str]
    start: str | None = None
    end: str | None = None


class Story(Model):
    """A thread of articles over time, with its chronology."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["filrouge/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    title: str
    articles: list[str]
    actors: list[str] = Field(default_factory=list)
    start: str | None = None
    end: str | None = None
    timeline: list[TimelineEntry] = Field(default_factory=list)
    keyphrases: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    duplicates: list[str] = Field(default_factory=list)
    events: list[StoryEvent] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)


class Rejection(Model):
    """An input that could not be read, and why: recorded, never silently dropped."""

    source: str
    reason: str


_SPACE = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """Canonical form used to recognise the same content: NFC, case-folded, spaces collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def content_id(text: str) -> str:
    """Article id: a short hash of the normalised text, stable across runs and machines."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()[:16]
