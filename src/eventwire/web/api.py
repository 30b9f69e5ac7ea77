"""The HTTP API: ``POST /api/code`` codes an article; ``GET /api/...`` reads the corpus.

The corpus endpoints take the same filters as the command line and the store
(:class:`eventwire.filters.EventFilters`: actor, source, target, sector, type,
cameo, quad, goldstein_min/max, status, confidence_min, place, since, until,
article_id; lists comma-separated) and answer JSON tables: ``{"count", "<rows>"}``.
A bad filter value is answered 422 with a message naming the filter. Every query
goes through :class:`eventwire.store.Store`, which passes the filters to DuckDB
as parameters.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .. import __version__
from ..filters import HELP, PATTERNS, SORT_COLUMNS, EventFilters, FilterError
from ..model import PLOVER_TYPES, Article
from .app import WebError

router = APIRouter(prefix="/api")

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
#: eventwire's input errors answered with their own status; any other kind is 422.
ERROR_STATUS = {"too_large": 413, "too_long": 413, "internal": 500, "nlp": 500}
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$"
MAX_LIMIT = 10_000

PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
_YMD = re.compile(r"\d{4}-\d{2}-\d{2}")


def _ymd_only(value: Any) -> Any:
    """Dates as YYYY-MM-DD only: pydantic alone would also read "0" as 1970-01-01."""
    if isinstance(value, str) and not _YMD.fullmatch(value):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_ymd_only)]
Code = Annotated[str | None, Query(max_length=64, description="actor code, e.g. RUS, RUSGOV, IGO:UN")]


class CodeRequest(BaseModel):
    """An article to code: plain text, or an HTML page with ``html: true``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article: plain text, or HTML when `html` is true")
    html: bool = Field(False, description="`text` is an HTML page; its main text and metadata are extracted")
    id: str | None = Field(None, max_length=200, description="the article's id (default: a hash of the text)")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=DATE_PATTERN, description="publication date, YYYY-MM-DD")


class ErrorDetail(BaseModel):
    status: int
    kind: str = Field(description="machine-readable reason: not_found, too_large, invalid_request, empty, "
                                  "binary, not_english, no_corpus, ...")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    corpus: bool = Field(description="whether a corpus store is open (the explorer and GET endpoints)")
    types: list[str] = Field(description="the PLOVER event types")


class Table(BaseModel):
    count: int = Field(description="number of rows returned")


class EventsTable(Table):
    total: int = Field(description="number of events the filters select, all pages")
    events: list[dict[str, Any]]


class DyadsTable(Table):
    period: str
    dyads: list[dict[str, Any]]


class SeriesTable(BaseModel):
    by: Literal["day", "week", "month", "quarter", "year"] = Field(description="the period used")
    rows: list[dict[str, Any]] = Field(description="per period (its first day, YYYY-MM-DD): events, articles, "
                                                   "quad1..quad4, goldstein_total, goldstein_mean")


class PlacesTable(BaseModel):
    places: list[dict[str, Any]] = Field(description="per country of the events' places: country (ISO3), name, "
                                                     "lat, lon (its capital), events")


class QuotesTable(Table):
    quotes: list[dict[str, Any]]


class ActorsTable(Table):
    actors: list[dict[str, Any]]


class ArticlesTable(Table):
    articles: list[dict[str, Any]]


ERRORS = {400: {"model": ErrorBody, "description": "a body that cannot be read (not UTF-8 JSON, broken multipart)"},
          404: {"model": ErrorBody, "description": "unknown article, or no corpus"},
          413: {"model": ErrorBody, "description": "request body over the limit"},
          422: {"model": ErrorBody, "description": "invalid request, or an article eventwire cannot code"},
          503: {"model": ErrorBody, "description": "the corpus store cannot be opened (e.g. locked by a writer)"}}


@router.get("/health", response_model=Health, summary="Is the server up, and does it have a corpus")
def health(request: Request) -> Health:
    res = request.app.state.resources
    return Health(status="ok", version=__version__, corpus=res.db is not None, types=list(PLOVER_TYPES))


@router.post("/code", response_model=Article, responses=ERRORS, summary="Code one article (JSON body)")
async def code(body: CodeRequest, request: Request) -> JSONResponse:
    """Code a pasted article and answer the output document (as ``eventwire code --format json``).

    An article eventwire cannot code (empty, binary, not English, ...) is answered
    422 with the error's ``kind``; one over the length limit, 413.
    """
    res = request.app.state.resources

    def run() -> Article:
        with res.pipeline_lock:
            return res.pipeline.code_text(body.text, id=body.id, title=body.title, published=body.published,
                                          html=body.html)

    return _coded(await run_in_threadpool(run))


@router.post("/code/file", response_model=Article, responses=ERRORS, summary="Code one uploaded file")
async def code_file(request: Request,
                    file: Annotated[UploadFile, File(description="a text or HTML file")],
                    published: Annotated[str | None, Form(pattern=DATE_PATTERN)] = None) -> JSONResponse:
    """Code an uploaded text or HTML file. HTML is recognised by its media type, the
    file name's suffix or its first tag; the name is never used as a path."""
    from ..ingest import _HTML_SNIFF, read_bytes

    res = request.app.state.resources
    data = await file.read()
    name = (file.filename or "").lower()
    is_html = (name.endswith(HTML_SUFFIXES) or (file.content_type or "").split(";")[0] in HTML_MEDIA_TYPES
               or bool(_HTML_SNIFF.match(data[:2048])))

    def run() -> Article:
        art = next(read_bytes(data, "upload", res.settings, html=is_html))
        if published and art.ok and not art.published:
            art.published = published
        with res.pipeline_lock:
            return next(res.pipeline.pipe([art]))

    return _coded(await run_in_threadpool(run))


def _coded(art: Article) -> JSONResponse:
    if art.error is not None:
        status = ERROR_STATUS.get(art.error.kind, 422)
        raise WebError(status, art.error.kind, art.error.message, id=art.id)
    return JSONResponse(art.to_dict())


def _list(name: str, max_length: int = 512):
    return Annotated[str | None, Query(max_length=max_length, pattern=PATTERNS[name], description=HELP[name])]


def event_filters(
        actor: _list("actor") = None, source: _list("source") = None, target: _list("target") = None,
        sector: _list("sector") = None, type: _list("type") = None, cameo: _list("cameo") = None,
        quad: _list("quad", 16) = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4, description="one quad class (older name of quad)")] = None,
        goldstein_min: Annotated[float | None, Query(ge=-10, le=10, description=HELP["goldstein_min"])] = None,
        goldstein_max: Annotated[float | None, Query(ge=-10, le=10, description=HELP["goldstein_max"])] = None,
        status: _list("status", 128) = None,
        confidence_min: Annotated[float | None, Query(ge=0, le=1, description=HELP["confidence_min"])] = None,
        place: _list("place") = None,
        since: Annotated[Day | None, Query(description=HELP["since"])] = None,
        until: Annotated[Day | None, Query(description=HELP["until"])] = None,
        article_id: Annotated[str | None, Query(max_length=200, description=HELP["article_id"])] = None,
) -> dict[str, Any]:
    """The common event filters of every corpus endpoint, checked (422 naming the filter when one is wrong)."""
    values = {"actor": actor, "source": source, "target": target, "sector": sector, "type": type, "cameo": cameo,
              "quad": quad if quad is not None else quad_class, "goldstein_min": goldstein_min,
              "goldstein_max": goldstein_max, "status": status, "confidence_min": confidence_min, "place": place,
              "since": since, "until": until, "article_id": article_id}
    try:
        EventFilters.parse(**values)
    except FilterError as err:
        raise WebError(422, "invalid_request", str(err)) from None
    return {k: v for k, v in values.items() if v is not None}


Filters = Annotated[dict, Depends(event_filters)]
SortColumn = Annotated[Literal[SORT_COLUMNS] | None, Query(description="column to sort by")]  # type: ignore[valid-type]
Order = Annotated[Literal["asc", "desc"], Query(description="sort order")]


@router.get("/events", response_model=EventsTable, responses=ERRORS, summary="Events of the corpus")
def events(request: Request, filters: Filters,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500,
           offset: Annotated[int, Query(ge=0)] = 0,
           sort: SortColumn = None, order: Order = "asc") -> JSONResponse:
    """The events the filters select, a page at a time: ``count`` rows from ``offset`` of ``total``."""
    rows = _query(request, "events", limit=limit, offset=offset, sort=sort, order=order, **filters)
    total = _call(request, "count_events", **filters)
    return JSONResponse({"count": len(rows), "total": total, "events": rows})


@router.get("/events.csv", responses=ERRORS, summary="Events of the corpus as a CSV download",
            response_class=Response)
def events_csv(request: Request, filters: Filters, sort: SortColumn = None, order: Order = "asc") -> Response:
    """Every event the filters select (no paging), as CSV with a header row."""
    frame = _call(request, "events", sort=sort, order=order, **filters)
    return Response(frame.to_csv(index=False), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/series", response_model=SeriesTable, responses=ERRORS, summary="Event counts per period")
def series(request: Request, filters: Filters,
           by: Annotated[Literal["day", "week", "month", "quarter", "year", "auto"],
                         Query(description="period; auto: days under two months, weeks up to a year, "
                                           "months up to ten years, else years")] = "auto") -> JSONResponse:
    """The standard event-data series: per period, distinct ``events`` and ``articles``, events per
    quad class (``quad1``..``quad4``), ``goldstein_total`` and ``goldstein_mean``. Every event counts,
    with or without a coded target; periods without events are rows of zeros."""
    frame = _call(request, "series", by=by, **filters)
    return JSONResponse({"by": frame.attrs["by"], "rows": records(frame)})


@router.get("/dyads", response_model=DyadsTable, responses=ERRORS, summary="Event counts per dyad and period")
def dyads(request: Request, filters: Filters,
          period: Annotated[Literal["day", "week", "month", "quarter", "year"], Query()] = "week",
          level: Annotated[Literal["entity", "code"], Query(description="group codes by entity (RUSGOV as RUS) "
                                                                         "or keep full codes")] = "entity",
          ) -> JSONResponse:
    """One row per (source, target, period): distinct ``events``, distinct ``articles`` and
    ``mean_goldstein``. ``period`` is the first day of the day, week (Monday), month, quarter or
    year. Events with no coded target are rows with ``target`` null."""
    rows = _query(request, "dyads", period=period, level=level, **filters)
    return JSONResponse({"count": len(rows), "period": period, "dyads": rows})


@router.get("/places", response_model=PlacesTable, responses=ERRORS, summary="Events per country of their place")
def places(request: Request, filters: Filters) -> JSONResponse:
    """Per country where the events took place (events with a place only): ``country`` (ISO3),
    ``name``, ``lat``/``lon`` (the capital's, to draw it on a map) and ``events``."""
    return JSONResponse({"places": _query(request, "places", **filters)})


@router.get("/quotes", response_model=QuotesTable, responses=ERRORS, summary="Quotes, by speaker")
def quotes(request: Request, filters: Filters,
           speaker: Annotated[str | None, Query(max_length=200, description="part of the speaker's name or code")] = None,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500,
           offset: Annotated[int, Query(ge=0)] = 0) -> JSONResponse:
    """Quotes. ``actor`` and ``source`` match the speaker's code, ``since``/``until`` the article's
    date, ``article_id`` the article; the other filters (``type``, ``target``, ``quad``, ...) keep the
    quotes of articles reporting at least one event that matches them."""
    rows = _query(request, "quotes", speaker=speaker, limit=limit, offset=offset, **filters)
    return JSONResponse({"count": len(rows), "quotes": rows})


@router.get("/actors", response_model=ActorsTable, responses=ERRORS, summary="Actors of the corpus")
def actors(request: Request, code: Code = None,
           name: Annotated[str | None, Query(max_length=200)] = None) -> JSONResponse:
    rows = _query(request, "actors", code=code, name=name)
    return JSONResponse({"count": len(rows), "actors": rows})


@router.get("/articles", response_model=ArticlesTable, responses=ERRORS, summary="Articles of the corpus")
def articles(request: Request, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500) -> JSONResponse:
    rows = _query(request, "articles", limit=limit)
    return JSONResponse({"count": len(rows), "articles": rows})


class StoredArticle(Article):
    """A stored article's output document, with its near-duplicates."""

    duplicate_of: str | None = Field(None, description="the canonical article this one copies")
    similarity: float | None = Field(None, description="estimated Jaccard similarity to duplicate_of")
    duplicates: list[str] = Field(default_factory=list, description="ids of the stored copies of this article")


@router.get("/articles/{article_id}", response_model=StoredArticle, responses=ERRORS,
            summary="One stored article's document")
def article(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> JSONResponse:
    store = request.app.state.resources.store
    doc = store.article(article_id)
    if doc is None:
        raise WebError(404, "not_found", f"no article with id {article_id!r} in the corpus")
    doc = json.loads(json.dumps(doc, default=str))
    if doc.get("error") is None:
        own = records(store.sql("SELECT canonical_id, similarity FROM articles WHERE article_id = ?", [article_id]))
        copies = records(store.sql("SELECT article_id FROM articles WHERE canonical_id = ? ORDER BY seq", [article_id]))
        doc["duplicate_of"] = own[0]["canonical_id"] if own else None
        doc["similarity"] = own[0]["similarity"] if own else None
        doc["duplicates"] = [row["article_id"] for row in copies]
    return JSONResponse(doc)


def _call(request: Request, method: str, **filters: Any) -> Any:
    """Call one of the store's queries (parameterised SQL); a bad value is a 422 naming it."""
    from ..store import StoreError

    store = request.app.state.resources.store
    try:
        return getattr(store, method)(**filters)
    except FilterError as err:
        raise WebError(422, "invalid_request", str(err)) from None
    except StoreError as err:
        raise WebError(400, "bad_query", str(err)) from None


def _query(request: Request, method: str, **filters: Any) -> list[dict[str, Any]]:
    """A store query's rows as JSON-ready dicts."""
    return records(_call(request, method, **filters))


def records(result: Any) -> list[dict[str, Any]]:
    """A pandas DataFrame (or a list of dicts) as JSON-ready rows: NaN and NaT become null,
    dates and times ISO strings."""
    if isinstance(result, list):
        return json.loads(json.dumps(result, default=str))
    frame = result.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = [v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for v in frame[col]]
    return json.loads(frame.to_json(orient="records", date_format="iso", date_unit="s", force_ascii=False))

