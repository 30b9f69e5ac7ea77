/* /article/{id}: one article of the corpus, marked up; #sN highlights sentence N. */
"use strict";

(() => {
  const {api, status} = EW;

  async function init() {
    const id = decodeURIComponent(location.pathname.slice("/article/".length));  // ids may hold "/"
    const view = document.getElementById("view");
    try {
      const doc = await api("/api/articles/" + encodeURIComponent(id));
      document.title = "eventwire: " + (doc.title || doc.id);
      EW.renderArticle(doc, view);
      status("");
      showHash();
    } catch (err) {
      status(`Could not load article ${id} (${err.kind}): ${err.message}`, "error");
    }
  }

  function showHash() {
    const m = /^#s(\d+)$/.exec(location.hash);
    if (m) EW.renderArticle.showSentence(Number(m[1]));
  }

  window.addEventListener("hashchange", showHash);
  document.addEventListener("DOMContentLoaded", init);
})();
