/**
 * Exclusive lock on the hub's data directory.
 *
 * PGlite has no lock of its own: two processes can open the same directory and
 * the one that closes last silently overwrites what the other wrote. So the hub
 * takes `<dataDir>/hub.lock` before it opens the database.
 *
 * - The lock file holds a JSON {@link LockHolder}. It is created atomically: the
 *   JSON is written to a temp file in the same directory, which is then hard-linked
 *   to `hub.lock` (`link` fails with EEXIST if the lock is held), so a reader never
 *   sees a half-written lock. On file systems without hard links it falls back to
 *   `open(…, "wx")`.
 * - A lock whose holder is gone (crash, `kill -9`, reboot) is taken over at once,
 *   without waiting for a timeout, by one process at a time (see {@link takeOverStale}),
 *   so that racing processes never both win. "Gone" is only decided for holders on this host:
 *   the pid no longer exists, or it now belongs to another process (its kernel start
 *   time differs from the one recorded in the lock), or the machine rebooted since.
 * - A holder on another host is always treated as alive (its liveness can't be
 *   checked from here).
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE_NAME = "hub.lock";

export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO time at which the lock was taken. */
  startedAt: string;
  command?: string;
  /** Linux only: kernel boot id, so a lock from before a reboot is recognised as stale. */
  bootId?: string;
  /** Linux only: the holder's start time in clock ticks since boot, so a reused pid is not mistaken for the holder. */
  procStart?: string;
}

export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly holder: LockHolder | null;

  constructor(
    dataDir: string,
    holder: LockHolder | null,
    readonly lockFile = path.join(dataDir, LOCK_FILE_NAME),
  ) {
    super(describeLocked(dataDir, holder, lockFile, "Stop that process or set HUB_DATA_DIR to another directory."));
    this.name = "DataDirLockedError";
    this.dataDir = dataDir;
    this.holder = holder;
  }

  /** The same message with other advice (a CLI command can use the running hub instead of waiting for it). */
  withAdvice(advice: string): string {
    return describeLocked(this.dataDir, this.holder, this.lockFile, advice);
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly lockFile: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

function describeLocked(dataDir: string, holder: LockHolder | null, lockFile: string, advice: string): string {
  if (!holder) {
    return `Data directory ${dataDir} is in use by another IDoR Hub process (lock file ${lockFile} could not be read). ${advice}`;
  }
  const command = holder.command ? `, command: ${holder.command}` : "";
  let message =
    `Data directory ${dataDir} is in use by another IDoR Hub process ` +
    `(pid ${holder.pid} on host ${holder.hostname}, since ${holder.startedAt}${command}). ${advice}`;
  if (holder.hostname !== os.hostname()) {
    message +=
      ` The lock was taken on another host, so whether that process still runs cannot be checked from here;` +
      ` if it is certainly gone, delete ${lockFile}.`;
  }
  return message;
}

/** How many times the create / take-over cycle is tried before giving up. */
const MAX_ATTEMPTS = 20;
/** An unreadable lock file younger than this may still be being written (only possible with the "wx" fallback). */
const UNREADABLE_GRACE_MS = 2_000;
/** Leftover temp / claim files older than this belong to a crashed attempt and are swept. */
const LEFTOVER_MAX_AGE_MS = 60_000;
/** A take-over claim older than this belongs to a process that crashed (or stalled) half-way: the next steps past it. */
const CLAIM_MAX_AGE_MS = 10_000;
/** How many claims (one after another, each past the crashed one before) a stale lock may have. */
const MAX_CLAIM_GENERATIONS = 8;

/** Lock files held by this process, shared across module instances (e.g. when a test runner loads the module twice). */
const heldHere: Set<string> = (() => {
  const key = Symbol.for("idor-hub.data-dir-locks");
  const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (g[key] ??= new Set<string>());
})();

export function acquireDataDirLock(dataDir: string, opts: { command?: string } = {}): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, LOCK_FILE_NAME);

  if (heldHere.has(lockFile)) {
    throw new DataDirLockedError(dir, readLock(lockFile)?.holder ?? null, lockFile);
  }

  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    ...(opts.command !== undefined ? { command: opts.command } : {}),
  };
  const bootId = currentBootId();
  if (bootId) me.bootId = bootId;
  const procStart = processStartTicks(process.pid);
  if (procStart) me.procStart = procStart;
  const content = `${JSON.stringify(me, null, 2)}\n`;

  let lastSeen: LockHolder | null = null;
  let unreadableSince: number | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createExclusive(dir, lockFile, content)) {
      return holdLock(dir, lockFile, me);
    }

    const seen = readLock(lockFile);
    if (!seen) continue; // vanished between our create and our read: try again

    if (seen.holder) {
      lastSeen = seen.holder;
      unreadableSince = null;
      if (holderState(seen.holder, lockFile) !== "gone") {
        throw new DataDirLockedError(dir, seen.holder, lockFile);
      }
    } else {
      // Unreadable content. With the hard-link path this can't be a lock being written;
      // with the "wx" fallback it can, for a moment: give a young file a short grace period.
      lastSeen = null;
      const age = Date.now() - seen.mtimeMs;
      if (age < UNREADABLE_GRACE_MS) {
        unreadableSince ??= Date.now();
        if (Date.now() - unreadableSince < UNREADABLE_GRACE_MS + 500) {
          sleepSync(50);
          attempt--; // waiting is not a failed attempt
          continue;
        }
      }
    }

    if (takeOverStale(lockFile, seen) === "busy") {
      // Another process is taking the same stale lock over (for microseconds, normally): wait for it, then look again.
      sleepSync(5);
      attempt--; // not a failed attempt; bounded, since a claim older than CLAIM_MAX_AGE_MS is stepped past
    }
  }
  throw new DataDirLockedError(dir, lastSeen, lockFile);
}

// ---------------------------------------------------------------------------

function holdLock(dir: string, lockFile: string, me: LockHolder): DataDirLock {
  heldHere.add(lockFile);
  sweepLeftovers(dir);

  let released = false;
  const onExit = (): void => {
    try {
      release();
    } catch {
      // exiting anyway; a lock left behind is stale and will be taken over
    }
  };
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener("exit", onExit);
    heldHere.delete(lockFile);
    const current = readLock(lockFile);
    const h = current?.holder;
    if (h && h.pid === me.pid && h.startedAt === me.startedAt && h.hostname === me.hostname) unlinkIfPresent(lockFile);
  };
  process.on("exit", onExit);

  return { dataDir: dir, lockFile, release };
}

/** Atomically creates the lock file with `content`. Returns false if it already exists. */
function createExclusive(dir: string, lockFile: string, content: string): boolean {
  const tmp = path.join(dir, `.${LOCK_FILE_NAME}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  writeDurably(tmp, content);
  try {
    fs.linkSync(tmp, lockFile);
    return true;
  } catch (err) {
    const code = errCode(err);
    if (code === "EEXIST") return false;
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
      // No hard links on this file system: fall back to an exclusive create.
      try {
        writeDurably(lockFile, content);
        return true;
      } catch (err2) {
        if (errCode(err2) === "EEXIST") return false;
        throw err2;
      }
    }
    throw err;
  } finally {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
}

/** Exclusive create ("wx"), write and fsync. */
function writeDurably(file: string, content: string): void {
  const fd = fs.openSync(file, "wx", 0o644);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface SeenLock {
  raw: string;
  holder: LockHolder | null;
  ino: number;
  mtimeMs: number;
}

/** Reads the lock file; null if it doesn't exist. `holder` is null if the content is not a valid lock. */
function readLock(file: string): SeenLock | null {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (err) {
    if (errCode(err) === "ENOENT") return null;
    throw err;
  }
  try {
    const st = fs.fstatSync(fd);
    const raw = fs.readFileSync(fd, "utf8");
    return { raw, holder: parseHolder(raw), ino: st.ino, mtimeMs: st.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

function parseHolder(raw: string): LockHolder | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.pid !== "number" || !Number.isInteger(o.pid) || o.pid <= 0) return null;
  if (typeof o.hostname !== "string" || typeof o.startedAt !== "string") return null;
  const holder: LockHolder = { pid: o.pid, hostname: o.hostname, startedAt: o.startedAt };
  if (typeof o.command === "string") holder.command = o.command;
  if (typeof o.bootId === "string") holder.bootId = o.bootId;
  if (typeof o.procStart === "string") holder.procStart = o.procStart;
  return holder;
}

/**
 * "alive": the holder runs (or might: another host). "gone": it certainly does not,
 * so its lock may be taken over.
 */
function holderState(holder: LockHolder, lockFile: string): "alive" | "gone" {
  if (holder.hostname !== os.hostname()) return "alive";

  const bootId = currentBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return "gone"; // rebooted since

  if (holder.pid === process.pid) {
    // Either another lock of this very process (held), or a lock left by an earlier
    // process that had the same pid (typical after a container restart).
    if (heldHere.has(lockFile)) return "alive";
    const mine = processStartTicks(process.pid);
    if (holder.procStart && mine) return holder.procStart === mine ? "alive" : "gone";
    const taken = Date.parse(holder.startedAt);
    const myStart = performance.timeOrigin;
    return Number.isFinite(taken) && taken < myStart - 1_000 ? "gone" : "alive";
  }

  if (!pidExists(holder.pid)) return "gone";

  if (holder.procStart) {
    const now = processStartTicks(holder.pid);
    if (now && now !== holder.procStart) return "gone"; // the pid was reused by another process
  }
  return "alive";
}

/** Whether a process with this pid exists on this host (one of another user's counts: EPERM). */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // ESRCH: no such process. EPERM: it exists but belongs to someone else.
    return errCode(err) !== "ESRCH";
  }
}

/**
 * Removes a stale lock without ever removing a live one, and without ever leaving the lock file's name empty while
 * a live lock is in it (setting the file aside and putting it back did: a third process could create its lock in
 * that moment, and then two processes held the directory; seen once in a test race of five).
 *
 * Takers of the same stale lock first create a claim named after that very lock (its inode and content) with an
 * exclusive create: one taker at a time, the others are told "busy" and wait. Holding the claim, the taker checks that
 * the lock file is still the lock it judged stale and unlinks it. Only the holder of its claim removes a stale lock,
 * so it cannot have been replaced by a live one between that check and the unlink; a taker that comes after the claim
 * is gone finds another lock in the file (a lock's content, with its pid and start, is never written twice) and
 * leaves it. A claim left by a taker that crashed half-way is stepped past once it is CLAIM_MAX_AGE_MS old (the
 * next generation of the name) and swept with the other leftovers.
 */
function takeOverStale(lockFile: string, seen: SeenLock): "done" | "busy" {
  for (let generation = 1; generation <= MAX_CLAIM_GENERATIONS; generation++) {
    const claim = staleLockClaim(lockFile, seen, generation);
    let fd: number;
    try {
      fd = fs.openSync(claim, "wx", 0o644);
    } catch (err) {
      if (errCode(err) !== "EEXIST") throw err;
      if (ageMs(claim) < CLAIM_MAX_AGE_MS) return "busy";
      continue;
    }
    fs.closeSync(fd);
    try {
      const now = readLock(lockFile);
      if (now && now.ino === seen.ino && now.raw === seen.raw) unlinkIfPresent(lockFile);
    } finally {
      unlinkIfPresent(claim);
    }
    return "done";
  }
  return "done"; // every claim is old: the caller's attempts are bounded and end in DataDirLockedError
}

/** The claim file of a take-over of the stale lock `lock` (its inode and content), in its generation from 1. */
export function staleLockClaim(lockFile: string, lock: { ino: number; raw: string }, generation: number): string {
  const id = createHash("sha256").update(`${lock.ino}\n${lock.raw}`).digest("hex").slice(0, 16);
  return `${lockFile}.stale-${id}-${generation}`;
}

/** How old a file is; 0 when it is gone (its owner has just finished with it). */
function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch (err) {
    if (errCode(err) === "ENOENT") return 0;
    throw err;
  }
}

function unlinkIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (err) {
    if (errCode(err) !== "ENOENT") throw err;
  }
}

/** Removes temp / claim files of attempts that crashed half-way (they live for microseconds normally). */
function sweepLeftovers(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const leftover =
      (name.startsWith(`.${LOCK_FILE_NAME}.`) && name.endsWith(".tmp")) || name.startsWith(`${LOCK_FILE_NAME}.stale-`);
    if (!leftover) continue;
    try {
      const file = path.join(dir, name);
      if (now - fs.statSync(file).mtimeMs > LEFTOVER_MAX_AGE_MS) fs.unlinkSync(file);
    } catch {
      // best effort
    }
  }
}

let bootIdCache: string | null | undefined;
function currentBootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

/** Linux: start time of `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat); null elsewhere. */
function processStartTicks(pid: number): string | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const start = fields[19]; // field 22 overall; fields[0] is field 3
  return start && /^\d+$/.test(start) ? start : null;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errCode(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : undefined;
}
