// Debian's Chromium driven by playwright-core (Playwright's own browser download needs the internet; the system's
// browser does not). The browser tests fail, never skip, when it is missing: CI installs it (.ci/run).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { fromRoot } from "../../src/shared/project-root.js";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = fromRoot(".tmp", "screenshots");

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (.ci/run does this when it is missing).",
    );
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Saves a full-page screenshot as .tmp/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** An axe-core scan of the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as AxeViolation[];
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `accessibility of ${name}`).toEqual([]);
}

/** True when nothing is wider than the viewport (no sideways scrolling on a phone). */
export async function fitsViewport(page: Page): Promise<boolean> {
  return (await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")) as boolean;
}
