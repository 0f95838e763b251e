// checklist.js: remembers the ticks of every task list (ul.checklist) in
// localStorage, keyed by the item IDs Go emits in data-check, and shows
// progress bars and a reset button. The same ID on the procedure page and on
// a step page is the same item, so ticks are shared. Without JavaScript the
// boxes still render and print; nothing is remembered.
(function () {
  "use strict";
  var G = window.Guidebook = window.Guidebook || {};
  // KEY is versioned (a change of the stored format gets a new key) and
  // namespaced by the site (<html data-site>), so two Guidebook sites on one
  // origin, or opened from disk, keep their own ticks.
  var KEY = "guidebook-checklist-v2:" + (document.documentElement.getAttribute("data-site") || "");
  // LEGACY is the key of version 1, shared by every site of an origin.
  var LEGACY = "guidebook-checklist-v1";

  // load returns the stored ticks: item ID → 1 (ticked) or 0 (unticked).
  // Items left at their default are not stored.
  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY) || "{}");
      return s && typeof s === "object" ? s : {};
    } catch (e) {
      return {};
    }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* storage off: not remembered */ }
  }
  // migrate moves the version-1 ticks of the items on this page into this
  // site's store. Item IDs hash the page and the item's text, so another
  // site's ticks never match; they stay until that site moves them.
  function migrate(boxes) {
    var old;
    try { old = JSON.parse(localStorage.getItem(LEGACY) || "null"); } catch (e) { return; }
    if (!old || typeof old !== "object") { return; }
    var state = load();
    var moved = false;
    boxes.forEach(function (b) {
      var id = b.getAttribute("data-check");
      if (Object.prototype.hasOwnProperty.call(old, id)) {
        if (!Object.prototype.hasOwnProperty.call(state, id)) { state[id] = old[id]; }
        delete old[id];
        moved = true;
      }
    });
    if (!moved) { return; }
    save(state);
    try {
      if (Object.keys(old).length) {
        localStorage.setItem(LEGACY, JSON.stringify(old));
      } else {
        localStorage.removeItem(LEGACY);
      }
    } catch (e) { /* storage off */ }
  }
  function format(pattern, args) {
    return String(pattern).replace(/\{(\d+)\}/g, function (m, i) {
      return args[i] !== undefined ? String(args[i]) : m;
    });
  }
  // strings returns the UI strings: the data-* attributes of
  // #checklist-strings when a theme's template adds that element, else the
  // site's strings in the bundle (Guidebook.strings["checklist.*"]).
  function strings() {
    var el = document.getElementById("checklist-strings");
    var d = el ? el.dataset : {};
    var site = G.strings || {};
    function get(k, fallback) {
      return d[k] || site["checklist." + k] || fallback;
    }
    return {
      done: get("done", "{0}/{1}"),
      progress: get("progress", ""),
      reset: get("reset", "Reset"),
      confirm: get("confirm", "Reset?")
    };
  }
  function boxesIn(root) {
    return Array.prototype.slice.call(root.querySelectorAll("ul.checklist input[type=checkbox][data-check]"));
  }
  // apply sets every box of the page from state, falling back to the default
  // the author wrote ("- [x]").
  function apply(boxes, state) {
    boxes.forEach(function (b) {
      var v = state[b.getAttribute("data-check")];
      b.checked = v === undefined ? b.defaultChecked : v === 1;
    });
  }
  function remember(box) {
    var state = load();
    var id = box.getAttribute("data-check");
    if (box.checked === box.defaultChecked) {
      delete state[id];
    } else {
      state[id] = box.checked ? 1 : 0;
    }
    save(state);
  }

  // Bar is one progress display over a set of boxes.
  function Bar(boxes, s, extraClass) {
    this.boxes = boxes;
    this.s = s;
    this.el = document.createElement("div");
    this.el.className = "checklist-progress" + (extraClass ? " " + extraClass : "");
    this.meter = document.createElement("progress");
    this.meter.max = boxes.length;
    if (s.progress) { this.meter.setAttribute("aria-label", s.progress); }
    this.count = document.createElement("span");
    this.count.className = "checklist-count";
    this.el.appendChild(this.meter);
    this.el.appendChild(this.count);
  }
  Bar.prototype.update = function () {
    var done = this.boxes.filter(function (b) { return b.checked; }).length;
    this.meter.value = done;
    this.count.textContent = format(this.s.done, [done, this.boxes.length]);
    this.el.classList.toggle("is-complete", done === this.boxes.length);
  };

  function init() {
    var lists = Array.prototype.slice.call(document.querySelectorAll("ul.checklist"))
      .filter(function (ul) { return !ul.parentElement.closest("ul.checklist"); });
    if (!lists.length) { return; }
    var s = strings();
    var all = boxesIn(document);
    var bars = [];
    migrate(all);
    apply(all, load());

    // One bar for the whole page (on the procedure: all steps together), with
    // the reset button; one bar per list when the page has several.
    var page = new Bar(all, s, "checklist-summary");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "checklist-reset";
    reset.textContent = s.reset;
    page.el.appendChild(reset);
    var h1 = document.querySelector("main h1");
    if (h1 && h1.parentNode) {
      h1.parentNode.insertBefore(page.el, h1.nextSibling);
    } else {
      lists[0].parentNode.insertBefore(page.el, lists[0]);
    }
    bars.push(page);
    if (lists.length > 1) {
      lists.forEach(function (ul) {
        var bar = new Bar(Array.prototype.slice.call(ul.querySelectorAll("input[type=checkbox][data-check]")), s, "checklist-list-progress");
        ul.parentNode.insertBefore(bar.el, ul);
        bars.push(bar);
      });
    }
    function updateAll() {
      bars.forEach(function (b) { b.update(); });
    }

    document.addEventListener("change", function (e) {
      var t = e.target;
      if (t && t.matches && t.matches("ul.checklist input[type=checkbox][data-check]")) {
        remember(t);
        updateAll();
      }
    });
    reset.addEventListener("click", function () {
      if (!window.confirm(s.confirm)) { return; }
      var state = load();
      all.forEach(function (b) { delete state[b.getAttribute("data-check")]; });
      save(state);
      apply(all, state);
      updateAll();
    });
    // Another tab (the overview or a step page) changed the ticks.
    window.addEventListener("storage", function (e) {
      if (e.key === KEY || e.key === null) {
        apply(all, load());
        updateAll();
      }
    });
    updateAll();
  }

  G.checklist = {
    key: KEY,
    // state returns a copy of the stored ticks (item ID → 1 or 0).
    state: load
  };
  init();
}());
