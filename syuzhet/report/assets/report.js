"use strict";
// Enhancements only: every page is complete without this script. No data is read from the page as HTML.
(function () {
  var body = document.body;

  // Index: filter stories by words, outlet, language and name; sort them.
  var table = document.getElementById("story-table");
  var controls = document.getElementById("story-controls");
  if (table && controls) {
    controls.hidden = false;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var field = function (id) { return document.getElementById(id); };
    var shown = field("shown");
    var has = function (row, key, value) {
      return !value || (row.getAttribute(key) || "").split("|").indexOf(value) >= 0;
    };
    var apply = function () {
      var words = field("q").value.toLowerCase().split(/\s+/).filter(Boolean);
      var outlet = field("f-outlet").value, lang = field("f-lang").value, entity = field("f-entity").value;
      var visible = 0;
      rows.forEach(function (row) {
        var title = row.getAttribute("data-title") || "";
        var ok = words.every(function (w) { return title.indexOf(w) >= 0; }) &&
          has(row, "data-outlets", outlet) && has(row, "data-langs", lang) && has(row, "data-entities", entity);
        row.hidden = !ok;
        visible += ok ? 1 : 0;
      });
      var key = field("sort").value;
      var number = function (row, name) { return parseFloat(row.getAttribute(name) || "0"); };
      var sorted = rows.slice().sort(function (a, b) {
        if (key === "title") return (a.getAttribute("data-title") || "").localeCompare(b.getAttribute("data-title") || "");
        if (key === "date") return (b.getAttribute("data-date") || "").localeCompare(a.getAttribute("data-date") || "");
        if (key === "outlets") return number(b, "data-outlets-n") - number(a, "data-outlets-n");
        return number(b, "data-size") - number(a, "data-size");
      });
      sorted.forEach(function (row) { tbody.appendChild(row); });
      shown.textContent = visible + " of " + rows.length + " stories";
    };
    controls.addEventListener("input", apply);
    controls.addEventListener("change", apply);
    controls.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  // A link to something inside a closed article or fold opens it first.
  function reveal(hash) {
    if (!hash || hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    if (target) target.scrollIntoView({ block: "start" });
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (link) reveal(link.getAttribute("href"));
  });
  reveal(window.location.hash);

  // A long quotation shows six lines; a click shows all of it.
  document.addEventListener("click", function (event) {
    var quote = event.target instanceof Element ? event.target.closest(".quotes blockquote") : null;
    if (quote) quote.classList.toggle("full");
  });

  // Click a name (graph node, names table, speaker) to highlight its mentions in the article texts.
  var bar = document.getElementById("focus-bar");
  var current = null;

  function clearFocus() {
    current = null;
    body.classList.remove("focusing");
    document.querySelectorAll(".focus, .on").forEach(function (el) { el.classList.remove("focus", "on"); });
    if (bar) { bar.hidden = true; bar.textContent = ""; }
  }

  function focus(key, name) {
    clearFocus();
    current = key;
    var selector = '[data-entity="' + CSS.escape(key) + '"]';
    var marks = document.querySelectorAll(".m" + selector);
    marks.forEach(function (el) {
      el.classList.add("focus");
      var doc = el.closest("details.doc");
      if (doc) doc.open = true;
    });
    document.querySelectorAll(".node" + selector + ", .ent" + selector).forEach(function (el) { el.classList.add("on"); });
    body.classList.add("focusing");
    if (bar) {
      bar.textContent = "Highlighting " + name + ": " + marks.length + " mentions";
      var off = document.createElement("button");
      off.type = "button";
      off.textContent = "clear";
      off.addEventListener("click", clearFocus);
      var next = document.createElement("button");
      next.type = "button";
      next.textContent = "next mention ↓";
      var at = -1;
      next.addEventListener("click", function () {
        if (!marks.length) return;
        at = (at + 1) % marks.length;
        marks[at].scrollIntoView({ block: "center" });
      });
      bar.appendChild(next);
      bar.appendChild(off);
      bar.hidden = false;
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest(".node[data-entity], .ent[data-entity]") : null;
    if (!target) return;
    event.preventDefault();
    var key = target.getAttribute("data-entity") || "";
    var label = target.querySelector("text");
    var name = (label ? label.textContent : target.textContent) || key;
    if (current === key) clearFocus(); else focus(key, name.trim());
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) clearFocus();
    var el = event.target;
    if (event.key === "Enter" && el instanceof Element && el.matches(".ent[data-entity]")) el.click();
  });
})();
