"""The web app and JSON API: server-rendered pages over the store, the same data as JSON, CSV or
JSON Lines, and (only when asked for) an upload page that runs the normal ingestion pipeline.

Security model (details in docs/web.md): article text is untrusted, so every template is
autoescaped and links taken from data must be http(s); a strict Content-Security-Policy allows
only this server's own scripts and styles; the database is opened read-only unless ingestion is
enabled; serving beyond the loopback interface needs a token, checked on every request; uploads
need a CSRF token and are size-limited; ids are validated and never used as file paths.
"""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import json
import logging
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import StreamingResponse
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from filrouge.analyze.event_groups import fold_mirrored, mirror_parts
from filrouge.store.sqlite import Store
from filrouge.stories.sources import source_label
from filrouge.web import queries, render
from filrouge.web.queries import ArticleFilters, Page, QuoteFilters, Row

log = logging.getLogger("filrouge.web")

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_LIMIT = 50
PAGE_LIMIT = 25
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
DOWNLOAD_CHUNK = 500
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
TOKEN_COOKIE = "filrouge_token"
CSRF_COOKIE = "filrouge_csrf"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

ARTICLE_ID = r"^[0-9a-f]{4,64}$"
KEY_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]

# -- parameters -------------------------------------------------------------------------------


def _blank_to_none(value: Any) -> Any:
    """HTML forms send empty fields; an empty filter means no filter."""
    return None if isinstance(value, str) and not value.strip() else value


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    match = _DATE.match(value)
    if match is None:
        raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"not a calendar date: {value}") from error
    return value


Blank = BeforeValidator(_blank_to_none)
# Constraints sit on the inner type, so an absent or blank parameter (None) is not checked.
Limit = Annotated[Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None, Blank,
                  Query(description="Items per page (1-500; default 50).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Format = Annotated[Literal["json", "csv", "jsonl"], Query(
    alias="format", description="json (one page), or a download of the whole list: csv or jsonl "
                                "(limit and offset still apply when given).")]
_Key = Annotated[str, StringConstraints(pattern=KEY_ID)]
StoryFilter = Annotated[_Key | None, Blank, Query(description="Story id.")]
ActorFilter = Annotated[_Key | None, Blank, Query(description="Actor id, e.g. NATO.")]
LanguageFilter = Annotated[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")] | None,
                           Blank, Query(description="ISO 639-1 code, e.g. fr.")]
_Date = Annotated[str, AfterValidator(_check_date)]
DateFrom = Annotated[_Date | None, Blank, Query(alias="from",
                                                description="First date, YYYY[-MM[-DD]].")]
DateTo = Annotated[_Date | None, Blank, Query(
    alias="to", description="Last date (inclusive), YYYY[-MM[-DD]].")]
TextQuery = Annotated[Annotated[str, StringConstraints(max_length=500)] | None, Blank,
                      Query(description='Words (all required), "a phrase", prefix*.')]
Speaker = Annotated[Annotated[str, StringConstraints(max_length=200)] | None, Blank,
                    Query(description="Actor id, or words of the name.")]
Anonymous = Annotated[bool | None, Blank, Query(
    description="true: anonymous sources only; false: named speakers only.")]
ArticleId = Annotated[str, PathParam(pattern=ARTICLE_ID, description="Article id (or prefix).")]
StoryId = Annotated[str, PathParam(pattern=KEY_ID, description="Story id.")]
ActorId = Annotated[str, PathParam(pattern=KEY_ID, description="Actor id.")]


# -- application state ------------------------------------------------------------------------


@dataclass
class Settings:
    db_path: Path
    allow_ingest: bool = False
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    allowed_hosts: frozenset[str] | None = None


@dataclass
class Context:
    """What every request needs: settings, one store per worker thread, templates."""

    settings: Settings
    templates: Jinja2Templates
    _local: threading.local = field(default_factory=threading.local)

    def store(self) -> Store:
        """This thread's connection (sqlite3 connections are not shared across threads);
        read-only at the SQLite level unless ingestion is enabled."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.settings.db_path)
            if not self.settings.allow_ingest:
                store.db.execute("PRAGMA query_only = ON")
            self._local.store = store
        return store

    def counts(self) -> dict[str, int]:
        """How many articles, stories and quotes are stored; counted again only when the
        database changed (``PRAGMA data_version`` moves when another connection commits,
        ``total_changes`` when this one writes)."""
        store = self.store()
        version = (store.db.execute("PRAGMA data_version").fetchone()[0], store.db.total_changes)
        cached: tuple[Any, dict[str, int]] | None = getattr(self._local, "counts", None)
        if cached is None or cached[0] != version:
            cached = (version, {t: store.count(t) for t in ("articles", "stories", "quotes")})
            self._local.counts = cached
        return cached[1]


def _ctx(request: Request) -> Context:
    context: Context = request.app.state.ctx
    return context


# -- the app ----------------------------------------------------------------------------------


def create_app(
    db_path: str | Path,
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
    allowed_hosts: set[str] | frozenset[str] | None = None,
) -> FastAPI:
    """The filrouge web app over one database.

    ``allowed_hosts`` (Host header names) guards a loopback server against DNS rebinding;
    ``filrouge serve`` sets it. ``token``, when given, is required on every request.
    """
    path = Path(db_path)
    if not path.exists() and not allow_ingest:
        raise FileNotFoundError(f"no database at {path}: run `filrouge ingest PATH` first")
    Store(path).close()  # create or migrate once, before any read-only connection opens
    settings = Settings(path, allow_ingest, token or None, max_upload_bytes,
                        frozenset(h.lower() for h in allowed_hosts) if allowed_hosts else None)
    env = Environment(
        loader=PackageLoader("filrouge.web", "templates"), autoescape=True,
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(safe_url=render.safe_url, actor_name=queries.actor_name,
                       allow_ingest=allow_ingest, marked_pieces=render.marked_pieces,
                       day_number=render.day_number, source_label=source_label)
    env.filters["number"] = lambda n: f"{n:,}".replace(",", " ")
    templates = Jinja2Templates(env=env)

    app = FastAPI(
        title="filrouge",
        summary="French news turned into a cited chronology: stories, articles, actors, quotes.",
        description="Every list is paginated (`limit`, `offset`, and `total` in the answer) and "
                    "downloadable with `format=csv` or `format=jsonl`. See /docs and docs/web.md.",
        version="1",
        docs_url=None, redoc_url=None,  # the default pages load scripts from a CDN
    )
    app.state.ctx = Context(settings, templates)
    app.add_middleware(_Guard, settings=settings)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _install_error_handlers(app)
    _install_pages(app)
    _install_api(app)
    from filrouge.web.ingest import install_ingest

    install_ingest(app)
    return app


# -- security middleware ----------------------------------------------------------------------


class _Guard:
    """Host check, token check, upload size check and security headers for every request."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                names = {name.lower() for name, _ in raw}
                raw.extend(h for h in SECURITY_HEADERS if h[0] not in names)
                if self.settings.token:
                    raw.append((b"cache-control", b"no-store"))
                message["headers"] = raw
            await send(message)

        refusal = self._refuse(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send_secure)
            return
        await self.app(scope, receive, send_secure)

    def _refuse(self, scope: Scope, headers: Headers) -> Response | None:
        path: str = scope.get("path", "")
        allowed = self.settings.allowed_hosts
        if allowed is not None:
            host = _host_name(headers.get("host", ""))
            if host not in allowed:
                return _plain_error(path, 400, "unexpected Host header")
        token = self.settings.token
        if token:
            given = _bearer(headers.get("authorization", ""))
            scope.setdefault("state", {})["bearer"] = bool(given) and _same(given, token)
            if not scope["state"]["bearer"] and not _same(_cookie(headers, TOKEN_COOKIE), token):
                query = Request(scope).query_params
                offered = query.get("token")
                if offered and _same(offered, token):
                    rest = urlencode([(k, v) for k, v in query.multi_items() if k != "token"])
                    target = path + (f"?{rest}" if rest else "")
                    response = RedirectResponse(target, status_code=303)
                    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                                        secure=scope.get("scheme") == "https", path="/")
                    return response
                return _plain_error(path, 401, "a token is required: open the link printed by "
                                    "`filrouge serve` (?token=…) or send "
                                    "'Authorization: Bearer TOKEN'",
                                    {"www-authenticate": "Bearer"})
        if scope.get("method") == "POST":
            length = headers.get("content-length")
            limit = self.settings.max_upload_bytes + 256 * 1024  # room for the form around it
            if length is None or not length.isdigit():
                return _plain_error(path, 411, "uploads need a Content-Length header")
            if int(length) > limit:
                return _plain_error(
                    path, 413,
                    f"upload too large ({int(length)} bytes; the limit is "
                    f"{self.settings.max_upload_bytes} bytes per file, one file per request)")
        return None


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _bearer(value: str) -> str:
    scheme, _, credentials = value.partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def _cookie(headers: Headers, name: str) -> str:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


def _same(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def _wants_json(path: str) -> bool:
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def _plain_error(path: str, status: int, message: str,
                 headers: dict[str, str] | None = None) -> Response:
    """Errors raised before routing (no templates there): JSON for the API, a tiny page else."""
    if _wants_json(path):
        return JSONResponse({"error": message, "status": status}, status_code=status,
                            headers=headers)
    from html import escape

    body = (f"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{status}</title>"
            f"<link rel=\"stylesheet\" href=\"/static/app.css\"><main class=\"error\">"
            f"<h1>{status}</h1><p>{escape(message)}</p></main></html>")
    return HTMLResponse(body, status_code=status, headers=headers)


def check_csrf(request: Request, form_token: str | None) -> None:
    """Double-submit check for uploads: the token in the page (sent back as a header or a form
    field) must equal the cookie, and a cross-site Origin is refused. A request that carries the
    server token as a Bearer header is exempt: a browser never adds that header by itself."""
    if getattr(request.state, "bearer", False):
        return
    origin = request.headers.get("origin")
    if origin and origin != "null":
        expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin.rstrip("/") != expected:
            raise HTTPException(403, "cross-site upload refused (Origin does not match)")
    elif origin == "null":
        raise HTTPException(403, "cross-site upload refused (opaque Origin)")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get("x-csrf-token") or form_token or ""
    if not cookie or not _same(sent, cookie):
        raise HTTPException(403, "missing or wrong CSRF token: reload the upload page")


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


# -- errors -----------------------------------------------------------------------------------


_NOUN = {"stories": "story", "articles": "article"}


class AmbiguousId(Exception):
    """A short id that several stories or articles start with."""

    def __init__(self, kind: str, ref: str, candidates: list[Row]) -> None:
        super().__init__(ref)
        self.kind, self.ref, self.candidates = kind, ref, candidates


def _resolved(request: Request, kind: Literal["stories", "articles"], ref: str) -> str:
    """The full id a story or article id (or unique prefix, as the CLI accepts) stands for;
    404 when none matches, 409 listing the candidates when several do."""
    found = queries.matching_ids(_ctx(request).store(), kind, ref)
    if not found:
        raise HTTPException(404, f"no {_NOUN[kind]} whose id is or starts with {ref}")
    if len(found) > 1:
        raise AmbiguousId(kind, ref, found)
    return str(found[0]["id"])


def _to_full_id(request: Request, ref: str, full: str) -> Response:
    """Redirect a short id to the page or record of the full one, query string kept."""
    path = request.url.path
    target = path[: len(path) - len(ref)] + full
    if request.url.query:
        target += "?" + request.url.query
    return RedirectResponse(target, status_code=307)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AmbiguousId)
    async def ambiguous(request: Request, error: AmbiguousId) -> Response:
        noun, count = _NOUN[error.kind], len(error.candidates)
        how_many = f"more than 10 {noun} ids start with {error.ref} (the first 10 shown)" if (
            count > 10) else f"{count} {noun} ids start with {error.ref}"
        return _error(request, 409, f"{how_many}: give more characters to choose one",
                      candidates=error.candidates[:10])

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems: list[dict[str, Any]] = []
        for item in error.errors():
            where = [str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body")]
            problems.append({"param": ".".join(where) or None,
                             "message": str(item.get("msg", "")).removeprefix("Value error, ")})
        message = "; ".join(f"{p['param']}: {p['message']}" if p["param"] else p["message"]
                            for p in problems)
        return _error(request, 422, f"invalid parameters — {message}", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail),
                      headers=dict(error.headers) if error.headers else None)

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception) -> Response:
        log.exception("error on %s", request.url.path)
        return _error(request, 500, "internal error (logged on the server)")


def _error(request: Request, status: int, message: str, detail: Any = None,
           headers: dict[str, str] | None = None, candidates: list[Row] | None = None) -> Response:
    if _wants_json(request.url.path):
        body: dict[str, Any] = {"error": message, "status": status}
        if detail:
            body["detail"] = detail
        if candidates:
            body["candidates"] = candidates
        return JSONResponse(body, status_code=status, headers=headers)
    return _ctx(request).templates.TemplateResponse(
        request, "error.html", {"title": f"Error {status}", "status": status, "message": message,
                                "nav": "", "candidates": candidates or []},
        status_code=status, headers=headers,
    )


# -- downloads --------------------------------------------------------------------------------

CSV_COLUMNS: dict[str, list[str]] = {
    "stories": ["id", "title", "start", "end", "articles", "sources", "timeline_entries",
                "actors", "url_page"],
    "articles": ["id", "title", "published", "published_origin", "outlet", "source", "language",
                 "duplicate_of", "quotes", "events", "url_page"],
    "search": ["id", "title", "published", "outlet", "language", "duplicate_of", "snippet",
               "url_page"],
    "actors": ["id", "name", "type", "in_registry", "articles", "mentions", "quotes", "events",
               "url_page"],
    "quotes": ["article", "position", "date", "speaker", "speaker_name", "anonymous",
               "description", "kind", "text", "start", "end", "article_title", "outlet",
               "published", "url_page"],
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """Lists of actors become 'id|id'; text that a spreadsheet would run as a formula gets a
    leading apostrophe (the JSON Lines download keeps the exact text)."""
    if isinstance(value, list):
        return "|".join(str(v["id"]) if isinstance(v, dict) and "id" in v else str(v)
                        for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _pages(fetch: Callable[[int, int], Page], limit: int | None, offset: int) -> Iterator[Row]:
    """Every item of a list, fetched a chunk at a time (each chunk on whatever thread runs it,
    so ``fetch`` must open its own store)."""
    remaining = limit
    at = offset
    while remaining is None or remaining > 0:
        size = DOWNLOAD_CHUNK if remaining is None else min(DOWNLOAD_CHUNK, remaining)
        page = fetch(size, at)
        yield from page.items
        if len(page.items) < size:
            return
        at += size
        if remaining is not None:
            remaining -= size


def _download(kind: str, fmt: str, items: Iterator[Row] | None = None,
              lines: Iterator[str] | None = None) -> StreamingResponse:
    if fmt == "csv":
        assert items is not None
        columns = CSV_COLUMNS[kind]

        def csv_chunks() -> Iterator[str]:
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(columns)
            for n, item in enumerate(items, 1):
                writer.writerow([_csv_cell(item.get(c)) for c in columns])
                if n % 200 == 0:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()

        body: Iterator[str] = csv_chunks()
        media = "text/csv; charset=utf-8"
    else:
        body = lines if lines is not None else (
            json.dumps(item, ensure_ascii=False) + "\n" for item in items or iter(()))
        media = "application/x-ndjson; charset=utf-8"
    return StreamingResponse(body, media_type=media, headers={
        "content-disposition": f'attachment; filename="filrouge-{kind}.{fmt}"'})


def _page_json(page: Page) -> JSONResponse:
    return JSONResponse(page.to_json())


def _json_limit(fmt: str, limit: int | None) -> int | None:
    return limit if limit is not None or fmt != "json" else DEFAULT_LIMIT


def _record_with(record: str, extra: dict[str, Any]) -> Response:
    """A stored filrouge/1 record with link fields appended, without re-encoding the record."""
    tail = json.dumps(extra, ensure_ascii=False)[1:]
    body = record.rstrip()[:-1] + (", " + tail if tail != "}" else "}")
    return Response(body, media_type="application/json")


# -- JSON API ---------------------------------------------------------------------------------


def _install_api(app: FastAPI) -> None:
    @app.get("/api", tags=["api"], summary="What is stored, and the endpoints")
    def api_index(request: Request) -> JSONResponse:
        counts = _ctx(request).counts()
        return JSONResponse({
            "schema": "filrouge/1", "counts": counts,
            "endpoints": sorted({str(getattr(r, "path", "")) for r in app.routes
                                 if str(getattr(r, "path", "")).startswith("/api/")}),
            "openapi": "/openapi.json", "docs": "/docs",
        })

    @app.get("/api/stories", tags=["api"], summary="Stories, most recent first")
    def api_stories(request: Request, limit: Limit = None, offset: Offset = 0,
                    fmt: Format = "json") -> Response:
        ctx = _ctx(request)
        if fmt == "jsonl":
            return _download("stories", fmt, lines=(
                json.dumps(s.to_json_dict(), ensure_ascii=False) + "\n"
                for s in queries.story_records(ctx.store(), limit, offset)))
        if fmt == "csv":
            return _download("stories", fmt, _pages(
                lambda n, at: queries.stories(ctx.store(), n, at), limit, offset))
        return _page_json(queries.stories(ctx.store(), _json_limit(fmt, limit) or 1, offset))

    @app.get("/api/stories/{story_id}", tags=["api"],
             summary="One story: the filrouge/1 story record plus url_page and summary")
    def api_story(request: Request, story_id: StoryId) -> Response:
        full = _resolved(request, "stories", story_id)
        if full != story_id:
            return _to_full_id(request, story_id, full)
        found = queries.story(_ctx(request).store(), story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        story, summary = found
        return JSONResponse({**story.to_json_dict(), "url_page": summary["url_page"],
                             "summary": summary})

    @app.get("/api/articles", tags=["api"],
             summary="Articles, newest first; with q, full-text matches, best first")
    def api_articles(request: Request, limit: Limit = None, offset: Offset = 0,
                     fmt: Format = "json", q: TextQuery = None, story: StoryFilter = None,
                     actor: ActorFilter = None, language: LanguageFilter = None,
                     date_from: DateFrom = None, date_to: DateTo = None) -> Response:
        ctx = _ctx(request)
        filters = ArticleFilters(story, actor, language, date_from, date_to)
        def fetch(n: int, at: int) -> Page:
            if q:
                return queries.search(ctx.store(), q, filters, n, at)
            return queries.articles(ctx.store(), filters, n, at)

        if fmt == "jsonl":
            return _download("articles", fmt, lines=_article_lines(ctx, filters, q, limit,
                                                                   offset))
        if fmt == "csv":
            return _download("articles", fmt, _pages(fetch, limit, offset))
        return _page_json(fetch(_json_limit(fmt, limit) or 1, offset))

    @app.get("/api/articles/{article_id}", tags=["api"],
             summary="One article: its filrouge/1 record plus url_page, sources, copies, stories")
    def api_article(request: Request, article_id: ArticleId) -> Response:
        store = _ctx(request).store()
        record = queries.article_record(store, article_id)
        if record is None:
            return _to_full_id(request, article_id, _resolved(request, "articles", article_id))
        context = queries.article_context(store, article_id)
        return _record_with(record, {"url_page": f"/articles/{article_id}", **context})

    @app.get("/api/actors", tags=["api"], summary="Actors named in the store, most named first")
    def api_actors(request: Request, limit: Limit = None, offset: Offset = 0,
                   fmt: Format = "json", q: Speaker = None,
                   registry_only: Annotated[bool, Query(
                       description="Only actors of the registry (no corpus-local ids).")] = False,
                   ) -> Response:
        ctx = _ctx(request)

        def fetch(n: int, at: int) -> Page:
            return queries.actors(ctx.store(), n, at, q, registry_only)

        if fmt != "json":
            return _download("actors", fmt, _pages(fetch, limit, offset))
        return _page_json(fetch(_json_limit(fmt, limit) or 1, offset))

    @app.get("/api/actors/{actor_id}", tags=["api"],
             summary="One actor: registry entry, counts, quotes, events, co-occurring actors")
    def api_actor(request: Request, actor_id: ActorId) -> JSONResponse:
        found = queries.actor(_ctx(request).store(), actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id}")
        return JSONResponse(found)

    @app.get("/api/quotes", tags=["api"], summary="Who said what, most recent first")
    def api_quotes(request: Request, limit: Limit = None, offset: Offset = 0,
                   fmt: Format = "json", speaker: Speaker = None, anonymous: Anonymous = None,
                   story: StoryFilter = None, date_from: DateFrom = None,
                   date_to: DateTo = None, q: TextQuery = None) -> Response:
        ctx = _ctx(request)
        filters = QuoteFilters(speaker, anonymous, story, date_from, date_to, q)

        def fetch(n: int, at: int) -> Page:
            return queries.quotes(ctx.store(), filters, n, at)

        if fmt != "json":
            return _download("quotes", fmt, _pages(fetch, limit, offset))
        return _page_json(fetch(_json_limit(fmt, limit) or 1, offset))

    @app.get("/api/search", tags=["api"],
             summary="Full-text search over titles and texts, accents folded, best first")
    def api_search(request: Request, q: Annotated[str, Query(
                       min_length=1, max_length=500, description="Words, \"phrases\", prefix*.")],
                   limit: Limit = None, offset: Offset = 0, fmt: Format = "json",
                   story: StoryFilter = None, actor: ActorFilter = None,
                   language: LanguageFilter = None, date_from: DateFrom = None,
                   date_to: DateTo = None) -> Response:
        ctx = _ctx(request)
        filters = ArticleFilters(story, actor, language, date_from, date_to)

        def fetch(n: int, at: int) -> Page:
            return queries.search(ctx.store(), q, filters, n, at)

        if fmt != "json":
            return _download("search", fmt, _pages(fetch, limit, offset))
        return _page_json(fetch(_json_limit(fmt, limit) or 1, offset))


def _article_lines(ctx: Context, filters: ArticleFilters, q: str | None, limit: int | None,
                   offset: int) -> Iterator[str]:
    """Full filrouge/1 records, one per line, in list order."""
    def fetch(n: int, at: int) -> Page:
        ids = list(queries.article_ids(ctx.store(), filters, n, at, q))
        return Page(0, n, at, [{"id": i} for i in ids])

    for item in _pages(fetch, limit, offset):
        record = queries.article_record(ctx.store(), item["id"])
        if record is not None:
            yield record + "\n"


# -- pages ------------------------------------------------------------------------------------


def _page(request: Request, name: str, nav: str, **context: Any) -> Response:
    return _ctx(request).templates.TemplateResponse(
        request, name, {"nav": nav, "url_with": _url_with(request), **context})


def _url_with(request: Request) -> Callable[..., str]:
    """Builds links to the same page with some query parameters changed (pagers, filters)."""
    def url_with(path: str | None = None, **changes: Any) -> str:
        params = {k: v for k, v in request.query_params.items() if k not in changes}
        params.update({k: v for k, v in changes.items() if v is not None and v != ""})
        query = urlencode({k: v for k, v in params.items() if v != ""})
        return (path or request.url.path) + (f"?{query}" if query else "")
    return url_with


def _bars(items: list[Row], key: str = "articles", width: float = 160,
          height: float = 32) -> list[render.Bar]:
    return render.bars([(f"{i['period']}: {i[key]}", int(i[key])) for i in items], width, height)


def _install_pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, limit: Limit = None, offset: Offset = 0) -> Response:
        store = _ctx(request).store()
        page = queries.stories(store, limit or PAGE_LIMIT, offset)
        for item in page.items:
            item["bars"] = _bars(item["articles_over_time"])
        return _page(request, "stories.html", "stories", title="Stories", page=page,
                     counts=_ctx(request).counts())

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: StoryId, limit: Limit = None,
                   offset: Offset = 0) -> Response:
        full = _resolved(request, "stories", story_id)
        if full != story_id:
            return _to_full_id(request, story_id, full)
        store = _ctx(request).store()
        found = queries.story(store, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        story, summary = found
        shown = story.timeline[offset: offset + (limit or 300)]
        dots, ticks = render.timeline_dots(shown)
        members = queries.articles(store, ArticleFilters(story=story_id), 50, 0)
        return _page(
            request, "story.html", "stories", title=story.title, story=story, summary=summary,
            bars=_bars(summary["articles_over_time"], width=320, height=48), entries=shown,
            entries_offset=offset, entries_limit=limit or 300, dots=dots, ticks=ticks,
            events=queries.story_events(store, story_id, 80),
            speakers=queries.story_speakers(store, story_id, 10, 3),
            amounts=queries.story_amounts(store, story_id, 50), members=members,
            first_entry=offset,
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, limit: Limit = None, offset: Offset = 0,
                      q: TextQuery = None, story: StoryFilter = None, actor: ActorFilter = None,
                      language: LanguageFilter = None, date_from: DateFrom = None,
                      date_to: DateTo = None) -> Response:
        store = _ctx(request).store()
        filters = ArticleFilters(story, actor, language, date_from, date_to)
        if q:
            page = queries.search(store, q, filters, limit or PAGE_LIMIT, offset)
        else:
            page = queries.articles(store, filters, limit or PAGE_LIMIT, offset)
        return _page(request, "articles.html", "articles", title="Articles", page=page,
                     q=q or "", filters=filters, searched=bool(q))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: ArticleId) -> Response:
        full = _resolved(request, "articles", article_id)
        if full != article_id:
            return _to_full_id(request, article_id, full)
        store = _ctx(request).store()
        article = queries.article(store, article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id}")
        # as on a story's page, a record and its mirror from one sentence (A→B, B→A of a
        # meeting or signing) are one line "A ↔ B"; each keeps its anchor in the text
        events = [{"index": i, "event": e, "mutual": mutual} for (i, e), mutual in fold_mirrored(
            enumerate(article.events), lambda pair: mirror_parts(pair[1]))]
        return _page(request, "article.html", "articles", title=article.title or article.id,
                     article=article, segments=render.segments(article), events=events,
                     context=queries.article_context(store, article.id),
                     url=render.safe_url(article.url))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, limit: Limit = None, offset: Offset = 0,
                    q: Speaker = None) -> Response:
        page = queries.actors(_ctx(request).store(), limit or PAGE_LIMIT, offset, q)
        return _page(request, "actors.html", "actors", title="Actors", page=page, q=q or "")

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: ActorId) -> Response:
        found = queries.actor(_ctx(request).store(), actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id}")
        over_time = found["events_over_time"]
        return _page(request, "actor.html", "actors", title=found["name"], actor=found,
                     bars_actor=_bars(over_time, "as_actor", 320, 48),
                     bars_target=_bars(over_time, "as_target", 320, 48))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, limit: Limit = None, offset: Offset = 0,
                    speaker: Speaker = None, anonymous: Anonymous = None,
                    story: StoryFilter = None, date_from: DateFrom = None,
                    date_to: DateTo = None, q: TextQuery = None) -> Response:
        filters = QuoteFilters(speaker, anonymous, story, date_from, date_to, q)
        page = queries.quotes(_ctx(request).store(), filters, limit or PAGE_LIMIT, offset)
        return _page(request, "quotes.html", "quotes", title="Quotes", page=page,
                     filters=filters)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: TextQuery = None, limit: Limit = None,
                    offset: Offset = 0, story: StoryFilter = None, actor: ActorFilter = None,
                    language: LanguageFilter = None, date_from: DateFrom = None,
                    date_to: DateTo = None) -> Response:
        filters = ArticleFilters(story, actor, language, date_from, date_to)
        page = (queries.search(_ctx(request).store(), q, filters, limit or PAGE_LIMIT, offset)
                if q else None)
        return _page(request, "search.html", "search", title=f"Search: {q}" if q else "Search",
                     q=q or "", page=page, filters=filters)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> Response:
        return _page(request, "docs.html", "api", title="API",
                     endpoints=_endpoints(app.openapi()))


def _endpoints(spec: dict[str, Any]) -> list[Row]:
    """The OpenAPI description flattened for the local docs page (no CDN scripts needed)."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            params = []
            for param in operation.get("parameters", []):
                schema = param.get("schema", {})
                kinds = [s.get("type") for s in schema.get("anyOf", [schema]) if s.get("type")]
                constraints = ", ".join(
                    f"{key} {schema[key]}" for key in ("minimum", "maximum", "pattern",
                                                       "maxLength", "enum", "default")
                    if key in schema)
                params.append({"name": param["name"], "where": param["in"],
                               "required": param.get("required", False),
                               "type": " or ".join(k for k in kinds if k != "null") or "string",
                               "constraints": constraints,
                               "description": param.get("description", "")})
            found.append({"method": method.upper(), "path": path,
                          "summary": operation.get("summary", ""),
                          "description": operation.get("description", ""), "params": params})
    return found
