// Configuration is read and validated here, once, at start-up. A bad value stops the process with a message that
// names the setting, what it got and what it expects.
import path from "node:path";
import { z } from "zod";
import { API_KEY_FORMAT_HELP, prefixOf } from "./auth/api-key.js";

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
  HUB_CORS_ORIGINS: z.string().optional().default("*"),
  HUB_SEED_ON_EMPTY: z
    .enum(["true", "false"], { error: (issue) => `HUB_SEED_ON_EMPTY must be "true" or "false"; got "${String(issue.input)}"` })
    .optional()
    .default("true"),
  HUB_SHUTDOWN_TIMEOUT_MS: intSetting("HUB_SHUTDOWN_TIMEOUT_MS", 0, 600_000, 10_000),
  HUB_RESPONSE_CACHE_ENTRIES: intSetting("HUB_RESPONSE_CACHE_ENTRIES", 0, 100_000, 1_000),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: (issue) => `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${String(issue.input)}"`,
    })
    .optional()
    .default("info"),
  NODE_ENV: z.string().optional().default("development"),
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

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the embedded database's data directory (used only without DATABASE_URL). */
  dataDir: string;
  databaseUrl: string | undefined;
  poolSize: number;
  /** "*" for any origin, otherwise the exact origins allowed to call the hub from a browser. */
  corsOrigins: "*" | string[];
  seedOnEmpty: boolean;
  shutdownTimeoutMs: number;
  /** Public GraphQL answers kept per process (src/http/response-cache.ts); 0 turns the cache, ETags and 304s off. */
  responseCacheEntries: number;
  logLevel: string;
  production: boolean;
  /** A staff key secret that must exist (created at start-up when missing). */
  bootstrapStaffKey: string | undefined;
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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HUB_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.HUB_DB_POOL_SIZE,
    corsOrigins: origins.length === 0 || origins.includes("*") ? "*" : origins,
    seedOnEmpty: e.HUB_SEED_ON_EMPTY === "true",
    shutdownTimeoutMs: e.HUB_SHUTDOWN_TIMEOUT_MS,
    responseCacheEntries: e.HUB_RESPONSE_CACHE_ENTRIES,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    bootstrapStaffKey: e.HUB_BOOTSTRAP_STAFF_KEY,
  };
}
