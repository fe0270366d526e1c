// Checks a built briefing site in headless Chromium and with the Nu HTML Checker.
//
//   node tests/browser/check.mjs SITE_DIR [--screenshots DIR] [--no-vnu] [--no-screenshots]
//
// - every page kind, over http (a tiny static server started here) in light and dark
//   colour schemes: axe-core (no serious or critical violations, nor any violation of the
//   structure rules below), console errors, failed or external requests, at most one
//   stylesheet and one script of the theme's own, no horizontal scrolling at 320 px,
//   the search box present;
// - navigation from the front page to an actor and a proposal and back, and the search
//   box (typing, arrow keys, Enter), both over http and from file://;
// - the print stylesheet: no navigation, source URLs and the "Cite this page" block printed;
// - the theme's CSS and JS together under 30 KB;
// - screenshots at 375 and 1280 px (light, dark, print) into --screenshots
//   (default: target/screenshots of the repository);
// - vnu.jar (--errors-only) on every HTML file and the stylesheet.
//
// Exits 1 with a report of every failure, 2 on usage errors.

import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");

// ---------- arguments ----------
const args = process.argv.slice(2);
let siteArg = null;
let shotsDir = path.join(REPO, "target", "screenshots");
let runVnu = true;
let takeShots = true;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--screenshots") shotsDir = path.resolve(args[++i] ?? usage());
  else if (a === "--no-vnu") runVnu = false;
  else if (a === "--no-screenshots") takeShots = false;
  else if (a.startsWith("-")) usage();
  else if (siteArg) usage();
  else siteArg = a;
}
if (!siteArg) usage();
const SITE = path.resolve(siteArg);
if (!fs.existsSync(path.join(SITE, "index.html"))) {
  console.error(`error: ${SITE} has no index.html; build the site first`);
  process.exit(2);
}

function usage() {
  console.error("usage: node check.mjs SITE_DIR [--screenshots DIR] [--no-vnu] [--no-screenshots]");
  process.exit(2);
}

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

// Structure rules that fail the check whatever impact axe gives them.
const STRUCTURE_RULES = new Set([
  "bypass",
  "heading-order",
  "landmark-banner-is-top-level",
  "landmark-complementary-is-top-level",
  "landmark-contentinfo-is-top-level",
  "landmark-main-is-top-level",
  "landmark-no-duplicate-banner",
  "landmark-no-duplicate-contentinfo",
  "landmark-no-duplicate-main",
  "landmark-one-main",
  "landmark-unique",
  "page-has-heading-one",
  "region",
  "skip-link",
  "color-contrast",
  "empty-heading",
  "list",
  "listitem",
]);
// 30 KB until P9 and P10 added the evidence, categories, compare, amendment, word-level
// change and draft styles and alias search (about 1.9 KB), and P11 the search box's
// translatable messages (about 0.6 KB): 32 KB, still less than one request's worth of a
// typical web font. Cut before raising it again.
const THEME_BUDGET = 32 * 1024;

const failures = [];
const timings = [];
function fail(where, what) {
  failures.push(`${where}: ${what}`);
}
async function timed(label, fn) {
  const t = Date.now();
  try {
    return await fn();
  } catch (e) {
    fail(label, `threw ${e && e.stack ? e.stack : e}`);
  } finally {
    timings.push(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

// ---------- the site on disk ----------
function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const files = walk(SITE).sort();
const rel = (p) => path.relative(SITE, p).split(path.sep).join("/");
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const read = (r) => fs.readFileSync(path.join(SITE, r), "utf8");

/** The first page under `prefix` whose HTML contains every marker (or just the first page). */
function pick(prefix, markers, exclude = []) {
  const pages = htmlFiles
    .map(rel)
    .filter((r) => r.startsWith(prefix) && r.split("/").length === prefix.split("/").length + 1)
    .filter((r) => !exclude.includes(r));
  for (let n = markers.length; n >= 0; n--) {
    const found = pages.find((r) => markers.slice(0, n).every((m) => read(r).includes(m)));
    if (found) return found;
  }
  return null;
}

const KINDS = [
  ["front", "index.html"],
  ["articles", "articles/index.html"],
  ["articles page 2", fs.existsSync(path.join(SITE, "articles/page/2/index.html")) ? "articles/page/2/index.html" : null],
  ["article", pick("articles/", ['class="quotes"', 'class="sources"', 'class="source-link"'], ["articles/index.html"])],
  ["actors", "actors/index.html"],
  ["actor", pick("actors/", ['class="quotes"', "_sec-positions"], ["actors/index.html"])],
  ["proposals", "proposals/index.html"],
  ["proposal", pick("proposals/", ['class="changes"', 'class="matrix"'], ["proposals/index.html"])],
  ["topics", "topics/index.html"],
  ["topic", pick("topics/", [], ["topics/index.html"])],
  ["timeline", "timeline/index.html"],
  ["sources", "sources/index.html"],
  ["source", pick("sources/", ['class="stance ', 'class="quotes"'], ["sources/index.html"])],
  ["changes", "changes/index.html"],
  ["categories", "categories/index.html"],
  ["category", pick("categories/", [], ["categories/index.html"])],
  ["compare", htmlFiles.map(rel).find((r) => /^proposals\/[^/]+\/compare\/[^/]+\/index\.html$/.test(r)) ?? null],
  ["404", "404.html"],
].filter(([kind, page]) => {
  if (!page) fail(kind, "no such page in the built site");
  return page;
});

// ---------- a static server ----------
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};
// The site is served under the path of its base_url, as the 404 page's absolute links
// expect (`/` for the demo, `/brief/` for https://example.org/brief/).
const PREFIX = /href="(\/[^"]*)style\.css"/.exec(read("404.html"))?.[1] ?? "/";

function serveStatic(root) {
  const server = http.createServer((req, res) => {
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!p.startsWith(PREFIX)) {
      res.writeHead(404, { "content-type": TYPES[".txt"] }).end("outside the site");
      return;
    }
    p = "/" + p.slice(PREFIX.length);
    let file = path.join(root, path.normalize(p));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(fs.readFileSync(path.join(root, "404.html")));
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// ---------- browser helpers ----------
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The address visited to see the not-found page. */
const MISSING = /\/no\/such\/page\/$/;

/** A page that records console errors, page errors, failed and external requests. */
async function watchedPage(context, label) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // The not-found page is served with status 404, which Chromium logs.
    if (/status of 404/.test(m.text()) && MISSING.test(m.location().url || "")) return;
    problems.push(`console error: ${m.text()} (${m.location().url || "?"})`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    // Leaving a page aborts what it was still loading (the icon, say): not a failure.
    if (r.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !(MISSING.test(r.url()) && r.request().isNavigationRequest())) {
      problems.push(`HTTP ${r.status()} for ${r.url()}`);
    }
  });
  return { page, problems };
}

function isLocal(url, base) {
  return url.startsWith("file:") || url.startsWith("data:") || url.startsWith("about:") || url.startsWith(base);
}

async function newContext(browser, base, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const external = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url, base)) return route.continue();
    external.push(url);
    return route.abort();
  });
  context.external = external;
  return context;
}

async function runAxe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary })),
    }));
  });
}

function formatViolation(v) {
  const nodes = v.nodes
    .map((n) => `      at ${n.target}\n        ${n.html}\n        ${(n.summary || "").replace(/\n/g, "\n        ")}`)
    .join("\n");
  return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
}

/** What the page loads of the theme's own, and other structural facts. */
async function pageFacts(page) {
  return page.evaluate(() => {
    const own = (u) => !/search-index\.js|__briefing/.test(u);
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => +h.tagName[1]);
    const first = document.querySelector("a[href], button, input, select, textarea, [tabindex]");
    return {
      stylesheets: [...document.querySelectorAll('link[rel~="stylesheet"], style')].length,
      scripts: [...document.querySelectorAll("script[src]")].map((s) => s.src).filter(own).length,
      // JSON-LD is data the browser never runs, not a script.
      inlineScripts: [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].length,
      h1: headings.filter((h) => h === 1).length,
      firstLevel: headings[0] || 0,
      skip: first ? { text: first.textContent.trim(), href: first.getAttribute("href") } : null,
      mains: document.querySelectorAll("main").length,
      mainId: document.querySelector("main")?.id,
      search: !!document.querySelector('form[role="search"]:not([hidden]) input[type="search"]'),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      wide: [...document.querySelectorAll("main *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
        .slice(0, 3)
        .map((e) => e.outerHTML.slice(0, 120)),
    };
  });
}

// ---------- checks ----------
async function checkPages(browser, base) {
  for (const scheme of ["light", "dark"]) {
    const context = await newContext(browser, base, { colorScheme: scheme });
    for (const [kind, page_] of KINDS) {
      const label = `${kind} (${scheme}, http)`;
      const url = kind === "404" ? `${base}no/such/page/` : `${base}${page_}`;
      const { page, problems } = await watchedPage(context, kind);
      const resp = await page.goto(url, { waitUntil: "load" });
      if (kind === "404" && resp.status() !== 404) fail(label, `expected HTTP 404, got ${resp.status()}`);
      if (scheme === "light") {
        // The first Tab shows the skip link; Enter on it moves the focus into main.
        await page.keyboard.press("Tab");
        const skip = await page.evaluate(() => {
          const a = document.activeElement;
          const r = a.getBoundingClientRect();
          const inView = r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight;
          return { tag: a.tagName, href: a.getAttribute("href"), text: a.textContent.trim(), inView };
        });
        if (skip.href !== "#_main" || !skip.inView) fail(label, `the first Tab does not show a skip link to the content: ${JSON.stringify(skip)}`);
        await page.keyboard.press("Enter");
        const focused = await page.evaluate(() => document.activeElement?.id);
        if (focused !== "_main") fail(label, `Enter on the skip link leaves the focus on #${focused}, not in main`);
      }
      const violations = await runAxe(page);
      for (const v of violations) {
        if (v.impact === "serious" || v.impact === "critical" || STRUCTURE_RULES.has(v.id)) {
          fail(label, `axe ${formatViolation(v)}`);
        } else {
          console.log(`note: ${label}: axe ${formatViolation(v)}`);
        }
      }
      if (scheme === "light") {
        const f = await pageFacts(page);
        if (f.stylesheets > 1) fail(label, `${f.stylesheets} stylesheets (at most one)`);
        if (f.scripts > 1) fail(label, `${f.scripts} scripts of the theme (at most one)`);
        if (f.inlineScripts > 0) fail(label, `${f.inlineScripts} inline scripts`);
        if (f.h1 !== 1) fail(label, `${f.h1} h1 elements (one expected)`);
        if (f.firstLevel !== 1) fail(label, `the first heading is an h${f.firstLevel}, not the h1`);
        if (f.mains !== 1) fail(label, `${f.mains} main elements`);
        if (!f.skip || f.skip.href !== `#${f.mainId}`) fail(label, `the first focusable element is not a skip link to main: ${JSON.stringify(f.skip)}`);
        if (!f.search) fail(label, "no visible search box");
        await page.setViewportSize({ width: 320, height: 800 });
        const narrow = await pageFacts(page);
        if (narrow.overflow > 0) fail(label, `scrolls sideways by ${narrow.overflow}px at 320 px wide: ${narrow.wide.join(" | ")}`);
      }
      await page.close();
      for (const p of problems) fail(label, p);
    }
    for (const u of context.external) fail(`pages (${scheme})`, `external request blocked: ${u}`);
    await context.close();
  }
}

/** From the front page to an actor, back, to a proposal, back. */
async function checkNavigation(browser, base, how) {
  const label = `navigation (${how})`;
  const context = await newContext(browser, base);
  const { page, problems } = await watchedPage(context, "navigation");
  const front = `${base}index.html`;
  await page.goto(front);
  const targets = [
    ["actor", "#_sec-actors", /\/actors\/[a-z0-9-]+\/index\.html$/],
    ["proposal", "#_sec-proposals", /\/proposals\/[a-z0-9-]+\/index\.html$/],
  ];
  for (const [what, section, pattern] of targets) {
    const link = page.locator(`section[aria-labelledby="${section.slice(1)}"] li a`).first();
    const name = (await link.textContent()).trim();
    await Promise.all([page.waitForURL(pattern), link.click()]);
    const h1 = (await page.locator("h1").textContent()).trim();
    if (h1 !== name) fail(label, `the ${what} page's h1 is "${h1}", the link said "${name}"`);
    if (what === "proposal" && (await page.locator("table.matrix").count()) === 0) {
      fail(label, `the proposal page ${page.url()} has no positions table`);
    }
    await page.goBack();
    if (page.url() !== front) fail(label, `back from the ${what} page went to ${page.url()}`);
  }
  // The header links reach every section.
  for (const name of ["Articles", "Actors", "Proposals", "Topics", "Timeline"]) {
    await page.locator(".site-nav a", { hasText: name }).click();
    const h1 = (await page.locator("h1").textContent()).trim();
    if (!h1.startsWith(name)) fail(label, `the ${name} link led to a page titled "${h1}"`);
  }
  await page.close();
  for (const p of problems) fail(label, p);
  for (const u of context.external) fail(label, `external request blocked: ${u}`);
  await context.close();
}

/** The search box: typing, the arrow keys, Enter, Escape. */
async function checkSearch(browser, base, how) {
  const label = `search (${how})`;
  const context = await newContext(browser, base);
  const { page, problems } = await watchedPage(context, "search");
  const start = KINDS.find(([k]) => k === "article")[1];
  await page.goto(`${base}${start}`);
  const input = page.locator("#_search-input");
  const results = page.locator("#_search-results a");

  // Reachable from the keyboard: Tab from the top of the page lands on the box soon.
  await page.keyboard.press("Tab");
  let tabs = 1;
  while (tabs < 12 && !(await input.evaluate((e) => e === document.activeElement))) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  if (!(await input.evaluate((e) => e === document.activeElement))) fail(label, "Tab never reaches the search box");

  const index = JSON.parse(read("search-index.json"));
  const sample = {};
  for (const e of index) if (!sample[e.kind]) sample[e.kind] = e;
  for (const kind of ["article", "actor", "proposal"]) {
    const entry = sample[kind];
    if (!entry) {
      fail(label, `the search index has no ${kind}`);
      continue;
    }
    await input.fill("");
    await input.pressSequentially(entry.title.slice(0, 24), { delay: 5 });
    await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 0, null, { timeout: 5000 })
      .catch(() => {});
    const found = await results.evaluateAll((as) => as.map((a) => a.textContent));
    if (!found.some((t) => t.includes(entry.title))) {
      fail(label, `typing "${entry.title.slice(0, 24)}" does not list the ${kind} "${entry.title}"; results: ${JSON.stringify(found)}; status: ${await page.locator("#_search-status").textContent()}`);
    }
  }

  // An actor is found by each alias that its name does not hold (in any script), shown
  // as "Alias → Name".
  const fold = (t) => t.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const aliased = index.filter((e) => e.kind === "actor" && Array.isArray(e.aliases))
    .flatMap((e) => e.aliases.filter((a) => !fold(e.title).includes(fold(a))).map((a) => [a, e.title]));
  if (index.some((e) => e.kind === "actor" && e.aliases) && !aliased.length) fail(label, "no alias to search for");
  for (const [alias, title] of aliased) {
    await input.fill(alias);
    await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 0, null, { timeout: 5000 })
      .catch(() => {});
    const found = await results.evaluateAll((as) => as.map((a) => a.querySelector(".result-title").textContent));
    if (!found.includes(`${alias} → ${title}`)) {
      fail(label, `typing the alias "${alias}" does not list "${alias} → ${title}"; results: ${JSON.stringify(found)}`);
    }
  }

  // Arrow keys move through the results; Enter follows the focused one.
  await input.fill("");
  await input.pressSequentially("talks", { delay: 5 });
  await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 1, null, { timeout: 5000 })
    .catch(() => {});
  const count = await results.count();
  if (count < 2) {
    fail(label, `"talks" finds ${count} results; expected several`);
  } else {
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => {
      const all = [...document.querySelectorAll("#_search-results a")];
      return all.indexOf(document.activeElement);
    });
    if (focused !== 1) fail(label, `after Down, Down, Up, Down the focused result is #${focused}, not #1`);
    const href = await results.nth(1).getAttribute("href");
    const title = (await results.nth(1).locator(".result-title").textContent()).trim();
    // The focused result may be the page the search started from: wait for its address.
    const target = new URL(href, page.url()).href;
    await Promise.all([page.waitForURL((u) => u.href === target), page.keyboard.press("Enter")]);
    const h1 = (await page.locator("h1").textContent()).trim();
    if (h1 !== title) fail(label, `Enter on "${title}" (${href}) opened ${page.url()} titled "${h1}"`);
  }

  // Enter in the box opens the best result; Escape clears it.
  const actor = sample.actor;
  if (actor) {
    await input.fill(actor.title);
    await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 0, null, { timeout: 5000 })
      .catch(() => {});
    await Promise.all([page.waitForURL(/\/actors\/[a-z0-9-]+\/index\.html$/, { timeout: 5000 }), input.press("Enter")])
      .catch(() => fail(label, `Enter after typing "${actor.title}" did not open the actor's page (at ${page.url()})`));
    if ((await page.locator("h1").textContent()).trim() !== actor.title) fail(label, `Enter opened ${page.url()}`);
    await input.fill("putin");
    await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 0, null, { timeout: 5000 })
      .catch(() => {});
    await input.press("Escape");
    if ((await input.inputValue()) !== "" || (await results.count()) !== 0) fail(label, "Escape does not clear the search");
  }

  // The not-found page, served at any depth, searches and links from the site's root.
  if (how === "http") {
    await page.goto(`${base}no/such/page/`);
    const entry = sample.proposal || sample.article;
    await input.fill(entry.title);
    await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 0, null, { timeout: 5000 })
      .catch(() => {});
    if ((await results.count()) === 0) {
      fail(label, `on the 404 page, "${entry.title}" finds nothing: ${await page.locator("#_search-status").textContent()}`);
    } else {
      await Promise.all([page.waitForURL((u) => !u.href.includes("/no/such/page/")), input.press("Enter")]);
      const h1 = (await page.locator("h1").textContent()).trim();
      if (h1 !== entry.title) fail(label, `from the 404 page, Enter opened ${page.url()} titled "${h1}"`);
    }
  }

  // Nothing matches: a message says so.
  await input.fill("zzzzqqqq");
  await page.waitForFunction(() => /results/i.test(document.getElementById("_search-status").textContent), null, { timeout: 5000 })
    .catch(() => {});
  const status = await page.locator("#_search-status").textContent();
  if (!/no results/i.test(status)) fail(label, `a query without hits shows "${status}"`);

  await page.close();
  for (const p of problems) fail(label, p);
  for (const u of context.external) fail(label, `external request blocked: ${u}`);
  await context.close();
}

/** The print stylesheet turns a page into a briefing paper. */
async function checkPrint(browser, base) {
  const label = "print";
  const context = await newContext(browser, base);
  const page = await context.newPage();
  await page.emulateMedia({ media: "print" });
  for (const kind of ["article", "proposal", "source", "changes"]) {
    const r = KINDS.find(([k]) => k === kind)[1];
    await page.goto(`${base}${r}`);
    const f = await page.evaluate(() => {
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
      const urls = [...document.querySelectorAll('.sources a[href^="http"], .prose a[href^="http"]')].map((a) => ({
        href: a.href,
        after: getComputedStyle(a, "::after").content,
      }));
      return {
        nav: shown(".site-header, .site-nav, .search, .footer-links, .pager, .pagination, .jump, .skip-link"),
        printUrl: shown(".print-url"),
        citeBlock: shown(".cite-page"),
        urls,
        tables: [...document.querySelectorAll(".table-wrap")].map((t) => getComputedStyle(t).overflowX),
      };
    });
    if (f.nav) fail(`${label} ${kind}`, `${f.nav} navigation elements are printed`);
    if (!f.printUrl) fail(`${label} ${kind}`, "the page's address is not printed");
    if (["article", "proposal"].includes(kind) && !f.citeBlock) fail(`${label} ${kind}`, "the \"Cite this page\" block is not printed");
    for (const u of f.urls) if (!u.after.includes(u.href.replace(/\/$/, ""))) fail(`${label} ${kind}`, `the URL of ${u.href} is not printed (::after is ${u.after})`);
    for (const o of f.tables) if (o !== "visible") fail(`${label} ${kind}`, `a table is clipped in print (overflow-x: ${o})`);
    if (takeShots) {
      await page.pdf({ path: path.join(shotsDir, `${kind}-print.pdf`), format: "A4", printBackground: true });
      await page.screenshot({ path: path.join(shotsDir, `${kind}-print.png`), fullPage: true });
    }
  }
  await context.close();
}

async function screenshots(browser, base) {
  const wanted = ["front", "article", "actor", "proposal", "timeline", "articles", "actors", "proposals", "topics", "source", "changes", "404"];
  for (const [width, scheme] of [[375, "light"], [1280, "light"], [375, "dark"], [1280, "dark"]]) {
    const context = await newContext(browser, base, { viewport: { width, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const kind of wanted) {
      if (scheme === "dark" && !["front", "proposal", "article", "actor", "source", "changes"].includes(kind)) continue;
      const entry = KINDS.find(([k]) => k === kind);
      if (!entry) continue;
      await page.goto(kind === "404" ? `${base}no/such/page/` : `${base}${entry[1]}`);
      await page.screenshot({ path: path.join(shotsDir, `${kind.replace(/ /g, "-")}-${width}-${scheme}.png`), fullPage: true });
    }
    if (scheme === "light") {
      // The search box with results open.
      await page.goto(`${base}index.html`);
      await page.locator("#_search-input").fill("plan");
      await page.waitForFunction(() => document.querySelectorAll("#_search-results a").length > 0, null, { timeout: 5000 })
        .catch(() => {});
      await page.keyboard.press("ArrowDown");
      await page.screenshot({ path: path.join(shotsDir, `search-${width}-${scheme}.png`) });
    }
    await context.close();
  }
}

function checkBudget() {
  const assets = files.filter((f) => /\.(css|js)$/.test(f) && !/search-index\.js$/.test(f));
  const total = assets.reduce((n, f) => n + fs.statSync(f).size, 0);
  const list = assets.map((f) => `${rel(f)} ${fs.statSync(f).size} B`).join(", ");
  console.log(`theme assets: ${list}; total ${total} B of ${THEME_BUDGET} B`);
  if (total >= THEME_BUDGET) fail("size", `the theme's CSS and JS are ${total} bytes (${list}); the budget is ${THEME_BUDGET}`);
}

function vnu() {
  const jar = String(require("vnu-jar"));
  const targets = [...htmlFiles, ...files.filter((f) => f.endsWith(".css"))];
  return new Promise((resolve) => {
    const child = spawn("java", ["-jar", jar, "--errors-only", "--also-check-css", "--format", "gnu", ...targets], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => {
      fail("vnu", `cannot run java: ${e.message}`);
      resolve();
    });
    child.on("close", (code) => {
      const lines = out.split("\n").filter((l) => l.trim());
      for (const l of lines) fail("vnu", l.split(`"file:${SITE}/`).join('"'));
      if (code !== 0 && lines.length === 0) fail("vnu", `exited with ${code}`);
      console.log(`vnu: ${targets.length} files, ${lines.length} errors`);
      resolve();
    });
  });
}

// ---------- main ----------
const started = Date.now();
if (takeShots) fs.mkdirSync(shotsDir, { recursive: true });
checkBudget();
const vnuDone = runVnu ? timed("vnu", vnu) : Promise.resolve();

const server = await serveStatic(SITE);
const base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
const fileBase = pathToFileURL(SITE).href + "/";
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log(`pages: ${KINDS.map(([k, p]) => `${k}=${p}`).join(", ")}`);
  await timed("pages: axe, console, structure (light + dark)", () => checkPages(browser, base));
  await timed("navigation over http", () => checkNavigation(browser, base, "http"));
  await timed("navigation from file://", () => checkNavigation(browser, fileBase, "file://"));
  await timed("search over http", () => checkSearch(browser, base, "http"));
  await timed("search from file://", () => checkSearch(browser, fileBase, "file://"));
  await timed("print", () => checkPrint(browser, base));
  if (takeShots) await timed("screenshots", () => screenshots(browser, base));
} catch (e) {
  fail("browser", e && e.stack ? e.stack : String(e));
} finally {
  if (browser) await browser.close();
  server.close();
}
await vnuDone;

console.log(`\n${timings.join("\n")}\ntotal: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (takeShots) console.log(`screenshots in ${shotsDir}`);
if (failures.length) {
  console.log(`\n${failures.length} problem${failures.length === 1 ? "" : "s"}:\n`);
  for (const f of failures) console.log(`- ${f}\n`);
  console.log("browser checks: FAILED");
  process.exit(1);
}
console.log("browser checks: all passed");
