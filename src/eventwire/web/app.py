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
* Only requests whose ``Host`` header names an allowed host are answered
  (loopback names by default: ``localhost``, ``127.0.0.1``, ``::1``), so a web
  page on another site cannot reach the server by DNS rebinding.
* Requests are independent: each one codes with the built-in knowledge (plus the
  actor files given, and the people of the corpus as they were at start-up),
  never with what another request sent.
* Coding runs on a bounded queue (:class:`CodingQueue`): when it is full the
  answer is 503 with ``Retry-After``; a request past its deadline, or whose
  client has gone, is dropped. ``/api/health`` never waits for coding.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
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
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
QUEUE_SIZE = 16          # coding requests waiting or running, at most; more are answered 503
REQUEST_DEADLINE = 30.0  # seconds a coding request may wait and run before it is answered 503
RETRY_AFTER = 2          # seconds, in the Retry-After header of a 503
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


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names answered: loopback, those in ``EVENTWIRE_ALLOWED_HOSTS``
    (comma-separated), and ``extra``; ``*`` allows any."""
    env = [h for h in os.environ.get("EVENTWIRE_ALLOWED_HOSTS", "").split(",") if h.strip()]
    return frozenset(_host_name(h) for h in (*LOOPBACK_HOSTS, *env, *extra))


def _host_name(value: str) -> str:
    """``Example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class LimitsAndHeaders:
    """ASGI middleware: checks the Host header, caps request bodies and adds the security headers."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES, hosts: frozenset[str] = frozenset(LOOPBACK_HOSTS)):
        self.app = app
        self.max_body = max_body
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if "*" not in self.hosts and _host_name(host) not in self.hosts:
            await error_response(400, "bad_host", "this server answers only for the host names it was started for "
                                                  "(see `eventwire serve --allow-host`)")(scope, receive, send)
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


class CodingQueue:
    """Coding requests, one at a time on a worker thread, with at most ``size`` waiting or running.

    :meth:`run` answers 503 (``busy``, with ``Retry-After``) when the queue is full
    or the deadline passes, and drops a job whose client has gone before it started.
    """

    def __init__(self, size: int = QUEUE_SIZE, deadline: float = REQUEST_DEADLINE, workers: int = 1):
        self.size, self.deadline, self.workers = size, deadline, workers
        self._slots = threading.BoundedSemaphore(size)
        self._executor: ThreadPoolExecutor | None = None
        self._executor_lock = threading.Lock()

    def _submit(self, job: Callable[[], Any]) -> Future:
        with self._executor_lock:  # started on first use, and again after close() (a new lifespan)
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="eventwire-code")
            return self._executor.submit(job)

    async def run(self, job: Callable[[], Any], request=None) -> Any:
        if not self._slots.acquire(blocking=False):
            raise WebError(503, "busy", f"the server is coding {self.size} articles already; retry shortly",
                           headers={"Retry-After": str(RETRY_AFTER)})
        try:
            future: Future = self._submit(job)
        except RuntimeError:  # shut down
            self._slots.release()
            raise WebError(503, "busy", "the server is shutting down", headers={"Retry-After": str(RETRY_AFTER)})
        future.add_done_callback(lambda _: self._slots.release())
        waiting = asyncio.wrap_future(future)
        loop = asyncio.get_running_loop()
        give_up = loop.time() + self.deadline
        while True:
            done, _ = await asyncio.wait({waiting}, timeout=min(0.25, max(0.0, give_up - loop.time())))
            if done:
                return waiting.result()
            if loop.time() >= give_up:
                future.cancel()
                raise WebError(503, "busy", f"the article was not coded within {self.deadline:g} s; retry shortly",
                               headers={"Retry-After": str(RETRY_AFTER)})
            if request is not None and await _gone(request):
                future.cancel()  # not started yet: dropped; started: its answer is thrown away
                raise ClientGone()

    def close(self) -> None:
        with self._executor_lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


class ClientGone(Exception):
    """The client closed the connection before its answer was ready."""


async def _gone(request) -> bool:
    try:
        return await asyncio.wait_for(request.is_disconnected(), timeout=0.01)
    except (asyncio.TimeoutError, RuntimeError):
        return False


class Resources:
    """What the routes share: the pipeline (loaded on first use), the coding queue and the corpus store.

    The pipeline codes one article at a time on the queue's worker thread; its
    actor memory is a snapshot (the actor files given and the people of the corpus
    as stored at start-up) that no request changes. The store is opened once.
    """

    def __init__(self, db: str | None, settings: Settings, pipeline=None, queue: CodingQueue | None = None):
        self.db = db
        self.settings = settings
        self._pipeline = pipeline
        self._store = None
        self.queue = queue or CodingQueue()
        self.pipeline_lock = threading.Lock()
        self.store_lock = threading.Lock()

    @property
    def pipeline(self):
        """The eventwire pipeline; call it holding ``pipeline_lock``."""
        if self._pipeline is None:
            from ..actors import Actors
            from ..pipeline import Pipeline

            memory = Actors(self.settings).memory
            if self.db is not None:
                memory.merge(corpus_people(self.store))
            self._pipeline = Pipeline(self.settings, memory=memory)
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
                    log.warning("cannot open the corpus store %s: %s", self.db, err)
                    raise WebError(503, "corpus_unavailable", _unavailable(err),
                                   headers={"Retry-After": "10"}) from None
        return self._store

    def close(self) -> None:
        self.queue.close()
        if self._store is not None:
            close = getattr(self._store, "close", None)
            if close:
                close()
            self._store = None


def _unavailable(err: Exception) -> str:
    """Why the store cannot be opened, in words that name no path or process."""
    text = str(err).lower()
    if "lock" in text:
        return "the corpus store is locked by another process (an ingest still running?); retry when it is done"
    if "schema version" in text:
        return "the corpus store was written by a newer eventwire"
    return "the corpus store cannot be opened: it is not an eventwire store, or it is damaged"


def corpus_people(store) -> "ActorMemory":
    """The persons a corpus coded from titles, as an actor memory (order-free, see eventwire.memory)."""
    from ..memory import ActorMemory

    memory = ActorMemory()
    rows = store.sql("SELECT x.name, x.code, x.title, CAST(a.date AS VARCHAR) AS date FROM actors x "
                     "JOIN articles a USING (article_id) WHERE x.type = 'PERSON' AND x.code IS NOT NULL "
                     "AND x.title IS NOT NULL AND a.canonical_id IS NULL")
    for name, code, title, date in rows.itertuples(index=False):
        if isinstance(name, str) and len(name.split()) >= 2:
            memory.learn(name, code, title, date if isinstance(date, str) else None)
    return memory


def load_assets(folder: Path = STATIC_DIR) -> dict[str, tuple[bytes, str]]:
    """Every static asset, read once: ``{file name: (bytes, media type)}``."""
    assets = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in MEDIA_TYPES:
            assets[path.name] = (path.read_bytes(), MEDIA_TYPES[path.suffix])
    return assets


def create_app(db: str | None = None, settings: Settings | None = None, *, pipeline=None,
               max_body: int = MAX_BODY_BYTES, hosts: Iterable[str] = (), queue_size: int = QUEUE_SIZE,
               deadline: float = REQUEST_DEADLINE) -> FastAPI:
    """The eventwire web app.

    ``db``: path of a corpus store (DuckDB) to explore, opened read-only; without
    it the corpus endpoints answer 404 ``no_corpus``. ``settings``: the pipeline's
    settings. ``pipeline``: an already loaded :class:`~eventwire.pipeline.Pipeline`
    to use (tests share one); otherwise one is loaded on the first ``/api/code``.
    ``max_body``: the largest request body accepted, in bytes. ``hosts``: host
    names answered besides loopback (see :func:`allowed_hosts`). ``queue_size``,
    ``deadline``: the coding queue (see :class:`CodingQueue`).
    """
    from .api import router as api_router
    from .pages import router as page_router

    if max_body < 1 or queue_size < 1 or deadline <= 0:
        raise ValueError("max_body and queue_size must be 1 or more, deadline above 0")
    resources = Resources(db, settings or DEFAULT, pipeline, CodingQueue(queue_size, deadline))

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
    app.openapi = _named_bodies(app)
    _add_error_handlers(app)
    app.add_middleware(LimitsAndHeaders, max_body=max_body, hosts=allowed_hosts(hosts))
    return app


# FastAPI names the body of a form route after the function and path; the schema shows these names.
BODY_NAMES = {"Body_code_file_api_code_file_post": "CodeFileUpload"}


def _named_bodies(app: FastAPI):
    """``app.openapi`` with the generated form-body schemas given readable names."""
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            text = json.dumps(generate())
            for generated, name in BODY_NAMES.items():
                text = text.replace(f'"{generated}"', f'"{name}"').replace(f"/{generated}\"", f"/{name}\"")
            app.openapi_schema = json.loads(text)
        return app.openapi_schema
    return openapi


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        extra = dict(exc.extra)
        headers = extra.pop("headers", None)
        return error_response(exc.status, exc.kind, exc.message, headers=headers, **extra)

    @app.exception_handler(ClientGone)
    async def gone(request: Request, exc: ClientGone) -> Response:
        return error_response(499, "client_closed", "the client closed the connection")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_response(exc.status_code, STATUS_KINDS.get(exc.status_code, "error"), message,
                              headers=getattr(exc, "headers", None))  # e.g. Allow on a 405

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {}
        if first.get("type") == "json_invalid":
            return error_response(400, "bad_request", f"the body is not valid JSON: {first.get('ctx', {}).get('error', '')}"
                                  .rstrip(": "))
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else first.get("msg", "invalid request")
        detail = [{k: e.get(k) for k in ("loc", "msg", "type")} for e in errors]
        return error_response(422, "invalid_request", message, detail=detail)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", f"internal error: {type(exc).__name__}")
