/* The "Văn bản" table: sort by a column (its header button) and filter by words typed
   with or without diacritics, by type, year of issue and unit. Without script the whole table is shown. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-news-documents]");
  var form = document.querySelector("form[data-news-documents-filter]");
  var status = document.querySelector("[data-news-documents-status]");
  if (!table || !form || !status) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  // the same folding as newsroom.text.fold: no diacritics, đ -> d, lowercase
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐÐð]/g, "d").toLowerCase();
  }

  function filter() {
    var words = fold(form.elements["loc"].value).split(/\s+/).filter(Boolean);
    var type = form.elements["loai"].value;
    var unit = form.elements["don-vi"].value;
    var year = form.elements["nam"].value;
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search");
      var match = (!type || row.getAttribute("data-type") === type) &&
        (!unit || row.getAttribute("data-unit") === unit) &&
        (!year || row.getAttribute("data-year") === year) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = shown
      ? status.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length)
      : status.getAttribute("data-none");
  }

  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });
  function value(row, column) {
    var cell = row.cells[column];
    return cell.getAttribute("data-value") || cell.textContent.trim();
  }

  function sort(header, column, descending) {
    rows.sort(function (a, b) {
      var order = collator.compare(value(a, column), value(b, column));
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
    var button = header.querySelector("button.news-documents__sort");
    if (!button) return;
    button.disabled = false;
    button.addEventListener("click", function () {
      sort(header, column, header.getAttribute("aria-sort") === "ascending");
    });
  });

  var query = new URLSearchParams(window.location.search);
  ["loc", "loai", "nam", "don-vi"].forEach(function (name) {
    if (query.get(name)) form.elements[name].value = query.get(name);
  });
  form.addEventListener("input", filter);
  form.addEventListener("change", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  filter();
})();
