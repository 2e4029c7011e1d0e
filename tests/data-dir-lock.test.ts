import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import {
  acquireDataDirLock,
  DataDirLockedError,
  staleLockClaim,
  type DataDirLock,
  type LockHolder,
} from "../src/db/data-dir-lock.js";
import { builtScript } from "./support/hub-build.js";
import { killAll, spawnNode, waitForLine, type Proc } from "./support/processes.js";

// The children load the lock module compiled once per run (tests/support/hub-build.ts), as the spawned hubs do: the
// same code the tests here import, without tsx's loader and esbuild in each of some twenty processes.
const moduleUrl = pathToFileURL(builtScript(inject("hubBuild"), "src/db/data-dir-lock.ts")).href;
const onLinux = fs.existsSync("/proc/self/stat");

/**
 * Child process: (optionally waits for "go" on stdin,) takes the lock, prints "locked", then
 * holds it until killed ("release" on stdin releases it; LOCK_MODE=exit exits normally at once).
 * A refused lock prints the message on stderr and exits with code 3.
 */
const childScript = `
const { acquireDataDirLock, DataDirLockedError } = await import(process.env.LOCK_MODULE_URL);
process.stdin.setEncoding("utf8");
let lock;
const take = () => {
  try {
    lock = acquireDataDirLock(process.env.LOCK_DIR, { command: "lock-test-child" });
  } catch (err) {
    process.stderr.write(String(err && err.message) + "\\n");
    process.exit(err instanceof DataDirLockedError ? 3 : 1);
  }
  process.stdout.write("locked\\n");
  if (process.env.LOCK_MODE === "exit") process.exit(0);
  setInterval(() => {}, 1 << 30);
};
process.stdin.on("data", (d) => {
  if (d.includes("go") && !lock) take();
  if (d.includes("release") && lock) { lock.release(); process.stdout.write("released\\n"); }
});
process.stdin.on("end", () => process.exit(0)); // the test process went away
if (process.env.LOCK_WAIT_GO) process.stdout.write("ready\\n"); else take();
`;

const tempDirs: string[] = [];
const locks: DataDirLock[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const lock of locks.splice(0)) lock.release();
  await killAll();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-hub-lock-"));
  tempDirs.push(dir);
  return dir;
}

function acquire(dir: string): DataDirLock {
  const lock = acquireDataDirLock(dir, { command: "lock-test" });
  locks.push(lock);
  return lock;
}

function lockFileOf(dir: string): string {
  return path.join(dir, "hub.lock");
}

function readHolder(dir: string): LockHolder {
  return JSON.parse(fs.readFileSync(lockFileOf(dir), "utf8")) as LockHolder;
}

/** The child script (above) on `dir`, with a pipe to its stdin. */
function startChild(dir: string, env: Record<string, string> = {}): Proc {
  return spawnNode(["--input-type=module", "-e", childScript], {
    env: { ...process.env, LOCK_MODULE_URL: moduleUrl, LOCK_DIR: dir, ...env },
    stdin: true,
  });
}

async function startHolder(dir: string): Promise<Proc> {
  const child = startChild(dir);
  await waitForLine(child, "locked");
  return child;
}

const isRunning = (child: Proc) => child.running();

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const proc = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => proc.on("exit", resolve));
  return proc.pid!;
}

function writeForeignLock(dir: string, holder: Partial<LockHolder> & { pid: number }): string {
  const content = JSON.stringify({ hostname: os.hostname(), startedAt: new Date().toISOString(), ...holder });
  fs.writeFileSync(lockFileOf(dir), content);
  return content;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected an error to be thrown");
}

describe("data directory lock", { timeout: 30_000 }, () => {
  it("refuses a second holder and names the directory and the holder's pid", async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    const before = fs.readFileSync(lockFileOf(dir), "utf8");

    // A relative path is reported as the absolute directory.
    const err = catchError(() => acquire(path.relative(process.cwd(), dir)));

    expect(err).toBeInstanceOf(DataDirLockedError);
    const locked = err as DataDirLockedError;
    expect(locked.dataDir).toBe(dir);
    expect(locked.holder?.pid).toBe(holder.pid);
    expect(locked.holder?.hostname).toBe(os.hostname());
    expect(locked.message).toContain(`Data directory ${dir} is in use`);
    expect(locked.message).toContain(`pid ${holder.pid} on host ${os.hostname()}`);
    expect(locked.message).toContain(`since ${locked.holder?.startedAt}`);
    expect(locked.message).toContain("HUB_DATA_DIR");
    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(before);
    expect(isRunning(holder)).toBe(true);
  });

  it("a second process exits non-zero with a clear message while the first keeps the lock", async () => {
    const dir = tempDir();
    const first = await startHolder(dir);
    const before = fs.readFileSync(lockFileOf(dir), "utf8");

    const second = startChild(dir);
    const { code } = await second.exited;

    expect(code).toBe(3);
    expect(second.stdout()).not.toContain("locked");
    expect(second.stderr()).toContain(`Data directory ${dir} is in use by another IDoR Hub process`);
    expect(second.stderr()).toContain(`pid ${first.pid}`);
    expect(isRunning(first)).toBe(true);
    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(before);
  });

  it("takes over a lock left by a process killed with SIGKILL at once", async () => {
    const dir = tempDir();
    const victim = await startHolder(dir);
    victim.proc.kill("SIGKILL");
    await victim.exited;
    expect(readHolder(dir).pid).toBe(victim.pid); // left behind

    const t0 = Date.now();
    const lock = acquire(dir);
    expect(Date.now() - t0).toBeLessThan(1_000);

    expect(lock.lockFile).toBe(lockFileOf(dir));
    expect(readHolder(dir).pid).toBe(process.pid);
    expect(fs.readdirSync(dir).sort()).toEqual(["hub.lock"]); // no temp or set-aside files left
  });

  it("release removes the lock and a new holder can take it", async () => {
    const dir = tempDir();
    const lock = acquire(dir);
    expect(readHolder(dir).pid).toBe(process.pid);

    lock.release();
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
    lock.release(); // idempotent

    const child = await startHolder(dir);
    expect(readHolder(dir).pid).toBe(child.pid);

    child.proc.stdin!.write("release\n");
    await waitForLine(child, "released");
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
    acquire(dir);
    expect(readHolder(dir).pid).toBe(process.pid);
  });

  it("release does not remove a lock that another process took over", async () => {
    const dir = tempDir();
    const lock = acquire(dir);
    fs.unlinkSync(lockFileOf(dir)); // e.g. deleted by hand while we still ran
    const child = await startHolder(dir);
    const theirs = fs.readFileSync(lockFileOf(dir), "utf8");

    lock.release();

    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(theirs);
    expect(readHolder(dir).pid).toBe(child.pid);
  });

  it("removes the lock when the holder exits normally", async () => {
    const dir = tempDir();
    const child = startChild(dir, { LOCK_MODE: "exit" });
    expect((await child.exited).code).toBe(0);
    expect(child.stdout()).toContain("locked");
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
  });

  it("creates a missing data directory", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const lock = acquire(dir);
    expect(lock.dataDir).toBe(dir);
    expect(readHolder(dir)).toMatchObject({ pid: process.pid, hostname: os.hostname(), command: "lock-test" });
  });

  it("refuses a second lock on the same directory within one process", () => {
    const dir = tempDir();
    acquire(dir);
    const err = catchError(() => acquire(dir));
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as DataDirLockedError).message).toContain(`pid ${process.pid}`);
    expect(readHolder(dir).pid).toBe(process.pid);
  });

  for (const situation of ["a free directory", "a stale lock"] as const) {
    it(`lets exactly one of several processes racing for ${situation} get it`, async () => {
      const dir = tempDir();
      if (situation === "a stale lock") writeForeignLock(dir, { pid: await deadPid() });

      const racers = Array.from({ length: 5 }, () => startChild(dir, { LOCK_WAIT_GO: "1" }));
      await Promise.all(racers.map((c) => waitForLine(c, "ready")));
      for (const c of racers) c.proc.stdin!.write("go\n");

      const outcomes = await Promise.all(
        racers.map((c) =>
          Promise.race([
            // A loser exits before it prints "locked": its exit code answers, the wait never does.
            waitForLine(c, "locked").then(() => "locked" as const, () => new Promise<never>(() => {})),
            c.exited.then(({ code }) => (c.stdout().includes("locked") ? ("locked" as const) : code)),
          ]),
        ),
      );
      const winners = racers.filter((_, i) => outcomes[i] === "locked");
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((o) => o === 3)).toHaveLength(racers.length - 1);
      expect(readHolder(dir).pid).toBe(winners[0]!.pid);
      for (const loser of racers.filter((c) => c !== winners[0])) {
        expect(loser.stderr()).toContain(`pid ${winners[0]!.pid}`);
      }
      expect(fs.readdirSync(dir).sort()).toEqual(["hub.lock"]);
    });
  }

  it("does not remove a live lock that replaced the stale one while it was being taken over", async () => {
    const dir = tempDir();
    writeForeignLock(dir, { pid: await deadPid() });
    const live = JSON.stringify({ pid: process.ppid, hostname: os.hostname(), startedAt: new Date().toISOString() });
    const realOpen = fs.openSync;
    // Just before we claim the stale lock, another process takes it over and a live hub takes the directory.
    const open = vi.spyOn(fs, "openSync").mockImplementation((file, flags, mode) => {
      if (String(file).includes(".stale-")) {
        open.mockRestore();
        fs.unlinkSync(lockFileOf(dir));
        fs.writeFileSync(lockFileOf(dir), live);
      }
      return realOpen(file, flags, mode);
    });

    const err = catchError(() => acquire(dir));

    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as DataDirLockedError).holder?.pid).toBe(process.ppid);
    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(live);
    expect(fs.readdirSync(dir).sort()).toEqual(["hub.lock"]);
  });

  it("waits while another process takes the same stale lock over, then respects the lock taken after it", async () => {
    const dir = tempDir();
    const stale = writeForeignLock(dir, { pid: await deadPid() });
    // Another process has claimed the stale lock and is half-way through taking it over.
    const claim = staleLockClaim(lockFileOf(dir), { ino: fs.statSync(lockFileOf(dir)).ino, raw: stale }, 1);
    fs.writeFileSync(claim, "");
    const child = startChild(dir, { LOCK_WAIT_GO: "1" });
    await waitForLine(child, "ready");
    child.proc.stdin!.write("go\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isRunning(child)).toBe(true); // waiting on the claim, not holding the directory
    // That process finishes: the stale lock is gone, a live hub (this process) holds the directory, the claim is gone.
    // The live lock replaces the stale one in one rename: removed first and written after, the waiting child could
    // rightly take the empty name in between (a fresh clone's run once saw it do so).
    const live = JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() });
    fs.writeFileSync(`${lockFileOf(dir)}.live`, live);
    fs.renameSync(`${lockFileOf(dir)}.live`, lockFileOf(dir));
    fs.unlinkSync(claim);

    const outcome = await Promise.race([
      waitForLine(child, "locked").then(() => "locked", () => new Promise<never>(() => {})),
      child.exited.then(({ code }) => (child.stdout().includes("locked") ? "locked" : code)),
    ]);
    expect(outcome).toBe(3);
    expect(child.stderr()).toContain(`pid ${process.pid}`);
    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(live);
  });

  it("steps past a take-over claim left by a process that crashed half-way", async () => {
    const dir = tempDir();
    const stale = writeForeignLock(dir, { pid: await deadPid() });
    const claim = staleLockClaim(lockFileOf(dir), { ino: fs.statSync(lockFileOf(dir)).ino, raw: stale }, 1);
    fs.writeFileSync(claim, "");
    const old = new Date(Date.now() - 20_000);
    fs.utimesSync(claim, old, old);

    acquire(dir);

    expect(readHolder(dir).pid).toBe(process.pid);
  });

  it("respects a lock taken on another host and says how to clear it", () => {
    const dir = tempDir();
    const content = writeForeignLock(dir, { pid: 4242, hostname: "some-other-host" });

    const err = catchError(() => acquire(dir));

    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as DataDirLockedError).message).toContain("pid 4242 on host some-other-host");
    expect((err as DataDirLockedError).message).toContain(`delete ${lockFileOf(dir)}`);
    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(content);
  });

  it("takes over an unreadable lock file", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFileOf(dir), "not json");
    const old = new Date(Date.now() - 10_000);
    fs.utimesSync(lockFileOf(dir), old, old);

    acquire(dir);

    expect(readHolder(dir).pid).toBe(process.pid);
  });

  it("takes over a lock left by an earlier process that had the same pid, as after a container restart", () => {
    const dir = tempDir();
    writeForeignLock(dir, {
      pid: process.pid,
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      procStart: "1",
    });

    acquire(dir);

    expect(readHolder(dir)).toMatchObject({ pid: process.pid, command: "lock-test" });
  });

  it.runIf(onLinux)("takes over a lock whose pid now belongs to an unrelated process", () => {
    const dir = tempDir();
    // process.ppid is alive, but it started at another time than the recorded holder.
    writeForeignLock(dir, { pid: process.ppid, procStart: "1" });

    acquire(dir);

    expect(readHolder(dir).pid).toBe(process.pid);
  });

  it.runIf(onLinux)("takes over a lock taken before the machine rebooted", () => {
    const dir = tempDir();
    writeForeignLock(dir, { pid: process.ppid, bootId: "00000000-0000-0000-0000-000000000000" });

    acquire(dir);

    expect(readHolder(dir).pid).toBe(process.pid);
  });

  it("keeps a lock whose holder is alive even without start-time information", async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    const { pid, hostname, startedAt } = readHolder(dir);
    const content = writeForeignLock(dir, { pid, hostname, startedAt }); // as written by a non-Linux holder
    expect(holder.pid).toBe(pid);

    expect(() => acquire(dir)).toThrow(DataDirLockedError);
    expect(fs.readFileSync(lockFileOf(dir), "utf8")).toBe(content);
  });
});
