// Measures how long requests hold the embedded database on the seeded data, next to their cost, so that the default
// HUB_MAX_COST can be chosen from numbers: `node --import tsx scripts/measure-limits.ts` (prints a table).
import "reflect-metadata";
import { PGlite } from "@electric-sql/pglite";
import { parse } from "graphql";
import { pino } from "pino";
import { wrapPglite } from "../src/db/pglite.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { buildApp } from "../src/http/app.js";
import { DEFAULT_LIMITS } from "../src/http/limits.config.js";
import { operationCost } from "../src/http/query-cost.js";
import { hubSchema } from "../src/schema.js";
import { seedDatabase } from "../src/seeds/seed.js";

const cycle = (levels: number, first: number) => {
  let inner = "title";
  for (let i = 0; i < levels; i++) inner = `title society { slug activities(first: ${first}) { edges { node { ${inner} } } } }`;
  return `{ society(slug: "esr") { activities(first: ${first}) { edges { node { ${inner} } } } } }`;
};
const rankings = (n: number) =>
  Array.from({ length: n }, (_, i) => `r${i}: bySociety(kind: ${["MENTIONS", "IMPRESSIONS", "VIEWS", "REACH", "PARTICIPANTS"][i % 5]}, first: ${10 + i}) { value society { slug } }`).join(" ");
const SUMMARY_FIELDS = `participatingSocieties countries activityCount totals { kind value precision campaignWide { value } societiesOwn { value } }
  changes { kind channel current { value } previous { value } ratio isRecord } records { kind channel } activitiesByKind { kind count }`;

const KINDS = ["MENTIONS", "IMPRESSIONS", "VIEWS", "REACH", "PARTICIPANTS", "DOWNLOADS", "ENGAGEMENTS", "REGISTRATIONS"];
const CHANNELS = ["null", "TWITTER", "FACEBOOK", "YOUTUBE"];
/** The seeded editions with the most activities first. */
const YEARS = [2020, 2019, 2017, 2015];
const years = (n: number, fields: string) => YEARS.slice(0, n).map((y) => `y${y}: summary(year: ${y}) { ${fields} }`).join(" ");

const QUERIES: Array<[string, string]> = [
  ["README: societies(first: 10) with activities(first: 5)", `{ societies(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id slug name activities(first: 5) { edges { node { title edition { year } } } } } } } }`],
  ["activities(first: 100) with metrics, society, edition", `{ activities(first: 100) { totalCount edges { node { title society { slug name } edition { year } metrics { kind channel value precision } } } } }`],
  ["societies(first: 100) with activities(first: 20)", `{ societies(first: 100) { edges { node { slug activities(first: 20) { totalCount edges { node { title } } } } } } }`],
  ["societies(first: 45) with activities(first: 20)", `{ societies(first: 45) { edges { node { slug activities(first: 20) { totalCount edges { node { title } } } } } } }`],
  ["cycle society→activities(100)→society→activities(100)", cycle(1, 100)],
  ["cycle, first 15 per level", cycle(1, 15)],
  ["cycle 5 levels, first 100 (the issue's)", cycle(5, 100)],
  ["summary(2020), all lists", `{ summary(year: 2020) { ${SUMMARY_FIELDS} } }`],
  ["summary(2020), all lists + 15 rankings", `{ summary(year: 2020) { ${SUMMARY_FIELDS} ${rankings(15)} } }`],
  ["summary(2020) + 15 rankings (first: 100)", `{ summary(year: 2020) { ${Array.from({ length: 15 }, (_, i) => `r${i}: bySociety(kind: ${KINDS[i % 8]}, channel: ${CHANNELS[Math.floor(i / 8) % 4]}, first: 100) { value }`).join(" ")} } }`],
  ["4 summaries of different years, bare", `{ ${years(4, "year activityCount")} }`],
  ["3 summaries, all lists", `{ ${years(3, SUMMARY_FIELDS)} }`],
  ["editions { summary } (all editions)", `{ editions { year summary { ${SUMMARY_FIELDS} } } }`],
  ["editions { summary + 15 rankings } (issue's 14 × 25)", `{ editions { year summary { ${SUMMARY_FIELDS} ${rankings(15)} } } }`],
];

const pg = await PGlite.create();
const database = wrapPglite(pg);
await migrateDatabase(database);
await seedDatabase(database.db);
const hub = await buildApp({
  database,
  // The default limits, except that nothing is cached: every request is measured cold.
  config: { corsOrigins: "*", production: true, limits: { summaryCachePerRequest: 0 } },
  logger: pino({ level: "silent" }),
});
const schema = await hubSchema();

/** Wall time, and the process's CPU time (PGlite runs in this thread): on a shared machine the second is the fairer. */
async function run(query: string): Promise<{ ms: number; cpu: number; bytes: number; errors?: Array<{ extensions?: { code?: string } }> }> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const response = await hub.apollo.executeOperation({ query }, { contextValue: hub.context() });
  const ms = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
  const body = response.body.kind === "single" ? response.body.singleResult : {};
  return { ms, cpu, bytes: JSON.stringify(body).length, errors: (body as { errors?: [] }).errors };
}

console.log("| request | cost | answer | wall ms (first / again) | CPU ms (first / again) | response bytes |\n|---|---:|---|---:|---:|---:|");
for (const [label, query] of QUERIES) {
  const cost = operationCost(schema, {}, parse(query), { maxCost: Number.MAX_SAFE_INTEGER, unpagedListSize: DEFAULT_LIMITS.unpagedListSize });
  const first = await run(query);
  const again = await run(query);
  const answer = first.errors ? [...new Set(first.errors.map((e) => e.extensions?.code))].join(",") : "data";
  const pair = (a: number, b: number) => `${a.toFixed(0)} / ${b.toFixed(0)}`;
  console.log(`| ${label} | ${cost} | ${answer} | ${pair(first.ms, again.ms)} | ${pair(first.cpu, again.cpu)} | ${first.bytes} |`);
}
await hub.stop();
await database.close();
