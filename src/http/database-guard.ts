// When the database is down, every request fails fast with 503 SERVICE_UNAVAILABLE and Retry-After instead of waiting
// for connections that cannot open. The first failure that says "unreachable" opens the guard; from then on requests
// are refused before they touch the database, and one probe (a `select 1` with a short timeout) runs every
// `probeIntervalMs` until the database answers again, which closes the guard: recovery needs nobody.
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

/** Is this error (or one it wraps, e.g. drizzle's query error) the database being unreachable? */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  return false;
}

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
    if (this.downSince === null && !this.stopped) {
      this.downSince = Date.now();
      this.logger.error({ err }, "database unavailable: refusing requests with 503 until it answers again");
      this.scheduleProbe();
    }
    return true;
  }

  /** Refuses requests while the database is down. */
  readonly middleware: RequestHandler = (_req, _res, next) => {
    next(this.down ? unavailable(this.probeIntervalMs) : undefined);
  };

  /** For /readyz: false at once while down; otherwise a ping bounded by `pingTimeoutMs`. */
  async ready(): Promise<boolean> {
    if (this.down) return false;
    try {
      await this.ping();
      return true;
    } catch (err) {
      if (!this.report(err)) this.logger.warn({ err }, "readiness check failed");
      return false;
    }
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

  private scheduleProbe(): void {
    if (this.stopped) return;
    this.probeTimer = setTimeout(() => {
      this.ping().then(
        () => {
          this.logger.info({ downMs: Date.now() - (this.downSince ?? Date.now()) }, "database available again");
          this.downSince = null;
        },
        () => this.scheduleProbe(),
      );
    }, this.probeIntervalMs);
    this.probeTimer.unref();
  }
}
