// Builds the HTTP application without listening (tests call it directly); src/main.ts is the entry that listens.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { Config, ReliabilitySettings } from "../config.js";
import { createContext, PUBLIC_VIEWER, type Context, type Viewer } from "../context.js";
import type { Database, SqlStats } from "../db/client.js";
import { inRequestScope, type Logger } from "../logger.js";
import { DEFAULT_FEDERATION, servedSchema } from "../federation/subgraph.js";
import type { ReadReplicas } from "../db/replicas.js";
import { mutationsOnPrimary, readerFor } from "./read-routing.js";
import { eventsFeedRoute } from "../events/events-feed.route.js";
import { formatError } from "./errors.js";
import { executorGateway, type ExecutorStats } from "./executor.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.config.js";
import { costLimitPlugin } from "./query-cost.js";
import { shapeRules } from "./query-limits.js";
import { requestBudgetPlugin, requestSignal } from "./request-budget.js";
import { textGuardPlugin, verifyUtf8 } from "./text-guard.js";
import { RevisionReader } from "../db/revision.js";
import { SummaryCache } from "../summaries/summary.cache.js";
import { DatabaseGuard, unavailable } from "./database-guard.js";
import { loadShedding } from "./load-shedding.js";
import { callerLimits } from "./rate-limits.js";
import { HubError } from "../shared/errors.js";
import { responseCache } from "./response-cache.js";
import { reportDownloadRoute } from "../summaries/report.route.js";
import { siteRoutes } from "../web/site.js";

export interface AppOptions {
  database: Database;
  /** Settings not given take their defaults (introspection, suggestions and the IDE: on unless production). */
  config: Pick<Config, "corsOrigins" | "production"> &
    Partial<Pick<Config, "shutdownTimeoutMs" | "introspection" | "fieldSuggestions" | "federation" | "graphqlIde" | "responseCacheEntries" | "executor">> & {
      limits?: Partial<Limits>;
      /** Rate limits and load shedding; absent (tests), every limit is off. */
      reliability?: Partial<ReliabilitySettings>;
    };
  logger: Logger;
  /** The server the app will listen on, so that shutdown drains its in-flight requests. */
  httpServer?: http.Server;
  /** Streaming replicas for the public's reads (HUB_READ_REPLICA_URLS); without them every read is on `database`. */
  replicas?: ReadReplicas;
}

export interface HubApp {
  app: express.Express;
  apollo: ApolloServer<Context>;
  /** Creates a request context the way an HTTP request gets one (tests use it with apollo.executeOperation). */
  context(stats?: SqlStats, viewer?: Viewer): Context;
  /** Opens when the database is unreachable (503 at once) and closes by itself when it answers again. */
  databaseGuard: DatabaseGuard;
  /** Requests being served and waiting (load shedding). */
  load(): { active: number; queued: number };
  /** How many answers came from graphql-jit's compiled plans (src/http/executor.ts). */
  executor: ExecutorStats;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Every limit off: what a hub built without reliability settings (tests) runs with. */
const NO_LIMITS: ReliabilitySettings = {
  rateLimitWindowS: 60,
  rateLimitAnonymous: 0,
  rateLimitKeyed: 0,
  rateLimitAuthFailures: 0,
  rateLimitAuthBlockS: 60,
  trustProxy: false,
  maxConcurrentRequests: 0,
  maxQueuedRequests: 0,
  maxQueueWaitMs: 1,
};

/** A resolver met an unreachable database: the whole answer is 503 with Retry-After, like a refused request. */
function unavailableStatusPlugin(retryAfterSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
          if (!codes.includes("SERVICE_UNAVAILABLE")) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(retryAfterSeconds));
        },
      };
    },
  };
}

function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue: ctx, operationName, errors, response }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
          logger.info(
            {
              requestId: ctx.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round(ms * 100) / 100,
              outcome: codes.length === 0 ? "ok" : "error",
              errorCodes: codes.length ? codes : undefined,
              status: response.http.status ?? 200,
              sqlStatements: ctx.sql.statements,
              viewer: ctx.viewer.role,
            },
            "graphql request",
          );
        },
      };
    },
  };
}

export async function buildApp(options: AppOptions): Promise<HubApp> {
  const { database, config, logger } = options;
  const schema = await servedSchema(config.federation ?? DEFAULT_FEDERATION);
  const limits: Limits = { ...DEFAULT_LIMITS, ...config.limits };
  const introspection = config.introspection ?? !config.production;
  const fieldSuggestions = config.fieldSuggestions ?? !config.production;
  // One cache per app, never per process: two apps on two databases must not answer each other's summaries.
  // One reader of the data revision for both caches: concurrent requests share its reads (src/db/revision.ts).
  const revisions = new RevisionReader(database.db);
  const summaries = new SummaryCache(limits.summaryCacheEntries, limits.summaryCachePerRequest, revisions, limits.summaryMaxFigures);
  const reliability: ReliabilitySettings = { ...NO_LIMITS, ...config.reliability };
  const databaseGuard = new DatabaseGuard(database, logger);
  const shedding = loadShedding({
    maxConcurrent: reliability.maxConcurrentRequests,
    maxQueued: reliability.maxQueuedRequests,
    maxWaitMs: reliability.maxQueueWaitMs,
  });
  const callers = callerLimits(database, reliability);

  const context = (stats: SqlStats = { statements: 0 }, requestId: string = randomUUID(), viewer: Viewer = PUBLIC_VIEWER) => {
    const primary = database.forRequest(stats);
    return createContext(readerFor(options.replicas, viewer, primary, stats), viewer, requestId, stats, { summaries, primary });
  };

  /** The context of an HTTP request: who calls was settled by the `authenticate` middleware (rate limits included). */
  const requestContext = async (_req: express.Request, res: express.Response): Promise<Context> => {
    const stats = (res.locals.sql as SqlStats | undefined) ?? { statements: 0 };
    const signal = requestSignal(res, limits.requestTimeoutMs);
    const primary = database.forRequest(stats, signal);
    const viewer = res.locals.viewer as Viewer;
    const db = readerFor(options.replicas, viewer, primary, stats);
    return createContext(db, viewer, res.locals.requestId as string, stats, { signal, summaries, primary });
  };

  const plugins: ApolloServerPlugin<Context>[] = [
    requestLogPlugin(logger),
    textGuardPlugin<Context>(),
    costLimitPlugin<Context>(limits),
    requestBudgetPlugin<Context>(),
    unavailableStatusPlugin(Math.ceil(databaseGuard.probeIntervalMs / 1000)),
    mutationsOnPrimary(),
    // Apollo's default cache-control plugin hooks every field of every response (5% of the hub's CPU on the dashboard,
    // bench/RESULTS.md) for @cacheControl hints the hub does not use.
    ApolloServerPluginCacheControlDisabled(),
  ];
  if (options.httpServer) {
    plugins.push(
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs ?? 10_000 }),
    );
  }
  // Browsers get the bundled GraphiQL from src/web/site.ts instead of Apollo's landing page (which loads from a CDN).
  plugins.push(ApolloServerPluginLandingPageDisabled());
  // Federated traces (ftv1) are for Apollo GraphOS usage reporting, which the hub does not use.
  plugins.push(ApolloServerPluginInlineTraceDisabled());

  // The schema, executed by graphql-jit's compiled plans or by graphql-js (HUB_EXECUTOR; src/http/executor.ts).
  const gateway = executorGateway(schema, config.executor ?? "jit");
  const apollo = new ApolloServer<Context>({
    gateway,
    formatError: formatError(logger, { maxTokens: limits.maxTokens, fieldSuggestions }, (err) => databaseGuard.report(err)),
    includeStacktraceInErrorResponses: false,
    introspection,
    // graphql-js stops parsing past this many tokens; depth, aliases and directives are validation rules (GraphQL
    // Armor); the cost is checked per request with its variables (costLimitPlugin). See README "Limits on a request".
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: shapeRules(limits),
    // Array batching stays off (Apollo's default, said here on purpose): a batch would multiply every limit above.
    allowBatchedHttpRequests: false,
    // Credentials travel in the Authorization header, which browsers never attach on their own: no CSRF risk, and
    // plain GET queries (GraphQL over HTTP) must work without Apollo's preflight header.
    csrfPrevention: false,
    // src/main.ts owns shutdown (drain HTTP, then close the database and release the lock).
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", reliability.trustProxy);

  app.use((req, res, next) => {
    const incoming = req.header("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("x-request-id", id);
    inRequestScope(id, next);
  });
  // Body parsing and queueing resume in other async contexts: re-enter the request's scope (its log lines' id).
  const scoped: express.RequestHandler = (_req, res, next) => inRequestScope(res.locals.requestId as string, next);

  // One log line per HTTP request outside /graphql (whose lines the Apollo plugin writes, with the operation name).
  app.use((req, res, next) => {
    if (req.path === "/graphql") return next();
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const probe = req.path === "/healthz" || req.path === "/readyz";
      logger[probe ? "debug" : "info"](
        {
          requestId: res.locals.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          outcome: res.statusCode < 400 ? "ok" : "error",
          durationMs: Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 100) / 100,
        },
        "http request",
      );
    });
    next();
  });

  const corsMiddleware = cors({
    origin: config.corsOrigins === "*" ? "*" : config.corsOrigins,
    methods: ["GET", "POST", "OPTIONS"],
    // No Idempotency-Key: the hub's idempotency keys live in each submitted item (a batch needs one per activity),
    // which one request header cannot carry; allowing a header the hub ignores would promise what it does not do.
    allowedHeaders: ["Content-Type", "Authorization", "Apollo-Require-Preflight", "X-Request-Id"],
    exposedHeaders: ["X-Request-Id", "Retry-After"],
    maxAge: 600,
  });
  app.use(corsMiddleware);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  // Answers within the guard's ping timeout (under a second), also while the database is down.
  app.get("/readyz", async (_req, res) => {
    if (await databaseGuard.ready()) res.json({ status: "ready", database: database.engine });
    else res.setHeader("retry-after", "1").status(503).json({ status: "unavailable", database: database.engine });
  });

  // Every route that reads the database: shed load first (cheapest), then refuse at once while the database is down,
  // then authenticate and apply the rate limits, and only then parse a body.
  const admitted = [shedding.middleware, scoped, databaseGuard.middleware] as const;
  app.get(
    "/editions/:year/events.ics",
    ...admitted,
    callers.anonymous(),
    eventsFeedRoute((res) => context(undefined, res.locals.requestId as string)),
  );
  app.get("/reports/:file", ...admitted, callers.authenticate(database), scoped, reportDownloadRoute(requestContext));

  app.use(siteRoutes({ ide: config.graphqlIde ?? !config.production }));

  app.use(
    "/graphql",
    ...admitted,
    callers.authenticate(database),
    express.json({ limit: "1mb", verify: verifyUtf8 }),
    scoped,
    // Off with read replicas: an answer read from a lagging replica would be stored under the primary's newer revision
    // and outlive the lag. (Keying it by the replica's own revision is the way to have both.)
    responseCache(database, options.replicas ? 0 : (config.responseCacheEntries ?? 1_000), logger, revisions),
    expressMiddleware(apollo, { context: ({ req, res }) => requestContext(req, res) }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: "Not found. The GraphQL endpoint is /graphql." });
  });

  // Body-parser and other middleware errors: a clear status, never a stack trace.
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (!(err instanceof HubError) && databaseGuard.report(err)) err = unavailable(databaseGuard.probeIntervalMs);
    if (err instanceof HubError) {
      sendHubError(req, res, err, logger);
      return;
    }
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      const message =
        type === "entity.too.large"
          ? "The request body is too large (limit 1 MB)."
          : type === "entity.parse.failed"
            ? "The request body is not valid JSON."
            : type === "charset.invalid"
              ? "The request body is not valid UTF-8."
              : type === "charset.unsupported" || type === "encoding.unsupported"
                ? "The request body's charset or encoding is not supported: send UTF-8 JSON."
                : "Bad request.";
      res.status(status).json({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    logger.error({ err, requestId: res.locals.requestId }, "unhandled HTTP error");
    res.status(500).json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  });

  return {
    app,
    apollo,
    context: (stats, viewer) => context(stats, undefined, viewer),
    databaseGuard,
    load: shedding.load,
    executor: gateway.stats,
    stop: async () => {
      databaseGuard.stop();
      await apollo.stop();
    },
  };
}

/** A refusal before GraphQL ran (load, database down, limits, credentials): GraphQL's error shape, its status and headers. */
function sendHubError(req: express.Request, res: express.Response, err: HubError, logger: Logger): void {
  const { http, ...extensions } = err.extensions as { code?: string; http?: { status?: number; headers?: Map<string, string> } };
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  const status = http?.status ?? 400;
  res.status(status).json({ errors: [{ message: err.message, extensions }] });
  if (req.path === "/graphql" || req.baseUrl === "/graphql") {
    // Apollo's request log never sees these: one line each here, with the code.
    logger.info({ requestId: res.locals.requestId, path: req.originalUrl.split("?")[0], status, outcome: "error", errorCodes: [extensions.code] }, "graphql request refused");
  }
}
