// Staff administration of editions (themes of recent editions are still unknown): permission checks and writes (with
// audit entries); the inputs' rules are in edition-write.schema.ts.
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import { editions, type EditionRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { checkInput } from "../shared/input-schema.js";
import { clean } from "../shared/text.js";
import { Issues, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import type { CreateEditionInput, UpdateEditionInput } from "./edition-write.inputs.js";
import { CreateEditionSchema, UpdateEditionSchema } from "./edition-write.schema.js";

export async function createEdition(ctx: Context, input: CreateEditionInput): Promise<WriteResult<EditionRow>> {
  assertCan(ctx.viewer, "edition:create");
  const issues = new Issues([], ["input"]);
  if (!checkInput(CreateEditionSchema, input, issues)) return { result: null, userErrors: issues.list };
  const theme = clean(input.theme);
  const themeSource = clean(input.themeSource);
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
  const issues = new Issues([], ["input"]);
  if (!checkInput(UpdateEditionSchema, input, issues)) return { result: null, userErrors: issues.list };
  return inTransaction(ctx, async (db) => {
    const [row] = await db.select().from(editions).where(eq(editions.year, input.year)).for("update");
    if (!row) throw UserErrorsAbort.at(["input", "year"], "UNKNOWN_EDITION", `There is no IDoR edition ${input.year}.`);
    const theme = input.theme !== undefined ? clean(input.theme) : row.theme;
    const themeSource = input.themeSource !== undefined ? clean(input.themeSource) : row.themeSource;
    const [updated] = await db.update(editions).set({ theme, themeSource, updatedAt: new Date() }).where(eq(editions.id, row.id)).returning();
    await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "edition.update", targetType: "Edition", targetId: row.id, societyId: null, before: row, after: updated }]);
    return updated!;
  });
}
