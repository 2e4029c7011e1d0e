// The web build's contracts: the typed documents in web/src/gql are what graphql-codegen makes from the committed
// schema today, and the public pages' JavaScript stays within its gzip budget.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../src/shared/project-root.js";
import codegenConfig from "../web/codegen.js";

/** gzip KB budgets for the public pages (editions, history, societies): the first load, and with the charts. */
export const BUDGET_KB = { initial: 120, withCharts: 180 };

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

describe("the web build", () => {
  it("has typed documents that graphql-codegen makes from the committed schema", async () => {
    const outputs = (await generate({ ...codegenConfig, cwd: fromRoot(), silent: true, verbose: false }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const committed = fs.readFileSync(path.resolve(fromRoot(), filename), "utf8");
      expect(committed, `${filename} is stale: run npm run web:codegen`).toBe(content);
    }
  }, 60_000);

  it("keeps the public pages' JavaScript within its gzip budget", () => {
    const dist = fromRoot("web", "dist");
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, ManifestChunk>;
    const closure = (keys: string[], seen = new Set<string>()) => {
      for (const key of keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        closure(manifest[key].imports ?? [], seen);
      }
      return seen;
    };
    const kb = (keys: Set<string>) => [...keys].reduce((sum, k) => sum + gzipSync(fs.readFileSync(path.join(dist, manifest[k].file))).length, 0) / 1024;
    const initial = closure(["index.html"]);
    const charts = Object.keys(manifest).find((k) => k.endsWith("components/chart-setup.ts"));
    expect(charts, "the charts are a chunk of their own, loaded on demand").toBeDefined();
    const withCharts = closure([charts!], new Set(initial));
    // The portals are chunks of their own: a visitor never downloads them.
    for (const portal of ["partner/Partner.tsx", "staff/Staff.tsx"]) {
      expect([...withCharts].some((k) => k.endsWith(portal)), portal).toBe(false);
    }
    expect(kb(initial)).toBeLessThan(BUDGET_KB.initial);
    expect(kb(withCharts)).toBeLessThan(BUDGET_KB.withCharts);
  });
});
