// The 404 page: an address of the old NukeViet portal is looked up in old-links.json (written by
// the build from the posts' old addresses and ids) and the location replaced by the post's new
// address: the exact old address first, else the module and id at its end (another category).
// Forms: /vi/news/<cat>/<alias>-<id>.html, /news/<cat>/<alias>-<id>.html, NukeViet 3's
// /vi/news/<cat>/<alias>-<id>/, and index.php?language=vi&nv=news&op=<cat>/<alias>-<id>.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var base = (script.getAttribute("data-base") || "/").replace(/\/\.$/, "/");  // MkDocs writes "/tin-tuc/."
  if (base.slice(-1) !== "/") base += "/";
  var path;
  try {
    path = decodeURIComponent(window.location.pathname);
  } catch (error) {
    return;
  }
  var relative = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
  var exact = relative.replace(/(\.html?|\/)$/i, "").toLowerCase();
  var params = new URLSearchParams(window.location.search);
  var key = null;
  var op = params.get("op");
  var nv = params.get("nv");
  var found;
  if (nv && op) {
    found = /-(\d+)(?:\.html?)?\/?$/.exec(op);
    if (found) key = nv + "/" + found[1];
  } else {
    var parts = path.split("/").filter(Boolean);
    found = parts.length >= 3 && /-(\d+)(?:\.html?)?$/.exec(parts[parts.length - 1]);
    if (found) key = parts[parts.length - 3] + "/" + found[1];
  }
  if (!key && !exact) return;
  fetch(script.getAttribute("data-map"), { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (map) {
      var url = map && ((map.paths && map.paths[exact]) || (key && map.ids && map.ids[key]));
      if (url && /^[\w./-]+$/.test(url)) window.location.replace(base + url);
    })
    .catch(function () {});
})();
