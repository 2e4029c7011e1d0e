// Changes to existing activities: content updates and metric changes (with optimistic concurrency and the review
// rule), withdrawal and review. Every path locks the activity, checks who may act, validates the whole resulting state
// and writes it with its audit entry in one transaction; refusals leave the database as it was.
import { eq, inArray, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { activities, activityChanges, editions, metrics, type ActivityRow, type MetricRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { fromGlobalId } from "../shared/global-id.js";
import { Issues, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import { canSeeActivity } from "./activity.policy.js";
import { coOrganises } from "./activity.co-organisers.js";
import { alignEventDates, eventState, metricsFromInput, today } from "./activity.convert.js";
import { checkInput } from "../shared/input-schema.js";
import { clean } from "../shared/text.js";
import { RecordMetricsSchema, RemoveMetricsSchema, ReviewActivitySchema, UpdateActivitySchema } from "./activity-write.schema.js";
import {
  metricKey,
  metricStateOf,
  rowValues,
  snapshot,
  sortMetrics,
  stateOf,
  validateState,
  type ActivityState,
} from "./activity.state.js";
import type {
  MetricKeyInput,
  RecordMetricsInput,
  RemoveMetricsInput,
  ReviewActivityInput,
  UpdateActivityInput,
  WithdrawActivityInput,
} from "./activity-write.inputs.js";

/** Makes the activity row and its metrics equal `state` (metrics matched by kind and channel keep their IDs). */
async function applyState(db: Db, row: ActivityRow, current: MetricRow[], state: ActivityState, extra: Partial<ActivityRow>) {
  const [updated] = await db
    .update(activities)
    .set({ ...rowValues(state), ...extra, version: row.version + 1, updatedAt: new Date() })
    .where(eq(activities.id, row.id))
    .returning();
  const wanted = new Map(state.metrics.map((m) => [metricKey(m), m]));
  const stale = current.filter((m) => !wanted.has(metricKey(m))).map((m) => m.id);
  if (stale.length) await db.delete(metrics).where(inArray(metrics.id, stale));
  const existing = new Map(current.map((m) => [metricKey(m), m]));
  const changed = state.metrics.filter((m) => {
    const before = existing.get(metricKey(m));
    return !before || JSON.stringify(metricStateOf(before)) !== JSON.stringify(m);
  });
  if (changed.length) {
    await db
      .insert(metrics)
      .values(changed.map((m) => ({ ...m, activityId: row.id })))
      .onConflictDoUpdate({
        target: [metrics.activityId, metrics.kind, metrics.channel],
        set: {
          value: sql`excluded.value`,
          precision: sql`excluded.precision`,
          scope: sql`excluded.scope`,
          asOf: sql`excluded.as_of`,
          source: sql`excluded.source`,
          note: sql`excluded.note`,
          channels: sql`excluded.channels`,
          derived: sql`excluded.derived`,
          window: sql`excluded."window"`,
          overrideNote: sql`excluded.override_note`,
          updatedAt: sql`now()`,
        },
      });
  }
  return updated!;
}

interface Loaded {
  row: ActivityRow;
  metrics: MetricRow[];
  pending: ActivityState | null;
  year: number;
}

/** Locks an activity for a write; NOT_FOUND when missing or invisible, FORBIDDEN when visible but not the caller's. */
async function loadForWrite(
  ctx: Context,
  db: Db,
  globalId: string,
  field: string[],
  action: "activity:update" | "activity:withdraw" | "activity:review",
  figuresOnly = false,
): Promise<Loaded> {
  const decoded = fromGlobalId(globalId);
  const notFound = () =>
    UserErrorsAbort.at(field, "NOT_FOUND", `No activity with ID "${globalId.slice(0, 80)}" is visible to you.`);
  if (!decoded || decoded.type !== "Activity") throw notFound();
  const [found] = await db
    .select({ row: activities, year: editions.year })
    .from(activities)
    .innerJoin(editions, eq(editions.id, activities.editionId))
    .where(eq(activities.id, decoded.id))
    .for("update", { of: activities });
  if (!found) throw notFound();
  // A co-organiser sees the activity and may change its figures (recordMetrics/removeMetrics), nothing else.
  const foreign = ctx.viewer.role === "PARTNER" && found.row.societyId !== ctx.viewer.societyId;
  const coOrganiser = foreign && (await coOrganises(db, ctx.viewer, found.row.id));
  if (!canSeeActivity(ctx.viewer, found.row) && !coOrganiser) throw notFound();
  if (!(coOrganiser && figuresOnly)) assertCan(ctx.viewer, action, found.row);
  const current = await db.select().from(metrics).where(eq(metrics.activityId, found.row.id));
  const [change] = await db.select().from(activityChanges).where(eq(activityChanges.activityId, found.row.id));
  return { row: found.row, metrics: current, pending: (change?.proposed as ActivityState | undefined) ?? null, year: found.year };
}

function checkVersion(loaded: Loaded, expected: number | null | undefined, field: string[]) {
  if (expected != null && loaded.row.version !== expected) {
    throw UserErrorsAbort.staleVersion(field, "activity", loaded.row.version, expected);
  }
}

/**
 * Writes a new state for an activity following the review rule: an APPROVED activity keeps what the public sees and
 * the change waits for review; SUBMITTED ones change in place; REJECTED and WITHDRAWN ones are re-submitted.
 */
async function writeState(ctx: Context, db: Db, loaded: Loaded, next: ActivityState, action: string): Promise<ActivityRow> {
  const { row } = loaded;
  const published = stateOf(row, loaded.metrics);
  const before = snapshot(row, published, loaded.pending);
  let updated: ActivityRow;
  let pendingAfter: ActivityState | null = null;
  if (row.status === "APPROVED") {
    if (JSON.stringify(next) === JSON.stringify(published)) {
      // Back to the published state: nothing waits for review any more.
      await db.delete(activityChanges).where(eq(activityChanges.activityId, row.id));
    } else {
      pendingAfter = next;
      await db
        .insert(activityChanges)
        .values({ activityId: row.id, proposed: next })
        .onConflictDoUpdate({ target: activityChanges.activityId, set: { proposed: next, updatedAt: new Date() } });
    }
    [updated] = (await db
      .update(activities)
      .set({ version: row.version + 1, updatedAt: new Date() })
      .where(eq(activities.id, row.id))
      .returning()) as [ActivityRow];
  } else {
    const extra: Partial<ActivityRow> = row.status === "SUBMITTED" ? {} : { status: "SUBMITTED", reviewNote: null, reviewedAt: null };
    updated = await applyState(db, row, loaded.metrics, next, extra);
  }
  await appendAudit(db, ctx.viewer, ctx.requestId, [
    {
      action,
      targetType: "Activity",
      targetId: row.id,
      societyId: row.societyId,
      before,
      after: snapshot(updated, updated.status === "APPROVED" ? published : next, pendingAfter),
    },
  ]);
  return updated;
}
/**
 * The frame of every change to one activity's content: permission, lock, version check, the new state (computed and
 * validated by `next` against the edition's year), then written by the review rule. No new version when nothing changes.
 */
function changeActivity(
  ctx: Context,
  target: { id: string; field: string; expectedVersion: number; input: unknown; schema: Parameters<typeof checkInput>[0]; figuresOnly?: boolean },
  action: string,
  next: (base: ActivityState, issues: Issues, year: number) => ActivityState,
): Promise<WriteResult<ActivityRow>> {
  assertCan(ctx.viewer, "activity:update");
  return inTransaction(ctx, async (db) => {
    const loaded = await loadForWrite(ctx, db, target.id, ["input", target.field], "activity:update", target.figuresOnly);
    checkVersion(loaded, target.expectedVersion, ["input", "expectedVersion"]);
    const base = loaded.pending ?? stateOf(loaded.row, loaded.metrics);
    const issues = new Issues([], ["input"]);
    checkInput(target.schema, target.input, issues);
    const state = next(base, issues, loaded.year);
    if (!issues.ok) throw new UserErrorsAbort(issues.list);
    if (JSON.stringify(state) === JSON.stringify(base)) return loaded.row;
    return writeState(ctx, db, loaded, state, action);
  });
}

export function updateActivity(ctx: Context, input: UpdateActivityInput): Promise<WriteResult<ActivityRow>> {
  const target = { id: input.id, field: "id", expectedVersion: input.expectedVersion, input, schema: UpdateActivitySchema };
  return changeActivity(ctx, target, "activity.update", (base, issues, year) => {
    const next: ActivityState = { ...base };
    if (input.kind != null) next.kind = input.kind;
    // A null or blank title is refused by the schema; the state keeps the one it had.
    if (input.title != null && input.title.trim() !== "") next.title = input.title.trim();
    for (const field of ["description", "url", "source"] as const) if (input[field] !== undefined) next[field] = clean(input[field]);
    for (const field of ["startsOn", "endsOn", "freeAccessUntil"] as const) if (input[field] !== undefined) next[field] = input[field] ?? null;
    if (input.event !== undefined) next.event = input.event === null ? null : eventState(input.event);
    if (input.event !== undefined || input.startsOn !== undefined || input.endsOn !== undefined) {
      alignEventDates(next, issues, { startsOn: input.startsOn, endsOn: input.endsOn });
    }
    validateState(next, year, issues, today());
    return next;
  });
}

export function recordMetrics(ctx: Context, input: RecordMetricsInput): Promise<WriteResult<ActivityRow>> {
  const target = { id: input.activityId, field: "activityId", expectedVersion: input.expectedVersion, input, schema: RecordMetricsSchema, figuresOnly: true };
  return changeActivity(ctx, target, "activity.recordMetrics", (base, issues, year) => {
    const incoming = metricsFromInput(input.metrics);
    // Checked with the incoming figures alone, so that problems name the input's own indexes.
    validateState({ ...base, metrics: incoming }, year, issues, today());
    const merged = new Map(base.metrics.map((m) => [metricKey(m), m]));
    for (const m of incoming) merged.set(metricKey(m), m);
    return { ...base, metrics: sortMetrics([...merged.values()]) };
  });
}

export function removeMetrics(ctx: Context, input: RemoveMetricsInput): Promise<WriteResult<ActivityRow>> {
  const target = { id: input.activityId, field: "activityId", expectedVersion: input.expectedVersion, input, schema: RemoveMetricsSchema, figuresOnly: true };
  // Removing figures cannot make a valid state invalid: nothing to validate beyond the names (each named once: schema).
  return changeActivity(ctx, target, "activity.removeMetrics", (base, issues) => {
    const present = new Set(base.metrics.map(metricKey));
    const removing = new Set<string>();
    input.metrics.forEach((m: MetricKeyInput, i) => {
      const key = metricKey({ kind: m.kind, channel: m.channel ?? null });
      if (!removing.has(key) && !present.has(key)) issues.add("NOT_FOUND", `The activity has no ${m.kind} figure on ${m.channel ?? "all channels"}.`, "metrics", i);
      removing.add(key);
    });
    return { ...base, metrics: base.metrics.filter((m) => !removing.has(metricKey(m))) };
  });
}

export async function withdrawActivity(ctx: Context, input: WithdrawActivityInput): Promise<WriteResult<ActivityRow>> {
  assertCan(ctx.viewer, "activity:withdraw");
  return inTransaction(ctx, async (db) => {
    const loaded = await loadForWrite(ctx, db, input.id, ["input", "id"], "activity:withdraw");
    checkVersion(loaded, input.expectedVersion, ["input", "expectedVersion"]);
    if (loaded.row.status === "WITHDRAWN") {
      throw UserErrorsAbort.at(["input", "id"], "INVALID_STATE", "The activity is withdrawn already.");
    }
    const published = stateOf(loaded.row, loaded.metrics);
    await db.delete(activityChanges).where(eq(activityChanges.activityId, loaded.row.id));
    const [updated] = await db
      .update(activities)
      .set({ status: "WITHDRAWN", version: loaded.row.version + 1, updatedAt: new Date() })
      .where(eq(activities.id, loaded.row.id))
      .returning();
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      {
        action: "activity.withdraw",
        targetType: "Activity",
        targetId: loaded.row.id,
        societyId: loaded.row.societyId,
        before: snapshot(loaded.row, published, loaded.pending),
        after: snapshot(updated!, published, null),
      },
    ]);
    return updated!;
  });
}

export async function reviewActivity(ctx: Context, input: ReviewActivityInput): Promise<WriteResult<ActivityRow>> {
  assertCan(ctx.viewer, "activity:review");
  const issues = new Issues([], ["input"]);
  if (!checkInput(ReviewActivitySchema, input, issues)) return { result: null, userErrors: issues.list };
  const note = clean(input.note);
  return inTransaction(ctx, async (db) => {
    const loaded = await loadForWrite(ctx, db, input.id, ["input", "id"], "activity:review");
    checkVersion(loaded, input.expectedVersion, ["input", "expectedVersion"]);
    const { row } = loaded;
    const published = stateOf(row, loaded.metrics);
    const approve = input.decision === "APPROVE";
    const reviewed = { reviewNote: note, reviewedAt: new Date() };
    let updated: ActivityRow;
    let after: ActivityState = published;
    if (row.status === "SUBMITTED") {
      [updated] = (await db
        .update(activities)
        .set({ status: approve ? "APPROVED" : "REJECTED", ...reviewed, version: row.version + 1, updatedAt: new Date() })
        .where(eq(activities.id, row.id))
        .returning()) as [ActivityRow];
    } else if (row.status === "APPROVED" && loaded.pending) {
      await db.delete(activityChanges).where(eq(activityChanges.activityId, row.id));
      if (approve) {
        updated = await applyState(db, row, loaded.metrics, loaded.pending, reviewed);
        after = loaded.pending;
      } else {
        [updated] = (await db
          .update(activities)
          .set({ ...reviewed, version: row.version + 1, updatedAt: new Date() })
          .where(eq(activities.id, row.id))
          .returning()) as [ActivityRow];
      }
    } else {
      throw UserErrorsAbort.at(["input", "id"], "INVALID_STATE", `Nothing to review: the activity is ${row.status}${row.status === "APPROVED" ? " with no pending change" : ""}.`);
    }
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      {
        action: approve ? "activity.approve" : "activity.reject",
        targetType: "Activity",
        targetId: row.id,
        societyId: row.societyId,
        before: snapshot(row, published, loaded.pending),
        after: { ...snapshot(updated, after, null), reviewNote: note },
      },
    ]);
    return updated;
  });
}
