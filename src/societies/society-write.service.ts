// Staff administration of societies: permission checks and writes (with audit entries); the inputs' rules are in
// society-write.schema.ts.
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import { societies, type SocietyRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { fromGlobalId } from "../shared/global-id.js";
import { checkInput } from "../shared/input-schema.js";
import { clean, normaliseCountryCode } from "../shared/text.js";
import { Issues, UserErrorsAbort, type UserError } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import type { CreateSocietyInput, UpdateSocietyInput } from "./society-write.inputs.js";
import { CreateSocietySchema, UpdateSocietySchema } from "./society-write.schema.js";

type SocietyFields = Omit<typeof societies.$inferInsert, "id" | "createdAt" | "updatedAt">;

/** A checked country code, upper-cased; blank is none. */
const countryOf = (raw: string | null | undefined) => (clean(raw) === null ? null : normaliseCountryCode(raw!));

export async function createSociety(ctx: Context, input: CreateSocietyInput): Promise<WriteResult<SocietyRow>> {
  assertCan(ctx.viewer, "society:create");
  const issues = new Issues([], ["input"]);
  if (!checkInput(CreateSocietySchema, input, issues)) return { result: null, userErrors: issues.list };
  const fields: SocietyFields = {
    slug: input.slug.trim(),
    acronym: input.acronym.trim(),
    name: input.name.trim(),
    kind: input.kind,
    profession: input.profession,
    countryCode: countryOf(input.countryCode),
    website: clean(input.website),
    foundedYear: input.foundedYear ?? null,
    note: clean(input.note),
  };
  return inTransaction(
    ctx,
    async (db) => {
      const [row] = await db.insert(societies).values(fields).returning();
      await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "society.create", targetType: "Society", targetId: row!.id, societyId: row!.id, before: null, after: row }]);
      return row!;
    },
    { field: ["input", "slug"], code: "ALREADY_EXISTS", message: `A society with slug "${fields.slug}" exists already.` },
  );
}

export async function updateSociety(ctx: Context, input: UpdateSocietyInput): Promise<WriteResult<SocietyRow>> {
  assertCan(ctx.viewer, "society:update");
  const decoded = fromGlobalId(input.id);
  const notFound: UserError = { field: ["input", "id"], code: "NOT_FOUND", message: `No society has the ID "${input.id.slice(0, 80)}".` };
  if (!decoded || decoded.type !== "Society") return { result: null, userErrors: [notFound] };
  const issues = new Issues([], ["input"]);
  if (!checkInput(UpdateSocietySchema, input, issues)) return { result: null, userErrors: issues.list };
  return inTransaction(
    ctx,
    async (db) => {
      const [row] = await db.select().from(societies).where(eq(societies.id, decoded.id)).for("update");
      if (!row) throw new UserErrorsAbort([notFound]);
      const next: SocietyFields = {
        slug: input.slug != null ? input.slug.trim() : row.slug,
        acronym: input.acronym != null ? input.acronym.trim() : row.acronym,
        name: input.name != null ? input.name.trim() : row.name,
        kind: input.kind ?? row.kind,
        profession: input.profession ?? row.profession,
        countryCode: input.countryCode !== undefined ? countryOf(input.countryCode) : row.countryCode,
        website: input.website !== undefined ? clean(input.website) : row.website,
        foundedYear: input.foundedYear !== undefined ? input.foundedYear : row.foundedYear,
        note: input.note !== undefined ? clean(input.note) : row.note,
      };
      const [updated] = await db.update(societies).set({ ...next, updatedAt: new Date() }).where(eq(societies.id, row.id)).returning();
      await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "society.update", targetType: "Society", targetId: row.id, societyId: row.id, before: row, after: updated }]);
      return updated!;
    },
    { field: ["input", "slug"], code: "ALREADY_EXISTS", message: `Another society has the slug "${input.slug ?? ""}".` },
  );
}
