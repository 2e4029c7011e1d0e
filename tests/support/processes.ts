// Child processes for the tests that must run something the way a user does (the hub, a CLI, a second lock holder):
// spawned from the repository root, output collected, and killed when the test file ends or its worker dies.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pidExists } from "../../src/db/data-dir-lock.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Removes the folders in `parent` that a run stopped before its teardown left behind (npm test stops vitest at a type
 * error; Ctrl-C; a killed process): those whose name `pattern` matches with the run's pid as its first group, once
 * that process is gone.
 */
export function removeFoldersOfEndedRuns(parent: string, pattern: RegExp): void {
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || pidExists(pid)) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

export interface Proc {
  proc: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its output is complete. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

const live = new Set<Proc>();

// A crashed worker must not leave hubs listening behind it.
process.once("exit", () => {
  for (const p of live) if (p.running()) p.proc.kill("SIGKILL");
});

/** `node <args>` in the repository root; stdin is a pipe only when asked for. */
export function spawnNode(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: boolean } = {}): Proc {
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: options.env ?? process.env,
    stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  proc.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  const p: Proc = {
    proc,
    pid: proc.pid!,
    stdout: () => out,
    stderr: () => err,
    exited: new Promise((resolve) => proc.on("close", (code, signal) => resolve({ code, signal }))),
    running: () => proc.exitCode === null && proc.signalCode === null,
  };
  live.add(p);
  void p.exited.then(() => live.delete(p));
  return p;
}

/** Runs `node <args>` to its end without blocking this process (which may serve the hub the child talks to). */
export async function runNode(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const p = spawnNode(args, options);
  const { code } = await p.exited;
  return { status: code, stdout: p.stdout(), stderr: p.stderr() };
}

/** The arguments that run a TypeScript file the way the npm scripts do. */
export const tsx = (script: string, ...args: string[]) => ["--import", "tsx", script, ...args];

/** The hub's command line as `npm run hub --` starts it. */
export const hubCli = (...args: string[]) => ["bin/hub.mjs", ...args];

/** Kills what is still running (SIGKILL) and waits until it is gone: for afterAll/afterEach. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...live].map(async (p) => {
      if (p.running()) p.proc.kill("SIGKILL");
      await p.exited;
    }),
  );
}

/** Resolves with what `find` returns once it returns something; rejects if the process exits first or on timeout. */
export function waitFor<T>(p: Proc, what: string, find: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = find();
      if (found === undefined) return false;
      cleanup();
      resolve(found);
      return true;
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`process ${p.pid} did not ${what} within ${timeoutMs} ms\nstdout: ${p.stdout()}\nstderr: ${p.stderr()}`));
    }, timeoutMs);
    const onData = () => void check();
    const onClose = (code: number | null, signal: string | null) => {
      if (check()) return;
      cleanup();
      reject(new Error(`process ${p.pid} exited (${code ?? signal}) before it did ${what}\nstdout: ${p.stdout()}\nstderr: ${p.stderr()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      p.proc.stdout!.off("data", onData);
      p.proc.off("close", onClose);
    };
    p.proc.stdout!.on("data", onData);
    p.proc.on("close", onClose);
    check();
  });
}

/** Resolves once the process printed `line` on stdout. */
export const waitForLine = (p: Proc, line: string, timeoutMs = 20_000) =>
  waitFor(p, `print "${line}"`, () => (p.stdout().split("\n").includes(line) ? true : undefined), timeoutMs);
