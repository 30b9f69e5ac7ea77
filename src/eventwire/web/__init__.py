"""eventwire's local web page and HTTP API (``eventwire serve``).

:func:`create_app` builds a FastAPI app that codes pasted or uploaded articles
(``POST /api/code``), shows an article with its actors, events and quotes marked
in the text, and, given a corpus store (``--db``), explores it: events, dyads,
quotes and articles through ``GET /api/...`` and a page with a dyad network, a
timeline, a paged events table and a map. Every asset is served by the app
itself; nothing is fetched from the network.
"""
from __future__ import annotations

from .app import MAX_BODY_BYTES, WebError, create_app

__all__ = ["MAX_BODY_BYTES", "WebError", "create_app"]
