// Configuration is read and validated here, once, at start-up. A bad value stops the process with a message that
// names the setting, what it got and what it expects.
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { API_KEY_FORMAT_HELP, prefixOf } from "./auth/api-key.js";
import { DEFAULT_LIMITS, type Limits } from "./http/limits.config.js";
import type { FederationSettings } from "./federation/subgraph.js";

const intSetting = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return fallback;
      if (!/^\d+$/.test(raw.trim())) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}; got "${raw}"` });
        return z.NEVER;
      }
      const n = Number(raw);
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be from ${min} to ${max}; got ${n}` });
        return z.NEVER;
      }
      return n;
    });

const boolSetting = (name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      if (raw.trim() !== "true" && raw.trim() !== "false") {
        ctx.addIssue({ code: "custom", message: `${name} must be "true" or "false"; got "${raw}"` });
        return z.NEVER;
      }
      return raw.trim() === "true";
    });

const env = z.object({
  PORT: intSetting("PORT", 0, 65535, 4000),
  HOST: z.string().optional().default("0.0.0.0"),
  HUB_DATA_DIR: z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? "./data" : raw)),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      if (!/^postgres(ql)?:\/\//.test(raw)) {
        ctx.addIssue({ code: "custom", message: "DATABASE_URL must start with postgres:// or postgresql://" });
        return z.NEVER;
      }
      try {
        const url = new URL(raw);
        if (!url.hostname) throw new Error("no host");
      } catch {
        // The value is not echoed: it may hold a password.
        ctx.addIssue({ code: "custom", message: "DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)" });
        return z.NEVER;
      }
      return raw;
    }),
  HUB_DB_POOL_SIZE: intSetting("HUB_DB_POOL_SIZE", 1, 200, 10),
  HUB_READ_REPLICA_URLS: z.string().optional().default(""),
  HUB_FEDERATION: z
    .enum(["true", "false"], { error: (issue) => `HUB_FEDERATION must be "true" or "false"; got "${String(issue.input)}"` })
    .optional()
    .default("true"),
  HUB_FEDERATION_MAX_REPRESENTATIONS: intSetting("HUB_FEDERATION_MAX_REPRESENTATIONS", 1, 100_000, 1000),
  HUB_CORS_ORIGINS: z.string().optional().default("*"),
  HUB_SEED_ON_EMPTY: z
    .enum(["true", "false"], { error: (issue) => `HUB_SEED_ON_EMPTY must be "true" or "false"; got "${String(issue.input)}"` })
    .optional()
    .default("true"),
  HUB_SHUTDOWN_TIMEOUT_MS: intSetting("HUB_SHUTDOWN_TIMEOUT_MS", 0, 600_000, 10_000),
  // Limits on what one request may cost (README "Limits on a request").
  HUB_MAX_DEPTH: intSetting("HUB_MAX_DEPTH", 1, 1_000, DEFAULT_LIMITS.maxDepth),
  HUB_MAX_ALIASES: intSetting("HUB_MAX_ALIASES", 0, 100_000, DEFAULT_LIMITS.maxAliases),
  HUB_MAX_DIRECTIVES: intSetting("HUB_MAX_DIRECTIVES", 0, 100_000, DEFAULT_LIMITS.maxDirectives),
  HUB_MAX_TOKENS: intSetting("HUB_MAX_TOKENS", 10, 10_000_000, DEFAULT_LIMITS.maxTokens),
  HUB_MAX_COST: intSetting("HUB_MAX_COST", 1, 1_000_000_000, DEFAULT_LIMITS.maxCost),
  HUB_COST_LIST_SIZE: intSetting("HUB_COST_LIST_SIZE", 1, 10_000, DEFAULT_LIMITS.unpagedListSize),
  HUB_REQUEST_TIMEOUT_MS: intSetting("HUB_REQUEST_TIMEOUT_MS", 100, 600_000, DEFAULT_LIMITS.requestTimeoutMs),
  HUB_SUMMARY_CACHE_ENTRIES: intSetting("HUB_SUMMARY_CACHE_ENTRIES", 1, 1_000_000, DEFAULT_LIMITS.summaryCacheEntries),
  HUB_SUMMARY_CACHE_PER_REQUEST: intSetting("HUB_SUMMARY_CACHE_PER_REQUEST", 0, 1_000_000, DEFAULT_LIMITS.summaryCachePerRequest),
  HUB_SUMMARY_MAX_FIGURES: intSetting("HUB_SUMMARY_MAX_FIGURES", 1, 100_000_000, DEFAULT_LIMITS.summaryMaxFigures),
  HUB_INTROSPECTION: boolSetting("HUB_INTROSPECTION"),
  HUB_FIELD_SUGGESTIONS: boolSetting("HUB_FIELD_SUGGESTIONS"),
  // Reliability (README "Reliability: rate limits, overload and faults"). A limit of 0 turns that limit off.
  HUB_DB_CONNECT_TIMEOUT_MS: intSetting("HUB_DB_CONNECT_TIMEOUT_MS", 100, 60_000, 1_000),
  HUB_RATE_LIMIT_WINDOW_S: intSetting("HUB_RATE_LIMIT_WINDOW_S", 1, 86_400, 60),
  HUB_RATE_LIMIT_ANONYMOUS: intSetting("HUB_RATE_LIMIT_ANONYMOUS", 0, 1_000_000_000, 600),
  HUB_RATE_LIMIT_KEYED: intSetting("HUB_RATE_LIMIT_KEYED", 0, 1_000_000_000, 1_200),
  HUB_RATE_LIMIT_AUTH_FAILURES: intSetting("HUB_RATE_LIMIT_AUTH_FAILURES", 0, 1_000_000_000, 10),
  HUB_RATE_LIMIT_AUTH_BLOCK_S: intSetting("HUB_RATE_LIMIT_AUTH_BLOCK_S", 1, 86_400, 900),
  HUB_TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim() ?? "";
      if (value === "" || value === "false") return false as const;
      if (/^\d+$/.test(value)) return Number(value);
      const entries = value.split(",").map((e) => e.trim()).filter(Boolean);
      const bad = entries.find((e) => !PROXY_NAMES.has(e) && !isAddressOrSubnet(e));
      if (bad !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `HUB_TRUST_PROXY must be "false", a number of proxy hops, or a comma-separated list of addresses/subnets (or loopback, linklocal, uniquelocal); got "${bad}"`,
        });
        return z.NEVER;
      }
      return entries;
    }),
  HUB_MAX_CONCURRENT_REQUESTS: intSetting("HUB_MAX_CONCURRENT_REQUESTS", 0, 100_000, 64),
  HUB_MAX_QUEUED_REQUESTS: intSetting("HUB_MAX_QUEUED_REQUESTS", 0, 1_000_000, 128),
  HUB_MAX_QUEUE_WAIT_MS: intSetting("HUB_MAX_QUEUE_WAIT_MS", 1, 600_000, 2_000),
  HUB_RESPONSE_CACHE_ENTRIES: intSetting("HUB_RESPONSE_CACHE_ENTRIES", 0, 100_000, 1_000),
  HUB_EXECUTOR: z
    .enum(["jit", "graphql-js"], { error: (issue) => `HUB_EXECUTOR must be "jit" or "graphql-js"; got "${String(issue.input)}"` })
    .optional()
    .default("jit"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: (issue) => `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${String(issue.input)}"`,
    })
    .optional()
    .default("info"),
  NODE_ENV: z.string().optional().default("development"),
  HUB_GRAPHQL_IDE: z
    .enum(["true", "false"], { error: (issue) => `HUB_GRAPHQL_IDE must be "true" or "false"; got "${String(issue.input)}"` })
    .optional(),
  HUB_BOOTSTRAP_STAFF_KEY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      if (!prefixOf(raw.trim())) {
        ctx.addIssue({
          code: "custom",
          message: `HUB_BOOTSTRAP_STAFF_KEY must be an API key (${API_KEY_FORMAT_HELP}); create one with: npm run keys -- generate`,
        });
        return z.NEVER;
      }
      return raw.trim();
    }),
});

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
function isAddressOrSubnet(entry: string): boolean {
  const [address, bits, ...rest] = entry.split("/");
  const family = net.isIP(address ?? "");
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** Limits that keep one caller, or a flood, from taking the hub down (README: "Reliability"). 0 turns a limit off. */
export interface ReliabilitySettings {
  rateLimitWindowS: number;
  /** Requests per window per client address, for callers without a key. */
  rateLimitAnonymous: number;
  /** Requests per window per API key. */
  rateLimitKeyed: number;
  /** Failed authentications (bad, unknown, revoked key) per client address before it is blocked. */
  rateLimitAuthFailures: number;
  /** How long a client address stays blocked after too many failed authentications (also their counting window). */
  rateLimitAuthBlockS: number;
  /** Express's "trust proxy": false (default), a hop count, or the proxies' addresses. */
  trustProxy: false | number | string[];
  /** Requests served at once; beyond it they wait in a queue (0: no limit). */
  maxConcurrentRequests: number;
  /** Requests that may wait; one more is answered 503 OVERLOADED at once. */
  maxQueuedRequests: number;
  /** A request that waited this long for its turn is answered 503 OVERLOADED. */
  maxQueueWaitMs: number;
}

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the embedded database's data directory (used only without DATABASE_URL). */
  dataDir: string;
  databaseUrl: string | undefined;
  poolSize: number;
  /** PostgreSQL streaming replicas that serve the public's reads (see src/db/replicas.ts); empty: all on the primary. */
  readReplicaUrls: string[];
  /** Apollo Federation: `_service`/`_entities` on /graphql and the bound on representations. */
  federation: FederationSettings;
  /** "*" for any origin, otherwise the exact origins allowed to call the hub from a browser. */
  corsOrigins: "*" | string[];
  seedOnEmpty: boolean;
  shutdownTimeoutMs: number;
  /** How long opening a PostgreSQL connection may take before the request fails with SERVICE_UNAVAILABLE. */
  dbConnectTimeoutMs: number;
  reliability: ReliabilitySettings;
  /** Public GraphQL answers kept per process (src/http/response-cache.ts); 0 turns the cache, ETags and 304s off. */
  responseCacheEntries: number;
  /** How queries run: graphql-jit's compiled plans (falling back to graphql-js on any error) or graphql-js only. */
  executor: "jit" | "graphql-js";
  logLevel: string;
  production: boolean;
  /** Serve the bundled GraphQL IDE (GraphiQL) to browsers at /graphql; default: on, except in production. */
  graphqlIde: boolean;
  /** A staff key secret that must exist (created at start-up when missing). */
  bootstrapStaffKey: string | undefined;
  /** What one request may cost, and the summary cache's bounds. */
  limits: Limits;
  /** Schema introspection (`__schema`, `__type`): on in development, off in production unless set. */
  introspection: boolean;
  /** "Did you mean ...?" hints in validation errors: on in development, off in production unless set. */
  fieldSuggestions: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const origins = e.HUB_CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `Invalid configuration:\n- HUB_CORS_ORIGINS must be "*" or a comma-separated list of origins such as https://example.org (no path); got "${origin}"`,
      );
    }
  }
  const readReplicaUrls = e.HUB_READ_REPLICA_URLS.split(",").map((u) => u.trim()).filter(Boolean);
  for (const [i, url] of readReplicaUrls.entries()) {
    // The URL is not echoed: it may hold a password.
    if (!/^postgres(ql)?:\/\/[^/\s]/.test(url) || !URL.canParse(url)) {
      throw new ConfigError(`Invalid configuration:\n- HUB_READ_REPLICA_URLS entry ${i + 1} is not a postgres:// URL`);
    }
  }
  if (readReplicaUrls.length > 0 && !e.DATABASE_URL) {
    throw new ConfigError("Invalid configuration:\n- HUB_READ_REPLICA_URLS needs DATABASE_URL (the primary); the embedded database has no replicas");
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HUB_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.HUB_DB_POOL_SIZE,
    readReplicaUrls,
    federation: { enabled: e.HUB_FEDERATION === "true", maxRepresentations: e.HUB_FEDERATION_MAX_REPRESENTATIONS },
    corsOrigins: origins.length === 0 || origins.includes("*") ? "*" : origins,
    seedOnEmpty: e.HUB_SEED_ON_EMPTY === "true",
    shutdownTimeoutMs: e.HUB_SHUTDOWN_TIMEOUT_MS,
    dbConnectTimeoutMs: e.HUB_DB_CONNECT_TIMEOUT_MS,
    reliability: {
      rateLimitWindowS: e.HUB_RATE_LIMIT_WINDOW_S,
      rateLimitAnonymous: e.HUB_RATE_LIMIT_ANONYMOUS,
      rateLimitKeyed: e.HUB_RATE_LIMIT_KEYED,
      rateLimitAuthFailures: e.HUB_RATE_LIMIT_AUTH_FAILURES,
      rateLimitAuthBlockS: e.HUB_RATE_LIMIT_AUTH_BLOCK_S,
      trustProxy: e.HUB_TRUST_PROXY,
      maxConcurrentRequests: e.HUB_MAX_CONCURRENT_REQUESTS,
      maxQueuedRequests: e.HUB_MAX_QUEUED_REQUESTS,
      maxQueueWaitMs: e.HUB_MAX_QUEUE_WAIT_MS,
    },
    responseCacheEntries: e.HUB_RESPONSE_CACHE_ENTRIES,
    executor: e.HUB_EXECUTOR,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    graphqlIde: e.HUB_GRAPHQL_IDE === undefined ? e.NODE_ENV !== "production" : e.HUB_GRAPHQL_IDE === "true",
    bootstrapStaffKey: e.HUB_BOOTSTRAP_STAFF_KEY,
    limits: {
      maxDepth: e.HUB_MAX_DEPTH,
      maxAliases: e.HUB_MAX_ALIASES,
      maxDirectives: e.HUB_MAX_DIRECTIVES,
      maxTokens: e.HUB_MAX_TOKENS,
      maxCost: e.HUB_MAX_COST,
      unpagedListSize: e.HUB_COST_LIST_SIZE,
      requestTimeoutMs: e.HUB_REQUEST_TIMEOUT_MS,
      summaryCacheEntries: e.HUB_SUMMARY_CACHE_ENTRIES,
      summaryCachePerRequest: e.HUB_SUMMARY_CACHE_PER_REQUEST,
      summaryMaxFigures: e.HUB_SUMMARY_MAX_FIGURES,
    },
    introspection: e.HUB_INTROSPECTION ?? e.NODE_ENV !== "production",
    fieldSuggestions: e.HUB_FIELD_SUGGESTIONS ?? e.NODE_ENV !== "production",
  };
}
