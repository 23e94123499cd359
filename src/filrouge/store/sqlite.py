"""The embedded store: one SQLite file, WAL mode, versioned schema, one transaction per article.

The article's ``filrouge/1`` JSON is the record of truth; the other tables are indexes over it for
the queries the CLI and web app make. Each input is remembered by (source, content hash), so
ingesting the same file twice is a no-op and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filrouge.model import Article, Rejection, Story

# The triggers of migrations 2 and 3 keep the tables derived from an article's record in step:
# the rows an article fills, and the rows removed before it is refilled or deleted. Events,
# their actors and amounts are filled alike in both; only the text index differs.
_FILL_ROWS = """\
        INSERT INTO events
            SELECT new.id, e.key, json_extract(e.value, '$.type'), json_extract(e.value, '$.date'),
                   coalesce(json_extract(e.value, '$.negated'), 0),
                   coalesce(json_extract(e.value, '$.hypothetical'), 0),
                   json_extract(e.value, '$.text')
            FROM json_each(new.record, '$.events') e;
        INSERT OR IGNORE INTO event_actors
            SELECT r.value, 'actor', json_extract(e.value, '$.date'), new.id, e.key
            FROM json_each(new.record, '$.events') e, json_each(e.value, '$.actors') r;
        INSERT OR IGNORE INTO event_actors
            SELECT r.value, 'target', json_extract(e.value, '$.date'), new.id, e.key
            FROM json_each(new.record, '$.events') e, json_each(e.value, '$.targets') r;
        INSERT INTO amounts
            SELECT new.id, m.key, json_extract(m.value, '$.value'), json_extract(m.value, '$.unit'),
                   json_extract(m.value, '$.period'), json_extract(m.value, '$.text')
            FROM json_each(new.record, '$.amounts') m;
"""
_CLEAR_ROWS = """\
        DELETE FROM events WHERE article_id = old.id;
        DELETE FROM event_actors WHERE article_id = old.id;
        DELETE FROM amounts WHERE article_id = old.id;
"""
_FILL_DERIVED = """\
        INSERT INTO articles_fts (rowid, id, title, text) VALUES
            ((SELECT key FROM article_keys WHERE id = new.id), new.id, coalesce(new.title, ''),
             coalesce(json_extract(new.record, '$.text'), ''));
""" + _FILL_ROWS
_CLEAR_DERIVED = """\
        DELETE FROM articles_fts WHERE rowid = (SELECT key FROM article_keys WHERE id = old.id);
""" + _CLEAR_ROWS
# Migration 2 indexed the text by article id (migration 3 moved it to integer rowids).
_FILL_V2 = """\
        INSERT INTO articles_fts (id, title, text) VALUES
            (new.id, coalesce(new.title, ''), coalesce(json_extract(new.record, '$.text'), ''));
""" + _FILL_ROWS
_CLEAR_V2 = """\
        DELETE FROM articles_fts WHERE id = old.id;
""" + _CLEAR_ROWS

# Each migration is one entry, applied in order in its own transaction; add new ones at the end
# with the next number. The schema version is the highest number.
_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        language TEXT,
        published TEXT,
        published_origin TEXT,
        duplicate_of TEXT,
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE sources (
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        article_id TEXT REFERENCES articles(id),
        outlet TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source, content_hash)
    );
    CREATE INDEX sources_article ON sources(article_id);
    CREATE TABLE rejections (
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        speaker_actor TEXT,
        speaker_name TEXT,
        anonymous INTEGER NOT NULL,
        kind TEXT NOT NULL,
        date TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_actor);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (article_id, actor)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # Read indexes for the web app and API, all derived from the stored records by triggers (so
    # any writer keeps them in sync) and backfilled here for existing databases: full-text search
    # over title + text and over quotes (accents folded: "securite" finds "sécurité"), events,
    # their actors and figures as rows, per-actor counts, story membership and story summaries.
    2: """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        id UNINDEXED, title, text, tokenize = "unicode61 remove_diacritics 2"
    );
    INSERT INTO articles_fts (id, title, text)
        SELECT id, coalesce(title, ''), coalesce(json_extract(record, '$.text'), '')
        FROM articles;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        article_id UNINDEXED, position UNINDEXED, speaker, text,
        tokenize = "unicode61 remove_diacritics 2"
    );
    INSERT INTO quotes_fts (article_id, position, speaker, text)
        SELECT article_id, position,
               trim(coalesce(speaker_actor, '') || ' ' || coalesce(speaker_name, '')), text
        FROM quotes;
    CREATE TABLE events (
        article_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        negated INTEGER NOT NULL,
        hypothetical INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_actors (
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        date TEXT,
        article_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (actor, role, article_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_date ON event_actors(actor, role, date);
    CREATE INDEX event_actors_article ON event_actors(article_id);
    CREATE TABLE amounts (
        article_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        value REAL,
        unit TEXT,
        period TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    INSERT INTO events
        SELECT a.id, e.key, json_extract(e.value, '$.type'), json_extract(e.value, '$.date'),
               coalesce(json_extract(e.value, '$.negated'), 0),
               coalesce(json_extract(e.value, '$.hypothetical'), 0), json_extract(e.value, '$.text')
        FROM articles a, json_each(a.record, '$.events') e;
    INSERT OR IGNORE INTO event_actors
        SELECT r.value, 'actor', json_extract(e.value, '$.date'), a.id, e.key
        FROM articles a, json_each(a.record, '$.events') e, json_each(e.value, '$.actors') r;
    INSERT OR IGNORE INTO event_actors
        SELECT r.value, 'target', json_extract(e.value, '$.date'), a.id, e.key
        FROM articles a, json_each(a.record, '$.events') e, json_each(e.value, '$.targets') r;
    INSERT INTO amounts
        SELECT a.id, m.key, json_extract(m.value, '$.value'), json_extract(m.value, '$.unit'),
               json_extract(m.value, '$.period'), json_extract(m.value, '$.text')
        FROM articles a, json_each(a.record, '$.amounts') m;
    CREATE TABLE actor_stats (
        actor TEXT PRIMARY KEY,
        articles INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0,
        quotes INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX actor_stats_articles ON actor_stats(articles);
    INSERT INTO actor_stats (actor, articles, mentions)
        SELECT actor, count(*), sum(count) FROM mentions GROUP BY actor;
    INSERT INTO actor_stats (actor, quotes)
        SELECT speaker_actor, count(*) FROM quotes WHERE speaker_actor IS NOT NULL
        GROUP BY speaker_actor
        ON CONFLICT (actor) DO UPDATE SET quotes = excluded.quotes;
    INSERT INTO actor_stats (actor, events)
        SELECT actor, count(*) FROM event_actors GROUP BY actor
        ON CONFLICT (actor) DO UPDATE SET events = excluded.events;
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE story_summaries (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        articles INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        actors TEXT NOT NULL,
        days TEXT NOT NULL,
        entries INTEGER NOT NULL
    );
    CREATE INDEX story_summaries_last ON story_summaries(last_date);
    INSERT OR IGNORE INTO story_articles
        SELECT s.id, j.value FROM stories s, json_each(s.record, '$.articles') j;
    INSERT INTO story_summaries
        SELECT s.id, json_extract(s.record, '$.title'), json_extract(s.record, '$.start'),
               json_extract(s.record, '$.end'),
               coalesce(json_array_length(s.record, '$.articles'), 0),
               (SELECT count(DISTINCT coalesce(a.outlet, a.source)) FROM story_articles m
                JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id),
               coalesce(json_extract(s.record, '$.actors'), '[]'),
               coalesce((SELECT json_group_object(day, n) FROM (
                   SELECT substr(a.published, 1, 10) AS day, count(*) AS n
                   FROM story_articles m JOIN articles a ON a.id = m.article_id
                   WHERE m.story_id = s.id AND a.published IS NOT NULL GROUP BY day)), '{}'),
               coalesce(json_array_length(s.record, '$.timeline'), 0)
        FROM stories s;
    CREATE INDEX articles_language ON articles(language, published);
    CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
    CREATE INDEX quotes_date ON quotes(date);
    CREATE INDEX quotes_speaker_date ON quotes(speaker_actor, date);
    CREATE INDEX mentions_actor ON mentions(actor, article_id);
    CREATE TRIGGER articles_derive AFTER INSERT ON articles BEGIN
""" + _FILL_V2 + """    END;
    CREATE TRIGGER articles_underive AFTER DELETE ON articles BEGIN
""" + _CLEAR_V2 + """    END;
    CREATE TRIGGER articles_rederive AFTER UPDATE OF title, record ON articles BEGIN
""" + _CLEAR_V2 + _FILL_V2 + """    END;
    CREATE TRIGGER quotes_derive AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (article_id, position, speaker, text) VALUES
            (new.article_id, new.position,
             trim(coalesce(new.speaker_actor, '') || ' ' || coalesce(new.speaker_name, '')),
             new.text);
        INSERT INTO actor_stats (actor, quotes) SELECT new.speaker_actor, 1
            WHERE new.speaker_actor IS NOT NULL
            ON CONFLICT (actor) DO UPDATE SET quotes = quotes + 1;
    END;
    CREATE TRIGGER quotes_underive AFTER DELETE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE article_id = old.article_id AND position = old.position;
        UPDATE actor_stats SET quotes = quotes - 1 WHERE actor = old.speaker_actor;
    END;
    CREATE TRIGGER mentions_count AFTER INSERT ON mentions BEGIN
        INSERT INTO actor_stats (actor, articles, mentions) VALUES (new.actor, 1, new.count)
            ON CONFLICT (actor) DO UPDATE SET articles = articles + 1,
                                              mentions = mentions + excluded.mentions;
    END;
    CREATE TRIGGER mentions_uncount AFTER DELETE ON mentions BEGIN
        UPDATE actor_stats SET articles = articles - 1, mentions = mentions - old.count
            WHERE actor = old.actor;
    END;
    CREATE TRIGGER event_actors_count AFTER INSERT ON event_actors BEGIN
        INSERT INTO actor_stats (actor, events) VALUES (new.actor, 1)
            ON CONFLICT (actor) DO UPDATE SET events = events + 1;
    END;
    CREATE TRIGGER event_actors_uncount AFTER DELETE ON event_actors BEGIN
        UPDATE actor_stats SET events = events - 1 WHERE actor = old.actor;
    END;
    CREATE TRIGGER stories_derive AFTER INSERT ON stories BEGIN
        INSERT OR IGNORE INTO story_articles
            SELECT new.id, value FROM json_each(new.record, '$.articles');
        INSERT OR REPLACE INTO story_summaries VALUES (
            new.id, json_extract(new.record, '$.title'), json_extract(new.record, '$.start'),
            json_extract(new.record, '$.end'),
            coalesce(json_array_length(new.record, '$.articles'), 0),
            (SELECT count(DISTINCT coalesce(a.outlet, a.source)) FROM story_articles m
             JOIN articles a ON a.id = m.article_id WHERE m.story_id = new.id),
            coalesce(json_extract(new.record, '$.actors'), '[]'),
            coalesce((SELECT json_group_object(day, n) FROM (
                SELECT substr(a.published, 1, 10) AS day, count(*) AS n
                FROM story_articles m JOIN articles a ON a.id = m.article_id
                WHERE m.story_id = new.id AND a.published IS NOT NULL GROUP BY day)), '{}'),
            coalesce(json_array_length(new.record, '$.timeline'), 0));
    END;
    CREATE TRIGGER stories_underive AFTER DELETE ON stories BEGIN
        DELETE FROM story_articles WHERE story_id = old.id;
        DELETE FROM story_summaries WHERE id = old.id;
    END;
    """,
    # Full-text rows keyed by a stable integer (article_keys, an INTEGER PRIMARY KEY that VACUUM
    # keeps), so updating or deleting an article or a quote finds its row by key instead of
    # scanning the index; quotes use key * 65536 + position. Plus the index the anonymous-quotes
    # filter needs.
    3: """
    DROP TRIGGER articles_derive;
    DROP TRIGGER articles_underive;
    DROP TRIGGER articles_rederive;
    DROP TRIGGER quotes_derive;
    DROP TRIGGER quotes_underive;
    DROP TABLE articles_fts;
    DROP TABLE quotes_fts;
    CREATE TABLE article_keys (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
    INSERT INTO article_keys (id) SELECT id FROM articles ORDER BY rowid;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        id UNINDEXED, title, text, tokenize = "unicode61 remove_diacritics 2"
    );
    INSERT INTO articles_fts (rowid, id, title, text)
        SELECT k.key, a.id, coalesce(a.title, ''), coalesce(json_extract(a.record, '$.text'), '')
        FROM articles a JOIN article_keys k ON k.id = a.id;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        article_id UNINDEXED, position UNINDEXED, speaker, text,
        tokenize = "unicode61 remove_diacritics 2"
    );
    INSERT INTO quotes_fts (rowid, article_id, position, speaker, text)
        SELECT k.key * 65536 + q.position, q.article_id, q.position,
               trim(coalesce(q.speaker_actor, '') || ' ' || coalesce(q.speaker_name, '')), q.text
        FROM quotes q JOIN article_keys k ON k.id = q.article_id WHERE q.position < 65536;
    CREATE INDEX quotes_anonymous ON quotes(anonymous, date);
    CREATE TRIGGER articles_derive AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO article_keys (id) VALUES (new.id);
""" + _FILL_DERIVED + """    END;
    CREATE TRIGGER articles_underive AFTER DELETE ON articles BEGIN
""" + _CLEAR_DERIVED + """    END;
    CREATE TRIGGER articles_rederive AFTER UPDATE OF title, record ON articles BEGIN
""" + _CLEAR_DERIVED + _FILL_DERIVED + """    END;
    CREATE TRIGGER quotes_derive AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, article_id, position, speaker, text)
            SELECT k.key * 65536 + new.position, new.article_id, new.position,
                   trim(coalesce(new.speaker_actor, '') || ' ' || coalesce(new.speaker_name, '')),
                   new.text
            FROM article_keys k WHERE k.id = new.article_id AND new.position < 65536;
        INSERT INTO actor_stats (actor, quotes) SELECT new.speaker_actor, 1
            WHERE new.speaker_actor IS NOT NULL
            ON CONFLICT (actor) DO UPDATE SET quotes = quotes + 1;
    END;
    CREATE TRIGGER quotes_underive AFTER DELETE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE rowid =
            (SELECT key * 65536 + old.position FROM article_keys WHERE id = old.article_id);
        UPDATE actor_stats SET quotes = quotes - 1 WHERE actor = old.speaker_actor;
    END;
    """,
    # Incremental story grouping (filrouge.stories.persist): where each article went and why
    # (its grouping profile, so later runs never recompute it), and the user's corrections
    # (merge, split, rename), replayed after every grouping run.
    4: """
    CREATE TABLE grouping (
        article_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        duplicate_of TEXT,
        profile TEXT,
        decision TEXT NOT NULL
    );
    CREATE INDEX grouping_story ON grouping(story_id);
    CREATE TABLE story_corrections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename')),
        story_id TEXT NOT NULL,
        other TEXT,
        articles TEXT,
        label TEXT,
        at TEXT NOT NULL
    );
    """,
    # Search filters without touching the (wide) article rows: publication date and language
    # next to each article's full-text key. Copies listed by a story count as its articles.
    5: """
    ALTER TABLE article_keys ADD COLUMN published TEXT;
    ALTER TABLE article_keys ADD COLUMN language TEXT;
    UPDATE article_keys SET published = a.published, language = a.language
        FROM articles a WHERE a.id = article_keys.id;
    CREATE TRIGGER article_keys_meta AFTER INSERT ON articles BEGIN
        INSERT INTO article_keys (id, published, language)
            VALUES (new.id, new.published, new.language)
            ON CONFLICT (id) DO UPDATE SET published = excluded.published,
                                           language = excluded.language;
    END;
    CREATE TRIGGER article_keys_meta_update AFTER UPDATE OF published, language ON articles
    BEGIN
        UPDATE article_keys SET published = new.published, language = new.language
            WHERE id = new.id;
    END;
    INSERT OR IGNORE INTO story_articles
        SELECT s.id, j.value FROM stories s, json_each(s.record, '$.duplicates') j;
    UPDATE story_summaries SET sources =
        (SELECT count(DISTINCT coalesce(a.outlet, a.source)) FROM story_articles m
         JOIN articles a ON a.id = m.article_id WHERE m.story_id = story_summaries.id);
    DROP TRIGGER stories_derive;
    CREATE TRIGGER stories_derive AFTER INSERT ON stories BEGIN
        INSERT OR IGNORE INTO story_articles
            SELECT new.id, value FROM json_each(new.record, '$.articles');
        INSERT OR IGNORE INTO story_articles
            SELECT new.id, value FROM json_each(new.record, '$.duplicates');
        INSERT OR REPLACE INTO story_summaries VALUES (
            new.id, json_extract(new.record, '$.title'), json_extract(new.record, '$.start'),
            json_extract(new.record, '$.end'),
            coalesce(json_array_length(new.record, '$.articles'), 0),
            (SELECT count(DISTINCT coalesce(a.outlet, a.source)) FROM story_articles m
             JOIN articles a ON a.id = m.article_id WHERE m.story_id = new.id),
            coalesce(json_extract(new.record, '$.actors'), '[]'),
            coalesce((SELECT json_group_object(day, n) FROM (
                SELECT substr(a.published, 1, 10) AS day, count(*) AS n
                FROM json_each(new.record, '$.articles') j JOIN articles a ON a.id = j.value
                WHERE a.published IS NOT NULL GROUP BY day)), '{}'),
            coalesce(json_array_length(new.record, '$.timeline'), 0));
    END;
    """,
}


SCHEMA_VERSION = max(_MIGRATIONS)


def _statements(script: str) -> Iterator[str]:
    """Split a migration into complete statements (triggers hold ';' inside BEGIN … END)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip():
        yield pending


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def content_hash(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


class Store:
    """A filrouge database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = "filrouge.db") -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=5000")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has schema version {current}, newer than this filrouge "
                f"({SCHEMA_VERSION}); upgrade filrouge"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN")
            try:
                for statement in _statements(_MIGRATIONS[version]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={version}")
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    # -- writing -----------------------------------------------------------------------------

    def seen(self, source: str, digest: str) -> bool:
        """Whether this exact input was already stored (or rejected for good)."""
        row = self.db.execute(
            "SELECT 1 FROM sources WHERE source = ? AND content_hash = ?", (source, digest)
        ).fetchone()
        return row is not None

    def add_article(self, article: Article, *, digest: str) -> bool:
        """Store one article and its indexes in one transaction. Returns False when the same
        content was already there (a new source is still recorded for it)."""
        record = json.dumps(article.to_json_dict(), ensure_ascii=False)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            exists = self.db.execute(
                "SELECT 1 FROM articles WHERE id = ?", (article.id,)
            ).fetchone()
            if exists is None:
                self.db.execute(
                    "INSERT INTO articles (id, source, title, outlet, language, published,"
                    " published_origin, duplicate_of, record, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, article.source, article.title, article.outlet,
                     article.language, article.published.value, article.published.origin,
                     article.duplicate_of, record, _now()),
                )
                self._index(article)
            self.db.execute(
                "INSERT OR IGNORE INTO sources (source, content_hash, article_id, outlet, seen_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (article.source, digest, article.id, article.outlet, _now()),
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return exists is None

    def _index(self, article: Article) -> None:
        self.db.executemany(
            "INSERT INTO quotes (article_id, position, speaker_actor, speaker_name, anonymous,"
            " kind, date, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article.id, i, q.speaker_actor, q.speaker_name, int(q.anonymous), q.kind,
                 q.date, q.text)
                for i, q in enumerate(article.quotes)
            ],
        )
        counts: dict[str, int] = {}
        for entity in article.entities:
            if entity.actor:
                counts[entity.actor] = counts.get(entity.actor, 0) + 1
        self.db.executemany(
            "INSERT INTO mentions (article_id, actor, count) VALUES (?, ?, ?)",
            [(article.id, actor, n) for actor, n in counts.items()],
        )

    def update_article(self, article: Article) -> None:
        """Replace a stored article's record (same id) and its indexes in one transaction:
        for corrections made after the fact, such as merging name variants across articles."""
        record = json.dumps(article.to_json_dict(), ensure_ascii=False)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("UPDATE articles SET title = ?, duplicate_of = ?, record = ?"
                            " WHERE id = ?",
                            (article.title, article.duplicate_of, record, article.id))
            self.db.execute("DELETE FROM quotes WHERE article_id = ?", (article.id,))
            self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
            self._index(article)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def add_rejection(self, rejection: Rejection) -> None:
        self.db.execute(
            "INSERT INTO rejections (source, reason, at) VALUES (?, ?, ?)",
            (rejection.source, rejection.reason, _now()),
        )

    def replace_stories(self, stories: list[Story]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("DELETE FROM stories")
            self.db.executemany(
                "INSERT INTO stories (id, record, updated_at) VALUES (?, ?, ?)",
                [(s.id, json.dumps(s.to_json_dict(), ensure_ascii=False), _now())
                 for s in stories],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # -- reading -----------------------------------------------------------------------------

    def articles(self) -> Iterator[Article]:
        for row in self.db.execute(
            "SELECT record FROM articles ORDER BY published IS NULL, published, id"
        ):
            yield Article.model_validate_json(row["record"])

    def article(self, prefix: str) -> Article | None:
        """An article by id or by a unique id prefix, as git accepts short hashes."""
        rows = self.db.execute(
            "SELECT record FROM articles WHERE id LIKE ? || '%' LIMIT 2", (prefix,)
        ).fetchall()
        return Article.model_validate_json(rows[0]["record"]) if len(rows) == 1 else None

    def sources_of(self, article_id: str) -> list[str]:
        return [
            row["source"]
            for row in self.db.execute(
                "SELECT DISTINCT source FROM sources WHERE article_id = ? ORDER BY seen_at",
                (article_id,),
            )
        ]

    def rejections(self) -> list[Rejection]:
        return [
            Rejection(source=row["source"], reason=row["reason"])
            for row in self.db.execute("SELECT source, reason FROM rejections ORDER BY rowid")
        ]

    def stories(self) -> list[Story]:
        return [
            Story.model_validate_json(row["record"])
            for row in self.db.execute("SELECT record FROM stories ORDER BY id")
        ]

    def count(self, table: str) -> int:
        if table not in {"articles", "sources", "rejections", "quotes", "stories"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def search(
        self, query: str, limit: int = 20, offset: int = 0, *, story: str | None = None,
        actor: str | None = None, language: str | None = None, date_from: str | None = None,
        date_to: str | None = None,
    ) -> tuple[int, list[SearchHit]]:
        """Full-text search over titles and texts, accents and case folded, best matches first.

        Returns the exact number of matching articles and one page of hits with highlighted
        snippets. Any user text is accepted: it is turned into quoted terms (see
        :func:`fts_query`), so a stray FTS operator never raises. Ranking (BM25, titles weighing
        three times the text) costs time per match, so when more than :data:`RANK_WINDOW`
        articles match, the best are taken among the most recently stored ones."""
        match = fts_query(query)
        if match is None:
            return 0, []
        # Filters are checked on each match ('+' keeps SQLite from handing the sets to FTS5 as
        # rowid lookups, which would restart the index, and its ranking statistics, per article).
        source = "FROM articles_fts f JOIN article_keys k ON k.key = f.rowid"
        where = ["articles_fts MATCH ?"]
        params: list[object] = [match]
        if story:
            where.append("+f.rowid IN (SELECT s.key FROM story_articles m JOIN article_keys s"
                         " ON s.id = m.article_id WHERE m.story_id = ?)")
            params.append(story)
        if actor:
            where.append("+k.id IN (SELECT article_id FROM mentions WHERE actor = ?)")
            params.append(actor)
        if language:
            where.append("k.language = ?")
            params.append(language)
        if date_from:
            where.append("k.published >= ?")
            params.append(date_from)
        if date_to:
            where.append("k.published <= ?")  # '~' sorts after any ISO date or time suffix
            params.append(date_to + "~")
        clause = " AND ".join(where)
        if len(where) == 1:
            total = int(self.db.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
            ).fetchone()[0])
        else:
            total = int(self.db.execute(f"SELECT count(*) {source} WHERE {clause}",
                                        params).fetchone()[0])
        want = offset + (limit if limit >= 0 else total)
        window = max(RANK_WINDOW, want)
        if total > window:
            oldest = self.db.execute(
                f"SELECT f.rowid {source} WHERE {clause} ORDER BY f.rowid DESC"
                " LIMIT 1 OFFSET ?", [*params, window - 1],
            ).fetchone()
            clause += f" AND f.rowid >= {int(oldest[0])}"
        keys = [int(row[0]) for row in self.db.execute(
            f"SELECT f.rowid {source} WHERE {clause}"
            " ORDER BY bm25(articles_fts, 0.0, 3.0, 1.0), f.rowid DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )]
        if not keys:
            return total, []
        marks = ",".join("?" * len(keys))
        found = {
            int(row["key"]): row for row in self.db.execute(
                f"SELECT f.rowid AS key, a.id, a.title, a.outlet, a.language, a.published,"
                f" a.duplicate_of, highlight(articles_fts, 1, ?, ?) AS title_marked,"
                f" snippet(articles_fts, 2, ?, ?, '…', 24) AS snippet_marked"
                f" FROM articles_fts f JOIN article_keys k ON k.key = f.rowid"
                f" JOIN articles a ON a.id = k.id"
                f" WHERE articles_fts MATCH ? AND f.rowid BETWEEN ? AND ?"
                f" AND +f.rowid IN ({marks})",  # one pass over a rowid range, not one per hit
                [_HIT_OPEN, _HIT_CLOSE, _HIT_OPEN, _HIT_CLOSE, match, min(keys), max(keys),
                 *keys],
            )
        }
        return total, [
            SearchHit(
                id=row["id"], title=row["title"], outlet=row["outlet"],
                language=row["language"], published=row["published"],
                duplicate_of=row["duplicate_of"],
                title_marked=_marked(row["title_marked"] or ""),
                snippet=_marked(row["snippet_marked"] or ""),
            )
            for key in keys if (row := found.get(key)) is not None
        ]


# Above this many matches, search ranks the most recently stored ones (ranking every match of
# a very common word would take too long on a large store); the total stays exact.
RANK_WINDOW = 3000
# Snippet markers: private-use characters, split off again so callers get plain text + offsets.
_HIT_OPEN, _HIT_CLOSE = "\ue000", "\ue001"
_FTS_TERM = re.compile(r'"([^"]*)"|([\w][\w\'’-]*\*?)')


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a user typed: words (all required), "quoted phrases" and a
    trailing ``*`` for prefixes. Every term is quoted, so FTS syntax in the input is inert."""
    terms: list[str] = []
    for phrase, word in _FTS_TERM.findall(text):
        if phrase:
            words = re.findall(r"[^\W_]+", phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        # "l'Alliance", "porte-parole": the tokenizer splits them, so they match as a phrase
        pieces = re.findall(r"[^\W_]+", word)
        if not pieces:
            continue
        terms.append('"' + " ".join(pieces) + '"' + ("*" if word.endswith("*") else ""))
    return " ".join(terms[:32]) or None


@dataclass(frozen=True)
class Marked:
    """Text with highlighted stretches, as (start, end) offsets into ``text``."""

    text: str
    hits: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    language: str | None
    published: str | None
    duplicate_of: str | None
    title_marked: Marked
    snippet: Marked


def _marked(raw: str) -> Marked:
    plain: list[str] = []
    hits: list[tuple[int, int]] = []
    length = 0
    start = 0
    for char in raw:
        if char == _HIT_OPEN:
            start = length
        elif char == _HIT_CLOSE:
            hits.append((start, length))
        else:
            plain.append(char)
            length += 1
    return Marked("".join(plain), tuple(hits))
