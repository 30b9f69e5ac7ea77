"""eventwire: raw news text to event data.

    >>> import eventwire
    >>> art = eventwire.code("Japan imposed sanctions on Russia on Friday.", published="2022-11-11")
    >>> [(e.type, e.source.code, e.target.code) for e in art.events]   # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings  # noqa: E402
from .model import Actor, ActorRef, Article, Event, Location, Quote  # noqa: E402

__all__ = ["Actor", "ActorRef", "Article", "Event", "Location", "Pipeline", "Quote", "Settings", "code"]

_default = None


def __getattr__(name):
    """``eventwire.Pipeline``, and every module as an attribute after a plain ``import eventwire``
    (``eventwire.store.Store``), imported on first use so that ``import eventwire`` stays light."""
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def code(text: str, **kwargs) -> Article:
    """Code one article (plain text; ``html=True`` for HTML) with the default pipeline."""
    global _default
    if _default is None:
        from .pipeline import Pipeline
        _default = Pipeline()
    return _default.code_text(text, **kwargs)
