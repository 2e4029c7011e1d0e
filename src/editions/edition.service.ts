// Reads of editions. Editions are public. There are few (one a year), so the list is a plain list.
import DataLoader from "dataloader";
import { desc, inArray } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { editions, type EditionRow } from "../db/schema.js";

export function editionLoaders(db: Db) {
  return {
    editionById: new DataLoader<number, EditionRow | null>(async (ids) => {
      const rows = await db.select().from(editions).where(inArray(editions.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** By the other key a federated gateway may use for an Edition entity. */
    editionByYear: new DataLoader<number, EditionRow | null>(async (years) => {
      const rows = await db.select().from(editions).where(inArray(editions.year, [...years]));
      const byYear = new Map(rows.map((r) => [r.year, r]));
      return years.map((year) => byYear.get(year) ?? null);
    }),
  };
}

export function listEditions(ctx: Context): Promise<EditionRow[]> {
  return ctx.db.select().from(editions).orderBy(desc(editions.year));
}

export async function editionByYear(ctx: Context, year: number): Promise<EditionRow | null> {
  if (!Number.isInteger(year) || year < 0 || year > 100_000) return null;
  return ctx.loaders.editionByYear.load(year);
}
