// Live reload under `briefing serve`, in headless Chromium:
//
//   node tests/browser/reload.mjs PAGE_URL MARKDOWN_FILE
//
// opens PAGE_URL (a page of a running `briefing serve`), appends a new paragraph to
// MARKDOWN_FILE (the page's source), and waits for the open page to show it without
// being told to reload. Exits 1 with a report on failure, 2 on usage errors.

import fs from "node:fs";

import { chromium } from "playwright-core";

const [url, file] = process.argv.slice(2);
if (!url || !file || !fs.existsSync(file)) {
  console.error("usage: node reload.mjs PAGE_URL MARKDOWN_FILE");
  process.exit(2);
}

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const problems = [];
const started = Date.now();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  const page = await browser.newPage();
  // The browser may still ask for /favicon.ico on its own (the theme links favicon.svg).
  const ownRequest = (url) => /\/favicon\.ico$/.test(url || "");
  page.on("console", (m) => {
    if (m.type() === "error" && !ownRequest(m.location().url)) {
      problems.push(`console error: ${m.text()} (${m.location().url || "?"})`);
    }
  });
  page.on("pageerror", (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !ownRequest(r.url())) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });

  // The page is listening for rebuilds once its event stream is open.
  const listening = page.waitForResponse((r) => r.url().includes("/__briefing/events"), { timeout: 10000 });
  await page.goto(url);
  await listening;
  const before = await page.locator("main").innerText();

  const marker = `Edited by the browser test at ${Date.now()}.`;
  if (before.includes(marker)) throw new Error("the marker is already on the page");
  // Only a reload by the page itself clears this.
  await page.evaluate(() => {
    window.__notReloaded = true;
  });
  let reloaded = false;
  page.on("load", () => (reloaded = true));

  const text = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, `${text.replace(/\n*$/, "\n")}\n${marker}\n`);
  const t0 = Date.now();
  try {
    await page.waitForFunction((m) => document.querySelector("main")?.innerText.includes(m), marker, {
      timeout: 20000,
      polling: 100,
    });
  } catch {
    throw new Error(`the page never showed the new text within 20 s (reloaded by itself: ${reloaded}); it shows:\n${(await page.locator("main").innerText()).slice(0, 600)}`);
  }
  const stale = await page.evaluate(() => window.__notReloaded === true);
  if (stale) problems.push("the new text appeared without a reload");
  if (!reloaded) problems.push("no reload happened");
  console.log(`reload: the page showed the edit ${Date.now() - t0} ms after the save`);
} catch (e) {
  problems.push(e && e.stack ? e.stack : String(e));
} finally {
  await browser.close();
}

console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (problems.length) {
  console.log(`\n${problems.length} problem${problems.length === 1 ? "" : "s"}:\n`);
  for (const p of problems) console.log(`- ${p}\n`);
  console.log("reload check: FAILED");
  process.exit(1);
}
console.log("reload check: passed");
