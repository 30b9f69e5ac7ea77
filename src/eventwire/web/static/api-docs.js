/* /api/docs: the endpoints of /api/openapi.json as a plain page (no CDN-hosted UI). */
"use strict";

(() => {
  const {h, fill, api, status} = EW;

  function typeOf(schema) {
    if (!schema) return "";
    if (schema.enum) return schema.enum.join(" | ");
    if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
    if (schema.$ref) return schema.$ref.split("/").pop();
    const bounds = [schema.minimum !== undefined ? `≥${schema.minimum}` : "", schema.maximum !== undefined ? `≤${schema.maximum}` : "",
      schema.maxLength !== undefined ? `≤${schema.maxLength} chars` : "", schema.format || ""].filter(Boolean).join(", ");
    return (schema.type || "") + (bounds ? ` (${bounds})` : "");
  }

  // Descriptions are written with `code` spans, as in Markdown: shown as code, never as raw backticks.
  function prose(text) {
    return String(text || "").split("`").map((part, i) => (i % 2 ? h("code", {}, part) : part));
  }

  function endpoint(path, method, op) {
    const params = op.parameters || [];
    const body = op.requestBody && op.requestBody.content;
    const bodyTypes = body ? Object.entries(body).map(([ct, c]) => `${ct}: ${typeOf(c.schema)}`) : [];
    return h("div", {class: "endpoint"},
      h("span", {class: "method " + method}, method.toUpperCase()), h("code", {class: "path"}, path),
      h("span", {class: "hint"}, "  " + (op.summary || "")),
      op.description ? h("p", {class: "hint"}, prose(op.description)) : null,
      params.length ? h("table", {class: "data"},
        h("thead", {}, h("tr", {}, ["parameter", "in", "type", "default", "description"].map((c) => h("th", {}, c)))),
        h("tbody", {}, params.map((p) => h("tr", {},
          h("td", {}, h("code", {}, p.name + (p.required ? " *" : ""))), h("td", {}, p.in), h("td", {}, typeOf(p.schema)),
          h("td", {}, p.schema && p.schema.default !== undefined ? String(p.schema.default) : ""),
          h("td", {}, prose((p.schema && p.schema.description) || p.description)))))) : null,
      bodyTypes.length ? h("p", {}, "body: ", bodyTypes.join("; ")) : null,
      h("p", {class: "hint"}, "responses: " + Object.keys(op.responses || {}).join(", ")));
  }

  async function init() {
    try {
      const spec = await api("/api/openapi.json");
      const list = [];
      for (const [path, ops] of Object.entries(spec.paths)) for (const [m, op] of Object.entries(ops)) list.push(endpoint(path, m, op));
      fill(document.getElementById("endpoints"), list);
    } catch (err) {
      status(`${err.kind}: ${err.message}`, "error");
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();
