// Staff review: marking a whole activity as the same as another (two societies each submitted the one event). Its OWN
// figures then measure the other's ground (summary.sql.ts `part`), so figures of the same kind and coverage count
// once (the larger; the other is SET_ASIDE), figures the other lacks still count, and rankings keep crediting each
// society (coReported). Reversible (sameAsActivityId: null), audited, and shown as Activity.sameAs. A mark always
// points at an unmarked activity, so there are no chains.
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { activities, type ActivityRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { fromGlobalId } from "../shared/global-id.js";
import { UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";

async function load(db: Db, globalId: string, field: string): Promise<ActivityRow> {
  const decoded = fromGlobalId(globalId);
  const [row] = decoded?.type === "Activity" ? await db.select().from(activities).where(eq(activities.id, decoded.id)).for("update") : [];
  if (!row) throw UserErrorsAbort.at(["input", field], "NOT_FOUND", `No activity with ID "${globalId.slice(0, 80)}".`);
  return row;
}

export async function markSameActivity(ctx: Context, input: { activityId: string; sameAsActivityId?: string | null }): Promise<WriteResult<ActivityRow>> {
  assertCan(ctx.viewer, "activity:review");
  return inTransaction(ctx, async (db) => {
    const row = await load(db, input.activityId, "activityId");
    let targetId: number | null = null;
    if (input.sameAsActivityId != null) {
      let target = await load(db, input.sameAsActivityId, "sameAsActivityId");
      const refuse = (message: string) => UserErrorsAbort.at(["input", "sameAsActivityId"], "INVALID_STATE", message);
      if (target.editionId !== row.editionId) throw refuse("The two activities belong to different editions.");
      if (target.id === row.id) throw refuse("An activity cannot be the same as itself.");
      // Point at the unmarked original, so that a group of same activities is one level deep.
      if (target.sameAsActivityId !== null) [target] = (await db.select().from(activities).where(eq(activities.id, target.sameAsActivityId))) as [ActivityRow];
      if (target.id === row.id) throw refuse("That activity is already marked as the same as this one.");
      targetId = target.id;
    }
    if (targetId === row.sameAsActivityId) return row;
    const [updated] = await db.update(activities).set({ sameAsActivityId: targetId, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
    // Activities marked as the same as this one follow it to its original.
    if (targetId !== null) await db.update(activities).set({ sameAsActivityId: targetId }).where(eq(activities.sameAsActivityId, row.id));
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      { action: "activity.markSame", targetType: "Activity", targetId: row.id, societyId: row.societyId, before: { sameAsActivityId: row.sameAsActivityId }, after: { sameAsActivityId: targetId } },
    ]);
    return updated!;
  });
}
