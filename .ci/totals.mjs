// Totals vitest's JSON reports of the runs named on the command line into the one line CI ends with:
// "N passed, N failed". A run without a readable report (set-up or type-check failed), with no test, or that failed
// without a failed test counts as one failed. Exits 1 when anything failed.
import fs from "node:fs";
import path from "node:path";

const [dir, ...runs] = process.argv.slice(2);
let passed = 0;
let failed = runs.length === 0 ? 1 : 0;
for (const run of runs) {
  try {
    const report = JSON.parse(fs.readFileSync(path.join(dir, `${run}.json`), "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests || (report.success && report.numTotalTests > 0 ? 0 : 1);
    console.error(`== ${run}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } catch {
    failed += 1;
    console.error(`== ${run}: no test report`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
