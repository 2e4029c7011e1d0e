// The hub's command line: `npm run hub -- <command> …` (keys, report, migrate, seed). `main` takes argv and an Io and
// returns the exit code, so tests run it in-process; bin/hub.mjs starts it (compiled from dist/ when built).
import "../metadata.js"; // first: see src/metadata.ts
import { EXIT, processIo, runCommand, type Command, type Io } from "./cli.js";

// Loaded on demand: `--help` and usage errors answer without loading the database drivers and the schema.
const COMMANDS: Record<string, () => Promise<Command>> = {
  keys: async () => (await import("./keys.js")).keysCommand,
  report: async () => (await import("./report.js")).reportCommand,
  migrate: async () => (await import("./migrate.js")).migrateCommand,
  seed: async () => (await import("./seed.js")).seedCommand,
};

export const USAGE = `Usage: npm run hub -- <command> [options]

Commands:
  keys      issue, list and revoke API keys              (also: npm run keys -- …)
  report    an edition's report as Markdown, CSV or JSON (also: npm run report -- …)
  migrate   apply the database migrations                (also: npm run db:migrate)
  seed      load the facts of seeds/                     (also: npm run db:seed)

npm run hub -- <command> --help shows a command's options.
Exit codes: 0 done; 1 the command failed; 2 bad arguments or configuration; 3 the embedded database is held by a
running hub (the message says how to use that hub instead).`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === undefined) {
      io.stderr(`${USAGE}\n`);
      return EXIT.usage;
    }
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`Unknown command "${name}".\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  return runCommand(await load(), rest, io);
}

/** For bin/hub.mjs: runs with the process's argv and streams and sets its exit code. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo);
}
