/* A post's share bar and images: copy the post's address, print, and view an image large.
   Without script the copy link is a link to the post, the print button stays hidden and an
   image link opens the image itself. Nothing here talks to a third party. */
(function () {
  "use strict";

  function announce(element, text) {
    var status = element.closest(".news-share").querySelector("[role=status]");
    if (status) status.textContent = text;
  }

  document.querySelectorAll("[data-news-copy]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard || !window.isSecureContext) return; // the link opens the post: copy it from the address bar
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(
        function () { announce(link, link.dataset.copied); },
        function () { window.location.href = link.href; }
      );
    });
  });

  document.querySelectorAll("[data-news-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var dialog = document.querySelector("dialog[data-news-lightbox-dialog]");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var caption = dialog.querySelector("p");
  var image = dialog.insertBefore(document.createElement("img"), caption);
  var opener = null;
  document.querySelectorAll("a[data-news-lightbox]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return; // a new tab was asked for
      event.preventDefault();
      var shown = link.querySelector("img");
      var figure = link.closest("figure");
      var text = figure && figure.querySelector("figcaption");
      image.src = link.href;
      image.alt = shown ? shown.alt : "";
      caption.textContent = text ? text.textContent : "";
      caption.hidden = !text;
      opener = link;
      dialog.showModal();
    });
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target.closest("[data-close]")) dialog.close();
  });
  dialog.addEventListener("close", function () {
    image.removeAttribute("src");
    if (opener) opener.focus();
  });
})();
