// Rate limits, with rate-limiter-flexible (a well-kept library with stores for memory and for drizzle):
// - per API key for keyed callers, per client address for anonymous ones: RATE_LIMITED, HTTP 429, Retry-After;
// - failed authentication (malformed, unknown or revoked key) per client address, separately and harder: after
//   `rateLimitAuthFailures` failures every keyed request from that address is refused for `rateLimitAuthBlockS`,
//   before its key is even looked at, so keys cannot be guessed at speed.
// On PostgreSQL the counters live in the `rate_limits` table (RateLimiterDrizzle on the hub's own connection pool), so
// every replica enforces the same budget; if that store fails, each replica falls back to counting in memory. PGlite
// is one process by design (the data-directory lock), so its counters stay in memory and cost no SQL.
import type { Request, RequestHandler } from "express";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { ReliabilitySettings } from "../config.js";
import { PUBLIC_VIEWER, type Viewer } from "../context.js";
import type { Database, Db, SqlStats } from "../db/client.js";
import { rateLimits } from "../db/schema.js";
import { viewerFromAuthorization } from "../auth/viewer.js";
import { HubError, retryLater } from "../shared/errors.js";

type LimitSettings = Pick<ReliabilitySettings, "rateLimitWindowS" | "rateLimitAnonymous" | "rateLimitKeyed" | "rateLimitAuthFailures" | "rateLimitAuthBlockS">;

function limiter(database: Database, keyPrefix: string, points: number, duration: number, blockDuration = 0): RateLimiterAbstract | null {
  if (points <= 0) return null;
  const options = { keyPrefix, points, duration, blockDuration };
  if (database.engine === "pglite") return new RateLimiterMemory(options);
  return new RateLimiterDrizzle({
    ...options,
    storeClient: database.db,
    schema: rateLimits,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** The address a request comes from: the socket's peer, or X-Forwarded-For's when HUB_TRUST_PROXY trusts the proxy. */
export function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? "unknown";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

export function callerLimits(database: Database, settings: LimitSettings) {
  const anonymous = limiter(database, "anon", settings.rateLimitAnonymous, settings.rateLimitWindowS);
  const keyed = limiter(database, "key", settings.rateLimitKeyed, settings.rateLimitWindowS);
  const authFailures = limiter(database, "authfail", settings.rateLimitAuthFailures, settings.rateLimitAuthBlockS, settings.rateLimitAuthBlockS);

  const consume = async (rl: RateLimiterAbstract | null, key: string, who: string) => {
    if (!rl) return;
    try {
      await rl.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res; // the store failed without insurance: a real error
      throw retryLater("RATE_LIMITED", `Too many requests ${who}: at most ${rl.points} per ${rl.duration} s.`, res.msBeforeNext);
    }
  };

  /** Blocked after too many failed authentications? Then the milliseconds left. */
  const authBlockedFor = async (address: string): Promise<number> => {
    if (!authFailures) return 0;
    const res = await authFailures.get(address);
    return res && res.consumedPoints >= authFailures.points ? Math.max(res.msBeforeNext, 1) : 0;
  };

  /** Who calls, once the limits let them: 401 UNAUTHENTICATED for a bad key, 429 RATE_LIMITED past a limit. */
  async function admit(req: Request, db: Db): Promise<Viewer> {
    const address = clientAddress(req);
    const header = req.header("authorization");
    if (header === undefined || header.trim() === "") {
      await consume(anonymous, address, "from this address without an API key");
      return PUBLIC_VIEWER;
    }
    // A blocked address is refused before its key is looked at: guessing costs the hub no key lookup.
    const blockedMs = await authBlockedFor(address);
    if (blockedMs > 0) {
      throw retryLater("RATE_LIMITED", `Too many failed authentications from this address: blocked for ${Math.ceil(blockedMs / 1000)} s.`, blockedMs);
    }
    const outcome = await viewerFromAuthorization(db, header).then(
      (viewer) => ({ viewer }),
      (error: unknown) => ({ error }),
    );
    if ("error" in outcome) {
      const refused = outcome.error;
      if (refused instanceof HubError && refused.extensions.code === "UNAUTHENTICATED") {
        await consume(authFailures, address, "with a bad API key from this address");
      }
      throw refused;
    }
    const viewer = outcome.viewer;
    if (viewer.role !== "PUBLIC") await consume(keyed, viewer.keyPrefix, `with the API key ${viewer.keyPrefix}…`);
    return viewer;
  }

  return {
    admit,
    /** Middleware: authenticates and applies the limits; the route's context reads res.locals.viewer and .sql. */
    authenticate(database: Database): RequestHandler {
      return (req, res, next) => {
        const sql: SqlStats = { statements: 0 };
        admit(req, database.forRequest(sql)).then((viewer) => {
          res.locals.viewer = viewer;
          res.locals.sql = sql;
          next();
        }, next);
      };
    },
    /** Middleware for public routes that ignore credentials (the calendar feed): the per-address limit only. */
    anonymous(): RequestHandler {
      return (req, _res, next) => {
        consume(anonymous, clientAddress(req), "from this address").then(() => next(), next);
      };
    },
  };
}
