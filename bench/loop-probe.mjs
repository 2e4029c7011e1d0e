// How long one large summary holds the hub's other requests: starts a built hub on DATABASE_URL (a database the bench
// or bench/probe.mjs loaded), asks summary(year) with every figure behind its totals, and meanwhile sends
// `{ __typename }` every 20 ms from a second client; prints the summary's time and the longest wait of the others.
//   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres node bench/loop-probe.mjs [--year 2026] [--rounds 2] DIST [DIST …]
// Each DIST is a build (dist, or a copy inside the repository such as .tmp/dist-before); rounds alternate between them.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { httpOk, hubNodeArgs, startProcess } from "./lib/proc.mjs";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { year: { type: "string", default: "2026" }, rounds: { type: "string", default: "2" }, port: { type: "string", default: "56470" } },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: a database with the bench's data set (npm run bench or bench/probe.mjs loads it)");
const dists = positionals.length ? positionals : ["dist"];
const port = Number(values.port);
const query = `{ edition(year: ${Number(values.year)}) { summary { totals { kind value figures { kind value role precision activity { title } } } } } }`;

async function post(body) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: body }) });
  return { status: res.status, bytes: (await res.text()).length };
}

async function measure(dist) {
  const env = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: url,
    HUB_SEED_ON_EMPTY: "false",
    HUB_REQUEST_TIMEOUT_MS: "120000", // the summary's own budget is not what is measured
    HUB_RESPONSE_CACHE_ENTRIES: "0",
    HUB_RATE_LIMIT_ANONYMOUS: "0",
    HUB_MAX_COST: "100000000",
  };
  const hub = await startProcess(`hub-loop-probe (${dist})`, [...hubNodeArgs(ROOT), path.resolve(ROOT, dist, "src/main.js")], {
    cwd: ROOT,
    env,
    ready: () => httpOk(`http://127.0.0.1:${port}/readyz`),
  });
  try {
    await post("{ __typename }");
    let longest = 0;
    let pings = 0;
    let done = false;
    const others = (async () => {
      while (!done) {
        const t = performance.now();
        await post("{ __typename }");
        longest = Math.max(longest, performance.now() - t);
        pings++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const answer = await post(query);
    const took = performance.now() - t0;
    done = true;
    await others;
    return { dist, status: answer.status, bytes: answer.bytes, summaryMs: Math.round(took), longestOtherMs: Math.round(longest), others: pings };
  } finally {
    await hub.stop();
  }
}

const rows = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const dist of dists) {
    const row = { round, ...(await measure(dist)) };
    console.error(JSON.stringify(row));
    rows.push(row);
  }
}
console.log("| round | build | HTTP | answer bytes | summary ms | longest wait of `{ __typename }` ms | its requests |");
console.log("|--:|---|--:|--:|--:|--:|--:|");
for (const r of rows) console.log(`| ${r.round} | ${r.dist} | ${r.status} | ${r.bytes} | ${r.summaryMs} | ${r.longestOtherMs} | ${r.others} |`);
