// How long the edition page takes to show its headline figures in Chromium: from navigation start to the moment the
// figures are in the page (a MutationObserver installed before the page's own scripts notes the time). Each run is a
// fresh browser context (no HTTP cache, nothing in sessionStorage), like a visitor's first visit. Not a test: a
// measurement, printed as the median, min and max of the runs.
//
//   node web/scripts/measure-edition.mjs --url http://127.0.0.1:4000 [--year 2020] [--runs 15] [--phone]
//
// Needs a running hub with the seeded data (`npm start` seeds an empty database) and Debian's Chromium.
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:4000" },
    year: { type: "string", default: "2020" },
    runs: { type: "string", default: "15" },
    phone: { type: "boolean", default: false },
    chromium: { type: "string", default: "/usr/bin/chromium" },
  },
});

// Runs in the page before its scripts: the time when the figures list first has a figure in it.
const WATCH = `(() => {
  const seen = () => document.querySelector('[data-testid="headline-figures"] li');
  const done = () => { window.__figuresAt = performance.now(); observer.disconnect(); };
  const observer = new MutationObserver(() => { if (seen()) done(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const browser = await chromium.launch({ executablePath: values.chromium, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
const viewport = values.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 };
const times = [];
try {
  // One warm-up run (the hub's first request after start plans its statements).
  for (let i = 0; i <= Number(values.runs); i++) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    await page.goto(`${values.url}/editions/${values.year}`);
    await page.waitForFunction("window.__figuresAt !== undefined", undefined, { timeout: 30_000 });
    const ms = await page.evaluate("window.__figuresAt");
    if (i > 0) times.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
const f = (n) => `${Math.round(n)} ms`;
console.log(`/editions/${values.year}${values.phone ? " (phone)" : ""}: headline figures after ${f(median)} (median of ${times.length} cold loads; min ${f(times[0])}, max ${f(times.at(-1))})`);
