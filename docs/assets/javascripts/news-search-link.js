/* Keeps the "see all results" link of the header search box pointing at the search page
   for what is typed, so a reader can go on to every result and the filters. */
(function () {
  "use strict";
  var input = document.querySelector("[data-md-component=search-query]");
  var link = document.querySelector("[data-news-search-all]");
  if (!input || !link) return;
  var page = new URL(link.getAttribute("href"), location.href);
  function update() {
    var query = input.value.trim();
    page.search = query ? "?tu-khoa=" + encodeURIComponent(query) : "";
    link.href = page.href;
    link.hidden = !query;
  }
  ["input", "keyup", "change"].forEach(function (name) { input.addEventListener(name, update); });
  update();
})();
