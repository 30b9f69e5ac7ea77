"""The FastAPI app: pages, static assets, limits, JSON errors, security headers.

Safety by construction:

* Static assets are read into memory when the app is built; a request names an
  asset by a key of that table, so no path from a request reaches the file system.
* Every error, ours or the framework's, is a JSON body
  ``{"error": {"status", "kind", "message"}}`` with a status code that says what
  went wrong (400, 404, 405, 413, 415, 422, 500).
* Request bodies are capped (:data:`MAX_BODY_BYTES`): by ``Content-Length`` before
  reading, and by counting while reading for chunked uploads.
* Pages carry a Content-Security-Policy that allows only the app's own scripts
  and styles; the page scripts also insert article text as text nodes only.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import DEFAULT, Settings

log = logging.getLogger("eventwire.web")

MAX_BODY_BYTES = 2_000_000
STATIC_DIR = Path(__file__).resolve().parent / "static"
MEDIA_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
               ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
               ".ico": "image/x-icon"}
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
STATUS_KINDS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type",
                422: "invalid_request", 429: "too_many_requests", 500: "internal", 503: "unavailable"}


class WebError(Exception):
    """An error answered as JSON: ``status`` code, machine-readable ``kind``, ``message``."""

    def __init__(self, status: int, kind: str, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.kind, self.message, self.extra = status, kind, message, extra


class BodyTooLarge(HTTPException):
    """Raised while reading a body that grows past the limit (chunked uploads)."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes")


def error_response(status: int, kind: str, message: str, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    """The one shape of every error answer."""
    body: dict[str, Any] = {"error": {"status": status, "kind": kind, "message": message}}
    body.update(jsonable_encoder(extra))
    return JSONResponse(body, status_code=status, headers=headers)


class LimitsAndHeaders:
    """ASGI middleware: caps request bodies and adds the security headers."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        if length == -1:
            await error_response(400, "bad_request", "the Content-Length header is not a number")(scope, receive, send)
            return
        if length is not None and length > self.max_body:
            await error_response(413, "too_large", f"the request body of {length:,} bytes is over the limit "
                                                   f"of {self.max_body:,}")(scope, receive, send)
            return
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return -1
    return None


class Resources:
    """What the routes share: the pipeline (loaded on first use) and the corpus store.

    The handlers run in FastAPI's thread pool: the pipeline is used by one request
    at a time (``pipeline_lock``); the store is opened once (``store_lock``).
    """

    def __init__(self, db: str | None, settings: Settings, pipeline=None):
        self.db = db
        self.settings = settings
        self._pipeline = pipeline
        self._store = None
        self.pipeline_lock = threading.Lock()
        self.store_lock = threading.Lock()

    @property
    def pipeline(self):
        """The eventwire pipeline; call it holding ``pipeline_lock``."""
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    @property
    def store(self):
        """The corpus store, opened read-only on first use. Its queries run on their
        own DuckDB cursors, so requests may query it side by side."""
        if self.db is None:
            raise WebError(404, "no_corpus", "this server has no corpus: start it with "
                                             "`eventwire serve --db corpus.duckdb`")
        with self.store_lock:
            if self._store is None:
                from ..store import Store

                try:
                    self._store = Store(self.db, read_only=True)
                except Exception as err:  # noqa: BLE001 - locked by a writer, not a store, newer schema ...
                    raise WebError(503, "corpus_unavailable", f"the corpus store cannot be opened: "
                                                              f"{type(err).__name__}: {err}") from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            close = getattr(self._store, "close", None)
            if close:
                close()
            self._store = None


def load_assets(folder: Path = STATIC_DIR) -> dict[str, tuple[bytes, str]]:
    """Every static asset, read once: ``{file name: (bytes, media type)}``."""
    assets = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in MEDIA_TYPES:
            assets[path.name] = (path.read_bytes(), MEDIA_TYPES[path.suffix])
    return assets


def create_app(db: str | None = None, settings: Settings | None = None, *, pipeline=None,
               max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The eventwire web app.

    ``db``: path of a corpus store (DuckDB) to explore, opened read-only; without
    it the corpus endpoints answer 404 ``no_corpus``. ``settings``: the pipeline's
    settings. ``pipeline``: an already loaded :class:`~eventwire.pipeline.Pipeline`
    to use (tests share one); otherwise one is loaded on the first ``/api/code``.
    ``max_body``: the largest request body accepted, in bytes.
    """
    from .api import router as api_router
    from .pages import router as page_router

    resources = Resources(db, settings or DEFAULT, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.resources.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Code news articles into events, quotes and actors, and explore a corpus of them. "
                              "Errors are JSON: `{\"error\": {\"status\", \"kind\", \"message\"}}`.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.resources = resources
    app.state.assets = load_assets()
    app.state.max_body = max_body
    app.include_router(api_router)
    app.include_router(page_router)
    _add_error_handlers(app)
    app.add_middleware(LimitsAndHeaders, max_body=max_body)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return error_response(exc.status, exc.kind, exc.message, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_response(exc.status_code, STATUS_KINDS.get(exc.status_code, "error"), message,
                              headers=getattr(exc, "headers", None))  # e.g. Allow on a 405

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else first.get("msg", "invalid request")
        detail = [{k: e.get(k) for k in ("loc", "msg", "type")} for e in errors]
        return error_response(422, "invalid_request", message, detail=detail)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", f"internal error: {type(exc).__name__}")
