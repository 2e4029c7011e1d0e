// The hub as a child process, started from the compiled JavaScript as `npm run start:prod` starts it (built once per
// run: tests/support/hub-build.ts), with the test runner's environment less every hub setting: start, wait for its ready line, read its JSON log, ask it through
// GraphQL. Shared by the test files of the entry point (server, server-config, seed-cli).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, inject } from "vitest";
import { builtScript } from "./hub-build.js";
import { killAll, repoRoot, spawnNode, waitFor, type Proc } from "./processes.js";

export const LOCK_FILE = "hub.lock";
export const READY = /^IDoR Hub ready at http:\/\/localhost:(\d+)\/graphql$/;

export const seeds = {
  societies: readSeed("societies.json").length,
  editions: readSeed("editions.json") as Array<{ year: number; theme: string | null }>,
};
export function readSeed(file: string): unknown[] {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "seeds", file), "utf8")) as unknown[];
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes (tests/support/processes.ts)

export interface Hub extends Proc {
  port: number;
  /** The parsed "ready" log line. */
  ready: Record<string, unknown>;
}

const tempDirs: string[] = [];

/** For afterAll: kills the processes still running and deletes the temporary directories. */
export async function cleanUp(): Promise<void> {
  await killAll();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-hub-srv-"));
  tempDirs.push(dir);
  return dir;
}

/** The test runner's environment without any hub setting, plus `settings` (undefined removes one). */
export function envWith(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(PORT|HOST|DATABASE_URL|LOG_LEVEL|HUB_.*)$/.test(name)) delete env[name];
  }
  const all: Record<string, string | undefined> = { PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...settings };
  for (const [name, value] of Object.entries(all)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs `node <script compiled>` in the repository (tests/entry-points.test.ts runs the entry points through tsx). */
export function run(script: string, settings: Record<string, string | undefined>): Proc {
  // --liftoff-only as in the test workers and `npm run hub` (vitest.config.ts says why): most of these hubs boot PGlite
  // once and stop, and V8's optimising compiler would spend more on its WebAssembly than the run gives back.
  return spawnNode(["--liftoff-only", builtScript(inject("hubBuild"), script)], { env: envWith(settings) });
}

/** The JSON log lines a hub printed on stdout. */
export function logs(p: Proc): Array<Record<string, unknown>> {
  return p.stdout()
    .split("\n")
    .flatMap((line) => {
      try {
        const v: unknown = JSON.parse(line);
        return v && typeof v === "object" ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

export function logged(p: Proc, msg: string | RegExp): Record<string, unknown> | undefined {
  return logs(p).find((l) => (typeof msg === "string" ? l.msg === msg : msg.test(String(l.msg))));
}

export function spawnHub(settings: Record<string, string | undefined>): Proc {
  return run("src/main.ts", settings);
}

export async function startHub(settings: Record<string, string | undefined>): Promise<Hub> {
  const p = spawnHub(settings);
  // A first start on PGlite: seconds on a quiet machine, over 60 s seen at load 15-19 on 2 cores.
  const ready = await waitFor(p, "log that it is ready", () => logged(p, READY), 150_000);
  const port = Number(READY.exec(String(ready.msg))![1]);
  expect(ready.port).toBe(port);
  return Object.assign(p, { port, ready });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the exit of `p`, or with "still running" after `ms`. */
export function exitWithin(p: Proc, ms: number) {
  return Promise.race([p.exited, sleep(ms).then(() => "still running" as const)]);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

export async function gql<T = any>(port: number, query: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

export const SNAPSHOT = `{
  editions { year theme }
  societies(first: 0) { totalCount }
  activities(first: 0) { totalCount }
}`;

export interface Snapshot {
  editions: Array<{ year: number; theme: string | null }>;
  societies: { totalCount: number };
  activities: { totalCount: number };
}

export const snapshot = (port: number) => gql<Snapshot>(port, SNAPSHOT);

export function expectSeededEditions(editions: Snapshot["editions"]) {
  const years = seeds.editions.map((e) => e.year).sort((a, b) => b - a);
  expect(editions.map((e) => e.year)).toEqual(years);
  expect(years).toHaveLength(14);
  expect(years[0]).toBe(2025);
  expect(years.at(-1)).toBe(2012);
  expect(editions.find((e) => e.year === 2020)?.theme).toBe("All imaging professionals and their role in fighting COVID-19");
  expect(editions.find((e) => e.year === 2012)?.theme).toBe("Oncologic imaging");
}
