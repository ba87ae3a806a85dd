/* Run first, in <head>, before anything is drawn (overrides/partials/javascripts/base.html).
   - Marks the page as scripted: controls that need script (data-news-needs-js) are then laid
     out from the start, with no shift when their script runs.
   - Material's inline script from partials/javascripts/base.html, as a file so that the
     Content-Security-Policy needs no inline script: the storage helpers its bundle calls,
     scoped to the site's folder (the scope is the page's base URL, given by the template). */
(function () {
  "use strict";
  document.documentElement.classList.add("news-js");
  var script = document.currentScript;
  var scope = new URL(script.getAttribute("data-scope") || ".", location);
  window.__md_scope = scope;
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)); } catch (error) {}
  };
})();
