/* The corpus explorer: filters -> dyad network, timeline, events table (paged, sorted, CSV),
 * map of places and quotes. Everything the page shows follows the same filters; the filters,
 * the picked dyad and period, the sort and the page live in the address, so a view can be
 * bookmarked or shared.
 */
"use strict";

(() => {
  const {h, fill, api, query, status, QUAD, PLOVER, goldsteinColor, fmt, day, articleHref, legend} = EW;
  /** The API's event filters (docs/web.md), each a form field of the same name. */
  const FILTERS = ["actor", "source", "target", "type", "quad", "since", "until", "sector", "cameo", "status",
    "place", "goldstein_min", "goldstein_max", "confidence_min", "article_id"];
  const MORE = ["sector", "cameo", "status", "place", "goldstein_min", "goldstein_max", "confidence_min", "article_id"];
  /** Event table columns: [heading, API sort key or null]. */
  const COLUMNS = [["date", "date"], ["type", "type"], ["source", "source_code"], ["target", "target_code"],
    ["trigger", null], ["place", null], ["Goldstein", "goldstein"], ["sentence", null], ["", null]];
  const QUOTE_PAGE = 25;

  const state = {
    dyad: null,        // {source, target} picked on the network
    period: null,      // {start, by} picked on the timeline
    sort: "date", order: "asc",
    offset: 0, size: 50,
    speaker: "", quoteOffset: 0,
  };
  let dyadRows = [];
  let generation = 0;

  const form = () => document.getElementById("filters");
  const $ = (id) => document.getElementById(id);

  function filters() {
    const data = new FormData(form());
    const out = {};
    for (const k of FILTERS) out[k] = String(data.get(k) || "").trim();
    return out;
  }

  function setFilters(values) {
    for (const k of FILTERS) {
      const input = form().elements[k];
      if (!input) continue;
      const v = values[k] || "";
      if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v))
        input.appendChild(h("option", {value: v}, v));  // a list from the address, e.g. quad=1,3
      input.value = v;
    }
    if (MORE.some((k) => values[k])) $("more-filters").open = true;
  }

  /** The filters narrowed to the picked dyad and period: what the table, map and quotes show. */
  function scoped(f = filters()) {
    const out = {...f};
    if (state.dyad) { out.source = state.dyad.source; out.target = state.dyad.target; }
    if (state.period) {
      const end = EW.charts.periodEnd(state.period.start, state.period.by);
      out.since = !f.since || f.since < state.period.start ? state.period.start : f.since;
      out.until = !f.until || f.until > end ? end : f.until;
    }
    return out;
  }

  /** The view in the address: filters, dyad, period, sort, page, speaker. */
  function saveUrl() {
    const q = {...filters()};
    if (state.dyad) q.dyad = `${state.dyad.source},${state.dyad.target}`;
    if (state.period) q.period = `${state.period.start},${state.period.by}`;
    if (state.sort !== "date" || state.order !== "asc") { q.sort = state.sort; q.order = state.order; }
    if (state.offset) q.offset = state.offset;
    if (state.size !== 50) q.limit = state.size;
    if (state.speaker) q.speaker = state.speaker;
    history.replaceState(null, "", location.pathname + query(q));
  }

  function loadUrl() {
    const p = new URLSearchParams(location.search);
    setFilters(Object.fromEntries(FILTERS.map((k) => [k, p.get(k) || ""])));
    const dyad = (p.get("dyad") || "").split(",");
    state.dyad = dyad.length === 2 && dyad[0] && dyad[1] ? {source: dyad[0], target: dyad[1]} : null;
    const period = (p.get("period") || "").split(",");
    state.period = /^\d{4}-\d{2}-\d{2}$/.test(period[0]) && ["day", "week", "month", "quarter", "year"].includes(period[1])
      ? {start: period[0], by: period[1]} : null;
    const col = COLUMNS.find(([, key]) => key && key === p.get("sort"));
    state.sort = col ? col[1] : "date";
    state.order = p.get("order") === "desc" ? "desc" : "asc";
    state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
    const size = parseInt(p.get("limit") || "50", 10);
    state.size = [25, 50, 100, 200].includes(size) ? size : 50;
    $("page-size").value = String(state.size);
    state.speaker = p.get("speaker") || "";
    $("q-speaker").value = state.speaker;
  }

  /** Reload what depends on the view; ``network``: the filters changed, so refetch the dyads too. */
  async function refresh({network = false} = {}) {
    const gen = ++generation;
    const current = () => gen === generation;
    saveUrl();
    document.body.dataset.busy = "1";
    status("Loading…", "busy");
    const f = filters(), s = scoped(f);
    const timelineFilters = {...f};
    if (state.dyad) { timelineFilters.source = state.dyad.source; timelineFilters.target = state.dyad.target; }
    const errors = [];
    const guard = (promise, draw) => promise.then((data) => { if (current()) draw(data); })
      .catch((err) => { errors.push(err); });
    await Promise.all([
      // the network sums the periods: yearly rows are the fewest to send
      network ? guard(api("/api/dyads" + query({...f, period: "year"})), (data) => { dyadRows = data.dyads; drawNetwork(); })
        : Promise.resolve(drawNetwork()),
      guard(api("/api/series" + query({...timelineFilters, by: "auto"})), drawTimeline),
      guard(api("/api/events" + query({...s, limit: state.size, offset: state.offset, sort: state.sort, order: state.order})),
        renderEvents),
      guard(api("/api/places" + query(s)), drawMap),
      guard(api("/api/quotes" + query({...s, speaker: state.speaker, limit: QUOTE_PAGE, offset: state.quoteOffset})),
        renderQuotes),
    ]);
    if (!current()) return;
    $("csv").href = "/api/events.csv" + query({...s, sort: state.sort, order: state.order});
    drawSelection();
    if (errors.length) status(`${errors[0].kind}: ${errors[0].message}`, "error");
    else status("");
    document.body.dataset.busy = "0";
  }

  function drawNetwork() {
    const info = EW.charts.network($("network"), dyadRows, {
      selected: state.dyad,
      onEdge: (e) => { state.dyad = {source: e.source, target: e.target}; state.offset = 0; state.quoteOffset = 0; refresh(); },
      onNode: (code) => {
        form().elements.actor.value = code;
        state.dyad = null; state.period = null; state.offset = 0; state.quoteOffset = 0;
        refresh({network: true});
      }});
    const parts = [`${info.nodes} actors · ${info.edges} dyads`];
    if (info.hidden) parts.push(`${info.hidden} smaller dyads not drawn`);
    if (info.untargeted) parts.push(`${info.untargeted} event(s) without a coded target not drawn`);
    fill($("net-summary"), parts.join(" · "));
  }

  let lastSeries = null;

  function drawTimeline(data) {
    lastSeries = data;
    const by = data.by;
    fill($("timeline-heading"), {day: "Daily", week: "Weekly", month: "Monthly", quarter: "Quarterly", year: "Yearly"}[by] || "Timeline",
      " timeline");
    fill($("timeline-title"), state.dyad ? `${state.dyad.source} → ${state.dyad.target}` : "all events");
    EW.charts.timeline($("timeline"), data.rows, {by, picked: state.period && state.period.start, onBar: (start) => {
      const same = state.period && state.period.start === start && state.period.by === by;
      state.period = same ? null : {start, by};
      state.offset = 0; state.quoteOffset = 0;
      refresh();
    }});
  }

  function drawMap(data) {
    const info = EW.charts.map($("map"), data.places, {picked: filters().place, onPlace: (p) => {
      if (!p.country) return;
      form().elements.place.value = p.country;
      $("more-filters").open = true;
      state.offset = 0; state.quoteOffset = 0;
      refresh({network: true});
    }});
    fill($("map-summary"), `${info.events} event(s) at ${info.places} place(s)` +
      (info.unlocated ? ` · ${info.unlocated} place(s) without coordinates` : ""));
  }

  /** What narrows the view beyond the filters, each with a button to drop it. */
  function drawSelection() {
    const chips = [];
    if (state.dyad) chips.push(h("span", {class: "chip"}, `dyad ${state.dyad.source} → ${state.dyad.target}`,
      h("button", {type: "button", class: "secondary small", id: "clear-dyad", "aria-label": "show all dyads",
        onclick: () => { state.dyad = null; state.offset = 0; refresh(); }}, "×")));
    if (state.period) chips.push(h("span", {class: "chip"}, `${state.period.by} ${EW.charts.periodLabel(state.period.start, state.period.by)}`,
      h("button", {type: "button", class: "secondary small", id: "clear-period", "aria-label": "show all periods",
        onclick: () => { state.period = null; state.offset = 0; refresh(); }}, "×")));
    fill($("selection"), chips.length ? ["Showing only: ", chips] : null);
  }

  const actor = (code, name, text) => (code || "–") + (name || text ? " " + (name || text) : "");

  function sortHeader([label, key]) {
    if (!key) return h("th", {}, label);
    const on = state.sort === key;
    const aria = on ? (state.order === "asc" ? "ascending" : "descending") : "none";
    return h("th", {"aria-sort": aria, class: key === "goldstein" ? "num" : null},
      h("button", {type: "button", class: "sort", dataset: {sort: key}, onclick: () => {
        state.order = on && state.order === "asc" ? "desc" : "asc";
        state.sort = key;
        state.offset = 0;
        refresh();
      }}, label, h("span", {class: "arrow", "aria-hidden": "true"}, on ? (state.order === "asc" ? " ▲" : " ▼") : " ↕")));
  }

  function renderEvents(data) {
    const table = $("events"), rows = data.events;
    const total = data.total ?? data.count;
    const from = total ? state.offset + 1 : 0, to = state.offset + rows.length;
    fill($("events-summary"), `${total} event(s)` + (total ? ` · showing ${from}–${to}` : ""));
    table.dataset.total = String(total);
    if (!rows.length) {
      fill(table, h("tbody", {}, h("tr", {}, h("td", {class: "hint"}, "No events match these filters."))));
    } else {
      fill(table,
        h("thead", {}, h("tr", {}, COLUMNS.map(sortHeader))),
        h("tbody", {}, rows.map((e) => h("tr", {dataset: {article: e.article_id, date: e.date || ""}},
          h("td", {class: "nowrap", title: e.date_text || null}, e.date ? day(e.date) : (e.date_text ? `(${e.date_text})` : "–")),
          h("td", {}, h("span", {class: `badge q${e.quad_class || 0}`, title: QUAD[e.quad_class] ? QUAD[e.quad_class].name : ""}, e.type)),
          h("td", {}, actor(e.source_code, e.source_name, e.source_text)),
          h("td", {}, actor(e.target_code, e.target_name, e.target_text)),
          h("td", {}, e.trigger || ""),
          h("td", {}, [e.location_name, e.location_country].filter(Boolean).join(", ")),
          h("td", {class: "num", style: `color:${goldsteinColor(e.goldstein)}`}, fmt(e.goldstein)),
          h("td", {class: "sentence", title: e.sentence || null}, h("div", {class: "clamp"}, e.sentence || "")),
          h("td", {class: "nowrap"}, h("a", {class: "open-article", href: articleHref(e.article_id, e.sentence_index)}, "article →"))))));
    }
    pager($("events-pager"), total, state.offset, state.size, (offset) => { state.offset = offset; refresh(); });
  }

  /** First / previous / next / last buttons and "page i of n". */
  function pager(nav, total, offset, size, go, open = false) {
    const pages = Math.max(1, Math.ceil(total / size)), page = Math.floor(offset / size) + 1;
    const button = (label, target, disabled, cls) => h("button", {type: "button", class: "secondary " + cls,
      disabled: disabled, onclick: () => go(target)}, label);
    fill(nav, total <= size && !offset ? null : [
      button("« first", 0, page === 1, "first"), button("‹ previous", offset - size, page === 1, "prev"),
      h("span", {class: "page-of"}, open ? `page ${page}` : `page ${page} of ${pages}`),
      button("next ›", offset + size, page === pages, "next"),
      open ? null : button("last »", (pages - 1) * size, page === pages, "last")]);
  }

  function renderQuotes(data) {
    const table = $("quotes");
    fill($("quotes-summary"), data.total !== undefined ? `${data.total} quote(s)` :
      data.count ? `${state.quoteOffset + 1}–${state.quoteOffset + data.count}` : "none");
    if (!data.quotes.length) {
      fill(table, h("tbody", {}, h("tr", {}, h("td", {class: "hint"}, "No quotes match."))));
    } else {
      fill(table,
        h("thead", {}, h("tr", {}, ["date", "speaker", "quote", "kind", ""].map((c) => h("th", {}, c)))),
        h("tbody", {}, data.quotes.map((q) => h("tr", {},
          h("td", {class: "nowrap"}, day(q.published)),
          h("td", {}, actor(q.speaker_code, q.speaker_name, q.speaker_text)),
          h("td", {class: "sentence quote-text " + (q.kind || "")}, EW.quoteText(q)),
          h("td", {}, q.kind || ""),
          h("td", {class: "nowrap"}, h("a", {href: articleHref(q.article_id, q.sentence_index)}, "article →"))))));
    }
    // /api/quotes answers a page without the size of the whole set: "next" while a page comes back full
    const known = data.total ?? (state.quoteOffset + data.count + (data.count === QUOTE_PAGE ? 1 : 0));
    pager($("quotes-pager"), known, state.quoteOffset, QUOTE_PAGE, (offset) => { state.quoteOffset = offset; refresh(); },
      data.total === undefined);
  }

  async function loadActors() {
    try {
      const data = await api("/api/actors");
      const codes = [...new Set(data.actors.map((a) => a.code).filter(Boolean))].sort();
      fill($("actor-codes"), codes.map((c) => h("option", {value: c})));
    } catch (err) { /* the datalist is a convenience only */ }
  }

  async function init() {
    fill($("plover-types"), PLOVER.map((t) => h("option", {value: t})));
    fill($("net-legend"),
      legend("edge colour: mean Goldstein", [["linear-gradient(90deg,#c0392b,#9aa5b1,#2a9d8f)", "−10 … +10", "gradient"]]),
      legend("width", [["#52606d", "number of events", "line"]]));
    fill($("timeline-legend"), legend("quad class", [...Object.values(QUAD).map((q) => [q.color, q.name]), ["#9aa5b1", "none"]]));
    loadUrl();
    let resized = null;  // the timeline sizes its text to its box: draw it again when the box changes
    window.addEventListener("resize", () => {
      clearTimeout(resized);
      resized = setTimeout(() => { if (lastSeries) drawTimeline(lastSeries); }, 150);
    });
    const restart = () => { state.dyad = null; state.period = null; state.offset = 0; state.quoteOffset = 0; };
    form().addEventListener("submit", (e) => { e.preventDefault(); restart(); refresh({network: true}); });
    $("reset").addEventListener("click", () => { setFilters({}); restart(); refresh({network: true}); });
    $("page-size").addEventListener("change", (e) => { state.size = Number(e.target.value); state.offset = 0; refresh(); });
    $("quote-form").addEventListener("submit", (e) => {
      e.preventDefault();
      state.speaker = $("q-speaker").value.trim();
      state.quoteOffset = 0;
      refresh();
    });
    const health = await api("/api/health");
    if (!health.corpus) {
      status("This server has no corpus: start it with `eventwire serve --db corpus.duckdb`.", "error");
      return;
    }
    loadActors();
    await refresh({network: true});
  }

  document.addEventListener("DOMContentLoaded", init);
})();
