// Staff administration of societies: validation, permission checks and writes (with audit entries).
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import { societies, type SocietyRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { fromGlobalId } from "../shared/global-id.js";
import { LIMITS, shown } from "../shared/limits.js";
import { clean, isHttpUrl, normaliseCountryCode } from "../shared/text.js";

const L = LIMITS.society;
import { Issues, UserErrorsAbort, type UserError } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import type { CreateSocietyInput, UpdateSocietyInput } from "./society-write.inputs.js";

type SocietyFields = Omit<typeof societies.$inferInsert, "id" | "createdAt" | "updatedAt">;

function checkSociety(s: SocietyFields, issues: Issues) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.slug) || s.slug.length > L.slug) {
    issues.add("INVALID_FORMAT", `slug must be lower-case letters and digits, words joined by single hyphens, at most ${L.slug} characters (e.g. "dvta"); got "${s.slug.slice(0, 80)}".`, "slug");
  }
  if (s.acronym.length < 1) issues.add("REQUIRED", "acronym must not be empty.", "acronym");
  if (s.acronym.length > L.acronym) issues.add("TOO_LONG", `acronym must be at most ${L.acronym} characters.`, "acronym");
  if (s.name.length < 1) issues.add("REQUIRED", "name must not be empty.", "name");
  if (s.name.length > L.name) issues.add("TOO_LONG", `name must be at most ${L.name} characters.`, "name");
  if (s.website != null && (s.website.length > L.website || !isHttpUrl(s.website))) issues.add("INVALID_URL", "website must be an absolute http:// or https:// URL.", "website");
  const thisYear = new Date().getUTCFullYear();
  if (s.foundedYear != null && (s.foundedYear < L.foundedFrom || s.foundedYear > thisYear)) {
    issues.add("OUT_OF_RANGE", `foundedYear must be from ${L.foundedFrom} to ${thisYear}.`, "foundedYear");
  }
  if (s.note != null && s.note.length > L.note) issues.add("TOO_LONG", `note must be at most ${shown(L.note)} characters.`, "note");
}

function countryOf(raw: string | null | undefined, issues: Issues): string | null {
  if (clean(raw) === null) return null;
  const code = normaliseCountryCode(raw!);
  if (code === null) issues.add("INVALID_FORMAT", `countryCode must be an ISO 3166-1 alpha-2 code such as DE; got "${raw!.slice(0, 20)}".`, "countryCode");
  return code;
}

export async function createSociety(ctx: Context, input: CreateSocietyInput): Promise<WriteResult<SocietyRow>> {
  assertCan(ctx.viewer, "society:create");
  const issues = new Issues([], ["input"]);
  const fields: SocietyFields = {
    slug: input.slug.trim(),
    acronym: input.acronym.trim(),
    name: input.name.trim(),
    kind: input.kind,
    profession: input.profession,
    countryCode: countryOf(input.countryCode, issues),
    website: clean(input.website),
    foundedYear: input.foundedYear ?? null,
    note: clean(input.note),
  };
  checkSociety(fields, issues);
  if (!issues.ok) return { result: null, userErrors: issues.list };
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
  return inTransaction(
    ctx,
    async (db) => {
      const [row] = await db.select().from(societies).where(eq(societies.id, decoded.id)).for("update");
      if (!row) throw new UserErrorsAbort([notFound]);
      const issues = new Issues([], ["input"]);
      const next: SocietyFields = {
        slug: input.slug != null ? input.slug.trim() : row.slug,
        acronym: input.acronym != null ? input.acronym.trim() : row.acronym,
        name: input.name != null ? input.name.trim() : row.name,
        kind: input.kind ?? row.kind,
        profession: input.profession ?? row.profession,
        countryCode: input.countryCode !== undefined ? countryOf(input.countryCode, issues) : row.countryCode,
        website: input.website !== undefined ? clean(input.website) : row.website,
        foundedYear: input.foundedYear !== undefined ? input.foundedYear : row.foundedYear,
        note: input.note !== undefined ? clean(input.note) : row.note,
      };
      checkSociety(next, issues);
      if (!issues.ok) throw new UserErrorsAbort(issues.list);
      const [updated] = await db.update(societies).set({ ...next, updatedAt: new Date() }).where(eq(societies.id, row.id)).returning();
      await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "society.update", targetType: "Society", targetId: row.id, societyId: row.id, before: row, after: updated }]);
      return updated!;
    },
    { field: ["input", "slug"], code: "ALREADY_EXISTS", message: `Another society has the slug "${input.slug ?? ""}".` },
  );
}
