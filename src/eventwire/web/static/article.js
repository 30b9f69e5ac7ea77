/* The article view: the clean text with actors, event triggers and quotes marked,
 * the article's events beside it, and its metadata. Rendered from the output
 * document (Article.to_dict()); every piece of article text goes in as a text node.
 */
"use strict";

EW.renderArticle = (() => {
  const {h, fill, QUAD, ACTOR_TYPES, goldsteinColor, fmt, actorLabel, legend} = EW;

  /** A span is usable when its offsets are integers inside the text. */
  function valid(start, end, length) {
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length;
  }

  /** All marked spans of the document, with offsets checked. */
  function collectSpans(doc) {
    const n = doc.text.length;
    const actors = [], events = [], quotes = [];
    (doc.actors || []).forEach((actor, ai) => {
      for (const s of actor.spans || []) if (valid(s.start, s.end, n)) actors.push({start: s.start, end: s.end, actor, ai});
    });
    (doc.events || []).forEach((ev, ei) => {
      if (valid(ev.trigger_start, ev.trigger_end, n)) events.push({start: ev.trigger_start, end: ev.trigger_end, ev, ei});
    });
    (doc.quotes || []).forEach((q, qi) => {
      if (valid(q.start, q.end, n)) quotes.push({start: q.start, end: q.end, q, qi});
    });
    const sentences = (doc.sentences || []).filter((s) => valid(s.start, s.end, n));
    return {actors, events, quotes, sentences};
  }

  /** Walks the cut points left to right, keeping the spans of one kind open at each point:
   * linear in spans and cuts (not spans x cuts), so long articles stay fast. */
  function sweeper(spans) {
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    let next = 0, open = [];
    return function at(a, b) {  // the innermost span covering [a, b), or null
      while (next < sorted.length && sorted[next].start <= a) open.push(sorted[next++]);
      open = open.filter((s) => s.end > a);
      let best = null;
      for (const s of open) if (s.end >= b && (!best || s.end - s.start < best.end - best.start)) best = s;
      return best;
    };
  }

  function byStart(spans) {
    const map = new Map();
    for (const s of spans) map.set(s.start, [...(map.get(s.start) || []), s]);
    return map;
  }

  function eventTitle(ev) {
    const parts = [`${ev.type}${ev.mode ? "/" + ev.mode : ""}`, `CAMEO ${fmt(ev.cameo)}`,
      `${actorLabel(ev.source)} → ${actorLabel(ev.target)}`, ev.status, `Goldstein ${fmt(ev.goldstein)}`];
    if (ev.date) parts.push(ev.date);
    if (ev.location && ev.location.name) parts.push("in " + ev.location.name);
    return parts.join(" · ");
  }

  /** The text, cut at every span boundary; each piece wrapped in the marks that cover it. */
  function markedText(doc, spans, onEvent) {
    const text = doc.text;
    const cuts = new Set([0, text.length]);
    for (const list of [spans.actors, spans.events, spans.quotes, spans.sentences])
      for (const s of list) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const sentStarts = byStart(spans.sentences), quoteStarts = byStart(spans.quotes);
    const eventAt = sweeper(spans.events), actorAt = sweeper(spans.actors), quoteAt = sweeper(spans.quotes);
    // events that share one trigger word ("urged both countries": one event per country) share its mark
    const sameTrigger = new Map();
    for (const s of spans.events) {
      const key = `${s.start}:${s.end}`;
      sameTrigger.set(key, [...(sameTrigger.get(key) || []), s.ev]);
    }
    const sentAt = sweeper(spans.sentences);
    const out = h("div", {class: "article-text", id: "article-text"});
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      for (const s of sentStarts.get(a) || []) out.appendChild(h("span", {class: "sent-anchor", id: "s" + s.index}));
      for (const q of quoteStarts.get(a) || []) {
        const who = q.q.speaker ? actorLabel(q.q.speaker) : "unknown speaker";
        // a quotation mark only where the words are the speaker's own
        out.appendChild(h("span", {class: `speaker-label ${q.q.kind}`, title: `${q.q.kind} quote`},
          q.q.kind === "indirect" ? "reported · " + who : "❝ " + who));
      }
      let node = document.createTextNode(text.slice(a, b));
      const ev = eventAt(a, b);
      if (ev) {
        const quad = ev.ev.quad_class || 0;
        const title = sameTrigger.get(`${ev.start}:${ev.end}`).map(eventTitle).join("\n");
        node = h("mark", {class: `trigger q${quad}`, tabindex: "0", role: "button", title,
          dataset: {event: String(ev.ei)}, onclick: () => onEvent(ev.ei), onkeydown: (e) => {
            if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onEvent(ev.ei); }
          }}, node);
      }
      const act = actorAt(a, b);
      if (act) {
        node = h("span", {class: `ent t-${act.actor.type}`, title: `${act.actor.name} · ${act.actor.type} · ${fmt(act.actor.code)}`,
          dataset: {actor: String(act.ai)}}, node);
      }
      const quote = quoteAt(a, b);
      if (quote) node = h("span", {class: `quote ${quote.q.kind}`, dataset: {quote: String(quote.qi)}}, node);
      const sent = sentAt(a, b);
      if (sent) node = h("span", {class: "seg", dataset: {s: String(sent.index)}}, node);
      out.appendChild(node);
      if (act && act.end === b) out.appendChild(h("span", {class: `ent-label t-${act.actor.type}`}, act.actor.code || act.actor.type));
    }
    return out;
  }

  function metadata(doc) {
    const rows = [["id", doc.id], ["published", doc.published], ["author", doc.author], ["source", doc.source],
      ["url", doc.url], ["language", doc.language]];
    const credits = doc.credits || [];
    const meta = doc.metadata || {};
    const dl = h("dl", {class: "meta"});
    for (const [k, v] of rows) if (v) dl.append(h("dt", {}, k), h("dd", {}, String(v)));
    if (credits.length) dl.append(h("dt", {}, "credits"), h("dd", {}, credits.join(" | ")));
    const link = (id) => h("a", {href: EW.articleHref(String(id))}, String(id));
    if (doc.duplicate_of) {
      const sim = typeof doc.similarity === "number" ? ` (similarity ${doc.similarity.toFixed(2)})` : "";
      dl.append(h("dt", {}, "copy of"), h("dd", {class: "dups"}, link(doc.duplicate_of), sim));
    }
    if (Array.isArray(doc.duplicates) && doc.duplicates.length)
      dl.append(h("dt", {}, "duplicates"), h("dd", {class: "dups"}, doc.duplicates.map(link)));
    for (const [k, v] of Object.entries(meta)) {
      if (v === null || typeof v === "object") continue;
      dl.append(h("dt", {}, k), h("dd", {}, String(v)));
    }
    return dl;
  }

  // What the cleaner removed from the scraped text, with its reason, folded away.
  function removedLines(doc) {
    const removed = ((doc.metadata || {}).removed || []).filter((r) => r && r.text);
    if (!removed.length) return null;
    return h("details", {class: "removed", id: "article-removed"},
      h("summary", {}, `${removed.length} line${removed.length === 1 ? "" : "s"} removed by the cleaner`),
      h("ul", {}, removed.map((r) => h("li", {}, h("span", {class: "why"}, r.reason || ""), " ", r.text))));
  }

  function eventDetail(ev) {
    if (!ev) return h("p", {class: "hint"}, "Click a marked trigger or a row to see its event.");
    const rows = [["type", `${ev.type}${ev.mode ? " / " + ev.mode : ""}`], ["CAMEO", ev.cameo],
      ["quad class", ev.quad_class ? `${ev.quad_class} ${QUAD[ev.quad_class] ? QUAD[ev.quad_class].name : ""}` : null],
      ["source", actorLabel(ev.source)], ["target", actorLabel(ev.target)], ["trigger", ev.trigger],
      ["status", ev.status + (ev.negated ? " (negated)" : "")], ["date", ev.date],
      ["place", ev.location ? [ev.location.name, ev.location.country].filter(Boolean).join(", ") : null],
      ["Goldstein", ev.goldstein], ["confidence", ev.confidence]];
    return h("div", {class: "event-detail", id: "event-detail"},
      h("div", {class: "event-head"}, h("span", {class: `badge q${ev.quad_class || 0}`}, ev.type),
        h("span", {class: "dyad"}, `${actorLabel(ev.source)} → ${actorLabel(ev.target)}`)),
      h("dl", {class: "meta"}, rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
      h("blockquote", {class: "sentence"}, ev.sentence || ""));
  }

  function eventsTable(doc, onEvent) {
    const events = doc.events || [];
    if (!events.length) return h("p", {class: "hint"}, "No events found in this article.");
    return h("div", {class: "table-wrap"}, h("table", {class: "data events", id: "article-events"},
      h("thead", {}, h("tr", {}, ["#", "type", "source", "target", "trigger", "date", "G"].map((c) => h("th", {class: c === "G" ? "num" : null}, c)))),
      h("tbody", {}, events.map((ev, i) => h("tr", {dataset: {event: String(i)}, tabindex: "0", onclick: () => onEvent(i),
        onkeydown: (e) => { if (e.key === "Enter") onEvent(i); }},
        h("td", {}, String(i + 1)), h("td", {}, h("span", {class: `badge q${ev.quad_class || 0}`}, ev.type)),
        h("td", {}, actorLabel(ev.source)), h("td", {}, actorLabel(ev.target)), h("td", {class: "nowrap"}, ev.trigger),
        h("td", {class: "nowrap"}, fmt(ev.date)), h("td", {class: "num", style: `color:${goldsteinColor(ev.goldstein)}`}, fmt(ev.goldstein)))))));
  }

  function quotesList(doc) {
    const quotes = doc.quotes || [];
    if (!quotes.length) return h("p", {class: "hint"}, "No quotes.");
    return h("ul", {class: "quotes"}, quotes.map((q) => h("li", {},
      h("span", {class: "who"}, q.speaker ? actorLabel(q.speaker) : "unknown speaker"), " ",
      h("span", {class: "kind"}, q.kind), h("div", {class: `said ${q.kind || ""}`}, EW.quoteText(q)))));
  }

  function actorsList(doc) {
    const actors = doc.actors || [];
    if (!actors.length) return h("p", {class: "hint"}, "No actors.");
    return h("ul", {class: "actors"}, actors.map((a) => h("li", {},
      h("span", {class: `ent-label t-${a.type}`}, a.code || a.type), " ", h("strong", {}, a.name),
      a.title ? h("span", {class: "hint"}, " · " + a.title) : null,
      h("span", {class: "hint"}, ` · ${(a.spans || []).length} mention(s)`))));
  }

  function articleLegend() {
    return h("div", {class: "legend"},
      legend("actors", Object.entries(ACTOR_TYPES).map(([, t]) => [t.color, t.name, "ent-swatch"])),
      legend("events", Object.entries(QUAD).map(([, q]) => [q.color, q.name, "trigger-swatch"])),
      legend("quotes", [["#f1f5f9", "quoted words", "quote-swatch"], ["transparent", "reported speech", "reported-swatch"]]));
  }

  /** Render ``doc`` into ``container``; returns {select(i)} to pick an event. */
  function render(doc, container) {
    const spans = collectSpans(doc);
    const detail = h("div", {class: "card detail-card"}, h("h3", {}, "Event"), eventDetail(null));
    let selected = null;
    function select(i, fromText) {
      const ev = (doc.events || [])[i];
      if (!ev) return;
      selected = i;
      fill(detail, h("h3", {}, `Event ${i + 1}`), eventDetail(ev));
      container.querySelectorAll(".trigger.selected, tr.selected").forEach((n) => n.classList.remove("selected"));
      container.querySelectorAll(`[data-event="${i}"]`).forEach((n) => n.classList.add("selected"));
      container.querySelectorAll(".seg.hl").forEach((n) => n.classList.remove("hl"));
      container.querySelectorAll(`.seg[data-s="${CSS.escape(String(ev.sentence_index))}"]`).forEach((n) => n.classList.add("hl"));
      if (fromText) { detail.scrollIntoView({block: "nearest"}); return; }
      const mark = container.querySelector(`mark[data-event="${i}"]`);
      if (mark && mark.scrollIntoView) mark.scrollIntoView({block: "nearest"});
    }
    const textBox = markedText(doc, spans, (i) => select(i, true));
    const counts = `${(doc.events || []).length} events · ${(doc.quotes || []).length} quotes · ${(doc.actors || []).length} actors`;
    fill(container,
      h("article", {class: "card article-card"},
        h("h1", {class: "title"}, doc.title || "(untitled)"),
        h("p", {class: "hint"}, counts),
        metadata(doc), removedLines(doc), articleLegend(), textBox),
      h("aside", {class: "side"}, detail,
        h("div", {class: "card"}, h("h3", {}, "Events"), eventsTable(doc, select)),
        h("div", {class: "card"}, h("h3", {}, "Quotes"), quotesList(doc)),
        h("div", {class: "card"}, h("h3", {}, "Actors"), actorsList(doc))));
    container.classList.add("article-layout");
    return {select, get selected() { return selected; }};
  }

  /** Highlight sentence ``index`` and scroll to it (for links from the explorer). */
  render.showSentence = function (index) {
    document.querySelectorAll(".seg.hl").forEach((n) => n.classList.remove("hl"));
    document.querySelectorAll(`.seg[data-s="${CSS.escape(String(index))}"]`).forEach((n) => n.classList.add("hl"));
    const anchor = document.getElementById("s" + index);
    if (anchor) anchor.scrollIntoView({block: "center"});
  };

  return render;
})();
