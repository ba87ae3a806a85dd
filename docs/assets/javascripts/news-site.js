/* Keyboard access to the header buttons that open the menu (phones) and the search box.
   Material draws them as <label>s of hidden checkboxes, which Tab skips and which cannot be
   buttons for assistive technology. Each gets a real <button> in its place that clicks it;
   the label stays (hidden) for Material's own script. Without script the labels still work
   with a mouse or a finger. */
(function () {
  "use strict";
  var script = document.currentScript;
  var names = { __drawer: script && script.dataset.menu, __search: script && script.dataset.search };
  document.querySelectorAll("header label.md-header__button[for]").forEach(function (label) {
    var id = label.htmlFor;
    var toggle = document.getElementById(id);
    if (!toggle || !(id in names)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-news-for", id);
    if (names[id]) button.setAttribute("aria-label", names[id]);
    button.setAttribute("aria-controls", id);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.insertBefore(button, label);
    label.setAttribute("data-news-replaced", "");
    function expanded() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    button.addEventListener("click", function () {
      label.click();
      if (id === "__drawer" && toggle.checked) {
        var first = document.querySelector(".md-nav--primary a[href]");
        if (first) first.focus();
      }
    });
    toggle.addEventListener("change", expanded);
    expanded();
    if (id === "__drawer") {
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.checked) {
          toggle.click();
          button.focus();
        }
      });
    }
  });

  // The search results' scroll box is focusable (to scroll with arrow keys) even while the
  // search is closed and the box has no size: Tab would land on nothing visible.
  var search = document.getElementById("__search");
  var results = document.querySelector(".md-search__scrollwrap");
  if (search && results) {
    var focusable = function () { results.tabIndex = search.checked ? 0 : -1; };
    search.addEventListener("change", focusable);
    focusable();
  }
})();
