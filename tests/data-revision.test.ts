import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../src/db/client.js";
import { openTestDatabase } from "./support/db.js";
import { onPostgres } from "./support/env.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const revision = async (db = database.db) =>
  Number(rowsOf<{ revision: unknown }>(await db.execute(sql`select revision from data_revision`))[0]!.revision);
const insertSociety = (slug: string) =>
  sql`insert into societies (slug, acronym, name, kind, profession) values (${slug}, 'X', 'X', 'NATIONAL', 'RADIOLOGY')`;

describe("data_revision", () => {
  it("moves once per transaction, at its commit, however many rows and statements it writes", async () => {
    const before = await revision();
    let inside = -1;
    await database.db.transaction(async (tx) => {
      await tx.execute(insertSociety("rev-a"));
      await tx.execute(insertSociety("rev-b"));
      await tx.execute(sql`update societies set note = 'changed' where slug in ('rev-a', 'rev-b')`);
      inside = await revision(tx);
    });
    expect(inside).toBe(before);
    expect(await revision()).toBe(before + 1);
  });

  it("does not move for a transaction that is rolled back, nor for a statement that changes no row", async () => {
    const before = await revision();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(insertSociety("rev-c"));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await database.db.execute(sql`update societies set note = 'x' where slug = 'no-such-society'`);
    expect(await revision()).toBe(before);
  });

  it.skipIf(!onPostgres)("lets concurrent writers commit without waiting for each other", async () => {
    const before = await revision();
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = database.db.transaction(async (tx) => {
      await tx.execute(insertSociety("rev-d"));
      firstWrote();
      await firstHolds;
    });
    await wrote;
    // With the first transaction still open, a second writer commits at once (no lock on data_revision held).
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '2s'`);
      await tx.execute(insertSociety("rev-e"));
    });
    expect(await revision()).toBe(before + 1);
    releaseFirst();
    await first;
    expect(await revision()).toBe(before + 2);
  });
});
