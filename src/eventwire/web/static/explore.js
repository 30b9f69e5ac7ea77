/* The corpus explorer: filters -> dyad network, weekly timeline, events table; quote search.
 * The filters live in the page's query string, so a view can be bookmarked.
 */
"use strict";

(() => {
  const {h, fill, api, query, status, QUAD, PLOVER, goldsteinColor, fmt, day, articleHref, legend} = EW;
  const FILTERS = ["source", "target", "type", "quad_class", "since", "until"];
  const EVENT_LIMIT = 300;
  let dyadRows = [];
  let selected = null;  // {source, target} of the chosen dyad
  let week = null;      // a week chosen on the timeline

  const form = () => document.getElementById("filters");

  function filters() {
    const data = new FormData(form());
    const out = {};
    for (const k of FILTERS) out[k] = (data.get(k) || "").trim();
    return out;
  }

  function setFilters(values) {
    for (const k of FILTERS) {
      const input = form().elements[k];
      if (input) input.value = values[k] || "";
    }
  }

  async function refresh() {
    const f = filters();
    history.replaceState(null, "", location.pathname + query(f));
    status("Loading…", "busy");
    try {
      const dyads = await api("/api/dyads" + query({...f, period: "week"}));
      dyadRows = dyads.dyads.filter((r) => r.source && r.target);  // the network draws coded pairs only
      drawNetwork();
      drawTimeline();
      await loadEvents();
      status("");
    } catch (err) {
      status(`${err.kind}: ${err.message}`, "error");
    }
  }

  function drawNetwork() {
    const info = EW.charts.network(document.getElementById("network"), dyadRows, {
      selected, onEdge: (e) => selectDyad(selected && selected.source === e.source && selected.target === e.target ? null : e)});
    const summary = document.getElementById("net-summary");
    fill(summary, info ? `${info.nodes} actors · ${info.edges} dyads${info.hidden ? ` (${info.hidden} more not drawn)` : ""}` : "");
  }

  function drawTimeline() {
    const rows = selected ? dyadRows.filter((r) => r.source === selected.source && r.target === selected.target) : dyadRows;
    fill(document.getElementById("timeline-title"), selected ? `${selected.source} → ${selected.target}` : "all dyads");
    EW.charts.timeline(document.getElementById("timeline"), rows, {onBar: (wk) => { week = week === wk ? null : wk; loadEvents(); }});
  }

  function selectDyad(e) {
    selected = e ? {source: e.source, target: e.target} : null;
    week = null;
    drawNetwork();
    drawTimeline();
    loadEvents();
  }

  async function loadEvents() {
    const f = filters();
    if (selected) { f.source = selected.source; f.target = selected.target; }
    if (week) {
      f.since = week;
      f.until = EW.charts.isoDay(EW.charts.parseDay(week) + 6 * EW.charts.DAY);
    }
    try {
      const data = await api("/api/events" + query({...f, limit: EVENT_LIMIT}));
      renderEvents(data.events);
      const scope = [selected ? `${selected.source} → ${selected.target}` : null, week ? `week of ${week}` : null].filter(Boolean).join(", ");
      fill(document.getElementById("events-summary"),
        `${data.count}${data.count === EVENT_LIMIT ? "+" : ""} event(s)${scope ? " · " + scope : ""}`,
        scope ? h("button", {type: "button", class: "secondary small", id: "clear-selection",
          onclick: () => selectDyad(null)}, "show all") : null);
    } catch (err) {
      status(`${err.kind}: ${err.message}`, "error");
    }
  }

  const actor = (code, name, text) => (code || "–") + (name || text ? " " + (name || text) : "");

  function renderEvents(rows) {
    const table = document.getElementById("events");
    if (!rows.length) { fill(table, h("tbody", {}, h("tr", {}, h("td", {class: "hint"}, "No events match these filters.")))); return; }
    fill(table,
      h("thead", {}, h("tr", {}, ["date", "type", "source", "target", "trigger", "G", "sentence", ""].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows.map((e) => h("tr", {dataset: {article: e.article_id}},
        h("td", {class: "nowrap"}, day(e.date)),
        h("td", {}, h("span", {class: `badge q${e.quad_class || 0}`, title: QUAD[e.quad_class] ? QUAD[e.quad_class].name : ""}, e.type)),
        h("td", {}, actor(e.source_code, e.source_name, e.source_text)),
        h("td", {}, actor(e.target_code, e.target_name, e.target_text)),
        h("td", {}, e.trigger || ""),
        h("td", {style: `color:${goldsteinColor(e.goldstein)}`}, fmt(e.goldstein)),
        h("td", {class: "sentence"}, e.sentence || ""),
        h("td", {class: "nowrap"}, h("a", {class: "open-article", href: articleHref(e.article_id, e.sentence_index)}, "article →"))))));
  }

  async function searchQuotes(e) {
    if (e) e.preventDefault();
    const speaker = document.getElementById("q-speaker").value.trim();
    const table = document.getElementById("quotes");
    try {
      const data = await api("/api/quotes" + query({speaker, limit: 200}));
      if (!data.quotes.length) { fill(table, h("tbody", {}, h("tr", {}, h("td", {class: "hint"}, "No quotes found.")))); return; }
      fill(table,
        h("thead", {}, h("tr", {}, ["date", "speaker", "quote", "kind", ""].map((c) => h("th", {}, c)))),
        h("tbody", {}, data.quotes.map((q) => h("tr", {},
          h("td", {class: "nowrap"}, day(q.published)),
          h("td", {}, actor(q.speaker_code, q.speaker_name, q.speaker_text)),
          h("td", {class: "sentence"}, "“" + (q.text || "") + "”"),
          h("td", {}, q.kind || ""),
          h("td", {class: "nowrap"}, h("a", {href: articleHref(q.article_id, q.sentence_index)}, "article →"))))));
    } catch (err) {
      status(`${err.kind}: ${err.message}`, "error");
    }
  }

  async function loadActors() {
    try {
      const data = await api("/api/actors");
      const codes = [...new Set(data.actors.map((a) => a.code).filter(Boolean))].sort();
      fill(document.getElementById("actor-codes"), codes.map((c) => h("option", {value: c})));
    } catch (err) { /* the datalist is a convenience only */ }
  }

  async function init() {
    const types = document.getElementById("f-type");
    for (const t of PLOVER) types.appendChild(h("option", {value: t}, t));
    fill(document.getElementById("net-legend"),
      legend("edge colour: mean Goldstein", [["linear-gradient(90deg,#c0392b,#9aa5b1,#2a9d8f)", "−10 … +10", "gradient"]]),
      legend("width", [["#52606d", "number of events", "line"]]));
    const params = new URLSearchParams(location.search);
    setFilters(Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""])));
    form().addEventListener("submit", (e) => { e.preventDefault(); selected = null; week = null; refresh(); });
    document.getElementById("reset").addEventListener("click", () => { setFilters({}); selected = null; week = null; refresh(); });
    document.getElementById("quote-form").addEventListener("submit", searchQuotes);
    const health = await api("/api/health");
    if (!health.corpus) {
      status("This server has no corpus: start it with `eventwire serve --db corpus.duckdb`.", "error");
      return;
    }
    loadActors();
    await refresh();
    searchQuotes();
  }

  document.addEventListener("DOMContentLoaded", init);
})();
