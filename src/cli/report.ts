// npm run report -- --year 2020 [--format md|csv|json] [--include-pending] [--url http://localhost:4000 --key <staff key>]
// Without --url it reads the configured database (the embedded one must not be held by a running hub: then use --url).
import "../metadata.js"; // first: see src/metadata.ts
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { createContext } from "../context.js";
import { openConfiguredDatabase } from "../db/open.js";
import { collectReport, inProcess, overHttp } from "../summaries/report.collect.js";
import { FORMATS, type ReportFormat } from "../summaries/report.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run report -- --year <year> [--format md|csv|json] [--include-pending]
       [--url <hub base URL, e.g. http://localhost:4000> --key <staff API key, or set HUB_API_KEY>]`;

class UsageError extends Error {
  override name = "UsageError";
}

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        year: { type: "string" },
        format: { type: "string", default: "md" },
        "include-pending": { type: "boolean", default: false },
        url: { type: "string" },
        key: { type: "string" },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be a four-digit year.\n${USAGE}`);
  if (!(values.format! in FORMATS)) throw new UsageError(`--format must be md, csv or json.\n${USAGE}`);
  const year = Number(values.year);
  const includePending = values["include-pending"]!;
  const render = FORMATS[values.format as ReportFormat];

  if (values.url) {
    const key = values.key ?? process.env.HUB_API_KEY;
    const report = await collectReport(overHttp(values.url, key), year, includePending);
    if (!report) throw new Error(`The hub has no IDoR edition ${year}.`);
    process.stdout.write(render(report));
    return;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, "npm run report");
  try {
    // Local access to the database is staff access; the report only reads.
    const ctx = createContext(database.db, { role: "STAFF", keyPrefix: "shell" }, `report-${randomUUID()}`, { statements: 0 });
    const report = await collectReport(inProcess(ctx), year, includePending);
    if (!report) throw new Error(`The hub has no IDoR edition ${year}.`);
    process.stdout.write(render(report));
  } finally {
    await database.close();
  }
});
