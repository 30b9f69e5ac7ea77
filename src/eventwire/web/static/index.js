/* The Try-it page: paste text or upload a file, code it, show the article view. */
"use strict";

(() => {
  const {api, status} = EW;
  // An invented example (no real article's text).
  const EXAMPLE = [
    "Chile and Peru sign water deal after border talks",
    "",
    "Chile's foreign minister Ana Rojas met Peru's foreign minister in Lima on Monday and the two governments signed an agreement on sharing the water of a border river.",
    "",
    "\u201cThis deal shows that neighbours can settle hard questions by talking,\u201d Rojas told reporters after the meeting.",
    "",
    "Bolivia criticised the agreement, saying it had not been consulted. Police in La Paz arrested 15 protesters who tried to block the road to the Chilean embassy on Tuesday.",
  ].join("\n");

  /** One input at a time: a chosen file is what gets coded until the user types text, which
   * clears the file (and says so); choosing a file says that the text box is set aside. */
  function watchSource() {
    const text = document.getElementById("text"), file = document.getElementById("file");
    const clear = document.getElementById("clear-file"), note = document.getElementById("source-note");
    const show = (message) => { clear.hidden = !file.files.length; EW.fill(note, message || ""); };
    file.addEventListener("change", () => {
      const f = file.files[0];
      show(f ? `Code it will code the file ${f.name}` + (text.value.trim() ? ", not the text in the box; typing in the box clears the file." : ".") : "");
    });
    const dropFile = (why) => {
      if (!file.files.length) return;
      file.value = "";
      show(why);
    };
    text.addEventListener("input", () => dropFile("The file was cleared: Code it will code the text in the box."));
    clear.addEventListener("click", () => dropFile("The file was cleared."));
    return dropFile;
  }

  function init() {
    const form = document.getElementById("code-form");
    const view = document.getElementById("view");
    const dropFile = watchSource();
    document.getElementById("example").addEventListener("click", () => {
      document.getElementById("text").value = EXAMPLE;
      document.getElementById("published").value = "2024-05-06";
      dropFile("The file was cleared: Code it will code the example.");
    });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const text = document.getElementById("text").value;
      const file = document.getElementById("file").files[0];
      const published = document.getElementById("published").value || null;
      const html = document.getElementById("is-html").checked;
      if (!file && !text.trim()) { status("Paste an article or choose a file first.", "error"); return; }
      const button = document.getElementById("code-button");
      button.disabled = true;
      status("Coding…", "busy");
      const started = performance.now();
      try {
        let doc;
        if (file) {
          const data = new FormData();
          data.append("file", file);
          if (published) data.append("published", published);
          doc = await api("/api/code/file", {method: "POST", body: data});
        } else {
          doc = await api("/api/code", {method: "POST", headers: {"content-type": "application/json"},
            body: JSON.stringify({text, html, published})});
        }
        EW.renderArticle(doc, view);
        view.scrollIntoView({block: "start"});
        status(`Coded in ${Math.round(performance.now() - started)} ms.`, "ok");
      } catch (err) {
        view.replaceChildren();
        status(`Could not code this article (${err.kind}): ${err.message}`, "error");
      } finally {
        button.disabled = false;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
