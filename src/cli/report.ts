// npm run hub -- report --year 2020 [--format md|csv|json] [--include-pending] [--url <hub> (staff key in HUB_API_KEY or --key-file)]
// Without --url it reads the configured database (`npm run report -- …` too).
import { randomUUID } from "node:crypto";
import { FORMATS, type ReportFormat } from "../summaries/report.js";
import { CommandError, parse, staffKey, UsageError, type Command } from "./cli.js";

const USAGE = `Usage: npm run hub -- report --year <year> [options]

Options:
  --year <year>        the edition, e.g. 2020 (required)
  --format md|csv|json Markdown like ESR's report (default), CSV, or JSON
  --json               the same as --format json
  --include-pending    staff preview: count changes still waiting for review
  --url <hub>          read a running hub, e.g. http://localhost:4000, with a staff key taken from
                       the environment variable HUB_API_KEY or from --key-file <file>
  --key-file <file>    a file holding the staff key (for --url)
  -h, --help           show this help

Without --url it reads the configured database (DATABASE_URL, or the embedded one in HUB_DATA_DIR).`;

export const reportCommand: Command = {
  usage: USAGE,
  whileHubRuns:
    "While the hub runs, read the report through it: add --url http://localhost:4000 (its address) with a staff key in HUB_API_KEY or --key-file <file>.",
  async run(argv, io) {
    const { values } = parse(argv, {
      year: { type: "string" },
      format: { type: "string", default: "md" },
      json: { type: "boolean" },
      "include-pending": { type: "boolean", default: false },
      url: { type: "string" },
      key: { type: "string" },
      "key-file": { type: "string" },
    });
    if (values.help) return io.stdout(`${USAGE}\n`);
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError("--year must be a four-digit year.");
    const format = values.json ? "json" : values.format!;
    if (!(format in FORMATS)) throw new UsageError("--format must be md, csv or json.");
    const year = Number(values.year);
    const includePending = values["include-pending"]!;
    const render = FORMATS[format as ReportFormat];

    const key = staffKey(values, io); // refuses --key
    // Loaded only now (and the schema only without --url, see report.collect.ts): `--help` and usage errors answer
    // without them, and `--url` loads neither the database drivers nor the schema.
    const { collectReport, inProcess, overHttp } = await import("../summaries/report.collect.js");
    if (values.url) {
      const report = await collectReport(overHttp(values.url, key), year, includePending);
      if (!report) throw new CommandError(`The hub has no IDoR edition ${year}.`);
      return io.stdout(render(report));
    }
    if (values["key-file"] !== undefined) throw new UsageError("--key-file goes with --url: without it the report reads the database.");
    const [{ loadConfig }, { createContext }, { openConfiguredDatabase }] = await Promise.all([
      import("../config.js"),
      import("../context.js"),
      import("../db/open.js"),
    ]);
    const database = await openConfiguredDatabase(loadConfig(io.env), "npm run hub -- report");
    try {
      // Local access to the database is staff access; the report only reads.
      const ctx = createContext(database.db, { role: "STAFF", keyPrefix: "shell" }, `report-${randomUUID()}`, { statements: 0 });
      const report = await collectReport(inProcess(ctx), year, includePending);
      if (!report) throw new CommandError(`The hub has no IDoR edition ${year}.`);
      io.stdout(render(report));
    } finally {
      await database.close();
    }
  },
};
