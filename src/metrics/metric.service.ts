// Reads of metrics. A metric is visible exactly when its activity is.
import DataLoader from "dataloader";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Viewer } from "../context.js";
import type { Db } from "../db/client.js";
import { rowMapper, selectRows } from "../db/rows.js";
import { activities, metrics, type MetricRow } from "../db/schema.js";
import { visibleActivities } from "../activities/activity.policy.js";

/** The dashboard reads a thousand metric rows per request: mapped without drizzle's generic mapping (db/rows.ts). */
const metricRow = rowMapper(metrics);

export function metricLoaders(db: Db, viewer: Viewer) {
  return {
    /** All figures of each activity, by kind, all-channels figure first, then channels. */
    metricsByActivityId: new DataLoader<number, MetricRow[]>(async (activityIds) => {
      const rows = await selectRows(
        db,
        db
          .select()
          .from(metrics)
          .where(inArray(metrics.activityId, [...activityIds]))
          .orderBy(asc(metrics.activityId), asc(metrics.kind), sql`${metrics.channel} asc nulls first`),
        metricRow,
      );
      const byActivity = new Map<number, MetricRow[]>(activityIds.map((id) => [id, []]));
      for (const row of rows) byActivity.get(row.activityId)?.push(row);
      return activityIds.map((id) => byActivity.get(id)!);
    }),
    metricById: new DataLoader<number, MetricRow | null>(async (ids) => {
      const rows = await db
        .select({ metric: metrics })
        .from(metrics)
        .innerJoin(activities, eq(activities.id, metrics.activityId))
        .where(and(inArray(metrics.id, [...ids]), visibleActivities(viewer)));
      const byId = new Map(rows.map((r) => [r.metric.id, r.metric]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
