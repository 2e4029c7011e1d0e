// Who may see which activities. Every read path (lists, relations, node(id), events, loaders) goes through here.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Viewer } from "../context.js";
import { activities, activityChanges, activityCoOrganisers, type ActivityRow } from "../db/schema.js";

/** SQL condition on `activities` for what the viewer may see; undefined means everything. */
export function visibleActivities(viewer: Viewer): SQL | undefined {
  switch (viewer.role) {
    case "STAFF":
      return undefined;
    case "PARTNER":
      // Its own society's activities, and those it co-organises (activity.co-organisers.ts), in any status.
      return or(
        eq(activities.status, "APPROVED"),
        eq(activities.societyId, viewer.societyId),
        sql`exists (select 1 from ${activityCoOrganisers} where ${activityCoOrganisers.activityId} = ${activities.id} and ${activityCoOrganisers.societyId} = ${viewer.societyId})`,
      );
    case "PUBLIC":
      return eq(activities.status, "APPROVED");
  }
}

export function canSeeActivity(viewer: Viewer, row: Pick<ActivityRow, "status" | "societyId">): boolean {
  switch (viewer.role) {
    case "STAFF":
      return true;
    case "PARTNER":
      return row.status === "APPROVED" || row.societyId === viewer.societyId;
    case "PUBLIC":
      return row.status === "APPROVED";
  }
}

/** Whether the viewer manages the activity (its society's partner, or staff): sees its pending change and review note. */
export function managesActivity(viewer: Viewer, row: Pick<ActivityRow, "societyId">): boolean {
  return viewer.role === "STAFF" || (viewer.role === "PARTNER" && viewer.societyId === row.societyId);
}

/**
 * Activities waiting for review: SUBMITTED ones, and APPROVED ones with a pending change — the latter only where the
 * viewer may see pending changes (staff: all; a partner: its own society's; the public: none), so the filter never
 * tells anyone that someone else's activity has a change under review.
 */
export function awaitingReview(viewer: Viewer): SQL {
  const pending = sql`exists (select 1 from ${activityChanges} where ${activityChanges.activityId} = ${activities.id})`;
  const pendingSeen =
    viewer.role === "STAFF" ? pending : viewer.role === "PARTNER" ? and(pending, eq(activities.societyId, viewer.societyId)) : sql`false`;
  return or(eq(activities.status, "SUBMITTED"), and(eq(activities.status, "APPROVED"), pendingSeen))!;
}
