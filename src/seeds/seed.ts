// Loads seeds/*.json (the facts of idor-facts.md and the IDoR 2020 report) into the database. Idempotent: rows are
// matched by society slug, edition year, (society, activity key) and (activity, kind, channel); existing rows are left
// exactly as they are, so a second run changes nothing.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db/client.js";
import * as vocabulary from "../db/enums.js";
import { activities, editions, metrics, societies } from "../db/schema.js";
import { fromRoot } from "../shared/project-root.js";
import { seedPartners } from "./seed.partners.js";

export const SEEDS_DIR = fromRoot("seeds");

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const societySeed = z.object({
  slug: z.string(),
  acronym: z.string(),
  name: z.string(),
  kind: z.enum(vocabulary.SOCIETY_KINDS),
  profession: z.enum(vocabulary.PROFESSIONS),
  countryCode: z.string().nullable(),
  website: z.string().nullable().default(null),
  foundedYear: z.number().int().nullable(),
  note: z.string().nullable().default(null),
  source: z.string(),
});
const editionSeed = z.object({ year: z.number().int(), theme: z.string().nullable(), themeSource: z.string().nullable() });
const metricSeed = z.object({
  kind: z.enum(vocabulary.METRIC_KINDS),
  channel: z.enum(vocabulary.CHANNELS).nullable(),
  value: z.number().int().nonnegative(),
  precision: z.enum(vocabulary.PRECISIONS),
  scope: z.enum(vocabulary.METRIC_SCOPES),
  channels: z.array(z.enum(vocabulary.CHANNELS)).min(2).nullable().default(null),
  derived: z.boolean().default(false),
  window: z.string().nullable().default(null),
  asOf: localDate.nullable().default(null),
  source: z.string(),
  note: z.string().nullable().default(null),
});
const activitySeed = z.object({
  key: z.string(),
  society: z.string(),
  year: z.number().int(),
  kind: z.enum(vocabulary.ACTIVITY_KINDS),
  title: z.string(),
  description: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
  source: z.string(),
  startsOn: localDate.nullable().default(null),
  endsOn: localDate.nullable().default(null),
  freeAccessUntil: localDate.nullable().default(null),
  metrics: z.array(metricSeed),
});

function readSeed<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, file), "utf8"));
  return z.array(schema).parse(raw);
}

export interface SeedResult {
  societies: number;
  editions: number;
  activities: number;
  metrics: number;
}

/** Inserts what is missing, in one transaction; returns how many rows of each kind were added. */
export async function seedDatabase(db: Db, onProgress: (line: string) => void = () => {}): Promise<SeedResult> {
  const societySeeds = readSeed("societies.json", societySeed);
  const editionSeeds = readSeed("editions.json", editionSeed);
  const activitySeeds = readSeed("activities.json", activitySeed);
  const result: SeedResult = { societies: 0, editions: 0, activities: 0, metrics: 0 };

  await db.transaction(async (tx) => {
    // Each seed is its row (zod fills the omitted optional columns with null), minus what is not a column.
    const insertedSocieties = await tx
      .insert(societies)
      .values(societySeeds)
      .onConflictDoNothing({ target: societies.slug })
      .returning({ id: societies.id });
    result.societies = insertedSocieties.length;
    onProgress(`societies: ${insertedSocieties.length} added, ${societySeeds.length - insertedSocieties.length} already there`);

    const insertedEditions = await tx
      .insert(editions)
      .values(editionSeeds.map((e) => ({ ...e, date: `${e.year}-11-08` })))
      .onConflictDoNothing({ target: editions.year })
      .returning({ id: editions.id });
    result.editions = insertedEditions.length;
    onProgress(`editions: ${insertedEditions.length} added, ${editionSeeds.length - insertedEditions.length} already there`);

    const societyIds = new Map((await tx.select({ id: societies.id, slug: societies.slug }).from(societies)).map((r) => [r.slug, r.id]));
    const editionIds = new Map((await tx.select({ id: editions.id, year: editions.year }).from(editions)).map((r) => [r.year, r.id]));
    onProgress(`edition partners: ${await seedPartners(tx, SEEDS_DIR, societyIds, editionIds)} added`);

    for (const { key, society, year, metrics: figures, ...activity } of activitySeeds) {
      const societyId = societyIds.get(society);
      const editionId = editionIds.get(year);
      if (societyId === undefined || editionId === undefined) {
        throw new Error(`seeds/activities.json: activity ${key} names an unknown society (${society}) or year (${year})`);
      }
      const inserted = await tx
        .insert(activities)
        .values({ ...activity, societyId, editionId, idempotencyKey: key, status: "APPROVED" })
        .onConflictDoNothing({ target: [activities.societyId, activities.idempotencyKey] })
        .returning({ id: activities.id });
      result.activities += inserted.length;
      if (inserted.length === 0 || figures.length === 0) continue;
      const insertedMetrics = await tx
        .insert(metrics)
        .values(figures.map((m) => ({ ...m, activityId: inserted[0]!.id })))
        .onConflictDoNothing()
        .returning({ id: metrics.id });
      result.metrics += insertedMetrics.length;
    }
    onProgress(
      `activities: ${result.activities} added, ${activitySeeds.length - result.activities} already there; metrics: ${result.metrics} added`,
    );
  });
  return result;
}

