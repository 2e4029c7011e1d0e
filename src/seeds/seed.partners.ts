// Links editions to the societies their sources name as partners (seeds/partners.json): 2020's umbrella partners
// that the hub knows (the facts name ISR, AOSR, CIR and RSSA too, without their full names, so they are not seeded).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { editionPartners } from "../db/schema.js";

const partnerSeed = z.object({ year: z.number().int(), society: z.string(), role: z.string(), source: z.string() });

/** Inserts the missing links; returns how many were added. */
export async function seedPartners(db: Db, seedsDir: string, societyIds: Map<string, number>, editionIds: Map<number, number>): Promise<number> {
  const seeds = z.array(partnerSeed).parse(JSON.parse(fs.readFileSync(path.join(seedsDir, "partners.json"), "utf8")));
  const rows = seeds.map((p) => {
    const societyId = societyIds.get(p.society);
    const editionId = editionIds.get(p.year);
    if (societyId === undefined || editionId === undefined) throw new Error(`seeds/partners.json: unknown society (${p.society}) or year (${p.year})`);
    return { editionId, societyId, role: p.role, source: p.source };
  });
  if (rows.length === 0) return 0;
  const inserted = await db.insert(editionPartners).values(rows).onConflictDoNothing().returning({ societyId: editionPartners.societyId });
  return inserted.length;
}
