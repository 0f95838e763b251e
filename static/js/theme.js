// theme.js: the light/dark toggle (remembered in localStorage) and the
// print button. Without JavaScript the theme follows prefers-color-scheme
// and there are no buttons: they would do nothing.
(function () {
  "use strict";
  var G = window.Guidebook = window.Guidebook || {};
  var KEY = "guidebook-theme";
  var root = document.documentElement;

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function save(value) {
    try { localStorage.setItem(KEY, value); } catch (e) { /* private mode: not remembered */ }
  }
  function systemDark() {
    return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }
  // current returns "dark" or "light": the reader's choice, else the system's.
  function current() {
    var t = root.getAttribute("data-theme");
    if (t === "dark" || t === "light") { return t; }
    return systemDark() ? "dark" : "light";
  }
  function sync() {
    var dark = current() === "dark";
    var buttons = document.querySelectorAll(".theme-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", dark ? "true" : "false");
    }
  }
  function apply(t) {
    if (t === "dark" || t === "light") { root.setAttribute("data-theme", t); }
    sync();
  }
  // set chooses a theme ("dark" or "light") and remembers it.
  function set(t) {
    save(t);
    apply(t);
  }

  apply(stored());

  // The web app manifest is linked from here, not from the HTML: browsers
  // refuse to load it from file://, which would log an error on every page.
  if (/^https?:$/.test(location.protocol) && !document.querySelector("link[rel=manifest]")) {
    var link = document.createElement("link");
    link.rel = "manifest";
    link.href = (root.getAttribute("data-root") || "./") + "manifest.webmanifest";
    document.head.appendChild(link);
  }

  // add puts a hidden button of class cls, labelled with the site's string
  // key, into the element that matches where (at its start when first),
  // unless the page already has one: a theme's template may place its own.
  function add(cls, key, fallback, where, first) {
    var parent = document.querySelector(where);
    if (!parent || document.querySelector("." + cls)) { return; }
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.hidden = true;
    b.textContent = (G.strings && G.strings[key]) || fallback;
    parent.insertBefore(b, first ? parent.firstChild : null);
  }

  function init() {
    add("theme-toggle", "theme.dark", "Dark mode", ".header-top", false);
    add("print-button", "print", "Print", ".footer-links", true);
    var toggles = document.querySelectorAll(".theme-toggle");
    for (var i = 0; i < toggles.length; i++) {
      toggles[i].hidden = false;
      toggles[i].addEventListener("click", function () {
        set(current() === "dark" ? "light" : "dark");
      });
    }
    sync();
    var prints = document.querySelectorAll(".print-button");
    for (var j = 0; j < prints.length; j++) {
      prints[j].hidden = false;
      prints[j].addEventListener("click", function () { window.print(); });
    }
  }
  // Closed <details> (FAQ answers) would print as a bare question: open
  // them for printing and close them again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = true;
      opened.push(closed[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  G.theme = { get: current, set: set };
})();
