// The entry that listens: reads the configuration, opens and migrates the database (seeding an empty one), serves
// HTTP, and shuts down gracefully on SIGTERM/SIGINT (in-flight requests finish, the database closes, the lock is freed).
// Only what the configuration and the port need is imported up front; the rest of the hub (the database, the schema,
// Apollo, the seed) loads once both are known to be good, below. From the build, a bad setting or a busy port is said
// in ~0.35 s instead of ~1.2 s (after loading every module); through tsx in ~0.8 s instead of ~2.5 s.
import "./metadata.js"; // first: see src/metadata.ts
import http from "node:http";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { Database } from "./db/client.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { createLogger } from "./logger.js";
import { explainOpenError, startingHandler } from "./http/starting.js";
import { listen, listenFailure } from "./shared/listen.js";

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}

// A closed stderr (the reader went away) must not turn a console.error into an uncaught exception.
process.stderr.on("error", () => {});
const logger = createLogger(config.logLevel);
const started = Date.now();

// The port comes first: a busy port must not cost a user a freshly created and seeded data directory, nor print a
// staff key for a hub that never served. Until the app is ready the port answers 503 (and /healthz "starting").
const httpServer = http.createServer(startingHandler);
try {
  await listen(httpServer, config.port, config.host);
} catch (err) {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${listenFailure(err)}. Set PORT (and HOST) to a free address.`);
  process.exit(1);
}

const [{ isEmpty }, { describeDatabase, openConfiguredDatabase }, { buildApp }, { seedDatabase }, { openReadReplicas }, { ensureStaffKey, writeStaffKeyFile }] =
  await Promise.all([
    import("./db/client.js"),
    import("./db/open.js"),
    import("./http/app.js"),
    import("./seeds/seed.js"),
    import("./db/replicas.js"),
    import("./auth/api-key.service.js"),
  ]);

let database: Database;
try {
  database = await openConfiguredDatabase(config, "npm start", { statementTimeoutMs: config.limits.requestTimeoutMs });
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(3);
  }
  // Said plainly on stderr (the JSON log line keeps the detail for operators).
  console.error(`Cannot open ${describeDatabase(config)}: ${explainOpenError(err)}`);
  logger.fatal({ err }, `could not open ${describeDatabase(config)}`);
  process.exit(1);
}

if (config.seedOnEmpty && (await isEmpty(database.db))) {
  logger.info("empty database: loading the seed data");
  const result = await seedDatabase(database.db, (line) => logger.info(`seed ${line}`));
  logger.info({ ...result }, "seed data loaded");
}

const staffKey = await ensureStaffKey(database, config.bootstrapStaffKey);
if (staffKey.revokedBootstrap) logger.warn("HUB_BOOTSTRAP_STAFF_KEY names a key that was revoked; it stays revoked");
if (staffKey.created) {
  const where = database.engine === "pglite" ? writeStaffKeyFile(config.dataDir, staffKey.created) : null;
  // Printed once, on purpose outside the JSON log: the only time this secret is shown.
  console.log(
    `\nFirst staff API key (shown once${where ? `; also written to ${where}, mode 0600` : ""}):\n  ${staffKey.created}\n` +
      `Use it as: Authorization: Bearer <key>. Issue more keys with npm run keys -- issue ...\n`,
  );
}

const replicas = config.readReplicaUrls.length
  ? await openReadReplicas(config.readReplicaUrls, config.poolSize, logger)
  : undefined;
const hub = await buildApp({ database, config, logger, httpServer, replicas });
httpServer.off("request", startingHandler);
httpServer.on("request", hub.app);
const address = httpServer.address();
const port = typeof address === "object" && address ? address.port : config.port;
logger.info(
  { port, database: describeDatabase(config), startupMs: Date.now() - started },
  `IDoR Hub ready at http://localhost:${port}/graphql`,
);

/** After the drain (HUB_SHUTDOWN_TIMEOUT_MS), how long closing the database may take before the process exits anyway. */
const CLOSE_GRACE_MS = 1_000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing in-flight requests");
  // Whatever hangs (a request, the database, a stuck reader of our stdout), the process ends within the timeout. The
  // data-directory lock is released by the lock's own exit handler.
  const force = setTimeout(() => {
    logger.error({ timeoutMs: config.shutdownTimeoutMs }, "shutdown timed out; exiting");
    process.exit(1);
  }, config.shutdownTimeoutMs + CLOSE_GRACE_MS);
  force.unref();
  try {
    await hub.stop(); // drains the HTTP server (ApolloServerPluginDrainHttpServer)
    if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
    await replicas?.close();
    await database.close(); // closes PGlite or the pool and releases the data-directory lock
    logger.info("stopped");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
