/* The search page (/tim-kiem/): results with filters by category, unit and year, 20 at a time.
 * The URL keeps the query (?tu-khoa=...&chuyen-muc=...&don-vi=...&nam=...) so results can be shared;
 * "q" is left to Material, which opens its search overlay for it. */
(function () {
  "use strict";
  var form = document.getElementById("news-search-form");
  if (!form) return;
  var base = new URL(form.getAttribute("data-base"), location.href);
  var engine = new NewsSearch.Engine(base);
  var output = document.getElementById("news-search-results");
  var status = document.getElementById("news-search-status");
  var more = document.getElementById("news-search-more");
  var PAGE = 20;
  var fields = { "tu-khoa": form.elements["tu-khoa"], "chuyen-muc": form.elements["chuyen-muc"], "don-vi": form.elements["don-vi"], nam: form.elements["nam"] };
  var current = null;
  var labels = {};

  function fill(params) {
    Object.keys(fields).forEach(function (name) { fields[name].value = params.get(name) || ""; });
  }

  function state() {
    return {
      query: fields["tu-khoa"].value,
      filters: { category: fields["chuyen-muc"].value, unit: fields["don-vi"].value, year: fields.nam.value },
    };
  }

  /* The post's thumbnail as the build wrote it in the record ("i", see newsroom/search.py): the
   * same <img> as the lists' (overrides/news/_macros.html `thumb`), lazy, in the same 3:2 box. */
  function thumbnail(i) {
    var esc = NewsSearch.escapeHtml;
    var html = '<img class="news-thumb" src="' + esc(new URL(i.u, base).href) + '"';
    if (i.s) html += ' srcset="' + esc(i.s.map(function (c) { return new URL(c[0], base).href + " " + c[1] + "w"; }).join(", ")) + '"';
    return html + ' sizes="' + esc(i.z) + '" width="' + Number(i.w) + '" height="' + Number(i.h) + '" alt="" loading="lazy" decoding="async">';
  }

  function item(result) {
    var r = result.record;
    var li = document.createElement("li");
    li.className = "news-item news-search__result" + (r.i ? " news-item--pictured" : "");
    var meta = [r.c, r.d, r.n].concat(r.k ? [labels.search_number + " " + r.k] : []);
    li.innerHTML = (r.i ? thumbnail(r.i) : "") + '<div class="news-item__text">' +
      '<p class="news-meta">' + NewsSearch.escapeHtml(meta.join(" · ")) + "</p>" +
      '<h3 class="news-item__title"><a href="' + NewsSearch.escapeHtml(new URL(r.u, base).href) + '">' + result.title + "</a></h3>" +
      '<p class="news-item__summary">' + result.excerpt + "</p></div>";
    return li;
  }

  function run(offset) {
    var s = state();
    var ticket = current = {};
    status.textContent = labels.search_loading || "…";
    more.hidden = true;
    if (!offset) output.innerHTML = "";
    engine.search(s.query, { filters: s.filters, offset: offset, limit: PAGE }).then(function (found) {
      if (ticket !== current) return;
      found.results.forEach(function (result) { output.appendChild(item(result)); });
      var text = found.total ? labels.search_results.replace("{count}", found.total) : labels.search_none;
      if (found.missing.length) text += " " + labels.search_missing + ": " + found.missing.join(", ") + ".";
      status.textContent = s.query.trim() ? text : "";
      more.hidden = offset + PAGE >= found.total;
      more.onclick = function () { run(offset + PAGE); };
    }, function () {
      if (ticket === current) status.textContent = labels.search_error;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams();
    Object.keys(fields).forEach(function (name) { if (fields[name].value) params.set(name, fields[name].value); });
    history.replaceState(null, "", "?" + params.toString());
    run(0);
  });
  ["chuyen-muc", "don-vi", "nam"].forEach(function (name) {
    fields[name].addEventListener("change", function () { form.requestSubmit(); });
  });

  engine.meta().then(function (meta) {
    labels = meta.l;
    var params = new URLSearchParams(location.search);
    fill(params);
    if (params.get("tu-khoa")) run(0);
  });
})();
