// Staff administration of editions (themes of recent editions are still unknown): validation, permission checks and
// writes (with audit entries).
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import { editions, type EditionRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { LIMITS, shown } from "../shared/limits.js";
import { clean } from "../shared/text.js";

const L = LIMITS.edition;

/** Theme and source, trimmed; too long is refused. */
function checkTheme(theme: string | null, themeSource: string | null, issues: Issues) {
  if (theme && theme.length > L.theme) issues.add("TOO_LONG", `theme must be at most ${shown(L.theme)} characters.`, "theme");
  if (themeSource && themeSource.length > L.themeSource) {
    issues.add("TOO_LONG", `themeSource must be at most ${shown(L.themeSource)} characters.`, "themeSource");
  }
}
import { Issues, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import type { CreateEditionInput, UpdateEditionInput } from "./edition-write.inputs.js";

export async function createEdition(ctx: Context, input: CreateEditionInput): Promise<WriteResult<EditionRow>> {
  assertCan(ctx.viewer, "edition:create");
  const issues = new Issues([], ["input"]);
  if (!Number.isInteger(input.year) || input.year < L.firstYear || input.year > L.lastYear) {
    issues.add("OUT_OF_RANGE", `year must be from ${L.firstYear} (the first IDoR) to ${L.lastYear}.`, "year");
  }
  const theme = clean(input.theme);
  const themeSource = clean(input.themeSource);
  checkTheme(theme, themeSource, issues);
  if (!issues.ok) return { result: null, userErrors: issues.list };
  return inTransaction(
    ctx,
    async (db) => {
      const [row] = await db.insert(editions).values({ year: input.year, date: `${input.year}-11-08`, theme, themeSource }).returning();
      await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "edition.create", targetType: "Edition", targetId: row!.id, societyId: null, before: null, after: row }]);
      return row!;
    },
    { field: ["input", "year"], code: "ALREADY_EXISTS", message: `The edition ${input.year} exists already.` },
  );
}

/** The year is the edition's key and cannot change, so no unique key can be violated here: no ALREADY_EXISTS. */
export async function updateEdition(ctx: Context, input: UpdateEditionInput): Promise<WriteResult<EditionRow>> {
  assertCan(ctx.viewer, "edition:update");
  return inTransaction(ctx, async (db) => {
    const [row] = await db.select().from(editions).where(eq(editions.year, input.year)).for("update");
    if (!row) throw new UserErrorsAbort([{ field: ["input", "year"], code: "UNKNOWN_EDITION", message: `There is no IDoR edition ${input.year}.` }]);
    const issues = new Issues([], ["input"]);
    const theme = input.theme !== undefined ? clean(input.theme) : row.theme;
    const themeSource = input.themeSource !== undefined ? clean(input.themeSource) : row.themeSource;
    checkTheme(theme, themeSource, issues);
    if (!issues.ok) throw new UserErrorsAbort(issues.list);
    const [updated] = await db.update(editions).set({ theme, themeSource, updatedAt: new Date() }).where(eq(editions.id, row.id)).returning();
    await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "edition.update", targetType: "Edition", targetId: row.id, societyId: null, before: row, after: updated }]);
    return updated!;
  });
}
