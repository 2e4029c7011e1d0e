// PostgreSQL read replicas (streaming standbys of the primary). They serve the public's reads and nothing else; which
// request reads where is decided in src/http/read-routing.ts. A replica that stops answering its health probe leaves
// the rotation until it answers again; with none healthy, every read goes to the primary.
import postgres from "postgres";
import type { Logger } from "../logger.js";
import { wrapPostgres, type Database, type Db, type SqlStats } from "./client.js";

/** How often each replica is probed, and how long a probe may take before the replica counts as down. */
export const REPLICA_PROBE_INTERVAL_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;

interface Replica {
  readonly database: Database;
  /** Where it is, for logs (no password). */
  readonly label: string;
  /** null until the first probe, so that the first probe logs each replica's state. */
  healthy: boolean | null;
}

export interface ReadReplicas {
  /** A handle on the next healthy replica (round robin) counting into `stats`; null when none is healthy. */
  forRead(stats?: SqlStats): Db | null;
  /** Probes every replica now (also done every REPLICA_PROBE_INTERVAL_MS); resolves to the number of healthy ones. */
  probe(): Promise<number>;
  readonly size: number;
  close(): Promise<void>;
}

function labelOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}

async function answers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([database.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Connects to the replicas (lazily, like the primary's pool) and probes them once before returning. */
export async function openReadReplicas(urls: string[], poolSize: number, logger: Logger): Promise<ReadReplicas> {
  const replicas: Replica[] = urls.map((url) => ({
    database: wrapPostgres(
      postgres(url, {
        max: poolSize,
        onnotice: () => {},
        // A replica that does not answer should leave the rotation, not hold requests for the default 30 s.
        connect_timeout: 5,
        connection: { application_name: "idor-hub-replica" },
      }),
    ),
    label: labelOf(url),
    healthy: null,
  }));
  let next = 0;

  const probe = async () => {
    await Promise.all(
      replicas.map(async (replica) => {
        const healthy = await answers(replica.database);
        if (healthy !== replica.healthy) {
          logger[healthy ? "info" : "warn"]({ replica: replica.label }, healthy ? "read replica in rotation" : "read replica out of rotation");
        }
        replica.healthy = healthy;
      }),
    );
    return replicas.filter((r) => r.healthy === true).length;
  };

  await probe();
  const timer = setInterval(() => void probe(), REPLICA_PROBE_INTERVAL_MS);
  timer.unref();

  return {
    size: replicas.length,
    probe,
    forRead(stats) {
      for (let i = 0; i < replicas.length; i++) {
        const replica = replicas[(next + i) % replicas.length]!;
        if (replica.healthy === true) {
          next = (next + i + 1) % replicas.length;
          return replica.database.forRequest(stats);
        }
      }
      return null;
    },
    async close() {
      clearInterval(timer);
      await Promise.all(replicas.map((r) => r.database.close()));
    },
  };
}
