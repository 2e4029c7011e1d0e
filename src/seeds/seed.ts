// Loads seeds/*.json (the facts of idor-facts.md and the IDoR 2020 report) into the database. Idempotent: rows are
// matched by society slug, edition year, (society, activity key) and (activity, kind, channel); existing rows are left
// exactly as they are, so a second run changes nothing.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db/client.js";
import {
  ACTIVITY_KINDS,
  CHANNELS,
  METRIC_KINDS,
  METRIC_SCOPES,
  PRECISIONS,
  PROFESSIONS,
  SOCIETY_KINDS,
} from "../db/enums.js";
import { activities, editions, metrics, societies } from "../db/schema.js";
import { fromRoot } from "../shared/project-root.js";
import { seedPartners } from "./seed.partners.js";

export const SEEDS_DIR = fromRoot("seeds");

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const societySeed = z.object({
  slug: z.string(),
  acronym: z.string(),
  name: z.string(),
  kind: z.enum(SOCIETY_KINDS),
  profession: z.enum(PROFESSIONS),
  countryCode: z.string().nullable(),
  website: z.string().nullable().optional(),
  foundedYear: z.number().int().nullable(),
  note: z.string().nullable().optional(),
  source: z.string(),
});
const editionSeed = z.object({ year: z.number().int(), theme: z.string().nullable(), themeSource: z.string().nullable() });
const metricSeed = z.object({
  kind: z.enum(METRIC_KINDS),
  channel: z.enum(CHANNELS).nullable(),
  value: z.number().int().nonnegative(),
  precision: z.enum(PRECISIONS),
  scope: z.enum(METRIC_SCOPES),
  channels: z.array(z.enum(CHANNELS)).min(2).nullable().optional(),
  derived: z.boolean().optional(),
  window: z.string().nullable().optional(),
  asOf: localDate.nullable().optional(),
  source: z.string(),
  note: z.string().nullable().optional(),
});
const activitySeed = z.object({
  key: z.string(),
  society: z.string(),
  year: z.number().int(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  description: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  source: z.string(),
  startsOn: localDate.nullable().optional(),
  endsOn: localDate.nullable().optional(),
  freeAccessUntil: localDate.nullable().optional(),
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
    const insertedSocieties = await tx
      .insert(societies)
      .values(
        societySeeds.map((s) => ({
          slug: s.slug,
          acronym: s.acronym,
          name: s.name,
          kind: s.kind,
          profession: s.profession,
          countryCode: s.countryCode,
          website: s.website ?? null,
          foundedYear: s.foundedYear,
          note: s.note ?? null,
          source: s.source,
        })),
      )
      .onConflictDoNothing({ target: societies.slug })
      .returning({ id: societies.id });
    result.societies = insertedSocieties.length;
    onProgress(`societies: ${insertedSocieties.length} added, ${societySeeds.length - insertedSocieties.length} already there`);

    const insertedEditions = await tx
      .insert(editions)
      .values(
        editionSeeds.map((e) => ({
          year: e.year,
          date: `${e.year}-11-08`,
          theme: e.theme,
          themeSource: e.themeSource,
        })),
      )
      .onConflictDoNothing({ target: editions.year })
      .returning({ id: editions.id });
    result.editions = insertedEditions.length;
    onProgress(`editions: ${insertedEditions.length} added, ${editionSeeds.length - insertedEditions.length} already there`);

    const societyIds = new Map((await tx.select({ id: societies.id, slug: societies.slug }).from(societies)).map((r) => [r.slug, r.id]));
    const editionIds = new Map((await tx.select({ id: editions.id, year: editions.year }).from(editions)).map((r) => [r.year, r.id]));
    onProgress(`edition partners: ${await seedPartners(tx, SEEDS_DIR, societyIds, editionIds)} added`);

    for (const a of activitySeeds) {
      const societyId = societyIds.get(a.society);
      const editionId = editionIds.get(a.year);
      if (societyId === undefined || editionId === undefined) {
        throw new Error(`seeds/activities.json: activity ${a.key} names an unknown society (${a.society}) or year (${a.year})`);
      }
      const inserted = await tx
        .insert(activities)
        .values({
          societyId,
          editionId,
          idempotencyKey: a.key,
          kind: a.kind,
          title: a.title,
          description: a.description ?? null,
          url: a.url ?? null,
          source: a.source,
          startsOn: a.startsOn ?? null,
          endsOn: a.endsOn ?? null,
          freeAccessUntil: a.freeAccessUntil ?? null,
          status: "APPROVED",
        })
        .onConflictDoNothing({ target: [activities.societyId, activities.idempotencyKey] })
        .returning({ id: activities.id });
      result.activities += inserted.length;
      if (inserted.length === 0 || a.metrics.length === 0) continue;
      const insertedMetrics = await tx
        .insert(metrics)
        .values(
          a.metrics.map((m) => ({
            activityId: inserted[0]!.id,
            kind: m.kind,
            channel: m.channel,
            value: m.value,
            precision: m.precision,
            scope: m.scope,
            channels: m.channels ?? null,
            derived: m.derived ?? false,
            window: m.window ?? null,
            asOf: m.asOf ?? null,
            source: m.source,
            note: m.note ?? null,
          })),
        )
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

