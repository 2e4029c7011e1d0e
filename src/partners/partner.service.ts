// Edition partners: the societies an edition's sources name as its partners (2020's umbrella partners).
import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { editionPartners } from "../db/schema.js";

export type PartnerRow = typeof editionPartners.$inferSelect;

export function partnerLoaders(db: Db) {
  return {
    partnersByEditionId: new DataLoader<number, PartnerRow[]>(async (editionIds) => {
      const rows = await db
        .select()
        .from(editionPartners)
        .where(inArray(editionPartners.editionId, [...editionIds]))
        .orderBy(asc(editionPartners.editionId), asc(editionPartners.societyId));
      return editionIds.map((id) => rows.filter((r) => r.editionId === id));
    }),
  };
}
