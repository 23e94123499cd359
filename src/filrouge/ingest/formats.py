"""Record formats: JSON, JSON Lines, CSV, RSS/Atom feeds, TimeML and WARC web archives.

Exports from news databases, scrapers and spreadsheets name their columns differently, so each
record is mapped to filrouge's fields by name: the usual names are recognised by default
(``DEFAULT_FIELDS``) and any can be named explicitly (``--field text=corps``). Every record that
cannot become an article is rejected on its own, with its position, and the rest go on.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from filrouge.ingest.dates import parse_french_date, unix_epoch_date
from filrouge.ingest.encoding import charset_from_content_type, decode
from filrouge.ingest.html import extract_html, html_fragment_to_text, looks_like_html
from filrouge.ingest.raw import LIMITS, Limits, RawDocument
from filrouge.ingest.streams import sniff
from filrouge.model import Published, Rejection

FIELDS = ("text", "title", "date", "url", "author", "outlet", "id")
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "article_text",
             "maintext", "texte", "contenu", "corps"),
    "title": ("title", "headline", "titre"),
    "date": ("date", "published", "pubdate", "pub_date", "datetime", "published_at",
             "publishedat", "publication_date", "date_published", "date_publish",
             "date_publication", "created_at"),
    "url": ("url", "link", "permalink", "canonical_url", "lien"),
    "author": ("author", "byline", "authors", "auteur", "auteurs", "creator"),
    "outlet": ("source", "outlet", "publisher", "media", "média", "site", "sitename",
               "site_name", "source_name", "journal"),
    "id": ("id", "guid", "uuid", "identifier", "doc_id", "_id"),
}
FieldMap = Mapping[str, str]


class FieldMapError(ValueError):
    """A ``--field`` option that does not name one of filrouge's fields."""


def parse_field_options(options: Iterable[str]) -> dict[str, str]:
    """``["text=corps", "date=jour"]`` → ``{"text": "corps", "date": "jour"}``."""
    fields: dict[str, str] = {}
    for option in options:
        name, sep, column = option.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or not column:
            raise FieldMapError(f"'{option}': expected FIELD=COLUMN, e.g. text=corps")
        if name not in FIELDS:
            raise FieldMapError(f"'{name}' is not a field; choose from {', '.join(FIELDS)}")
        fields[name] = column
    return fields


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def resolve_columns(columns: Iterable[str], fields: FieldMap | None = None) -> dict[str, str]:
    """Which column feeds each field: the user's choice first, else the first usual name found
    (case, spaces and hyphens ignored)."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(_key(column), column)
    chosen: dict[str, str] = {}
    for name in FIELDS:
        if fields and name in fields:
            wanted = fields[name]
            chosen[name] = by_key.get(_key(wanted), wanted)
            continue
        for candidate in DEFAULT_FIELDS[name]:
            if candidate in by_key:
                chosen[name] = by_key[candidate]
                break
    return chosen


def _lookup(record: Mapping[str, Any], column: str) -> Any:
    """A column's value; a dotted name reaches into nested objects (``source.name``)."""
    if column in record:
        return record[column]
    value: Any = record
    for part in column.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _as_text(value: Any) -> str | None:
    """A field value as one string: lists are joined, objects give their name."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "text", "#text"):
            if key in value:
                return _as_text(value[key])
        return None
    if isinstance(value, list):
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None


def given_date(value: Any) -> str | None:
    """A date given by the container, as YYYY-MM-DD: ISO 8601, RFC 2822 (feeds, e-mail),
    Unix time, or French day-first and textual forms; None when not understood."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(int(value))
    text = str(value).strip()
    if not text:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return dt.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    epoch = unix_epoch_date(text)
    if epoch:
        return epoch.isoformat()
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    french = parse_french_date(text)
    return french.isoformat() if french else None


def record_to_document(
    record: Mapping[str, Any],
    *,
    where: str,
    source: str,
    format: str,
    columns: Mapping[str, str],
    fields: FieldMap | None,
) -> RawDocument | Rejection:
    """One JSON object or CSV row → a raw document, or the reason it cannot be one."""
    text_column = columns.get("text")
    body = _lookup(record, text_column) if text_column else None
    if not isinstance(body, str) or not body.strip():
        if fields and "text" in fields:
            looked = f"'{fields['text']}' (given by --field text=…)"
        else:
            looked = "one of " + ", ".join(DEFAULT_FIELDS["text"][:6]) + "…"
        return Rejection(source=where, reason=f"record has no text: looked for {looked}; "
                                               "name the column with --field text=COLUMN")

    def value(name: str) -> Any:
        column = columns.get(name)
        return _lookup(record, column) if column else None

    warnings: list[str] = []
    text = body
    if looks_like_html(body):
        text = html_fragment_to_text(body)
        warnings.append(f"the {text_column} field held HTML: converted to text")
    given_id = _as_text(value("id"))
    date_value = value("date")
    date = given_date(date_value)
    if date_value not in (None, "") and date is None:
        warnings.append(f"given date {str(date_value)[:40]!r} not understood")
    return RawDocument(
        source=f"{source}#{given_id}" if given_id else where,
        text=text,
        format=format,
        title=_as_text(value("title")),
        byline=_as_text(value("author")),
        url=_as_text(value("url")),
        outlet=_as_text(value("outlet")),
        published=Published(value=date, origin="input", confidence=1.0) if date else None,
        given_id=given_id,
        warnings=warnings,
    )


# -- JSON and JSON Lines ---------------------------------------------------------------------

_RECORD_LISTS = ("articles", "items", "data", "records", "results", "documents", "entries",
                 "hits", "docs")


def read_json(text: str, source: str, fields: FieldMap | None) -> Iterator[RawDocument | Rejection]:
    """A JSON file: one article object, an array of them, or an object holding such an array
    (``{"articles": [...]}``, as news APIs return)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Rejection(source=source, reason=f"invalid JSON: {error.msg} "
                                              f"(line {error.lineno}, column {error.colno})")
        return
    records: list[Any]
    if isinstance(data, list):
        records = data
    elif isinstance(data, dict):
        columns = resolve_columns(data, fields)
        nested = next((data[k] for k in _RECORD_LISTS if isinstance(data.get(k), list)), None)
        if "text" not in columns and nested is not None:
            records = nested
        else:
            yield _object(data, f"{source}", source, fields)
            return
    else:
        yield Rejection(source=source, reason="JSON file holds neither an object nor an array")
        return
    if not records:
        yield Rejection(source=source, reason="JSON array is empty")
    for index, record in enumerate(records):
        yield _object(record, f"{source}[{index}]", source, fields)


def _object(
    record: Any, where: str, source: str, fields: FieldMap | None
) -> RawDocument | Rejection:
    if not isinstance(record, dict):
        return Rejection(source=where, reason="a JSON record must be an object")
    return record_to_document(record, where=where, source=source, format="json",
                              columns=resolve_columns(record, fields), fields=fields)


def read_jsonl(
    stream: IO[bytes], source: str, fields: FieldMap | None, limits: Limits = LIMITS
) -> Iterator[RawDocument | Rejection]:
    """JSON Lines read line by line, so a large export never sits in memory whole."""
    number = 0
    found = False
    while True:
        line = stream.readline(limits.max_document_bytes + 1)
        if not line:
            break
        number += 1
        where = f"{source}:{number}"
        if len(line) > limits.max_document_bytes and not line.endswith(b"\n"):
            found = True
            yield Rejection(source=where, reason=f"line longer than {limits.max_document_bytes}"
                                                 " bytes: skipped")
            while line and not line.endswith(b"\n"):  # skip the rest of the overlong line
                line = stream.readline(1024 * 1024)
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        found = True
        text, warnings = decode(line)
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            yield Rejection(source=where, reason=f"invalid JSON: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield Rejection(source=where, reason="a JSON Lines record must be an object")
            continue
        item = record_to_document(record, where=where, source=source, format="jsonl",
                                  columns=resolve_columns(record, fields), fields=fields)
        if isinstance(item, RawDocument):
            item.warnings[:0] = warnings
        yield item
    if not found:
        yield Rejection(source=source, reason="empty file")


# -- CSV -------------------------------------------------------------------------------------


def read_csv(
    stream: IO[bytes],
    source: str,
    fields: FieldMap | None,
    limits: Limits = LIMITS,
    *,
    tab: bool = False,
) -> Iterator[RawDocument | Rejection]:
    """A CSV (or TSV) file with a header row: delimiter and encoding found from its start, rows
    read one at a time."""
    from filrouge.ingest.encoding import choose_encoding

    head, stream = sniff(stream, 256 * 1024)
    if len(head) == 256 * 1024:  # a sample: end it on a whole line, not inside a character
        head = head[: head.rfind(b"\n") + 1] or head
    encoding, warnings = choose_encoding(head)
    sample, _ = decode(head[:64 * 1024])
    try:
        dialect: Any = csv.Sniffer().sniff(sample.split("\n", 20)[0] + "\n", delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if tab else ","
    text_stream = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    csv.field_size_limit(limits.max_document_bytes)
    reader = csv.DictReader(text_stream, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as error:
        yield Rejection(source=source, reason=f"unreadable CSV header: {error}")
        return
    if not header:
        yield Rejection(source=source, reason="empty file")
        return
    columns = resolve_columns(header, fields)
    missing = [f"{name}={column}" for name, column in (fields or {}).items()
               if column not in header and _key(column) not in map(_key, header)]
    if missing or "text" not in columns:
        named = ", ".join(missing) or "no text column"
        yield Rejection(
            source=source,
            reason=f"CSV columns {', '.join(header)[:200]}: {named}; "
                   "name the text column with --field text=COLUMN",
        )
        return
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield Rejection(source=f"{source}:{reader.line_num}", reason=f"bad CSV row: {error}")
            continue
        rows += 1
        item = record_to_document(row, where=f"{source}:{reader.line_num}", source=source,
                                  format="csv", columns=columns, fields=fields)
        if isinstance(item, RawDocument):
            item.warnings[:0] = warnings
            if "\ufffd" in item.text:
                item.warnings.append("undecodable bytes replaced by U+FFFD")
        yield item
    if rows == 0:
        yield Rejection(source=source, reason="CSV file has a header but no rows")


# -- RSS / Atom ------------------------------------------------------------------------------


def is_feed(head: bytes) -> bool:
    """Whether the first bytes of an XML document are an RSS, RDF or Atom feed."""
    start = head[:2048].lower()
    return any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | Rejection]:
    """Each entry of an RSS/Atom feed: its content, else its summary (HTML turned into text),
    with its date, link and author, the feed's title as outlet."""
    import feedparser

    parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=True,
                                   resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        yield Rejection(source=source, reason=f"feed has no entries{detail}")
        return
    outlet = _as_text(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries):
        yield feed_entry(entry, index=index, source=source, outlet=outlet)


def feed_entry(
    entry: Any, *, index: int, source: str, outlet: str | None
) -> RawDocument | Rejection:
    """One feed entry as a raw document."""
    given_id = _as_text(entry.get("id")) or _as_text(entry.get("link"))
    where = f"{source}#{given_id}" if given_id else f"{source}[{index}]"
    contents = [c for c in entry.get("content", []) if _as_text(c.get("value"))]
    body, kind = "", ""
    if contents:
        best = max(contents, key=lambda c: len(str(c.get("value"))))
        body, kind = str(best.get("value")), str(best.get("type", ""))
    elif _as_text(entry.get("summary")):
        body = str(entry.get("summary"))
        kind = str(entry.get("summary_detail", {}).get("type", ""))
    if not body.strip():
        return Rejection(source=where, reason="feed entry has no content or summary "
                                              "(fetch its link with `filrouge fetch`)")
    warnings: list[str] = []
    if "html" in kind or looks_like_html(body):
        body = html_fragment_to_text(body)
    if not contents:
        warnings.append("feed entry gave only a summary, not the full article")
    # The date as written keeps the publisher's time zone; feedparser's parsed form is in UTC
    # and can fall on the day before.
    # (plain dict access: feedparser's own maps "updated" to "published" with a warning)
    date = given_date(dict.get(entry, "published") or dict.get(entry, "updated")
                      or dict.get(entry, "created"))
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = dict.get(entry, key)
        if date is None and stamp:
            date = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    return RawDocument(
        source=where,
        text=body,
        format="feed",
        title=_as_text(entry.get("title")),
        byline=_as_text(entry.get("author")),
        url=_as_text(entry.get("link")),
        outlet=outlet,
        published=Published(value=date, origin="input", confidence=0.9) if date else None,
        given_id=given_id,
        warnings=warnings,
    )


def feed_links(data: bytes) -> tuple[list[str], str | None]:
    """The entry links of a feed, and its title (for ``filrouge fetch`` on a feed URL)."""
    import feedparser

    parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=False)
    links = [str(e.get("link")) for e in parsed.entries if e.get("link")]
    return list(dict.fromkeys(links)), _as_text(parsed.feed.get("title"))


# -- TimeML ----------------------------------------------------------------------------------


def is_timeml(head: bytes) -> bool:
    """Whether an XML document is annotated news text in TimeML (TimeBank, TempEval: a
    ``<TimeML>`` root, or a ``<TEXT>`` element with a ``<DCT>`` creation time)."""
    start = head[:8192]
    return b"<TimeML" in start or (b"<TEXT" in start and b"<DCT" in start)


def read_timeml(data: bytes, source: str) -> Iterator[RawDocument | Rejection]:
    """A TimeML document as one article: the text of its ``<TEXT>`` element with the markup
    taken out, its ``<DCT>`` (document creation time) as the publication date and ``<TITLE>``
    as title when there is one. Entities are not expanded and nothing is fetched."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        yield Rejection(source=source, reason=f"invalid TimeML XML: {error}")
        return
    body = root.find(".//TEXT")
    text = "".join(body.itertext()).strip() if body is not None else ""
    if not text:
        yield Rejection(source=source, reason="TimeML document without text in <TEXT>")
        return
    created = root.find(".//DCT//TIMEX3")
    if created is None:
        created = root.find(".//TIMEX3[@functionInDocument='CREATION_TIME']")
    date = given_date(created.get("value")) if created is not None else None
    title = root.find(".//TITLE")
    title_text = " ".join("".join(title.itertext()).split()) if title is not None else ""
    yield RawDocument(
        source=source, text=text, format="timeml", title=title_text or None,
        published=Published(value=date, origin="input", confidence=1.0) if date else None,
    )


# -- WARC ------------------------------------------------------------------------------------

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(
    stream: IO[bytes], source: str, limits: Limits = LIMITS
) -> Iterator[RawDocument | Rejection]:
    """Each HTML or plain-text HTTP response of a WARC file (gzipped or not) as an article, its
    target URI as url and source. Requests, metadata, redirects, errors and other media (images,
    scripts, styles) are not articles and are passed over; a WARC without any page is rejected."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = str(record.rec_headers.get_header("WARC-Target-URI") or "")
            if record.rec_type == "response":
                status = record.http_headers.get_statuscode() if record.http_headers else None
                if not status or not str(status).startswith("2"):
                    continue
                content_type = record.http_headers.get_header("Content-Type")
            else:
                content_type = record.rec_headers.get_header("Content-Type")
            media = (content_type or "").split(";")[0].strip().lower()
            if media not in _PAGE_TYPES:
                continue
            pages += 1
            where = uri or f"{source}#record{pages}"
            body = record.content_stream().read(limits.max_document_bytes + 1)
            if len(body) > limits.max_document_bytes:
                yield Rejection(source=where, reason=f"WARC record of {source} larger than "
                                                     f"{limits.max_document_bytes} bytes")
                continue
            yield page_document(body, source=where, url=uri or None,
                                content_type=content_type, fmt="warc")
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as error:
        yield Rejection(source=source, reason=f"unreadable WARC: {error}")
        return
    if pages == 0:
        yield Rejection(source=source, reason="no HTML or text response records in the WARC file")


def page_document(
    body: bytes, *, source: str, url: str | None, content_type: str | None, fmt: str
) -> RawDocument | Rejection:
    """A web page's bytes (from a WARC or a fetch) through the same path as a saved page."""
    if not body.strip():
        return Rejection(source=source, reason="empty page")
    text, warnings = decode(body, declared=charset_from_content_type(content_type))
    if "text/plain" in (content_type or ""):
        return RawDocument(source=source, text=text, format=fmt, url=url, warnings=warnings)
    document = extract_html(text, source=source, warnings=warnings, url=url)
    if isinstance(document, RawDocument):
        document.format = fmt
    return document
