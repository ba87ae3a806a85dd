/* Material for MkDocs' search worker protocol, answered by our Vietnamese search.
 *
 * Material's header search box (its overlay, keyboard shortcuts and phone layout stay as they
 * are) talks to a worker with four messages: SETUP (0) -> READY (1), QUERY (2) -> RESULT (3).
 * We answer QUERY from the sharded index instead of lunr; only the latest query is answered, so
 * a slow answer never replaces the results of what the reader typed since.
 */
importScripts("news-search.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var SHOWN = 10;  // what Material shows before scrolling; the search page (/tim-kiem/) shows all
var PAUSE = 150;  // ms without typing before searching: a query per keystroke wastes a phone's data
var base = new URL("../../", self.location.href);
var engine = new NewsSearch.Engine(base);
var latest = 0;

function meta(record, labels) {
  var parts = [record.c, record.d, record.n];
  if (record.k) parts.push(labels.search_number + " " + record.k);
  return '<p class="news-search__meta">' + NewsSearch.escapeHtml(parts.join(" · ")) + "</p>";
}

/* The post's thumbnail from its record ("i", see newsroom/search.py), beside the result's text;
 * none for a post without a picture. Material inserts `text` as HTML, inside the result's link. */
function thumbnail(record) {
  var i = record.i, esc = NewsSearch.escapeHtml;
  if (!i) return "";
  var html = '<img class="news-thumb news-search__thumb" src="' + esc(new URL(i.u, base).href) + '"';
  if (i.s) html += ' srcset="' + esc(i.s.map(function (c) { return new URL(c[0], base).href + " " + c[1] + "w"; }).join(", ")) + '"';
  return html + ' sizes="5rem" width="' + Number(i.w) + '" height="' + Number(i.h) + '" alt="" loading="lazy" decoding="async">';
}

function answer(query) {
  if (!NewsSearch.parseQuery(query).length) return Promise.resolve({ items: [] });
  return engine.meta().then(function (info) {
    var labels = info.l;
    return engine.search(query, { limit: SHOWN }).then(function (found) {
      var items = found.results.map(function (result, rank) {
        return [{
          location: result.record.u,
          title: result.title,
          text: thumbnail(result.record) + meta(result.record, labels) + "<p>" + result.excerpt + "</p>",
          score: SHOWN - rank,
          terms: result.terms,
        }];
      });
      return { items: items };
    });
  });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    engine.meta().catch(function () {});  // small, and the first query needs it
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var ticket = ++latest;
    var empty = !NewsSearch.parseQuery(message.data).length;  // answered at once: clears the list
    setTimeout(function () { if (ticket === latest) run(ticket, message.data); }, empty ? 0 : PAUSE);
  }
});

function run(ticket, query) {
  answer(query).then(
    function (data) { if (ticket === latest) postMessage({ type: RESULT, data: data }); },
    function (error) {
      console.warn("news search:", error);
      if (ticket === latest) postMessage({ type: RESULT, data: { items: [] } });
    }
  );
}
