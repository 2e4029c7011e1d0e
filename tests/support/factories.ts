// Factories: each test makes the rows it needs, with defaults that satisfy every constraint. They write through
// drizzle directly because the write API is its own issue; reads are always checked through GraphQL.
import type { Database } from "../../src/db/client.js";
import { eq } from "drizzle-orm";
import { generateApiKey } from "../../src/auth/api-key.js";
import { activities, apiKeys, editions, metrics, societies } from "../../src/db/schema.js";

type SocietyInsert = typeof societies.$inferInsert;
type ActivityInsert = typeof activities.$inferInsert;
type MetricInsert = typeof metrics.$inferInsert;

let counter = 0;
const next = () => ++counter;

export function factories(database: Database) {
  const db = database.db;
  return {
    async society(overrides: Partial<SocietyInsert> = {}) {
      const n = next();
      const [row] = await db
        .insert(societies)
        .values({
          slug: `society-${n}`,
          acronym: `S${n}`,
          name: `Society ${n}`,
          kind: "NATIONAL",
          profession: "RADIOLOGY",
          countryCode: "DE",
          ...overrides,
        })
        .returning();
      return row!;
    },
    async edition(year: number, theme: string | null = null) {
      const [row] = await db.insert(editions).values({ year, date: `${year}-11-08`, theme }).returning();
      return row!;
    },
    async activity(overrides: Partial<ActivityInsert> & Pick<ActivityInsert, "societyId" | "editionId">) {
      const n = next();
      const [row] = await db
        .insert(activities)
        .values({ idempotencyKey: `key-${n}`, kind: "WEBINAR", title: `Activity ${n}`, status: "APPROVED", ...overrides })
        .returning();
      return row!;
    },
    /** An API key; returns its secret (for `Authorization: Bearer <secret>`) and its prefix. */
    async apiKey(role: "PARTNER" | "STAFF", societyId: number | null = null, label = "test key") {
      const key = generateApiKey();
      await db.insert(apiKeys).values({ prefix: key.prefix, secretHash: key.secretHash, role, societyId, label });
      return { secret: key.secret, prefix: key.prefix };
    },
    async revokeKey(prefix: string) {
      await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.prefix, prefix));
    },
    async metric(overrides: Partial<MetricInsert> & Pick<MetricInsert, "activityId">) {
      const [row] = await db
        .insert(metrics)
        .values({ kind: "MENTIONS", channel: null, value: 1, precision: "EXACT", scope: "OWN", ...overrides })
        .returning();
      return row!;
    },
  };
}
