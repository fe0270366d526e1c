/* briefing — client-side search. No dependencies; works over http and from file://.
   The index is an array of {kind, title, path, summary, date, aliases?} (an alias found
   shows as "Alias → Name"). It is loaded on first use:
   window.BRIEFING_SEARCH if already defined, else ROOT/search-index.js (a <script>, which
   works from file://), else ROOT/search-index.json (fetch, http only). */
(function () {
  "use strict";

  var MAX = 20;
  // The words shown, in English unless the form's data-strings (the theme's strings'
  // `search` section, as JSON) says otherwise.
  var T = {
    unavailable: "Search is unavailable: the search index could not be loaded.",
    loading: "Loading search…",
    no_results: "No results for “{query}”.",
    too_many: "Showing {shown} of {count} results. Add words to narrow the search.",
    one_result: "1 result.",
    results: "{count} results.",
    article: "Article", actor: "Actor", proposal: "Proposal", topic: "Topic", source: "Source"
  };
  var form, input, list, status, root = "";
  var entries = null;   // prepared index
  var state = "idle";   // idle | loading | ready | failed
  var waiting = [];

  function fold(s) {
    s = String(s == null ? "" : s).toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  function prepare(raw) {
    if (!Array.isArray(raw)) return [];
    return raw.map(function (e) {
      e = e || {};
      var a = Array.isArray(e.aliases) ? e.aliases.map(String) : [];
      return { e: e, t: fold(e.title), a: a, fa: a.map(fold), h: fold([e.title, a.join(" "), e.summary].join(" ")) };
    });
  }

  function flush() {
    var cbs = waiting; waiting = [];
    cbs.forEach(function (cb) { cb(); });
  }

  function finish(raw) {
    if (raw) { entries = prepare(raw); state = "ready"; } else { state = "failed"; }
    flush();
  }

  function loadJson() {
    if (!window.fetch || location.protocol === "file:") return finish(null);
    fetch(root + "search-index.json")
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(finish, function () { finish(null); });
  }

  function load(cb) {
    if (cb) waiting.push(cb);
    if (state === "ready" || state === "failed") return flush();
    if (state === "loading") return;
    state = "loading";
    if (window.BRIEFING_SEARCH) return finish(window.BRIEFING_SEARCH);
    var s = document.createElement("script");
    s.src = root + "search-index.js";
    s.async = true;
    s.onload = function () { window.BRIEFING_SEARCH ? finish(window.BRIEFING_SEARCH) : loadJson(); };
    s.onerror = loadJson;
    document.head.appendChild(s);
  }

  function href(path) {
    path = String(path || "");
    var hash = "", i = path.indexOf("#");
    if (i >= 0) { hash = path.slice(i); path = path.slice(0, i); }
    if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
    return root + path + hash;
  }

  function hasAll(t, words) { return words.every(function (w) { return t.indexOf(w) >= 0; }); }

  function nameScore(t, whole, words) {
    var score = t === whole ? 20 : t.indexOf(whole) === 0 ? 5 : 0;
    words.forEach(function (w) {
      var p = t.indexOf(w);
      if (p >= 0) score += (p === 0 || /[\s\-.,'’()]/.test(t.charAt(p - 1))) ? 3 : 2;
    });
    return score;
  }

  function search(q) {
    var whole = fold(q).trim(), words = whole.split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    entries.forEach(function (x, i) {
      if (!hasAll(x.h, words)) return;
      var score = nameScore(x.t, whole, words), k = hasAll(x.t, words) ? -1 : x.fa.findIndex(function (f) { return hasAll(f, words); });
      if (k >= 0) score = Math.max(score, nameScore(x.fa[k], whole, words));
      hits.push({ x: x, s: score, i: i, alias: k >= 0 ? x.a[k] : null });
    });
    hits.sort(function (a, b) {
      if (b.s !== a.s) return b.s - a.s;
      var da = a.x.e.date || "", db = b.x.e.date || "";
      if (da !== db) return da < db ? 1 : -1;
      return a.i - b.i;
    });
    return hits;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }

  function say(name, values) {
    return String(T[name]).replace(/\{(\w+)\}/g, function (all, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function render() {
    var q = input.value.trim();
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    if (state === "failed") { status.textContent = say("unavailable"); return; }
    if (state !== "ready") { status.textContent = say("loading"); return; }
    var hits = search(q);
    hits.slice(0, MAX).forEach(function (h) {
      var e = h.x.e, li = el("li"), a = el("a");
      a.href = href(e.path);
      var kind = ["article", "actor", "proposal", "topic", "source"].indexOf(e.kind) >= 0 ? T[e.kind] : (e.kind ? String(e.kind) : "");
      if (kind) a.appendChild(el("span", "kind kind-" + e.kind, kind));
      a.appendChild(el("span", "result-title", (h.alias ? h.alias + " → " : "") + (e.title || e.path)));
      var meta = [e.date, e.summary].filter(Boolean).join(" · ");
      if (meta) a.appendChild(el("span", "result-meta", meta.length > 160 ? meta.slice(0, 157) + "…" : meta));
      li.appendChild(a);
      list.appendChild(li);
    });
    status.textContent = hits.length === 0 ? say("no_results", { query: q })
      : hits.length > MAX ? say("too_many", { shown: MAX, count: hits.length })
      : hits.length === 1 ? say("one_result") : say("results", { count: hits.length });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  function init() {
    form = document.getElementById("_search");
    if (!form) return;
    input = form.querySelector("input");
    list = document.getElementById("_search-results");
    status = document.getElementById("_search-status");
    if (!input || !list || !status) return;
    try {
      var given = JSON.parse(form.getAttribute("data-strings") || "{}");
      Object.keys(T).forEach(function (k) { if (typeof given[k] === "string") T[k] = given[k]; });
    } catch (err) { /* a broken attribute leaves the English words */ }
    root = form.getAttribute("data-root");
    if (root == null) root = document.documentElement.getAttribute("data-root") || "";
    form.hidden = false;

    input.addEventListener("input", function () { state === "ready" ? render() : load(render); });
    input.addEventListener("focus", function () { load(); }, { once: true });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var go = function () { render(); var a = links()[0]; if (a) location.href = a.href; };
      state === "ready" ? go() : load(go);
    });
    form.addEventListener("keydown", function (ev) {
      var all = links(), i = all.indexOf(document.activeElement);
      if (ev.key === "Escape") {
        if (input.value) { input.value = ""; render(); }
        input.focus();
      } else if (ev.key === "ArrowDown" && all.length) {
        ev.preventDefault();
        all[Math.min(i + 1, all.length - 1)].focus();
      } else if (ev.key === "ArrowUp" && i >= 0) {
        ev.preventDefault();
        (i === 0 ? input : all[i - 1]).focus();
      }
    });

    var q = /[?&]q=([^&#]*)/.exec(location.search);
    if (q) {
      try { input.value = decodeURIComponent(q[1].replace(/\+/g, " ")); } catch (e) { /* ignore */ }
      if (input.value) load(render);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
