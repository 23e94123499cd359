"""Read queries behind the web pages and the JSON API.

Every list is one indexed SQL query with ``LIMIT``/``OFFSET`` plus a count, over the read tables
that store migration 2 derives from the records (``story_summaries``, ``story_articles``,
``actor_stats``, ``events``, ``event_actors``, ``amounts``, the FTS indexes). Nothing loads all
articles: a page costs the same on a hundred articles or on a hundred thousand.

Items are plain JSON-ready dicts, so the HTML templates, the JSON API and the CSV/JSONL downloads
all show the same fields.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from filrouge.analyze.actors import Actor, ActorRegistry, load_registry
from filrouge.analyze.entities import slug
from filrouge.analyze.event_groups import fold_mirrored
from filrouge.model import Article, Story
from filrouge.store.sqlite import Store, fts_query
from filrouge.stories.sources import outlet_name, source_label

Row = dict[str, Any]

# Above this many candidate articles, walking the date index and probing membership is cheaper
# than collecting the whole set first (and it stops after one page).
_PROBE_ABOVE = 2000
# Co-occurring actors are counted over at most this many articles naming the actor. Article ids
# are content hashes, so taking them in id order is a uniform sample.
COOCCURRENCE_SAMPLE = 1000


@dataclass(frozen=True)
class Page:
    """One page of a list: its items and the total number of matches."""

    total: int
    limit: int
    offset: int
    items: list[Row]

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": self.items}


@dataclass(frozen=True)
class ArticleFilters:
    """Filters shared by the article list, the search and the quotes."""

    story: str | None = None
    actor: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def active(self) -> bool:
        return any((self.story, self.actor, self.language, self.date_from, self.date_to))


@dataclass
class _Where:
    """A growing WHERE clause with its parameters."""

    terms: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, term: str, *params: Any) -> None:
        self.terms.append(term)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.terms)) if self.terms else ""


def date_upper(date_to: str) -> str:
    """Inclusive upper bound for ISO dates given as YYYY, YYYY-MM or YYYY-MM-DD ('~' sorts after
    any date or time suffix)."""
    return date_to + "~"


# -- names ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    return load_registry()


def actor_name(actor_id: str) -> str:
    """A readable name: the registry's; for a corpus-local id, the name as the texts write it
    once :func:`learn_names` has read it ("Frères musulmans", "CGT"), else the id turned back
    into words."""
    known = registry().get(actor_id)
    if known is not None:
        return known.name
    if actor_id.startswith("local:"):
        learned = _LOCAL_NAMES.get(actor_id)
        if learned:
            return learned
        words = actor_id[len("local:"):].replace("-", " ").strip()
        return words.title() if words else actor_id
    return actor_id


# Names of corpus-local actors as the texts write them. A local id is the slug of its name, so
# it reads the same in any store: one cache for the process, bounded.
_LOCAL_NAMES: dict[str, str] = {}
_LOCAL_NAMES_MAX = 100_000
_FORMS_SAMPLE = 3  # articles read per actor to see how its name is written


def learn_forms(actor_id: str, forms: Iterable[str]) -> None:
    """Remember the display name of a local actor from the ways texts write it: the most
    frequent form that spells the id itself (accents and case kept), else one containing it."""
    if not actor_id.startswith("local:") or actor_id in _LOCAL_NAMES:
        return
    counts = Counter(" ".join(f.split()) for f in forms if f and f.strip())
    key = actor_id[len("local:"):]
    spelled = [f for f in counts if slug(f) == key] or [f for f in counts if key in slug(f)]
    if not spelled:
        return
    if len(_LOCAL_NAMES) >= _LOCAL_NAMES_MAX:
        _LOCAL_NAMES.clear()
    _LOCAL_NAMES[actor_id] = max(spelled, key=lambda f: (counts[f], f != f.lower(), f))


def learn_names(store: Store, actor_ids: Iterable[str | None]) -> None:
    """Read how the texts write each unknown local actor (a few articles naming it each)."""
    for actor_id in set(actor_ids):
        if not actor_id or not actor_id.startswith("local:") or actor_id in _LOCAL_NAMES:
            continue
        learn_forms(actor_id, [str(r[0]) for r in store.db.execute(
            "SELECT json_extract(e.value, '$.text') FROM"
            " (SELECT article_id FROM mentions WHERE actor = ? LIMIT ?) m"
            " JOIN articles a ON a.id = m.article_id, json_each(a.record, '$.entities') e"
            " WHERE json_extract(e.value, '$.actor') = ?",
            (actor_id, _FORMS_SAMPLE, actor_id)) if r[0]])


def actor_ref(actor_id: str) -> Row:
    return {"id": actor_id, "name": actor_name(actor_id), "url_page": f"/actors/{actor_id}"}


def outlet_of(outlet: str | None, title: str | None) -> str:
    """How a page cites an article: its outlet, else its title shortened, else "source
    inconnue" (never the file it was read from)."""
    return source_label(outlet, title)


# -- stories ----------------------------------------------------------------------------------


def histogram(days: dict[str, int], max_bins: int = 24) -> list[Row]:
    """Articles per period, the period chosen so a story fits in at most ``max_bins`` bars:
    days, ISO weeks, months or years. Empty periods inside the span are kept (as zeros)."""
    return series_histogram({"articles": days}, max_bins)


def series_histogram(series: dict[str, dict[str, int]], max_bins: int = 24) -> list[Row]:
    """Counts of several series over the same periods (see :func:`histogram`)."""
    parsed = {name: [(day, n) for d, n in days.items() if (day := _parse_day(d)) is not None]
              for name, days in series.items()}
    every = [day for dated in parsed.values() for day, _ in dated]
    if not every:
        return []
    first, last = min(every), max(every)
    unit, keyer, keys = _periods(first, last, max_bins)
    rows: dict[str, Row] = {k: {"period": k, "unit": unit, **dict.fromkeys(series, 0)}
                            for k in keys}
    for name, dated in parsed.items():
        for day, n in dated:
            rows.setdefault(keyer(day), {"period": keyer(day), "unit": unit,
                                         **dict.fromkeys(series, 0)})[name] += n
    return list(rows.values())


_ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)")


def _parse_day(value: str) -> dt.date | None:
    """A date from YYYY, YYYY-MM or YYYY-MM-DD (the first day of a month or year)."""
    if len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    match = _ISO_DAY.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def _day_key(day: dt.date) -> str:
    return day.isoformat()


def _week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_key(day: dt.date) -> str:
    return day.isoformat()[:7]


def _year_key(day: dt.date) -> str:
    return str(day.year)


def _periods(first: dt.date, last: dt.date, max_bins: int
             ) -> tuple[str, Callable[[dt.date], str], list[str]]:
    """The finest unit giving at most ``max_bins`` periods over the span, and their keys."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if (last - first).days < max_bins:
        count = (last - first).days + 1
        return "day", _day_key, [_day_key(first + dt.timedelta(days=i)) for i in range(count)]
    monday = first - dt.timedelta(days=first.weekday())
    if (last - monday).days // 7 < max_bins:
        count = (last - monday).days // 7 + 1
        return "week", _week_key, [_week_key(monday + dt.timedelta(weeks=i))
                                   for i in range(count)]
    if months <= max_bins:
        return "month", _month_key, [
            f"{first.year + (first.month - 1 + i) // 12}-{(first.month - 1 + i) % 12 + 1:02d}"
            for i in range(months)]
    return "year", _year_key, [str(y) for y in range(first.year, last.year + 1)]


@lru_cache(maxsize=4096)
def _story_histogram(days: str) -> str:
    """Bars of a story from its articles per day (JSON in, JSON out: cached, never shared)."""
    return json.dumps(histogram(json.loads(days or "{}")))


def _story_item(row: Any) -> Row:
    actors = json.loads(row["actors"] or "[]")
    return {
        "id": row["id"],
        "title": row["title"],
        "start": row["first_date"],
        "end": row["last_date"],
        "articles": row["articles"],
        "sources": row["sources"],
        "timeline_entries": row["entries"],
        "actors": [actor_ref(a) for a in actors],
        "articles_over_time": json.loads(_story_histogram(row["days"])),
        "url_page": f"/stories/{row['id']}",
        "url_api": f"/api/stories/{row['id']}",
    }


def stories(store: Store, limit: int, offset: int) -> Page:
    """Stories, the most recent first (then the largest)."""
    total = int(store.db.execute("SELECT count(*) FROM story_summaries").fetchone()[0])
    rows = store.db.execute(
        "SELECT * FROM story_summaries ORDER BY last_date IS NULL, last_date DESC,"
        " articles DESC, id LIMIT ? OFFSET ?", (limit, offset),
    ).fetchall()
    learn_names(store, (a for r in rows for a in json.loads(r["actors"] or "[]")))
    return Page(total, limit, offset, [_story_item(r) for r in rows])


def story_records(store: Store, limit: int | None, offset: int) -> Iterator[Story]:
    """Full ``filrouge/1`` story records, in the same order as :func:`stories`."""
    rows = store.db.execute(
        "SELECT s.record FROM story_summaries m JOIN stories s ON s.id = m.id"
        " ORDER BY m.last_date IS NULL, m.last_date DESC, m.articles DESC, m.id"
        " LIMIT ? OFFSET ?", (-1 if limit is None else limit, offset),
    )
    for row in rows:
        yield Story.model_validate_json(row["record"])


def story(store: Store, story_id: str) -> tuple[Story, Row] | None:
    row = store.db.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
    summary = store.db.execute(
        "SELECT * FROM story_summaries WHERE id = ?", (story_id,)
    ).fetchone()
    if row is None or summary is None:
        return None
    learn_names(store, json.loads(summary["actors"] or "[]"))
    return Story.model_validate_json(row["record"]), _story_item(summary)


def story_events(store: Store, story_id: str, limit: int = 200) -> list[Row]:
    """Events reported by the story's articles, in date order (facts before hypotheses)."""
    rows = store.db.execute(
        "SELECT e.*, a.title, a.outlet, a.source, a.published FROM story_articles m"
        " JOIN events e ON e.article_id = m.article_id JOIN articles a ON a.id = e.article_id"
        " WHERE m.story_id = ? ORDER BY e.date IS NULL, e.date, e.article_id, e.position"
        " LIMIT ?", (story_id, 2 * limit),
    ).fetchall()
    # the mirrored records of one meeting or signing (A→B and B→A) are one item, "A ↔ B"
    folded = fold_mirrored(_event_items(store, rows), lambda e: (
        e["type"], [a["id"] for a in e["actors"]], [t["id"] for t in e["targets"]],
        (e["article"], e["text"], e["date"], e["negated"], e["hypothetical"])))
    return [{**item, "mutual": mutual} for item, mutual in folded[:limit]]


def story_amounts(store: Store, story_id: str, limit: int = 100) -> list[Row]:
    rows = store.db.execute(
        "SELECT x.*, a.title, a.outlet, a.source, a.published FROM story_articles m"
        " JOIN amounts x ON x.article_id = m.article_id JOIN articles a ON a.id = x.article_id"
        " WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, x.article_id,"
        " x.position LIMIT ?", (story_id, limit),
    ).fetchall()
    return [
        {"article": r["article_id"], "position": r["position"], "value": r["value"],
         "unit": r["unit"], "period": r["period"], "text": r["text"],
         "published": r["published"], "outlet": outlet_of(r["outlet"], r["title"]),
         "url_page": f"/articles/{r['article_id']}#fig-{r['position']}"}
        for r in rows
    ]


def story_speakers(store: Store, story_id: str, speakers: int = 12, per_speaker: int = 4
                   ) -> list[Row]:
    """Quotes of the story grouped by speaker, the most quoted first."""
    rows = store.db.execute(
        "SELECT * FROM (SELECT q.*,"
        "   coalesce(q.speaker_actor, 'name:' || q.speaker_name,"
        "            CASE WHEN q.anonymous THEN 'anonymous' ELSE 'unknown' END) AS who,"
        "   row_number() OVER (PARTITION BY coalesce(q.speaker_actor, 'name:' || q.speaker_name,"
        "       CASE WHEN q.anonymous THEN 'anonymous' ELSE 'unknown' END)"
        "       ORDER BY q.date IS NULL, q.date, q.article_id, q.position) AS rank,"
        "   count(*) OVER (PARTITION BY coalesce(q.speaker_actor, 'name:' || q.speaker_name,"
        "       CASE WHEN q.anonymous THEN 'anonymous' ELSE 'unknown' END)) AS said"
        " FROM story_articles m JOIN quotes q ON q.article_id = m.article_id"
        " WHERE m.story_id = ?)"
        " WHERE rank <= ? ORDER BY said DESC, who, rank", (story_id, per_speaker),
    ).fetchall()
    learn_names(store, (r["speaker_actor"] for r in rows))
    groups: dict[str, Row] = {}
    for r in rows:
        who = r["who"]
        if who not in groups:
            if len(groups) >= speakers:
                break
            if r["speaker_actor"]:
                label = actor_name(r["speaker_actor"])
            elif r["speaker_name"]:
                label = r["speaker_name"]
            else:
                label = "anonymous sources" if who == "anonymous" else "unresolved speaker"
            groups[who] = {"speaker": r["speaker_actor"], "label": label, "quotes_total": r["said"],
                           "url_page": f"/actors/{r['speaker_actor']}" if r["speaker_actor"]
                           else None, "quotes": []}
        groups[who]["quotes"].append(_quote_row(r))
    return list(groups.values())


# -- articles ---------------------------------------------------------------------------------


_ARTICLE_COLUMNS = (
    "a.id, a.title, a.outlet, a.source, a.language, a.published, a.published_origin,"
    " a.duplicate_of, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
)


def _article_item(row: Any) -> Row:
    return {
        "id": row["id"],
        "title": row["title"],
        "published": row["published"],
        "published_origin": row["published_origin"],
        "outlet": row["outlet"],
        "source": row["source"],
        "language": row["language"],
        "duplicate_of": row["duplicate_of"],
        "quotes": row["quotes"],
        "events": row["events"],
        "url_page": f"/articles/{row['id']}",
        "url_api": f"/api/articles/{row['id']}",
    }


def _population(store: Store, filters: ArticleFilters) -> int | None:
    """How many articles the story or actor filter can match at most (None: no such filter)."""
    sizes = []
    if filters.story:
        row = store.db.execute("SELECT articles FROM story_summaries WHERE id = ?",
                               (filters.story,)).fetchone()
        sizes.append(row[0] if row else 0)
    if filters.actor:
        row = store.db.execute("SELECT articles FROM actor_stats WHERE actor = ?",
                               (filters.actor,)).fetchone()
        sizes.append(row[0] if row else 0)
    return min(sizes) if sizes else None


def _article_where(store: Store, filters: ArticleFilters, alias: str = "a") -> _Where:
    where = _Where()
    probe = (_population(store, filters) or 0) > _PROBE_ABOVE
    if filters.story:
        if probe:
            where.add(f"EXISTS (SELECT 1 FROM story_articles m WHERE m.article_id = {alias}.id"
                      " AND m.story_id = ?)", filters.story)
        else:
            where.add(f"{alias}.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)",
                      filters.story)
    if filters.actor:
        if probe:
            where.add(f"EXISTS (SELECT 1 FROM mentions x WHERE x.article_id = {alias}.id"
                      " AND x.actor = ?)", filters.actor)
        else:
            where.add(f"{alias}.id IN (SELECT article_id FROM mentions WHERE actor = ?)",
                      filters.actor)
    if filters.language:
        where.add(f"{alias}.language = ?", filters.language)
    if filters.date_from:
        where.add(f"{alias}.published >= ?", filters.date_from)
    if filters.date_to:
        where.add(f"{alias}.published <= ?", date_upper(filters.date_to))
    return where


def articles(store: Store, filters: ArticleFilters, limit: int | None, offset: int) -> Page:
    """Articles, the most recently published first."""
    where = _article_where(store, filters)
    only = [f for f in (filters.story, filters.actor, filters.language, filters.date_from,
                        filters.date_to) if f]
    total: int | None = None
    if len(only) == 1 and (filters.story or filters.actor):  # kept up to date by triggers
        total = int(store.db.execute(
            "SELECT count(*) FROM story_articles WHERE story_id = ?", (filters.story,)
        ).fetchone()[0]) if filters.story else int(
            (store.db.execute("SELECT articles FROM actor_stats WHERE actor = ?",
                              (filters.actor,)).fetchone() or [0])[0])
    if total is None:
        total = int(store.db.execute(
            f"SELECT count(*) FROM articles a{where.sql}", where.params
        ).fetchone()[0])
    rows = store.db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a{where.sql}"
        " ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [*where.params, -1 if limit is None else limit, offset],
    ).fetchall()
    return Page(total, limit or total, offset, [_article_item(r) for r in rows])


def article_ids(store: Store, filters: ArticleFilters, limit: int | None, offset: int,
                query: str | None = None) -> Iterator[str]:
    """Ids in list order, for full-record downloads."""
    if query:
        yield from (h["id"] for h in search(store, query, filters, limit, offset).items)
        return
    where = _article_where(store, filters)
    for row in store.db.execute(
        f"SELECT a.id FROM articles a{where.sql}"
        " ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [*where.params, -1 if limit is None else limit, offset],
    ):
        yield row["id"]


_ID_TABLES = {"stories": ("story_summaries", "/stories/"), "articles": ("articles", "/articles/")}


def matching_ids(store: Store, kind: Literal["stories", "articles"], ref: str,
                 limit: int = 10) -> list[Row]:
    """The story or article whose id is ``ref``, else every one whose id starts with it (up to
    ``limit`` + 1, so that "more than limit" shows), as {id, title, url_page}: one row is a
    match, several an ambiguous prefix, none an unknown id."""
    table, url = _ID_TABLES[kind]
    rows = store.db.execute(f"SELECT id, title FROM {table} WHERE id = ?", (ref,)).fetchall()
    if not rows:  # a prefix: a range over the primary key ('~' sorts after any id character)
        rows = store.db.execute(
            f"SELECT id, title FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (ref, ref + "~", limit + 1)).fetchall()
    return [{"id": r["id"], "title": r["title"], "url_page": url + r["id"]} for r in rows]


def article_record(store: Store, article_id: str) -> str | None:
    """The stored ``filrouge/1`` JSON text, as is."""
    row = store.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else str(row["record"])


def article(store: Store, article_id: str) -> Article | None:
    """An article by full id, or by a unique prefix as the CLI accepts."""
    record = article_record(store, article_id)
    if record is None:  # a prefix: a range over the primary key ('~' sorts after hex digits)
        rows = store.db.execute(
            "SELECT record FROM articles WHERE id >= ? AND id < ? LIMIT 2",
            (article_id, article_id + "~"),
        ).fetchall()
        record = rows[0]["record"] if len(rows) == 1 else None
    if record is None:
        return None
    found = Article.model_validate_json(record)
    for entity in found.entities:  # the page names its actors as this text writes them
        if entity.actor:
            learn_forms(entity.actor, [entity.text])
    return found


def article_context(store: Store, article_id: str) -> Row:
    """What the article page shows around the record: its inputs (``Store.sources_of``), the
    article it copies, the copies of it, and the stories it belongs to."""
    copies = store.db.execute(
        "SELECT id, title, outlet, source, published FROM articles WHERE duplicate_of = ?"
        " ORDER BY published, id LIMIT 200", (article_id,),
    ).fetchall()
    original = None
    row = store.db.execute(
        "SELECT o.id, o.title, o.outlet, o.source, o.published FROM articles a"
        " JOIN articles o ON o.id = a.duplicate_of WHERE a.id = ?", (article_id,),
    ).fetchone()
    if row is not None:
        original = _brief(row)
    in_stories = store.db.execute(
        "SELECT s.id, s.title FROM story_articles m JOIN story_summaries s ON s.id = m.story_id"
        " WHERE m.article_id = ? ORDER BY s.id", (article_id,),
    ).fetchall()
    return {
        "sources": store.sources_of(article_id),
        "copies": [_brief(r) for r in copies],
        "original": original,
        "stories": [{"id": r["id"], "title": r["title"], "url_page": f"/stories/{r['id']}"}
                    for r in in_stories],
    }


def _brief(row: Any) -> Row:
    return {"id": row["id"], "title": row["title"],
            "outlet": outlet_of(row["outlet"], row["title"]), "published": row["published"],
            "url_page": f"/articles/{row['id']}"}


def search(store: Store, query: str, filters: ArticleFilters, limit: int | None,
           offset: int) -> Page:
    """Full-text search (accents folded), best matches first, with highlighted snippets."""
    total, hits = store.search(
        query, -1 if limit is None else limit, offset, story=filters.story, actor=filters.actor,
        language=filters.language, date_from=filters.date_from, date_to=filters.date_to,
    )
    items = [
        {"id": h.id, "title": h.title, "published": h.published, "outlet": h.outlet,
         "language": h.language, "duplicate_of": h.duplicate_of,
         "title_hits": [list(span) for span in h.title_marked.hits],
         "snippet": h.snippet.text, "snippet_hits": [list(span) for span in h.snippet.hits],
         "url_page": f"/articles/{h.id}", "url_api": f"/api/articles/{h.id}"}
        for h in hits
    ]
    return Page(total, limit or total, offset, items)


# -- quotes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteFilters:
    speaker: str | None = None
    anonymous: bool | None = None
    story: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None


def _quote_row(r: Any) -> Row:
    return {
        "article": r["article_id"],
        "position": r["position"],
        "date": r["date"],
        "speaker": r["speaker_actor"],
        "speaker_name": r["speaker_name"] or (actor_name(r["speaker_actor"])
                                              if r["speaker_actor"] else None),
        "anonymous": bool(r["anonymous"]),
        "kind": r["kind"],
        "text": r["text"],
        "url_page": f"/articles/{r['article_id']}#q-{r['position']}",
        "url_speaker": f"/actors/{r['speaker_actor']}" if r["speaker_actor"] else None,
    }


def _is_actor(store: Store, actor_id: str) -> bool:
    if registry().get(actor_id) is not None:
        return True
    return store.db.execute("SELECT 1 FROM actor_stats WHERE actor = ?",
                            (actor_id,)).fetchone() is not None


def speaker_ids(store: Store, speaker: str) -> list[str]:
    """The actors a speaker filter means: the id itself, or every quoted actor whose registry
    names (accents and case folded) or corpus-local id contain the words."""
    if _is_actor(store, speaker):
        return [speaker]
    wanted = fold(speaker)
    if not wanted:
        return []
    candidates = [a.id for a in registry().actors.values()
                  if any(wanted in name for name in _folded_names(a.id))]
    local = slug(speaker)
    found = []
    if candidates:
        marks = ",".join("?" * len(candidates))
        found = [r[0] for r in store.db.execute(
            f"SELECT actor FROM actor_stats WHERE actor IN ({marks}) AND quotes > 0",
            candidates)]
    if local:
        like = "local:%" + re.sub(r"[%_\\]", lambda m: "\\" + m.group(0), local) + "%"
        found += [r[0] for r in store.db.execute(
            "SELECT actor FROM actor_stats WHERE actor LIKE ? ESCAPE '\\' AND quotes > 0"
            " ORDER BY quotes DESC LIMIT 50", (like,))]
    return found


def fold(text: str) -> str:
    """Lower case, without accents, spaces collapsed: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=8192)
def _folded_names(actor_id: str) -> tuple[str, ...]:
    actor = registry().get(actor_id)
    if actor is None:
        return ()
    names = (actor.id, actor.name, *actor.aliases, *actor.capitals, *actor.demonyms)
    return tuple(fold(n) for n in names)


def quotes(store: Store, filters: QuoteFilters, limit: int | None, offset: int) -> Page:
    """Quotes, the most recent first (with a text filter: the most recently stored first, the
    order of the full-text index); each with the article it comes from."""
    where = _Where()
    if filters.speaker:
        ids = speaker_ids(store, filters.speaker)
        match = fts_query(filters.speaker)
        if len(ids) == 1:
            where.add("q.speaker_actor = ?", ids[0])
        elif ids:
            where.add(f"q.speaker_actor IN ({','.join('?' * len(ids))})", *ids)
        elif match is not None:  # no known actor: words of the names the texts give
            where.add("(q.article_id, q.position) IN (SELECT article_id, position FROM quotes_fts"
                      " WHERE quotes_fts MATCH ?)", f"speaker : ({match})")
        else:
            return Page(0, limit or 0, offset, [])
    if filters.anonymous is not None:
        where.add("q.anonymous = ?", int(filters.anonymous))
    if filters.story:
        where.add("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)",
                  filters.story)
    if filters.date_from:
        where.add("q.date >= ?", filters.date_from)
    if filters.date_to:
        where.add("q.date <= ?", date_upper(filters.date_to))
    source = "FROM quotes q"
    order = "q.date DESC, q.rowid DESC"
    total: int | None = None
    if filters.text:
        match = fts_query(filters.text)
        if match is None:
            return Page(0, limit or 0, offset, [])
        text = f"text : ({match})"
        if not where.terms:
            total = int(store.db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
                                         (text,)).fetchone()[0])
        # Walk the matches newest stored first (the index order: no sort, stops after a page);
        # each match's key is its article's key * 65536 + its position.
        source = ("FROM quotes_fts f JOIN article_keys k ON k.key = (f.rowid >> 16)"
                  " JOIN quotes q ON q.article_id = k.id AND q.position = (f.rowid & 65535)")
        where.add("quotes_fts MATCH ?", text)
        order = "f.rowid DESC"
    if total is None:
        total = int(store.db.execute(
            f"SELECT count(*) {source}{where.sql}", where.params).fetchone()[0])
    rows = store.db.execute(
        f"SELECT q.* {source}{where.sql} ORDER BY {order} LIMIT ? OFFSET ?",
        [*where.params, -1 if limit is None else limit, offset],
    ).fetchall()
    details = {
        (r["article_id"], r["position"]): r for r in store.db.execute(
            "SELECT q.article_id, q.position, a.title, a.outlet, a.source, a.published,"
            " json_extract(a.record, '$.quotes[' || q.position || ']') AS quote"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE (q.article_id, q.position) IN (SELECT value ->> 0, value ->> 1"
            "                                      FROM json_each(?))",
            (json.dumps([[r["article_id"], r["position"]] for r in rows]),),
        )
    }
    items = []
    for r in rows:
        item = _quote_row(r)
        extra = details.get((r["article_id"], r["position"]))
        detail = json.loads(extra["quote"]) if extra is not None and extra["quote"] else {}
        speaker_span = detail.get("speaker") or {}
        item.update({
            "description": detail.get("speaker_description"),
            "speaker_text": speaker_span.get("text") if isinstance(speaker_span, dict) else None,
            "start": detail.get("start"),
            "end": detail.get("end"),
            "article_title": extra["title"] if extra is not None else None,
            "outlet": outlet_name(extra["outlet"]) if extra is not None else None,
            "published": extra["published"] if extra is not None else None,
        })
        items.append(item)
    return Page(total, limit or total, offset, items)


# -- actors -----------------------------------------------------------------------------------


def _actor_item(row: Any) -> Row:
    actor_id = row["actor"]
    known = registry().get(actor_id)
    return {
        "id": actor_id,
        "name": actor_name(actor_id),
        "type": known.type if known else ("local" if actor_id.startswith("local:") else None),
        "in_registry": known is not None,
        "articles": row["articles"],
        "mentions": row["mentions"],
        "quotes": row["quotes"],
        "events": row["events"],
        "url_page": f"/actors/{actor_id}",
        "url_api": f"/api/actors/{actor_id}",
    }


def actors(store: Store, limit: int | None, offset: int, name: str | None = None,
           registry_only: bool = False) -> Page:
    """Actors named in the store, the most widely named first."""
    where = _Where()
    if name:
        folded = fold(name)  # accents and case aside: "egypte" finds Égypte
        ids = [a.id for a in registry().actors.values() if _names_match(a, folded)]
        like = "%" + re.sub(r"[%_\\]", lambda m: "\\" + m.group(0), name) + "%"
        # a local id is the slug of a name: "frères musulmans" finds local:freres-musulmans
        sluglike = ("%" + re.sub(r"[%_\\]", lambda m: "\\" + m.group(0), slug(name)) + "%"
                    if slug(name) else like)
        placeholders = ",".join("?" * len(ids))
        where.add(f"(actor LIKE ? ESCAPE '\\' OR actor LIKE ? ESCAPE '\\'"
                  f" OR actor IN ({placeholders}))", like, sluglike, *ids)
    if registry_only:
        where.add("actor NOT LIKE 'local:%'")
    total = int(store.db.execute(
        f"SELECT count(*) FROM actor_stats{where.sql}", where.params
    ).fetchone()[0])
    rows = store.db.execute(
        f"SELECT * FROM actor_stats{where.sql} ORDER BY articles DESC, quotes DESC, actor"
        " LIMIT ? OFFSET ?", [*where.params, -1 if limit is None else limit, offset],
    ).fetchall()
    learn_names(store, (r["actor"] for r in rows))
    return Page(total, limit or total, offset, [_actor_item(r) for r in rows])


def _names_match(actor: Actor, folded: str) -> bool:
    """Whether a folded filter is part of the actor's id, name, aliases, capitals or
    demonyms, folded alike."""
    return any(folded in n for n in _folded_names(actor.id))


def actor(store: Store, actor_id: str, quotes_limit: int = 20, events_limit: int = 30
          ) -> Row | None:
    """Everything the actor page shows: registry entry, counts, quotes, events, co-occurrence."""
    stats = store.db.execute("SELECT * FROM actor_stats WHERE actor = ?", (actor_id,)).fetchone()
    known = registry().get(actor_id)
    if stats is None and known is None:
        return None
    learn_names(store, [actor_id])
    item = _actor_item(stats) if stats is not None else _actor_item(
        {"actor": actor_id, "articles": 0, "mentions": 0, "quotes": 0, "events": 0})
    item["registry"] = _registry_entry(known) if known else None
    item["forms_seen"] = [
        r[0] for r in store.db.execute(
            "SELECT DISTINCT json_extract(e.value, '$.text') FROM"
            " (SELECT article_id FROM mentions WHERE actor = ? LIMIT 30) m"
            " JOIN articles a ON a.id = m.article_id, json_each(a.record, '$.entities') e"
            " WHERE json_extract(e.value, '$.actor') = ? LIMIT 40", (actor_id, actor_id),
        )
    ]
    rows = store.db.execute(
        "SELECT q.*, a.title, a.outlet, a.source, a.published FROM quotes q"
        " JOIN articles a ON a.id = q.article_id WHERE q.speaker_actor = ?"
        " ORDER BY q.date DESC, q.rowid DESC LIMIT ?",
        (actor_id, quotes_limit),
    ).fetchall()
    item["quotes_list"] = [
        {**_quote_row(r), "article_title": r["title"],
         "outlet": outlet_name(r["outlet"]), "published": r["published"]}
        for r in rows
    ]
    item["events_over_time"] = _events_over_time(store, actor_id)
    item["events_list"] = {
        role: _event_items(store, store.db.execute(
            "SELECT e.*, a.title, a.outlet, a.source, a.published FROM event_actors x"
            " JOIN events e ON e.article_id = x.article_id AND e.position = x.position"
            " JOIN articles a ON a.id = e.article_id WHERE x.actor = ? AND x.role = ?"
            " ORDER BY x.date DESC, x.article_id DESC, x.position DESC LIMIT ?",
            (actor_id, role, events_limit),
        ).fetchall())
        for role in ("actor", "target")
    }
    cooccurring = store.db.execute(
        "SELECT o.actor, count(*) AS n FROM"
        " (SELECT article_id FROM mentions WHERE actor = ? ORDER BY article_id LIMIT ?) m"
        " JOIN mentions o ON o.article_id = m.article_id AND o.actor != ?"
        " GROUP BY o.actor ORDER BY n DESC, o.actor LIMIT 15",
        (actor_id, COOCCURRENCE_SAMPLE, actor_id),
    ).fetchall()
    learn_names(store, (r["actor"] for r in cooccurring))
    item["cooccurring"] = [{**actor_ref(r["actor"]), "articles": r["n"]} for r in cooccurring]
    item["cooccurrence_sample"] = min(item["articles"], COOCCURRENCE_SAMPLE)
    return item


def _registry_entry(actor: Actor) -> Row:
    return {
        "name": actor.name, "type": actor.type, "aliases": list(actor.aliases),
        "capitals": list(actor.capitals), "demonyms": list(actor.demonyms),
        "adjectives": list(actor.adjectives), "country": actor.country,
        "part_of": actor.part_of,
        "roles": [{"title": r.title, "start": r.start, "end": r.end} for r in actor.roles],
    }


def _events_over_time(store: Store, actor_id: str) -> list[Row]:
    """Events with the actor as doer and as target, per day, week, month or year."""
    series: dict[str, dict[str, int]] = {"as_actor": {}, "as_target": {}}
    for r in store.db.execute(
        "SELECT date, role, count(*) AS n FROM event_actors"
        " WHERE actor = ? AND date IS NOT NULL GROUP BY date, role", (actor_id,),
    ):
        series["as_" + r["role"]][r["date"]] = r["n"]
    return series_histogram(series)


def _event_items(store: Store, rows: list[Any]) -> list[Row]:
    """Events with their actors and targets (fetched for all rows at once)."""
    articles = sorted({r["article_id"] for r in rows})
    roles: dict[tuple[str, int], list[Any]] = {}
    for x in store.db.execute(
        "SELECT article_id, position, actor, role FROM event_actors"
        " WHERE article_id IN (SELECT value FROM json_each(?))", (json.dumps(articles),),
    ):
        roles.setdefault((x["article_id"], x["position"]), []).append(x)
    learn_names(store, (x["actor"] for found in roles.values() for x in found))
    return [_event_item(r, roles.get((r["article_id"], r["position"]), [])) for r in rows]


def _event_item(r: Any, roles: list[Any]) -> Row:
    return {
        "article": r["article_id"],
        "position": r["position"],
        "type": r["type"],
        "date": r["date"],
        "negated": bool(r["negated"]),
        "hypothetical": bool(r["hypothetical"]),
        "text": r["text"],
        "actors": [actor_ref(x["actor"]) for x in roles if x["role"] == "actor"],
        "targets": [actor_ref(x["actor"]) for x in roles if x["role"] == "target"],
        "outlet": outlet_of(r["outlet"], r["title"]),
        "published": r["published"],
        "url_page": f"/articles/{r['article_id']}#ev-{r['position']}",
    }
