/* Reading without a connection, the page's side: registers the site's service worker (sw.js at
   the site's root, found from this file's own address, so it works under any sub-path), and runs
   the "Lưu bài để đọc khi mất mạng", "Lưu các tin mới nhất", saved-list and "Xóa" controls by
   asking the worker (newsroom/offline/worker.js), which alone reads and writes the caches.
   With Save-Data on, nothing is fetched ahead: posts are kept only when the reader asks. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src); // this file is assets/javascripts/news-offline.js
  var supported = "serviceWorker" in navigator && "caches" in window && window.isSecureContext;
  var saveData = !!(navigator.connection && navigator.connection.saveData);

  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.ok) resolve(event.data.result);
          else reject(new Error(event.data ? event.data.error : "no answer"));
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function status(box, text) {
    var element = box.querySelector("[role=status]");
    if (element) element.textContent = text;
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " MB";
  }

  function shortDate(iso) {
    var found = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return found ? found[3] + "/" + found[2] + "/" + found[1] : "";
  }

  /* The saved posts as links; with `forget`, each with its "Xóa" button. */
  function showList(list, box) {
    return ask({ type: "list" }).then(function (posts) {
      list.textContent = "";
      if (!posts.length) {
        var empty = document.createElement("li");
        empty.className = "news-offline__empty";
        empty.textContent = list.dataset.empty;
        list.appendChild(empty);
      }
      posts.forEach(function (post) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = post.url;
        link.textContent = post.title || post.url;
        item.appendChild(link);
        var date = shortDate(post.date);
        if (date) {
          var time = document.createElement("time");
          time.dateTime = post.date;
          time.textContent = " (" + date + ")";
          item.appendChild(time);
        }
        if (box && box.dataset.forget) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button news-offline__forget";
          button.textContent = box.dataset.forget;
          button.setAttribute("aria-label", fill(box.dataset.forgetLabel, { title: post.title }));
          button.addEventListener("click", function () {
            ask({ type: "forget", url: post.url }).then(function () {
              status(box, fill(box.dataset.forgotten, { title: post.title }));
              refresh();
            });
          });
          item.appendChild(document.createTextNode(" "));
          item.appendChild(button);
        }
        list.appendChild(item);
      });
    });
  }

  function refresh() {
    document.querySelectorAll("[data-news-offline-list]").forEach(function (list) {
      showList(list, list.closest("[data-news-offline]"));
    });
    document.querySelectorAll("[data-news-offline-usage]").forEach(function (element) {
      var box = element.closest("[data-news-offline]");
      ask({ type: "usage" }).then(function (usage) {
        element.textContent = fill(box.dataset.usage, { size: megabytes(usage.bytes) }) + (saveData ? " " + box.dataset.saveData : "");
      });
    });
  }

  function wire(selector, message) {
    document.querySelectorAll(selector).forEach(function (button) {
      var box = button.closest("[data-news-offline]");
      button.addEventListener("click", function () {
        if (!supported) { status(box, box.dataset.unsupported); return; }
        button.disabled = true;
        status(box, box.dataset.saving);
        ask(message()).then(function (result) {
          status(box, result.saved.length && !result.failed.length ? fill(box.dataset.done, { count: result.saved.length }) : box.dataset.failed);
          refresh();
        }, function () { status(box, box.dataset.failed); }).then(function () { button.disabled = false; });
      });
    });
  }

  wire("[data-news-offline-save]", function () { return { type: "save", urls: [location.href] }; });
  wire("[data-news-offline-latest]", function () { return { type: "saveLatest" }; });
  document.querySelectorAll("[data-news-offline-retry]").forEach(function (button) {
    button.addEventListener("click", function () { location.reload(); });
  });
  document.querySelectorAll("[data-news-offline-clear]").forEach(function (button) {
    var box = button.closest("[data-news-offline]");
    button.addEventListener("click", function () {
      ask({ type: "clear" }).then(function () { status(box, box.dataset.cleared); refresh(); });
    });
  });
  if (!supported) return;

  // Once the page has loaded and the browser is idle: the worker's downloads never compete
  // with the page's own.
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function () {
      if (!saveData) ask({ type: "precache" }).catch(function () {});
    }).catch(function () {});
    refresh();
  }
  function later() { if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 3000 }); else setTimeout(register, 1000); }
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later);
})();
