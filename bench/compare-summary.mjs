// Checks that two builds of the hub answer a summary identically (every total, channel total, comparison, record and
// ranking with the figures behind them): the guard for a change to how summaries are computed. Starts both builds on
// DATABASE_URL (a database the bench's loader filled), asks each the same questions, and prints the first difference.
//   DATABASE_URL=... [COMPARE_TOTALS_ONLY=1] node bench/compare-summary.mjs DIST_A DIST_B [YEAR ...]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { httpOk, startProcess } from "./lib/proc.mjs";
import fs from "node:fs";
import http from "node:http";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [a, b, ...yearArgs] = process.argv.slice(2);
const years = yearArgs.length ? yearArgs.map(Number) : [2012, 2016, 2020, 2026];
const port = Number(process.env.BENCH_PORT_BASE ?? 56400) + 45;
const FIG = `figures { role kind value precision scope derived source asOf window note coReported coverage { everything channels } }`;
const CHANNEL_TOTAL = `value precision campaignWide { value precision } societiesOwn { value precision } sourcesDisagree unsourced ${FIG}`;
const TOTAL = `value precision coverage { everything channels } campaignWide { value precision } societiesOwn { value precision } sourcesDisagree unsourced ${FIG}`;
const KINDS = ["MENTIONS", "VIEWS", "REACH", "IMPRESSIONS", "PARTICIPANTS", "COUNTRIES", "LECTURES", "DOWNLOADS"];
// Asked first: without figures or rankings, a summary is computed for its totals only (its own path since the fourth
// pass); the questions after it ask for the figures, which the other path answers.
const TOTALS_ONLY = `value precision campaignWide { value precision } societiesOwn { value precision } sourcesDisagree unsourced`;
const CHANGES = `changes { kind channel coverage { everything channels } current { value precision } previous { value precision } previousYear previousReason skippedYears ratio ratioPrecision record }`;
const questions = (year) => [
  `{ summary(year: ${year}) { participatingSocieties countries activityCount activitiesByKind { kind count }
    totals { kind coverage { everything channels } ${TOTALS_ONLY} } ${CHANGES} records { kind channel }
    ${KINDS.map((k) => `c${k}: byChannel(kind: ${k}) { channel ${TOTALS_ONLY} }`).join(" ")} } }`,
  `{ summary(year: ${year}) { participatingSocieties countries activityCount activitiesByKind { kind count } totals { kind ${TOTAL} }
    changes { kind channel coverage { everything channels } current { value precision } previous { value precision } previousYear previousReason skippedYears ratio ratioPrecision record }
    records { kind channel } } }`,
  ...KINDS.map(
    (k) => `{ summary(year: ${year}) { byChannel(kind: ${k}) { channel ${CHANNEL_TOTAL} }
    bySociety(kind: ${k}, first: 100) { society { slug } value precision share coReported figures { role value } }
    byCountry(kind: ${k}) { countryCode societies value precision share } } }`,
  ),
];
fs.mkdirSync(path.join(ROOT, "bench", "out"), { recursive: true });
const start = (dist, p) =>
  startProcess(`compare-${p}`, [path.resolve(ROOT, dist, "src/main.js")], {
    cwd: ROOT,
    env: { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(p), DATABASE_URL: process.env.DATABASE_URL, HUB_SEED_ON_EMPTY: "false", HUB_RESPONSE_CACHE_ENTRIES: "0",
      // The large edition's summary with every figure behind it takes minutes.
      HUB_REQUEST_TIMEOUT_MS: "600000" },
    logFile: path.join(ROOT, "bench", "out", `compare-${p}.log`),
    ready: () => httpOk(`http://127.0.0.1:${p}/readyz`),
  });
/** POST without fetch's 300 s headers timeout: the large edition's summary may take longer on a loaded machine. */
const post = (url, payload) =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
const hubs = [await start(a, port), await start(b, port + 1)];
let same = true;
try {
  for (const year of years) {
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const texts = [];
      // COMPARE_TOTALS_ONLY=1: only the first question (the large edition's figures take the two builds many minutes).
      for (const query of questions(year).slice(0, process.env.COMPARE_TOTALS_ONLY === "1" ? 1 : undefined)) {
        texts.push(await post(`http://127.0.0.1:${port + i}/graphql`, JSON.stringify({ query })));
      }
      answers.push(texts.join("\n"));
    }
    if (answers.some((t) => t.includes('"errors":'))) {
      same = false;
      console.log(`${year}: errors`, answers.map((t) => t.slice(t.indexOf('"errors":'), t.indexOf('"errors":') + 400)));
    }
    if (answers[0] === answers[1]) console.log(`${year}: identical (${answers[0].length} bytes)`);
    else {
      same = false;
      const i = [...answers[0]].findIndex((c, j) => c !== answers[1][j]);
      console.log(`${year}: DIFFERENT at ${i}:\n  ${answers[0].slice(i - 200, i + 200)}\n  ${answers[1].slice(i - 200, i + 200)}`);
    }
  }
} finally {
  for (const h of hubs) await h.stop();
}
process.exit(same ? 0 : 1);
