"""The pages and their assets, all served from memory (see :func:`~eventwire.web.app.load_assets`).

``/``                the Try-it page: paste or upload an article, see it coded.
``/article/{id}``    one article of the corpus, marked up (the page fetches ``/api/articles/{id}``).
``/explore``         the corpus explorer: filters, dyad network, timeline, events, map, quotes.
``/api/docs``        the HTTP API, read from ``/api/openapi.json`` (served here, not from a CDN).
``/static/{name}``   the pages' CSS and JavaScript.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from ..config import DEFAULT
from .app import WebError

router = APIRouter(include_in_schema=False)


def asset(request: Request, name: str) -> Response:
    """One asset by name: a key of the in-memory table, never a path on disk."""
    found = request.app.state.assets.get(name)
    if found is None:
        raise WebError(404, "not_found", f"no asset named {name!r}")
    body, media_type = found
    return Response(body, media_type=media_type, headers={"cache-control": "no-cache"})


@router.get("/")
def index(request: Request) -> Response:
    return asset(request, "index.html")


@router.get("/explore")
def explore(request: Request) -> Response:
    return asset(request, "explore.html")


@router.get("/article/{article_id:path}")
def article_page(request: Request, article_id: Annotated[str, Path(max_length=DEFAULT.max_id_chars)]) -> Response:
    return asset(request, "article.html")


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    return asset(request, "api.html")


@router.get("/static/{name}")
def static(request: Request, name: Annotated[str, Path(max_length=100)]) -> Response:
    return asset(request, name)


@router.get("/favicon.ico")
def favicon(request: Request) -> Response:
    return asset(request, "favicon.svg")
