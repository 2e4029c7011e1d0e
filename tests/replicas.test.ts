// Two hub processes on one PostgreSQL database, fed by a client that retries: every bulk submission (submitActivities,
// idempotency keys) goes to both replicas at once, as a client that retries on another replica does. One replica is
// killed with SIGKILL while a batch is in flight; the client goes on with the survivor and retries every batch it has
// no answer for. Afterwards the activities acknowledged equal the activities stored, none twice, and the audit log
// holds exactly one submit entry per activity. PostgreSQL only: PGlite is one process by design.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { wrapPostgres } from "../src/db/client.js";
import { factories } from "./support/factories.js";
import { DATABASE_URL, onPostgres, urlForDatabase } from "./support/env.js";
import { builtScript } from "./support/hub-build.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BATCHES = 24;
const PER_BATCH = 20;
const KILL_AFTER = 6; // batches acknowledged before one replica dies

interface Replica {
  proc: ChildProcess;
  base: string;
  exited: Promise<unknown>;
}

function startReplica(url: string): Promise<Replica> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", HUB_SEED_ON_EMPTY: "false" };
  const proc = spawn(process.execPath, [builtScript(inject("hubBuild"), "src/main.ts")], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolve) => proc.on("exit", resolve));
  let out = "";
  let err = "";
  proc.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (chunk) => {
      out += chunk;
      const match = /IDoR Hub ready at http:\/\/localhost:(\d+)\//.exec(out);
      if (match) resolve({ proc, base: `http://127.0.0.1:${match[1]}`, exited });
    });
    void exited.then(() => reject(new Error(`a replica exited before it was ready:\n${out}\n${err}`)));
  });
}

const SUBMIT = `mutation($input: SubmitActivitiesInput!) {
  submitActivities(input: $input) { activities { id title } userErrors { field code message } } }`;

describe.skipIf(!onPostgres)("two replicas, one killed during bulk submissions", () => {
  const name = `hub_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
  let admin: postgres.Sql;
  let db: postgres.Sql;
  let url: string;
  let secret: string;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    admin = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject("migratedTemplate")}`);
    url = urlForDatabase(DATABASE_URL!, name);
    db = postgres(url, { max: 2, onnotice: () => {} });
    const make = factories(wrapPostgres(db));
    const society = await make.society({ slug: "replica-society" });
    await make.edition(2025);
    secret = (await make.apiKey("PARTNER", society.id)).secret;
    replicas.push(...(await Promise.all([startReplica(url), startReplica(url)])));
  }, 240_000); // two hub processes starting: ~10 s on a quiet machine, ~40 s at load 18

  afterAll(async () => {
    for (const r of replicas) if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill("SIGKILL");
    await Promise.all(replicas.map((r) => r.exited));
    await db?.end();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  /** One delivery of a batch to one replica: the acknowledged activities, or null when there was no answer. */
  async function deliver(replica: Replica, batch: number): Promise<Array<{ id: string; idempotencyKey: string }> | null> {
    const activities = Array.from({ length: PER_BATCH }, (_, i) => ({
      idempotencyKey: `batch-${batch}-item-${i}`,
      year: 2025,
      kind: "WEBINAR",
      title: `Batch ${batch}, item ${i}`,
      metrics: [{ kind: "PARTICIPANTS", value: batch * 100 + i }],
    }));
    try {
      const response = await fetch(`${replica.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: { activities } } }),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await response.json()) as { data?: { submitActivities?: { activities: Array<{ id: string; title: string }> | null; userErrors: unknown[] } } };
      const result = body.data?.submitActivities;
      if (response.status !== 200 || !result?.activities) return null; // 503 or a lost race: the client retries
      expect(result.userErrors).toEqual([]);
      // The answer lists the batch in input order: item i is the activity of the key batch-B-item-i.
      return result.activities.map((a, i) => ({ id: a.id, idempotencyKey: activities[i]!.idempotencyKey }));
    } catch {
      return null; // connection refused or reset: the replica is gone
    }
  }

  it("stores exactly the acknowledged activities, once each, with one audit entry each", async () => {
    const [doomed, survivor] = replicas as [Replica, Replica];
    const acknowledged = new Map<string, string>(); // idempotency key -> id
    const unanswered = new Set<number>();
    let killedMidTransaction = false;
    const record = (batch: number, answers: Array<Awaited<ReturnType<typeof deliver>>>) => {
      const ok = answers.filter((a) => a !== null);
      if (ok.length === 0) return unanswered.add(batch);
      unanswered.delete(batch);
      for (const answer of ok) {
        for (const a of answer!) {
          // Both replicas must name the same activity for a key: a replay, never a second row.
          expect(acknowledged.get(a.idempotencyKey) ?? a.id).toBe(a.id);
          acknowledged.set(a.idempotencyKey, a.id);
        }
      }
    };

    for (let batch = 0; batch < BATCHES; batch++) {
      if (batch !== KILL_AFTER) {
        record(batch, await Promise.all([deliver(doomed, batch), deliver(survivor, batch)]));
        continue;
      }
      // This batch's first delivery goes to one replica, killed inside its transaction: the audit log is locked
      // meanwhile, so the transaction has written its activities and metrics and waits to write its audit entries.
      const locker = await db.reserve();
      await locker`begin`;
      await locker`lock table audit_log in exclusive mode`;
      const delivery = deliver(doomed, batch);
      const t0 = Date.now();
      while (Date.now() - t0 < 10_000) {
        const [waiting] = await db<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity where datname = ${name} and wait_event_type = 'Lock'`;
        if (waiting!.n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      killedMidTransaction = Date.now() - t0 < 10_000;
      doomed.proc.kill("SIGKILL");
      await doomed.exited;
      await locker`rollback`;
      locker.release();
      record(batch, [await delivery]);
    }
    await doomed.exited;
    const retried = [...unanswered];
    // The retrying client: every batch without an answer goes again to the replica that is left.
    for (let attempt = 0; attempt < 5 && unanswered.size > 0; attempt++) {
      for (const batch of [...unanswered]) record(batch, [await deliver(survivor, batch)]);
    }
    expect([...unanswered]).toEqual([]);
    console.info(`${BATCHES} batches x ${PER_BATCH} to two replicas, one SIGKILLed during batch ${KILL_AFTER} (inside its transaction: ${killedMidTransaction}); batches retried on the survivor: ${JSON.stringify(retried)}`);
    expect(retried).toContain(KILL_AFTER);
    expect(acknowledged.size).toBe(BATCHES * PER_BATCH);

    const stored = await db<{ id: number; idempotency_key: string }[]>`
      select a.id, a.idempotency_key from activities a join societies s on s.id = a.society_id where s.slug = 'replica-society'`;
    expect(stored.length).toBe(BATCHES * PER_BATCH);
    expect(new Set(stored.map((r) => r.idempotency_key))).toEqual(new Set(acknowledged.keys()));
    const storedIds = new Set(stored.map((r) => r.id));
    const decode = (id: string) => Number(Buffer.from(id, "base64url").toString("utf8").split(":")[1]);
    expect(new Set([...acknowledged.values()].map(decode))).toEqual(storedIds);
    const metrics = await db<{ n: number }[]>`select count(*)::int as n from metrics where activity_id in ${db([...storedIds])}`;
    expect(metrics[0]!.n).toBe(BATCHES * PER_BATCH);

    const audit = await db<{ target_id: number; n: number }[]>`
      select target_id, count(*)::int as n from audit_log where action = 'activity.submit' group by target_id`;
    expect(audit.length).toBe(storedIds.size);
    expect(audit.every((a) => a.n === 1 && storedIds.has(a.target_id))).toBe(true);
    expect((await db<{ n: number }[]>`select count(*)::int as n from audit_log`)[0]!.n).toBe(storedIds.size);
  }, 120_000);
});
