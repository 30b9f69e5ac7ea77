"""The HTTP API (eventwire.web) through FastAPI's test client: every endpoint, the limits, the errors.

The corpus is built from tests/data/web-corpus.jsonl: short articles written for
these tests (one is a near-copy of another, to exercise the duplicate links).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.model import PLOVER_TYPES
from eventwire.store import Store
from eventwire.web import create_app

CORPUS = Path(__file__).resolve().parent / "data" / "web-corpus.jsonl"
ARTICLE = ("Japan imposed new sanctions on Russia on Friday after a missile strike on a port city. "
           "Japanese Foreign Minister Kenji Sato accused Moscow of attacking civilians. "
           "\u201cThis must stop now,\u201d Sato told reporters in Tokyo.")
MAX = 10_000
CORPUS_ENDPOINTS = ("/api/events", "/api/dyads", "/api/quotes", "/api/actors", "/api/articles", "/api/articles/x")


def build_store(pipeline, path: Path) -> Path:
    """A small corpus store of the test articles, coded by the real pipeline."""
    with Store(path) as store:
        store.ingest(pipeline.code_paths([CORPUS]))
    return path


@pytest.fixture(scope="module")
def corpus_db(pipeline, tmp_path_factory) -> Path:
    return build_store(pipeline, tmp_path_factory.mktemp("web") / "corpus.duckdb")


@pytest.fixture(scope="module")
def client(pipeline, corpus_db) -> TestClient:
    with TestClient(create_app(str(corpus_db), pipeline=pipeline), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def bare(pipeline) -> TestClient:
    """An app with no corpus."""
    with TestClient(create_app(pipeline=pipeline), raise_server_exceptions=False) as c:
        yield c


def error_of(resp, status: int, kind: str | None = None) -> dict:
    """The JSON error body of ``resp``, checked for status and kind."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    err = resp.json()["error"]
    assert err["status"] == status and err["message"]
    if kind:
        assert err["kind"] == kind, err
    return err


# -- pages and assets ------------------------------------------------------------------------

@pytest.mark.parametrize("path, marker", [("/", "code-form"), ("/explore", "network"),
                                          ("/article/web-ru-expels", "article-page.js"), ("/api/docs", "api-docs.js")])
def test_pages_are_served_with_their_scripts(client, path, marker):
    resp = client.get(path)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/html")
    assert marker in resp.text
    assert "http://" not in resp.text and "https://" not in resp.text  # no CDN, nothing fetched from elsewhere


def test_static_assets_and_headers(client):
    names = sorted(client.app.state.assets)
    assert {"app.css", "common.js", "article.js", "charts.js", "explore.js", "index.html"} <= set(names)
    for name in names:
        resp = client.get(f"/static/{name}")
        assert resp.status_code == 200
        if name.endswith(".css"):
            assert resp.headers["content-type"].startswith("text/css")
        if not name.endswith(".js"):
            continue
        assert resp.headers["content-type"].startswith("text/javascript")
        # article text is only ever inserted as text nodes: no HTML-parsing sinks in the scripts
        assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|eval\(", resp.text)
    resp = client.get("/favicon.ico")
    assert resp.status_code == 200 and resp.headers["content-type"] == "image/svg+xml"
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert resp.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/static/nope.js", "/static/..%2Fapp.py", "/static/%2e%2e%2f__init__.py",
                                  "/static/../web/app.py", "/static/%2Fetc%2Fpasswd", "/static/api.py"])
def test_no_request_path_reaches_the_file_system(client, path):
    resp = client.get(path)
    assert resp.status_code == 404
    assert "import" not in resp.text and "root:" not in resp.text


def test_unknown_route_and_method_are_json_errors(client):
    error_of(client.get("/api/nothing-here"), 404, "not_found")
    error_of(client.delete("/api/code"), 405, "method_not_allowed")
    error_of(client.get("/api/code"), 405, "method_not_allowed")


def test_health(client, bare):
    assert client.get("/api/health").json() == {"status": "ok", "version": client.get("/api/health").json()["version"],
                                                "corpus": True, "types": list(PLOVER_TYPES)}
    assert bare.get("/api/health").json()["corpus"] is False


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/code", "/api/code/file", "/api/events", "/api/dyads", "/api/quotes", "/api/actors", "/api/articles",
            "/api/articles/{article_id}", "/api/health"} <= set(spec["paths"])
    assert "/static/{name}" not in spec["paths"]  # pages are not part of the API
    code = spec["paths"]["/api/code"]["post"]
    assert {"200", "413", "422"} <= set(code["responses"])


# -- POST /api/code --------------------------------------------------------------------------

def test_code_answers_the_output_document(client):
    resp = client.post("/api/code", json={"text": ARTICLE, "published": "2024-03-08", "id": "a1", "title": "Sanctions"})
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    assert {"id", "title", "published", "text", "events", "quotes", "actors"} <= set(doc)
    assert (doc["id"], doc["title"], doc["published"]) == ("a1", "Sanctions", "2024-03-08")
    assert doc["events"], "the pipeline found no event in a sanctions sentence"
    for ev in doc["events"]:  # the offsets the article view draws from
        assert doc["text"][ev["trigger_start"]:ev["trigger_end"]] == ev["trigger"]
    for actor in doc["actors"]:
        for span in actor["spans"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]


def test_code_html_extracts_the_article_and_drops_scripts(client):
    page = ("<html><head><title>Talks resume</title><script>window.bad=1</script></head><body><article>"
            "<h1>Talks resume</h1><p>Japan and South Korea agreed on Tuesday to resume regular talks between "
            "their foreign ministers, officials in Seoul said.</p></article></body></html>")
    doc = client.post("/api/code", json={"text": page, "html": True}).json()
    assert "agreed" in doc["text"] and "window.bad" not in doc["text"]


def test_code_keeps_markup_in_plain_text_as_text(client):
    text = ARTICLE + " Activists posted <script>alert(1)</script> on the ministry's site."
    doc = client.post("/api/code", json={"text": text}).json()
    assert "<script>alert(1)</script>" in doc["text"]  # escaping is the page's job; the data is kept as written


@pytest.mark.parametrize("body, status, kind", [
    ({"text": "   \n  "}, 422, "empty"),
    ({"text": "Japan \x00\x01\x02\x00 sanctions \x00\x03\x04"}, 422, "binary"),
    ({"text": "Der Minister sagte am Freitag, dass die Regierung die neuen Regeln nicht akzeptieren werde."},
     422, "not_english"),
    ({"text": ""}, 422, "invalid_request"),
    ({}, 422, "invalid_request"),
    ({"text": 42}, 422, "invalid_request"),
    ({"text": ARTICLE, "unknown": 1}, 422, "invalid_request"),
    ({"text": ARTICLE, "published": "last Friday"}, 422, "invalid_request"),
    ({"text": ARTICLE, "id": "x" * 1001}, 422, "invalid_request"),
])
def test_code_errors(client, body, status, kind):
    error_of(client.post("/api/code", json=body), status, kind)


def test_code_rejects_bad_json_and_wrong_media(client):
    error_of(client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"}),
             400, "bad_request")  # as docs/web.md says: a body that cannot be read
    error_of(client.post("/api/code", content=b"text=hello", headers={"content-type": "text/plain"}),
             422, "invalid_request")


def test_unreadable_bodies_are_json_errors(client):
    error_of(client.post("/api/code", content=b"\xff\x59\x4e\xaa", headers={"content-type": "application/json"}),
             400, "bad_request")  # not UTF-8
    error_of(client.post("/api/code/file", content=b"--zz\r\nbroken",
                         headers={"content-type": "multipart/form-data; boundary=zz"}), 422, "invalid_request")
    error_of(client.post("/api/code", content=b"{}", headers={"content-type": "application/json",
                                                              "content-length": "ten"}), 400, "bad_request")


def test_body_limit_by_content_length(client):
    err = error_of(client.post("/api/code", content=b"x" * 2_100_000, headers={"content-type": "application/json"}),
                   413, "too_large")
    assert "2,000,000" in err["message"]


def test_body_limit_while_streaming(client):
    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(25):
            yield b"x" * 100_000
    error_of(client.post("/api/code", content=chunks(), headers={"content-type": "application/json"}), 413, "too_large")


def test_body_limit_is_configurable(pipeline):
    with TestClient(create_app(pipeline=pipeline, max_body=1000), raise_server_exceptions=False) as small:
        error_of(small.post("/api/code", json={"text": "Japan " * 300}), 413, "too_large")
        assert small.post("/api/code", json={"text": ARTICLE}).status_code == 200


def test_article_over_the_length_limit_is_413(pipeline):
    short = pipeline.settings.replace(max_chars=100)
    from eventwire.pipeline import Pipeline

    # the same loaded stages, with a lower limit where the nlp stage reads it
    limited = Pipeline(short)
    with TestClient(create_app(settings=short, pipeline=limited), raise_server_exceptions=False) as c:
        err = error_of(c.post("/api/code", json={"text": ARTICLE * 3}), 413)
        assert err["kind"] in ("too_long", "too_large")


# -- POST /api/code/file ---------------------------------------------------------------------

def test_code_file_text_and_html(client):
    doc = client.post("/api/code/file", files={"file": ("story.txt", ARTICLE.encode(), "text/plain")},
                      data={"published": "2024-03-08"}).json()
    assert doc["text"].startswith("Japan imposed") and doc["published"] == "2024-03-08"
    page = b"<html><body><article><p>" + ARTICLE.encode() + b"</p><script>x()</script></article></body></html>"
    doc = client.post("/api/code/file", files={"file": ("story.html", page, "text/html")}).json()
    assert "Japan imposed" in doc["text"] and "x()" not in doc["text"]


def test_code_file_name_is_never_a_path(client):
    resp = client.post("/api/code/file", files={"file": ("../../../../etc/passwd", ARTICLE.encode(), "text/plain")})
    doc = resp.json()
    assert resp.status_code == 200 and "root:" not in doc["text"] and doc["source"] == "upload"


def test_code_file_errors(client):
    error_of(client.post("/api/code/file", files={"file": ("x.bin", b"\x00\x01\x02" * 100, "application/octet-stream")}),
             422, "binary")
    error_of(client.post("/api/code/file", files={"file": ("x.txt", b"", "text/plain")}), 422, "empty")
    error_of(client.post("/api/code/file", data={"published": "2024-01-01"}), 422, "invalid_request")
    error_of(client.post("/api/code/file", files={"file": ("big.txt", b"a " * 1_100_000, "text/plain")}), 413, "too_large")


# -- the corpus: GET /api/events, /dyads, /quotes, /actors, /articles --------------------------

def test_events_filters(client):
    events = client.get("/api/events").json()["events"]
    assert events and all({"event_id", "article_id", "sentence_index", "type", "date"} <= set(e) for e in events)
    first = next(e for e in events if e["source_code"])
    for params, check in [
        ({"type": first["type"]}, lambda e: e["type"] == first["type"]),
        ({"source": first["source_code"][:3]}, lambda e: (e["source_code"] or "").startswith(first["source_code"][:3])),
        ({"quad_class": first["quad_class"]}, lambda e: e["quad_class"] == first["quad_class"]),
        ({"since": "2024-03-11", "until": "2024-03-24"}, lambda e: "2024-03-11" <= e["date"] <= "2024-03-24"),
        ({"article_id": first["article_id"]}, lambda e: e["article_id"] == first["article_id"]),
    ]:
        rows = client.get("/api/events", params=params).json()["events"]
        assert rows, params
        assert all(check(e) for e in rows), params
        assert len(rows) <= len(events)
    assert client.get("/api/events", params={"limit": 2}).json()["count"] == 2
    assert client.get("/api/events", params={"since": "2030-01-01"}).json() == {"count": 0, "total": 0, "events": []}


def test_events_filters_are_parameters_not_sql(client):
    for value in ["RUS' OR 1=1 --", "'; DROP TABLE events; --", "%", "RUS\" OR \"1\"=\"1"]:
        resp = client.get("/api/events", params={"source": value})  # not an actor code: refused, never run
        assert "source" in error_of(resp, 422, "invalid_request")["message"], value
        resp = client.get("/api/events", params={"article_id": value})
        assert resp.status_code == 200 and resp.json()["count"] == 0, value
    assert client.get("/api/events").json()["count"] > 0  # still there


@pytest.mark.parametrize("params", [{"quad_class": 0}, {"quad_class": 5}, {"type": "PARTY"}, {"since": "yesterday"},
                                    {"until": "2024-13-40"}, {"until": "0"}, {"since": "1700000000"}, {"limit": 0}, {"limit": 10_001}, {"source": "X" * 65}])
def test_events_bad_filters_are_422(client, params):
    error_of(client.get("/api/events", params=params), 422, "invalid_request")


def test_dyads(client):
    data = client.get("/api/dyads").json()
    assert data["period"] == "week" and data["dyads"]
    for row in data["dyads"]:
        assert {"source", "target", "period", "events", "mean_goldstein"} <= set(row)
        assert row["events"] >= 1 and len(row["period"]) == 10
    one = data["dyads"][0]
    rows = client.get("/api/dyads", params={"source": one["source"], "target": one["target"]}).json()["dyads"]
    assert rows and all(r["source"] == one["source"] and r["target"] == one["target"] for r in rows)
    months = client.get("/api/dyads", params={"period": "month"}).json()["dyads"]
    assert months and all(r["period"].endswith("-01") for r in months)
    error_of(client.get("/api/dyads", params={"period": "hour"}), 422, "invalid_request")
    codes = client.get("/api/dyads", params={"level": "code"}).json()["dyads"]
    assert sum(r["events"] for r in codes) == sum(r["events"] for r in data["dyads"])
    error_of(client.get("/api/dyads", params={"level": "sector"}), 422, "invalid_request")


def test_quotes_by_speaker(client):
    quotes = client.get("/api/quotes").json()["quotes"]
    assert quotes
    named = next(q for q in quotes if q["speaker_name"])
    part = named["speaker_name"].split()[-1].lower()
    rows = client.get("/api/quotes", params={"speaker": part}).json()["quotes"]
    assert rows and all(part in ((q["speaker_name"] or "") + (q["speaker_text"] or "")).lower() for q in rows)
    assert client.get("/api/quotes", params={"speaker": "nobody-of-that-name"}).json()["count"] == 0


def test_actors_and_articles(client):
    actors = client.get("/api/actors").json()["actors"]
    assert actors and all({"name", "code", "type"} <= set(a) for a in actors)
    jpn = client.get("/api/actors", params={"code": "JPN"}).json()["actors"]
    assert jpn and all((a["code"] or "").startswith("JPN") for a in jpn)
    listed = client.get("/api/articles").json()["articles"]
    ids = [a["article_id"] for a in listed]
    assert len(ids) == sum(1 for line in CORPUS.read_text().splitlines() if line.strip())
    assert client.get("/api/articles", params={"limit": 2}).json()["count"] == 2


def test_article_document_and_duplicates(client, corpus_db):
    doc = client.get("/api/articles/web-ru-expels").json()
    with Store(corpus_db, read_only=True) as store:
        stored = store.article("web-ru-expels")
    assert {k: doc[k] for k in stored} == json.loads(json.dumps(stored))
    assert doc["duplicate_of"] is None and doc["duplicates"] == []
    canonical = client.get("/api/articles/web-jp-sanctions").json()
    assert canonical["duplicates"] == ["web-jp-sanctions-copy"]
    copy = client.get("/api/articles/web-jp-sanctions-copy").json()
    assert copy["duplicate_of"] == "web-jp-sanctions" and copy["similarity"] > 0.5


def test_unknown_article_is_404(client):
    error_of(client.get("/api/articles/no-such-article"), 404, "not_found")
    error_of(client.get("/api/articles/" + "x" * 1001), 422, "invalid_request")
    error_of(client.get("/api/articles/..%2F..%2Fetc%2Fpasswd"), 404)


@pytest.mark.parametrize("path", CORPUS_ENDPOINTS)
def test_corpus_endpoints_without_a_corpus(bare, path):
    error_of(bare.get(path), 404, "no_corpus")


def test_internal_errors_are_json_500(pipeline, corpus_db, monkeypatch):
    app = create_app(str(corpus_db), pipeline=pipeline)
    with TestClient(app, raise_server_exceptions=False) as c:
        monkeypatch.setattr(Store, "events", lambda self, **kw: 1 / 0)
        err = error_of(c.get("/api/events"), 500, "internal")
        assert "ZeroDivisionError" in err["message"] and "Traceback" not in err["message"]


def test_a_store_that_cannot_be_opened_is_503(pipeline, tmp_path):
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_bytes(b"this is not a DuckDB file" * 100)
    with TestClient(create_app(str(bad), pipeline=pipeline), raise_server_exceptions=False) as c:
        err = error_of(c.get("/api/events"), 503, "corpus_unavailable")
        assert "cannot be opened" in err["message"]
        assert c.post("/api/code", json={"text": ARTICLE}).status_code == 200  # coding still works


# -- eventwire serve ---------------------------------------------------------------------------

def test_serve_binds_loopback_by_default(monkeypatch, corpus_db, capsys):
    import uvicorn

    from eventwire.cli import main

    calls = []

    def run(server, sockets=None):
        calls.append((server.config.app, [s.getsockname() for s in sockets]))
        for s in sockets:
            s.close()
    monkeypatch.setattr(uvicorn.Server, "run", run)
    assert main(["serve", "--db", str(corpus_db), "--port", "0"]) == 0
    app, bound = calls[-1]
    assert bound[0][0] == "127.0.0.1"
    assert app.state.resources.db == str(corpus_db)
    err = capsys.readouterr().err
    assert "warning" not in err and f"serving on http://127.0.0.1:{bound[0][1]}/" in err
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 0
    assert calls[-1][1][0][0] == "0.0.0.0"
    assert "warning: binding to 0.0.0.0" in capsys.readouterr().err


def test_serve_on_a_busy_port_says_so_and_exits_2(monkeypatch, capsys):
    import socket

    import uvicorn

    from eventwire.cli import main

    monkeypatch.setattr(uvicorn.Server, "run", lambda server, sockets=None: pytest.fail("served on a busy port"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        assert main(["serve", "--port", str(busy.getsockname()[1])]) == 2
    err = capsys.readouterr().err
    assert "cannot serve on 127.0.0.1" in err and "serving on" not in err


@pytest.mark.parametrize("argv", [["serve", "--max-body", "-5"], ["serve", "--max-body", "0"],
                                  ["serve", "--port", "70000"], ["serve", "--queue", "0"]])
def test_serve_rejects_bad_numbers(argv, capsys):
    from eventwire.cli import main

    assert main(argv) == 2
    assert "error: argument" in capsys.readouterr().err


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    from eventwire.cli import main

    assert main(["serve", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "no corpus store" in capsys.readouterr().err


# -- the analyst's filters, paging, CSV, series, places (one contract with the store and the CLI) ------------

def test_events_common_filters(client):
    everything = client.get("/api/events", params={"limit": MAX}).json()["events"]
    for params, check in [
        ({"actor": "JPN"}, lambda e: "JPN" in ((e["source_code"] or "")[:3], (e["target_code"] or "")[:3])),
        ({"source": "RUS,CHN"}, lambda e: (e["source_code"] or "")[:3] in ("RUS", "CHN")),
        ({"sector": "GOV"}, lambda e: "GOV" in ((e["source_code"] or "")[3:6], (e["target_code"] or "")[3:6])),
        ({"type": "ACCUSE,AGREE"}, lambda e: e["type"] in ("ACCUSE", "AGREE")),
        ({"cameo": "11"}, lambda e: e["cameo"].startswith("11")),
        ({"quad": "3,4"}, lambda e: e["quad_class"] in (3, 4)),
        ({"goldstein_min": 1, "goldstein_max": 4}, lambda e: 1 <= e["goldstein"] <= 4),
        ({"status": "future,claimed"}, lambda e: e["status"] in ("future", "claimed")),
        ({"confidence_min": 0.85}, lambda e: e["confidence"] >= 0.85),
        ({"place": "KEN"}, lambda e: e["location_country"] == "KEN"),
    ]:
        data = client.get("/api/events", params=params | {"limit": MAX}).json()
        expected = [e for e in everything if check(e)]
        assert data["events"], params
        assert [e["event_id"] for e in data["events"]] == [e["event_id"] for e in expected], params
        assert data["total"] == len(expected)


@pytest.mark.parametrize("params, name", [
    ({"type": "BANANA"}, "type"), ({"quad": "5"}, "quad"), ({"status": "rumoured"}, "status"),
    ({"cameo": "1a"}, "cameo"), ({"sector": "GOVERNMENT"}, "sector"), ({"place": "Kenya"}, "place"),
    ({"goldstein_min": 5, "goldstein_max": -5}, "goldstein_min"), ({"since": "2024-03-20", "until": "2024-03-01"}, "since"),
    ({"sort": "sentence; DROP TABLE events"}, "sort"), ({"order": "sideways"}, "order"), ({"offset": -1}, "offset"),
    ({"goldstein_min": 11}, "goldstein_min"), ({"confidence_min": 2}, "confidence_min"),
])
def test_bad_filters_name_themselves(client, params, name):
    err = error_of(client.get("/api/events", params=params), 422, "invalid_request")
    assert name in err["message"]
    for path in ("/api/series", "/api/dyads", "/api/places", "/api/quotes", "/api/events.csv"):
        if name not in ("sort", "order", "offset") or path == "/api/events.csv" and name != "offset":
            error_of(client.get(path, params=params), 422, "invalid_request")


def test_events_total_paging_and_sort(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["count"] == 3 and first["total"] > 3
    page2 = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    whole = client.get("/api/events", params={"limit": MAX}).json()["events"]
    assert [e["event_id"] for e in first["events"] + page2["events"]] == [e["event_id"] for e in whole[:6]]
    by_gold = client.get("/api/events", params={"sort": "goldstein", "order": "desc", "limit": MAX}).json()["events"]
    values = [e["goldstein"] for e in by_gold if e["goldstein"] is not None]
    assert values == sorted(values, reverse=True) and len(by_gold) == len(whole)


def test_events_csv_download(client):
    resp = client.get("/api/events.csv", params={"type": "ACCUSE"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    import csv, io

    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert rows and {r["type"] for r in rows} == {"ACCUSE"}
    assert len(rows) == client.get("/api/events", params={"type": "ACCUSE"}).json()["total"]
    assert {"date", "date_precision", "date_text", "source_code", "sentence"} <= set(rows[0])


def test_event_dates_are_days_with_their_precision(client):
    events = client.get("/api/events", params={"limit": MAX}).json()["events"]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]) for e in events)
    assert {e["date_precision"] for e in events} <= {"day", "week", "month", "year"}
    vague = [e for e in events if e["date_precision"] != "day"]
    assert vague and all(e["date_text"] and e["date"].endswith("-01") for e in vague if e["date_precision"] == "month")


def test_series(client):
    data = client.get("/api/series").json()
    assert data["by"] == "day"  # the test corpus spans a month
    rows = data["rows"]
    total = client.get("/api/events").json()["total"]
    assert sum(r["events"] for r in rows) == total  # every event counts, with or without a target
    for r in rows:
        assert r["quad1"] + r["quad2"] + r["quad3"] + r["quad4"] <= r["events"]
        assert (r["articles"] > 0) == (r["events"] > 0) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["period"])
    days = [r["period"] for r in rows]
    assert days == sorted(days) and len(days) == len(set(days))
    weekly = client.get("/api/series", params={"by": "week"}).json()
    assert weekly["by"] == "week" and sum(r["events"] for r in weekly["rows"]) == total
    conflict = client.get("/api/series", params={"by": "month", "quad": "3,4"}).json()["rows"]
    assert all(r["quad1"] == r["quad2"] == 0 for r in conflict) and all(r["period"].endswith("-01") for r in conflict)
    error_of(client.get("/api/series", params={"by": "fortnight"}), 422, "invalid_request")


def test_dyads_count_distinct_events_and_keep_untargeted_ones(client):
    rows = client.get("/api/dyads", params={"period": "year"}).json()["dyads"]
    assert any(r["target"] is None for r in rows)
    assert sum(r["events"] for r in rows) == client.get("/api/events").json()["total"]
    assert all(r["articles"] >= 1 for r in rows)  # a copy of a story adds articles, never events
    one = client.get("/api/events", params={"limit": MAX}).json()["events"]
    assert sum(r["articles"] for r in rows) <= sum(e["num_articles"] for e in one)


def test_places(client):
    places = client.get("/api/places").json()["places"]
    assert places and all({"country", "name", "lat", "lon", "events"} <= set(p) for p in places)
    kenya = next(p for p in places if p["country"] == "KEN")
    assert kenya["name"] == "Kenya" and kenya["lat"] == pytest.approx(-1.28, abs=0.1)
    assert sum(p["events"] for p in places) == client.get("/api/events", params={"limit": MAX}).json()["total"] - sum(
        1 for e in client.get("/api/events", params={"limit": MAX}).json()["events"] if not e["location_country"])
    assert client.get("/api/places", params={"place": "DEU"}).json()["places"][0]["country"] == "DEU"


def test_quotes_follow_the_filters(client):
    everything = client.get("/api/quotes").json()["quotes"]
    jpn = client.get("/api/quotes", params={"source": "JPN"}).json()["quotes"]
    assert jpn and all(q["speaker_code"].startswith("JPN") for q in jpn) and len(jpn) < len(everything)
    march = client.get("/api/quotes", params={"until": "2024-03-13"}).json()["quotes"]
    assert march and all(q["date"] <= "2024-03-13" for q in march)
    sanctions = client.get("/api/quotes", params={"type": "SANCTION"}).json()["quotes"]
    with_sanctions = {e["article_id"] for e in client.get("/api/events", params={"type": "SANCTION"}).json()["events"]}
    assert sanctions and {q["article_id"] for q in sanctions} <= with_sanctions
