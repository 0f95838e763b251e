// letter.js: the fill-in form of a letter page (templates/letter.html). It
// keeps the values in localStorage per letter, shows them in the preview as
// text (never as HTML), and prints, copies or downloads the finished letter.
// Without JavaScript the preview keeps its blank lines for filling by hand.
(function () {
  "use strict";
  var G = window.Guidebook = window.Guidebook || {};
  // PREFIX is versioned and namespaced by the site (<html data-site>); the
  // letter's page URL completes the key. LEGACY is version 1's prefix, shared
  // by every site of an origin: a letter found there moves to this site.
  var PREFIX = "guidebook-letter-v2:" + (document.documentElement.getAttribute("data-site") || "") + ":";
  var LEGACY = "guidebook-letter-v1:";
  var BOM = "\ufeff";

  function format(pattern, args) {
    return String(pattern).replace(/\{(\w+)\}/g, function (m, k) {
      return args[k] !== undefined ? String(args[k]) : m;
    });
  }
  function all(root, sel) {
    return Array.prototype.slice.call(root.querySelectorAll(sel));
  }
  function trimRows(rows) {
    return rows.filter(function (r) {
      return Array.isArray(r) ? r.some(function (c) { return c.trim() !== ""; }) : r.trim() !== "";
    });
  }

  // Letter binds one form to its preview.
  function Letter(form, preview, key) {
    this.form = form;
    this.preview = preview;
    this.key = key;
    this.d = form.dataset;
    this.blank = preview.getAttribute("data-blank") || "";
    this.inputs = all(form, ".letter-input[data-name]");
    this.status = document.getElementById("letter-status");
    this.missingNote = document.getElementById("letter-missing");
    this.blanks = {};
    var self = this;
    // Remember the server-rendered blank list and table rows to restore them.
    all(preview, "[data-field]").forEach(function (el, i) {
      el.setAttribute("data-slot", String(i));
      self.blanks[i] = el.innerHTML;
    });
    this.rowTemplates = {};
    this.inputs.forEach(function (box) {
      var row = box.querySelector(".letter-row");
      if (row) { self.rowTemplates[box.getAttribute("data-name")] = row.cloneNode(true); }
    });
  }

  // values reads the form: name → string, list → [string], table → [[string]].
  Letter.prototype.values = function () {
    var out = {};
    this.inputs.forEach(function (box) {
      var name = box.getAttribute("data-name");
      var kind = box.getAttribute("data-kind");
      if (kind === "list") {
        out[name] = all(box, ".letter-row input").map(function (i) { return i.value; });
      } else if (kind === "table") {
        out[name] = all(box, ".letter-row").map(function (r) {
          return all(r, "input").map(function (i) { return i.value; });
        });
      } else {
        var c = box.querySelector(".letter-control");
        out[name] = c ? c.value : "";
      }
    });
    return out;
  };

  Letter.prototype.addRow = function (box) {
    var tpl = this.rowTemplates[box.getAttribute("data-name")];
    var body = box.querySelector(".letter-rows tbody") || box.querySelector(".letter-rows");
    if (!tpl || !body) { return null; }
    var row = tpl.cloneNode(true);
    var n = body.children.length + 1;
    var label = format(this.d.row || "{0}", [n]);
    all(row, "input").forEach(function (i) {
      i.value = "";
      var base = (i.getAttribute("aria-label") || "").replace(/\s*\d+$/, "");
      i.setAttribute("aria-label", base + " " + n);
      i.setAttribute("title", label);
    });
    body.appendChild(row);
    return row;
  };

  // fill puts stored values into the form, adding rows as needed.
  Letter.prototype.fill = function (v) {
    var self = this;
    this.inputs.forEach(function (box) {
      var name = box.getAttribute("data-name");
      var kind = box.getAttribute("data-kind");
      var val = v[name];
      if (kind === "list" || kind === "table") {
        if (!Array.isArray(val)) { return; }
        var rows = all(box, ".letter-row");
        while (rows.length < val.length && self.addRow(box)) { rows = all(box, ".letter-row"); }
        rows.forEach(function (r, i) {
          all(r, "input").forEach(function (input, j) {
            var cell = kind === "list" ? val[i] : (Array.isArray(val[i]) ? val[i][j] : "");
            input.value = typeof cell === "string" ? cell : "";
          });
        });
      } else if (typeof val === "string") {
        var c = box.querySelector(".letter-control");
        if (c) { c.value = val; }
      }
    });
  };

  // display turns a form value into the text shown in the letter.
  Letter.prototype.display = function (kind, value) {
    var m;
    if (kind === "date" && (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
      return format(this.d.dateFormat || "{y}-{m}-{d}", { y: m[1], m: String(+m[2]), d: String(+m[3]) });
    }
    if (kind === "datetime" && (m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value))) {
      return this.display("date", m[1]) + " " + m[2];
    }
    return value;
  };

  // render writes the values into the preview, as text only.
  Letter.prototype.render = function () {
    var self = this;
    var v = this.values();
    var kinds = {};
    this.inputs.forEach(function (box) { kinds[box.getAttribute("data-name")] = box.getAttribute("data-kind"); });
    all(this.preview, "[data-field]").forEach(function (el) {
      var name = el.getAttribute("data-field");
      var kind = kinds[name];
      var val = v[name];
      var slot = el.getAttribute("data-slot");
      if (kind === "list" || kind === "table") {
        var rows = trimRows(val || []);
        if (el.tagName === "OL" || el.tagName === "TABLE") {
          self.renderRows(el, kind, rows, slot);
          return;
        }
        val = rows.map(function (r) { return Array.isArray(r) ? r.join(" ") : r; }).join(self.d.listSep || ", ");
      }
      var text = self.display(kind, (val || "").trim());
      el.textContent = text || self.blank;
      el.classList.toggle("is-filled", text !== "");
    });
    this.checkMissing(v);
  };

  Letter.prototype.renderRows = function (el, kind, rows, slot) {
    if (!rows.length) {
      el.innerHTML = this.blanks[slot];
      el.classList.remove("is-filled");
      return;
    }
    el.classList.add("is-filled");
    if (kind === "list") {
      el.textContent = "";
      rows.forEach(function (r) {
        var li = document.createElement("li");
        li.textContent = Array.isArray(r) ? r.join(" ") : r;
        el.appendChild(li);
      });
      return;
    }
    var body = el.tBodies[0] || el.appendChild(document.createElement("tbody"));
    body.textContent = "";
    rows.forEach(function (r) {
      var tr = document.createElement("tr");
      (Array.isArray(r) ? r : [r]).forEach(function (c) {
        var td = document.createElement("td");
        td.textContent = c;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  };

  // missing lists the labels of required fields left empty.
  Letter.prototype.missing = function (v) {
    v = v || this.values();
    return this.inputs.filter(function (box) {
      if (!box.hasAttribute("data-required")) { return false; }
      var val = v[box.getAttribute("data-name")];
      return Array.isArray(val) ? trimRows(val).length === 0 : String(val || "").trim() === "";
    }).map(function (box) { return box.getAttribute("data-label"); });
  };

  Letter.prototype.checkMissing = function (v) {
    var labels = this.missing(v);
    if (!this.missingNote) { return; }
    this.missingNote.hidden = labels.length === 0;
    this.missingNote.textContent = labels.length ? format(this.d.missing || "{0}", [labels.join(this.d.listSep || ", ")]) : "";
  };

  // text is the finished letter as plain text: one paragraph per block,
  // numbered list items, table rows with cells separated by " | ".
  Letter.prototype.text = function () {
    var blocks = [];
    function clean(s) {
      return s.replace(/[ \t]*\n[ \t]*/g, "\n").trim();
    }
    all(this.preview, ":scope > *").forEach(function (el) {
      var tag = el.tagName;
      if (tag === "OL" || tag === "UL") {
        var start = tag === "OL" ? (parseInt(el.getAttribute("start"), 10) || 1) : 0;
        blocks.push(all(el, ":scope > li").map(function (li, i) {
          return (tag === "OL" ? (start + i) + ". " : "- ") + clean(li.textContent);
        }).join("\n"));
      } else if (tag === "TABLE") {
        blocks.push(all(el, "tr").map(function (tr) {
          return all(tr, "th, td").map(function (c) { return clean(c.textContent); }).join(" | ");
        }).join("\n"));
      } else if (tag !== "SCRIPT" && tag !== "STYLE") {
        var t = clean(el.textContent);
        if (t) { blocks.push(t); }
      }
    });
    return blocks.join("\n\n") + "\n";
  };

  Letter.prototype.save = function () {
    try { localStorage.setItem(this.key, JSON.stringify(this.values())); } catch (e) { /* storage off: not remembered */ }
  };
  Letter.prototype.restore = function () {
    var v = null;
    try {
      var old = localStorage.getItem(this.legacy);
      if (old !== null) {
        if (localStorage.getItem(this.key) === null) { localStorage.setItem(this.key, old); }
        localStorage.removeItem(this.legacy);
      }
    } catch (e) { /* storage off */ }
    try { v = JSON.parse(localStorage.getItem(this.key) || "null"); } catch (e) { v = null; }
    if (v && typeof v === "object") { this.fill(v); }
  };

  Letter.prototype.say = function (msg) {
    if (this.status) { this.status.textContent = msg || ""; }
  };

  // blob is the download: UTF-8 with a byte-order mark so Windows Notepad
  // shows Chinese correctly.
  Letter.prototype.blob = function () {
    return new Blob([BOM + this.text()], { type: "text/plain;charset=utf-8" });
  };

  Letter.prototype.download = function () {
    var url = URL.createObjectURL(this.blob());
    var a = document.createElement("a");
    a.href = url;
    a.download = (this.d.filename || "letter") + ".txt";
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.say(this.d.downloaded);
  };

  Letter.prototype.copy = function () {
    var self = this;
    var text = this.text();
    function fallback() {
      var ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "letter-copy-buffer";
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      ta.remove();
      self.say(ok ? self.d.copied : self.d.copyFailed);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { self.say(self.d.copied); }, fallback);
    }
    fallback();
    return Promise.resolve();
  };

  Letter.prototype.clear = function () {
    if (!window.confirm(this.d.confirmClear || "?")) { return; }
    try { localStorage.removeItem(this.key); } catch (e) { /* nothing stored */ }
    var self = this;
    this.inputs.forEach(function (box) {
      var rows = all(box, ".letter-row");
      rows.slice(3).forEach(function (r) { r.remove(); });
      all(box, "input, textarea, select").forEach(function (c) { c.value = ""; });
    });
    this.render();
    this.say(self.d.cleared);
  };

  // act runs a button; print, copy and download first say which required
  // fields are still empty (the letter then shows blank lines there).
  Letter.prototype.act = function (action, button) {
    if (action === "add-row") {
      var row = this.addRow(button.closest(".letter-input"));
      if (row) { row.querySelector("input").focus(); }
      return;
    }
    if (action === "clear") { this.clear(); return; }
    var missing = this.missing();
    this.say(missing.length ? format(this.d.missing || "{0}", [missing.join(this.d.listSep || ", ")]) : "");
    if (action === "print") { window.print(); }
    if (action === "copy") { this.copy(); }
    if (action === "download") { this.download(); }
  };

  function init() {
    var form = document.getElementById("letter-form");
    var preview = document.getElementById("letter-preview");
    var page = form && form.closest("[data-letter]");
    if (!form || !preview || !page) { return null; }
    var letter = new Letter(form, preview, PREFIX + page.getAttribute("data-letter"));
    letter.legacy = LEGACY + page.getAttribute("data-letter");
    letter.restore();
    letter.render();
    form.addEventListener("input", function () {
      letter.save();
      letter.render();
    });
    form.addEventListener("change", function () {
      letter.save();
      letter.render();
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("button[data-action]");
      if (b) { letter.act(b.getAttribute("data-action"), b); }
    });
    all(form, "button[hidden]").forEach(function (b) { b.hidden = false; });
    return letter;
  }

  var current = init();
  G.letter = {
    // text returns the finished letter as plain text ("" off a letter page).
    text: function () { return current ? current.text() : ""; },
    // missing returns the labels of required fields still empty.
    missing: function () { return current ? current.missing() : []; },
    // key is the localStorage key of this page's letter.
    key: current ? current.key : ""
  };
}());
