// Builds the HTTP application without listening (tests call it directly); src/main.ts is the entry that listens.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { Config } from "../config.js";
import { createContext, PUBLIC_VIEWER, type Context, type Viewer } from "../context.js";
import type { Database, SqlStats } from "../db/client.js";
import type { Logger } from "../logger.js";
import { hubSchema } from "../schema.js";
import { eventsFeedRoute } from "../events/events-feed.route.js";
import { formatError } from "./errors.js";
import { textGuardPlugin } from "./text-guard.js";
import { responseCache } from "./response-cache.js";
import { viewerFromAuthorization } from "../auth/viewer.js";
import { reportDownloadRoute } from "../summaries/report.route.js";

export interface AppOptions {
  database: Database;
  config: Pick<Config, "corsOrigins" | "production"> & Partial<Pick<Config, "shutdownTimeoutMs" | "responseCacheEntries">>;
  logger: Logger;
  /** The server the app will listen on, so that shutdown drains its in-flight requests. */
  httpServer?: http.Server;
}

export interface HubApp {
  app: express.Express;
  apollo: ApolloServer<Context>;
  /** Creates a request context the way an HTTP request gets one (tests use it with apollo.executeOperation). */
  context(stats?: SqlStats, viewer?: Viewer): Context;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

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
  const schema = await hubSchema();

  const context = (stats: SqlStats = { statements: 0 }, requestId: string = randomUUID(), viewer: Viewer = PUBLIC_VIEWER) =>
    createContext(database.forRequest(stats), viewer, requestId, stats);

  /** The context of an HTTP request: who calls comes from its Authorization header (401 when that is bad). */
  const requestContext = async (req: express.Request, res: express.Response): Promise<Context> => {
    const stats: SqlStats = { statements: 0 };
    const db = database.forRequest(stats);
    const viewer = await viewerFromAuthorization(db, req.header("authorization"));
    return createContext(db, viewer, res.locals.requestId as string, stats);
  };

  // Apollo's default cache-control plugin hooks every field of every response (5% of the hub's CPU on the dashboard,
  // bench/RESULTS.md) for @cacheControl hints the hub does not use; with no plugin hooking fields, Apollo runs resolvers
  // as they are.
  const plugins: ApolloServerPlugin<Context>[] = [requestLogPlugin(logger), textGuardPlugin<Context>(), ApolloServerPluginCacheControlDisabled()];
  if (options.httpServer) {
    plugins.push(
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs ?? 10_000 }),
    );
  }
  if (config.production) plugins.push(ApolloServerPluginLandingPageDisabled());

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
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
  app.set("trust proxy", false);

  app.use((req, res, next) => {
    const incoming = req.header("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("x-request-id", id);
    next();
  });

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
    allowedHeaders: ["Content-Type", "Authorization", "Apollo-Require-Preflight", "X-Request-Id", "Idempotency-Key"],
    exposedHeaders: ["X-Request-Id", "Retry-After"],
    maxAge: 600,
  });
  app.use(corsMiddleware);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    try {
      await database.ping();
      res.json({ status: "ready", database: database.engine });
    } catch (err) {
      logger.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "unavailable", database: database.engine });
    }
  });

  app.get("/editions/:year/events.ics", eventsFeedRoute((res) => context(undefined, res.locals.requestId as string)));
  app.get("/reports/:file", reportDownloadRoute(requestContext));

  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    responseCache(database, config.responseCacheEntries ?? 1_000, logger),
    expressMiddleware(apollo, { context: ({ req, res }) => requestContext(req, res) }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: "Not found. The GraphQL endpoint is /graphql." });
  });

  // Body-parser and other middleware errors: a clear status, never a stack trace.
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      const message =
        type === "entity.too.large"
          ? "The request body is too large (limit 1 MB)."
          : type === "entity.parse.failed"
            ? "The request body is not valid JSON."
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
    stop: () => apollo.stop(),
  };
}
