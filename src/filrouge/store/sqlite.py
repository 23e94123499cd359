"""The embedded store: one SQLite file, WAL mode, versioned schema, one transaction per article.

The article's ``filrouge/1`` JSON is the record of truth; the other tables are indexes over it for
the queries the CLI and web app make. Each input is remembered by (source, content hash), so
ingesting the same file twice is a no-op and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from filrouge.model import Article, Rejection, Story

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
