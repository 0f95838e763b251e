// Live reload for `guidebook serve`: reloads the page after a successful
// rebuild and shows build errors over the page while the build is broken.
(function () {
  "use strict";
  var overlay = null;
  function show(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "guidebook-errors";
      overlay.setAttribute("role", "alert");
      overlay.className = "dev-overlay";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("strong");
    h.textContent = "Build failed — fix these and save:";
    overlay.appendChild(h);
    var pre = document.createElement("pre");
    pre.textContent = errors.join("\n");
    overlay.appendChild(pre);
  }
  // swapStyles loads the stylesheets again without reloading the page, so a
  // CSS edit keeps the reader's scroll position and form input.
  function swapStyles() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (l) {
      var url = new URL(l.href);
      url.searchParams.set("v", String(Date.now()));
      var fresh = l.cloneNode();
      fresh.href = url.toString();
      fresh.addEventListener("load", function () { l.remove(); });
      l.after(fresh);
    });
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var es = new EventSource("/_guidebook/events");
  es.addEventListener("build", function (e) {
    var ev = JSON.parse(e.data);
    if (ev.ok && ev.css) {
      swapStyles();
    } else if (ev.ok) {
      location.reload();
    } else {
      show(ev.errors || []);
    }
  });
})();
