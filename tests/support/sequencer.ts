// The order the two workers take the test files in: the browser files first (the longest chains of dependent tests),
// then the longest first, by the durations vitest cached on the last run or, without them (a fresh clone, as in
// .ci/run), by the durations measured on a quiet run below. vitest's own order is one project after the other and the
// largest file first where it has no cache: the browser story (then one file in the second project) started a
// minute into the run and ended it alone.
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Files that must start at once: the longest chains of dependent tests (Chromium). */
const FIRST = ["tests/web-e2e.test.ts", "tests/web-e2e-pages.test.ts"];

/**
 * Seconds each slow file took in a fresh clone's run (test time, `npm test -- --reporter=json`, 30 November 2026,
 * after the PGlite templates moved to their own process): the order for a run without vitest's cache. Files not named
 * take under 2 s and go after these, largest first.
 */
const MEASURED_S: Record<string, number> = {
  "tests/entry-points.test.ts": 18,
  "tests/server.test.ts": 13,
  "tests/reliability.test.ts": 7,
  "tests/fuzz.test.ts": 7,
  "tests/database-outage.test.ts": 7,
  "tests/seed-cli.test.ts": 7,
  "tests/shutdown.test.ts": 6,
  "tests/server-config.test.ts": 6,
  "tests/data-dir-lock.test.ts": 5,
  "tests/permissions.test.ts": 5,
  "tests/cli.test.ts": 4,
  "tests/reports.test.ts": 3,
  "tests/http.test.ts": 3,
  "tests/summary-totals-only.test.ts": 2,
  "tests/counting.property.test.ts": 2,
};

export class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rel = (spec: TestSpecification) => path.relative(root, spec.moduleId).split(path.sep).join("/");
    const first = (spec: TestSpecification) => {
      const i = FIRST.indexOf(rel(spec));
      return i < 0 ? FIRST.length : i;
    };
    const cached = (spec: TestSpecification) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${rel(spec)}`)?.duration;
    const estimate = (spec: TestSpecification) => cached(spec) ?? (MEASURED_S[rel(spec)] ?? 0) * 1000;
    // A stable sort: vitest's order (the largest file first) stands where these keys tie.
    return [...sorted].sort((a, b) => first(a) - first(b) || estimate(b) - estimate(a));
  }
}
