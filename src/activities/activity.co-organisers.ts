// Co-organised activities (issue 9): two societies co-host one webinar and record it as ONE activity, so its figures
// count once in every total. The lead society (the activity's own) names its co-organisers, by slug, when it submits
// and later with setCoOrganisers; rankings credit each organiser (coReported). Co-organisers see the activity, also
// while it is under review, and may record or remove its figures (recordMetrics/removeMetrics), which follow the
// review rule like the lead's. Only the lead (or staff) changes the activity's other fields, the co-organiser list and
// withdraws it. Once the activity is APPROVED, only staff change its co-organisers: who is credited is public.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Context, Viewer } from "../context.js";
import type { Db } from "../db/client.js";
import { activities, activityCoOrganisers, societies, type ActivityRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { fromGlobalId } from "../shared/global-id.js";
import { HubError } from "../shared/errors.js";
import { Issues, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import { checkInput } from "../shared/input-schema.js";
import { canSeeActivity } from "./activity.policy.js";
import { SetCoOrganisersSchema } from "./activity-write.schema.js";

/**
 * Checks a list of co-organiser slugs (their number and repeats are the input schema's checks) against the societies
 * found (by slug) and the lead society; returns their IDs in ascending order. Problems go to `issues` under `field`.
 */
export function coOrganiserIds(slugs: readonly string[] | null | undefined, lead: number | undefined, bySlug: ReadonlyMap<string, number>, issues: Issues, field = "coOrganisers"): number[] {
  const list = slugs ?? [];
  const ids = new Set<number>();
  list.forEach((slug, i) => {
    const id = bySlug.get(slug);
    if (id === undefined) issues.add("UNKNOWN_SOCIETY", `There is no society with slug "${slug.slice(0, 64)}".`, field, i);
    else if (id === lead) issues.add("INVALID_STATE", `"${slug.slice(0, 64)}" is the activity's own society; co-organisers are the other societies.`, field, i);
    else ids.add(id);
  });
  return [...ids].sort((a, b) => a - b);
}

export async function societyIdsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.select({ id: societies.id, slug: societies.slug }).from(societies).where(inArray(societies.slug, [...new Set(slugs)]));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function insertCoOrganisers(db: Db, links: Array<{ activityId: number; societyId: number }>): Promise<void> {
  if (links.length) await db.insert(activityCoOrganisers).values(links).onConflictDoNothing();
}

/** Is the viewer's society a co-organiser of the activity? */
export async function coOrganises(db: Db, viewer: Viewer, activityId: number): Promise<boolean> {
  if (viewer.role !== "PARTNER") return false;
  const rows = await db
    .select({ one: sql`1` })
    .from(activityCoOrganisers)
    .where(and(eq(activityCoOrganisers.activityId, activityId), eq(activityCoOrganisers.societyId, viewer.societyId)))
    .limit(1);
  return rows.length > 0;
}

/** The co-organisers of an activity, in ascending ID order. */
export async function coOrganisersOf(db: Db, activityId: number): Promise<number[]> {
  const rows = await db.select({ id: activityCoOrganisers.societyId }).from(activityCoOrganisers).where(eq(activityCoOrganisers.activityId, activityId)).orderBy(activityCoOrganisers.societyId);
  return rows.map((r) => r.id);
}

/** Replaces an activity's co-organisers (the lead's key while it is not APPROVED; staff always). */
export async function setCoOrganisers(ctx: Context, input: { activityId: string; expectedVersion: number; societies: string[] }): Promise<WriteResult<ActivityRow>> {
  assertCan(ctx.viewer, "activity:update");
  return inTransaction(ctx, async (db) => {
    const decoded = fromGlobalId(input.activityId);
    const notFound = () => UserErrorsAbort.at(["input", "activityId"], "NOT_FOUND", `No activity with ID "${input.activityId.slice(0, 80)}" is visible to you.`);
    if (decoded?.type !== "Activity") throw notFound();
    const [row] = await db.select().from(activities).where(eq(activities.id, decoded.id)).for("update");
    if (!row || !(canSeeActivity(ctx.viewer, row) || (await coOrganises(db, ctx.viewer, row.id)))) throw notFound();
    if (ctx.viewer.role === "PARTNER" && row.societyId !== ctx.viewer.societyId) {
      throw new HubError("FORBIDDEN", "Only the lead society (the activity's own) or staff may name its co-organisers.", { action: "activity:update" });
    }
    if (row.version !== input.expectedVersion) {
      throw UserErrorsAbort.staleVersion(["input", "expectedVersion"], "activity", row.version, input.expectedVersion);
    }
    if (ctx.viewer.role === "PARTNER" && row.status === "APPROVED") {
      throw UserErrorsAbort.at(["input", "societies"], "INVALID_STATE", "The activity is approved: who is credited with it is public, so ask ESR staff to change its co-organisers.");
    }
    const issues = new Issues([], ["input"]);
    const ids = coOrganiserIds(input.societies, row.societyId, await societyIdsBySlug(db, input.societies), issues, "societies");
    checkInput(SetCoOrganisersSchema, input, issues);
    if (!issues.ok) throw new UserErrorsAbort(issues.list);
    const before = await coOrganisersOf(db, row.id);
    if (JSON.stringify(before) === JSON.stringify(ids)) return row;
    await db.delete(activityCoOrganisers).where(eq(activityCoOrganisers.activityId, row.id));
    await insertCoOrganisers(db, ids.map((societyId) => ({ activityId: row.id, societyId })));
    const [updated] = await db.update(activities).set({ version: row.version + 1, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      { action: "activity.setCoOrganisers", targetType: "Activity", targetId: row.id, societyId: row.societyId, before: { coOrganisers: before }, after: { coOrganisers: ids } },
    ]);
    return updated!;
  });
}
