"use strict";
// Enhancements only: the page is complete without this script. No data is read from the page as HTML.
(function () {
  var body = document.body;

  // Filter stories and articles by the words typed.
  var filter = document.getElementById("filter");
  var items = Array.prototype.slice.call(document.querySelectorAll(".filterable"));
  var haystack = new Map();
  if (filter) {
    filter.hidden = false;
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      items.forEach(function (item) {
        if (!haystack.has(item)) haystack.set(item, (item.textContent || "").toLowerCase());
        var text = haystack.get(item);
        var hide = words.length > 0 && !words.every(function (w) { return text.indexOf(w) >= 0; });
        item.classList.toggle("hidden-by-filter", hide);
      });
    });
  }

  // Click a name (graph node, entity table, speaker) to highlight its mentions in the article texts.
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
    marks.forEach(function (el) { el.classList.add("focus"); });
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
