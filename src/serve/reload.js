// Live reload for `briefing serve`: reloads this page when a rebuild changed it, and
// shows content errors over the page until they are fixed. Never part of a build.
(function () {
  "use strict";
  var here = location.pathname.replace(/^\/+/, "");
  if (here === "" || here.slice(-1) === "/") here += "index.html";
  var overlay = null;
  // A page shown while nothing was built yet loads its real self once the errors go.
  var waiting = document.body.hasAttribute("data-briefing-waiting");

  function showErrors(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "__briefing_errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.94);color:#f5f5f5;padding:2rem;font:14px/1.45 ui-monospace,monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h1");
    title.textContent = waiting
      ? "briefing: the site has problems (nothing built yet; this page reloads once they are fixed)"
      : "briefing: the site has problems (still showing the last good build)";
    title.style.cssText = "font:bold 16px/1.4 system-ui,sans-serif;color:#ff8a80;margin:0 0 1rem";
    var pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre-wrap;margin:0";
    pre.textContent = text;
    overlay.appendChild(title);
    overlay.appendChild(pre);
  }

  function hideErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  var events = new EventSource("/__briefing/events");
  events.addEventListener("errors", function (e) { showErrors(e.data); });
  events.addEventListener("fixed", function () { if (waiting) location.reload(); else hideErrors(); });
  events.addEventListener("changed", function (e) {
    var paths = e.data.split("\n");
    var reload = paths.some(function (p) {
      return p === here || (/\.(css|js)$/.test(p) && p !== "search-index.js");
    });
    if (reload) location.reload();
  });
})();
