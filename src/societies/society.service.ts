// Reads of societies. Societies are public: every caller sees all of them.
import DataLoader from "dataloader";
import { and, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { societies, type SocietyRow } from "../db/schema.js";
import { badInput } from "../shared/errors.js";
import { decodeSlugKey, pageRequest, keysetPage, type Page, type PageArgs } from "../shared/pagination.js";
import { countryCodeArg, likePattern } from "../shared/validate.js";
import type { SocietyFilter } from "./society.inputs.js";

export function societyLoaders(db: Db) {
  return {
    societyById: new DataLoader<number, SocietyRow | null>(async (ids) => {
      const rows = await db.select().from(societies).where(inArray(societies.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** By the other key a federated gateway may use for a Society entity. */
    societyBySlug: new DataLoader<string, SocietyRow | null>(async (slugs) => {
      const rows = await db.select().from(societies).where(inArray(societies.slug, [...slugs]));
      const bySlug = new Map(rows.map((r) => [r.slug, r]));
      return slugs.map((slug) => bySlug.get(slug) ?? null);
    }),
  };
}

export async function listSocieties(
  ctx: Context,
  filter: SocietyFilter | null | undefined,
  args: PageArgs,
): Promise<Page<SocietyRow>> {
  const request = pageRequest(args, decodeSlugKey);
  const conditions: SQL[] = [];
  if (filter?.kind) conditions.push(eq(societies.kind, filter.kind));
  if (filter?.countryCode != null) conditions.push(eq(societies.countryCode, countryCodeArg(filter.countryCode, "filter.countryCode")));
  if (filter?.search != null) {
    const search = filter.search.trim();
    if (search.length > 100) throw badInput("filter.search must be at most 100 characters", "filter.search");
    if (search.length > 0) {
      const pattern = likePattern(search);
      conditions.push(or(ilike(societies.name, pattern), ilike(societies.acronym, pattern), ilike(societies.slug, pattern))!);
    }
  }
  const keyset = { columns: [societies.slug], direction: "asc" as const, values: (slug: string) => [sql`${slug}`] };
  // The conditions and the page follow from these alone: the page's statement is built once per such key.
  const statementKey = JSON.stringify(["societies", filter?.kind ?? null, filter?.countryCode ?? null, filter?.search ?? null, args.first ?? null, args.after ?? null, args.last ?? null, args.before ?? null]);
  const query = { from: societies, where: and(...conditions), keyset, statementKey };
  return keysetPage(ctx.db, query, request, (row) => ["s", row.slug]);
}

export async function societyBySlug(ctx: Context, slug: string): Promise<SocietyRow | null> {
  if (slug.length > 64) return null;
  return ctx.loaders.societyBySlug.load(slug);
}
