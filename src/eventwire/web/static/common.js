/* eventwire pages: shared helpers.
 *
 * Safety rule for every page script: text from an article or the corpus is only
 * ever inserted as a text node (h() children, textContent, setAttribute on
 * harmless attributes); innerHTML is never used.
 */
"use strict";

const EW = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  /** Build an element: h("td", {class: "x", title: "t"}, "text", childNode, ...). */
  function h(tag, attrs, ...children) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "style") node.style.cssText = value;  // CSSOM: allowed by the page's CSP
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Replace a node's children. */
  function fill(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  /** fetch -> JSON; a non-2xx answer throws an Error carrying the API's {error: {kind, message}}. */
  async function api(url, options) {
    const resp = await fetch(url, options);
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      const err = (body && body.error) || {};
      const e = new Error(err.message || `HTTP ${resp.status}`);
      e.status = resp.status;
      e.kind = err.kind || "error";
      throw e;
    }
    return body;
  }

  /** A query string from an object, leaving out empty values. */
  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
    const s = q.toString();
    return s ? "?" + s : "";
  }

  function status(message, kind) {
    const box = document.getElementById("status");
    if (!box) return;
    box.className = "status" + (kind ? " " + kind : "");
    fill(box, message || "");
  }

  const QUAD = {
    1: {name: "verbal cooperation", color: "#2a9d8f"},
    2: {name: "material cooperation", color: "#3a7bd5"},
    3: {name: "verbal conflict", color: "#e09f3e"},
    4: {name: "material conflict", color: "#c0392b"},
  };
  const ACTOR_TYPES = {
    COUNTRY: {name: "country", color: "#dbeafe"},
    PERSON: {name: "person", color: "#fde68a"},
    ORG: {name: "organisation", color: "#d1fae5"},
    GROUP: {name: "group", color: "#fbcfe8"},
  };
  const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

  /** Goldstein -10..10 as a colour: red (conflict), grey (0), green (cooperation). */
  function goldsteinColor(g) {
    if (g === null || g === undefined || Number.isNaN(Number(g))) return "#9aa5b1";
    const t = Math.max(-1, Math.min(1, Number(g) / 10));
    const grey = [154, 165, 177], red = [192, 57, 43], green = [42, 157, 143];
    const to = t < 0 ? red : green, a = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * a));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function fmt(value, digits) {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "number" && digits !== undefined) return value.toFixed(digits);
    return String(value);
  }

  function day(value) {
    return value ? String(value).slice(0, 10) : "";
  }

  /** "CODE name" of an actor reference. */
  function actorLabel(ref) {
    if (!ref) return "–";
    const name = ref.name || ref.text || "";
    if (!ref.code) return name || "–";
    return name ? `${ref.code} ${name}` : ref.code;
  }

  /** A quote's words: a direct quote in quotation marks; an indirect (reported) or mixed one as it
   * stands in the text, since quotation marks would claim words the speaker did not say. */
  function quoteText(q) {
    return q.kind === "direct" ? "\u201c" + (q.text || "") + "\u201d" : (q.text || "");
  }

  function articleHref(id, sentence) {
    const base = "/article/" + encodeURIComponent(id);
    return sentence === null || sentence === undefined ? base : `${base}#s${sentence}`;
  }

  /** Legend entries: [[colour, label, shape], ...]. */
  function legend(title, entries) {
    return h("div", {class: "legend-group"}, h("span", {class: "legend-title"}, title),
      entries.map(([color, label, cls]) => h("span", {class: "legend-item"},
        h("span", {class: "swatch " + (cls || ""), style: `background:${color}`}), label)));
  }

  return {h, append, fill, api, query, status, QUAD, ACTOR_TYPES, PLOVER, goldsteinColor, fmt, day,
    actorLabel, articleHref, quoteText, legend, SVG_NS};
})();
