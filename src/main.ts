// The entry that listens: reads the configuration, opens and migrates the database (seeding an empty one), serves
// HTTP, and shuts down gracefully on SIGTERM/SIGINT (in-flight requests finish, the database closes, the lock is freed).
import "./metadata.js"; // first: see src/metadata.ts
import http from "node:http";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { isEmpty, type Database } from "./db/client.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { describeDatabase, openConfiguredDatabase } from "./db/open.js";
import { buildApp } from "./http/app.js";
import { createLogger } from "./logger.js";
import { seedDatabase } from "./seeds/seed.js";
import { openReadReplicas } from "./db/replicas.js";
import { ensureStaffKey, writeStaffKeyFile } from "./auth/api-key.service.js";
import { explainOpenError, startingHandler } from "./http/starting.js";

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
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
} catch (err) {
  const code = (err as { code?: string }).code;
  const why = code === "EADDRINUSE" ? "the port is already in use" : code === "EACCES" ? "permission denied" : String((err as Error).message);
  console.error(`Cannot listen on ${config.host}:${config.port}: ${why}. Set PORT (and HOST) to a free address.`);
  process.exit(1);
}

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
