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
  var es = new EventSource("/_guidebook/events");
  es.addEventListener("build", function (e) {
    var ev = JSON.parse(e.data);
    if (ev.ok) {
      location.reload();
    } else {
      show(ev.errors || []);
    }
  });
})();
