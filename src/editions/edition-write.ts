// Staff administration of editions (themes of recent editions are still unknown): inputs, validation and writes.
import { eq } from "drizzle-orm";
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { editions, type EditionRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { clean } from "../shared/text.js";
import { Issues, UserError, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction } from "../shared/write.js";
import { Edition } from "./edition.type.js";

@InputType("CreateEditionInput", { description: "A new IDoR edition (8 November of its year)." })
export class CreateEditionInput {
  @Field(() => Int, { description: "The year (2012 to 2200)." })
  year!: number;
  @Field(() => String, { nullable: true, description: "Its theme, when known (at most 500 characters)." })
  theme?: string | null;
  @Field(() => String, { nullable: true, description: "Where the theme is published." })
  themeSource?: string | null;
}

@InputType("UpdateEditionInput", { description: "Changes to an edition; omitted fields stay, null clears." })
export class UpdateEditionInput {
  @Field(() => Int, { description: "The edition's year." })
  year!: number;
  @Field(() => String, { nullable: true, description: "New theme; null: unknown." })
  theme?: string | null;
  @Field(() => String, { nullable: true, description: "New source of the theme; null clears it." })
  themeSource?: string | null;
}

@ObjectType("EditionPayload", { description: "The result of an edition mutation." })
export class EditionPayload {
  @Field(() => Edition, { nullable: true, description: "The edition after the mutation; null when refused." })
  edition!: EditionRow | null;
  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@Resolver()
export class EditionWriteResolver {
  @Mutation(() => EditionPayload, { description: "Staff only: adds an edition." })
  async createEdition(@Ctx() ctx: Context, @Arg("input", () => CreateEditionInput, { description: "The edition." }) input: CreateEditionInput) {
    assertCan(ctx.viewer, "edition:create");
    const issues = new Issues([], ["input"]);
    if (!Number.isInteger(input.year) || input.year < 2012 || input.year > 2200) issues.add("OUT_OF_RANGE", "year must be from 2012 (the first IDoR) to 2200.", "year");
    const theme = clean(input.theme);
    const themeSource = clean(input.themeSource);
    if (theme && theme.length > 500) issues.add("TOO_LONG", "theme must be at most 500 characters.", "theme");
    if (themeSource && themeSource.length > 1000) issues.add("TOO_LONG", "themeSource must be at most 1,000 characters.", "themeSource");
    if (!issues.ok) return { edition: null, userErrors: issues.list };
    const { result, userErrors } = await inTransaction(
      ctx,
      async (db) => {
        const [row] = await db.insert(editions).values({ year: input.year, date: `${input.year}-11-08`, theme, themeSource }).returning();
        await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "edition.create", targetType: "Edition", targetId: row!.id, societyId: null, before: null, after: row }]);
        return row!;
      },
      { field: ["input", "year"], code: "ALREADY_EXISTS", message: `The edition ${input.year} exists already.` },
    );
    return { edition: result, userErrors };
  }

  @Mutation(() => EditionPayload, { description: "Staff only: changes an edition's theme." })
  async updateEdition(@Ctx() ctx: Context, @Arg("input", () => UpdateEditionInput, { description: "The changes." }) input: UpdateEditionInput) {
    assertCan(ctx.viewer, "edition:update");
    const { result, userErrors } = await inTransaction(
      ctx,
      async (db) => {
        const [row] = await db.select().from(editions).where(eq(editions.year, input.year)).for("update");
        if (!row) throw new UserErrorsAbort([{ field: ["input", "year"], code: "UNKNOWN_EDITION", message: `There is no IDoR edition ${input.year}.` }]);
        const issues = new Issues([], ["input"]);
        const theme = input.theme !== undefined ? clean(input.theme) : row.theme;
        const themeSource = input.themeSource !== undefined ? clean(input.themeSource) : row.themeSource;
        if (theme && theme.length > 500) issues.add("TOO_LONG", "theme must be at most 500 characters.", "theme");
        if (themeSource && themeSource.length > 1000) issues.add("TOO_LONG", "themeSource must be at most 1,000 characters.", "themeSource");
        if (!issues.ok) throw new UserErrorsAbort(issues.list);
        const [updated] = await db.update(editions).set({ theme, themeSource, updatedAt: new Date() }).where(eq(editions.id, row.id)).returning();
        await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "edition.update", targetType: "Edition", targetId: row.id, societyId: null, before: row, after: updated }]);
        return updated!;
      },
      { field: ["input", "year"], code: "ALREADY_EXISTS", message: "conflict" },
    );
    return { edition: result, userErrors };
  }
}
