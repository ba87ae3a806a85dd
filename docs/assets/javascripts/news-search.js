/* Vietnamese news search over the static index written by newsroom/search.py.
 *
 * Runs in the search worker (header search box) and on the search page. It fetches only what a
 * query needs: meta.json once, one shard per query word and word pair, and the records shown.
 * Folding must match newsroom/text.py: "Công Đoàn", "công đoàn" (NFC or NFD), "cong doan" and
 * "CÔNG ĐOÀN" are all "cong doan"; "đ", "Đ" and "Ð" (U+00D0) fold to "d".
 */
(function (root) {
  "use strict";

  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;

  function fold(text) {
    return text
      .replace(/[đĐÐð]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase();
  }

  function toneKey(word) {
    var decomposed = word.toLowerCase().normalize("NFD");
    return decomposed.replace(TONES, "") + (decomposed.match(TONES) || []).join("");
  }

  function words(text) {
    return (text.normalize("NFC").toLowerCase().match(WORD) || []);
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value ^= bytes[i];
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value >>> 0;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function undelta(list) {
    var ids = [];
    var id = 0;
    for (var i = 0; i < list.length; i++) { id += list[i]; ids.push(id); }
    return ids;
  }

  /* The words of a query, each with its folded form and, when typed with diacritics, its tone key. */
  function parseQuery(query) {
    var seen = {};
    var parsed = [];
    words(query).forEach(function (word) {
      var folded = fold(word);
      if (!folded || seen[folded]) return;
      seen[folded] = true;
      parsed.push({ word: word, folded: folded, exact: folded !== word ? toneKey(word) : null });
    });
    return parsed;
  }

  /* Mark every syllable of `text` whose folded form is one of `folded`; return escaped HTML. */
  function highlight(text, folded) {
    var out = "";
    var last = 0;
    text.replace(WORD, function (match, offset) {
      if (folded.indexOf(fold(match)) >= 0) {
        out += escapeHtml(text.slice(last, offset)) + "<mark>" + escapeHtml(match) + "</mark>";
        last = offset + match.length;
      }
      return match;
    });
    return out + escapeHtml(text.slice(last));
  }

  /* A short passage of `text` around the best place where the query words occur. */
  function excerpt(text, folded, size) {
    size = size || 220;
    var positions = [];
    text.replace(WORD, function (match, offset) {
      if (folded.indexOf(fold(match)) >= 0) positions.push(offset);
      return match;
    });
    var start = 0;
    if (positions.length) {
      var best = positions[0];
      var bestCount = 0;
      positions.forEach(function (p) {
        var count = positions.filter(function (q) { return q >= p && q < p + size * 0.6; }).length;
        if (count > bestCount) { best = p; bestCount = count; }
      });
      start = Math.max(0, best - 60);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        start = space >= 0 && space < best ? space + 1 : start;
      }
    }
    var end = Math.min(text.length, start + size);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      end = cut > start ? cut : end;
    }
    return (start > 0 ? "…" : "") + highlight(text.slice(start, end), folded) + (end < text.length ? "…" : "");
  }

  function Engine(base) {
    this.base = base;
    this.cache = {};
  }

  Engine.prototype.fetchJson = function (path) {
    var self = this;
    if (!this.cache[path]) {
      this.cache[path] = fetch(new URL(path, this.base)).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + path);
        return response.json();
      });
      this.cache[path].catch(function () { delete self.cache[path]; });
    }
    return this.cache[path];
  };

  Engine.prototype.meta = function () {
    return this.fetchJson("search/meta.json");
  };

  Engine.prototype.lookup = function (meta, term) {
    return this.fetchJson("search/s/" + (fnv1a(term) % meta.s) + ".json").then(function (shard) {
      return { postings: shard.p[term] || null, variants: shard.x[term] || null };
    });
  };

  Engine.prototype.filterIds = function (meta, filters) {
    var self = this;
    var wanted = [];
    if (filters.category) wanted.push(self.fetchJson("search/f/c-" + filters.category + ".json"));
    if (filters.unit) wanted.push(self.fetchJson("search/f/u-" + filters.unit + ".json"));
    return Promise.all(wanted).then(function (lists) {
      var sets = lists.map(function (list) { return new Set(undelta(list)); });
      var range = filters.year ? meta.y[filters.year] || [0, 0] : null;
      return function (id) {
        if (range && (id < range[0] || id >= range[1])) return false;
        return sets.every(function (set) { return set.has(id); });
      };
    });
  };

  /* Ranked ids: all words first, then exact diacritics, the post's own document number, title
     matches, phrases; newer first. */
  Engine.prototype.rank = function (meta, query, filters) {
    var self = this;
    var pairs = [];
    for (var i = 0; i + 1 < query.length; i++) pairs.push(query[i].folded + " " + query[i + 1].folded);
    return Promise.all([
      Promise.all(query.map(function (q) { return self.lookup(meta, q.folded); })),
      Promise.all(pairs.map(function (p) { return self.lookup(meta, p); })),
      self.filterIds(meta, filters || {}),
    ]).then(function (found) {
      var singles = found[0], doubles = found[1], allowed = found[2];
      var docs = new Map();
      function entry(id) {
        var e = docs.get(id);
        if (!e) { e = { id: id, all: 0, exact: 0, number: 0, title: 0, phrase: 0, matched: {} }; docs.set(id, e); }
        return e;
      }
      singles.forEach(function (hit, index) {
        if (!hit.postings) return;
        var q = query[index];
        var list = hit.postings, id = 0, ids = [];
        for (var k = 0; k < list.length; k += 2) {
          id += list[k];
          if (!allowed(id)) continue;
          var e = entry(id);
          e.all += 1;
          e.matched[q.folded] = true;
          if (list[k + 1] >= 16) e.title += 1;  // a number is in the title text too
          if (list[k + 1] >= 32) e.number += 1;  // in the post's own document number
          ids.push(id);
        }
        if (q.exact) exactIds(hit, q, ids).forEach(function (x) { docs.get(x).exact += 1; });
      });
      doubles.forEach(function (hit) {
        if (!hit.postings) return;
        var list = hit.postings, id = 0;
        for (var k = 0; k < list.length; k += 2) {
          id += list[k];
          if (docs.has(id)) docs.get(id).phrase += 1;
        }
      });
      var ranked = Array.from(docs.values());
      ranked.sort(function (a, b) {
        return b.all - a.all || b.exact - a.exact || b.number - a.number || b.title - a.title || b.phrase - a.phrase || a.id - b.id;
      });
      return {
        ranked: ranked,
        missing: query.filter(function (q, index) { return !singles[index].postings; }).map(function (q) { return q.word; }),
      };
    });
  };

  /* Ids among `ids` (posts containing the folded word) that use the spelling typed. */
  function exactIds(hit, q, ids) {
    var v = hit.variants;
    if (!v) return [];  // every post spells it without diacritics
    if (v.d === q.exact) {
      var lacking = new Set(undelta(v.n || []));
      return ids.filter(function (id) { return !lacking.has(id); });
    }
    var other = v.m && v.m[q.exact];
    if (!other) return [];
    var has = new Set(undelta(other));
    return ids.filter(function (id) { return has.has(id); });
  }

  Engine.prototype.record = function (meta, id) {
    return this.fetchJson("search/d/" + Math.floor(id / meta.f) + "/" + id + ".json");
  };

  /* Search: {total, missing, results: [{record, title, excerpt, terms}]} for one page of results. */
  Engine.prototype.search = function (text, options) {
    options = options || {};
    var self = this;
    var query = parseQuery(text);
    if (!query.length) return Promise.resolve({ total: 0, missing: [], results: [], query: query });
    return this.meta().then(function (meta) {
      return self.rank(meta, query, options.filters).then(function (ranking) {
        var offset = options.offset || 0;
        var page = ranking.ranked.slice(offset, offset + (options.limit || 10));
        return Promise.all(page.map(function (e) { return self.record(meta, e.id); })).then(function (records) {
          var folded = query.map(function (q) { return q.folded; });
          return {
            total: ranking.ranked.length,
            missing: ranking.missing,
            query: query,
            results: records.map(function (record, index) {
              var terms = {};
              query.forEach(function (q) { terms[q.word] = !!page[index].matched[q.folded]; });
              return {
                record: record,
                title: highlight(record.t, folded),
                excerpt: excerpt(record.x, folded),
                terms: terms,
              };
            }),
          };
        });
      });
    });
  };

  root.NewsSearch = {
    Engine: Engine,
    fold: fold,
    toneKey: toneKey,
    fnv1a: fnv1a,
    parseQuery: parseQuery,
    highlight: highlight,
    excerpt: excerpt,
    escapeHtml: escapeHtml,
  };
})(typeof self !== "undefined" ? self : this);
