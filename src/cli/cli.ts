// The frame every hub command shares: where output goes (an `Io`, so tests run commands in-process), the exit codes,
// usage errors, readable tables, and the staff key taken from the environment or a file — never from argv, which npm
// echoes into redirected output.
import fs from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DataDirLockedError } from "../db/data-dir-lock.js";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
};

/** Exit codes (README, "Command line"): 0 done, 1 the command failed, 2 bad usage or configuration, 3 data directory held. */
export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3 } as const;

/** Wrong arguments: exit 2 with the message and the command's usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An expected failure of a command (unknown society, no such edition): exit 1 with the message only. */
export class CommandError extends Error {
  override name = "CommandError";
}

export interface Command {
  usage: string;
  /** What to do instead when a running hub holds the embedded database. */
  whileHubRuns: string;
  run(argv: string[], io: Io): Promise<void>;
}

/** Runs a command and maps its outcome to an exit code; messages go to stderr, never a stack trace. */
export async function runCommand(command: Command, argv: string[], io: Io): Promise<number> {
  try {
    await command.run(argv, io);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      io.stderr(`${err.withAdvice(command.whileHubRuns)}\n`);
      return EXIT.locked;
    }
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    // Imported here, not at the top: config.ts brings zod, which `--help` and usage errors need not load. A
    // ConfigError can only come from a command that loaded config.ts already, so this import costs nothing then.
    const { ConfigError } = await import("../config.js");
    if (err instanceof ConfigError) {
      io.stderr(`${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failed;
  }
}

/** node:util parseArgs, with its errors as usage errors. */
export function parse<T extends ParseArgsConfig["options"]>(argv: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: positionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** A plain text table: a header, a rule, left-aligned columns, no quotes. */
export function table(rows: Array<Record<string, string>>, columns: string[]): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c] ?? "")))].join("\n") + "\n";
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The staff key for --url: from --key-file or HUB_API_KEY. A key on the command line is refused. */
export function staffKey(values: { key?: string; "key-file"?: string }, io: Io): string | undefined {
  if (values.key !== undefined) {
    throw new UsageError(
      "--key is refused: a secret on the command line shows in `ps` and npm echoes it into redirected output. " +
        "Set HUB_API_KEY in the environment, or pass --key-file <file> (a file holding the key).",
    );
  }
  if (values["key-file"] !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(values["key-file"], "utf8");
    } catch (err) {
      throw new UsageError(`--key-file ${values["key-file"]} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    const key = text.trim();
    if (!key) throw new UsageError(`--key-file ${values["key-file"]} is empty.`);
    return key;
  }
  return io.env.HUB_API_KEY?.trim() || undefined;
}
