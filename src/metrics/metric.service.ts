// Reads of metrics. A metric is visible exactly when its activity is.
import DataLoader from "dataloader";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Context, Viewer } from "../context.js";
import { rowsOf, type Db } from "../db/client.js";
import { parseTextRows, rowMapper, selectRows, textCells, textRowMapper } from "../db/rows.js";
import type { PgColumn } from "drizzle-orm/pg-core";
import { activities, metrics, type MetricRow } from "../db/schema.js";
import { visibleActivities } from "../activities/activity.policy.js";

/** The dashboard reads a thousand metric rows per request: mapped without drizzle's generic mapping (db/rows.ts). */
const metricRow = rowMapper(metrics);

/** The order of an activity's figures everywhere: by kind, the all-channels figure (channel null) first, then channels. */
const FIGURE_ORDER = sql`${metrics.kind} asc, ${metrics.channel} asc nulls first`;

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
          .orderBy(asc(metrics.activityId), FIGURE_ORDER),
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

/**
 * Metric fields that are its own columns, read by graphql's default resolver. A query asking only for these (the
 * dashboard: kind, channel, value, precision, scope) gets rows of just those columns: 6 of the table's 18, no
 * timestamps to turn into Dates, a third of the bytes to decode (bench/RESULTS.md, "Third pass").
 */
const COLUMN_FIELDS = new Map<string, PgColumn>(
  (["kind", "channel", "derived", "window", "overrideNote", "value", "precision", "scope", "asOf", "source", "note"] as const).map(
    (field) => [field, metrics[field]],
  ),
);
export const METRIC_COLUMN_FIELDS: ReadonlySet<string> = new Set(COLUMN_FIELDS.keys());

/** An activity's figures with only the given columns (names from METRIC_COLUMN_FIELDS), in metricsByActivityId's order. */
export function activityFigures(ctx: Context, activityId: number, fields: readonly string[]): Promise<Array<Partial<MetricRow>>> {
  const loader = ctx.loaders.keyed.get("activity.metrics.columns", fields.join(","), async (activityIds) => {
    const selected = sql.join([sql`${metrics.activityId}`, ...fields.map((field) => sql`${COLUMN_FIELDS.get(field)!}`)], sql`, `);
    const map = rowMapper(metrics, fields);
    const raw = rowsOf<Record<string, unknown>>(
      await ctx.db.execute(
        sql`select ${selected} from ${metrics} where ${inArray(metrics.activityId, [...activityIds])}
            order by ${metrics.activityId} asc, ${FIGURE_ORDER}`,
      ),
    );
    const byActivity = new Map<number, Array<Partial<MetricRow>>>(activityIds.map((id) => [id, []]));
    for (const r of raw) byActivity.get(Number(r[metrics.activityId.name]))?.push(map(r));
    return activityIds.map((id) => byActivity.get(id)!);
  });
  return loader.load(activityId);
}

/**
 * The figures of the activity `activityId` (an SQL expression of the enclosing statement) as one text value, a
 * two-dimensional array of texts (db/rows.ts `textCells`), in metricsByActivityId's order: a page of activities reads
 * its figures in its own statement (activity.service.ts `childPages`). Only plain columns (METRIC_COLUMN_FIELDS); a
 * figure is visible exactly when its activity is, so the page's visibility condition is the figures' too. The index
 * metrics_activity_figures_idx (migration 0009) is in this order, so PostgreSQL reads each activity's figures sorted.
 */
export function figuresText(fields: readonly string[], activityId: SQL): SQL {
  return sql`array(select array[${textCells(metrics, fields)}] from ${metrics} where ${metrics.activityId} = ${activityId}
    order by ${FIGURE_ORDER})::text`;
}

const EMBEDDED = Symbol("figures");
type WithFigures = { [EMBEDDED]?: Array<Partial<MetricRow>> };

/** Keeps the figures read with an activity (as figuresText built them) on its row, for `Activity.metrics`. */
export function figuresEmbedder(fields: readonly string[]): (row: object, text: string) => void {
  const map = textRowMapper(metrics, fields);
  return (row, text) => {
    (row as WithFigures)[EMBEDDED] = parseTextRows(text).map(map);
  };
}

/** The figures read with this activity row, if its page read them (embedFigures); undefined otherwise. */
export function embeddedFigures(row: object): Array<Partial<MetricRow>> | undefined {
  return (row as WithFigures)[EMBEDDED];
}
