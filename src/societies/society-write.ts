// Staff administration of societies: inputs, validation and writes (with audit entries).
import { eq } from "drizzle-orm";
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import type { Profession, SocietyKind } from "../db/enums.js";
import { societies, type SocietyRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { clean, isHttpUrl, normaliseCountryCode } from "../shared/text.js";
import { fromGlobalId } from "../shared/global-id.js";
import { ProfessionEnum, SocietyKindEnum } from "../shared/graphql-enums.js";
import { Issues, UserError, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction } from "../shared/write.js";
import { Society } from "./society.type.js";

@InputType("CreateSocietyInput", { description: "A new society." })
export class CreateSocietyInput {
  @Field(() => String, { description: "Unique handle: lower-case letters, digits and single hyphens, at most 64 characters." })
  slug!: string;
  @Field(() => String, { description: "Short name (1 to 32 characters)." })
  acronym!: string;
  @Field(() => String, { description: "Full name (1 to 300 characters)." })
  name!: string;
  @Field(() => SocietyKindEnum, { description: "Kind of organisation." })
  kind!: SocietyKind;
  @Field(() => ProfessionEnum, { description: "Profession represented." })
  profession!: Profession;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 country code; null for international bodies." })
  countryCode?: string | null;
  @Field(() => String, { nullable: true, description: "Website (http or https URL)." })
  website?: string | null;
  @Field(() => Int, { nullable: true, description: "Year founded (1800 to this year)." })
  foundedYear?: number | null;
  @Field(() => String, { nullable: true, description: "A remark (at most 2,000 characters)." })
  note?: string | null;
}

@InputType("UpdateSocietyInput", { description: "Changes to a society; omitted fields stay, null clears an optional one." })
export class UpdateSocietyInput {
  @Field(() => ID, { description: "The society." })
  id!: string;
  @Field(() => String, { nullable: true, description: "New slug (links with the old one stop working)." })
  slug?: string | null;
  @Field(() => String, { nullable: true, description: "New acronym." })
  acronym?: string | null;
  @Field(() => String, { nullable: true, description: "New name." })
  name?: string | null;
  @Field(() => SocietyKindEnum, { nullable: true, description: "New kind." })
  kind?: SocietyKind | null;
  @Field(() => ProfessionEnum, { nullable: true, description: "New profession." })
  profession?: Profession | null;
  @Field(() => String, { nullable: true, description: "New country code; null clears it." })
  countryCode?: string | null;
  @Field(() => String, { nullable: true, description: "New website; null clears it." })
  website?: string | null;
  @Field(() => Int, { nullable: true, description: "New founding year; null clears it." })
  foundedYear?: number | null;
  @Field(() => String, { nullable: true, description: "New remark; null clears it." })
  note?: string | null;
}

@ObjectType("SocietyPayload", { description: "The result of a society mutation." })
export class SocietyPayload {
  @Field(() => Society, { nullable: true, description: "The society after the mutation; null when refused." })
  society!: SocietyRow | null;
  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

type SocietyFields = Omit<typeof societies.$inferInsert, "id" | "createdAt" | "updatedAt">;

function checkSociety(s: SocietyFields, issues: Issues) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.slug) || s.slug.length > 64) {
    issues.add("INVALID_FORMAT", `slug must be lower-case letters and digits, words joined by single hyphens, at most 64 characters (e.g. "dvta"); got "${s.slug.slice(0, 80)}".`, "slug");
  }
  if (s.acronym.length < 1) issues.add("REQUIRED", "acronym must not be empty.", "acronym");
  if (s.acronym.length > 32) issues.add("TOO_LONG", "acronym must be at most 32 characters.", "acronym");
  if (s.name.length < 1) issues.add("REQUIRED", "name must not be empty.", "name");
  if (s.name.length > 300) issues.add("TOO_LONG", "name must be at most 300 characters.", "name");
  if (s.website != null && (s.website.length > 2000 || !isHttpUrl(s.website))) issues.add("INVALID_URL", "website must be an absolute http:// or https:// URL.", "website");
  const thisYear = new Date().getUTCFullYear();
  if (s.foundedYear != null && (s.foundedYear < 1800 || s.foundedYear > thisYear)) {
    issues.add("OUT_OF_RANGE", `foundedYear must be from 1800 to ${thisYear}.`, "foundedYear");
  }
  if (s.note != null && s.note.length > 2000) issues.add("TOO_LONG", "note must be at most 2,000 characters.", "note");
}

function countryOf(raw: string | null | undefined, issues: Issues): string | null {
  if (clean(raw) === null) return null;
  const code = normaliseCountryCode(raw!);
  if (code === null) issues.add("INVALID_FORMAT", `countryCode must be an ISO 3166-1 alpha-2 code such as DE; got "${raw!.slice(0, 20)}".`, "countryCode");
  return code;
}

@Resolver()
export class SocietyWriteResolver {
  @Mutation(() => SocietyPayload, { description: "Staff only: adds a society." })
  async createSociety(@Ctx() ctx: Context, @Arg("input", () => CreateSocietyInput, { description: "The society." }) input: CreateSocietyInput) {
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
    if (!issues.ok) return { society: null, userErrors: issues.list };
    const { result, userErrors } = await inTransaction(
      ctx,
      async (db) => {
        const [row] = await db.insert(societies).values(fields).returning();
        await appendAudit(db, ctx.viewer, ctx.requestId, [{ action: "society.create", targetType: "Society", targetId: row!.id, societyId: row!.id, before: null, after: row }]);
        return row!;
      },
      { field: ["input", "slug"], code: "ALREADY_EXISTS", message: `A society with slug "${fields.slug}" exists already.` },
    );
    return { society: result, userErrors };
  }

  @Mutation(() => SocietyPayload, { description: "Staff only: changes a society." })
  async updateSociety(@Ctx() ctx: Context, @Arg("input", () => UpdateSocietyInput, { description: "The changes." }) input: UpdateSocietyInput) {
    assertCan(ctx.viewer, "society:update");
    const decoded = fromGlobalId(input.id);
    const notFound: UserError = { field: ["input", "id"], code: "NOT_FOUND", message: `No society has the ID "${input.id.slice(0, 80)}".` };
    if (!decoded || decoded.type !== "Society") return { society: null, userErrors: [notFound] };
    const { result, userErrors } = await inTransaction(
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
    return { society: result, userErrors };
  }
}
