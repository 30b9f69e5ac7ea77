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

pytestmark = [pytest.mark.browser, pytest.mark.slow]

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

#: Invented articles dated across four years, for the timeline's period, a self-loop (police
#: and protesters of one country), places on the map and indirect quotes.
MULTI_YEAR = [
    ("my-pak-2021", "2021-06-14", "Police detain marchers in Lahore",
     "Pakistani police arrested 60 protesters in Lahore on Monday after a march against fuel prices.\n\n"
     "Pakistani police also detained two opposition organisers in Lahore, a party spokesman said."),
    ("my-usa-chn-2021", "2021-11-02", "US and China hold talks",
     "The United States and China held talks in Geneva on Tuesday about climate targets.\n\n"
     "Bennett said the United States would urge China to cut coal use, according to officials."),
    ("my-usa-chn-2022", "2022-02-08", "Washington criticises Beijing",
     "The United States accused China on Tuesday of cyber attacks on American power companies.\n\n"
     "\u201cWe will respond at a time of our choosing,\u201d said Secretary of State Laura Bennett in Washington."),
    ("my-pak-2022", "2022-09-05", "Pakistan police arrest students",
     "Pakistani police arrested 30 students in Karachi on Monday during a protest over exam fees.\n\n"
     "The interior minister of Pakistan accused the opposition of paying the marchers."),
    ("my-usa-chn-2023", "2023-05-16", "US imposes sanctions on Chinese firms",
     "The United States imposed sanctions on China on Tuesday over exports of drone parts.\n\n"
     "China condemned the sanctions and threatened to retaliate against American companies."),
    ("my-pak-2023", "2023-10-10", "Police break up rally in Islamabad",
     "Pakistani police arrested 45 protesters in Islamabad on Tuesday and fired tear gas at a rally.\n\n"
     "Pakistani police later detained a student leader in Islamabad."),
]


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
        store.ingest([pipeline.code_text(text, id=aid, published=published, title=title)
                      for aid, published, title, text in MULTI_YEAR])
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
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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


def shot(page, name: str, full_page: bool = False) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=full_page)
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
    import httpx

    doc = httpx.post(server + "/api/code", json={"text": ARTICLE, "published": "2024-03-08"}, timeout=60).json()
    # a row per event, a mark per trigger word ("urged both countries": two events, one mark)
    assert page.locator("#article-events tbody tr").count() == len(doc["events"])
    triggers = {(e["trigger_start"], e["trigger_end"]) for e in doc["events"]}
    assert page.locator("#article-text mark.trigger").count() == len(triggers) < len(doc["events"])
    urged = page.locator("#article-text mark.trigger", has_text="urged").get_attribute("title")
    assert urged.count("REQUEST") == 2 and "JPN" in urged and "RUS" in urged  # both events on its hover card
    assert "Coded in" in page.inner_text("#status")
    # cutting the text at every span boundary loses and repeats nothing
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


def open_explorer(page, server, query: str = "", width: int = 1280):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "/explore" + query)
    page.wait_for_selector("body[data-busy='0']")
    page.wait_for_selector("#events tbody tr")


def wait_ready(page):
    """The explorer sets body[data-busy] to 1 while it loads and to 0 when all panels are drawn."""
    page.wait_for_function("() => document.body.dataset.busy === '0'")


def event_cells(page, column: int) -> list[str]:
    return [t.strip() for t in page.locator(f"#events tbody tr td:nth-child({column})").all_inner_texts()]


def apply_filters(page, **values):
    for name, value in values.items():
        page.fill(f"#filters [name={name}]", value)
    page.evaluate("() => { document.body.dataset.busy = '1'; }")
    page.click("#apply")
    wait_ready(page)


def test_explore_the_corpus(page, server):
    open_explorer(page, server)
    all_total = int(page.get_attribute("#events", "data-total"))
    edges = page.locator("#network svg .dyad").count()
    assert edges >= 2 and all_total >= 30
    assert page.locator("#timeline svg .bar").count() >= 2
    # filter by type: every row follows, and the filter is in the address
    first_type = event_cells(page, 2)[0]
    apply_filters(page, type=first_type)
    assert set(event_cells(page, 2)) == {first_type}
    assert "type=" + first_type in page.url
    assert int(page.get_attribute("#events", "data-total")) < all_total
    page.evaluate("() => { document.body.dataset.busy = '1'; }")
    page.click("#reset")
    wait_ready(page)
    assert int(page.get_attribute("#events", "data-total")) == all_total
    # the address restores the view
    page.goto(server + "/explore?source=JPN&type=SANCTION")
    wait_ready(page)
    assert page.input_value("#f-source") == "JPN" and page.input_value("#f-type") == "SANCTION"
    assert all(c.startswith("JPN") for c in event_cells(page, 3))
    # a filter the API refuses is shown with the API's reason
    page.goto(server + "/explore?type=BANANA")
    page.wait_for_selector("#status.error")
    assert "invalid_request" in page.inner_text("#status") and "type" in page.inner_text("#status")
    page.goto(server + "/explore?source=JPN&type=SANCTION")
    wait_ready(page)
    # every event links to its article view at the sentence
    link = page.locator("#events a.open-article").first
    href = link.get_attribute("href")
    assert href.startswith("/article/") and "#s" in href
    link.click()
    page.wait_for_selector("#article-text .seg.hl")
    sentence = href.rsplit("#s", 1)[1]
    assert page.locator(f'#article-text .seg.hl[data-s="{sentence}"]').count() >= 1
    assert page.locator(f"#s{sentence}").count() == 1


def test_timeline_period_follows_the_span(page, server):
    """Four years of articles: monthly bars labelled with the year; one season: weekly bars.
    The bars count every event, with or without a coded target, as the table does."""
    import re

    open_explorer(page, server)
    chart = page.locator("#timeline svg")
    assert chart.get_attribute("data-by") == "month"
    assert "Monthly" in page.inner_text("#timeline-heading")
    labels = page.locator("#timeline svg text.tick").all_text_contents()
    assert len(labels) >= 3 and all(re.search(r"\b20\d\d\b", t) for t in labels), labels
    assert {t[-4:] for t in labels} >= {"2021", "2024"}, labels
    # every label is inside the chart (the last one is not cut off)
    box = chart.bounding_box()
    for i in range(len(labels)):
        lb = page.locator("#timeline svg text.tick").nth(i).bounding_box()
        assert box["x"] - 0.5 <= lb["x"] and lb["x"] + lb["width"] <= box["x"] + box["width"] + 0.5, (labels[i], lb, box)
    bars = page.locator("#timeline svg .bar")
    counted = sum(int(bars.nth(i).get_attribute("data-events")) for i in range(bars.count()))
    assert counted == int(page.get_attribute("#events", "data-total"))
    assert bars.count() <= 60  # one bar a month, not ~200 one-pixel weeks
    apply_filters(page, since="2023-06-01", until="2024-04-30")
    assert chart.get_attribute("data-by") == "week"
    assert "Weekly" in page.inner_text("#timeline-heading")
    # a bar picks its period, by mouse or keyboard, and the table follows
    bar = page.locator("#timeline svg .bar").first
    period = bar.get_attribute("data-period")
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("p => location.search.includes('period=' + p)", arg=period)
    wait_ready(page)
    dates = [d for d in page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.date)") if d]
    assert dates and all(period <= d < "9999" for d in dates)
    assert page.locator("#clear-period").count() == 1


def _edge_point(page, selector: str, fraction: float):
    """The page coordinates of a point ``fraction`` along an edge, and whether another edge passes
    within 4 px of it (where a click is fairly the other edge's too)."""
    return page.evaluate("""([sel, f]) => {
        const path = document.querySelector(sel + ' .edge');
        const m = path.getScreenCTM();
        const p = path.getPointAtLength(path.getTotalLength() * f).matrixTransform(m);
        let crowded = false;
        for (const other of document.querySelectorAll('#network .dyad .edge')) {
            if (other === path) continue;
            const n = other.getTotalLength(), om = other.getScreenCTM();
            for (let i = 0; i <= 200; i++) {
                const q = other.getPointAtLength(n * i / 200).matrixTransform(om);
                if (Math.hypot(q.x - p.x, q.y - p.y) < 4) crowded = true;
            }
        }
        return [p.x, p.y, crowded];
    }""", [selector, fraction])


def test_click_an_edge_anywhere_along_it(page, server):
    open_explorer(page, server)
    sel = '#network .dyad[data-source="USA"][data-target="CHN"]'
    assert page.locator(sel).count() == 1
    clicked = 0
    for fraction in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):  # points near another edge are skipped
        x, y, crowded = _edge_point(page, sel, fraction)
        if crowded:
            continue
        page.evaluate("() => { document.body.dataset.busy = '1'; }")
        page.mouse.click(x, y)
        wait_ready(page)
        assert "dyad=USA%2CCHN" in page.url or "dyad=USA,CHN" in page.url, (fraction, page.url)
        assert page.get_attribute(sel, "aria-pressed") == "true"
        assert all(c.startswith("USA") for c in event_cells(page, 3))
        assert all(c.startswith("CHN") for c in event_cells(page, 4))
        clicked += 1
        page.click("#clear-dyad")
        wait_ready(page)
        assert "dyad=" not in page.url
    assert clicked >= 3
    # the picked dyad is in the address: a reload keeps it
    page.goto(server + "/explore?dyad=USA,CHN")
    wait_ready(page)
    assert page.get_attribute(sel, "aria-pressed") == "true"
    assert "USA → CHN" in page.inner_text("#timeline-title")


def test_a_self_loop_is_visible_and_clickable(page, server):
    open_explorer(page, server)
    loop = page.locator('#network .dyad.loop[data-source="PAK"][data-target="PAK"]')
    assert loop.count() == 1
    box = loop.locator(".edge").bounding_box()
    assert box["width"] >= 30 and box["height"] >= 30, box  # a loop you can see, not a dot
    x, y, _ = _edge_point(page, '#network .dyad.loop[data-source="PAK"]', 0.5)
    page.evaluate("() => { document.body.dataset.busy = '1'; }")
    page.mouse.click(x, y)
    wait_ready(page)
    assert loop.get_attribute("aria-pressed") == "true"
    assert event_cells(page, 3) and all(c.startswith("PAK") for c in event_cells(page, 3) + event_cells(page, 4))
    # a node's click filters to that actor
    node = page.locator('#network .node[data-code="CHN"] circle')
    page.evaluate("() => { document.body.dataset.busy = '1'; }")
    node.click()
    wait_ready(page)
    assert page.input_value("#f-actor") == "CHN" and "actor=CHN" in page.url
    rows = page.locator("#events tbody tr").evaluate_all(
        "rs => rs.map(r => [r.cells[2].innerText, r.cells[3].innerText])")
    assert rows and all(s.startswith("CHN") or t.startswith("CHN") for s, t in rows), rows


def test_quotes_follow_the_filters(page, server):
    open_explorer(page, server)
    page.wait_for_selector("#quotes tbody tr td:nth-child(2)")
    every = page.locator("#quotes tbody tr").count()
    apply_filters(page, since="2022-01-01", until="2022-12-31")
    dates = [t.strip() for t in page.locator("#quotes tbody tr td:nth-child(1)").all_inner_texts()]
    assert dates and len(dates) < every
    assert all(d.startswith("2022") for d in dates), dates
    apply_filters(page, since="", until="", source="JPN")
    speakers = [t.strip() for t in page.locator("#quotes tbody tr td:nth-child(2)").all_inner_texts()]
    assert speakers and len(speakers) < every
    # indirect quotes are reported speech: no quotation marks around them
    open_explorer(page, server)
    kinds = page.locator("#quotes tbody tr").evaluate_all("rs => rs.map(r => [r.cells[3].innerText, r.cells[2].innerText])")
    assert any(k == "indirect" for k, _ in kinds) and any(k == "direct" for k, _ in kinds)
    for kind, text in kinds:
        assert text.startswith("\u201c") == (kind == "direct"), (kind, text)


def test_events_table_pages_sorts_and_downloads(page, server):
    import csv
    import io

    open_explorer(page, server, "?limit=25")
    total = int(page.get_attribute("#events", "data-total"))
    assert total > 25
    assert page.locator("#events tbody tr").count() == 25
    first_page = page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.innerText)")
    page.evaluate("() => { document.body.dataset.busy = '1'; }")
    page.click("#events-pager button.next")
    wait_ready(page)
    assert "offset=25" in page.url
    second_page = page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.innerText)")
    assert len(second_page) == min(25, total - 25) and not set(first_page) & set(second_page)
    assert "26–" in page.inner_text("#events-summary")
    # sort by Goldstein, descending (click twice)
    for _ in range(2):
        page.evaluate("() => { document.body.dataset.busy = '1'; }")
        page.click('#events th button[data-sort="goldstein"]')
        wait_ready(page)
    assert "sort=goldstein" in page.url and "order=desc" in page.url and "offset=" not in page.url
    values = [float(v) for v in event_cells(page, 7) if v not in ("–", "")]
    assert values == sorted(values, reverse=True) and len(values) >= 10
    # the CSV is the whole filtered set, not the page
    apply_filters(page, source="USA")
    filtered = int(page.get_attribute("#events", "data-total"))
    with page.expect_download() as info:
        page.click("#csv")
    body = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == filtered and 0 < filtered < total
    assert all(r["source_code"].startswith("USA") for r in rows)


def test_the_map_shows_events_with_a_place(page, server):
    open_explorer(page, server)
    circles = page.locator("#map svg circle.place")
    assert circles.count() >= 3
    assert page.locator('#map svg image[href="/static/world.svg"]').count() == 1
    where = {c.get_attribute("data-country"): (float(c.get_attribute("cx")), float(c.get_attribute("cy")))
             for c in circles.all()}
    # one circle per country, at its capital: x = longitude, y = -latitude
    assert "PAK" in where and "CHE" in where, where
    assert abs(where["PAK"][0] - 73.0) < 1.5 and abs(where["PAK"][1] + 33.7) < 1.5, where["PAK"]
    assert where["CHE"][0] < where["PAK"][0] and where["CHE"][1] < where["PAK"][1]
    page.evaluate("() => { document.body.dataset.busy = '1'; }")
    page.locator('#map circle.place[data-country="PAK"]').click()
    wait_ready(page)
    assert page.input_value("#f-place") == "PAK" and "place=PAK" in page.url
    places = event_cells(page, 6)
    assert places and all(p.endswith("PAK") for p in places), places


def test_the_detail_card_never_covers_the_events_table(page, server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "/article/web-jp-sanctions")
    page.wait_for_selector("#article-events tbody tr")
    # the Goldstein column is not cut at 1280 px
    fits = page.evaluate("""() => {
        const wrap = document.querySelector('#article-events').parentElement;
        const g = document.querySelector('#article-events th:last-child').getBoundingClientRect();
        return wrap.scrollWidth <= wrap.clientWidth && g.right <= wrap.getBoundingClientRect().right + 0.5;
    }""")
    assert fits
    rows = page.locator("#article-events tbody tr")
    for scroll in (0, 400, 10_000):
        page.evaluate("y => window.scrollTo(0, y)", scroll)
        for i in range(rows.count()):
            rows.nth(i).click()
            page.wait_for_selector("#event-detail")
            hidden = page.evaluate("""i => {
                const row = document.querySelectorAll('#article-events tbody tr')[i].getBoundingClientRect();
                const card = document.querySelector('.detail-card').getBoundingClientRect();
                const x = row.left + row.width / 2, y = row.top + row.height / 2;
                const hit = document.elementFromPoint(x, y);
                const overlap = !(card.bottom <= row.top || row.bottom <= card.top || card.right <= row.left || row.right <= card.left);
                return overlap || !hit || !hit.closest('tr') || hit.closest('tr') !== document.querySelectorAll('#article-events tbody tr')[i];
            }""", i)
            assert not hidden, (scroll, i)
    assert f"Event {rows.count()}" in page.inner_text(".detail-card h3")


def test_no_sideways_scrolling_at_400_px(page, server):
    page.set_viewport_size({"width": 400, "height": 850})
    wide = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    for path in ("/", "/article/web-jp-sanctions", "/api/docs"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(wide) <= 0, path
    open_explorer(page, server, width=400)
    assert page.evaluate(wide) <= 0
    shot(page, "explorer-400.png")
    code_in_page(page, server, ARTICLE)
    assert page.evaluate(wide) <= 0
    page.locator("#article-text mark.trigger").first.click()
    page.evaluate("() => window.scrollTo(0, document.getElementById('view').offsetTop - 8)")
    shot(page, "article-view-400.png")


def _focus_ring_visible(page, locator) -> bool:
    """Screenshot the element and a margin round it, focused (by keyboard) and not: they must differ."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    clip = {"x": max(0, box["x"] - 6), "y": max(0, box["y"] - 6), "width": box["width"] + 12, "height": box["height"] + 12}
    locator.focus()
    focused = page.screenshot(clip=clip)
    page.evaluate("() => document.activeElement.blur()")
    plain = page.screenshot(clip=clip)
    return focused != plain


def test_keyboard_focus_is_visible_on_every_control(page, server):
    open_explorer(page, server, "?limit=25")
    page.locator("#f-actor").focus()
    page.keyboard.press("Tab")  # keyboard modality: focus() from here on shows :focus-visible
    kinds = {"input": "#f-source", "select": "#f-quad", "button": "#apply", "summary": "#more-filters summary",
             "edge": "#network .dyad", "self-loop": "#network .dyad.loop", "node": "#network .node",
             "bar": "#timeline .bar", "sort": "#events th button.sort", "link": "#events a.open-article",
             "pager": "#events-pager button.next", "csv": "#csv", "place": "#map circle.place", "nav": "header a"}
    missing = [name for name, sel in kinds.items() if not _focus_ring_visible(page, page.locator(sel).first)]
    assert not missing, missing
    # the marks of the charts are in the tab order: Tab from the network's last actor reaches the first bar
    for sel in ("#network .dyad", "#network .node", "#timeline .bar", "#map circle.place"):
        assert page.locator(sel).first.get_attribute("tabindex") == "0", sel
    page.locator("#network .node").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('#timeline .bar')")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('#timeline .bar')")
    # article view: the rows of its events table
    page.goto(server + "/article/web-jp-sanctions")
    page.wait_for_selector("#article-events tbody tr")
    page.keyboard.press("Tab")
    for sel in ("#article-events tbody tr", "#article-text mark.trigger"):
        assert _focus_ring_visible(page, page.locator(sel).first), sel


def test_screenshot_of_the_explorer_at_1280_px(page, server):
    open_explorer(page, server, width=1280)
    page.wait_for_selector("#quotes tbody tr")
    page.evaluate("() => window.scrollTo(0, document.querySelector('.grid2').offsetTop - 8)")
    shot(page, "explorer.png")


def test_typed_text_wins_over_a_chosen_file(page, server):
    page.goto(server + "/")
    page.set_input_files("#file", files=[{"name": "old.txt", "mimeType": "text/plain",
                                          "buffer": b"Chile and Peru signed an agreement on Tuesday."}])
    assert "old.txt" in page.inner_text("#source-note")
    page.fill("#text", ARTICLE)
    assert page.evaluate("() => document.getElementById('file').files.length") == 0
    assert "cleared" in page.inner_text("#source-note")
    page.fill("#published", "2024-03-08")
    page.click("#code-button")
    page.wait_for_selector("#article-text")
    assert "Kenji Sato" in page.inner_text("#article-text")


def test_api_docs_page_lists_the_endpoints(page, server):
    page.goto(server + "/api/docs")
    page.wait_for_selector(".endpoint")
    text = page.inner_text("#endpoints")
    for path in ("/api/code", "/api/events", "/api/dyads", "/api/quotes", "/api/articles/{article_id}"):
        assert path in text
    # descriptions' `code` spans are shown as code, and form bodies carry readable names
    assert "`" not in text
    assert page.locator("#endpoints .hint code").count() > 0
    assert "Body_" not in text and "CodeFileUpload" in text
