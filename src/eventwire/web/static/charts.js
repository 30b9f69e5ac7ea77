/* Two small SVG charts for the explorer: a dyad network and a weekly timeline.
 * Hand-written on purpose (no chart library, no network): a circle layout and bars.
 */
"use strict";

EW.charts = (() => {
  const {h, goldsteinColor, fmt} = EW;
  const svg = (tag, attrs, ...children) => h("svg:" + tag, attrs, ...children);

  /** Sum per-period dyad rows into one edge per (source, target), with a weighted mean Goldstein. */
  function edgesOf(rows) {
    const byPair = new Map();
    for (const r of rows) {
      const key = r.source + "\u0000" + r.target;
      const e = byPair.get(key) || {source: r.source, target: r.target, events: 0, gsum: 0, gn: 0};
      e.events += r.events;
      if (r.mean_goldstein !== null && r.mean_goldstein !== undefined) { e.gsum += r.mean_goldstein * r.events; e.gn += r.events; }
      byPair.set(key, e);
    }
    return [...byPair.values()].map((e) => ({...e, mean_goldstein: e.gn ? e.gsum / e.gn : null}))
      .sort((a, b) => b.events - a.events);
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

  /** The dyad network: actors on a circle, edges weighted by count and coloured by mean Goldstein. */
  function network(box, rows, {onEdge, selected, maxNodes = 30} = {}) {
    const edges = edgesOf(rows);
    const totals = new Map();
    for (const e of edges) for (const n of [e.source, e.target]) totals.set(n, (totals.get(n) || 0) + e.events);
    const nodes = circleOrder(edges, [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxNodes));
    if (!nodes.length) { box.replaceChildren(h("div", {class: "empty"}, "No dyads match these filters.")); return; }
    const keep = new Set(nodes.map(([n]) => n));
    const W = 640, H = 460, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
    const pos = new Map(), maxTotal = Math.max(...nodes.map(([, t]) => t));
    nodes.forEach(([n, total], i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
      pos.set(n, {x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a, r: 7 + 11 * Math.sqrt(total / maxTotal), total});
    });
    const shown = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
    const maxEvents = Math.max(1, ...shown.map((e) => e.events));
    const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "dyad network"},
      svg("defs", {}, svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "11",
        markerHeight: "11", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"}, svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#52606d"}))));
    const edgeLayer = svg("g", {class: "edges"});
    for (const e of shown) {
      const s = pos.get(e.source), t = pos.get(e.target);
      const width = 1.5 + 8 * Math.sqrt(e.events / maxEvents);
      let d;
      if (e.source === e.target) {  // a self-loop outside the node
        const ox = Math.cos(s.a), oy = Math.sin(s.a), px = -oy, py = ox, k = s.r + 28;
        d = `M${s.x + ox * s.r},${s.y + oy * s.r} C${s.x + ox * k + px * 22},${s.y + oy * k + py * 22} ` +
            `${s.x + ox * k - px * 22},${s.y + oy * k - py * 22} ${s.x + ox * s.r + px * 2},${s.y + oy * s.r + py * 2}`;
      } else {  // a gentle curve, so A->B and B->A do not overlap; stop at the target's rim
        const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
        const ux = dx / len, uy = dy / len;
        const x1 = s.x + ux * s.r, y1 = s.y + uy * s.r, x2 = t.x - ux * (t.r + 3), y2 = t.y - uy * (t.r + 3);
        const mx = (x1 + x2) / 2 - uy * len * 0.12, my = (y1 + y2) / 2 + ux * len * 0.12;
        d = `M${x1},${y1} Q${mx},${my} ${x2},${y2}`;
      }
      const isSel = selected && selected.source === e.source && selected.target === e.target;
      const label = `${e.source} → ${e.target}: ${e.events} event(s), mean Goldstein ${fmt(e.mean_goldstein, 1)}`;
      // a wide transparent twin of each edge takes the clicks, so thin edges are easy to hit
      edgeLayer.appendChild(svg("g", {class: "dyad" + (isSel ? " selected" : ""), dataset: {source: e.source, target: e.target},
        tabindex: "0", role: "button", onclick: () => onEdge && onEdge(e),
        onkeydown: (ev) => { if (ev.key === "Enter") onEdge && onEdge(e); }},
        svg("path", {d, class: "edge", stroke: goldsteinColor(e.mean_goldstein), "stroke-width": width.toFixed(1),
          "marker-end": "url(#arrow)"}),
        svg("path", {d, class: "edge-hit", stroke: "transparent", "stroke-width": Math.max(14, width + 8).toFixed(1)}),
        svg("title", {}, label)));
    }
    const nodeLayer = svg("g", {class: "nodes"});
    for (const [n] of nodes) {
      const p = pos.get(n);
      const lx = p.x + Math.cos(p.a) * (p.r + 6), ly = p.y + Math.sin(p.a) * (p.r + 6);
      const anchor = Math.abs(Math.cos(p.a)) < 0.3 ? "middle" : Math.cos(p.a) > 0 ? "start" : "end";
      nodeLayer.appendChild(svg("g", {class: "node", dataset: {code: n}},
        svg("circle", {cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: p.r.toFixed(1)}),
        svg("text", {x: lx.toFixed(1), y: (ly + (Math.sin(p.a) > 0.3 ? 10 : Math.sin(p.a) < -0.3 ? -4 : 4)).toFixed(1),
          "text-anchor": anchor}, n),
        svg("title", {}, `${n}: ${p.total} event(s)`)));
    }
    root.append(edgeLayer, nodeLayer);
    box.replaceChildren(root);
    return {nodes: nodes.length, edges: shown.length, hidden: edges.length - shown.length};
  }

  const DAY = 86400000;
  const parseDay = (s) => Date.parse(String(s).slice(0, 10) + "T00:00:00Z");
  const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

  /** Weekly bars from dyad rows (summed per period), gaps filled; colour = mean Goldstein. */
  function timeline(box, rows, {onBar} = {}) {
    const byWeek = new Map();
    for (const r of rows) {
      const w = byWeek.get(r.period) || {events: 0, gsum: 0, gn: 0};
      w.events += r.events;
      if (r.mean_goldstein !== null && r.mean_goldstein !== undefined) { w.gsum += r.mean_goldstein * r.events; w.gn += r.events; }
      byWeek.set(String(r.period).slice(0, 10), w);
    }
    if (!byWeek.size) { box.replaceChildren(h("div", {class: "empty"}, "No dated events match.")); return; }
    const times = [...byWeek.keys()].map(parseDay).sort((a, b) => a - b);
    const weeks = [];
    for (let t = times[0]; t <= times[times.length - 1] && weeks.length < 520; t += 7 * DAY) weeks.push(isoDay(t));
    const W = 640, H = 380, left = 36, bottom = 40, top = 12, right = 10;
    const maxEv = Math.max(1, ...[...byWeek.values()].map((w) => w.events));
    const bw = (W - left - right) / weeks.length;
    const y = (v) => top + (H - top - bottom) * (1 - v / maxEv);
    const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "weekly timeline"},
      svg("line", {x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, stroke: "#bcccdc"}),
      svg("text", {class: "axis", x: left - 6, y: y(maxEv) + 4, "text-anchor": "end"}, String(maxEv)),
      svg("text", {class: "axis", x: left - 6, y: H - bottom + 4, "text-anchor": "end"}, "0"));
    const every = Math.max(1, Math.ceil(weeks.length / 8));
    weeks.forEach((wk, i) => {
      const w = byWeek.get(wk), x = left + i * bw;
      if (w) {
        const mean = w.gn ? w.gsum / w.gn : null;
        const barW = Math.max(1, Math.min(bw * 0.8, 34));
        root.appendChild(svg("rect", {class: "bar", x: (x + (bw - barW) / 2).toFixed(1), y: y(w.events).toFixed(1),
          width: barW.toFixed(1), height: (H - bottom - y(w.events)).toFixed(1),
          fill: goldsteinColor(mean), dataset: {week: wk}, onclick: () => onBar && onBar(wk)},
          svg("title", {}, `week of ${wk}: ${w.events} event(s), mean Goldstein ${fmt(mean, 1)}`)));
      }
      if (i % every === 0 || i === weeks.length - 1)
        root.appendChild(svg("text", {class: "axis", x: (x + bw / 2).toFixed(1), y: H - bottom + 16, "text-anchor": "middle"}, wk.slice(5)));
    });
    root.appendChild(svg("text", {class: "axis", x: left, y: H - 6}, `weeks from ${weeks[0]} to ${weeks[weeks.length - 1]}`));
    box.replaceChildren(root);
  }

  return {edgesOf, network, timeline, isoDay, parseDay, DAY};
})();
