// Reads of activities. Visibility comes from activity.policy for every path; nested pages are loaded for all parents
// in one statement (a LATERAL join reading at most first + 1 rows per parent) and counted in one grouped statement.
import DataLoader from "dataloader";
import { and, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Context, Viewer } from "../context.js";
import { rowsOf, type Db } from "../db/client.js";
import { rowMapper, type RowMapper } from "../db/rows.js";
import { builtStatement, runBuilt } from "../db/statements.js";
import { figuresEmbedder, figuresText } from "../metrics/metric.service.js";
import type { ActivityShape } from "./activity.shape.js";
import type { ActivityKind } from "../db/enums.js";
import { activities, activityChanges, editions, metrics, societies, type ActivityRow } from "../db/schema.js";
import type { ActivityState } from "./activity.state.js";
import { badInput } from "../shared/errors.js";
import {
  decodeTimeIdKey,
  pageRequest,
  timeIdKey,
  timeIdValues,
  keysetPage,
  seek,
  toPage,
  type Keyset,
  type Page,
  type PageArgs,
  type PageRequest,
  type TimeIdKey,
} from "../shared/pagination.js";
import { awaitingReview, visibleActivities } from "./activity.policy.js";
import type { ActivityFilter } from "./activity.inputs.js";

const CURSOR_TAG = "a";
const activityRow = rowMapper(activities);
const decodeKey = decodeTimeIdKey(CURSOR_TAG);
const keyOf = (row: ActivityRow) => timeIdKey(CURSOR_TAG, row.createdAt, row.id);

/** Newest first: (created_at, id) descending, backed by the activities_*_created_idx indexes. */
const newestFirst: Keyset<TimeIdKey> = { columns: [activities.createdAt, activities.id], direction: "desc", values: timeIdValues };

function editionYearCondition(year: number): SQL {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw badInput(`year must be from 1900 to 2200; got ${year}`, "year");
  return sql`${activities.editionId} = (select ${editions.id} from ${editions} where ${editions.year} = ${year})`;
}

export function activityLoaders(db: Db, viewer: Viewer) {
  return {
    activityById: new DataLoader<number, ActivityRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(activities)
        .where(and(inArray(activities.id, [...ids]), visibleActivities(viewer)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Pending changes of approved activities (callers check who may see them). */
    pendingChangeByActivityId: new DataLoader<number, ActivityState | null>(async (ids) => {
      const rows = await db.select().from(activityChanges).where(inArray(activityChanges.activityId, [...ids]));
      const byId = new Map(rows.map((r) => [r.activityId, r.proposed as ActivityState]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export async function listActivities(
  ctx: Context,
  filter: ActivityFilter | null | undefined,
  args: PageArgs,
): Promise<Page<ActivityRow>> {
  const request = pageRequest(args, decodeKey);
  const conditions: (SQL | undefined)[] = [visibleActivities(ctx.viewer)];
  if (filter?.year != null) conditions.push(editionYearCondition(filter.year));
  if (filter?.societySlug != null) {
    conditions.push(
      sql`${activities.societyId} = (select ${societies.id} from ${societies} where ${societies.slug} = ${filter.societySlug})`,
    );
  }
  if (filter?.kind) conditions.push(eq(activities.kind, filter.kind));
  if (filter?.status) conditions.push(eq(activities.status, filter.status));
  if (filter?.channel) {
    conditions.push(
      sql`exists (select 1 from ${metrics} where ${metrics.activityId} = ${activities.id} and ${metrics.channel} = ${filter.channel})`,
    );
  }
  if (filter?.awaitingReview != null) {
    const waiting = awaitingReview(ctx.viewer);
    conditions.push(filter.awaitingReview ? waiting : not(waiting));
  }
  const query = { from: activities, where: and(...conditions), keyset: newestFirst };
  return keysetPage(ctx.db, query, request, keyOf);
}

interface ChildFilter {
  year?: number | null;
  kind?: ActivityKind | null;
}

function childConditions(viewer: Viewer, filter: ChildFilter): SQL | undefined {
  return and(
    visibleActivities(viewer),
    filter.year != null ? editionYearCondition(filter.year) : undefined,
    filter.kind ? eq(activities.kind, filter.kind) : undefined,
  );
}

/**
 * One page of children for each parent, in one statement: at most first + 1 rows per parent are read. With a shape
 * (activity.shape.ts) only its columns are read, and its figures come along as one text value per activity.
 */
async function childPages(
  db: Db,
  statementKey: string,
  parentColumn: PgColumn,
  parentIds: readonly number[],
  where: SQL | undefined,
  request: PageRequest<TimeIdKey>,
  shape: ActivityShape | null,
): Promise<Map<number, ActivityRow[]>> {
  const result = new Map<number, ActivityRow[]>(parentIds.map((id) => [id, []]));
  // Built once per key (db/statements.ts): the parents are the one value that changes between batches of one key.
  const statement = builtStatement(statementKey, () => {
    const window = seek(newestFirst, request);
    const selected = shape ? Object.fromEntries(shape.columns.map((key) => [key, activities[key]])) : undefined;
    const page = (selected ? db.select(selected) : db.select())
      .from(activities)
      .where(and(eq(parentColumn, sql`parent.id`), where, window.where))
      .orderBy(...window.orderBy)
      .limit(request.first + 1);
    const figures = shape?.figures ? sql`, ${figuresText(shape.figures, sql`child.id`)} as "__figures"` : sql``;
    return sql`select parent.id as "__parent_id", child.*${figures} from unnest(${sql.placeholder("parents")}::int[]) as parent(id)
          cross join lateral ${page} as child`;
  });
  // Raw rows mapped by rowMapper (src/db/rows.ts): drizzle's mapping of a joined subquery was the costliest part.
  const rows = rowsOf<Record<string, unknown>>(await runBuilt(db, statement, { parents: `{${parentIds.join(",")}}` }));
  const map = shape ? (rowMapper(activities, shape.columns) as RowMapper<ActivityRow>) : activityRow;
  const embed = shape?.figures ? figuresEmbedder(shape.figures) : null;
  for (const raw of rows) {
    const row = map(raw);
    if (embed) embed(row, raw.__figures as string);
    result.get(Number(raw.__parent_id))!.push(row);
  }
  return result;
}

async function childCounts(db: Db, parentColumn: PgColumn, parentIds: readonly number[], where: SQL | undefined) {
  const rows = await db
    .select({ parentId: parentColumn, n: sql<number>`count(*)::int` })
    .from(activities)
    .where(and(inArray(parentColumn, [...parentIds]), where))
    .groupBy(parentColumn);
  const byParent = new Map(rows.map((r) => [r.parentId as number, r.n]));
  return parentIds.map((id) => byParent.get(id) ?? 0);
}

function childPage(
  ctx: Context,
  name: string,
  parentColumn: PgColumn,
  parentId: number,
  filter: ChildFilter,
  args: PageArgs,
  shape: ActivityShape | null,
): Promise<Page<ActivityRow>> {
  const request = pageRequest(args, decodeKey);
  const where = childConditions(ctx.viewer, filter);
  const argsKey = {
    ...filter,
    first: args.first ?? null,
    after: args.after ?? null,
    last: args.last ?? null,
    before: args.before ?? null,
    shape: shape?.key ?? null,
  };
  const pages = ctx.loaders.keyed.get(`${name}.page`, argsKey, async (ids) => {
    // Everything the statement's text depends on: the parent column (by name), the viewer's visibility, the arguments.
    const viewerKey = ctx.viewer.role === "PARTNER" ? `PARTNER:${ctx.viewer.societyId}` : ctx.viewer.role;
    const statementKey = `${name}|${viewerKey}|${JSON.stringify(argsKey)}`;
    const byParent = await childPages(ctx.db, statementKey, parentColumn, ids, where, request, shape);
    return ids.map((id) => byParent.get(id)!);
  });
  const counts = ctx.loaders.keyed.get(`${name}.count`, filter, (ids) => childCounts(ctx.db, parentColumn, ids, where));
  return pages.load(parentId).then((rows) => toPage(rows, request, keyOf, () => counts.load(parentId)));
}

/** A society's page of activities; `shape` (activityShape of the field) narrows what is read, null reads whole rows. */
export function societyActivities(ctx: Context, societyId: number, filter: ChildFilter, args: PageArgs, shape: ActivityShape | null = null) {
  return childPage(ctx, "society.activities", activities.societyId, societyId, filter, args, shape);
}

export function editionActivities(ctx: Context, editionId: number, filter: ChildFilter, args: PageArgs, shape: ActivityShape | null = null) {
  return childPage(ctx, "edition.activities", activities.editionId, editionId, { kind: filter.kind }, args, shape);
}
