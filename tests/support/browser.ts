// Debian's Chromium driven by playwright-core (Playwright's own browser download needs the internet; the system's
// browser does not). The browser tests fail, never skip, when it is missing: CI installs it (.ci/run).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { ensureStaffKey } from "../../src/auth/api-key.service.js";
import { seedDatabase } from "../../src/seeds/seed.js";
import { fromRoot } from "../../src/shared/project-root.js";
import { startTestHub, type TestHub } from "./hub.js";

/**
 * Debian's headless shell (package chromium-headless-shell) when it is installed, else its full Chromium (package
 * chromium). Both are built from the same Chromium sources at the same version, with the same Blink and V8; the shell
 * is what Playwright itself runs headless tests in. Without the browser's window machinery the shell took about a
 * fifth less CPU for the two browser files (README, Tests).
 */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
export const SCREENSHOTS = fromRoot(".tmp", "screenshots");

export function chromiumPath(): string | undefined {
  return CHROMIUM_CANDIDATES.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error(
      `The browser tests need Debian's Chromium (${CHROMIUM_CANDIDATES.join(" or ")}), which is missing. Install it with ` +
        "`apt-get update && apt-get install -y chromium-headless-shell` (.ci/run does this when it is missing).",
    );
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/**
 * Screenshots are taken when HUB_TEST_SCREENSHOTS is set (`HUB_TEST_SCREENSHOTS=1 npm test`; README, Browser tests),
 * to look at the pages or to refresh the README's pictures. Taken on every run they were about a sixth of Chromium's
 * CPU in the suite (~7 s of ~44 s, measured per process). A page open when a test fails is photographed anyway.
 */
const TAKE_SCREENSHOTS = /^(1|true|yes)$/i.test(process.env.HUB_TEST_SCREENSHOTS?.trim() ?? "");

/** Saves .tmp/screenshots/<name>.png when screenshots are on: the whole page (or one screen of it), or one element. */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if ("goto" in target) await target.screenshot({ path: file, fullPage: options.fullPage ?? true });
  else await target.screenshot({ path: file });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** A violation a page has knowingly (a third-party widget's markup), with the README's reason: rule and selector. */
export interface KnownViolation {
  id: string;
  /** Every element axe names must match this CSS selector. */
  within: string;
}

/**
 * An axe-core scan of the page as it is now: no serious or critical violation, except the named known ones (each on
 * elements matching its selector only, so that a new problem of the same kind elsewhere still fails).
 */
export async function expectAccessible(page: Page, name: string, known: KnownViolation[] = []): Promise<void> {
  // Injected once per document: the single-page app keeps it across its routes, and compiling axe's 500 kB again
  // for every scan of the same document cost time for nothing.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as AxeViolation[];
  const bad: string[] = [];
  for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
    const exception = known.find((k) => k.id === v.id);
    const nodes = [];
    for (const n of v.nodes) {
      const selector = n.target.join(" ");
      const excused = exception && ((await page.evaluate(`document.querySelector(${JSON.stringify(selector)})?.matches(${JSON.stringify(exception.within)}) ?? false`)) as boolean);
      if (!excused) nodes.push(selector);
    }
    if (nodes.length) bad.push(`${v.impact} ${v.id}: ${v.help} at ${nodes.join(", ")}`);
  }
  expect(bad, `accessibility of ${name}`).toEqual([]);
}

/** True when nothing is wider than the viewport (no sideways scrolling on a phone). */
export async function fitsViewport(page: Page): Promise<boolean> {
  return (await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")) as boolean;
}

/** Elements wider than the viewport, for a readable failure when a page scrolls sideways. */
export async function overflowing(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== "absolute")
    .filter((e) => !e.closest(".table-scroll"))
    .slice(0, 8)
    .map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") + " " + Math.round(e.getBoundingClientRect().right))`)) as string[];
}

/** A hub on the seeded data with Chromium beside it, a staff key and a DVTA partner key: one per browser test file. */
export interface WebStory {
  hub: TestHub;
  browser: Browser;
  base: string;
  staffKey: string;
  partnerKey: string;
  /** A page in a context of its own (no shared session storage), closed by `close`. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** The pages still open. */
  pages(): Page[];
  close(): Promise<void>;
}

export async function startWebStory(): Promise<WebStory> {
  // Chromium starts while the hub's database is cloned and seeded (both take seconds).
  const launching = launchChromium();
  launching.catch(() => {}); // awaited below; not an unhandled rejection while the hub starts
  const hub = await startTestHub();
  let browser: Browser | undefined;
  try {
    await seedDatabase(hub.database.db);
    const staffKey = (await ensureStaffKey(hub.database, undefined)).created!;
    const issued = await hub.post(
      `mutation { issueApiKey(input: { role: PARTNER, societySlug: "dvta", label: "DVTA web team" }) { secret } }`,
      {},
      staffKey,
    );
    const partnerKey: string = issued.body.data.issueApiKey.secret;
    const base = await hub.url();
    browser = await launching;
    const contexts: BrowserContext[] = [];
    const b = browser;
    return {
      hub,
      browser,
      base,
      staffKey,
      partnerKey,
      async newPage(viewport = { width: 1280, height: 900 }) {
        const context = await b.newContext({ viewport, acceptDownloads: true });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        return page;
      },
      pages: () => contexts.flatMap((c) => c.pages()),
      async close() {
        for (const c of contexts) await c.close().catch(() => {});
        await b.close();
        await hub.close();
      },
    };
  } catch (err) {
    await (browser ?? (await launching.catch(() => undefined)))?.close();
    await hub.close();
    throw err;
  }
}

/**
 * The story of the test file that calls this: started before its tests (beforeAll) and closed after them (afterAll).
 * The object answers only once started, so read its fields inside tests and hooks, not at the top of the file.
 */
export function webStoryForThisFile(): WebStory {
  let story: WebStory | undefined;
  beforeAll(async () => {
    story = await startWebStory();
  }, 120_000);
  // What the browser showed when a test failed, whether screenshots are on or not: every page still open.
  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail" || !story) return;
    const name = task.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60);
    const pages = story.pages();
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${name}-${i + 1}.png`), fullPage: true, timeout: 10_000 }).catch(() => {});
    }
  });
  afterAll(async () => {
    await story?.close();
  });
  return new Proxy({} as WebStory, {
    get(_target, prop) {
      if (!story) throw new Error("the web story starts in beforeAll: read it inside a test");
      return Reflect.get(story, prop);
    },
  });
}
