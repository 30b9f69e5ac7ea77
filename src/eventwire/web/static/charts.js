/* The explorer's SVG charts: a dyad network, a timeline of periods and a map of places.
 * Hand-written on purpose (no chart library, no network): a circle layout, bars, circles.
 * Every mark that can be clicked can also be reached with Tab and picked with Enter or Space.
 */
"use strict";

EW.charts = (() => {
  const {h, goldsteinColor, fmt, QUAD} = EW;
  const svg = (tag, attrs, ...children) => h("svg:" + tag, attrs, ...children);

  /** Enter and Space act as a click on a focusable mark. */
  function activate(fn) {
    return (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(); } };
  }

  /** Sum per-period dyad rows into one edge per (source, target), with a weighted mean Goldstein.
   * Rows without a target (events with no coded target) are counted apart: ``{edges, untargeted}``. */
  function edgesOf(rows) {
    const byPair = new Map();
    let untargeted = 0;
    for (const r of rows) {
      if (!r.source || !r.target) { untargeted += r.events; continue; }
      const key = r.source + "\u0000" + r.target;
      const e = byPair.get(key) || {source: r.source, target: r.target, events: 0, gsum: 0, gn: 0};
      e.events += r.events;
      if (r.mean_goldstein !== null && r.mean_goldstein !== undefined) { e.gsum += r.mean_goldstein * r.events; e.gn += r.events; }
      byPair.set(key, e);
    }
    const edges = [...byPair.values()].map((e) => ({...e, mean_goldstein: e.gn ? e.gsum / e.gn : null}))
      .sort((a, b) => b.events - a.events || (a.source + a.target < b.source + b.target ? -1 : 1));
    return {edges, untargeted};
  }

  /** Order the nodes round the circle so that partners sit side by side: a depth-first walk
   * from the busiest actor along the heaviest edges first. */
  function circleOrder(edges, nodes) {
    const keep = new Map(nodes), adj = new Map();
    for (const e of edges) {
      if (e.source === e.target || !keep.has(e.source) || !keep.has(e.target)) continue;
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
        const m = adj.get(a) || new Map();
        m.set(b, (m.get(b) || 0) + e.events);
        adj.set(a, m);
      }
    }
    const seen = new Set(), order = [];
    const visit = (n) => {
      if (seen.has(n)) return;
      seen.add(n);
      order.push([n, keep.get(n)]);
      const next = [...(adj.get(n) || new Map()).entries()].sort((a, b) => b[1] - a[1]);
      for (const [m] of next) visit(m);
    };
    for (const [n] of nodes) visit(n);
    return order;
  }

  /** Points along each path, taken once, for "which edge is nearest to this click". */
  function sampler(paths) {
    let samples = null;
    return () => samples || (samples = paths.map(({path, edge, tol}) => {
      const len = path.getTotalLength(), n = Math.max(8, Math.ceil(len / 3)), pts = [];
      for (let i = 0; i <= n; i++) pts.push(path.getPointAtLength((len * i) / n));
      return {edge, tol, pts};
    }));
  }

  /** The point of a mouse event in the SVG's own coordinates. */
  function svgPoint(root, ev) {
    const m = root.getScreenCTM();
    if (!m) return null;
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
    return {x: p.x, y: p.y};
  }

  /** The dyad network: actors on a circle, edges weighted by count and coloured by mean Goldstein.
   * A click picks the edge nearest to it (anywhere along the edge, however thin), or the actor under it. */
  function network(box, rows, {onEdge, onNode, selected, maxNodes = 30} = {}) {
    const {edges, untargeted} = edgesOf(rows);
    const totals = new Map();
    for (const e of edges) {
      totals.set(e.source, (totals.get(e.source) || 0) + e.events);
      if (e.target !== e.source) totals.set(e.target, (totals.get(e.target) || 0) + e.events);
    }
    const nodes = circleOrder(edges, [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxNodes));
    if (!nodes.length) {
      box.replaceChildren(h("div", {class: "empty"}, "No dyads with a coded target match these filters."));
      return {nodes: 0, edges: 0, hidden: 0, untargeted};
    }
    const keep = new Set(nodes.map(([n]) => n));
    const W = 640, H = 480, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 78;
    const pos = new Map(), maxTotal = Math.max(...nodes.map(([, t]) => t));
    nodes.forEach(([n, total], i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
      pos.set(n, {x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a, r: 7 + 11 * Math.sqrt(total / maxTotal), total});
    });
    const shown = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
    const maxEvents = Math.max(1, ...shown.map((e) => e.events));
    const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": "dyad network"},
      svg("defs", {}, svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "11",
        markerHeight: "11", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"}, svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#52606d"}))));
    const edgeLayer = svg("g", {class: "edges"}), hits = [];
    const pairs = new Set(shown.map((e) => e.source + "\u0000" + e.target));
    // thin edges on top, so a thick edge never hides a thin one
    for (const e of [...shown].sort((a, b) => b.events - a.events)) {
      const s = pos.get(e.source), t = pos.get(e.target);
      const width = 2 + 9 * Math.sqrt(e.events / maxEvents);
      let d;
      if (e.source === e.target) {  // a self-loop outside the node, as big as the edge is heavy
        const ox = Math.cos(s.a), oy = Math.sin(s.a), px = -oy, py = ox;
        const k = s.r + 34 + 4 * width, spread = 16 + 2 * width;
        const x0 = s.x + ox * s.r + px * 5, y0 = s.y + oy * s.r + py * 5;
        const x1 = s.x + ox * s.r - px * 5, y1 = s.y + oy * s.r - py * 5;
        d = `M${x0.toFixed(1)},${y0.toFixed(1)} C${(s.x + ox * k + px * spread).toFixed(1)},${(s.y + oy * k + py * spread).toFixed(1)} ` +
            `${(s.x + ox * k - px * spread).toFixed(1)},${(s.y + oy * k - py * spread).toFixed(1)} ${x1.toFixed(1)},${y1.toFixed(1)}`;
      } else {  // a gentle curve, so A->B and B->A do not overlap; stop at the target's rim
        const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
        const ux = dx / len, uy = dy / len;
        // A->B and B->A leave and reach the circles apart and bow apart, so both can be clicked
        const twin = pairs.has(e.target + "\u0000" + e.source), side = twin ? Math.min(6, s.r / 2, t.r / 2) : 0;
        const bow = twin ? Math.max(len * 0.12, 16 + width / 2) : len * 0.12;
        const x1 = s.x + ux * s.r - uy * side, y1 = s.y + uy * s.r + ux * side;
        const x2 = t.x - ux * (t.r + 3) - uy * side, y2 = t.y - uy * (t.r + 3) + ux * side;
        const mx = (x1 + x2) / 2 - uy * bow, my = (y1 + y2) / 2 + ux * bow;
        d = `M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
      }
      const isSel = selected && selected.source === e.source && selected.target === e.target;
      const label = `${e.source} → ${e.target}: ${e.events} event(s), mean Goldstein ${fmt(e.mean_goldstein, 1)}`;
      const hit = svg("path", {d, class: "edge-hit", "stroke-width": Math.max(14, width + 10).toFixed(1)});
      edgeLayer.appendChild(svg("g", {class: "dyad" + (isSel ? " selected" : "") + (e.source === e.target ? " loop" : ""),
        dataset: {source: e.source, target: e.target, events: String(e.events)},
        tabindex: "0", role: "button", "aria-label": label, "aria-pressed": isSel ? "true" : "false",
        onkeydown: activate(() => onEdge && onEdge(e))},
        hit,
        svg("path", {d, class: "edge", stroke: goldsteinColor(e.mean_goldstein), "stroke-width": width.toFixed(1),
          "marker-end": e.source === e.target ? null : "url(#arrow)"}),
        svg("title", {}, label)));
      hits.push({path: hit, edge: e, tol: Math.max(9, width / 2 + 6)});
    }
    const nodeLayer = svg("g", {class: "nodes"});
    for (const [n] of nodes) {
      const p = pos.get(n);
      const lx = p.x + Math.cos(p.a) * (p.r + 6), ly = p.y + Math.sin(p.a) * (p.r + 6);
      const anchor = Math.abs(Math.cos(p.a)) < 0.3 ? "middle" : Math.cos(p.a) > 0 ? "start" : "end";
      nodeLayer.appendChild(svg("g", {class: "node", dataset: {code: n}, tabindex: "0", role: "button",
        "aria-label": `${n}: ${p.total} event(s); filter to this actor`, onkeydown: activate(() => onNode && onNode(n))},
        svg("circle", {cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: p.r.toFixed(1)}),
        svg("text", {x: lx.toFixed(1), y: (ly + (Math.sin(p.a) > 0.3 ? 10 : Math.sin(p.a) < -0.3 ? -4 : 4)).toFixed(1),
          "text-anchor": anchor}, n),
        svg("title", {}, `${n}: ${p.total} event(s). Click to filter to this actor.`)));
    }
    root.append(edgeLayer, nodeLayer);
    const samples = sampler(hits);
    root.addEventListener("click", (ev) => {
      const p = svgPoint(root, ev);
      if (!p) return;
      for (const [n] of nodes) {  // an actor's circle first
        const q = pos.get(n);
        if (Math.hypot(p.x - q.x, p.y - q.y) <= q.r + 2) { if (onNode) onNode(n); return; }
      }
      let best = null, bestD = Infinity;
      for (const {edge, tol, pts} of samples()) {
        let dmin = Infinity;
        for (const q of pts) dmin = Math.min(dmin, Math.hypot(p.x - q.x, p.y - q.y));
        if (dmin <= tol && dmin < bestD) { best = edge; bestD = dmin; }
      }
      if (best && onEdge) onEdge(best);
    });
    box.replaceChildren(root);
    return {nodes: nodes.length, edges: shown.length, hidden: edges.length - shown.length, untargeted};
  }

  const DAY = 86400000;
  const parseDay = (s) => Date.parse(String(s).slice(0, 10) + "T00:00:00Z");
  const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /** The first day of the period after the one starting at ``day``. */
  function nextPeriod(day, by) {
    const d = new Date(parseDay(day));
    if (by === "day") return isoDay(d.getTime() + DAY);
    if (by === "week") return isoDay(d.getTime() + 7 * DAY);
    const months = {month: 1, quarter: 3, year: 12}[by] || 1;
    return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  }

  /** The last day of the period that starts at ``day`` (for since/until filters). */
  function periodEnd(day, by) {
    return isoDay(parseDay(nextPeriod(day, by)) - DAY);
  }

  /** A period's label, always with its year. */
  function periodLabel(day, by) {
    const d = new Date(parseDay(day)), y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (by === "year") return String(y);
    if (by === "quarter") return `Q${Math.floor(m / 3) + 1} ${y}`;
    if (by === "month") return `${MONTHS[m]} ${y}`;
    return `${d.getUTCDate()} ${MONTHS[m]} ${y}`;
  }

  const PERIOD_WORD = {day: "day", week: "week of", month: "", quarter: "", year: ""};

  /** Bars per period from /api/series rows, gaps filled, stacked by quad class.
   * ``by``: the period the API used. ``onBar(periodStart)``; ``picked``: the chosen period. */
  function timeline(box, rows, {by, onBar, picked} = {}) {
    const byPeriod = new Map();
    let undated = 0;
    for (const r of rows) {
      if (!r.period) { undated += r.events; continue; }
      byPeriod.set(String(r.period).slice(0, 10), r);
    }
    if (!byPeriod.size) {
      box.replaceChildren(h("div", {class: "empty"}, undated ? `No dated events (${undated} without a date).` : "No events match."));
      return {bars: 0, undated};
    }
    const starts = [...byPeriod.keys()].sort();
    const periods = [];
    for (let p = starts[0]; p <= starts[starts.length - 1] && periods.length < 1000; p = nextPeriod(p, by)) periods.push(p);
    for (const s of starts) if (!periods.includes(s)) periods.push(s);  // a period the API cut differently
    periods.sort();
    // the chart scales to its box: text is sized in chart units so that it reads at about 10.5 px
    const W = 640, H = 380, px = Math.max(10, 10.5 * W / (box.clientWidth || W));
    const left = 10 + 2.4 * px, bottom = 2 * px + 20, top = 12, right = 16;
    const font = `font-size:${px.toFixed(1)}px`;
    const maxEv = Math.max(1, ...[...byPeriod.values()].map((r) => r.events));
    const bw = (W - left - right) / periods.length;
    const y = (v) => top + (H - top - bottom) * (1 - v / maxEv);
    const unit = {day: "daily", week: "weekly", month: "monthly", quarter: "quarterly", year: "yearly"}[by] || by;
    const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `${unit} timeline`, dataset: {by}},
      svg("line", {x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, stroke: "#bcccdc"}),
      svg("text", {class: "axis", style: font, x: left - 6, y: y(maxEv) + 4, "text-anchor": "end"}, String(maxEv)),
      svg("text", {class: "axis", style: font, x: left - 6, y: H - bottom + 4, "text-anchor": "end"}, "0"));
    const barW = Math.max(2, Math.min(bw * 0.8, 34));
    periods.forEach((p, i) => {
      const r = byPeriod.get(p), x = left + i * bw + (bw - barW) / 2;
      if (!r || !r.events) return;
      const label = `${PERIOD_WORD[by] || ""} ${periodLabel(p, by)}: ${r.events} event(s) in ${r.articles ?? "?"} article(s), ` +
        `mean Goldstein ${fmt(r.goldstein_mean, 1)}`;
      const g = svg("g", {class: "bar" + (picked === p ? " selected" : ""), tabindex: "0", role: "button",
        "aria-label": label.trim(), "aria-pressed": picked === p ? "true" : "false", dataset: {period: p, events: String(r.events)},
        onclick: () => onBar && onBar(p), onkeydown: activate(() => onBar && onBar(p))}, svg("title", {}, label.trim()));
      // the whole column takes the click, so a short bar is as easy to hit as a tall one
      g.appendChild(svg("rect", {class: "bar-hit", x: (left + i * bw).toFixed(1), y: top, width: bw.toFixed(2), height: H - bottom - top}));
      let base = H - bottom, coded = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = r["quad" + q] || 0;
        if (!n) continue;
        coded += n;
        const top_ = y(coded);
        g.appendChild(svg("rect", {class: `seg q${q}`, x: x.toFixed(1), y: top_.toFixed(1), width: barW.toFixed(1),
          height: (base - top_).toFixed(1), fill: QUAD[q].color}));
        base = top_;
      }
      if (r.events > coded) {
        const top_ = y(r.events);
        g.appendChild(svg("rect", {class: "seg q0", x: x.toFixed(1), y: top_.toFixed(1), width: barW.toFixed(1),
          height: (base - top_).toFixed(1), fill: "#9aa5b1"}));
      }
      g.appendChild(svg("rect", {class: "bar-frame", x: (x - 1.5).toFixed(1), y: (y(r.events) - 1.5).toFixed(1),
        width: (barW + 3).toFixed(1), height: (H - bottom - y(r.events) + 1.5).toFixed(1)}));
      root.appendChild(g);
    });
    // labels: first and last always (anchored inside the chart), evenly spaced ones between
    const room = Math.max(2, Math.floor((W - left - right) / (px * 7)));  // labels that fit side by side
    const every = Math.max(1, Math.ceil(periods.length / Math.min(6, room)));
    periods.forEach((p, i) => {
      const last = i === periods.length - 1;
      if (!(i % every === 0 || last)) return;
      const x = left + i * bw + bw / 2, textW = (text) => text.length * 0.62 * px;
      const lastLeft = left + periods.length * bw - textW(periodLabel(periods[periods.length - 1], by));
      if (!last && i > 0 && x + textW(periodLabel(p, by)) / 2 + px > lastLeft) return;  // would touch the last label
      const anchor = i === 0 && periods.length > 1 ? "start" : last && periods.length > 1 ? "end" : "middle";
      const lx = anchor === "start" ? left + i * bw : anchor === "end" ? left + (i + 1) * bw : x;
      root.appendChild(svg("line", {x1: x.toFixed(1), x2: x.toFixed(1), y1: H - bottom, y2: H - bottom + 4, stroke: "#bcccdc"}));
      root.appendChild(svg("text", {class: "axis tick", style: font, x: lx.toFixed(1), y: (H - bottom + 6 + px).toFixed(1),
        "text-anchor": anchor}, periodLabel(p, by)));
    });
    root.appendChild(svg("text", {class: "axis", style: font, x: left, y: H - 6},
      `${periods.length} ${by}${periods.length === 1 ? "" : "s"}, ${periodLabel(periods[0], by)} – ${periodLabel(periods[periods.length - 1], by)}` +
      (undated ? ` · ${undated} event(s) without a date not shown` : "")));
    box.replaceChildren(root);
    return {bars: periods.length, undated};
  }

  /** Places on an equirectangular world (x = longitude, y = −latitude) over the offline land mask
   * /static/world.svg; circle area grows with the number of events. */
  function map(box, places, {onPlace, picked} = {}) {
    const W = 360, top = 84, H = 144;  // latitudes 84 … −60, as world.svg
    const root = svg("svg", {viewBox: `-180 -${top} ${W} ${H}`, role: "group", "aria-label": "map of event places"},
      svg("rect", {x: -180, y: -top, width: W, height: H, class: "sea"}),
      svg("image", {href: "/static/world.svg", x: -180, y: -top, width: W, height: H, preserveAspectRatio: "none"}));
    const grid = svg("g", {class: "graticule"});
    for (let lon = -150; lon < 180; lon += 30) grid.appendChild(svg("line", {x1: lon, x2: lon, y1: -top, y2: H - top}));
    for (let lat = -60; lat <= 80; lat += 30) grid.appendChild(svg("line", {x1: -180, x2: 180, y1: -lat, y2: -lat}));
    root.appendChild(grid);
    const located = places.filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
    const maxEv = Math.max(1, ...located.map((p) => p.events));
    const layer = svg("g", {class: "places"});
    for (const p of [...located].sort((a, b) => b.events - a.events)) {  // small circles drawn last, on top
      const r = 1.6 + 6 * Math.sqrt(p.events / maxEv);
      const label = `${p.name || "?"}${p.country ? ", " + p.country : ""}: ${p.events} event(s)`;
      layer.appendChild(svg("circle", {class: "place" + (picked && picked === p.country ? " selected" : ""),
        cx: p.lon.toFixed(2), cy: (-p.lat).toFixed(2), r: r.toFixed(2), tabindex: "0", role: "button",
        "aria-label": label + (p.country ? "; filter to " + p.country : ""), dataset: {country: p.country || "", name: p.name || "",
          events: String(p.events)},
        onclick: () => onPlace && onPlace(p), onkeydown: activate(() => onPlace && onPlace(p))}, svg("title", {}, label)));
    }
    root.appendChild(layer);
    const labels = svg("g", {class: "place-labels", "aria-hidden": "true"});
    for (const p of located.slice().sort((a, b) => b.events - a.events).slice(0, 12))
      labels.appendChild(svg("text", {x: (p.lon + 1.8 + 6 * Math.sqrt(p.events / maxEv)).toFixed(2), y: (-p.lat + 1.5).toFixed(2)},
        p.country || ""));
    root.appendChild(labels);
    box.replaceChildren(root);
    return {places: located.length, events: located.reduce((n, p) => n + p.events, 0),
      unlocated: places.length - located.length};
  }

  return {edgesOf, network, timeline, map, nextPeriod, periodEnd, periodLabel, isoDay, parseDay, DAY};
})();
