"""The pages in a real browser: the real server (uvicorn on a loopback port) and headless
Chromium (Debian's ``chromium`` at /usr/bin/chromium, driven by Playwright).

``make test`` installs Chromium first (scripts/install-browser.sh); where it is
missing these tests skip with the reason. They save screenshots to docs/img/
(or $EVENTWIRE_SCREENSHOTS) for the README.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from eventwire.store import Store
from eventwire.web import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "web-corpus.jsonl"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
SHOTS = Path(os.environ.get("EVENTWIRE_SCREENSHOTS", ROOT / "docs" / "img"))
ARTICLE = ("Japan imposes sanctions on Russia over port attack\n\n"
           "Japan imposed new sanctions on Russia on Friday after a missile strike on a port city in Ukraine.\n\n"
           "Japanese Foreign Minister Kenji Sato accused Moscow of attacking civilians and said Tokyo would freeze "
           "the assets of 20 Russian officials.\n\n"
           "\u201cThis must stop now,\u201d Sato told reporters in Tokyo.\n\n"
           "Russia's foreign ministry rejected the charge and threatened to expel Japanese diplomats. "
           "The United Nations urged both countries to keep talking.")
HOSTILE = ("Hackers deface ministry website\n\n"
           "Japan accused Russia on Monday of defacing the website of its foreign ministry with code that read "
           "<script>window.__pwned=1</script> and <img src=x onerror=\"window.__pwned2=1\"> in its pages.\n\n"
           "Officials in Tokyo said the attack was stopped within an hour and that no data was taken. "
           "Russia denied any role in the attack.")


def _skip_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (run scripts/install-browser.sh as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="module")
def server(pipeline, tmp_path_factory):
    """The real app under uvicorn on a free loopback port, with a small corpus."""
    import uvicorn

    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    with Store(db) as store:
        store.ingest(pipeline.code_paths([CORPUS]))
        store.ingest([pipeline.code_text(HOSTILE, id="web-hostile", published="2024-03-20")])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db), pipeline=pipeline), log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(server):
    """Headless Chromium; Playwright gives each launch a new, empty profile directory."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records script errors, console errors and every request made."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    pg.errors, pg.console_errors, pg.requests = [], [], []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("request", lambda req: pg.requests.append(req.url))
    yield pg
    foreign = [u for u in pg.requests if not u.startswith(server) and not u.startswith("data:")]
    context.close()
    assert not pg.errors, pg.errors
    assert not foreign, f"requests left the server: {foreign}"


def code_in_page(page, server, text: str, published: str = "2024-03-08"):
    page.goto(server + "/")
    page.fill("#text", text)
    page.fill("#published", published)
    page.click("#code-button")
    page.wait_for_selector("#article-text")


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    return path


def test_removed_lines_are_shown_folded(page, server):
    code_in_page(page, server, "Advertisement\nShare this article: Facebook X Email\n" + ARTICLE)
    details = page.locator("#article-removed")
    assert details.count() == 1 and details.get_attribute("open") is None
    assert "2 lines removed" in details.inner_text()
    details.locator("summary").click()
    assert "site furniture" in details.inner_text()
    assert "Advertisement" not in page.inner_text("#article-text")


def test_paste_an_article_and_see_its_highlights(page, server):
    code_in_page(page, server, ARTICLE)
    text = page.inner_text("#article-text")
    assert "Kenji Sato accused Moscow" in text.replace("\n", " ") or "accused" in text
    assert page.locator("#article-text .ent").count() >= 3
    labels = set(page.locator("#article-text .ent-label").all_inner_texts())
    assert {"JPN", "RUS"} & {lab.strip()[:3] for lab in labels}, labels
    assert page.locator("#article-text mark.trigger").count() >= 1
    assert page.locator("#article-text .quote").count() >= 1
    assert page.locator("#article-text .speaker-label").count() >= 1
    assert page.locator("#article-events tbody tr").count() == page.locator("#article-text mark.trigger").count()
    assert "Coded in" in page.inner_text("#status")
    # cutting the text at every span boundary loses and repeats nothing
    import httpx

    doc = httpx.post(server + "/api/code", json={"text": ARTICLE, "published": "2024-03-08"}, timeout=60).json()
    shown = page.evaluate("""() => {
        const copy = document.getElementById('article-text').cloneNode(true);
        copy.querySelectorAll('.ent-label, .speaker-label').forEach((n) => n.remove());
        return copy.textContent;
    }""")
    assert shown == doc["text"]
    page.locator("#article-text mark.trigger").nth(1).click()
    page.wait_for_selector("#event-detail")
    page.evaluate("() => window.scrollTo(0, document.getElementById('view').offsetTop - 8)")
    shot(page, "article-view.png")
    assert not page.console_errors, page.console_errors


def test_click_an_event_shows_its_details(page, server):
    code_in_page(page, server, ARTICLE)
    trigger = page.locator("#article-text mark.trigger").first
    title = trigger.get_attribute("title")
    assert "CAMEO" in title and "→" in title and "Goldstein" in title  # the hover card
    trigger.click()
    detail = page.locator("#event-detail")
    detail.wait_for()
    body = detail.inner_text()
    for field in ("CAMEO", "source", "target", "status", "Goldstein"):
        assert field in body, body
    assert "selected" in (trigger.get_attribute("class") or "")
    assert page.locator("#article-events tr.selected").count() == 1
    page.locator("#article-events tbody tr").last.click()  # and from the table back to the text
    n = page.locator("#article-events tbody tr").count()
    assert f"Event {n}" in page.inner_text(".detail-card h3")


def test_a_script_in_an_article_does_not_run(page, server):
    code_in_page(page, server, HOSTILE)
    shown = page.inner_text("#article-text")
    assert "<script>window.__pwned=1</script>" in shown
    assert 'onerror="window.__pwned2=1"' in shown
    assert page.locator("#article-text script, #article-text img, #view img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => [window.__pwned, window.__pwned2]") == [None, None]
    # the same article stored in the corpus, through /article/{id}
    page.goto(server + "/article/web-hostile")
    page.wait_for_selector("#article-text")
    assert "<script>window.__pwned=1</script>" in page.inner_text("#article-text")
    assert page.locator("#view script, #view img").count() == 0
    assert page.evaluate("() => [window.__pwned, window.__pwned2]") == [None, None]


def test_upload_an_html_file(page, server):
    page.goto(server + "/")
    html = ("<html><head><title>Sanctions</title></head><body><nav>Home | World</nav><article><h1>Sanctions</h1>"
            + "".join(f"<p>{para}</p>" for para in ARTICLE.split("\n\n")[1:])
            + "<script>window.__pwned=1</script></article></body></html>")
    page.set_input_files("#file", files=[{"name": "story.html", "mimeType": "text/html", "buffer": html.encode()}])
    page.click("#code-button")
    page.wait_for_selector("#article-text")
    assert "accused" in page.inner_text("#article-text")
    assert "__pwned" not in page.inner_text("#article-text")  # the page's scripts are not article text
    assert page.locator("#article-text mark.trigger").count() >= 1
    assert page.evaluate("() => window.__pwned") is None


def test_errors_are_shown(page, server):
    page.goto(server + "/")
    page.fill("#text", "Der Minister sagte am Freitag, dass die Regierung die neuen Regeln nicht akzeptieren werde.")
    page.click("#code-button")
    page.wait_for_selector("#status.error")
    assert "not_english" in page.inner_text("#status")


def test_explore_the_corpus(page, server):
    page.goto(server + "/explore")
    page.wait_for_selector("#network svg .dyad")
    page.wait_for_selector("#events tbody tr")
    all_rows = page.locator("#events tbody tr").count()
    edges = page.locator("#network svg .dyad").count()
    assert edges >= 2 and all_rows >= 3
    assert page.locator("#timeline svg rect.bar").count() >= 2
    # filter by type
    first_type = page.locator("#events tbody tr td:nth-child(2)").first.inner_text().strip()
    page.select_option("#f-type", first_type)
    page.click("#apply")
    page.wait_for_function("t => [...document.querySelectorAll('#events tbody tr td:nth-child(2)')]"
                           ".every(td => td.innerText.trim() === t)", arg=first_type)
    assert "type=" + first_type in page.url
    assert page.locator("#events tbody tr").count() <= all_rows
    page.click("#reset")
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=all_rows)
    page.wait_for_selector("#quotes tbody tr")
    shot(page, "explorer.png")
    # choose a dyad on the network: the timeline and the table follow it
    edge = page.locator("#network svg .dyad").first
    source, target = edge.get_attribute("data-source"), edge.get_attribute("data-target")
    # click on the curve itself (its middle), as a person would
    x, y = page.evaluate("""() => {
        const path = document.querySelector('#network svg .dyad .edge-hit');
        const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM());
        return [p.x, p.y];
    }""")
    page.mouse.click(x, y)
    page.wait_for_function("s => document.getElementById('timeline-title').innerText.includes(s)",
                           arg=f"{source} → {target}")
    page.wait_for_selector("#clear-selection")
    rows = page.locator("#events tbody tr td:nth-child(3)").all_inner_texts()
    assert rows and all(r.startswith(source) for r in rows), (source, rows)
    # quotes by speaker
    page.fill("#q-speaker", "Sato")
    page.click("#quote-form button")
    page.wait_for_function("() => document.querySelectorAll('#quotes tbody tr td').length > 1")
    assert "Sato" in page.inner_text("#quotes")
    # every event links to its article view at the sentence
    link = page.locator("#events a.open-article").first
    href = link.get_attribute("href")
    assert href.startswith("/article/") and "#s" in href
    link.click()
    page.wait_for_selector("#article-text .seg.hl")
    sentence = href.rsplit("#s", 1)[1]
    assert page.locator(f'#article-text .seg.hl[data-s="{sentence}"]').count() >= 1
    assert page.locator(f"#s{sentence}").count() == 1


def test_api_docs_page_lists_the_endpoints(page, server):
    page.goto(server + "/api/docs")
    page.wait_for_selector(".endpoint")
    text = page.inner_text("#endpoints")
    for path in ("/api/code", "/api/events", "/api/dyads", "/api/quotes", "/api/articles/{article_id}"):
        assert path in text
