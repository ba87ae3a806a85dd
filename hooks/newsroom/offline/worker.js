/* The site's service worker (the build writes it as sw.js, with self.NEWS_OFFLINE set on the
 * line above: newsroom/offline/plan.py). Hand-written, no library: five strategies and a few
 * messages from the pages (news-offline.js).
 *
 * - pages: network first; after pageTimeout the copy on the phone (saved, then visited), and with
 *   no copy and no network the offline page, with the saved posts listed;
 * - stylesheets, scripts, fonts: cache first, one cache per build version;
 * - pictures: cache first, at most imagesMax kept, none older than imagesMaxAge;
 * - search shards: stale-while-revalidate, one cache per build (ids change between builds);
 * - anything else of the site: network, then any copy of ours.
 *
 * Every cache name starts with the site's path ("/tin-tuc/news-"): the project sites of one
 * github.io origin share its caches, and this worker reads, trims and deletes only its own.
 * Requests to other origins are left alone, and the worker makes none itself.
 */
(function () {
  "use strict";

  var C = self.NEWS_OFFLINE;
  var SCOPE = new URL(self.registration.scope);
  var PREFIX = SCOPE.pathname + "news-";
  var NAMES = {
    shell: PREFIX + "shell-" + C.version,
    static: PREFIX + "static-" + C.version,
    search: PREFIX + "search-" + C.version,
    pages: PREFIX + "pages",
    images: PREFIX + "images",
    saved: PREFIX + "saved"
  };
  var OURS = Object.keys(NAMES).map(function (key) { return NAMES[key]; });
  var META = "x-news-meta"; // saved post: title, date, pictures, when saved
  var STAMP = "x-news-kept"; // picture: when it was kept
  var HASH = "x-news-hash"; // stylesheet, script: the hash of its bytes in the build that wrote it
  var STATIC = /\.(css|js|woff2?|ttf)$/;
  var PICTURE = /\.(png|jpe?g|webp|avif|gif|ico)$/i;

  function at(relative) { return new URL(relative, SCOPE).href; }
  function fresh(url) { return new Request(url, { cache: "no-cache", credentials: "same-origin" }); }

  /* The URL a page is kept under: no query, no fragment, "index.html" dropped. */
  function pageKey(url) {
    var parsed = new URL(url, SCOPE);
    var path = parsed.pathname.replace(/\/index\.html$/, "/");
    return parsed.origin + path;
  }

  function ours(url) {
    var parsed = new URL(url, SCOPE);
    return parsed.origin === SCOPE.origin && parsed.pathname.indexOf(SCOPE.pathname) === 0;
  }

  /* Only reads: caches.open() would create a missing cache, even one a newer worker deleted. */
  function matchIn(names, key) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) { return hit || caches.match(key, { cacheName: name }); });
    }, Promise.resolve(undefined));
  }

  /* A worker replaced by a newer build may still answer a request or a message for a moment:
     it must not bring back the caches of its build, which the new worker has just deleted. */
  function retired() { return !!self.serviceWorker && self.serviceWorker.state === "redundant"; }

  function keepable(response) { return response && response.ok && response.type === "basic"; }

  /* A copy with our own headers: redirected responses cannot answer a navigation, and a
     decoded body must not keep its Content-Encoding. */
  function copyOf(response, body, extra) {
    var headers = new Headers({ "Content-Type": response.headers.get("Content-Type") || "text/html; charset=utf-8" });
    Object.keys(extra || {}).forEach(function (key) { headers.set(key, extra[key]); });
    return new Response(body, { status: 200, headers: headers });
  }

  /* Oldest first: Cache keys come in the order the entries were put. */
  function trim(name, max) {
    return caches.open(name).then(function (cache) {
      return cache.keys().then(function (keys) {
        return Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map(function (key) { return cache.delete(key); }));
      });
    });
  }

  // ---- install, activate: a new build replaces the old worker and its caches at once

  self.addEventListener("install", function (event) {
    event.waitUntil(
      caches.open(NAMES.shell)
        .then(function (cache) { return cache.addAll(C.shell.map(function (url) { return new Request(at(url), { cache: "reload" }); })); })
        .then(carryOver)
        .then(function () { return self.skipWaiting(); })
    );
  });

  /* The files this build did not change are taken from the previous build's cache: a new build
     downloads only what changed, and what was kept stays usable offline at once. */
  function carryOver() {
    return caches.keys().then(function (names) {
      var older = names.filter(function (name) { return name.indexOf(PREFIX + "static-") === 0 && name !== NAMES.static; });
      if (!older.length) return;
      return caches.open(NAMES.static).then(function (target) {
        return Promise.all(C.precache.map(function (url) {
          var key = at(url);
          return matchIn(older, key).then(function (hit) {
            if (hit && hit.headers.get(HASH) === C.hashes[url]) return target.put(key, hit);
          });
        }));
      });
    });
  }

  function pathOf(url) { return new URL(url).pathname.slice(SCOPE.pathname.length); }

  /* Kept with the hash of this build's file, when the build listed it. */
  function keepStatic(cache, key, response) {
    var hash = C.hashes[pathOf(key)];
    if (!hash) return cache.put(key, response);
    return response.blob().then(function (body) {
      var extra = {};
      extra[HASH] = hash;
      return cache.put(key, copyOf(response, body, extra));
    });
  }

  self.addEventListener("activate", function (event) {
    event.waitUntil(
      caches.keys()
        .then(function (names) {
          var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && OURS.indexOf(name) < 0; });
          return Promise.all(old.map(function (name) { return caches.delete(name); }));
        })
        .then(expireImages)
        .then(function () { return self.clients.claim(); })
    );
  });

  // ---- fetch

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || !ours(request.url)) return;
    var path = new URL(request.url).pathname.slice(SCOPE.pathname.length);
    if (path === "sw.js") return;
    if (request.mode === "navigate") event.respondWith(page(event, request));
    else if (path.indexOf("search/") === 0) event.respondWith(staleWhileRevalidate(event, request));
    else if (STATIC.test(path)) event.respondWith(cacheFirst(event, request));
    else if (PICTURE.test(path)) event.respondWith(picture(event, request));
    else event.respondWith(fetch(request).catch(function (error) {
      return matchIn(OURS, request.url).then(function (hit) { if (hit) return hit; throw error; });
    }));
  });

  function page(event, request) {
    var key = pageKey(request.url);
    // revalidated, never from the HTTP cache: GitHub Pages lets a page be reused for 10 minutes,
    // and a reader coming back online must see the post as it is now
    var network = fetch(new Request(request, { cache: "no-cache" })).then(function (response) {
      if (keepable(response) && !response.redirected) event.waitUntil(visited(key, response.clone()));
      return response;
    });
    return new Promise(function (resolve) {
      var done = false;
      function answer(response) {
        if (done || !response) return;
        done = true;
        clearTimeout(timer);
        resolve(response);
      }
      // slow network: the copy on the phone if there is one, else keep waiting
      var timer = setTimeout(function () { copyOfPage(key).then(answer); }, C.pageTimeout);
      network.then(answer, function () {
        copyOfPage(key).then(function (copy) { return copy || offlinePage(); }).then(answer);
      });
    });
  }

  function copyOfPage(key) {
    return matchIn([NAMES.saved, NAMES.pages, NAMES.shell], key);
  }

  /* The offline page, answered at the address that failed: a <base> makes its links and files
     resolve as on its own address, and Material's configuration (which it resolves against the
     address, not the <base>) is given the site's address instead of a relative one. */
  function offlinePage() {
    return matchIn([NAMES.shell], at(C.offline)).then(function (cached) {
      if (!cached) return new Response(C.fallbackText, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      return cached.text().then(function (html) {
        var base = '<base href="' + at(C.offline) + '">';
        html = html.replace(/<head[^>]*>/i, function (head) { return head + base; })
          .replace(/(<script id="__config"[^>]*>[^<]*?"base":\s*)"[^"]*"/, function (all, start) { return start + JSON.stringify(SCOPE.href); });
        return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  }

  function visited(key, response) {
    return caches.open(NAMES.saved)
      .then(function (saved) { return saved.match(key); })
      .then(function (savedCopy) {
        if (savedCopy) return save(key, response); // a saved post refreshes with its pictures
        return caches.open(NAMES.pages)
          .then(function (cache) { return cache.delete(key).then(function () { return cache.put(key, response); }); })
          .then(function () { return trim(NAMES.pages, C.pagesMax); });
      });
  }

  function cacheFirst(event, request) {
    if (retired()) return fetch(request);
    return caches.open(NAMES.static).then(function (cache) {
      return cache.match(request).then(function (hit) {
        // revalidated: the HTTP cache may still hold the previous build's file
        return hit || fetch(new Request(request, { cache: "no-cache" })).then(function (response) {
          if (keepable(response)) event.waitUntil(keepStatic(cache, request.url, response.clone()));
          return response;
        });
      });
    });
  }

  function staleWhileRevalidate(event, request) {
    if (retired()) return fetch(request);
    return caches.open(NAMES.search).then(function (cache) {
      return cache.match(request).then(function (hit) {
        var network = fetch(request).then(function (response) {
          if (!keepable(response)) return response;
          return cache.put(request, response.clone()).then(function () { return response; });
        });
        if (!hit) return network;
        event.waitUntil(network.catch(function () {}));
        return hit;
      });
    });
  }

  function age(response) {
    var kept = Number(response.headers.get(STAMP) || 0);
    return Date.now() - kept;
  }

  function picture(event, request) {
    var key = request.url.split("#")[0];
    return matchIn([NAMES.saved], key).then(function (saved) {
      if (saved) return saved;
      return matchIn([NAMES.images], key).then(function (hit) {
        if (hit && age(hit) < C.imagesMaxAge) return hit;
        return fetch(request).then(function (response) {
          if (keepable(response)) event.waitUntil(keepPicture(key, response.clone()));
          return response;
        }, function (error) {
          if (hit) return hit; // an old picture is better than none
          throw error;
        });
      });
    });
  }

  function keepPicture(key, response) {
    return response.blob().then(function (body) {
      var extra = {};
      extra[STAMP] = String(Date.now());
      return caches.open(NAMES.images)
        .then(function (cache) { return cache.delete(key).then(function () { return cache.put(key, copyOf(response, body, extra)); }); })
        .then(function () { return trim(NAMES.images, C.imagesMax); });
    });
  }

  function expireImages() {
    return caches.open(NAMES.images).then(function (cache) {
      return cache.keys().then(function (keys) {
        return Promise.all(keys.map(function (key) {
          return cache.match(key).then(function (hit) { if (hit && age(hit) >= C.imagesMaxAge) return cache.delete(key); });
        }));
      });
    });
  }

  // ---- saving posts

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: "\u00a0" };
  function unescapeHtml(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (all, name) {
      if (name[0] === "#") {
        var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return ENTITIES[name.toLowerCase()] || all;
    });
  }

  function attribute(tag, name) {
    var found = new RegExp("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", "i").exec(tag);
    return found ? unescapeHtml(found[2] !== undefined ? found[2] : found[3]) : null;
  }

  /* The pictures of a post's article (every srcset candidate: the phone picks one by its
     screen), only those of this site. */
  function picturesOf(html, base) {
    var start = html.search(/<article\b/i);
    var end = html.lastIndexOf("</article>");
    var article = start >= 0 && end > start ? html.slice(start, end) : html;
    var found = [];
    (article.match(/<(img|source)\b[^>]*>/gi) || []).forEach(function (tag) {
      var urls = [];
      var src = attribute(tag, "src");
      if (src) urls.push(src);
      var srcset = attribute(tag, "srcset");
      if (srcset) srcset.split(",").forEach(function (part) { var url = part.trim().split(/\s+/)[0]; if (url) urls.push(url); });
      urls.forEach(function (url) {
        if (/^data:/i.test(url)) return;
        var absolute = new URL(url, base).href.split("#")[0];
        if (ours(absolute) && found.indexOf(absolute) < 0) found.push(absolute);
      });
    });
    return found;
  }

  function textOf(fragment) { return unescapeHtml(fragment.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim(); }

  function describe(html) {
    var h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
    var title = /<title>([\s\S]*?)<\/title>/i.exec(html);
    var time = /<time\b[^>]*\sdatetime="([^"]+)"/i.exec(html);
    return { title: h1 ? textOf(h1[1]) : title ? textOf(title[1]) : "", date: time ? time[1] : "" };
  }

  function metaOf(response) {
    try { return JSON.parse(decodeURIComponent(response.headers.get(META) || "")); } catch (error) { return null; }
  }

  /* Keep a post and its pictures in the saved cache; `response` when we already have the page. */
  function save(key, response) {
    var page = response ? Promise.resolve(response) : fetch(fresh(key));
    return page.then(function (got) {
      if (!keepable(got)) throw new Error((got && got.status) + " " + key);
      return got.text().then(function (html) {
        var meta = describe(html);
        meta.url = key;
        meta.saved = new Date().toISOString();
        meta.pictures = picturesOf(html, key);
        return caches.open(NAMES.saved).then(function (cache) {
          var pictures = meta.pictures.map(function (url) {
            return cache.match(url).then(function (hit) {
              if (hit) return;
              return fetch(fresh(url)).then(function (got) { if (keepable(got)) return cache.put(url, got); }, function () {});
            });
          });
          var extra = {};
          extra[META] = encodeURIComponent(JSON.stringify(meta));
          return Promise.all(pictures)
            .then(function () { return cache.put(key, copyOf(got, html, extra)); })
            .then(function () { return caches.open(NAMES.pages); })
            .then(function (pages) { return pages.delete(key); })
            .then(function () { return { url: key, title: meta.title }; });
        });
      });
    });
  }

  function saveAll(urls) {
    var saved = [];
    var failed = [];
    return urls.reduce(function (done, url) {
      return done.then(function () {
        if (!ours(url)) { failed.push(url); return; }
        return save(pageKey(url)).then(function (post) { saved.push(post); }, function () { failed.push(url); });
      });
    }, Promise.resolve()).then(function () { return { saved: saved, failed: failed }; });
  }

  function savedPosts() {
    return caches.open(NAMES.saved).then(function (cache) {
      return cache.keys().then(function (keys) {
        return Promise.all(keys.map(function (key) { return cache.match(key).then(metaOf); }));
      });
    }).then(function (metas) {
      return metas.filter(Boolean).sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
    });
  }

  /* Forget a saved post and the pictures no other saved post shows. */
  function forget(url) {
    var key = pageKey(url);
    return savedPosts().then(function (posts) {
      var still = {};
      posts.forEach(function (post) { if (post.url !== key) post.pictures.forEach(function (p) { still[p] = true; }); });
      var gone = posts.filter(function (post) { return post.url === key; });
      return caches.open(NAMES.saved).then(function (cache) {
        var pictures = gone.length ? gone[0].pictures.filter(function (p) { return !still[p]; }) : [];
        return Promise.all([cache.delete(key)].concat(pictures.map(function (p) { return cache.delete(p); })));
      });
    }).then(function () { return { url: key }; });
  }

  function usage() {
    return caches.keys().then(function (names) {
      var mine = names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
      return Promise.all(mine.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (keys) {
            return Promise.all(keys.map(function (key) { return cache.match(key).then(function (hit) { return hit ? hit.blob() : null; }); }));
          });
        }).then(function (bodies) {
          return { name: name, entries: bodies.length, bytes: bodies.reduce(function (sum, body) { return sum + (body ? body.size : 0); }, 0) };
        });
      }));
    }).then(function (list) {
      return { caches: list, bytes: list.reduce(function (sum, item) { return sum + item.bytes; }, 0), version: C.version };
    });
  }

  function precache() {
    if (retired()) return Promise.resolve();
    return caches.open(NAMES.static).then(function (cache) {
      return Promise.all(C.precache.map(function (url) {
        var key = at(url);
        return cache.match(key).then(function (hit) {
          if (hit) return;
          return fetch(new Request(key, { cache: "reload" })).then(function (response) {
            if (keepable(response)) return keepStatic(cache, key, response);
          });
        });
      }));
    }).then(function () {
      var home = pageKey(at(C.home));
      return copyOfPage(home).then(function (hit) {
        if (!hit) return fetch(fresh(home)).then(function (got) { if (keepable(got)) return visited(home, got); });
      });
    });
  }

  var HANDLERS = {
    precache: precache,
    save: function (data) { return saveAll(data.urls || []); },
    saveLatest: function () {
      return fetch(fresh(at(C.latest)))
        .then(function (got) { if (!got.ok) throw new Error(got.status + " " + C.latest); return got.json(); })
        .then(function (latest) { return saveAll(latest.posts.map(function (post) { return at(post.url); })); });
    },
    list: savedPosts,
    forget: function (data) { return forget(data.url); },
    clear: function () {
      return Promise.all([NAMES.saved, NAMES.pages, NAMES.images, NAMES.search].map(function (name) { return caches.delete(name); }));
    },
    usage: usage
  };

  self.addEventListener("message", function (event) {
    var data = event.data || {};
    var port = event.ports && event.ports[0];
    var handler = HANDLERS[data.type];
    var job = handler ? Promise.resolve().then(function () { return handler(data); }) : Promise.reject(new Error("unknown message " + data.type));
    event.waitUntil(job.then(
      function (result) { if (port) port.postMessage({ ok: true, result: result === undefined ? null : result }); },
      function (error) { if (port) port.postMessage({ ok: false, error: String(error) }); }
    ));
  });
})();
