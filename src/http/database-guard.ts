// When the database is down, every request fails fast with 503 SERVICE_UNAVAILABLE and Retry-After instead of waiting
// for connections that cannot open. The first failure that says "unreachable" opens the guard; from then on requests
// are refused before they touch the database, and one probe (a `select 1` with a short timeout) runs every
// `probeIntervalMs` until the database answers again, which closes the guard: recovery needs nobody.
//
// An error that ended one session (57P01/57P02, CONNECTION_CLOSED) does not open the guard by itself: the guard asks
// the database first and opens only when that ping says "unreachable". Such errors come at every restart, but also
// after one: postgres.js 3.4.9 keeps the FATAL "terminating connection due to administrator command" that a session
// received while a query ran, and rejects the first query on that connection *after it reconnected to the restarted
// server* with it (its ReadyForQuery handler reads the stale errorResponse; `closed()` never clears it). With a pool
// of n connections busy at the restart, up to n such stale errors arrive after the server is back; each one used to
// shut every request out again for a probe interval, and under load the hub flapped for longer than the outage test
// waits. The bug is postgres.js's and shows on Node 20 as well; the outage test met it far more often on Node 22.
import type { RequestHandler } from "express";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { retryLater, type HubError } from "../shared/errors.js";

/** Node socket errors, postgres.js connection errors and PostgreSQL states that mean "the server is not there". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN",
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  "57P01", "57P02", "57P03", "53300", // admin/crash shutdown, cannot connect now, too many connections
]);

/** Errors that end one session, not necessarily the server: the guard pings before it opens on one of these. */
const SESSION_ENDED_CODES = new Set(["57P01", "57P02", "CONNECTION_CLOSED"]);

/** The "unreachable" code of this error (or of one it wraps, e.g. drizzle's query error), or null. */
function unavailableCode(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return code;
  }
  return null;
}

/** Is this error (or one it wraps, e.g. drizzle's query error) the database being unreachable? */
export function isDatabaseUnavailable(err: unknown): boolean {
  return unavailableCode(err) !== null;
}

const endedOneSession = (err: unknown) => SESSION_ENDED_CODES.has(unavailableCode(err) ?? "");

/** Pings in a row that may meet a session-ended error before the guard opens anyway (one per pooled connection
 * that was busy at a restart; more than the hub's usual pool). */
const VERIFY_ATTEMPTS = 12;

export const unavailable = (retryAfterMs: number): HubError =>
  retryLater("SERVICE_UNAVAILABLE", "The database is unavailable right now; retry later.", retryAfterMs);

export interface DatabaseGuardOptions {
  /** How often a down database is probed, and the Retry-After given meanwhile. */
  probeIntervalMs?: number;
  /** How long /readyz and a probe wait for `select 1`. */
  pingTimeoutMs?: number;
}

export class DatabaseGuard {
  private downSince: number | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private verifying: Promise<void> | null = null;
  readonly probeIntervalMs: number;
  readonly pingTimeoutMs: number;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    options: DatabaseGuardOptions = {},
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? 500;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 800;
  }

  get down(): boolean {
    return this.downSince !== null;
  }

  /** Call with any error a request met: an "unreachable" one opens the guard. Returns whether it was one. */
  report(err: unknown): boolean {
    if (!isDatabaseUnavailable(err)) return false;
    if (endedOneSession(err)) this.verify(err);
    else this.open(err);
    return true;
  }

  private open(err: unknown): void {
    if (this.downSince !== null || this.stopped) return;
    this.downSince = Date.now();
    this.logger.error({ err }, "database unavailable: refusing requests with 503 until it answers again");
    this.scheduleProbe();
  }

  /** A session ended: open the guard only if the database does not answer now (one check at a time). */
  private verify(err: unknown): void {
    if (this.down || this.stopped || this.verifying) return;
    this.verifying = (async () => {
      const pingErr = await this.pingPastStaleSessions();
      if (pingErr === null) return; // it answers: that session's error was its own (or stale)
      if (endedOneSession(pingErr)) this.open(err); // every attempt met a session that had ended
      else if (isDatabaseUnavailable(pingErr)) this.open(pingErr);
      // else a slow ping (PING_TIMEOUT) is not "down": /readyz reports slowness, requests go on
    })().finally(() => (this.verifying = null));
  }

  /** Refuses requests while the database is down. */
  readonly middleware: RequestHandler = (_req, _res, next) => {
    next(this.down ? unavailable(this.probeIntervalMs) : undefined);
  };

  /** For /readyz: false at once while down; otherwise a ping bounded by `pingTimeoutMs`. */
  async ready(): Promise<boolean> {
    if (this.down) return false;
    // Past stale session-ended errors, as verify(): a 503 for one of them would take a healthy replica out of a load
    // balancer (tests/database-outage.test.ts once saw it right after the database came back).
    const err = await this.pingPastStaleSessions();
    if (err === null) return true;
    if (!this.report(err)) this.logger.warn({ err }, "readiness check failed");
    return false;
  }

  /**
   * Pings, and asks again while the answer is a stale session-ended error (each pooled connection that was open when
   * the server went away hands out one): null when the database answers, else the last error.
   */
  private async pingPastStaleSessions(): Promise<unknown> {
    let last: unknown = null;
    for (let attempt = 0; attempt < VERIFY_ATTEMPTS; attempt++) {
      try {
        await this.ping();
        return null;
      } catch (err) {
        if (!endedOneSession(err)) return err;
        last = err;
      }
    }
    return last;
  }

  stop(): void {
    this.stopped = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
  }

  private ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      // Not an "unreachable" code: a slow answer (a busy pool, PGlite's one-statement queue) makes /readyz say 503,
      // but must not shut every request out.
      timer = setTimeout(() => reject(Object.assign(new Error("database ping timed out"), { code: "PING_TIMEOUT" })), this.pingTimeoutMs);
    });
    return Promise.race([this.database.ping(), timeout]).finally(() => clearTimeout(timer));
  }

  private scheduleProbe(delayMs = this.probeIntervalMs): void {
    if (this.stopped) return;
    this.probeTimer = setTimeout(() => {
      this.ping().then(
        () => {
          this.logger.info({ downMs: Date.now() - (this.downSince ?? Date.now()) }, "database available again");
          this.downSince = null;
        },
        // A stale session-ended error (see the top of this file) says nothing about now: ask again at once.
        (err) => this.scheduleProbe(endedOneSession(err) ? 0 : this.probeIntervalMs),
      );
    }, delayMs);
    this.probeTimer.unref();
  }
}
